package frame

import "fmt"

// Rect is an axis-aligned rectangle: top-left corner, width, height.
type Rect struct{ X, Y, W, H float64 }

// eps absorbs rounding in comparisons of positions, in points.
const eps = 0.01

// Contains reports whether o lies inside r.
func (r Rect) Contains(o Rect) bool {
	return o.X >= r.X-eps && o.Y >= r.Y-eps && o.X+o.W <= r.X+r.W+eps && o.Y+o.H <= r.Y+r.H+eps
}

// Overlaps reports whether r and o share an area (touching is not
// overlapping).
func (r Rect) Overlaps(o Rect) bool {
	return r.X < o.X+o.W-eps && o.X < r.X+r.W-eps && r.Y < o.Y+o.H-eps && o.Y < r.Y+r.H-eps
}

// Inset returns r shrunk by d on every side.
func (r Rect) Inset(d float64) Rect { return Rect{r.X + d, r.Y + d, r.W - 2*d, r.H - 2*d} }

// Bottom is r.Y + r.H.
func (r Rect) Bottom() float64 { return r.Y + r.H }

// Right is r.X + r.W.
func (r Rect) Right() float64 { return r.X + r.W }

// String gives the rectangle in points, one decimal.
func (r Rect) String() string { return fmt.Sprintf("(%.1f,%.1f %.1f×%.1f)", r.X, r.Y, r.W, r.H) }
