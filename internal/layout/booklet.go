package layout

import (
	"fmt"
	"strings"

	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/qr"
	"github.com/brochure-dev/brochure/internal/typeset"
	"github.com/brochure-dev/brochure/internal/units"
)

// Booklet geometry.
const (
	noteSpacing  = float64(8 * units.Mm)  // between the lines of a notes page
	backQRWidth  = float64(32 * units.Mm) // the back cover's code, quiet zone included
	backCoverGap = 24                     // between the back cover's blocks, points
	minNotes     = float64(50 * units.Mm) // room for notes below the last section
)

// booklet lays out a saddle-stitched booklet: a cover page; the sections,
// flowing through as many pages as they need (or as the layout's page
// count leaves); pages for notes; and a back cover with the call to action
// and a QR code of the role's page. The notes pages pad the count to a
// multiple of four, so that no page is blank by accident.
func (c *composer) booklet() (*frame.Document, error) {
	lay, doc := c.lay, c.doc
	m := lay.Margins
	textW := lay.Width - m.Left - m.Right
	colW := (textW - float64(lay.Columns-1)*lay.Gutter) / float64(lay.Columns)
	fail := func(pages int, err error) error {
		return fmt.Errorf("%d pages: %w", pages, err)
	}

	cover := &frame.Page{}
	c.band(cover, 0, lay.Width, 0, m.Left, m.Right)
	y := c.titleBlock(cover, m.Left, textW, lay.CoverBand+28)
	bottom := c.introAndGlance(cover, m.Left, textW, y, true)
	if bottom > lay.Height-m.Bottom {
		return nil, fail(1, &overflow{section: "intro", height: bottom - (lay.Height - m.Bottom), lines: (bottom - (lay.Height - m.Bottom)) / c.style("body").Leading})
	}

	blocks := c.sectionsBlocks(doc.Sections, colW, nil)
	first := c.coverRegion(bottom, colW, blocks)
	limit := 48 // pages of sections
	if lay.Pages > 0 {
		limit = lay.Pages - 2
	}
	var regions []region
	var placed []placement
	n := 1
	for ; ; n++ {
		regions = append(first, c.innerRegions(1, n, colW)...)
		var over *overflow
		if placed, over = flowSoft(blocks, regions, c.style("body").Leading, n >= limit, c.smallest()); over == nil {
			break
		}
		if n >= limit {
			return nil, fail(n+2, over)
		}
	}
	c.report.pushes(blocks, regions, placed) // the room left as flowed, before columns are justified
	justifyColumns(regions, placed)
	total := lay.Pages
	if total == 0 {
		total = (n + 2 + 3) / 4 * 4
	}
	out := c.document(cover, total)
	// Notes fill the rest of the last page of sections, when there is
	// room for some (else its columns are justified down to their foot),
	// and the pages up to the back cover.
	end := 0.0
	for _, p := range placed {
		if regions[p.reg].page == n {
			end = max(end, p.top+p.block.height)
		}
	}
	notes := lay.Height-lay.Margins.Bottom-end >= minNotes
	if !notes {
		fillLast(regions, placed)
	}
	drawPlaced(out.Pages, regions, placed)
	if notes {
		c.notes(out.Pages[n], n, end+sectionGap)
	}
	for i := 1 + n; i < total-1; i++ {
		c.notes(out.Pages[i], i, lay.Margins.Top+headerH)
	}
	if err := c.backCover(out.Pages[total-1], total-1); err != nil {
		return nil, fail(total, err)
	}
	c.furniture(out, 0, total-1)
	return out, nil
}

// coverRegion is the room the cover leaves below its key facts, from
// bottom on, as columns the sections start in, when the first section
// can start there (its heading with what it keeps with), so that the
// cover has no empty lower part; none otherwise.
func (c *composer) coverRegion(bottom, colW float64, blocks []*block) []region {
	lay := c.lay
	top, bot := bottom+coverGap, lay.Height-lay.Margins.Bottom
	if len(blocks) == 0 || bot-top < chainHeight(blocks) {
		return nil
	}
	left, _ := c.sides(0)
	var rs []region
	for col := 0; col < lay.Columns; col++ {
		rs = append(rs, region{page: 0, x: left + float64(col)*(colW+lay.Gutter), top: top, bot: bot})
	}
	return rs
}

// innerRegions are the columns of n pages from page first, below the
// running header, within each page's (mirrored) margins.
func (c *composer) innerRegions(first, n int, colW float64) []region {
	lay := c.lay
	var rs []region
	for p := first; p < first+n; p++ {
		left, _ := c.sides(p)
		for col := 0; col < lay.Columns; col++ {
			rs = append(rs, region{page: p, x: left + float64(col)*(colW+lay.Gutter), top: lay.Margins.Top + headerH, bot: lay.Height - lay.Margins.Bottom})
		}
	}
	return rs
}

// notes draws a place for notes on page i from top to the bottom margin:
// a heading and ruled lines.
func (c *composer) notes(pg *frame.Page, i int, top float64) {
	lay := c.lay
	left, _ := c.sides(i)
	w := lay.Width - lay.Margins.Left - lay.Margins.Right
	h := c.headingBlock(c.doc.Locale.Notes, w, c.tree.Add(frame.RoleSect))
	h.draw(pg, left, top)
	for y := top + h.height + noteSpacing; y <= lay.Height-lay.Margins.Bottom; y += noteSpacing {
		c.rule(pg, left, y, w, 0.5)
	}
}

// backCover draws page i as the back cover: the call to action, the QR
// code of the role's page with its address, and the brand band at the
// foot.
func (c *composer) backCover(pg *frame.Page, i int) error {
	lay, doc := c.lay, c.doc
	m := lay.Margins
	left, right := c.sides(i)
	w := lay.Width - m.Left - m.Right
	cta, ctaH := c.cta()
	// The call to action and the code sit a little above the middle of
	// the room above the band.
	room := lay.Height - lay.CoverBand - m.Top
	y := m.Top + max(0, (room-ctaH-backCoverGap-backQRWidth)*0.4)
	cta(pg, left, y)
	y += ctaH + backCoverGap
	code, err := qr.Encode(doc.CTA.Link)
	if err != nil {
		return fmt.Errorf("QR code of %s: %w", doc.CTA.Link, err)
	}
	c.drawQR(pg, code, left, y, backQRWidth)
	tx, tw := left+backQRWidth+12, w-backQRWidth-12
	back := c.tree.Add(frame.RoleP)
	label := c.set(plain(doc.CTA.WebLabel, c.style("group")), c.style("group"), tw, "back").as(back)
	label.draw(pg, tx, y+10)
	// On the paper, the address takes the headings' colour: the link
	// colour is for the call to action's dark box.
	ls := c.style("small")
	ls.Color = c.style("heading").Color
	web := c.set([]typeset.Span{{Text: strings.TrimPrefix(doc.CTA.Web, "https://"), Style: tstyle(ls), Link: doc.CTA.Link}}, ls, tw, "back").as(back)
	web.draw(pg, tx, y+10+label.height()+2)
	c.band(pg, 0, lay.Width, lay.Height-lay.CoverBand, left, right)
	if bottom := y + backQRWidth; bottom > lay.Height-lay.CoverBand-m.Bottom/2 {
		return &overflow{section: "cta", height: bottom - (lay.Height - lay.CoverBand - m.Bottom/2), lines: 0}
	}
	return nil
}
