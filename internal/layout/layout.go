// Package layout places a document on pages: it turns a document.Doc and
// a design.Layout into a frame.Document of positioned text, boxes, rules,
// paths and links. Everything it decides can be checked on the frames,
// without a PDF.
package layout

import (
	"fmt"
	"math"
	"strings"

	"github.com/brochure-dev/brochure/internal/color"
	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/document"
	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/typeset"
	"github.com/brochure-dev/brochure/internal/version"
)

// Creator names the tool in the PDF's metadata; the version follows it.
const Creator = "brochure"

// composer holds what every part of the layout needs.
type composer struct {
	lay *design.Layout
	doc *document.Doc
	// scale multiplies every type size and leading (copy-fitting).
	scale float64
	// hyphen hyphenates the document's language; nil for none.
	hyphen typeset.Hyphenator
	// report collects what the layout did, for the user.
	report *Report
	// root is the document's structure; tree is the element new content
	// goes under: the root, or this language's part of it.
	root, tree *frame.Node
	// cache keeps paragraphs measured at one scale for the others (see
	// typeset.Cache); nil at the first scale tried.
	cache *typeset.Cache
}

// attempts counts the scales a layout is tried at, and gives the cache
// the attempts after the first share: most documents fit at the first
// scale, and a cache they filled would go unread (measuring a paragraph
// into it costs more than measuring it alone).
type attempts struct {
	n     int
	cache *typeset.Cache
}

// next is the cache of the next attempt: nil for the first.
func (a *attempts) next() *typeset.Cache {
	if a.n++; a.n == 2 {
		a.cache = typeset.NewCache()
	}
	return a.cache
}

func (c *composer) style(role string) design.Style { return c.lay.Styles[role].Scaled(c.scale) }
func (c *composer) color(role string) color.Color  { return c.lay.Colors[role] }

// sides are the left and right margins of page i (from 0): a booklet's
// verso pages mirror its recto ones, the inside margin by the spine.
func (c *composer) sides(i int) (left, right float64) {
	m := c.lay.Margins
	if c.lay.Mirror && i%2 == 1 {
		return m.Right, m.Left
	}
	return m.Left, m.Right
}

// Lay lays the document out on pages. When the content does not fit the
// layout's page count, it fails saying which section overflows and by how
// much, unless the layout lets the type shrink: then it tries smaller
// scales, in steps of 2 %, down to the layout's smallest body size.
// hyphen hyphenates the document's language (nil: no hyphenation).
func Lay(doc *document.Doc, lay *design.Layout, hyphen typeset.Hyphenator) (*frame.Document, *Report, error) {
	var tries attempts
	return fit(lay, func(scale float64) (*frame.Document, *Report, error) {
		cache := tries.next()
		root := frame.NewTree()
		c := &composer{lay: lay, doc: doc, scale: scale, hyphen: hyphen, report: &Report{Scale: scale}, root: root, tree: root, cache: cache}
		out, err := c.attempt()
		if err == nil {
			err = checkGlyphs(out)
		}
		if err == nil {
			err = checkFrames(out, lay.Safe)
		}
		if err != nil {
			return nil, nil, fmt.Errorf("layout %s, role %s (%s): %w", lay.Name, doc.Role, doc.Lang, err)
		}
		c.report.emptyFeet(out, lay)
		return out, c.report, nil
	})
}

// minScale is the smallest scale fit tries.
func minScale(lay *design.Layout) float64 {
	if lay.Shrink && lay.MinBody > 0 {
		return min(1, lay.MinBody/lay.Styles["body"].Size)
	}
	return 1
}

// smallest reports whether the composer's scale is the last fit tries:
// keeps that give way to fit then do, rather than the type shrink.
func (c *composer) smallest() bool { return c.scale-shrinkStep < minScale(c.lay)-1e-9 }

// attempt lays the document out at the composer's scale.
func (c *composer) attempt() (*frame.Document, error) {
	switch c.lay.Kind {
	case "poster":
		return c.poster()
	case "booklet":
		return c.booklet()
	case "trifold":
		return c.trifold()
	}
	lay, doc := c.lay, c.doc
	m := lay.Margins
	colW := (lay.Width - m.Left - m.Right - float64(lay.Columns-1)*lay.Gutter) / float64(lay.Columns)

	first := &frame.Page{}
	var coverBottom, ctaH float64
	var cta func(*frame.Page, float64, float64)
	blocks := c.sectionsBlocks(doc.Sections, colW, func() {
		coverBottom = c.cover(first)
		cta, ctaH = c.cta()
	})
	pages := lay.Pages
	fixed := pages > 0
	if !fixed {
		pages = 1
	}
	for {
		regions := c.regions(pages, coverBottom, ctaH, colW)
		placed, over := flowSoft(blocks, regions, c.style("body").Leading, fixed || pages >= 50, c.smallest())
		if over != nil && !fixed && pages < 50 {
			pages++
			continue
		}
		if over != nil {
			return nil, fmt.Errorf("%d pages: %w", pages, over)
		}
		c.report.emptiness(regions, placed, pages)
		var bots []float64
		if lay.Columns > 1 {
			bots = bottoms(regions) // before balance shortens the last columns
			regions, placed = balance(blocks, regions, placed, len(regions)-lay.Columns, c.style("body").Leading)
		}
		c.report.pushes(blocks, regions, placed) // the room left as flowed, before columns are filled or justified
		if lay.Columns > 1 {
			fillColumns(regions, placed, len(regions)-lay.Columns, bots)
		}
		justifyColumns(regions[:len(regions)-lay.Columns], placed)
		out := c.document(first, pages)
		drawPlaced(out.Pages, regions, placed)
		last := out.Pages[pages-1]
		left, _ := c.sides(pages - 1)
		cta(last, left, lay.Height-m.Bottom-ctaH)
		c.furniture(out)
		return out, nil
	}
}

// drawPlaced draws the placed blocks on their regions' pages, and sets
// the bookmarks they carry.
func drawPlaced(pages []*frame.Page, regions []region, placed []placement) {
	for _, p := range placed {
		reg := regions[p.reg]
		pg := pages[reg.page]
		p.block.draw(pg, reg.x, p.top)
		if p.block.mark != "" {
			pg.Bookmarks = append(pg.Bookmarks, frame.Bookmark{Title: p.block.mark, Y: p.top})
		}
	}
}

// balance evens out the columns from regions[first] on (the last page's):
// it lowers their common bottom as far as the flow still fits, so that
// they end at about the same height.
func balance(blocks []*block, regions []region, placed []placement, first int, leading float64) ([]region, []placement) {
	narrowest(regions[first].top, regions[first].bot, 0.5, func(bot float64) bool {
		trial := append([]region(nil), regions...)
		for i := first; i < len(trial); i++ {
			trial[i].bot = bot
		}
		p, over := flow(blocks, trial, leading)
		if over == nil {
			regions, placed = trial, p
		}
		return over == nil
	})
	return regions, placed
}

// narrowest is the least value in [lo, hi], to within tol, for which ok
// holds, by bisection: ok must hold at hi, and above any value where it
// holds. The last value ok is asked about and holds for is the one
// returned, so that ok can keep what it made for it.
func narrowest(lo, hi, tol float64, ok func(float64) bool) float64 {
	for hi-lo > tol {
		mid := (lo + hi) / 2
		if ok(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// maxStretch bounds fillColumns: a space grows to at most this many
// times its size more.
const maxStretch = 1.5

// fillColumns spreads the room left at the foot of the columns from
// regions[first] on (down to bots, their bottoms before balancing) over
// the spaces above their blocks, in proportion to each space and up to
// maxStretch times it more: a typesetter's vertical justification, so
// that the last page has no hole above the call to action. The first
// block of a column keeps its place.
func fillColumns(regions []region, placed []placement, first int, bots []float64) {
	for r := first; r < len(regions); r++ {
		var in []int
		for i, p := range placed {
			if p.reg == r {
				in = append(in, i)
			}
		}
		if len(in) < 2 {
			continue
		}
		last := placed[in[len(in)-1]]
		slack := bots[r] - (last.top + last.block.height)
		total := 0.0
		for k, i := range in[1:] {
			total += stretchable(placed[in[k]], placed[i])
		}
		if slack <= 0 || total <= 0 {
			continue
		}
		f := min(slack/total, maxStretch)
		shift := 0.0
		for k, i := range in[1:] {
			shift += stretchable(placed[in[k]], placed[i]) * f
			// In whole points, down: shorter numbers in the PDF.
			placed[i].top += math.Floor(shift)
		}
	}
}

// regions are the columns text flows into: below the cover on the first
// page, below the running header on the others, above the call to action
// on the last.
func (c *composer) regions(pages int, coverBottom, ctaH, colW float64) []region {
	lay := c.lay
	m := lay.Margins
	var rs []region
	for p := 0; p < pages; p++ {
		top := m.Top + headerH
		if p == 0 {
			top = coverBottom
		}
		bot := lay.Height - m.Bottom
		if p == pages-1 {
			bot -= ctaH + ctaGap
		}
		left, _ := c.sides(p)
		for col := 0; col < lay.Columns; col++ {
			rs = append(rs, region{page: p, x: left + float64(col)*(colW+lay.Gutter), top: top, bot: bot})
		}
	}
	return rs
}

// document makes the frame document with its pages and metadata.
func (c *composer) document(first *frame.Page, pages int) *frame.Document {
	d := c.doc
	out := &frame.Document{
		Width: c.lay.Width, Height: c.lay.Height,
		Pages: []*frame.Page{first},
		Meta: frame.Meta{
			Title:    d.Title + " · " + d.Kicker,
			Author:   c.lay.Brand.Name,
			Subject:  d.Subject,
			Keywords: strings.Join(d.Keywords, ", "),
			Creator:  Creator + " " + version.String(),
			Lang:     d.Lang,
			Date:     d.Date,
		},
		Structure: c.root,
	}
	for len(out.Pages) < pages {
		out.Pages = append(out.Pages, &frame.Page{})
	}
	return out
}
