package design

import (
	"math"

	"github.com/brochure-dev/brochure/internal/tomlfile"
	"github.com/brochure-dev/brochure/internal/units"
)

// minSpine is how far a booklet keeps its text from the spine: the inner
// pages of a saddle-stitched booklet creep outwards when folded.
const minSpine = 10 * units.Mm

// compileFolded checks what the folded formats add to a layout: mirrored
// margins for a booklet, the panels of a trifold.
func compileFolded(f *tomlfile.File, s *layoutFile, lay *Layout) []error {
	var errs []error
	bad := func(key []string, format string, args ...any) {
		errs = append(errs, f.Errorf(key, format, args...))
	}
	m := s.Page.Margins
	mirrored := f.Has("page", "margins", "inside") || f.Has("page", "margins", "outside")
	switch {
	case lay.Kind == "booklet" && !mirrored:
		bad([]string{"page", "margins"}, "page.margins: a booklet gives inside and outside margins (the inside one by the spine, at least 10mm), not left and right")
	case mirrored && lay.Kind != "booklet":
		bad([]string{"page", "margins", "inside"}, "page.margins: inside and outside are for booklets (kind = \"booklet\"); give left and right")
	case mirrored && (f.Has("page", "margins", "left") || f.Has("page", "margins", "right")):
		bad([]string{"page", "margins", "left"}, "page.margins: give inside and outside, or left and right, not both")
	case mirrored:
		lay.Mirror = true
		lay.Margins.Left, lay.Margins.Right = pt(m.Inside), pt(m.Outside)
		if m.Inside < minSpine {
			bad([]string{"page", "margins", "inside"}, "page.margins.inside: %gmm: a booklet keeps text at least 10mm from the spine", math.Round(m.Inside.Millimetres()*10)/10)
		}
	}
	if lay.Kind == "booklet" && lay.Pages%4 != 0 {
		bad([]string{"pages"}, "pages: a saddle-stitched booklet has a multiple of 4 pages, not %d (0: as many as the content needs, padded with notes pages)", lay.Pages)
	}
	switch {
	case lay.Kind == "trifold" && len(s.Page.Panels) != 3:
		bad([]string{"page", "panels"}, "page.panels: a trifold gives its three panel widths, outside left to right, like [\"97mm\", \"100mm\", \"100mm\"]")
	case lay.Kind != "trifold" && len(s.Page.Panels) > 0:
		bad([]string{"page", "panels"}, "page.panels: panels are for trifolds (kind = \"trifold\")")
	case lay.Kind == "trifold":
		sum := 0.0
		for _, w := range s.Page.Panels {
			lay.Panels = append(lay.Panels, pt(w))
			sum += pt(w)
		}
		if lay.Width > 0 && math.Abs(sum-lay.Width) > 0.5 {
			bad([]string{"page", "panels"}, "page.panels: the panels add up to %.1fmm, the page is %.1fmm wide",
				units.Length(sum).Millimetres(), units.Length(lay.Width).Millimetres())
		}
		if lay.Pages != 0 && lay.Pages != 2 {
			bad([]string{"pages"}, "pages: a trifold is one sheet, 2 pages (outside and inside)")
		}
		lay.Pages = 2
	}
	return errs
}
