package design

import (
	"hash"

	"github.com/brochure-dev/brochure/internal/color"
	"github.com/brochure-dev/brochure/internal/font"
	"github.com/brochure-dev/brochure/internal/icc"
	"github.com/brochure-dev/brochure/internal/tomlfile"
	"github.com/brochure-dev/brochure/internal/units"
)

// rgbText and cmykText let the palette tell a missing value from zero.
type (
	rgbText  = color.RGB
	cmykText = color.CMYK
)

// Brand is a compiled brand.
type Brand struct {
	Name, Email, Phone, Web, Legal string
	// Palette by colour name.
	Palette map[string]color.Color
	// Logo is the brand mark, in its own coordinates; nil if none.
	Logo *Logo
	// Campaign is the utm_source that personal editions' links to the
	// role's page carry, with utm_medium (pdf or print) and utm_campaign
	// (the client's slug); "" leaves links as they are.
	Campaign string

	// declared holds the palette's names, even of colours whose values
	// are bad; nil when the brand file could not be read, so that no
	// name can be checked.
	declared map[string]bool
	file     *tomlfile.File
	// digest hashes the brand file and its logo, as read.
	digest hash.Hash
}

// Style is how one role of text is set.
type Style struct {
	Face    *font.Face
	Size    float64 // points
	Leading float64 // points, baseline to baseline
	Color   color.Color
	Justify bool // both edges aligned; else ragged right
}

// Scaled returns the style with its size and leading times k.
func (s Style) Scaled(k float64) Style {
	s.Size *= k
	s.Leading *= k
	return s
}

// Margins are distances from the trim edges, in points.
type Margins struct{ Top, Right, Bottom, Left float64 }

// Layout is a compiled layout: everything in points, colours and faces
// resolved.
type Layout struct {
	Name        string
	Description string
	// Languages, when the layout has two or more, make it a bilingual
	// edition: one PDF with each language's pages in this order.
	Languages []string
	// Kind is "guide" (the default: a cover and sections in columns),
	// "poster" (one page: title, key facts and a QR code, to read from
	// afar), "booklet" (a saddle-stitched booklet: a cover page, the
	// sections, notes pages up to a multiple of four, a back cover),
	// "trifold" (a leaflet folded in three: outside and inside of one
	// sheet) or "side-by-side" (two languages in parallel columns).
	Kind string
	// Mirror swaps the left and right margins on even (verso) pages:
	// Margins.Left is then the inside margin, by the spine.
	Mirror bool
	// Panels are the widths of a trifold's panels on its outside, left to
	// right, points; the inside mirrors them.
	Panels []float64
	// Pages is the page count the brochure must fill exactly; 0 means as
	// many as the content needs.
	Pages         int
	Width, Height float64 // trim size, points
	Margins       Margins
	Columns       int
	Gutter        float64
	// Sections are the role's section ids, in order.
	Sections []string
	Styles   map[string]Style
	Colors   map[string]color.Color
	// CoverBand is the height of the brand band on the first page.
	CoverBand float64
	// Header and Footer are templates, left and right.
	Header, Footer [2]string
	Brand          *Brand
	// Faces by face name, for the exporter.
	Faces map[string]*font.Face
	// Fallback, the face named "fallback" in [faces] if any, sets the
	// characters a text's own face lacks (a client's name in Chinese, say).
	Fallback *font.Face
	// Typography applies the language's typographic rules and
	// hyphenation.
	Typography bool
	// NeverHyphenate lists words never to hyphenate.
	NeverHyphenate []string
	// Shrink lets the type scale down, to a body size of MinBody, until
	// the content fits Pages.
	Shrink  bool
	MinBody float64
	// digest is the SHA-256 of the layout's file, brand, logo and fonts,
	// computed when first asked for (see Digest).
	digest func() string
	// Bleed is how far backgrounds that touch the trim extend past it in
	// print files, points.
	Bleed float64
	// CropMarks draws crop marks in print files.
	CropMarks bool
	// Safe is how far text stays inside the trim, points.
	Safe float64
	// Intent is the print condition print files are made for, their
	// output intent.
	Intent *icc.Profile

	file *tomlfile.File
}

// Errorf makes an error placed at a key of the layout file, such as
// []string{"sections"}.
func (l *Layout) Errorf(key []string, format string, args ...any) error {
	return l.file.Errorf(key, format, args...)
}

// FallbackFace is the face name that, in a layout's [faces], names the
// font for characters the other faces lack.
const FallbackFace = "fallback"

// Pt converts a length to points.
func pt(l units.Length) float64 { return l.Pt() }

// Digest is the SHA-256 of the layout's file, its brand and logo, and its
// fonts: a build is up to date only if it is unchanged. It is computed on
// first use, since only builds need it (hashing the fonts is most of it).
func (l *Layout) Digest() string {
	if l.digest == nil {
		return ""
	}
	return l.digest()
}
