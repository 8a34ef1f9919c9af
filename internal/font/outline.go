package font

import (
	"errors"
	"fmt"
)

// Outline is the shape of a glyph in font units (UnitsPerEm to the em),
// with y growing upwards and the origin at the start of the glyph's
// advance on the baseline. It is a list of closed contours, each a
// MoveTo, then LineTo and QuadTo segments, then Close, to be filled with
// the nonzero winding rule. A glyph without outline (a space) has none.
type Outline []Segment

// Segment is one step of an Outline.
type Segment struct {
	Op SegmentOp
	// P holds the points the operator takes: the point MoveTo and LineTo
	// go to; QuadTo's control point P[0] and end point P[1].
	P [2]Point
}

// SegmentOp is an Outline operator.
type SegmentOp uint8

// Outline operators.
const (
	MoveTo SegmentOp = iota // start a contour at P[0]
	LineTo                  // straight line to P[0]
	QuadTo                  // quadratic Bézier curve through control P[0] to P[1]
	Close                   // back to the contour's start
)

// Point is a position in font units.
type Point struct{ X, Y float64 }

// Bounds returns the smallest box holding every point of the outline,
// control points included: xMin, yMin, xMax, yMax. For the outlines of a
// font, it is the box the glyph's description gives in its header. It is
// all zeros for an empty outline.
func (o Outline) Bounds() [4]float64 {
	var b [4]float64
	first := true
	for _, s := range o {
		for _, p := range s.P[:s.Op.points()] {
			if first {
				b = [4]float64{p.X, p.Y, p.X, p.Y}
				first = false
			}
			b = [4]float64{min(b[0], p.X), min(b[1], p.Y), max(b[2], p.X), max(b[3], p.Y)}
		}
	}
	return b
}

// points is how many of P the operator uses.
func (op SegmentOp) points() int {
	switch op {
	case MoveTo, LineTo:
		return 1
	case QuadTo:
		return 2
	}
	return 0
}

// UnitsPerEm returns the font units to the em ('head' unitsPerEm): the
// unit of outlines.
func (f *Face) UnitsPerEm() int { return f.upem }

// Outline returns the outline of glyph g (a glyph id, as
// Embedding.Glyph gives for a rune), from the font's 'glyf' table. A
// composite glyph's outline is its components' outlines, each placed by
// its offset and transform (scale, x and y scales, or 2×2 matrix; or by
// matching points), one after the other. Glyph ids the font does not have
// and glyphs without outline give an empty outline. Damaged descriptions
// give an error starting with "font NAME: glyph G: ".
//
// Outline decodes the description on each call; it is safe for
// concurrent use.
func (f *Face) Outline(g uint16) (Outline, error) {
	e, err := f.Embedding()
	if err != nil {
		return nil, err
	}
	var pts glyphPoints
	if err := pts.add(e.out, int(g), 0); err != nil {
		return nil, fmt.Errorf("font %s: glyph %d: %w", f.name, g, err)
	}
	return pts.outline(), nil
}

// glyphPoints are the points of a glyph's contours, as a simple glyph
// description lists them: ends[i] is the index of the last point of
// contour i.
type glyphPoints struct {
	pts  []Point
	on   []bool // on the curve; off-curve points are quadratic control points
	ends []int
}

// maxDepth bounds the nesting of composite glyphs (fonts seldom go past
// 2), so that a glyph that contains itself fails instead of recursing
// forever.
const maxDepth = 8

// maxPoints bounds the points of a glyph, composites included ('maxp'
// counts them in 16 bits), so that components used again and again cannot
// make a glyph without end.
const maxPoints = 1 << 16

// Simple glyph flags (OpenType 'glyf' table).
const (
	onCurve    = 0x01
	xShort     = 0x02
	yShort     = 0x04
	repeatFlag = 0x08
	xSame      = 0x10 // with xShort: the short x is positive
	ySame      = 0x20
)

// Composite glyph flags, besides those components reads.
const (
	argsAreXY      = 0x0002 // the arguments are an offset, not point numbers
	scaledOffset   = 0x0800 // the offset is transformed with the component
	unscaledOffset = 0x1000 // it is not (the default here, as in FreeType)
)

// add appends the points of glyph g.
func (gp *glyphPoints) add(o *outlines, g, depth int) error {
	if depth > maxDepth {
		return fmt.Errorf("composite glyphs nested more than %d deep", maxDepth)
	}
	if len(gp.pts) > maxPoints {
		return fmt.Errorf("more than %d points", maxPoints)
	}
	data := o.glyph(g)
	if len(data) == 0 {
		return nil
	}
	if len(data) < 10 {
		return fmt.Errorf("glyph description is %d bytes, shorter than its 10-byte header", len(data))
	}
	if n := i16(data, 0); n >= 0 {
		return gp.addSimple(data, n)
	}
	return gp.addComposite(o, data, depth)
}

// addSimple appends the n contours of a simple glyph description.
func (gp *glyphPoints) addSimple(data []byte, n int) error {
	truncated := errors.New("simple glyph is truncated")
	off := 10
	if off+2*n+2 > len(data) {
		return truncated
	}
	base := len(gp.pts)
	count := 0
	for i := range n {
		end := u16(data, off+2*i)
		if end < count-1 || (i > 0 && end == count-1) {
			return fmt.Errorf("contour %d ends at point %d, before the previous contour's end", i, end)
		}
		count = end + 1
		gp.ends = append(gp.ends, base+end)
	}
	off += 2 * n
	off += 2 + u16(data, off) // instructions
	flags := make([]byte, 0, count)
	for len(flags) < count {
		if off >= len(data) {
			return truncated
		}
		fl := data[off]
		off++
		flags = append(flags, fl)
		if fl&repeatFlag != 0 {
			if off >= len(data) {
				return truncated
			}
			for range min(int(data[off]), count-len(flags)) {
				flags = append(flags, fl)
			}
			off++
		}
	}
	xs := make([]float64, count)
	var err error
	if off, err = coordinates(data, off, flags, xs, xShort, xSame); err != nil {
		return err
	}
	ys := make([]float64, count)
	if _, err = coordinates(data, off, flags, ys, yShort, ySame); err != nil {
		return err
	}
	for i := range count {
		gp.pts = append(gp.pts, Point{xs[i], ys[i]})
		gp.on = append(gp.on, flags[i]&onCurve != 0)
	}
	return nil
}

// coordinates reads the deltas of one axis from off into v, as absolute
// positions, and returns the offset after them.
func coordinates(data []byte, off int, flags []byte, v []float64, short, same byte) (int, error) {
	pos := 0
	for i, fl := range flags {
		switch {
		case fl&short != 0:
			if off+1 > len(data) {
				return 0, errors.New("simple glyph is truncated in its coordinates")
			}
			d := int(data[off])
			if fl&same == 0 {
				d = -d
			}
			pos += d
			off++
		case fl&same == 0:
			if off+2 > len(data) {
				return 0, errors.New("simple glyph is truncated in its coordinates")
			}
			pos += i16(data, off)
			off += 2
		}
		v[i] = float64(pos)
	}
	return off, nil
}

// addComposite appends the components of a composite glyph description.
func (gp *glyphPoints) addComposite(o *outlines, data []byte, depth int) error {
	for off := 10; ; {
		if off+4 > len(data) {
			return fmt.Errorf("composite glyph is truncated at byte %d of %d", off, len(data))
		}
		flags := u16(data, off)
		child := u16(data, off+2)
		off += 4
		if flags&argsAreWords != 0 {
			if off+4 > len(data) {
				return fmt.Errorf("composite glyph is truncated at byte %d of %d", off, len(data))
			}
		} else if off+2 > len(data) {
			return fmt.Errorf("composite glyph is truncated at byte %d of %d", off, len(data))
		}
		var a1, a2 int
		switch {
		case flags&argsAreWords != 0 && flags&argsAreXY != 0:
			a1, a2 = i16(data, off), i16(data, off+2)
			off += 4
		case flags&argsAreWords != 0:
			a1, a2 = u16(data, off), u16(data, off+2)
			off += 4
		case flags&argsAreXY != 0:
			a1, a2 = int(int8(data[off])), int(int8(data[off+1]))
			off += 2
		default:
			a1, a2 = int(data[off]), int(data[off+1])
			off += 2
		}
		m := [4]float64{1, 0, 0, 1} // x' = m0*x + m2*y, y' = m1*x + m3*y
		f2dot14 := func(at int) float64 { return float64(i16(data, at)) / (1 << 14) }
		switch {
		case flags&haveScale != 0:
			m[0] = f2dot14(off)
			m[3] = m[0]
			off += 2
		case flags&haveXYScale != 0:
			m[0], m[3] = f2dot14(off), f2dot14(off+2)
			off += 4
		case flags&have2x2 != 0:
			m = [4]float64{f2dot14(off), f2dot14(off + 2), f2dot14(off + 4), f2dot14(off + 6)}
			off += 8
		}
		if off > len(data) {
			return fmt.Errorf("composite glyph is truncated: a component ends at byte %d of %d", off, len(data))
		}
		start := len(gp.pts)
		if err := gp.add(o, child, depth+1); err != nil {
			return fmt.Errorf("component glyph %d: %w", child, err)
		}
		for i := start; i < len(gp.pts); i++ {
			p := gp.pts[i]
			gp.pts[i] = Point{m[0]*p.X + m[2]*p.Y, m[1]*p.X + m[3]*p.Y}
		}
		var dx, dy float64
		if flags&argsAreXY != 0 {
			dx, dy = float64(a1), float64(a2)
			if flags&scaledOffset != 0 && flags&unscaledOffset == 0 {
				dx, dy = m[0]*dx+m[2]*dy, m[1]*dx+m[3]*dy
			}
		} else {
			// Point matching: point a2 of the component lands on point
			// a1 of the glyph so far.
			if a1 >= start || start+a2 >= len(gp.pts) {
				return fmt.Errorf("component glyph %d: matches points %d and %d, which do not exist", child, a1, a2)
			}
			dx, dy = gp.pts[a1].X-gp.pts[start+a2].X, gp.pts[a1].Y-gp.pts[start+a2].Y
		}
		for i := start; i < len(gp.pts); i++ {
			gp.pts[i].X += dx
			gp.pts[i].Y += dy
		}
		if flags&moreComponents == 0 {
			return nil
		}
	}
}

// outline turns the points into segments. Between two off-curve points
// lies an implied on-curve point halfway; a contour that starts off the
// curve starts at its last point if that is on the curve, or else at the
// implied point between its last and first.
func (gp *glyphPoints) outline() Outline {
	var out Outline
	begin := 0
	for _, end := range gp.ends {
		pts, on := gp.pts[begin:end+1], gp.on[begin:end+1]
		begin = end + 1
		n := len(pts)
		if n == 0 {
			continue
		}
		mid := func(a, b Point) Point { return Point{(a.X + b.X) / 2, (a.Y + b.Y) / 2} }
		var start Point
		first := 0 // index of the first point after start
		switch {
		case on[0]:
			start, first = pts[0], 1
		case on[n-1]:
			start, first = pts[n-1], 0
			n-- // the last point is the start: the loop stops before it
		default:
			start = mid(pts[n-1], pts[0])
		}
		out = append(out, Segment{Op: MoveTo, P: [2]Point{start}})
		var ctrl *Point
		for i := first; i < n; i++ {
			p := pts[i]
			switch {
			case on[i] && ctrl == nil:
				out = append(out, Segment{Op: LineTo, P: [2]Point{p}})
			case on[i]:
				out = append(out, Segment{Op: QuadTo, P: [2]Point{*ctrl, p}})
				ctrl = nil
			case ctrl != nil:
				out = append(out, Segment{Op: QuadTo, P: [2]Point{*ctrl, mid(*ctrl, p)}})
				ctrl = &pts[i]
			default:
				ctrl = &pts[i]
			}
		}
		if ctrl != nil {
			out = append(out, Segment{Op: QuadTo, P: [2]Point{*ctrl, start}})
		} else if last := out[len(out)-1]; last.Op == LineTo && last.P[0] == start {
			out = out[:len(out)-1] // Close draws that line
		}
		out = append(out, Segment{Op: Close})
	}
	return out
}
