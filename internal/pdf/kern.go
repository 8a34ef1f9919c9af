package pdf

import (
	"codeberg.org/go-pdf/fpdf"

	"github.com/brochure-dev/brochure/internal/frame"
)

// drawKerned draws a text run with the font's pair kerning: fpdf sets
// glyphs at their advance widths only, so the run is cut where a pair is
// kerned and each piece placed where the kerned advance puts it. The
// layout measured the run the same way (font.Face.KernedWidth), so the
// run ends where the layout expects.
func drawKerned(pdf *fpdf.Fpdf, t *frame.Text, off float64) {
	face := t.Face
	y := t.Y + off
	if !face.HasKerning() {
		pdf.Text(t.X+off, y, t.Text)
		return
	}
	scale := t.Size / 1000
	x, start := t.X+off, 0
	segX := x
	var prev rune = -1
	for i, r := range t.Text {
		if prev >= 0 {
			if k := face.Kern(prev, r); k != 0 {
				pdf.Text(segX, y, t.Text[start:i])
				x += float64(k) * scale
				start, segX = i, x
			}
		}
		x += float64(face.Advance(r))*scale + t.Tracking
		prev = r
	}
	pdf.Text(segX, y, t.Text[start:])
}
