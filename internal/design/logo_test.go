package design

import (
	"math"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/color"
	"github.com/brochure-dev/brochure/internal/frame"
)

// testPalette holds the demo brand's colours the logos below use.
var testPalette = map[string]color.Color{
	"primary": {Name: "primary", RGB: color.RGB{R: 0x12, G: 0x3f, B: 0x6d}},
	"accent":  {Name: "accent", RGB: color.RGB{R: 0xe8, G: 0xa3, B: 0x17}},
	"paper":   {Name: "paper", RGB: color.RGB{R: 0xff, G: 0xff, B: 0xff}},
}

// drawn is what a test expects of one path: its fill, its fill rule and
// the box of the outline drawn (not of its control points).
type drawn struct {
	fill    string
	evenOdd bool
	box     [4]float64 // x0 y0 x1 y1
}

// outlineBox returns the box of the outline p draws, from points along
// each segment.
func outlineBox(p *frame.Path) [4]float64 {
	b := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	add := func(q frame.Point) {
		b = [4]float64{min(b[0], q.X), min(b[1], q.Y), max(b[2], q.X), max(b[3], q.Y)}
	}
	var cur frame.Point
	for _, s := range p.Segs {
		switch s.Op {
		case frame.MoveTo, frame.LineTo:
			cur = s.Pts[0]
			add(cur)
		case frame.CurveTo:
			for i := 1; i <= 256; i++ {
				add(bezier(cur, s.Pts, float64(i)/256))
			}
			cur = s.Pts[2]
		}
	}
	return b
}

// bezier returns the point at t of the cubic curve from p0.
func bezier(p0 frame.Point, c [3]frame.Point, t float64) frame.Point {
	u := 1 - t
	a, b, cc, d := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
	return frame.Point{
		X: a*p0.X + b*c[0].X + cc*c[1].X + d*c[2].X,
		Y: a*p0.Y + b*c[0].Y + cc*c[1].Y + d*c[2].Y,
	}
}

// TestLogoFromDesignTools reads logos written as Illustrator, Figma and
// Inkscape export them, and a minified one, and checks what each path
// draws: its palette colour, fill rule and box, worked out by hand from
// the shapes, transforms and groups of the file.
func TestLogoFromDesignTools(t *testing.T) {
	for _, tc := range []struct {
		name, svg string
		w, h      float64
		want      []drawn
	}{
		{
			name: "Illustrator, Save As SVG with style elements",
			svg: `<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 28.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
<svg version="1.1" id="Layer_1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" x="0px" y="0px"
	 viewBox="0 0 160 48" style="enable-background:new 0 0 160 48;" xml:space="preserve">
<style type="text/css">
	.st0{fill:#123F6D;}
	.st1{fill:#E8A317;}
	.st2{fill:#FFFFFF;}
</style>
<g>
	<circle class="st0" cx="24" cy="24" r="22"/>
	<polygon class="st1" points="24,6 28.5,19.5 42,24 28.5,28.5 24,42 19.5,28.5 6,24 19.5,19.5 	"/>
	<path class="st2" d="M24,20c2.2,0,4,1.8,4,4s-1.8,4-4,4s-4-1.8-4-4S21.8,20,24,20z"/>
	<rect x="56" y="14" class="st0" width="8" height="20"/>
	<rect x="70.3" y="19.3" transform="matrix(0.7071 -0.7071 0.7071 0.7071 4.9971 60.0621)" class="st1" width="9.4" height="9.4"/>
	<ellipse transform="matrix(0.7071 -0.7071 0.7071 0.7071 12.3196 77.7396)" class="st0" cx="100" cy="24" rx="10" ry="6"/>
</g>
</svg>
`,
			w: 160, h: 48,
			want: []drawn{
				{fill: "primary", box: [4]float64{2, 2, 46, 46}},
				{fill: "accent", box: [4]float64{6, 6, 42, 42}},
				{fill: "paper", box: [4]float64{20, 20, 28, 28}}, // s reflects the last control point
				{fill: "primary", box: [4]float64{56, 14, 64, 34}},
				{fill: "accent", box: [4]float64{75 - 6.647, 24 - 6.647, 75 + 6.647, 24 + 6.647}},
				{fill: "primary", box: [4]float64{100 - 8.246, 24 - 8.246, 100 + 8.246, 24 + 8.246}},
			},
		},
		{
			name: "Illustrator, with its editing data",
			svg: `<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 16.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
	<!ENTITY ns_extend "http://ns.adobe.com/Extensibility/1.0/">
	<!ENTITY ns_ai "http://ns.adobe.com/AdobeIllustrator/10.0/">
	<!ENTITY ns_graphs "http://ns.adobe.com/Graphs/1.0/">
	<!ENTITY ns_vars "http://ns.adobe.com/Variables/1.0/">
]>
<svg version="1.1" id="Layer_1" xmlns:x="&ns_extend;" xmlns:i="&ns_ai;" xmlns:graph="&ns_graphs;"
	 xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" x="0px" y="0px" width="48px" height="48px"
	 viewBox="0 0 48 48" enable-background="new 0 0 48 48" xml:space="preserve">
<switch>
	<foreignObject requiredExtensions="&ns_ai;" x="0" y="0" width="1" height="1">
		<i:pgfRef  xlink:href="#adobe_illustrator_pgf">
		</i:pgfRef>
	</foreignObject>
	<g i:extraneous="self">
		<circle fill="#123F6D" cx="24" cy="24" r="22"/>
		<polygon fill="#E8A317" points="24,6 28.5,19.5 42,24 28.5,28.5 24,42 19.5,28.5 6,24 19.5,19.5 "/>
	</g>
</switch>
<i:pgf  id="adobe_illustrator_pgf">
	<![CDATA[
	eJzsvWmTHMmRIPoL4j/EfhgzcsxQinV6eOfaM8tzlvNaz2wQZP+7T2cGo9+cbJ2p7Z99y
	]]>
</i:pgf>
</svg>
`,
			w: 48, h: 48,
			want: []drawn{
				{fill: "primary", box: [4]float64{2, 2, 46, 46}},
				{fill: "accent", box: [4]float64{6, 6, 42, 42}},
			},
		},
		{
			name: "Illustrator, Export As with internal CSS",
			svg: `<?xml version="1.0" encoding="UTF-8"?>
<svg id="Layer_2" data-name="Layer 2" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 32">
  <defs>
    <style>
      .cls-1 {
        fill: #e8a317;
      }

      .cls-1, .cls-2 {
        stroke-width: 0px;
      }

      .cls-2 {
        fill: #123f6d;
      }
    </style>
  </defs>
  <g id="Layer_1-2" data-name="Layer 1">
    <g>
      <path class="cls-2" d="m16,0C7.16,0,0,7.16,0,16s7.16,16,16,16,16-7.16,16-16S24.84,0,16,0Z"/>
      <path class="cls-1" d="m16,6l3,7h7l-5.5,4.5,2,7.5-6.5-4.5-6.5,4.5,2-7.5-5.5-4.5h7l3-7Z"/>
      <rect class="cls-2" x="36" y="4" width="24" height="24" rx="6" ry="6"/>
    </g>
  </g>
</svg>`,
			w: 64, h: 32,
			want: []drawn{
				{fill: "primary", box: [4]float64{0, 0, 32, 32}},
				{fill: "accent", box: [4]float64{6, 6, 26, 25}},
				{fill: "primary", box: [4]float64{36, 4, 60, 28}},
			},
		},
		{
			name: "Figma, a frame clipped to its bounds",
			svg: `<svg width="120" height="40" viewBox="0 0 120 40" fill="none" xmlns="http://www.w3.org/2000/svg">
<g clip-path="url(#clip0_1024_2048)">
<path d="M20 0C8.95431 0 0 8.95431 0 20C0 31.0457 8.95431 40 20 40C31.0457 40 40 31.0457 40 20C40 8.95431 31.0457 0 20 0Z" fill="#123F6D"/>
<path fill-rule="evenodd" clip-rule="evenodd" d="M20 8L23.5 16.5L32 20L23.5 23.5L20 32L16.5 23.5L8 20L16.5 16.5L20 8ZM20 16C17.7909 16 16 17.7909 16 20C16 22.2091 17.7909 24 20 24C22.2091 24 24 22.2091 24 20C24 17.7909 22.2091 16 20 16Z" fill="#E8A317"/>
<rect x="48" y="10" width="64" height="20" rx="10" fill="#123F6D"/>
</g>
<defs>
<clipPath id="clip0_1024_2048">
<rect width="120" height="40" fill="white"/>
</clipPath>
</defs>
</svg>
`,
			w: 120, h: 40,
			want: []drawn{
				{fill: "primary", box: [4]float64{0, 0, 40, 40}},
				{fill: "accent", evenOdd: true, box: [4]float64{8, 8, 32, 32}},
				{fill: "primary", box: [4]float64{48, 10, 112, 30}},
			},
		},
		{
			name: "Inkscape, layers in millimetres",
			svg: `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->

<svg
   width="64mm"
   height="32mm"
   viewBox="0 0 64 32"
   version="1.1"
   id="svg5"
   inkscape:version="1.3.2 (091e20e, 2023-11-25)"
   sodipodi:docname="mark.svg"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns="http://www.w3.org/2000/svg"
   xmlns:svg="http://www.w3.org/2000/svg">
  <sodipodi:namedview
     id="namedview7"
     pagecolor="#ffffff"
     bordercolor="#000000"
     borderopacity="0.25"
     inkscape:document-units="mm" />
  <defs
     id="defs2" />
  <g
     inkscape:label="Layer 1"
     inkscape:groupmode="layer"
     id="layer1"
     transform="translate(-20,-100)">
    <circle
       style="fill:#123f6d;fill-opacity:1;stroke:none;stroke-width:0.264583"
       id="path1"
       cx="36"
       cy="116"
       r="16" />
    <path
       style="fill:#ffffff;fill-opacity:1;stroke:none;stroke-width:0.264583"
       id="path2"
       sodipodi:type="arc"
       sodipodi:cx="36"
       sodipodi:cy="116"
       d="m 44,116 a 8,8 0 0 1 -8,8 8,8 0 0 1 -8,-8 8,8 0 0 1 8,-8 8,8 0 0 1 8,8 z" />
    <rect
       style="fill:#e8a317;fill-opacity:1;stroke:none"
       id="rect1"
       width="20"
       height="12"
       x="60"
       y="110"
       ry="3" />
    <g
       id="g1"
       style="fill:#e8a317"
       transform="matrix(0.5,0,0,0.5,40,100)">
      <g transform="rotate(90,20,12)">
        <path
           d="M 0,0 H 40 V 24 H 0 Z"
           id="path3" />
      </g>
    </g>
  </g>
  <g
     inkscape:groupmode="layer"
     id="layer2"
     inkscape:label="Notes"
     style="display:none">
    <text x="0" y="10" style="font-size:4px;fill:#000000">draft</text>
  </g>
</svg>
`,
			w: 64, h: 32,
			want: []drawn{
				{fill: "primary", box: [4]float64{0, 0, 32, 32}},
				{fill: "paper", box: [4]float64{8, 8, 24, 24}},
				{fill: "accent", box: [4]float64{40, 10, 60, 22}},
				// 40 × 24 turned about its centre (20, 12) is 24 × 40 from
				// (8, -8); halved, moved by (40, 100) and then (-20, -100).
				{fill: "accent", box: [4]float64{24, -4, 36, 16}},
			},
		},
		{
			name: "minified: quadratic curves, arcs with flags run together, short colours",
			svg:  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"><path fill="#123f6d" d="M0 10Q5 0 10 10t10 0 10 0 10 0v10H0z"/><path fill="#fff" d="M5.5.5h2v2h-2zM20 5a5 5 0 1010 0 5 5 0 10-10 0"/><polyline fill="#e8a317" points="0 0 4 0 4 4" stroke="#123f6d" stroke-width="0"/><line x1="0" y1="0" x2="40" y2="20" fill="#e8a317"/></svg>`,
			w:    40, h: 20,
			want: []drawn{
				// Without T reflecting the control point the waves would
				// be flat, the top at y = 10.
				{fill: "primary", box: [4]float64{0, 5, 40, 20}},
				{fill: "paper", box: [4]float64{5.5, 0, 30, 10}},
				{fill: "accent", box: [4]float64{0, 0, 4, 4}},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			logo, err := parseLogo("logo.svg", []byte(tc.svg), testPalette)
			if err != nil {
				t.Fatal(err)
			}
			if logo.W != tc.w || logo.H != tc.h {
				t.Errorf("box %g × %g, want %g × %g", logo.W, logo.H, tc.w, tc.h)
			}
			if len(logo.Paths) != len(tc.want) {
				t.Fatalf("%d paths, want %d", len(logo.Paths), len(tc.want))
			}
			for i, p := range logo.Paths {
				w := tc.want[i]
				if p.Fill.Name != w.fill || p.EvenOdd != w.evenOdd {
					t.Errorf("path %d: fill %s even-odd %v, want %s %v", i+1, p.Fill.Name, p.EvenOdd, w.fill, w.evenOdd)
				}
				got := outlineBox(p)
				for k := range got {
					if math.Abs(got[k]-w.box[k]) > 0.01 {
						t.Errorf("path %d: box %.3f, want %.3f", i+1, got, w.box)
						break
					}
				}
			}
		})
	}
}

// TestArc checks arcs against their ellipse: every point drawn is on it,
// the arc runs the way its flags say, and radii too small to reach the
// end point grow until they do.
func TestArc(t *testing.T) {
	for _, tc := range []struct {
		name          string
		p0, p         frame.Point
		rx, ry, phi   float64
		large, sweep  bool
		cx, cy        float64 // the centre
		arx, ary      float64 // the radii drawn
		through       frame.Point
		wantSegsAtMax int
	}{
		{"half circle, clockwise", frame.Point{X: 20, Y: 5}, frame.Point{X: 30, Y: 5}, 5, 5, 0, false, true, 25, 5, 5, 5, frame.Point{X: 25, Y: 0}, 2},
		{"half circle, anticlockwise", frame.Point{X: 20, Y: 5}, frame.Point{X: 30, Y: 5}, 5, 5, 0, false, false, 25, 5, 5, 5, frame.Point{X: 25, Y: 10}, 2},
		{"small quarter", frame.Point{X: 10, Y: 0}, frame.Point{X: 0, Y: 10}, 10, 10, 0, false, true, 0, 0, 10, 10, frame.Point{X: 7.0711, Y: 7.0711}, 1},
		{"large three quarters", frame.Point{X: 10, Y: 0}, frame.Point{X: 0, Y: 10}, 10, 10, 0, true, false, 0, 0, 10, 10, frame.Point{X: -10, Y: 0}, 3},
		{"radii too small", frame.Point{X: 0, Y: 0}, frame.Point{X: 20, Y: 0}, 2, 2, 0, false, true, 10, 0, 10, 10, frame.Point{X: 10, Y: -10}, 2},
		{"rotated ellipse, end to end of its long axis", frame.Point{X: 20 - 10*math.Sqrt2, Y: 20 - 10*math.Sqrt2}, frame.Point{X: 20 + 10*math.Sqrt2, Y: 20 + 10*math.Sqrt2}, 20, 10, 45, false, true, 20, 20, 20, 10, frame.Point{X: 20 + 5*math.Sqrt2, Y: 20 - 5*math.Sqrt2}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			segs := arc(tc.p0, tc.rx, tc.ry, tc.phi, tc.large, tc.sweep, tc.p)
			if len(segs) == 0 || len(segs) > tc.wantSegsAtMax {
				t.Fatalf("%d curves, want 1 to %d", len(segs), tc.wantSegsAtMax)
			}
			if end := segs[len(segs)-1].Pts[2]; end != tc.p {
				t.Errorf("ends at %v, want %v", end, tc.p)
			}
			sin, cos := math.Sincos(-tc.phi * math.Pi / 180)
			cur := tc.p0
			near := math.Inf(1)
			for _, s := range segs {
				for i := 0; i <= 64; i++ {
					q := bezier(cur, s.Pts, float64(i)/64)
					dx, dy := q.X-tc.cx, q.Y-tc.cy
					u, v := cos*dx-sin*dy, sin*dx+cos*dy
					if e := math.Hypot(u/tc.arx, v/tc.ary) - 1; math.Abs(e) > 1e-3 {
						t.Fatalf("point %v off the ellipse by %.4f of its radius", q, e)
					}
					near = min(near, math.Hypot(q.X-tc.through.X, q.Y-tc.through.Y))
				}
				cur = s.Pts[2]
			}
			if near > 0.01 {
				t.Errorf("does not pass through %v (nearest %.3f away)", tc.through, near)
			}
		})
	}
}

// TestTransform checks each transform function on points.
func TestTransform(t *testing.T) {
	for _, tc := range []struct {
		transform string
		in, want  frame.Point
	}{
		{"translate(5)", frame.Point{X: 1, Y: 1}, frame.Point{X: 6, Y: 1}},
		{"translate(-12.5,30)", frame.Point{X: 1, Y: 1}, frame.Point{X: -11.5, Y: 31}},
		{"scale(2)", frame.Point{X: 1, Y: 3}, frame.Point{X: 2, Y: 6}},
		{"scale(2 -1)", frame.Point{X: 1, Y: 3}, frame.Point{X: 2, Y: -3}},
		{"rotate(90)", frame.Point{X: 1, Y: 0}, frame.Point{X: 0, Y: 1}},
		{"rotate(90 10 10)", frame.Point{X: 20, Y: 10}, frame.Point{X: 10, Y: 20}},
		{"skewX(45)", frame.Point{X: 0, Y: 10}, frame.Point{X: 10, Y: 10}},
		{"skewY(45)", frame.Point{X: 10, Y: 0}, frame.Point{X: 10, Y: 10}},
		{"matrix(1 0 0 1 4.5 -2)", frame.Point{X: 1, Y: 1}, frame.Point{X: 5.5, Y: -1}},
		// Right to left: scaled, then moved.
		{"translate(10,20) scale(2)", frame.Point{X: 1, Y: 1}, frame.Point{X: 12, Y: 22}},
		{"scale(2),translate(10,20)", frame.Point{X: 1, Y: 1}, frame.Point{X: 22, Y: 42}},
	} {
		m, err := parseTransform(tc.transform)
		if err != nil {
			t.Errorf("%s: %v", tc.transform, err)
			continue
		}
		if got := m.apply(tc.in); math.Abs(got.X-tc.want.X) > 1e-9 || math.Abs(got.Y-tc.want.Y) > 1e-9 {
			t.Errorf("%s: %v → %v, want %v", tc.transform, tc.in, got, tc.want)
		}
	}
	for _, bad := range []string{"rotate(1 2)", "translate(1 2 3)", "matrix(1 0 0 1)", "scale(x)", "translate(1"} {
		if _, err := parseTransform(bad); err == nil {
			t.Errorf("%s: no error", bad)
		} else if !strings.Contains(err.Error(), "transform") {
			t.Errorf("%s: error %q does not name the transform", bad, err)
		}
	}
}

// TestLogoRefusals: what a logo cannot hold is an error at its element's
// line and column, naming it.
func TestLogoRefusals(t *testing.T) {
	const head = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">` + "\n"
	for _, tc := range []struct {
		name, body, want string
	}{
		{"filter", `  <path d="M0 0H9V9Z" fill="#123f6d" filter="url(#shadow)"/>`,
			`logo.svg:2:3: <path>: filter url(#shadow): filters (shadows, blurs) are not supported`},
		{"marker", `  <path d="M0 0H9V9Z" fill="#123f6d" marker-end="url(#arrow)"/>`,
			`logo.svg:2:3: <path>: marker-end url(#arrow): markers are not supported: expand them into paths`},
		{"blend mode in a style", `  <g style="mix-blend-mode:multiply"><path d="M0 0H9V9Z" fill="#123f6d"/></g>`,
			`logo.svg:2:3: <g>: mix-blend-mode multiply: blend modes are not supported`},
		{"fill opacity in a class", `  <style>.a{fill:#123f6d;fill-opacity:.5}</style>` + "\n" + `  <rect class="a" width="9" height="9"/>`,
			`logo.svg:3:3: <rect>: fill-opacity .5: transparency is not supported: use an opaque palette colour`},
		{"pattern fill", `  <defs><pattern id="dots"/></defs>` + "\n" + `  <circle r="4" fill="url(#dots)"/>`,
			`logo.svg:3:3: <circle>: fill url(#dots): a <pattern>: fill with a palette colour`},
		{"fill referring to nothing", `  <circle r="4" fill="url(#gone)"/>`,
			`logo.svg:2:3: <circle>: fill url(#gone): no such element`},
		{"a clone", `  <use href="#mark" x="10"/>`,
			`logo.svg:2:3: <use> is not supported: expand the symbol or clone into paths`},
		{"a clip path that is not a rectangle", `  <clipPath id="c"><circle r="9"/></clipPath>` + "\n" + `  <path clip-path="url(#c)" d="M0 0H9V9Z" fill="#123f6d"/>`,
			`logo.svg:3:3: <path>: clip-path url(#c): clipping that cuts the drawing is not supported: release the clipping mask`},
		{"a clip path that is missing", `  <g clip-path="url(#nowhere)"><path d="M0 0H9V9Z" fill="#123f6d"/></g>`,
			`logo.svg:2:3: <g>: clip-path url(#nowhere): clipping that cuts the drawing is not supported`},
		{"CSS import", `  <style>@import url(brand.css);</style>`,
			`logo.svg:2:3: <style>: @import is not supported`},
		{"an element of no kind", `  <blink><path d="M0 0H9V9Z" fill="#123f6d"/></blink>`,
			`logo.svg:2:3: <blink> is not supported`},
		{"a negative radius", `  <circle cx="4" cy="4" r="-4" fill="#123f6d"/>`,
			`logo.svg:2:3: <circle>: r "-4": want a number not below 0`},
		{"a length in another unit", `  <rect width="10mm" height="4" fill="#123f6d"/>`,
			`logo.svg:2:3: <rect>: width "10mm": want a number of user units`},
		{"a second root", `  <path d="M0 0H9V9Z" fill="#123f6d"/>` + "\n</svg>\n<svg/>",
			`logo.svg:4:1: not an SVG file: <svg> after the end of <svg>`},
		{"groups too deep", strings.Repeat("<g>", 70) + strings.Repeat("</g>", 70),
			`logo.svg:2:190: elements nested more than 64 deep`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svg := head + tc.body + "\n</svg>\n"
			if strings.Contains(tc.body, "</svg>") {
				svg = head + tc.body + "\n"
			}
			_, err := parseLogo("logo.svg", []byte(svg), testPalette)
			if err == nil {
				t.Fatalf("no error, want %s", tc.want)
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error:\n%s\nwant it to start with:\n%s", err, tc.want)
			}
		})
	}
}

// TestLogoLeftOut: what draws nothing in a viewer is left out, so that
// the rest of the logo is drawn.
func TestLogoLeftOut(t *testing.T) {
	svg := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">
  <g style="display:none"><text>draft</text><image href="x.png"/></g>
  <g visibility="hidden"><path d="M0 0H9V9Z" fill="#fefefe"/><path visibility="visible" d="M10 0H19V9Z" fill="#e8a317"/></g>
  <rect width="48" height="48" fill="none"/>
  <rect width="0" height="9" fill="#123f6d"/>
  <line x1="0" y1="0" x2="48" y2="48" fill="#123f6d"/>
  <switch><foreignObject requiredExtensions="http://ns.adobe.com/AdobeIllustrator/10.0/"/><path d="M20 0H29V9Z" fill="#123f6d"/><path d="M30 0H39V9Z" fill="#fefefe"/></switch>
</svg>`
	logo, err := parseLogo("logo.svg", []byte(svg), testPalette)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range logo.Paths {
		got = append(got, p.Fill.Name)
	}
	if strings.Join(got, " ") != "accent primary" {
		t.Errorf("paths filled %v, want [accent primary]: the visible square and the switch's first drawing", got)
	}
}
