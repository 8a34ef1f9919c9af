package layout

import (
	"strings"

	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/typeset"
)

// Cover geometry, in points.
const (
	panelPad   = 10
	panelShare = 0.36 // of the text width, for the at-a-glance panel
	coverGap   = 22   // between the cover and the columns
)

// cover draws the brand band, the title block, the intro and the
// at-a-glance panel on the first page, and returns where the columns
// start.
func (c *composer) cover(pg *frame.Page) float64 {
	lay := c.lay
	m := lay.Margins
	textW := lay.Width - m.Left - m.Right
	band := c.color("band")
	pg.Add(&frame.Box{Rect: frame.Rect{X: 0, Y: 0, W: lay.Width, H: lay.CoverBand}, Fill: &band, Tag: "band"})
	x := m.Left
	if logo := lay.Brand.Logo; logo != nil {
		h := lay.CoverBand * 0.42
		paths, w := logo.Place(x, (lay.CoverBand-h)/2, h)
		for _, p := range paths {
			pg.Add(p)
		}
		x += w + 8
	}
	brand := c.set(plain(lay.Brand.Name, c.style("brand")), c.style("brand"), textW, "band")
	brand.draw(pg, x, (lay.CoverBand-brand.height())/2)
	web := strings.TrimPrefix(lay.Brand.Web, "https://")
	ws := c.style("footer")
	ws.Color = c.style("brand").Color
	webP := c.set([]typeset.Span{{Text: web, Style: tstyle(ws), Link: lay.Brand.Web}}, ws, textW, "band")
	webP.drawRight(pg, lay.Width-m.Right, (lay.CoverBand-webP.height())/2)

	y := lay.CoverBand + 16
	kicker := c.set(plain(strings.ToUpper(c.doc.Kicker), c.style("kicker")), c.style("kicker"), textW, "kicker")
	kicker.draw(pg, m.Left, y)
	y += kicker.height() + 2
	title := c.set(plain(c.doc.Title, c.style("title")), c.style("title"), textW, "title")
	title.draw(pg, m.Left, y)
	pg.Bookmarks = append(pg.Bookmarks, frame.Bookmark{Title: c.doc.Title, Y: y})
	y += title.height() + 2
	tagline := c.set(plain(c.doc.Tagline, c.style("tagline")), c.style("tagline"), textW, "tagline")
	tagline.draw(pg, m.Left, y)
	y += tagline.height() + 16

	panelW := textW * panelShare
	introW := textW - panelW - lay.Gutter
	iy := y
	for i, text := range c.doc.Intro {
		p := c.set(plain(text, c.style("intro")), c.style("intro"), introW, "intro")
		if i > 0 {
			iy += paraGap
		}
		p.draw(pg, m.Left, iy)
		iy += p.height()
	}
	py := c.glance(pg, m.Left+introW+lay.Gutter, y, panelW)
	return max(iy, py) + coverGap
}

// glance draws the at-a-glance panel and returns its bottom.
func (c *composer) glance(pg *frame.Page, x, top, w float64) float64 {
	g := c.doc.Glance
	inner := w - 2*panelPad
	label := c.style("label")
	type part struct {
		h    float64
		draw func(y float64)
	}
	var parts []part
	text := func(s, role string, gap float64) {
		p := c.set(plain(s, c.style(role)), c.style(role), inner, "glance")
		parts = append(parts, part{p.height() + gap, func(y float64) { p.draw(pg, x+panelPad, y) }})
	}
	text(strings.ToUpper(g.Heading), "kicker", 4)
	text(strings.ToUpper(g.SalaryLabel), "label", 1)
	text(g.Salary, "figure", 6)
	text(strings.ToUpper(g.ToolsLabel), "label", 3)
	chips := c.chips(g.Tools, inner)
	parts = append(parts, part{chips.height + 6, func(y float64) { chips.draw(pg, x+panelPad, y) }})
	if len(g.Sectors) > 0 {
		text(strings.ToUpper(g.SectorsLabel), "label", 1)
		text(strings.Join(g.Sectors, " · "), "small", 0)
	}
	_ = label
	h := 2.0 * panelPad
	for _, p := range parts {
		h += p.h
	}
	fill := c.color("panel")
	pg.Add(&frame.Box{Rect: frame.Rect{X: x, Y: top, W: w, H: h}, Fill: &fill, Radius: 4, Tag: "panel"})
	y := top + panelPad
	for _, p := range parts {
		p.draw(y)
		y += p.h
	}
	return top + h
}
