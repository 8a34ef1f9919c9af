package design

import (
	"fmt"
	"math"
	"strconv"

	"github.com/brochure-dev/brochure/internal/frame"
)

// parsePathData reads SVG path data: the commands M L H V C S Q T A Z, in
// absolute and relative forms, as design tools write them (numbers run
// together as in "c-.6.2-1.2.5", arc flags without separators as in
// "a5 5 0 1015 10"). Quadratic curves become cubic ones and elliptical
// arcs cubic curves of at most a quarter turn, so the path holds the
// frame model's MoveTo, LineTo, CurveTo and Close only.
func parsePathData(d string) ([]frame.Seg, error) {
	sc := &numScanner{s: d}
	var segs []frame.Seg
	var cur, start, ctrl frame.Point
	var cmd, prev byte // prev: the last command drawn, for S and T
	for {
		sc.space()
		if sc.done() {
			break
		}
		if c := sc.s[sc.i]; isLetter(c) {
			cmd = c
			sc.i++
			if !isCommand(c) {
				return nil, fmt.Errorf("unsupported path command %c (supported: M L H V C S Q T A Z)", c)
			}
		} else if cmd == 0 {
			return nil, fmt.Errorf("path data must start with a command")
		} else if cmd == 'Z' || cmd == 'z' {
			// Numbers after it would repeat it for ever.
			return nil, fmt.Errorf("command %c takes no numbers, found %q", cmd, sc.token())
		}
		rel := cmd >= 'a'
		num := func() (float64, error) {
			v, err := sc.number()
			if err != nil {
				return 0, fmt.Errorf("command %c: %w", cmd, err)
			}
			return v, nil
		}
		var err error
		point := func() frame.Point {
			if err != nil {
				return frame.Point{}
			}
			var x, y float64
			if x, err = num(); err == nil {
				y, err = num()
			}
			if rel {
				x, y = x+cur.X, y+cur.Y
			}
			return frame.Point{X: x, Y: y}
		}
		up := cmd &^ 0x20 // upper case
		switch up {
		case 'M':
			cur = point()
			start = cur
			segs = append(segs, frame.Seg{Op: frame.MoveTo, Pts: [3]frame.Point{cur}})
			cmd -= 'M' - 'L' // further pairs are lines
		case 'L':
			cur = point()
			segs = append(segs, line(cur))
		case 'H', 'V':
			var v float64
			if v, err = num(); err != nil {
				break
			}
			switch cmd {
			case 'H':
				cur.X = v
			case 'h':
				cur.X += v
			case 'V':
				cur.Y = v
			default:
				cur.Y += v
			}
			segs = append(segs, line(cur))
		case 'C', 'S':
			c1 := cur // S: the reflection of the last curve's second control point
			if prev == 'C' || prev == 'S' {
				c1 = reflect(ctrl, cur)
			}
			if up == 'C' {
				c1 = point()
			}
			c2 := point()
			cur = point()
			ctrl = c2
			segs = append(segs, frame.Seg{Op: frame.CurveTo, Pts: [3]frame.Point{c1, c2, cur}})
		case 'Q', 'T':
			q := cur // T: the reflection of the last curve's control point
			if prev == 'Q' || prev == 'T' {
				q = reflect(ctrl, cur)
			}
			if up == 'Q' {
				q = point()
			}
			p0 := cur
			cur = point()
			ctrl = q
			segs = append(segs, quadratic(p0, q, cur))
		case 'A':
			var v [5]float64
			for k := 0; k < 3 && err == nil; k++ {
				v[k], err = num()
			}
			for k := 3; k < 5 && err == nil; k++ {
				if v[k], err = sc.flag(); err != nil {
					err = fmt.Errorf("command %c: %w", cmd, err)
				}
			}
			p0 := cur
			cur = point()
			if err == nil {
				segs = append(segs, arc(p0, v[0], v[1], v[2], v[3] == 1, v[4] == 1, cur)...)
			}
		case 'Z':
			cur = start
			segs = append(segs, frame.Seg{Op: frame.Close})
		}
		if err != nil {
			return nil, err
		}
		prev = up
	}
	return segs, nil
}

func line(p frame.Point) frame.Seg { return frame.Seg{Op: frame.LineTo, Pts: [3]frame.Point{p}} }

// reflect returns c mirrored about p.
func reflect(c, p frame.Point) frame.Point { return frame.Point{X: 2*p.X - c.X, Y: 2*p.Y - c.Y} }

// quadratic returns the cubic curve that draws the quadratic one from p0
// through control q to p: its control points are two thirds of the way
// from each end to q.
func quadratic(p0, q, p frame.Point) frame.Seg {
	c1 := frame.Point{X: p0.X + 2*(q.X-p0.X)/3, Y: p0.Y + 2*(q.Y-p0.Y)/3}
	c2 := frame.Point{X: p.X + 2*(q.X-p.X)/3, Y: p.Y + 2*(q.Y-p.Y)/3}
	return frame.Seg{Op: frame.CurveTo, Pts: [3]frame.Point{c1, c2, p}}
}

// arc returns cubic curves drawing the SVG elliptical arc from p0 to p
// (radii rx, ry, x axis rotated by phi degrees), by the endpoint to
// centre conversion of the SVG specification (appendix B.2.4), radii too
// small to reach p scaled up, each quarter turn or less one curve.
func arc(p0 frame.Point, rx, ry, phi float64, large, sweep bool, p frame.Point) []frame.Seg {
	if p0 == p {
		return nil
	}
	rx, ry = math.Abs(rx), math.Abs(ry)
	if rx == 0 || ry == 0 {
		return []frame.Seg{line(p)}
	}
	sin, cos := math.Sincos(phi * math.Pi / 180)
	dx, dy := (p0.X-p.X)/2, (p0.Y-p.Y)/2
	x1, y1 := cos*dx+sin*dy, -sin*dx+cos*dy
	if l := x1*x1/(rx*rx) + y1*y1/(ry*ry); l > 1 {
		rx, ry = rx*math.Sqrt(l), ry*math.Sqrt(l)
	}
	num := rx*rx*ry*ry - rx*rx*y1*y1 - ry*ry*x1*x1
	den := rx*rx*y1*y1 + ry*ry*x1*x1
	k := math.Sqrt(max(num, 0) / den)
	if large == sweep {
		k = -k
	}
	cx1, cy1 := k*rx*y1/ry, -k*ry*x1/rx
	cx := cos*cx1 - sin*cy1 + (p0.X+p.X)/2
	cy := sin*cx1 + cos*cy1 + (p0.Y+p.Y)/2
	angle := func(ux, uy float64) float64 { return math.Atan2(uy, ux) }
	t1 := angle((x1-cx1)/rx, (y1-cy1)/ry)
	dt := angle((-x1-cx1)/rx, (-y1-cy1)/ry) - t1
	if sweep && dt < 0 {
		dt += 2 * math.Pi
	} else if !sweep && dt > 0 {
		dt -= 2 * math.Pi
	}
	n := int(math.Ceil(math.Abs(dt)/(math.Pi/2) - 1e-9))
	n = max(n, 1)
	step := dt / float64(n)
	// A unit circle's arc of angle step is drawn by a cubic curve whose
	// control points lie along the tangents, kappa from each end.
	kappa := 4.0 / 3 * math.Tan(step/4)
	on := func(t float64) (frame.Point, frame.Point) { // the point at t and its tangent
		s, c := math.Sincos(t)
		pt := frame.Point{X: cx + rx*c*cos - ry*s*sin, Y: cy + rx*c*sin + ry*s*cos}
		tan := frame.Point{X: -rx*s*cos - ry*c*sin, Y: -rx*s*sin + ry*c*cos}
		return pt, tan
	}
	segs := make([]frame.Seg, 0, n)
	a, ta := on(t1)
	for i := 1; i <= n; i++ {
		b, tb := on(t1 + step*float64(i))
		if i == n {
			b = p // exactly where the arc was asked to end
		}
		c1 := frame.Point{X: a.X + kappa*ta.X, Y: a.Y + kappa*ta.Y}
		c2 := frame.Point{X: b.X - kappa*tb.X, Y: b.Y - kappa*tb.Y}
		segs = append(segs, frame.Seg{Op: frame.CurveTo, Pts: [3]frame.Point{c1, c2, b}})
		a, ta = b, tb
	}
	return segs
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' && c|0x20 != 'e' }

func isCommand(c byte) bool {
	switch c | 0x20 {
	case 'm', 'l', 'h', 'v', 'c', 's', 'q', 't', 'a', 'z':
		return true
	}
	return false
}

// numScanner reads the numbers of SVG path data, points lists and
// transforms: separated by spaces and at most one comma, or by nothing
// where a sign or a second decimal point starts the next.
type numScanner struct {
	s string
	i int
}

func (sc *numScanner) done() bool { return sc.i >= len(sc.s) }

func (sc *numScanner) space() {
	for !sc.done() && isSpace(sc.s[sc.i]) {
		sc.i++
	}
}

// sep skips the spaces and the comma before a number.
func (sc *numScanner) sep() {
	sc.space()
	if !sc.done() && sc.s[sc.i] == ',' {
		sc.i++
		sc.space()
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// token returns the text up to the next separator, for messages.
func (sc *numScanner) token() string {
	j := sc.i
	for j < len(sc.s) && !isSpace(sc.s[j]) && sc.s[j] != ',' && (j == sc.i || !isLetter(sc.s[j])) {
		j++
	}
	return sc.s[sc.i:j]
}

// number reads one number: a sign, digits with at most one decimal
// point, an exponent.
func (sc *numScanner) number() (float64, error) {
	sc.sep()
	j := sc.i
	if j < len(sc.s) && (sc.s[j] == '+' || sc.s[j] == '-') {
		j++
	}
	digits := 0
	for ; j < len(sc.s) && isDigit(sc.s[j]); j++ {
		digits++
	}
	if j < len(sc.s) && sc.s[j] == '.' {
		for j++; j < len(sc.s) && isDigit(sc.s[j]); j++ {
			digits++
		}
	}
	if digits == 0 {
		if sc.done() || isLetter(sc.s[sc.i]) {
			return 0, fmt.Errorf("missing number")
		}
		return 0, fmt.Errorf("bad number %q", sc.token())
	}
	if j < len(sc.s) && (sc.s[j] == 'e' || sc.s[j] == 'E') {
		k := j + 1
		if k < len(sc.s) && (sc.s[k] == '+' || sc.s[k] == '-') {
			k++
		}
		if k < len(sc.s) && isDigit(sc.s[k]) {
			for j = k; j < len(sc.s) && isDigit(sc.s[j]); j++ {
			}
		}
	}
	v, err := strconv.ParseFloat(sc.s[sc.i:j], 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, fmt.Errorf("bad number %q", sc.s[sc.i:j])
	}
	sc.i = j
	return v, nil
}

// flag reads an arc flag, "0" or "1", which needs no separator after it.
func (sc *numScanner) flag() (float64, error) {
	sc.sep()
	if sc.done() || sc.s[sc.i] != '0' && sc.s[sc.i] != '1' {
		if sc.done() || isLetter(sc.s[sc.i]) {
			return 0, fmt.Errorf("missing arc flag (0 or 1)")
		}
		return 0, fmt.Errorf("bad arc flag %q: want 0 or 1", sc.token())
	}
	sc.i++
	return float64(sc.s[sc.i-1] - '0'), nil
}

// numbers reads a list of numbers to the end of the text.
func (sc *numScanner) numbers() ([]float64, error) {
	var out []float64
	for {
		sc.sep()
		if sc.done() {
			return out, nil
		}
		v, err := sc.number()
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
}
