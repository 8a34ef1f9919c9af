package design

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/brochure-dev/brochure/internal/color"
	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/tomlfile"
)

// Logo is a vector brand mark: filled paths in a box of W × H units
// (the SVG viewBox), y downwards.
type Logo struct {
	W, H  float64
	Paths []*frame.Path
}

// Place returns the logo's paths scaled to height h with its top-left
// corner at (x, y), and the width it takes.
func (l *Logo) Place(x, y, h float64) ([]*frame.Path, float64) {
	s := h / l.H
	out := make([]*frame.Path, len(l.Paths))
	for i, p := range l.Paths {
		out[i] = p.Transform(s, x, y)
	}
	return out, l.W * s
}

// parseLogo reads a small SVG: <path d="..." fill="#rrggbb"> elements,
// possibly in <g> groups, whose fills must be colours of the palette, so
// that print files get their CMYK values. Errors give the line and
// column of the element.
func parseLogo(name string, data []byte, palette map[string]color.Color) (*Logo, error) {
	if !utf8.Valid(data) {
		return nil, &tomlfile.Error{File: name, Msg: "not an SVG file: not UTF-8 text"}
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	at := func(off int64, format string, args ...any) error {
		line, col := lineCol(data, int(off))
		return &tomlfile.Error{File: name, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
	}
	var logo *Logo
	var box [4]float64
	var stack []string // open elements
	for {
		off := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, &tomlfile.Error{File: name, Line: se.Line, Msg: "not an SVG file: " + se.Msg}
			}
			return nil, &tomlfile.Error{File: name, Msg: "not an SVG file: " + err.Error()}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			// Skip to the "<" of the element.
			if n := bytes.IndexByte(data[off:], '<'); n >= 0 {
				off += int64(n)
			}
			el := t.Name.Local
			inside := len(stack) > 0 && drawn(stack)
			stack = append(stack, el)
			switch {
			case logo == nil && el != "svg":
				return nil, at(off, "not an SVG file: the root element is <%s>, want <svg>", el)
			case logo == nil:
				if box, err = viewBox(attr(t, "viewBox")); err != nil {
					return nil, at(off, "<svg>: %v", err)
				}
				logo = &Logo{W: box[2], H: box[3]}
			case !inside:
			case el == "path":
				fill, err := paletteColor(attr(t, "fill"), palette)
				if err != nil {
					return nil, at(off, "<path>: %v", err)
				}
				segs, err := parsePathData(attr(t, "d"))
				if err != nil {
					return nil, at(off, "<path>: d: %v", err)
				}
				logo.Paths = append(logo.Paths, (&frame.Path{Segs: segs, Fill: fill}).Transform(1, -box[0], -box[1]))
			case shapes[el]:
				return nil, at(off, "<%s> is not supported: draw it as a <path>", el)
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if logo == nil {
		return nil, &tomlfile.Error{File: name, Msg: "not an SVG file: no <svg> element"}
	}
	if len(logo.Paths) == 0 {
		return nil, &tomlfile.Error{File: name, Msg: "no <path> elements"}
	}
	return logo, nil
}

// shapes are the SVG elements that draw and that the logo reader does
// not support.
var shapes = map[string]bool{
	"rect": true, "circle": true, "ellipse": true, "line": true, "polyline": true,
	"polygon": true, "text": true, "image": true, "use": true,
}

// drawn reports whether elements in the open elements are drawn: they
// are in <svg> and <g> only, not in <defs>, <clipPath> and the like.
func drawn(stack []string) bool {
	for _, el := range stack {
		if el != "svg" && el != "g" {
			return false
		}
	}
	return true
}

func attr(el xml.StartElement, name string) string {
	for _, a := range el.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// viewBox reads "min-x min-y width height".
func viewBox(s string) ([4]float64, error) {
	var box [4]float64
	vb := strings.Fields(strings.ReplaceAll(s, ",", " "))
	if s == "" {
		return box, fmt.Errorf("missing viewBox (like viewBox=\"0 0 48 48\")")
	}
	if len(vb) != 4 {
		return box, fmt.Errorf("bad viewBox %q: want four numbers", s)
	}
	for i, v := range vb {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return box, fmt.Errorf("bad viewBox %q: want four numbers", s)
		}
		box[i] = f
	}
	if box[2] <= 0 || box[3] <= 0 {
		return box, fmt.Errorf("bad viewBox %q: want a width and a height above 0", s)
	}
	return box, nil
}

// lineCol converts a byte offset to a line and a column, from 1.
func lineCol(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return bytes.Count(data[:off], []byte("\n")) + 1, off - start + 1
}

func paletteColor(fill string, palette map[string]color.Color) (color.Color, error) {
	if fill == "" {
		return color.Color{}, fmt.Errorf("missing fill (a colour of the palette, as #rrggbb)")
	}
	var rgb color.RGB
	if err := rgb.UnmarshalText([]byte(strings.ToLower(fill))); err != nil {
		return color.Color{}, fmt.Errorf("fill %q: want a colour of the palette, as #rrggbb", fill)
	}
	var list []string
	for _, name := range sortedNames(palette) {
		if palette[name].RGB == rgb {
			return palette[name], nil
		}
		list = append(list, name+" "+palette[name].RGB.String())
	}
	return color.Color{}, fmt.Errorf("fill %q is not a colour of the palette (%s)", fill, strings.Join(list, ", "))
}
