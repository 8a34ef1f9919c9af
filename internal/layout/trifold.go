package layout

import (
	"fmt"

	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/qr"
	"github.com/brochure-dev/brochure/internal/units"
)

// foldOverrun is how far colour that ends at a fold runs past it, as
// folding guides advise: folds drift by a millimetre or two.
const foldOverrun = float64(3 * units.Mm)

// panel is one panel of a folded leaflet: its edges on the sheet.
type panel struct{ x0, x1 float64 }

// trifold lays out a leaflet folded in three from one sheet, printed on
// both sides. The outside (page 1) is, left to right, the flap that folds
// in, the back and the front cover; the inside (page 2) mirrors its
// widths, so the flap's narrower panel is on the right. The cover carries
// the brand band, the title and the key facts; the flap the intro; the
// back the call to action and a QR code; the sections flow from the flap
// through the three inside panels.
func (c *composer) trifold() (*frame.Document, error) {
	lay, doc := c.lay, c.doc
	m := lay.Margins
	outside := panels(lay.Panels)
	inside := panels([]float64{lay.Panels[2], lay.Panels[1], lay.Panels[0]})
	flap, back, front := outside[0], outside[1], outside[2]
	fail := func(err error) error {
		return fmt.Errorf("2 pages: %w", err)
	}
	out := c.document(&frame.Page{}, 2)
	out.Pages[0].Folds = []float64{outside[0].x1, outside[1].x1}
	out.Pages[1].Folds = []float64{inside[0].x1, inside[1].x1}
	outPg, inPg := out.Pages[0], out.Pages[1]

	// The front cover is read first, then the flap, then the inside.
	// The band runs past the fold onto the back, so that a fold a little
	// off its mark shows no white sliver on the cover.
	cover := &frame.Page{}
	c.band(cover, front.x0-foldOverrun, front.x1, 0, m.Left+foldOverrun, m.Right)
	w := front.x1 - front.x0 - m.Left - m.Right
	y := c.titleBlock(cover, front.x0+m.Left, w, lay.CoverBand+20)
	// The key facts sit at the foot of the cover, below the title.
	facts := &frame.Page{}
	h := c.glance(facts, 0, 0, w)
	top := max(y+8, lay.Height-m.Bottom-h)
	if top+h > lay.Height-m.Bottom {
		return nil, fail(&overflow{section: "cover", height: top + h - (lay.Height - m.Bottom)})
	}
	for _, it := range facts.Items {
		cover.Add(frame.Move(it, front.x0+m.Left, top))
	}
	flapPage := &frame.Page{}
	fw := flap.x1 - flap.x0 - m.Left - m.Right
	introEnd := c.intro(flapPage, flap.x0+m.Left, fw, m.Top)

	// The blocks are set in the flap's width, the narrowest, so that
	// they fit any panel.
	blocks := c.sectionsBlocks(doc.Sections, fw, nil)
	regions := []region{{page: 0, x: flap.x0 + m.Left, top: introEnd + coverGap, bot: lay.Height - m.Bottom}}
	for _, p := range inside {
		regions = append(regions, region{page: 1, x: p.x0 + m.Left, top: m.Top, bot: lay.Height - m.Bottom})
	}
	placed, over := flowSoft(blocks, regions, c.style("body").Leading, true, c.smallest())
	if over != nil {
		return nil, fail(over)
	}
	c.report.emptiness(regions, placed, 2)
	bots := bottoms(regions) // before balance shortens the panels
	regions, placed = balance(blocks, regions, placed, 1, c.style("body").Leading)
	// The inside panels are read side by side: balanced, then justified
	// down to their foot as far as their spaces allow.
	fillColumns(regions, placed, 0, bots)
	// The flap's blocks go on a page of their own first, to come after
	// the cover in reading order.
	drawPlaced([]*frame.Page{flapPage, inPg}, regions, placed)

	backPage := &frame.Page{}
	if err := c.backPanel(backPage, back); err != nil {
		return nil, fail(err)
	}
	// Reading order on the outside: cover, flap, back.
	for _, p := range []*frame.Page{cover, flapPage, backPage} {
		outPg.Items = append(outPg.Items, p.Items...)
		outPg.Bookmarks = append(outPg.Bookmarks, p.Bookmarks...)
	}
	return out, nil
}

// panels turns widths into panels, left to right.
func panels(widths []float64) []panel {
	var ps []panel
	x := 0.0
	for _, w := range widths {
		ps = append(ps, panel{x, x + w})
		x += w
	}
	return ps
}

// backPanel draws the leaflet's back as the booklet's back cover is
// drawn: the call to action and the QR code of the role's page a little
// above the middle of the room above the brand band, which ends the
// panel at its foot (running past both folds, as the cover's does past
// one), so that the panel has no empty lower half.
func (c *composer) backPanel(pg *frame.Page, p panel) error {
	lay, doc := c.lay, c.doc
	m := lay.Margins
	w := p.x1 - p.x0 - m.Left - m.Right
	x := p.x0 + m.Left
	cta, ctaH := c.ctaIn(w)
	qw := min(backQRWidth, w)
	label := c.set(plain(doc.CTA.WebLabel, c.style("label")), c.style("label"), w, "back")
	need := ctaH + backCoverGap + qw + 6 + label.height()
	room := lay.Height - lay.CoverBand - m.Bottom - m.Top
	y := m.Top + max(0, (room-need)*0.4)
	cta(pg, x, y)
	y += ctaH + backCoverGap
	code, err := qr.Encode(doc.CTA.Link)
	if err != nil {
		return fmt.Errorf("QR code of %s: %w", doc.CTA.Link, err)
	}
	c.drawQR(pg, code, x+(w-qw)/2, y, qw)
	y += qw + 6
	label.as(c.tree.Add(frame.RoleP)).drawCentered(pg, x+w/2, y) // read after the code
	c.band(pg, p.x0-foldOverrun, p.x1+foldOverrun, lay.Height-lay.CoverBand, m.Left+foldOverrun, m.Right+foldOverrun)
	if bottom := y + label.height(); bottom > lay.Height-lay.CoverBand-m.Bottom {
		return &overflow{section: "cta", height: bottom - (lay.Height - lay.CoverBand - m.Bottom)}
	}
	return nil
}
