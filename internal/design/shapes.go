package design

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/brochure-dev/brochure/internal/frame"
)

// kappa places the control points of a cubic curve drawing a quarter
// circle of radius 1.
const kappa = 0.5522847498307936

// shapeSegs returns the outline of a basic shape (<rect>, <circle>,
// <ellipse>, <line>, <polyline>, <polygon>) or a <path> in its own
// coordinates. A shape of zero size draws nothing: no segments.
func shapeSegs(n *node) ([]frame.Seg, error) {
	var err error
	get := func(name string) float64 {
		if err != nil {
			return 0
		}
		var v float64
		v, err = length(n, name)
		return v
	}
	switch n.name {
	case "path":
		d, err := parsePathData(n.attr("d"))
		if err != nil {
			return nil, fmt.Errorf("d: %w", err)
		}
		return d, nil
	case "rect":
		x, y, w, h := get("x"), get("y"), get("width"), get("height")
		rx, ry := get("rx"), get("ry")
		if err != nil {
			return nil, err
		}
		// One radius given stands for both; each is at most half a side.
		if _, ok := n.attrs["ry"]; !ok {
			ry = rx
		}
		if _, ok := n.attrs["rx"]; !ok {
			rx = ry
		}
		if w == 0 || h == 0 {
			return nil, nil
		}
		return roundRect(x, y, w, h, min(rx, w/2), min(ry, h/2)), nil
	case "circle":
		cx, cy, r := get("cx"), get("cy"), get("r")
		if err != nil || r == 0 {
			return nil, err
		}
		return ellipse(cx, cy, r, r), nil
	case "ellipse":
		cx, cy, rx, ry := get("cx"), get("cy"), get("rx"), get("ry")
		if err != nil || rx == 0 || ry == 0 {
			return nil, err
		}
		return ellipse(cx, cy, rx, ry), nil
	case "line":
		x1, y1, x2, y2 := get("x1"), get("y1"), get("x2"), get("y2")
		return []frame.Seg{
			{Op: frame.MoveTo, Pts: [3]frame.Point{{X: x1, Y: y1}}},
			line(frame.Point{X: x2, Y: y2}),
		}, err
	}
	// polyline, polygon
	v, err := (&numScanner{s: n.attr("points")}).numbers()
	if err != nil {
		return nil, fmt.Errorf("points: %w", err)
	}
	if len(v)%2 == 1 {
		return nil, fmt.Errorf("points: %d numbers, want pairs", len(v))
	}
	var segs []frame.Seg
	for i := 0; i < len(v); i += 2 {
		segs = append(segs, line(frame.Point{X: v[i], Y: v[i+1]}))
	}
	if len(segs) > 0 {
		segs[0].Op = frame.MoveTo
		if n.name == "polygon" {
			segs = append(segs, frame.Seg{Op: frame.Close})
		}
	}
	return segs, nil
}

// length reads a shape's coordinate or size: a number, in user units
// ("px" allowed). Sizes and radii may not be negative.
func length(n *node, name string) (float64, error) {
	s, ok := n.attrs[name]
	if !ok {
		return 0, nil
	}
	t := strings.TrimSuffix(strings.TrimSpace(s), "px")
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, fmt.Errorf("%s %q: want a number of user units", name, s)
	}
	switch name {
	case "width", "height", "r", "rx", "ry":
		if v < 0 {
			return 0, fmt.Errorf("%s %q: want a number not below 0", name, s)
		}
	}
	return v, nil
}

// ellipse returns an ellipse as four quarter curves, from its right end
// clockwise, as SVG draws it.
func ellipse(cx, cy, rx, ry float64) []frame.Seg {
	return roundRect(cx-rx, cy-ry, 2*rx, 2*ry, rx, ry)
}

// roundRect returns a rectangle whose corners are quarter ellipses of
// radii rx, ry (none when either is 0), clockwise from the top left.
func roundRect(x, y, w, h, rx, ry float64) []frame.Seg {
	pt := func(x, y float64) frame.Point { return frame.Point{X: x, Y: y} }
	if rx == 0 || ry == 0 {
		return []frame.Seg{
			{Op: frame.MoveTo, Pts: [3]frame.Point{pt(x, y)}},
			line(pt(x+w, y)), line(pt(x+w, y+h)), line(pt(x, y+h)),
			{Op: frame.Close},
		}
	}
	kx, ky := rx*kappa, ry*kappa
	curve := func(c1, c2, p frame.Point) frame.Seg {
		return frame.Seg{Op: frame.CurveTo, Pts: [3]frame.Point{c1, c2, p}}
	}
	r, b := x+w, y+h
	segs := []frame.Seg{{Op: frame.MoveTo, Pts: [3]frame.Point{pt(x+rx, y)}}}
	if w > 2*rx {
		segs = append(segs, line(pt(r-rx, y)))
	}
	segs = append(segs, curve(pt(r-rx+kx, y), pt(r, y+ry-ky), pt(r, y+ry)))
	if h > 2*ry {
		segs = append(segs, line(pt(r, b-ry)))
	}
	segs = append(segs, curve(pt(r, b-ry+ky), pt(r-rx+kx, b), pt(r-rx, b)))
	if w > 2*rx {
		segs = append(segs, line(pt(x+rx, b)))
	}
	segs = append(segs, curve(pt(x+rx-kx, b), pt(x, b-ry+ky), pt(x, b-ry)))
	if h > 2*ry {
		segs = append(segs, line(pt(x, y+ry)))
	}
	segs = append(segs, curve(pt(x, y+ry-ky), pt(x+rx-kx, y), pt(x+rx, y)), frame.Seg{Op: frame.Close})
	return segs
}
