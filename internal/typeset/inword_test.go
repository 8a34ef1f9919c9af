package typeset

import (
	"strings"
	"testing"
)

// A line says when it ends inside a word (a hyphen, an address's
// punctuation, a slash, a word broken by force), so that the layout
// keeps such a line from the foot of a column.
func TestLineEndsInWord(t *testing.T) {
	st := inter(t)
	for _, c := range []struct {
		text  string
		width float64
	}{
		{"write to site.reliability.engineering.recruitment.team@northlight-talent.example today", 120},
		{"see https://example.com/roles/site-reliability-engineering/platform/observability now", 120},
		{"the infrastructure of e-commerce platforms and their administration", 70},
		{"Pneumonoultramicroscopicsilicovolcanoconiosis is a word", 60},
	} {
		p := Set([]Span{{Text: c.text, Style: st}}, Options{Width: c.width, Align: Justify, Hyphen: hyphens})
		words := strings.Fields(c.text)
		in := 0
		for i, l := range p.Lines[:len(p.Lines)-1] {
			f := strings.Fields(l.Text())
			last := strings.TrimSuffix(f[len(f)-1], "-")
			whole := false
			for _, w := range words {
				whole = whole || w == last
			}
			if l.InWord == whole {
				t.Errorf("%q line %d %q: InWord %v", c.text, i, l.Text(), l.InWord)
			}
			if l.InWord {
				in++
			}
		}
		if in == 0 {
			t.Errorf("%q: no line ends inside a word: %q", c.text, text(p.Lines))
		}
		if p.Lines[len(p.Lines)-1].InWord {
			t.Errorf("%q: the last line ends inside a word", c.text)
		}
	}
}
