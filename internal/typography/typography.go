// Package typography sets the plain text authors type in the conventions
// of a brochure's language: French spaces before punctuation and units,
// guillemets, curly apostrophes and quotes, en dashes in ranges of figures,
// grouped thousands.
//
// Rules are conservative. They only fix the space before a mark (never
// the one after), they leave alone anything that looks like code, an
// address or a time (URLs, e-mail addresses, "CI/CD", "10:30", text in
// backquotes), and text that is already correct comes back byte-identical,
// without allocating. Apply is idempotent.
//
// French: U+00A0 before ":" "%" and units ("45 k€", "100 ms"), U+202F
// before ";" "!" "?" and inside « », « » for quotes, ’ for apostrophes,
// U+202F between thousands of integers of 5 digits or more. English: no
// space before ":" ";" "!" "?", “ ” and ‘ ’ for quotes, ’ for
// apostrophes. German: no space before ":" ";" "!" "?", „ “ for quotes
// (« » without spaces in Switzerland), ’ for apostrophes between letters;
// figures as typed. Spanish, Italian, Portuguese (Portugal): as German
// but « » without spaces; Dutch and Brazilian Portuguese: as English.
// Each language's marks are in internal/lang. All: an en dash in ranges of small numbers ("0–3",
// "45–55"). The rules and their exceptions are detailed in french.go,
// english.go, numbers.go and tokens.go (protected text).
package typography

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/brochure-dev/brochure/internal/lang"
)

// The no-break spaces of French typography.
const (
	nbsp  = "\u00a0" // before ":", "%", units and currencies
	nnbsp = "\u202f" // before ";", "!", "?", inside « », between thousands
)

// Rules fixes the typography of text in one language.
type Rules struct {
	// french spaces the marks as French does, and groups thousands.
	french bool
	// quotes is the language's quotation style.
	quotes quoteStyle
	// narrow is the space used where French wants U+202F: U+202F
	// itself, or U+00A0 for fonts that lack it.
	narrow string
}

// For returns the rules of a language tag, as internal/lang matches it
// ("fr-CA" is French, "de-CH" Swiss German). A language without an
// entry there is an error naming what it lacks.
func For(code string) (*Rules, error) {
	l, err := lang.Match(code)
	if err != nil {
		return nil, fmt.Errorf("typography: %w", err)
	}
	q := l.Quotes
	r := &Rules{
		french: l.Spacing == lang.French,
		quotes: quoteStyle{open: q.Open, close: q.Close, openers: q.Openers, closers: q.Closers, apostrophe: singleQuote},
		narrow: nnbsp,
	}
	if q.Open != "“" {
		// Where ‘ ’ are not the single quotes, a straight single quote
		// is set only as an apostrophe, between letters.
		r.quotes.apostrophe = elision
	}
	return r, nil
}

// WithoutNarrowSpace returns rules that use U+00A0 wherever they would use
// U+202F, for fonts that lack U+202F. They also turn every U+202F already
// in the text (outside protected tokens) into U+00A0.
func (r *Rules) WithoutNarrowSpace() *Rules {
	c := *r
	c.narrow = nbsp
	return &c
}

// Apply returns s set by the language's rules. It is idempotent:
// Apply(Apply(s)) == Apply(s), and text already correct is returned
// unchanged. Invalid UTF-8 is first replaced by U+FFFD.
func (r *Rules) Apply(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	// One round is a fixed point for all text we know of; the loop is a
	// guard so that a rule interacting with another in some unforeseen
	// way still converges rather than breaking idempotence.
	for range 4 {
		t := r.round(s)
		if t == s {
			break
		}
		s = t
	}
	return s
}

// round runs every pass once. Quotes come first so that later passes see
// « » and ’ rather than ambiguous straight quotes. The protected spans
// are found again only after a pass that changed the text.
func (r *Rules) round(s string) string {
	var buf [8]span // on the stack: text rarely has more protected spans
	prot := protect(s, buf[:0])
	t := curl(s, prot, r.quotes)
	if t != s {
		s, prot = t, protect(t, buf[:0])
	}
	if t = r.numbers(s, prot); t != s {
		s, prot = t, protect(t, buf[:0])
	}
	if r.french {
		return r.frenchSpacing(s, prot)
	}
	return r.englishSpacing(s, prot)
}
