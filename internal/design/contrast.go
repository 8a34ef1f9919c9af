package design

import (
	"fmt"
	"strings"

	"github.com/brochure-dev/brochure/internal/color"
	"github.com/brochure-dev/brochure/internal/font"
)

// Contrast: every colour text is set in must stand out from what it is
// set on, by WCAG 2.2 AA: 4.5:1, or 3:1 for large text (18 pt and more,
// or 14 pt and more in bold). Tags (chips) must be seen against what they
// sit on: minVisible.

// minVisible is the contrast a chip needs against the panel or paper
// under it, so that it reads as a tag rather than as indented text.
const minVisible = 1.25

// paper is the page: text without a coloured box under it.
const paper = ""

// textGrounds lists what each text role is set on, where it is more than
// the paper: the brand band, the at-a-glance panel, the call to action.
var textGrounds = map[string][]string{
	"brand":       {"band"},
	"cta_heading": {"cta"},
	"cta_body":    {"cta"},
	"kicker":      {paper, "panel"},
	"label":       {paper, "panel"},
	"figure":      {paper, "panel"},
	"small":       {paper, "panel"},
}

// inkOn is a colour text is set in, on a ground, as the layout chose it.
type inkOn struct {
	key    string // the layout's key that chose the colour: "text.kicker.color"
	what   string // the colour's role, for the message
	fg     color.Color
	size   float64
	face   *font.Face
	ground string // a colour role, or paper
}

// checkContrast reports each text colour that does not stand out from
// its ground, and chips that do not stand out from theirs, at the layout
// keys that chose them.
func checkContrast(lay *Layout, bad func(key, format string, args ...any)) {
	var pairs []inkOn
	for _, role := range TextRoles {
		st := lay.Styles[role]
		grounds := textGrounds[role]
		if grounds == nil {
			grounds = []string{paper}
		}
		for _, g := range grounds {
			pairs = append(pairs, inkOn{"text." + role + ".color", "text." + role, st.Color, st.Size, st.Face, g})
		}
	}
	small, body, footer := lay.Styles["small"], lay.Styles["cta_body"], lay.Styles["footer"]
	strong := lay.Styles["group"].Face
	pairs = append(pairs,
		// The web address in the band is the brand's colour, footer size.
		inkOn{"text.brand.color", "the band's web address (text.brand)", lay.Styles["brand"].Color, footer.Size, strong, "band"},
		// The legal line of the call to action: its body's colour, footer size.
		inkOn{"text.cta_body.color", "the call to action's legal line (text.cta_body)", body.Color, footer.Size, strong, "cta"},
		inkOn{"colors.chip_text", "colors.chip_text", lay.Colors["chip_text"], small.Size, small.Face, "chip"},
		inkOn{"colors.link", "colors.link", lay.Colors["link"], body.Size, strong, "cta"},
	)
	reported := map[string]bool{}
	for _, p := range pairs {
		bg := groundColour(lay, p.ground)
		if !inPalette(lay, p.fg) || !inPalette(lay, bg) {
			continue // a name the brand lacks: reported as such
		}
		need := 4.5
		if p.size >= 18 || p.size >= 14 && bold(p.face) {
			need = 3
		}
		if r := color.Contrast(p.fg.RGB, bg.RGB); r < need && !reported[p.key+p.ground] {
			reported[p.key+p.ground] = true
			bad(p.key, "%s: %s on %s is %.2f:1; %s text needs %g:1 (WCAG 2.2 AA): choose a darker or lighter palette colour",
				p.what, colourName(p.fg), groundName(lay, p.ground), r, sizeName(p.size), need)
		}
	}
	chip := lay.Colors["chip"]
	for _, g := range []string{paper, "panel"} {
		bg := groundColour(lay, g)
		if !inPalette(lay, chip) || !inPalette(lay, bg) {
			continue
		}
		if r := color.Contrast(chip.RGB, bg.RGB); r < minVisible {
			bad("colors.chip", "colors.chip: %s on %s is %.2f:1: the tags cannot be seen; want %g:1 or more",
				colourName(chip), groundName(lay, g), r, minVisible)
		}
	}
}

// inPalette says whether c is a colour of the layout's brand, and not
// what resolve gives for a name it could not find; white paper is.
func inPalette(lay *Layout, c color.Color) bool {
	if c == color.White {
		return true
	}
	p, ok := lay.Brand.Palette[c.Name]
	return ok && p == c
}

// groundColour is the colour of a ground: a colour role, or white paper.
func groundColour(lay *Layout, ground string) color.Color {
	if ground == paper {
		return color.White
	}
	return lay.Colors[ground]
}

func groundName(lay *Layout, ground string) string {
	if ground == paper {
		return "the paper (#ffffff)"
	}
	return fmt.Sprintf("the %s, %s", ground, colourName(lay.Colors[ground]))
}

func colourName(c color.Color) string { return fmt.Sprintf("%s (%s)", c.Name, c.RGB) }

func sizeName(size float64) string { return fmt.Sprintf("%g pt", size) }

// bold says whether a face is bold for WCAG (700 or heavier), from its
// file name: "Inter-Bold.ttf" is, "Inter-SemiBold.ttf" is not.
func bold(f *font.Face) bool {
	if f == nil {
		return false
	}
	n := strings.ToLower(f.Name())
	if strings.Contains(n, "semibold") || strings.Contains(n, "demibold") {
		return false
	}
	return strings.Contains(n, "bold") || strings.Contains(n, "black") || strings.Contains(n, "heavy")
}
