package pdf

import "github.com/brochure-dev/brochure/internal/units"

// Crop marks, as printers expect them: thin lines in the registration
// colour (the separation "All", on every plate), about 6 mm long, starting
// the bleed's distance from the trim so that they never print on the page.
// Fold marks are the same lines, dashed, above and below each fold.
const (
	registration = "All"
	markLength   = float64(6 * units.Mm)
	markRoom     = float64(2.5 * units.Mm) // beyond the marks, to the media box edge
	markWeight   = 0.25                    // points
	foldDash     = float64(1 * units.Mm)
)

// cropMarks draws the marks at the four corners of the trim, and the
// current page's fold marks.
func (p *page) cropMarks() {
	pdf, d := p.pdf, p.d
	pdf.SetDrawSpotColor(registration, 100)
	pdf.SetLineWidth(markWeight)
	gap := d.Print.Bleed
	x0, y0 := p.off, p.off
	x1, y1 := p.off+d.Width, p.off+d.Height
	for _, c := range [][2]float64{{x0, y0}, {x1, y0}, {x0, y1}, {x1, y1}} {
		x, y := c[0], c[1]
		dx, dy := -1.0, -1.0 // outwards
		if x == x1 {
			dx = 1
		}
		if y == y1 {
			dy = 1
		}
		pdf.Line(x+dx*gap, y, x+dx*(gap+markLength), y)
		pdf.Line(x, y+dy*gap, x, y+dy*(gap+markLength))
	}
	if n := pdf.PageNo(); n >= 1 && n <= len(d.Pages) && len(d.Pages[n-1].Folds) > 0 {
		pdf.SetDashPattern([]float64{foldDash, foldDash}, 0)
		for _, f := range d.Pages[n-1].Folds {
			x := x0 + f
			pdf.Line(x, y0-gap, x, y0-gap-markLength)
			pdf.Line(x, y1+gap, x, y1+gap+markLength)
		}
		pdf.SetDashPattern(nil, 0)
	}
}
