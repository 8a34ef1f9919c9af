package pdf

import (
	"testing"
	"time"

	"github.com/brochure-dev/brochure/internal/frame"
)

// TestForesee writes documents whose subsets depend on the order and the
// extras of drawing: a space shown only at the end of tagged lines, a
// hyphen the line breaker added, runes that share a glyph (no-break
// spaces), two faces, several pages. Each font's program must be the one
// foresee started: none made again after the pages are drawn.
func TestForesee(t *testing.T) {
	regular, bold := face(t, "Inter-Regular"), face(t, "Inter-Bold")
	for _, tagged := range []bool{true, false} {
		d := &frame.Document{
			Width: 595.28, Height: 841.89,
			Meta: frame.Meta{Title: "Fiche", Creator: "brochure", Lang: "fr", Date: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)},
		}
		var p *frame.Node
		if tagged {
			d.Structure = frame.NewTree()
			p = d.Structure.Add(frame.RoleP)
		}
		for range 2 {
			pg := &frame.Page{}
			y := 100.0
			line := func(words ...string) {
				x := 45.0
				for i, w := range words {
					f := regular
					if i == 0 {
						f = bold
					}
					r := &frame.Text{X: x, Y: y, Text: w, Face: f, Size: 10, Color: ink, Width: f.KernedWidth(w, 10), Struct: p}
					r.Hyphen = w[len(w)-1] == '-'
					pg.Add(r)
					x += r.Width + 3
				}
				y += 13
			}
			line("Fiabilité\u00a0:", "production", "infra-")  // ends with an added hyphen
			line("structure", "l’équipe", "24\u202f/\u202f7") // ends with a word: a space
			line("SRE\u00a0!")
			d.Pages = append(d.Pages, pg)
		}
		before := unforeseen.Load()
		write(t, d)
		if n := unforeseen.Load() - before; n != 0 {
			t.Errorf("tagged %v: %d font programs made again after the pages were drawn", tagged, n)
		}
	}
}
