package pdf

import (
	"fmt"
	"strconv"

	"github.com/brochure-dev/brochure/internal/color"
	"github.com/brochure-dev/brochure/internal/frame"
)

// spotSet is the spot inks a print document uses, in order of first use.
// Each is a Separation colour space with its CMYK value as the alternate,
// named /SP1, /SP2, … in the page resources; finish adds them to fpdf's
// /ColorSpace dictionary, whose own spot colours it writes in map order.
type spotSet struct {
	list []color.Color
	res  map[string]string // ink name → resource name
}

// collectSpots finds the spot inks of a print document's colours.
func collectSpots(d *frame.Document) *spotSet {
	s := &spotSet{res: map[string]string{}}
	if d.Print == nil {
		return s
	}
	add := func(c *color.Color) {
		if c == nil || c.Spot == "" || s.res[c.Spot] != "" {
			return
		}
		s.list = append(s.list, *c)
		s.res[c.Spot] = "SP" + strconv.Itoa(len(s.list))
	}
	for _, pg := range d.Pages {
		for _, it := range pg.Items {
			switch it := it.(type) {
			case *frame.Text:
				add(&it.Color)
			case *frame.Box:
				add(it.Fill)
				add(it.Stroke)
			case *frame.Rule:
				add(&it.Color)
			case *frame.Path:
				add(&it.Fill)
			}
		}
	}
	return s
}

// printColour is the operator that sets c as the fill (or stroke) colour
// of a print file: the full tint of its spot ink, or its CMYK value.
func (p *page) printColour(b []byte, c color.Color, stroke bool) []byte {
	if res := p.spots.res[c.Spot]; c.Spot != "" && res != "" {
		if stroke {
			return fmt.Appendf(b, "/%s CS 1 SCN", res)
		}
		return fmt.Appendf(b, "/%s cs 1 scn", res)
	}
	b = appendCMYK(b, c.CMYK)
	if stroke {
		return append(b, " K"...)
	}
	return append(b, " k"...)
}

// separation writes a spot ink's colour space and returns its number: the
// ink's name, and a tint transform to its CMYK value for devices without
// the ink.
func (w *objWriter) separation(c color.Color) int {
	n := w.next
	d := fmt.Appendf(nil, "[/Separation %s /DeviceCMYK <</FunctionType 2 /Domain [0 1] /Range [0 1 0 1 0 1 0 1] /C0 [0 0 0 0] /C1 [",
		pdfName(c.Spot))
	d = appendCMYK(d, c.CMYK)
	w.object(append(d, "] /N 1>>]"...))
	return n
}

// pdfName writes s as a PDF name: "/PANTONE#202955#20C". Bytes outside
// ! to ~, delimiters and # are written as #xx (PDF 7.3.5).
func pdfName(s string) string {
	b := []byte{'/'}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '!' || c > '~' || isDelimiter(c) || c == '#' {
			b = fmt.Appendf(b, "#%02X", c)
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

func isDelimiter(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}
