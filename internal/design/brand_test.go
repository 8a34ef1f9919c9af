package design_test

import "testing"

// TestBrandErrors covers brand.toml and the logo. An error in the brand
// must not make every palette colour of the layout unknown.
func TestBrandErrors(t *testing.T) {
	runErrCases(t, []errCase{
		{
			name:    "bad RGB colour",
			changes: []change{{"brand.toml", `rgb = "#123f6d"`, `rgb = "#12345"`}},
			want:    `layouts/brand.toml:⟨#12345⟩:8: palette.primary.rgb: bad RGB colour "#12345": want #rrggbb, like "#1f4e8c"`,
		},
		{
			name: "bad colours, all listed",
			changes: []change{
				{"brand.toml", `rgb = "#123f6d"`, `rgb = "#12345"`},
				{"brand.toml", `cmyk = "0 35 100 5"`, `cmyk = "0 35 100"`},
			},
			want: `layouts/brand.toml:⟨#12345⟩:8: palette.primary.rgb: bad RGB colour "#12345": want #rrggbb, like "#1f4e8c"
layouts/brand.toml:⟨"0 35 100"⟩:9: palette.accent.cmyk: bad CMYK colour "0 35 100": want four percentages (0–100), like "100 60 0 20"`,
		},
		{
			name:    "palette colour without cmyk",
			changes: []change{{"brand.toml", `cmyk = "100 60 0 40"`, ``}},
			want:    `layouts/brand.toml:⟨[palette.primary]⟩:1: palette.primary: missing cmyk (the print colour, like "100 60 0 40")`,
		},
		{
			name:    "spot ink with a reserved name",
			changes: []change{{"brand.toml", `cmyk = "100 60 0 40"`, `cmyk = "100 60 0 40"` + "\nspot = \"All\""}},
			want:    `layouts/brand.toml:⟨spot =⟩:1: palette.primary.spot: "All" is a name PDF reserves for process inks or registration`,
		},
		{
			name:    "spot ink that is not ASCII",
			changes: []change{{"brand.toml", `cmyk = "100 60 0 40"`, `cmyk = "100 60 0 40"` + "\nspot = \"Bleu nuit ★\""}},
			want:    `layouts/brand.toml:⟨spot =⟩:1: palette.primary.spot: "Bleu nuit ★": want printable ASCII ('★' is not)`,
		},
		{
			name:    "one ink that is several",
			changes: []change{{"brand.toml", `one_ink = "0 0 0 70"`, `one_ink = "25 10 0 60"`}},
			want:    `layouts/brand.toml:⟨one_ink = "25⟩:1: palette.muted.one_ink: "25 10 0 60" is 3 inks: want one, like "0 0 0 70"`,
		},
		{
			name:    "one ink that is none",
			changes: []change{{"brand.toml", `one_ink = "0 0 0 70"`, `one_ink = "0 0 0 0"`}},
			want:    `layouts/brand.toml:⟨one_ink = "0 0 0 0"⟩:1: palette.muted.one_ink: "0 0 0 0" is 0 inks: want one, like "0 0 0 70"`,
		},
		{
			name:    "palette colour that is not a table",
			changes: []change{{"brand.toml", "[palette.tint]\nrgb = \"#edf2f7\"\ncmyk = \"6 2 0 2\"", "[palette]\ntint = \"#edf2f7\""}},
			want:    `layouts/brand.toml:⟨tint =⟩:1: palette.tint: want a table, not a string`,
		},
		{
			name:    "missing name",
			changes: []change{{"brand.toml", `name = "Northlight Talent"`, ``}},
			want:    `layouts/brand.toml: missing name`,
		},
		{
			name:    "unknown key",
			changes: []change{{"brand.toml", `phone =`, `telephone =`}},
			want:    `layouts/brand.toml:⟨telephone⟩:1: unknown key "telephone"`,
		},
		{
			name:    "missing brand file",
			changes: []change{{"a4.toml", `brand = "brand.toml"`, `brand = "brnd.toml"`}},
			want:    `layouts/a4.toml:⟨brand =⟩:1: brand: no file layouts/brnd.toml`,
		},
		{
			name:    "no brand",
			changes: []change{{"a4.toml", `brand = "brand.toml"`, ``}},
			want:    `layouts/a4.toml: missing brand (the brand file, like "brand.toml")`,
		},
		{
			name:    "missing logo file",
			changes: []change{{"brand.toml", `logo = "northlight-logo.svg"`, `logo = "logo.svg"`}},
			want:    `layouts/brand.toml:⟨logo =⟩:1: logo: no file layouts/logo.svg`,
		},
		{
			name:    "logo fill not in the palette",
			changes: []change{{"northlight-logo.svg", `fill="#ffffff"`, `fill="#fefefe"`}},
			want:    `layouts/northlight-logo.svg:⟨#fefefe⟩:3: <path>: fill "#fefefe" is not a colour of the palette (accent #e8a317, accent_text #985a00, ink #17202c, muted #566577, paper #ffffff, primary #123f6d, rule #c8d2de, tint #edf2f7)`,
		},
		{
			name:    "logo fill not a colour",
			changes: []change{{"northlight-logo.svg", `fill="#ffffff"`, `fill="white"`}},
			want:    `layouts/northlight-logo.svg:⟨"white"⟩:3: <path>: fill "white": want a colour of the palette, as #rrggbb`,
		},
		{
			name:    "logo that is not SVG",
			changes: []change{{"northlight-logo.svg", `<svg`, `<html`}},
			want:    `layouts/northlight-logo.svg:⟨<html⟩:1: not an SVG file: the root element is <html>, want <svg>`,
		},
		{
			name:    "logo that is not XML",
			changes: []change{{"northlight-logo.svg", `<svg`, "\x89PNG\r\n\x1a\n<svg"}},
			want:    `layouts/northlight-logo.svg: not an SVG file: not UTF-8 text`,
		},
		{
			name:    "logo with bad XML",
			changes: []change{{"northlight-logo.svg", `</svg>`, `</svgg>`}},
			want:    `layouts/northlight-logo.svg:⟨</svgg>⟩: not an SVG file: element <svg> closed by </svgg>`,
		},
		{
			name:    "logo without viewBox",
			changes: []change{{"northlight-logo.svg", ` viewBox="0 0 48 48"`, ``}},
			want:    `layouts/northlight-logo.svg:⟨<svg⟩:1: <svg>: missing viewBox (like viewBox="0 0 48 48")`,
		},
		{
			name:    "logo with text",
			changes: []change{{"northlight-logo.svg", `</svg>`, `  <text x="50" y="30" fill="#ffffff">Northlight</text>` + "\n</svg>"}},
			want:    `layouts/northlight-logo.svg:⟨<text⟩:3: <text> is not supported: convert the text to outlines (Type > Create Outlines in Illustrator, Path > Object to Path in Inkscape, Flatten in Figma)`,
		},
		{
			name:    "logo with a bitmap",
			changes: []change{{"northlight-logo.svg", `</svg>`, `  <image href="mark.png" width="48" height="48"/>` + "\n</svg>"}},
			want:    `layouts/northlight-logo.svg:⟨<image⟩:3: <image> is not supported: a logo is drawn in vectors, not a bitmap`,
		},
		{
			name:    "logo with a stroke",
			changes: []change{{"northlight-logo.svg", `<path fill="#ffffff"`, `<path fill="none" stroke="#ffffff" stroke-width="2"`}},
			want:    `layouts/northlight-logo.svg:⟨stroke=⟩:3: <path>: stroke "#ffffff": strokes are not supported: outline them (Object > Path > Outline Stroke in Illustrator, Path > Stroke to Path in Inkscape, Outline Stroke in Figma)`,
		},
		{
			name: "logo with a stroke on its group",
			changes: []change{
				{"northlight-logo.svg", `  <path fill="#e8a317"`, `  <g style="stroke:#17202c;stroke-width:0.26">` + "\n" + `  <path fill="#e8a317"`},
				{"northlight-logo.svg", `</svg>`, `  </g>` + "\n</svg>"},
			},
			want: `layouts/northlight-logo.svg:⟨<path fill="#e8a317"⟩:3: <path>: stroke "#17202c", from the <g> at line ⟨northlight-logo.svg:<g style⟩,: strokes are not supported: outline them (Object > Path > Outline Stroke in Illustrator, Path > Stroke to Path in Inkscape, Outline Stroke in Figma)`,
		},
		{
			name: "logo with a gradient",
			changes: []change{
				{"northlight-logo.svg", `<path fill="#ffffff"`, `<path fill="url(#shine)"`},
				{"northlight-logo.svg", `</svg>`, `  <defs><linearGradient id="shine"><stop offset="0" stop-color="#ffffff"/></linearGradient></defs>` + "\n</svg>"},
			},
			want: `layouts/northlight-logo.svg:⟨url(#shine)⟩:3: <path>: fill url(#shine): a <linearGradient>: gradients are not supported: fill with a palette colour`,
		},
		{
			name:    "logo with transparency",
			changes: []change{{"northlight-logo.svg", `<path fill="#ffffff"`, `<path fill="#ffffff" opacity="0.6"`}},
			want:    `layouts/northlight-logo.svg:⟨opacity⟩:3: <path>: opacity 0.6: transparency is not supported: use an opaque palette colour`,
		},
		{
			name:    "logo with a mask",
			changes: []change{{"northlight-logo.svg", `<path fill="#ffffff"`, `<path fill="#ffffff" mask="url(#m)"`}},
			want:    `layouts/northlight-logo.svg:⟨mask=⟩:3: <path>: mask url(#m): masks are not supported: release the mask and flatten the artwork`,
		},
		{
			name: "logo with a clip that cuts",
			changes: []change{
				{"northlight-logo.svg", `  <path fill="#e8a317"`, `  <g clip-path="url(#c)">` + "\n" + `  <path fill="#e8a317"`},
				{"northlight-logo.svg", `</svg>`, `  </g>` + "\n" + `  <defs><clipPath id="c"><rect width="48" height="24"/></clipPath></defs>` + "\n</svg>"},
			},
			want: `layouts/northlight-logo.svg:⟨<g clip-path⟩:3: <g>: clip-path url(#c): clipping that cuts the drawing is not supported: release the clipping mask`,
		},
		{
			name: "logo with a style that is not by class",
			changes: []change{
				{"northlight-logo.svg", `  <path fill="#e8a317"`, `  <style>g path { fill: #e8a317 }</style>` + "\n" + `  <path fill="#e8a317"`},
			},
			want: `layouts/northlight-logo.svg:⟨<style>⟩:3: <style>: selector "g path" is not supported (only class selectors, like .st0)`,
		},
		{
			name:    "logo with a bad transform",
			changes: []change{{"northlight-logo.svg", `<path fill="#ffffff"`, `<path fill="#ffffff" transform="spin(45)"`}},
			want:    `layouts/northlight-logo.svg:⟨spin⟩:3: <path>: unknown transform "spin" (known: matrix, translate, scale, rotate, skewX, skewY)`,
		},
		{
			name:    "logo with a bad arc flag",
			changes: []change{{"northlight-logo.svg", `d="M24 13 L26 22`, `d="M24 13 A2 2 0 2 1 26 22`}},
			want:    `layouts/northlight-logo.svg:⟨A2 2⟩:3: <path>: d: command A: bad arc flag "2": want 0 or 1`,
		},
		{
			name:    "logo with bad path data",
			changes: []change{{"northlight-logo.svg", `d="M24 13 L26 22`, `d="M24 13 R26 22`}},
			want:    `layouts/northlight-logo.svg:⟨R26⟩:3: <path>: d: unsupported path command R (supported: M L H V C S Q T A Z)`,
		},
		{
			name:    "logo with a polygon of odd points",
			changes: []change{{"northlight-logo.svg", `</svg>`, `  <polygon fill="#ffffff" points="0,0 4,0 4"/>` + "\n</svg>"}},
			want:    `layouts/northlight-logo.svg:⟨<polygon⟩:3: <polygon>: points: 5 numbers, want pairs`,
		},
		{
			name:    "logo that draws nothing",
			changes: []change{{"northlight-logo.svg", `<path fill="#e8a317"`, `<path fill="none"`}, {"northlight-logo.svg", `<path fill="#ffffff"`, `<path fill="none"`}},
			want:    `layouts/northlight-logo.svg: nothing drawn: no filled <path> or shape`,
		},
		{
			// Found by FuzzLayout: the path was closed for ever.
			name:    "logo with numbers after Z",
			changes: []change{{"northlight-logo.svg", `L20 20 Z"/>`, `L20 20 Z 0 0"/>`}},
			want:    `layouts/northlight-logo.svg:⟨L20 20 Z 0 0⟩:3: <path>: d: command Z takes no numbers, found "0"`,
		},
	})
}
