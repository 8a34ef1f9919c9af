package design_test

import "testing"

// roles is how the messages list the text roles.
const roles = "brand, kicker, title, tagline, intro, heading, group, body, label, small, note, figure, footer, cta_heading, cta_body"

// TestLayoutErrors covers a4.toml: bad values, unknown names, missing
// parts.
func TestLayoutErrors(t *testing.T) {
	runErrCases(t, []errCase{
		{
			name:    "bad length",
			changes: []change{{"a4.toml", `top = "14mm"`, `top = "12 furlongs"`}},
			want:    `layouts/a4.toml:⟨top =⟩:8: page.margins.top: bad length "12 furlongs": want a number and a unit (mm, cm, in, pt), like "12mm"`,
		},
		{
			name: "bad lengths and a wrong type, all listed",
			changes: []change{
				{"a4.toml", `top = "14mm"`, `top = "12 furlongs"`},
				{"a4.toml", `gutter = "8mm"`, `gutter = 8`},
				{"a4.toml", `leading = "36.5pt"`, `leading = "36.5"`},
			},
			want: `layouts/a4.toml:⟨gutter⟩:10: page.gutter: bad length "8": want a number and a unit (mm, cm, in, pt), like "12mm"
layouts/a4.toml:⟨top =⟩:8: page.margins.top: bad length "12 furlongs": want a number and a unit (mm, cm, in, pt), like "12mm"
layouts/a4.toml:⟨36.5"⟩:41: text.title.leading: bad length "36.5": want a number and a unit (mm, cm, in, pt), like "12mm"`,
		},
		{
			name:    "key defined twice",
			changes: []change{{"a4.toml", "columns = 2", "columns = 2\nsize = \"A5\""}},
			want:    `layouts/a4.toml:⟨size = "A5"⟩:1: page.size: defined twice (first on line ⟨a4.toml:size = "A4"⟩)`,
		},
		{
			name: "bad value does not hide other problems",
			changes: []change{
				{"a4.toml", `top = "14mm"`, `top = "12 furlongs"`},
				{"a4.toml", "columns = 2", "columns = 0"},
			},
			want: `layouts/a4.toml:⟨columns = 0⟩:1: page.columns: 0: want 1 to 4
layouts/a4.toml:⟨top =⟩:8: page.margins.top: bad length "12 furlongs": want a number and a unit (mm, cm, in, pt), like "12mm"`,
		},
		{
			name:    "a language that cannot be typeset",
			changes: []change{{"a4.toml", `brand = "brand.toml"`, `languages = ["en", "sv"]` + "\n" + `brand = "brand.toml"`}},
			want:    `layouts/a4.toml:⟨languages =⟩:1: languages: language "sv" cannot be typeset: no typographic rules, hyphenation patterns, number formats or words for it (languages: de, de-AT, de-CH, en, en-GB, en-US, es, fr, fr-CA, it, nl, pt, pt-PT)`,
		},
		{
			name:    "missing page columns",
			changes: []change{{"a4.toml", "columns = 2\n", ""}},
			want:    `layouts/a4.toml:⟨[page]⟩:1: missing page.columns (1 to 4)`,
		},
		{
			name: "bad values whose checks would repeat them",
			changes: []change{
				{"a4.toml", `size = "A4"`, `size = 4`},
				{"a4.toml", "columns = 2", "columns = \"two\""},
				{"a4.toml", `brand = "brand.toml"`, `brand = ["brand.toml"]`},
			},
			want: `layouts/a4.toml:⟨brand =⟩:1: brand: want a string, not an array
layouts/a4.toml:⟨size = 4⟩:1: page.size: want a string, not an integer
layouts/a4.toml:⟨columns =⟩:1: page.columns: want an integer, not a string`,
		},
		{
			name:    "unknown key",
			changes: []change{{"a4.toml", `gutter = "8mm"`, `gutter = "8mm"` + "\n" + `guter = "9mm"`}},
			want:    `layouts/a4.toml:⟨guter⟩:1: unknown key "page.guter"`,
		},
		{
			name:    "unknown palette colour in [text]",
			changes: []change{{"a4.toml", `color = "accent_text" }`, `color = "acent" }`}},
			want:    `layouts/a4.toml:⟨"acent"⟩:65: text.kicker: unknown palette colour "acent" (palette: accent, accent_text, ink, muted, paper, primary, rule, tint)`,
		},
		{
			name:    "unknown palette colour in [colors]",
			changes: []change{{"a4.toml", `panel = "tint"`, `panel = "tnt"`}},
			want:    `layouts/a4.toml:⟨panel =⟩:1: colors.panel: unknown palette colour "tnt" (palette: accent, accent_text, ink, muted, paper, primary, rule, tint)`,
		},
		{
			name:    "unknown face",
			changes: []change{{"a4.toml", `title = { face = "bold"`, `title = { face = "heavy"`}},
			want:    `layouts/a4.toml:⟨"heavy"⟩:11: text.title: unknown face "heavy" (faces: bold, italic, regular, semibold)`,
		},
		{
			name:    "font file that does not exist",
			changes: []change{{"a4.toml", `bold = "Inter-Bold.ttf"`, `bold = "Inter-Black.ttf"`}},
			want:    `layouts/a4.toml:⟨Inter-Black⟩:1: faces.bold: no font file "Inter-Black.ttf" in fonts/`,
		},
		{
			name:    "unknown text role",
			changes: []change{{"a4.toml", `heading = { face`, `heding = { face`}},
			want: `layouts/a4.toml:⟨[text]⟩:1: text.heading: missing (every layout styles: ` + roles + `)
layouts/a4.toml:⟨heding⟩:1: text.heding: unknown text role (roles: ` + roles + `)`,
		},
		{
			name:    "missing text role",
			changes: []change{{"a4.toml", "note = { face = \"italic\", size = \"9pt\", leading = \"13pt\", color = \"muted\" }\n", ""}},
			want:    `layouts/a4.toml:⟨[text]⟩:1: text.note: missing (every layout styles: ` + roles + `)`,
		},
		{
			name:    "text style without size",
			changes: []change{{"a4.toml", `size = "30pt", `, ``}},
			want:    `layouts/a4.toml:⟨title =⟩:1: text.title: missing size (like "10pt")`,
		},
		{
			name:    "leading smaller than the size",
			changes: []change{{"a4.toml", `size = "30pt", leading = "36.5pt"`, `size = "30pt", leading = "20pt"`}},
			want:    `layouts/a4.toml:⟨"20pt"⟩:41: text.title: leading 20pt is smaller than the size 30pt`,
		},
		{
			name:    "unknown page size",
			changes: []change{{"a4.toml", `size = "A4"`, `size = "A6"`}},
			want:    `layouts/a4.toml:⟨"A6"⟩:1: page.size: unknown size "A6" (known: A3, A4, A5, Letter, Legal; or give width and height)`,
		},
		{
			name:    "unknown placeholder",
			changes: []change{{"a4.toml", `left = "{brand} · {web}"`, `left = "{brand} · {website}"`}},
			want:    `layouts/a4.toml:⟨{website}⟩:1: footer.left: unknown placeholder {website} (known: {brand} {web} {email} {phone} {title} {kicker} {page} {prepared})`,
		},
		{
			name:    "section listed twice",
			changes: []change{{"a4.toml", `"salary", "careers"]`, `"salary", "careers", "why"]`}},
			want:    `layouts/a4.toml:⟨sections =⟩:1: sections: "why" is listed twice`,
		},
		{
			name: "several problems, in the order of the lines",
			changes: []change{
				{"a4.toml", `panel = "tint"`, `panel = "tnt"`},
				{"a4.toml", `bold = "Inter-Bold.ttf"`, `bold = "Inter-Black.ttf"`},
				{"a4.toml", `left = "{brand} · {web}"`, `left = "{brand} · {website}"`},
				{"a4.toml", `size = "A4"`, `size = "A6"`},
			},
			want: `layouts/a4.toml:⟨"A6"⟩:1: page.size: unknown size "A6" (known: A3, A4, A5, Letter, Legal; or give width and height)
layouts/a4.toml:⟨Inter-Black⟩:1: faces.bold: no font file "Inter-Black.ttf" in fonts/
layouts/a4.toml:⟨panel =⟩:1: colors.panel: unknown palette colour "tnt" (palette: accent, accent_text, ink, muted, paper, primary, rule, tint)
layouts/a4.toml:⟨{website}⟩:1: footer.left: unknown placeholder {website} (known: {brand} {web} {email} {phone} {title} {kicker} {page} {prepared})`,
		},
	})
}
