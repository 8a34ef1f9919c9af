package typeset

import (
	"reflect"
	"testing"
)

// TestSetterMatchesSet sets paragraphs with one Setter at widths in turn,
// as a balanced title is, and checks each result against Set's at that
// width, which readies the paragraph anew: the words measured once must
// break as if measured anew, also after a width narrower than a word,
// where it is cut between its letters, and back.
func TestSetterMatchesSet(t *testing.T) {
	st := inter(t)
	fr := realFrench(t)
	const long = "Infrastructure-as-code https://example.com/very/long/address/for/the/role"
	for _, tc := range []struct {
		name   string
		text   string
		opt    Options
		widths []float64
	}{
		{"ragged title", "Ingénieur en fiabilité des sites, au cœur de la production", Options{Align: Left}, []float64{300, 150, 225, 187.5, 168.75, 150, 300}},
		{"justified, hyphenated", french, Options{Align: Justify, Hyphen: fr}, []float64{240, 120, 180, 90, 240}},
		{"narrower than a word", long, Options{Align: Left, Hyphen: fr}, []float64{400, 60, 30, 60, 400}},
		{"empty", "", Options{}, []float64{100}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spans := []Span{{Text: tc.text, Style: st}}
			if tc.text == "" {
				spans = nil
			}
			s := NewSetter(spans, tc.opt)
			for _, w := range tc.widths {
				opt := tc.opt
				opt.Width = w
				got, want := s.Set(w), Set(spans, opt)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("width %g: the Setter gives %q, Set %q", w, text(got.Lines), text(want.Lines))
				}
			}
		})
	}
}
