package locale

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/currency"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/brochure-dev/brochure/internal/content"
	"github.com/brochure-dev/brochure/internal/lang"
)

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
		{"fr-CA", "CAD", 80000, 90000, false, "80\u202f000–90\u202f000\u00a0$"}, // in full, "$" as CLDR writes it in Canada
		{"en", "CAD", 80000, 90000, false, "CA$80K–CA$90K"},
		{"en-GB", "GBP", 45000, 55000, false, "£45k–£55k"},
		{"en-GB", "GBP", 70000, 100000, true, "£70k–£100k+"},
		{"en-US", "USD", 45000, 55000, false, "$45K–$55K"},
		{"en-IE", "EUR", 45000, 55000, false, "€45K–€55K"}, // "en"
		{"fr-CH", "CHF", 80000, 90000, false, "80–90\u00a0kCHF"},
		{"de", "EUR", 45000, 55000, false, "45–55\u00a0k€"},
		{"de", "EUR", 52500, 70000, true, "52,5–70\u00a0k€ und\u00a0mehr"},
		{"de-AT", "EUR", 45000, 55000, false, "45–55\u00a0k€"},
		{"de-CH", "CHF", 95500, 120000, false, "95.5–120\u00a0kCHF"}, // CLDR: "." in Switzerland
		{"de-CH", "EUR", 45000, 55000, false, "45–55\u00a0kEUR"},     // CLDR's Swiss symbol
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
		{"de", 3, intp(6), "3–6\u00a0Jahre"},
		{"de", 0, intp(1), "0–1\u00a0Jahr"},
		{"de-CH", 7, nil, "7+ Jahre"},
	}
	for _, tt := range tests {
		l, _ := For(tt.lang)
		if got := l.Years(tt.min, tt.max); got != tt.want {
			t.Errorf("%s Years(%d, %v) = %q, want %q", tt.lang, tt.min, tt.max, got, tt.want)
		}
	}
}

func TestUnsupported(t *testing.T) {
	_, err := For("sv")
	want := `language "sv" cannot be typeset`
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("For(it) = %v, want %s…", err, want)
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

// TestGermanMillions: from a million on, "Mio." as CLDR abbreviates it.
func TestGermanMillions(t *testing.T) {
	de, _ := For("de")
	for _, tt := range []struct {
		min, max int
		want     string
	}{
		{9_000_000, 25_000_000, "9–25\u00a0Mio.\u00a0€"},
		{500_000, 1_500_000, "500\u00a0k€–1,5\u00a0Mio.\u00a0€"},
	} {
		if got := de.MoneyRangeK(tt.min, tt.max, "EUR", false); got != tt.want {
			t.Errorf("de MoneyRangeK(%d, %d) = %q, want %q", tt.min, tt.max, got, tt.want)
		}
	}
	if got := de.MoneyK(40000, "EUR"); got != "40\u00a0k€" {
		t.Errorf("de MoneyK = %q", got)
	}
}

func TestDate(t *testing.T) {
	for _, tt := range []struct{ lang, want string }{
		{"en", "1\u00a0March 2026"}, {"fr", "1er\u00a0mars 2026"},
		{"de", "1.\u00a0März 2026"}, {"de-AT", "1.\u00a0März 2026"},
	} {
		l, _ := For(tt.lang)
		if got := l.Date(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)); got != tt.want {
			t.Errorf("%s Date = %q, want %q", tt.lang, got, tt.want)
		}
	}
	at, _ := For("de-AT")
	if got := at.Date(time.Date(2026, 1, 4, 0, 0, 0, 0, time.UTC)); got != "4.\u00a0Jänner 2026" {
		t.Errorf("de-AT Date = %q", got)
	}
}

// TestOtherLanguages: pay, experience and dates in Spanish, Italian,
// Dutch and Portuguese.
func TestOtherLanguages(t *testing.T) {
	date := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		lang                    string
		pay, open, years, since string
		date                    string
	}{
		{"es", "45–55\u00a0k€", "70–100\u00a0k€ o\u00a0más", "0–1\u00a0año", "7+\u00a0años", "4 de diciembre de 2026"},
		{"it", "45–55\u00a0k€", "70–100\u00a0k€ e\u00a0oltre", "0–1\u00a0anno", "7+\u00a0anni", "4\u00a0dicembre 2026"},
		{"nl", "45–55\u00a0k€", "70–100\u00a0k€ en\u00a0meer", "0–1\u00a0jaar", "7+\u00a0jaar", "4\u00a0december 2026"},
		{"pt", "45–55\u00a0k€", "70–100\u00a0k€ ou\u00a0mais", "0–1\u00a0ano", "7+\u00a0anos", "4 de dezembro de 2026"},
		{"pt-PT", "45–55\u00a0k€", "70–100\u00a0k€ ou\u00a0mais", "0–1\u00a0ano", "7+\u00a0anos", "4 de dezembro de 2026"},
	} {
		l, err := For(tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct{ what, got, want string }{
			{"pay", l.MoneyRangeK(45000, 55000, "EUR", false), tt.pay},
			{"open pay", l.MoneyRangeK(70000, 100000, "EUR", true), tt.open},
			{"years", l.Years(0, intp(1)), tt.years},
			{"open years", l.Years(7, nil), tt.since},
			{"date", l.Date(date), tt.date},
		} {
			if c.got != c.want {
				t.Errorf("%s %s = %q, want %q", tt.lang, c.what, c.got, c.want)
			}
		}
	}
	for _, tt := range []struct{ lang, want string }{
		{"it", "1,5\u00a0Mln\u00a0€"}, {"nl", "1,5\u00a0mln.\u00a0€"}, {"pt", "1,5\u00a0mi\u00a0€"}, {"pt-PT", "1,5\u00a0M€"}, {"es", "1,5\u00a0M€"},
	} {
		l, _ := For(tt.lang)
		if got := l.MoneyK(1_500_000, "EUR"); got != tt.want {
			t.Errorf("%s MoneyK(1500000) = %q, want %q", tt.lang, got, tt.want)
		}
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
		{"fr-CA", "CAD", 1_250_000, 10_000_000, false, "1\u202f250\u202f000\u00a0$", "1\u202f250\u202f000–10\u202f000\u202f000\u00a0$"},
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

// TestSymbolsAreCLDRs: the symbol of every currency content may name, in
// every language with an entry and every region CLDR knows, in upper or
// lower case, is the one golang.org/x/text formats (symbols.go is written
// from it: go generate). A tag that names the language's own script is
// the tag without it, as in lang.Match ("fr-Latn-CA" writes "$" as
// "fr-CA" does; x/text gives French's "$CA").
func TestSymbolsAreCLDRs(t *testing.T) {
	var regions []string
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			regions = append(regions, string([]rune{a, b}))
		}
	}
	for n := 0; n < 1000; n++ {
		regions = append(regions, fmt.Sprintf("%03d", n))
	}
	bases := map[string]bool{}
	for _, code := range lang.Supported() {
		bases[strings.SplitN(code, "-", 2)[0]] = true
	}
	checked := 0
	for base := range bases {
		codes := [][2]string{{base, base + "-Latn"}, {strings.ToUpper(base), base + "-Latn"}} // code, with the script
		for _, r := range regions {
			if _, err := language.ParseRegion(r); err == nil {
				scripted := base + "-Latn-" + r
				codes = append(codes, [2]string{base + "-" + r, scripted}, [2]string{strings.ToUpper(base) + "_" + strings.ToLower(r), scripted})
			}
		}
		for _, c := range codes {
			code := c[0]
			l, err := For(code)
			if err != nil {
				continue // no entry for it, such as "pt-AQ"
			}
			p := message.NewPrinter(language.MustParse(code))
			for _, cur := range content.Currencies {
				want := p.Sprint(currency.Symbol(currency.MustParseISO(cur)))
				if got := l.symbol(cur); got != want {
					t.Errorf("%s %s: symbol %q, CLDR %q", code, cur, got, want)
				}
				if s, err := For(c[1]); err != nil || s.symbol(cur) != l.symbol(cur) {
					t.Errorf("%s %s: %v, not as %s", c[1], cur, err, code)
				}
				checked++
			}
		}
	}
	if checked < 10000 {
		t.Errorf("only %d symbols checked", checked)
	}
}
