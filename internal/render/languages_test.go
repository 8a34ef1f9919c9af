package render

import (
	"context"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/lang"
	"github.com/brochure-dev/brochure/internal/locale"
)

// TestEveryLanguage lays out the A4 in every language internal/lang
// knows (with the German words, which every language's rules can set):
// each finds its patterns, rules and figures, and shows its pay range,
// in its own style, on the pages.
func TestEveryLanguage(t *testing.T) {
	for _, code := range append(lang.Supported(), "fr-CA", "es-MX", "en-AU") {
		in := input(t, "a4", code)
		if _, ok := in.Role.Texts[code]; !ok {
			in.Role.Texts[code] = in.Role.Texts["de"]
		}
		doc, _, err := Frames(context.Background(), in, Options{})
		if err != nil {
			t.Errorf("%s: %v", code, err)
			continue
		}
		loc, _ := locale.For(code)
		pay := loc.MoneyRangeK(45000, 100000, in.Role.Facts.Salary.Currency, true)
		var all strings.Builder
		for _, p := range doc.Pages {
			for _, it := range p.Items {
				if tx, ok := it.(*frame.Text); ok {
					all.WriteString(tx.Text + " ")
				}
			}
		}
		// The pay range may wrap: look for its first word.
		if first, _, _ := strings.Cut(pay, " "); !strings.Contains(all.String(), first) {
			t.Errorf("%s: the pages lack the pay range %q", code, pay)
		}
		if doc.Meta.Lang != code {
			t.Errorf("%s: document language %q", code, doc.Meta.Lang)
		}
	}
}
