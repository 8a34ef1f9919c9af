package design

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/brochure-dev/brochure/internal/color"
	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/tomlfile"
)

// logoReader turns an SVG element tree into a logo's filled paths.
type logoReader struct {
	name    string
	data    []byte
	ids     map[string]*node
	rules   []cssRule
	palette map[string]color.Color
	root    *node
	logo    *Logo
}

// paint is what an element inherits from its groups.
type paint struct {
	m                  matrix // to the logo's coordinates
	fill, stroke       string
	strokeFrom         *node // the group that set stroke
	evenOdd, invisible bool
	noStroke           [2]bool // stroke-width 0, stroke-opacity 0
}

func (r *logoReader) at(n *node, format string, args ...any) error {
	line, col := lineCol(r.data, n.off)
	return &tomlfile.Error{File: r.name, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// styles reads the <style> elements, wherever they are.
func (r *logoReader) styles(n *node) error {
	if n.name == "style" {
		rules, err := parseCSS(n.text)
		if err != nil {
			return r.at(n, "<style>: %v", err)
		}
		r.rules = append(r.rules, rules...)
	}
	for _, k := range n.kids {
		if err := r.styles(k); err != nil {
			return err
		}
	}
	return nil
}

// notDrawn are elements that draw nothing where they are: definitions,
// descriptions, and what is only drawn when referred to (which the
// referring attribute's check refuses).
var notDrawn = map[string]bool{
	"title": true, "desc": true, "metadata": true, "defs": true, "style": true, "symbol": true,
	"clipPath": true, "mask": true, "linearGradient": true, "radialGradient": true,
	"pattern": true, "filter": true, "marker": true,
}

// refusals say why an element that draws cannot be in a logo.
var refusals = map[string]string{
	"text":          "convert the text to outlines (Type > Create Outlines in Illustrator, Path > Object to Path in Inkscape, Flatten in Figma)",
	"image":         "a logo is drawn in vectors, not a bitmap",
	"use":           "expand the symbol or clone into paths (Object > Expand in Illustrator, Edit > Clone > Unlink Clone in Inkscape)",
	"foreignObject": "export without Illustrator's editing data",
}

// walk draws the element n and what it holds.
func (r *logoReader) walk(n *node, st paint) error {
	if n.name == "" || notDrawn[n.name] {
		return nil
	}
	shape := n.name == "path" || n.name == "rect" || n.name == "circle" || n.name == "ellipse" ||
		n.name == "line" || n.name == "polyline" || n.name == "polygon"
	group := n.name == "g" || n == r.root
	if n.name == "switch" {
		// Its first child whose conditions hold is drawn: Illustrator's
		// editing data puts its own in a <foreignObject> with
		// requiredExtensions, which does not hold here, then the drawing.
		for _, k := range n.kids {
			if k.name != "" && k.name != "foreignObject" && k.attrs["requiredExtensions"] == "" && k.attrs["requiredFeatures"] == "" && k.attrs["systemLanguage"] == "" {
				return r.walk(k, st)
			}
		}
		return nil
	}
	if !shape && !group {
		if why, ok := refusals[n.name]; ok {
			return r.at(n, "<%s> is not supported: %s", n.name, why)
		}
		return r.at(n, "<%s> is not supported", n.name)
	}
	p := props(n, r.rules)
	if p["display"] == "none" {
		return nil
	}
	if err := r.refuse(n, p); err != nil {
		return err
	}
	if t, ok := n.attrs["transform"]; ok {
		m, err := parseTransform(t)
		if err != nil {
			return r.at(n, "<%s>: %v", n.name, err)
		}
		st.m = st.m.then(m)
	}
	if v, ok := p["fill"]; ok {
		st.fill = v
	}
	if v, ok := p["stroke"]; ok {
		st.stroke, st.strokeFrom = v, n
	}
	// A stroke of no width or no opacity draws nothing.
	for i, k := range []string{"stroke-width", "stroke-opacity"} {
		if v, ok := p[k]; ok {
			f, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), "px"), 64)
			st.noStroke[i] = err == nil && f == 0
		}
	}
	if v, ok := p["fill-rule"]; ok {
		st.evenOdd = v == "evenodd"
	}
	if v, ok := p["visibility"]; ok {
		st.invisible = v == "hidden" || v == "collapse"
	}
	first := len(r.logo.Paths)
	if shape {
		if err := r.shape(n, st); err != nil {
			return err
		}
	} else {
		for _, k := range n.kids {
			if err := r.walk(k, st); err != nil {
				return err
			}
		}
	}
	if clip, ok := p["clip-path"]; ok && clip != "none" {
		return r.clip(n, clip, st.m, r.logo.Paths[first:])
	}
	return nil
}

// shape adds the filled outline of a shape element.
func (r *logoReader) shape(n *node, st paint) error {
	if st.invisible {
		return nil
	}
	if st.stroke != "" && st.stroke != "none" && st.noStroke == [2]bool{} {
		from := ""
		if st.strokeFrom != n {
			line, _ := lineCol(r.data, st.strokeFrom.off)
			from = fmt.Sprintf(", from the <%s> at line %d,", st.strokeFrom.name, line)
		}
		return r.at(n, "<%s>: stroke %q%s: strokes are not supported: outline them (Object > Path > Outline Stroke in Illustrator, Path > Stroke to Path in Inkscape, Outline Stroke in Figma)", n.name, st.stroke, from)
	}
	if n.name == "line" || st.fill == "none" {
		return nil // a line has no inside: unstroked, it draws nothing
	}
	if strings.HasPrefix(st.fill, "url(") {
		return r.at(n, "<%s>: fill %s: %s", n.name, st.fill, r.paintServer(st.fill))
	}
	fill, err := paletteColor(st.fill, r.palette)
	if err != nil {
		return r.at(n, "<%s>: %v", n.name, err)
	}
	segs, err := shapeSegs(n)
	if err != nil {
		return r.at(n, "<%s>: %v", n.name, err)
	}
	if len(segs) == 0 {
		return nil
	}
	st.m.applySegs(segs)
	for _, s := range segs {
		for _, pt := range s.Pts {
			if math.IsInf(pt.X, 0) || math.IsInf(pt.Y, 0) || math.IsNaN(pt.X) || math.IsNaN(pt.Y) {
				return r.at(n, "<%s>: coordinates out of range", n.name)
			}
		}
	}
	r.logo.Paths = append(r.logo.Paths, &frame.Path{Segs: segs, Fill: fill, EvenOdd: st.evenOdd})
	return nil
}

// paintServer says what a fill of url(#id) refers to, and why it is
// refused.
func (r *logoReader) paintServer(url string) string {
	ref := r.ids[refID(url)]
	switch {
	case ref == nil:
		return "no such element"
	case ref.name == "linearGradient" || ref.name == "radialGradient":
		return fmt.Sprintf("a <%s>: gradients are not supported: fill with a palette colour", ref.name)
	}
	return fmt.Sprintf("a <%s>: fill with a palette colour", ref.name)
}

// refID returns the id in "url(#id)" or `url("#id")`.
func refID(url string) string {
	s := strings.TrimSuffix(strings.TrimPrefix(url, "url("), ")")
	return strings.TrimPrefix(strings.Trim(strings.TrimSpace(s), `"'`), "#")
}

// refuse returns an error for the properties a logo cannot have.
func (r *logoReader) refuse(n *node, p map[string]string) error {
	for _, k := range []string{"opacity", "fill-opacity"} {
		if v, ok := p[k]; ok {
			f, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64)
			if strings.HasSuffix(v, "%") {
				f /= 100
			}
			if err != nil || f < 1 {
				return r.at(n, "<%s>: %s %s: transparency is not supported: use an opaque palette colour", n.name, k, v)
			}
		}
	}
	why := map[string]string{
		"mask":           "masks are not supported: release the mask and flatten the artwork",
		"filter":         "filters (shadows, blurs) are not supported",
		"marker":         "markers are not supported: expand them into paths",
		"marker-start":   "markers are not supported: expand them into paths",
		"marker-mid":     "markers are not supported: expand them into paths",
		"marker-end":     "markers are not supported: expand them into paths",
		"mix-blend-mode": "blend modes are not supported",
	}
	for _, k := range styled {
		v, ok := p[k]
		if msg := why[k]; ok && msg != "" && v != "none" && v != "normal" {
			return r.at(n, "<%s>: %s %s: %s", n.name, k, v, msg)
		}
	}
	return nil
}

// clip accepts a clip-path that cuts nothing: a <clipPath> holding one
// rectangle that the paths drawn inside it stay within, as Figma's frames
// write. Any other is refused.
func (r *logoReader) clip(n *node, clip string, m matrix, paths []*frame.Path) error {
	refused := r.at(n, "<%s>: clip-path %s: clipping that cuts the drawing is not supported: release the clipping mask", n.name, clip)
	cp := r.ids[refID(clip)]
	if cp == nil || cp.name != "clipPath" || cp.attrs["transform"] != "" ||
		cp.attrs["clipPathUnits"] == "objectBoundingBox" || m[1] != 0 || m[2] != 0 {
		return refused
	}
	var rect *node
	for _, k := range cp.kids {
		if k.name == "title" || k.name == "desc" {
			continue
		}
		if rect != nil || k.name != "rect" || k.attrs["transform"] != "" || k.attrs["rx"] != "" || k.attrs["ry"] != "" {
			return refused
		}
		rect = k
	}
	if rect == nil {
		return refused
	}
	segs, err := shapeSegs(rect)
	if err != nil || len(segs) == 0 {
		return refused
	}
	m.applySegs(segs)
	box := (&frame.Path{Segs: segs}).Bounds()
	eps := 1e-6 * max(box.W, box.H, 1)
	for _, p := range paths {
		b := p.Bounds()
		if b.X < box.X-eps || b.Y < box.Y-eps || b.X+b.W > box.X+box.W+eps || b.Y+b.H > box.Y+box.H+eps {
			return refused
		}
	}
	return nil
}
