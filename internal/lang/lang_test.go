package lang

import (
	"strings"
	"testing"

	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

func TestMatch(t *testing.T) {
	tests := []struct{ tag, want string }{
		{"en", "en"}, {"en-GB", "en-GB"}, {"en-CA", "en"}, {"en-US", "en-US"}, {"en_us", "en-US"},
		{"fr", "fr"}, {"fr-CA", "fr-CA"}, {"fr-BE", "fr"}, {"fr-CH", "fr"},
		{"de", "de"}, {"de-DE", "de"}, {"de-CH", "de-CH"}, {"de-AT", "de-AT"}, {"de-LI", "de"},
		{"DE-ch", "de-CH"}, {"es-MX", "es"}, {"es-419", "es"}, {"it-CH", "it"}, {"nl-BE", "nl"},
		{"pt", "pt"}, {"pt-BR", "pt"}, {"pt-PT", "pt-PT"}, {"pt-AO", "pt-PT"},
	}
	for _, tt := range tests {
		l, err := Match(tt.tag)
		if err != nil {
			t.Errorf("Match(%q): %v", tt.tag, err)
			continue
		}
		if got := l.Code(); got != tt.want {
			t.Errorf("Match(%q) = %s, want %s", tt.tag, got, tt.want)
		}
	}
}

func TestMatchErrors(t *testing.T) {
	tests := []struct{ tag, want string }{
		{"sv", `language "sv" cannot be typeset: no typographic rules, hyphenation patterns, number formats or words for it (languages: de, de-AT, de-CH, en, en-GB, en-US, es, fr, fr-CA, it, nl, pt, pt-PT)`},
		{"x!", `language "x!": not a BCP 47 tag like "en" or "fr-CA"`},
		{"", `language "": not a BCP 47 tag like "en" or "fr-CA"`},
	}
	for _, tt := range tests {
		_, err := Match(tt.tag)
		if err == nil || err.Error() != tt.want {
			t.Errorf("Match(%q) = %v,\nwant %s", tt.tag, err, tt.want)
		}
	}
}

// TestSeparators: from CLDR, but French's thousands are U+202F.
func TestSeparators(t *testing.T) {
	tests := []struct{ tag, dec, grp string }{
		{"en", ".", ","}, {"fr", ",", "\u202f"}, {"de", ",", "."},
		{"de-CH", ".", "’"}, {"de-AT", ",", "\u00a0"},
		{"es", ",", "."}, {"it", ",", "."}, {"nl", ",", "."}, {"pt", ",", "."}, {"pt-PT", ",", "\u00a0"},
	}
	for _, tt := range tests {
		l, _ := Match(tt.tag)
		if l.Decimal != tt.dec || l.Group != tt.grp {
			t.Errorf("%s: decimal %q group %q, want %q %q", tt.tag, l.Decimal, l.Group, tt.dec, tt.grp)
		}
	}
}

// TestSeparatorsAreCLDRs: the separators written in the table are those
// golang.org/x/text formats numbers with for the entry's tag, but where
// the table says why not (French thousands: U+202F, as CLDR writes them
// since version 34).
func TestSeparatorsAreCLDRs(t *testing.T) {
	ours := map[string]string{"fr": "\u202f", "fr-CA": "\u202f"} // groups
	for _, code := range Supported() {
		l, _ := Match(code)
		s := message.NewPrinter(l.Tag).Sprint(number.Decimal(1234.5, number.Scale(1)))
		// s is "1" group "234" decimal "5".
		rest := strings.TrimPrefix(s, "1")
		i := strings.Index(rest, "234")
		if i < 0 || !strings.HasSuffix(rest, "5") {
			t.Fatalf("%s: CLDR formats 1234.5 as %q", code, s)
		}
		dec, grp := strings.TrimSuffix(rest[i+3:], "5"), rest[:i]
		if g, ok := ours[code]; ok {
			grp = g
		}
		if l.Decimal != dec || l.Group != grp {
			t.Errorf("%s: decimal %q, group %q; CLDR: %q, %q", code, l.Decimal, l.Group, dec, grp)
		}
	}
}

// TestComplete: every entry has everything a brochure needs.
func TestComplete(t *testing.T) {
	for _, code := range Supported() {
		l, _ := Match(code)
		var missing []string
		for what, v := range map[string]string{
			"name": l.Name, "notes": l.Notes, "prepared for": l.PreparedFor, "attention": l.Attention,
			"prepared by": l.PreparedBy, "money": l.Money, "quotes": l.Quotes.Open + l.Quotes.Close,
			"patterns": l.Hyphenation.Patterns, "million": l.Million, "thousands": l.Thousands, "more": l.More,
			"years": l.YearOne + l.YearMany, "years span": l.YearsSpan, "years open": l.YearsOpen, "date": l.Date,
		} {
			if v == "" {
				missing = append(missing, what)
			}
		}
		for _, m := range l.Months {
			if m == "" {
				missing = append(missing, "months")
			}
		}
		if l.Hyphenation.LeftMin < 1 || l.Hyphenation.RightMin < 1 {
			missing = append(missing, "minimum fragments")
		}
		if len(missing) > 0 {
			t.Errorf("%s lacks %s", code, strings.Join(missing, ", "))
		}
	}
}
