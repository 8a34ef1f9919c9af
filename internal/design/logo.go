package design

import (
	"bytes"
	"fmt"
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

// parseLogo reads an SVG logo as Illustrator, Figma or Inkscape export
// it: paths (commands M L H V C S Q T A Z), the basic shapes, groups
// with transforms, fills given as attributes, in style attributes or by
// class in a <style> element, and inherited from groups. Every fill must
// be a colour of the palette, so that print files get its CMYK value.
// What a logo cannot hold (strokes, gradients, transparency, masks,
// clipping that cuts, bitmaps, text) is an error naming it, with the
// line and column of its element.
func parseLogo(name string, data []byte, palette map[string]color.Color) (*Logo, error) {
	if !utf8.Valid(data) {
		return nil, &tomlfile.Error{File: name, Msg: "not an SVG file: not UTF-8 text"}
	}
	root, ids, err := readSVG(name, data)
	if err != nil {
		return nil, err
	}
	r := &logoReader{name: name, data: data, ids: ids, palette: palette, root: root}
	box, err := viewBox(root.attr("viewBox"))
	if err != nil {
		return nil, r.at(root, "<svg>: %v", err)
	}
	r.logo = &Logo{W: box[2], H: box[3]}
	if err := r.styles(root); err != nil {
		return nil, err
	}
	if err := r.walk(root, paint{m: matrix{1, 0, 0, 1, -box[0], -box[1]}}); err != nil {
		return nil, err
	}
	if len(r.logo.Paths) == 0 {
		return nil, &tomlfile.Error{File: name, Msg: "nothing drawn: no filled <path> or shape"}
	}
	return r.logo, nil
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
	hex := strings.ToLower(fill)
	if len(hex) == 4 && hex[0] == '#' { // #rgb, as minified files write it
		hex = string([]byte{'#', hex[1], hex[1], hex[2], hex[2], hex[3], hex[3]})
	}
	if err := rgb.UnmarshalText([]byte(hex)); err != nil {
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
