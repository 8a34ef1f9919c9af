package layout

import (
	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/frame"
)

// ForPrint turns laid-out pages into a print file's: it records the bleed
// and crop marks, and extends every box that touches the trim (the brand
// band, a full-bleed panel) into the bleed, so that a slightly misplaced
// cut leaves no white edge.
func ForPrint(d *frame.Document, lay *design.Layout) {
	b := lay.Bleed
	d.Print = &frame.Print{Bleed: b, CropMarks: lay.CropMarks}
	const touch = 0.01 // points
	for _, pg := range d.Pages {
		for _, it := range pg.Items {
			if im, ok := it.(*frame.Image); ok && im.Print != nil {
				im.Data, im.Format, im.Print = im.Print, "png", nil
				continue
			}
			box, ok := it.(*frame.Box)
			if !ok || box.Fill == nil {
				continue
			}
			r := &box.Rect
			if r.X <= touch {
				r.W += b + r.X
				r.X = -b
			}
			if r.Y <= touch {
				r.H += b + r.Y
				r.Y = -b
			}
			if r.X+r.W >= d.Width-touch {
				r.W = d.Width + b - r.X
			}
			if r.Y+r.H >= d.Height-touch {
				r.H = d.Height + b - r.Y
			}
		}
	}
}
