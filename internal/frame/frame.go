// Package frame holds the laid-out document: pages of positioned items.
//
// Frames are the boundary between layout and export: the layout package
// produces them, the pdf package draws them, and tests inspect them
// without parsing a PDF. Coordinates are points from the top-left corner
// of the trim, y growing downwards.
package frame

import (
	"time"

	"github.com/brochure-dev/brochure/internal/color"
	"github.com/brochure-dev/brochure/internal/font"
	"github.com/brochure-dev/brochure/internal/icc"
)

// Document is a laid-out brochure.
type Document struct {
	Width, Height float64 // trim size in points, the same for every page
	Pages         []*Page
	Meta          Meta
	// Print is set for print files: bleed, marks and CMYK colours.
	Print *Print
	// Structure is the logical structure, in reading order: the root
	// element (RoleDocument). Items point into it.
	Structure *Node
}

// Print says how a print file differs from a screen one.
type Print struct {
	Bleed     float64 // past the trim on every side, points
	CropMarks bool
	// Intent is the print condition the file is made for, its output
	// intent; nil: coated offset (icc.FOGRA39).
	Intent *icc.Profile
}

// Meta is what the PDF says about itself.
type Meta struct {
	Title, Author, Subject, Keywords, Creator string
	Lang                                      string // BCP 47, like "fr"
	Date                                      time.Time
}

// Page is one page: items in drawing order (which is reading order for
// text) and the bookmarks that point into it.
type Page struct {
	Items     []Item
	Bookmarks []Bookmark
	// Folds are where the sheet is folded: distances from the trim's left
	// edge, points. Print files mark them outside the trim.
	Folds []float64
}

// Bookmark is an outline entry pointing at a height on its page.
type Bookmark struct {
	Title string
	Level int     // 0 for top level
	Y     float64 // points from the top of the page
	// Group orders the outline: it lists group 0's bookmarks in page
	// order, then group 1's, and so on. Two languages set on the same
	// pages each keep their bookmarks together this way.
	Group int
}

// Add appends items to the page.
func (p *Page) Add(items ...Item) { p.Items = append(p.Items, items...) }

// Item is one of Text, Box, Rule, Path, Image, Link.
type Item interface {
	// Bounds is the area the item marks on the page.
	Bounds() Rect
	// Kind names the item's type, for dumps.
	Kind() string
}

// Text is a run of text in one face, size and colour, on one baseline.
type Text struct {
	X, Y  float64 // start of the baseline
	Text  string
	Face  *font.Face
	Size  float64 // points
	Color color.Color
	Width float64 // advance width of Text, points, tracking included
	// Tracking is letter-spacing after each glyph, points.
	Tracking float64
	// Tag says what the text is part of ("body", "footer", ...), for tests
	// and dumps.
	Tag string
	// Lang is the text's language (BCP 47, like "fr"); the PDF marks runs
	// in another language than the document's.
	Lang string
	// Hyphen says that Text ends with a hyphen the line breaker added,
	// inside a word: a tagged PDF marks it as a soft hyphen, so that the
	// word is read whole.
	Hyphen bool
	// Room is the measure the text was set in: the left and right ends,
	// from the trim's left edge, of its column, cell or panel. The
	// layout's check keeps every glyph inside it. Zero: no measure.
	Room [2]float64
	// Struct is the structure element the item belongs to; nil or
	// Artifact: a screen reader skips it.
	Struct *Node
}

// Bounds spans the face's ascent and descent around the baseline.
func (t *Text) Bounds() Rect {
	asc := t.Face.Ascent() * t.Size / 1000
	desc := -t.Face.Descent() * t.Size / 1000
	return Rect{t.X, t.Y - asc, t.Width, asc + desc}
}

// Kind implements Item.
func (t *Text) Kind() string { return "text" }

// Box is a filled and/or stroked rectangle, optionally with rounded
// corners.
type Box struct {
	Rect
	Fill      *color.Color // nil: no fill
	Stroke    *color.Color // nil: no stroke
	LineWidth float64
	Radius    float64
	Tag       string
	// Struct is the structure element the item belongs to; nil or
	// Artifact: a screen reader skips it.
	Struct *Node
}

// Bounds implements Item.
func (b *Box) Bounds() Rect { return b.Rect }

// Kind implements Item.
func (b *Box) Kind() string { return "box" }

// Rule is a straight line.
type Rule struct {
	X1, Y1, X2, Y2 float64
	Color          color.Color
	Width          float64
	// Struct is the structure element the item belongs to; nil or
	// Artifact: a screen reader skips it.
	Struct *Node
}

// Bounds implements Item.
func (r *Rule) Bounds() Rect {
	return Rect{min(r.X1, r.X2), min(r.Y1, r.Y2), abs(r.X2 - r.X1), abs(r.Y2 - r.Y1)}
}

// Kind implements Item.
func (r *Rule) Kind() string { return "rule" }

// Image is a raster image (a portrait) scaled into its rectangle.
type Image struct {
	Rect
	// Data is the image file, JPEG or PNG; Format says which ("jpeg",
	// "png").
	Data   []byte
	Format string
	// Pixels across and down, for resolution checks.
	PixelsW, PixelsH int
	// Print, when set, replaces Data in print files (a PNG, such as the
	// portrait in shades of grey).
	Print []byte
	// Where names the image's source in messages ("team.toml:7:1").
	Where string
	// Struct is the structure element the item belongs to; nil or
	// Artifact: a screen reader skips it.
	Struct *Node
}

// Bounds implements Item.
func (im *Image) Bounds() Rect { return im.Rect }

// Kind implements Item.
func (im *Image) Kind() string { return "image" }

// Link makes an area clickable; it is not drawn.
type Link struct {
	Rect
	URI string
	// Struct is the link's structure element (RoleLink), which its text
	// belongs to too.
	Struct *Node
}

// Bounds implements Item.
func (l *Link) Bounds() Rect { return l.Rect }

// Kind implements Item.
func (l *Link) Kind() string { return "link" }

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}
