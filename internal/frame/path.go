package frame

import "github.com/brochure-dev/brochure/internal/color"

// Op is a path construction operator.
type Op uint8

// Path operators.
const (
	MoveTo  Op = iota // Pts[0]
	LineTo            // Pts[0]
	CurveTo           // cubic Bézier: control Pts[0], Pts[1], end Pts[2]
	Close
)

// Point is a position in points.
type Point struct{ X, Y float64 }

// Seg is one step of a path.
type Seg struct {
	Op  Op
	Pts [3]Point
}

// Path is a filled vector shape, such as a logo.
type Path struct {
	Segs []Seg
	Fill color.Color
	// EvenOdd fills by the even-odd rule (SVG's fill-rule="evenodd"):
	// a point is inside when a ray from it crosses the outline an odd
	// number of times. Otherwise the non-zero winding rule fills.
	EvenOdd bool
	// Struct is the structure element the item belongs to; nil or
	// Artifact: a screen reader skips it.
	Struct *Node
}

// Bounds is the box of the path's points (control points included, which
// is a safe over-estimate).
func (p *Path) Bounds() Rect {
	first := true
	var minX, minY, maxX, maxY float64
	for _, s := range p.Segs {
		n := s.Op.points()
		for _, pt := range s.Pts[:n] {
			if first {
				minX, minY, maxX, maxY = pt.X, pt.Y, pt.X, pt.Y
				first = false
			}
			minX, minY, maxX, maxY = min(minX, pt.X), min(minY, pt.Y), max(maxX, pt.X), max(maxY, pt.Y)
		}
	}
	return Rect{minX, minY, maxX - minX, maxY - minY}
}

// Kind implements Item.
func (p *Path) Kind() string { return "path" }

// Transform returns the path scaled by s and moved by (dx, dy).
func (p *Path) Transform(s, dx, dy float64) *Path {
	q := &Path{Fill: p.Fill, EvenOdd: p.EvenOdd, Segs: make([]Seg, len(p.Segs))}
	for i, seg := range p.Segs {
		q.Segs[i].Op = seg.Op
		for j, pt := range seg.Pts {
			q.Segs[i].Pts[j] = Point{pt.X*s + dx, pt.Y*s + dy}
		}
	}
	return q
}

// points is how many of Pts the operator uses.
func (o Op) points() int {
	switch o {
	case MoveTo, LineTo:
		return 1
	case CurveTo:
		return 3
	}
	return 0
}
