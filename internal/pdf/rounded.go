package pdf

import (
	"math"
)

// roundedRect draws a rectangle with its four corners rounded to radius
// r, filled and/or stroked as style says ("F", "D", "FD"), from its
// top left corner (x, y) in fpdf's coordinates (points, y down), in the
// very bytes fpdf's RoundedRect writes: its path, to five decimals, in
// a q … Q pair. fpdf formats each number into a string of its own, and
// the chips of a brochure (a dozen rounded boxes, 34 numbers in each)
// took a fortieth of a batch's time. TestRoundedRectAsFpdf compares the
// two.
func (p *page) roundedRect(x, y, w, h, r float64, style string) {
	hp := p.d.Height + 2*p.off // fpdf's page height; its unit is the point (k = 1)
	const arc = (4.0 / 3.0) * (math.Sqrt2 - 1.0)
	b := append(p.buf[:0], "q "...)
	b = appendPoint(b, x+r, hp-y, " m\n")
	xc, yc := x+w-r, y+r
	b = appendPoint(b, xc, hp-y, " l\n")
	b = appendCurve(b, hp, xc+r*arc, yc-r, xc+r, yc-r*arc, xc+r, yc)
	xc, yc = x+w-r, y+h-r
	b = appendPoint(b, x+w, hp-yc, " l\n")
	b = appendCurve(b, hp, xc+r, yc+r*arc, xc+r*arc, yc+r, xc, yc+r)
	xc, yc = x+r, y+h-r
	b = appendPoint(b, xc, hp-(y+h), " l\n")
	b = appendCurve(b, hp, xc-r*arc, yc+r, xc-r, yc+r*arc, xc-r, yc)
	xc, yc = x+r, y+r
	b = appendPoint(b, x, hp-yc, " l\n")
	b = appendCurve(b, hp, xc-r, yc-r*arc, xc-r*arc, yc-r, xc, yc-r)
	switch style { // as fpdf's fillDrawOp
	case "F":
		b = append(b, "f\nQ"...)
	case "FD":
		b = append(b, "B\nQ"...)
	default: // "D", and "" as fpdf strokes it
		b = append(b, "S\nQ"...)
	}
	p.buf = b
	p.reader.Reset(b) // fpdf ends it with a newline
	p.pdf.RawWriteBuf(&p.reader)
}

// appendPoint appends x and y to five decimals, as fpdf writes path
// points, and then op.
func appendPoint(b []byte, x, y float64, op string) []byte {
	b = appendFixed(b, x, 5)
	b = append(b, ' ')
	b = appendFixed(b, y, 5)
	return append(b, op...)
}

// appendCurve appends a Bézier curve through the control points (x1, y1)
// and (x2, y2) to (x3, y3), given y down from the top of a page hp high,
// as fpdf's rounded corners write it.
func appendCurve(b []byte, hp, x1, y1, x2, y2, x3, y3 float64) []byte {
	b = appendPoint(b, x1, hp-y1, " ")
	b = appendPoint(b, x2, hp-y2, " ")
	return appendPoint(b, x3, hp-y3, " c \n")
}
