package design

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/brochure-dev/brochure/internal/color"
	"github.com/brochure-dev/brochure/internal/frame"
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

type svgDoc struct {
	ViewBox string    `xml:"viewBox,attr"`
	Paths   []svgPath `xml:"path"`
	Groups  []svgDoc  `xml:"g"`
}

type svgPath struct {
	D    string `xml:"d,attr"`
	Fill string `xml:"fill,attr"`
}

// parseLogo reads a small SVG: <path d="..." fill="#rrggbb"> elements,
// possibly in <g> groups, whose fills must be colours of the palette, so
// that print files get their CMYK values.
func parseLogo(name string, data []byte, palette map[string]color.Color) (*Logo, error) {
	var doc svgDoc
	if err := xml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: not an SVG file: %v", name, err)
	}
	vb := strings.Fields(strings.ReplaceAll(doc.ViewBox, ",", " "))
	if len(vb) != 4 {
		return nil, fmt.Errorf("%s: missing viewBox", name)
	}
	var box [4]float64
	for i, v := range vb {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return nil, fmt.Errorf("%s: bad viewBox %q", name, doc.ViewBox)
		}
		box[i] = f
	}
	if box[2] <= 0 || box[3] <= 0 {
		return nil, fmt.Errorf("%s: bad viewBox %q", name, doc.ViewBox)
	}
	logo := &Logo{W: box[2], H: box[3]}
	var walk func(d svgDoc) error
	walk = func(d svgDoc) error {
		for _, p := range d.Paths {
			fill, err := paletteColor(p.Fill, palette)
			if err != nil {
				return fmt.Errorf("%s: %v", name, err)
			}
			segs, err := parsePathData(p.D)
			if err != nil {
				return fmt.Errorf("%s: path: %v", name, err)
			}
			path := (&frame.Path{Segs: segs, Fill: fill}).Transform(1, -box[0], -box[1])
			logo.Paths = append(logo.Paths, path)
		}
		for _, g := range d.Groups {
			if err := walk(g); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(doc); err != nil {
		return nil, err
	}
	if len(logo.Paths) == 0 {
		return nil, fmt.Errorf("%s: no <path> elements", name)
	}
	return logo, nil
}

func paletteColor(fill string, palette map[string]color.Color) (color.Color, error) {
	var rgb color.RGB
	if err := rgb.UnmarshalText([]byte(strings.ToLower(fill))); err != nil {
		return color.Color{}, fmt.Errorf("fill %q: want a palette colour as #rrggbb", fill)
	}
	for _, name := range sortedNames(palette) {
		if palette[name].RGB == rgb {
			return palette[name], nil
		}
	}
	return color.Color{}, fmt.Errorf("fill %s is not a colour of the brand's palette", fill)
}

// parsePathData reads SVG path data with the commands M L H V C Z, in
// absolute and relative forms.
func parsePathData(d string) ([]frame.Seg, error) {
	toks := tokenize(d)
	var segs []frame.Seg
	var cur, start frame.Point
	var cmd byte
	i := 0
	num := func() (float64, error) {
		if i >= len(toks) || isCommand(toks[i]) {
			return 0, fmt.Errorf("command %c: missing number", cmd)
		}
		v, err := strconv.ParseFloat(toks[i], 64)
		i++
		return v, err
	}
	point := func(rel bool) (frame.Point, error) {
		x, err := num()
		if err != nil {
			return frame.Point{}, err
		}
		y, err := num()
		if rel {
			x, y = x+cur.X, y+cur.Y
		}
		return frame.Point{X: x, Y: y}, err
	}
	for i < len(toks) {
		if isCommand(toks[i]) {
			cmd = toks[i][0]
			i++
		} else if cmd == 0 {
			return nil, fmt.Errorf("path data must start with a command")
		}
		rel := cmd >= 'a'
		var err error
		switch unicode.ToUpper(rune(cmd)) {
		case 'M':
			cur, err = point(rel)
			start = cur
			segs = append(segs, frame.Seg{Op: frame.MoveTo, Pts: [3]frame.Point{cur}})
			cmd = map[bool]byte{true: 'l', false: 'L'}[rel] // further pairs are lines
		case 'L':
			cur, err = point(rel)
			segs = append(segs, frame.Seg{Op: frame.LineTo, Pts: [3]frame.Point{cur}})
		case 'H', 'V':
			var v float64
			v, err = num()
			switch {
			case cmd == 'H':
				cur.X = v
			case cmd == 'h':
				cur.X += v
			case cmd == 'V':
				cur.Y = v
			default:
				cur.Y += v
			}
			segs = append(segs, frame.Seg{Op: frame.LineTo, Pts: [3]frame.Point{cur}})
		case 'C':
			var p [3]frame.Point
			for k := range p {
				if p[k], err = point(rel); err != nil {
					break
				}
			}
			cur = p[2]
			segs = append(segs, frame.Seg{Op: frame.CurveTo, Pts: p})
		case 'Z':
			cur = start
			segs = append(segs, frame.Seg{Op: frame.Close})
		default:
			return nil, fmt.Errorf("unsupported path command %c (supported: M L H V C Z)", cmd)
		}
		if err != nil {
			return nil, err
		}
	}
	return segs, nil
}

func isCommand(t string) bool { return len(t) == 1 && strings.ContainsAny(t, "MmLlHhVvCcZzSsQqTtAa") }

// tokenize splits path data into commands and numbers.
func tokenize(d string) []string {
	var toks []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			toks = append(toks, b.String())
			b.Reset()
		}
	}
	for _, r := range d {
		switch {
		case unicode.IsLetter(r) && r != 'e' && r != 'E':
			flush()
			toks = append(toks, string(r))
		case r == ',' || unicode.IsSpace(r):
			flush()
		case r == '-' && b.Len() > 0 && !strings.HasSuffix(b.String(), "e"):
			flush()
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	flush()
	return toks
}
