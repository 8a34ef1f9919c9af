package layout

import (
	"slices"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/frame"
)

func TestSeparatedLines(t *testing.T) {
	measure := func(s string) float64 { return float64(len([]rune(s))) } // one point a character
	tests := []struct {
		items []string
		width float64
		want  []string
	}{
		{[]string{"SaaS", "Fintech", "AI"}, 40, []string{"SaaS · Fintech · AI"}},
		// "Cloud ·" does not end the first line, nor "AI" stand alone.
		{[]string{"SaaS", "Fintech", "E-commerce", "Cloud", "AI"}, 37, []string{"SaaS · Fintech · E-commerce", "Cloud · AI"}},
		// Two items on the line before: it keeps them.
		{[]string{"Fintech", "E-commerce", "AI"}, 20, []string{"Fintech · E-commerce", "AI"}},
		// An item wider than the line is a line of its own.
		{[]string{"Telecommunications", "AI"}, 10, []string{"Telecommunications", "AI"}},
		{nil, 10, []string{}},
	}
	for _, tt := range tests {
		if got := separatedLines(tt.items, tt.width, measure); !slices.Equal(got, tt.want) {
			t.Errorf("separatedLines(%q, %g) = %q, want %q", tt.items, tt.width, got, tt.want)
		}
	}
}

// The call to action's legal line breaks only between its parts: "RCS
// Lyon 000 000 000", an address or a telephone number is never split
// (the tri-fold and side-by-side had "RCS" / "Lyon 000 000 000").
func TestLegalLineKeepsItsParts(t *testing.T) {
	l, err := loader.Layout("a4")
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(l.Brand.Legal, listSeparator)
	for _, name := range []string{"a4", "letter", "a5-booklet", "trifold", "poster", "flyer"} {
		for _, lang := range []string{"en", "fr", "de"} {
			d := layNamed(t, sre(t), lang, name)
			var lines []string
			for _, pg := range d.Pages {
				for _, it := range pg.Items {
					if tx, ok := it.(*frame.Text); ok && tx.Tag == "legal" {
						lines = append(lines, tx.Text)
					}
				}
			}
			for _, part := range parts {
				whole := false
				for _, line := range lines {
					whole = whole || strings.Contains(line, part)
				}
				if !whole {
					t.Errorf("%s %s: %q is split: %q", name, lang, part, lines)
				}
			}
		}
	}
}
