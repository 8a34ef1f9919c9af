package design

import (
	"fmt"
	"math"
	"strings"

	"github.com/brochure-dev/brochure/internal/frame"
)

// matrix is an SVG transform [a b c d e f]: x' = a·x + c·y + e,
// y' = b·x + d·y + f.
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// then returns the transform that applies n, then m: m·n.
func (m matrix) then(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[2]*n[1], m[1]*n[0] + m[3]*n[1],
		m[0]*n[2] + m[2]*n[3], m[1]*n[2] + m[3]*n[3],
		m[0]*n[4] + m[2]*n[5] + m[4], m[1]*n[4] + m[3]*n[5] + m[5],
	}
}

func (m matrix) apply(p frame.Point) frame.Point {
	return frame.Point{X: m[0]*p.X + m[2]*p.Y + m[4], Y: m[1]*p.X + m[3]*p.Y + m[5]}
}

// applySegs transforms every point of segs, in place: an affine map
// takes a Bézier curve to the curve of the mapped control points.
func (m matrix) applySegs(segs []frame.Seg) {
	for i := range segs {
		for k := range segs[i].Pts {
			segs[i].Pts[k] = m.apply(segs[i].Pts[k])
		}
	}
}

// parseTransform reads an SVG transform list, like
// "translate(-12.5 30) rotate(45 24 24)" or Illustrator's
// "matrix(0.7071 -0.7071 0.7071 0.7071 -9.94 24)": the functions apply
// from right to left.
func parseTransform(s string) (matrix, error) {
	m := identity
	rest := strings.TrimSpace(s)
	for rest != "" {
		open := strings.IndexByte(rest, '(')
		end := strings.IndexByte(rest, ')')
		if open < 0 || end < open {
			return m, fmt.Errorf("bad transform %q: want functions like translate(10 20)", s)
		}
		name := strings.TrimSpace(rest[:open])
		args, err := (&numScanner{s: rest[open+1 : end]}).numbers()
		if err != nil {
			return m, fmt.Errorf("transform %s: %w", name, err)
		}
		t, err := transformFunc(name, args)
		if err != nil {
			return m, err
		}
		m = m.then(t)
		rest = strings.TrimLeft(rest[end+1:], " \t\r\n,")
	}
	return m, nil
}

// transformFunc returns one function of a transform list.
func transformFunc(name string, v []float64) (matrix, error) {
	want := map[string][]int{
		"matrix": {6}, "translate": {1, 2}, "scale": {1, 2},
		"rotate": {1, 3}, "skewX": {1}, "skewY": {1},
	}[name]
	if want == nil {
		return identity, fmt.Errorf("unknown transform %q (known: matrix, translate, scale, rotate, skewX, skewY)", name)
	}
	if len(v) != want[0] && (len(want) == 1 || len(v) != want[1]) {
		return identity, fmt.Errorf("transform %s: %d numbers", name, len(v))
	}
	rad := func(deg float64) float64 { return deg * math.Pi / 180 }
	switch name {
	case "matrix":
		return matrix(v), nil
	case "translate":
		v = append(v, 0)
		return matrix{1, 0, 0, 1, v[0], v[1]}, nil
	case "scale":
		v = append(v, v[0])
		return matrix{v[0], 0, 0, v[1], 0, 0}, nil
	case "rotate":
		s, c := math.Sincos(rad(v[0]))
		r := matrix{c, s, -s, c, 0, 0}
		if len(v) == 3 {
			// About (cx, cy): move it to the origin, rotate, move it back.
			return matrix{1, 0, 0, 1, v[1], v[2]}.then(r).then(matrix{1, 0, 0, 1, -v[1], -v[2]}), nil
		}
		return r, nil
	case "skewX":
		return matrix{1, 0, math.Tan(rad(v[0])), 1, 0, 0}, nil
	}
	return matrix{1, math.Tan(rad(v[0])), 0, 1, 0, 0}, nil // skewY
}
