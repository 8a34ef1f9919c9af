// Package design loads brand and layout definitions (layouts/*.toml) and
// compiles them: page sizes into lengths, palette names into colours, font
// files into parsed faces. Fonts are parsed once per Loader and shared.
package design

import "github.com/brochure-dev/brochure/internal/units"

// brandFile is a brand definition as written.
type brandFile struct {
	Name    string                  `toml:"name"`
	Email   string                  `toml:"email"`
	Phone   string                  `toml:"phone"`
	Web     string                  `toml:"web"`
	Legal   string                  `toml:"legal"`
	Logo    string                  `toml:"logo"`
	Palette map[string]paletteEntry `toml:"palette"`
	// Campaign, when present, tags the links of personal editions.
	Campaign *campaignFile `toml:"campaign"`
}

// campaignFile names the campaign parameters of personal editions' links.
type campaignFile struct {
	Source string `toml:"source"`
}

type paletteEntry struct {
	RGB  *rgbText  `toml:"rgb"`
	CMYK *cmykText `toml:"cmyk"`
	// Spot names an ink (like "PANTONE 2955 C") that print files use for
	// this colour, with the CMYK value as its alternate.
	Spot *string `toml:"spot"`
	// OneInk is the print colour of type under 10 pt: one ink.
	OneInk *cmykText `toml:"one_ink"`
}

// layoutFile is a layout definition as written.
type layoutFile struct {
	Description string               `toml:"description"`
	Kind        string               `toml:"kind"`
	Languages   []string             `toml:"languages"`
	Brand       string               `toml:"brand"`
	Pages       int                  `toml:"pages"`
	Sections    []string             `toml:"sections"`
	Page        pageSpec             `toml:"page"`
	Faces       map[string]string    `toml:"faces"`
	Text        map[string]styleSpec `toml:"text"`
	Colors      map[string]string    `toml:"colors"`
	Cover       struct {
		Band units.Length `toml:"band"`
	} `toml:"cover"`
	Header lineSpec `toml:"header"`
	Footer lineSpec `toml:"footer"`
	// Typography is on unless false: the language's rules (spaces before
	// French punctuation, quotes, dashes) and hyphenation.
	Typography *bool `toml:"typography"`
	// NeverHyphenate lists words this layout never hyphenates.
	NeverHyphenate []string `toml:"never_hyphenate"`
	// Fit: "none" (default) or "shrink": scale the type down in small
	// steps, to MinBody at most, until the content fits Pages.
	Fit     string       `toml:"fit"`
	MinBody units.Length `toml:"min_body"`
	// Print: the bleed (default 3mm; 0.125in for US sizes), crop marks
	// ("crop", the default, or "none"), the safe zone (default 5mm), the
	// standard print files conform to ("PDF/X-4", the only one) and their
	// print condition (output_intent: "FOGRA39", the default, or
	// "FOGRA29").
	Print struct {
		Bleed        *units.Length `toml:"bleed"`
		Marks        string        `toml:"marks"`
		Safe         *units.Length `toml:"safe"`
		Standard     string        `toml:"standard"`
		OutputIntent string        `toml:"output_intent"`
	} `toml:"print"`
}

type pageSpec struct {
	Size    string       `toml:"size"`
	Width   units.Length `toml:"width"`
	Height  units.Length `toml:"height"`
	Columns int          `toml:"columns"`
	Gutter  units.Length `toml:"gutter"`
	Margins struct {
		Top    units.Length `toml:"top"`
		Bottom units.Length `toml:"bottom"`
		Left   units.Length `toml:"left"`
		Right  units.Length `toml:"right"`
		// Inside and Outside replace Left and Right in a booklet: the
		// margins mirror from recto to verso.
		Inside  units.Length `toml:"inside"`
		Outside units.Length `toml:"outside"`
	} `toml:"margins"`
	// Panels are the widths of a folded leaflet's panels on its outside,
	// left to right; the inside mirrors them.
	Panels []units.Length `toml:"panels"`
}

type styleSpec struct {
	Face    string       `toml:"face"`
	Size    units.Length `toml:"size"`
	Leading units.Length `toml:"leading"`
	Color   string       `toml:"color"`
	Align   string       `toml:"align"` // "left" (default) or "justify"
}

type lineSpec struct {
	Left  string `toml:"left"`
	Right string `toml:"right"`
}

// PageSizes are the named trim sizes, width × height, portrait.
var PageSizes = map[string][2]units.Length{
	"A3":     {297 * units.Mm, 420 * units.Mm},
	"A4":     {210 * units.Mm, 297 * units.Mm},
	"A5":     {148 * units.Mm, 210 * units.Mm},
	"Letter": {8.5 * units.In, 11 * units.In},
	"Legal":  {8.5 * units.In, 14 * units.In},
}

// TextRoles are the roles a layout must give a style to.
var TextRoles = []string{
	"brand", "kicker", "title", "tagline", "intro", "heading", "group",
	"body", "label", "small", "note", "figure", "footer", "cta_heading", "cta_body",
}

// ColorRoles are the page furniture a layout must colour.
var ColorRoles = []string{
	"band", "panel", "rule", "bullet", "bar", "track", "chip", "chip_text", "cta", "link",
}
