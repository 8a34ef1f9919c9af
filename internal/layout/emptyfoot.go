package layout

import (
	"fmt"

	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/units"
)

// emptyFootShare is the share of a page's or panel's height, between
// its top and bottom margins, that may be left empty at its foot without
// a warning: a fifth (the booklet's cover had 22 %, the tri-fold's back
// 48 %).
const emptyFootShare = 0.2

// emptyFeet warns about every page, and every panel of a folded page
// (between its folds), whose content ends more than emptyFootShare of
// its height above its bottom margin: a cover or a panel left with an
// empty lower part, which no column measures. Pages the column check
// already names are left to it.
func (r *Report) emptyFeet(d *frame.Document, lay *design.Layout) {
	m := lay.Margins
	top, bot := m.Top, d.Height-m.Bottom
	for i, pg := range d.Pages {
		if r.emptyPages[i+1] {
			continue
		}
		edges := append(append([]float64{0}, pg.Folds...), d.Width)
		for k := 1; k < len(edges); k++ {
			x0, x1 := edges[k-1]+m.Left, edges[k]-m.Right
			end := top
			for _, it := range pg.Items {
				if it.Kind() == "link" {
					continue
				}
				b := it.Bounds()
				if b.X < x1 && b.X+b.W > x0 && b.Y < bot {
					end = max(end, min(b.Y+b.H, bot))
				}
			}
			empty := bot - end
			if empty <= emptyFootShare*(bot-top) {
				continue
			}
			where := fmt.Sprintf("page %d", i+1)
			if len(edges) > 2 {
				where += fmt.Sprintf(", panel %d of %d,", k, len(edges)-1)
			}
			r.Warnings = append(r.Warnings, fmt.Sprintf("%s is empty in its lower %.0f %% (%.0f mm above the bottom margin)",
				where, 100*empty/(bot-top), units.Length(empty).Millimetres()))
		}
	}
}
