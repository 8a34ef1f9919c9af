package layout

import (
	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/frame"
)

// ForPrint returns laid-out pages as a print file's: it records the bleed
// and crop marks, and extends every box that touches the trim (the brand
// band, a full-bleed panel) into the bleed, so that a slightly misplaced
// cut leaves no white edge. d is left as it is: the items changed are
// copies, so that a screen file can be made from the same pages.
func ForPrint(d *frame.Document, lay *design.Layout) *frame.Document {
	b := lay.Bleed
	out := *d
	out.Print = &frame.Print{Bleed: b, CropMarks: lay.CropMarks}
	out.Pages = make([]*frame.Page, len(d.Pages))
	const touch = 0.01 // points
	for i, pg := range d.Pages {
		p := *pg
		p.Items = make([]frame.Item, len(pg.Items))
		for k, it := range pg.Items {
			p.Items[k] = it
			if im, ok := it.(*frame.Image); ok && im.Print != nil {
				c := *im
				c.Data, c.Format, c.Print = im.Print, "png", nil
				p.Items[k] = &c
				continue
			}
			box, ok := it.(*frame.Box)
			if !ok || box.Fill == nil {
				continue
			}
			r := box.Rect
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
			if r != box.Rect {
				c := *box
				c.Rect = r
				p.Items[k] = &c
			}
		}
		out.Pages[i] = &p
	}
	return &out
}
