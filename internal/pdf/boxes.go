package pdf

import (
	"fmt"

	"github.com/brochure-dev/brochure/internal/frame"
)

// pageBoxes returns the TrimBox and BleedBox entries of a print page's
// dictionary, off points into the media box, or nil for screen. They
// are what fpdf's SetPageBox writes, but always in this order: fpdf
// writes them in the order of a map, which changes from run to run.
func pageBoxes(d *frame.Document, off float64) []byte {
	if d.Print == nil {
		return nil
	}
	box := func(b []byte, name string, x, y, w, h float64) []byte {
		return fmt.Appendf(b, "/%s [%.2f %.2f %.2f %.2f]\n", name, x, y, x+w, y+h)
	}
	bleed := d.Print.Bleed
	b := box(nil, "TrimBox", off, off, d.Width, d.Height)
	return box(b, "BleedBox", off-bleed, off-bleed, d.Width+2*bleed, d.Height+2*bleed)
}
