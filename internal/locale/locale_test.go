package locale

import "testing"

func intp(i int) *int { return &i }

func TestMoney(t *testing.T) {
	tests := []struct {
		lang, cur string
		min, max  int
		open      bool
		want      string
	}{
		{"en", "EUR", 45000, 55000, false, "€45K–€55K"},
		{"en", "EUR", 70000, 100000, true, "€70K–€100K+"},
		{"en", "USD", 52500, 61000, false, "$52.5K–$61K"},
		{"fr", "EUR", 45000, 55000, false, "45–55\u00a0k€"},
		{"fr", "EUR", 70000, 100000, true, "70–100\u00a0k€ et plus"},
		{"fr", "EUR", 52500, 61000, false, "52,5–61\u00a0k€"},
		{"fr-CA", "CAD", 80000, 90000, false, "80–90\u00a0kCA$"},
	}
	for _, tt := range tests {
		l, err := For(tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		if got := l.MoneyRangeK(tt.min, tt.max, tt.cur, tt.open); got != tt.want {
			t.Errorf("%s %d–%d %s = %q, want %q", tt.lang, tt.min, tt.max, tt.cur, got, tt.want)
		}
	}
	en, _ := For("en")
	fr, _ := For("fr")
	if got := en.MoneyK(40000, "EUR"); got != "€40K" {
		t.Errorf("en MoneyK = %q", got)
	}
	if got := fr.MoneyK(40000, "EUR"); got != "40\u00a0k€" {
		t.Errorf("fr MoneyK = %q", got)
	}
}

func TestYears(t *testing.T) {
	tests := []struct {
		lang string
		min  int
		max  *int
		want string
	}{
		{"en", 0, intp(3), "0–3 years"},
		{"en", 7, nil, "7+ years"},
		{"fr", 3, intp(6), "3–6\u00a0ans"},
		{"fr", 7, nil, "7\u00a0ans et plus"},
		{"fr", 0, intp(1), "0–1\u00a0an"},
	}
	for _, tt := range tests {
		l, _ := For(tt.lang)
		if got := l.Years(tt.min, tt.max); got != tt.want {
			t.Errorf("%s Years(%d, %v) = %q, want %q", tt.lang, tt.min, tt.max, got, tt.want)
		}
	}
}

func TestUnsupported(t *testing.T) {
	_, err := For("de")
	want := `language "de": no number formats for it (supported: en, fr)`
	if err == nil || err.Error() != want {
		t.Errorf("For(de) = %v, want %s", err, want)
	}
}

// TestMillions: from a million on, amounts are in millions.
func TestMillions(t *testing.T) {
	en, _ := For("en")
	fr, _ := For("fr")
	for _, tt := range []struct {
		l        *Locale
		min, max int
		open     bool
		want     string
	}{
		{en, 9_000_000, 25_000_000, false, "€9M–€25M"},
		{en, 500_000, 1_250_000, true, "€500K–€1.25M+"},
		{fr, 9_000_000, 25_000_000, false, "9–25\u00a0M€"},
		{fr, 500_000, 1_500_000, true, "500\u00a0k€–1,5\u00a0M€ et plus"},
	} {
		if got := tt.l.MoneyRangeK(tt.min, tt.max, "EUR", tt.open); got != tt.want {
			t.Errorf("%s MoneyRangeK(%d, %d) = %q, want %q", tt.l.Lang, tt.min, tt.max, got, tt.want)
		}
	}
	if got := fr.MoneyK(2_500_000, "EUR"); got != "2,5\u00a0M€" {
		t.Errorf("fr MoneyK(2500000) = %q", got)
	}
}

// TestMoneyInFull: monthly figures are written in full, thousands grouped
// by each language's separator (U+202F in French, before U+00A0 and the
// symbol).
func TestMoneyInFull(t *testing.T) {
	for _, tt := range []struct {
		lang, cur string
		min, max  int
		open      bool
		one, span string
	}{
		{"en", "GBP", 3500, 4200, false, "£3,500", "£3,500–£4,200"},
		{"en", "EUR", 950, 12500, true, "€950", "€950–€12,500+"},
		{"en", "USD", 1_250_000, 10_000_000, false, "$1,250,000", "$1,250,000–$10,000,000"},
		{"fr", "EUR", 3500, 4200, false, "3\u202f500\u00a0€", "3\u202f500–4\u202f200\u00a0€"},
		{"fr", "EUR", 950, 12500, true, "950\u00a0€", "950–12\u202f500\u00a0€ et plus"},
		{"fr-CA", "CAD", 1_250_000, 10_000_000, false, "1\u202f250\u202f000\u00a0CA$", "1\u202f250\u202f000–10\u202f000\u202f000\u00a0CA$"},
	} {
		l, err := For(tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		if got := l.Money(tt.min, tt.cur); got != tt.one {
			t.Errorf("%s Money(%d, %s) = %q, want %q", tt.lang, tt.min, tt.cur, got, tt.one)
		}
		if got := l.MoneyRange(tt.min, tt.max, tt.cur, tt.open); got != tt.span {
			t.Errorf("%s MoneyRange(%d, %d, %s) = %q, want %q", tt.lang, tt.min, tt.max, tt.cur, got, tt.span)
		}
	}
}
