package layout

import (
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/frame"
)

func TestEmptyFeet(t *testing.T) {
	lay := &design.Layout{Margins: design.Margins{Top: 10, Bottom: 10, Left: 10, Right: 10}}
	box := func(x, y, w, h float64) frame.Item { return &frame.Box{Rect: frame.Rect{X: x, Y: y, W: w, H: h}} }
	for _, c := range []struct {
		name  string
		page  frame.Page
		prior []string // warnings already given
		want  []string // what the warnings say, "" for none
	}{
		{"full", frame.Page{Items: []frame.Item{box(10, 10, 280, 170)}}, nil, nil},
		{"a fifth empty", frame.Page{Items: []frame.Item{box(10, 10, 280, 144)}}, nil, nil},
		{"lower 40 % empty", frame.Page{Items: []frame.Item{box(10, 10, 280, 108)}}, nil,
			[]string{"page 1 is empty in its lower 40 % (25 mm above the bottom margin)"}},
		{"footer below the margin", frame.Page{Items: []frame.Item{box(10, 10, 280, 50), box(10, 192, 280, 6)}}, nil,
			[]string{"page 1 is empty in its lower 72 %"}},
		{"links are not content", frame.Page{Items: []frame.Item{box(10, 10, 280, 170), &frame.Link{Rect: frame.Rect{X: 10, Y: 10, W: 280, H: 170}}}}, nil, nil},
		{"a panel of three", frame.Page{Folds: []float64{100, 200}, Items: []frame.Item{
			box(10, 10, 80, 170), box(110, 10, 80, 60), box(210, 10, 80, 170)}}, nil,
			[]string{"page 1, panel 2 of 3, is empty in its lower 67 %"}},
		{"colour past a fold is the next panel's", frame.Page{Folds: []float64{100, 200}, Items: []frame.Item{
			box(10, 10, 80, 170), box(110, 10, 80, 60), box(195, 10, 95, 170)}}, nil,
			[]string{"page 1, panel 2 of 3"}},
		{"named by the column check", frame.Page{Items: []frame.Item{box(10, 10, 280, 50)}},
			[]string{"page 1 is 70 % empty (…)"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			pg := c.page
			r := &Report{Warnings: c.prior}
			if len(c.prior) > 0 { // as emptiness would have left it
				r.emptyPages = map[int]bool{1: true}
			}
			r.emptyFeet(&frame.Document{Width: 300, Height: 200, Pages: []*frame.Page{&pg}}, lay)
			got := r.Warnings[len(c.prior):]
			if len(got) != len(c.want) {
				t.Fatalf("warnings %q, want %d", got, len(c.want))
			}
			for i, w := range c.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("warning %q, want %q…", got[i], w)
				}
			}
		})
	}
}

// No page nor panel of a built-in layout is left with an empty lower
// part: the booklet's cover (27 % empty) takes the first section when it
// has room, the tri-fold's back (45 % empty) ends with the brand band,
// its inside panels are justified down to their foot.
func TestLayoutsFillTheirFeet(t *testing.T) {
	for _, name := range []string{"a4", "letter", "a5-booklet", "trifold", "poster", "flyer"} {
		for _, lang := range []string{"en", "fr", "de"} {
			_, rep, err := layReport(t, sre(t), lang, name)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range rep.Warnings {
				if strings.Contains(w, "empty") {
					t.Errorf("%s %s: %s", name, lang, w)
				}
			}
		}
	}
}
