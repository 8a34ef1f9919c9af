package preflight

import (
	"fmt"
	"math"
)

// Points and millimetres, rectangles and transformation matrices.

const ptPerMM = 72 / 25.4

func mm(pt float64) float64 { return pt / ptPerMM }

// tol is the slack for comparing box edges and distances, in points:
// writers round coordinates to 0.01 pt.
const tol = 0.01

// rect is a normalised rectangle in PDF user space (y grows upwards).
type rect struct{ x0, y0, x1, y1 float64 }

func normRect(ax, ay, bx, by float64) rect {
	return rect{math.Min(ax, bx), math.Min(ay, by), math.Max(ax, bx), math.Max(ay, by)}
}

func (r rect) w() float64 { return r.x1 - r.x0 }
func (r rect) h() float64 { return r.y1 - r.y0 }

// within says whether r lies inside o, allowing tol.
func (r rect) within(o rect) bool {
	return r.x0 >= o.x0-tol && r.y0 >= o.y0-tol && r.x1 <= o.x1+tol && r.y1 <= o.y1+tol
}

func (r rect) inset(d float64) rect { return rect{r.x0 + d, r.y0 + d, r.x1 - d, r.y1 - d} }

func (r rect) String() string {
	return fmt.Sprintf("[%.2f %.2f %.2f %.2f]", r.x0, r.y0, r.x1, r.y1)
}

// matrix is a PDF transformation [a b c d e f]; a point (x, y) maps to
// (a·x + c·y + e, b·x + d·y + f).
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// then returns the transformation "m, then n" (m × n in PDF's row-vector
// notation): "cm" sets CTM = M.then(CTM).
func (m matrix) then(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]
}

// box maps the corners of r and returns their bounding box.
func (m matrix) box(r rect) rect {
	x0, y0 := m.apply(r.x0, r.y0)
	out := rect{x0, y0, x0, y0}
	for _, c := range [][2]float64{{r.x1, r.y0}, {r.x0, r.y1}, {r.x1, r.y1}} {
		x, y := m.apply(c[0], c[1])
		out.x0, out.y0 = math.Min(out.x0, x), math.Min(out.y0, y)
		out.x1, out.y1 = math.Max(out.x1, x), math.Max(out.y1, y)
	}
	return out
}

// scale returns the lengths of the unit x and y vectors after m: the size
// in points of a unit square drawn with m (an image is drawn that way).
func (m matrix) scale() (float64, float64) {
	return math.Hypot(m[0], m[1]), math.Hypot(m[2], m[3])
}

// matrixOf reads six numbers (a matrix operand), or returns false.
func matrixOf(args []operand) (matrix, bool) {
	if len(args) < 6 {
		return identity, false
	}
	var m matrix
	for k, a := range args[len(args)-6:] {
		if a.kind != 'n' {
			return identity, false
		}
		m[k] = a.num
	}
	return m, true
}

// paper sizes in millimetres, portrait.
var papers = []struct {
	name string
	w, h float64
}{
	{"A3", 297, 420},
	{"A4", 210, 297},
	{"A5", 148, 210},
	{"Letter", 215.9, 279.4},
	{"DL", 99, 210},
}

// paperName names a trim size given in millimetres ("A4", "A4 landscape"),
// or returns "" for a custom size. Sizes match within 1 mm.
func paperName(w, h float64) string {
	near := func(a, b float64) bool { return math.Abs(a-b) <= 1 }
	for _, p := range papers {
		if near(w, p.w) && near(h, p.h) {
			return p.name
		}
		if near(w, p.h) && near(h, p.w) {
			return p.name + " landscape"
		}
	}
	return ""
}
