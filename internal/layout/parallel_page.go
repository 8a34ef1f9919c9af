package layout

import (
	"github.com/brochure-dev/brochure/internal/frame"
)

// cover draws the brand band across the first page, then in each column
// its language's kicker, title and tagline, its intro and its
// at-a-glance panel, each part starting at the same height in both
// columns. It returns where the sections start.
func (p *parallel) cover() float64 {
	lay := p.lay
	m := lay.Margins
	w := p.width()
	p.cols[0].band(&p.page(0).shared, 0, lay.Width, 0, m.Left, m.Right)
	y := lay.CoverBand + 16
	y = p.row(0, "", func(c *composer, col int, pg *frame.Page) float64 { return c.titleBlock(pg, p.x(col), w, y) })
	y = p.row(0, "", func(c *composer, col int, pg *frame.Page) float64 { return c.intro(pg, p.x(col), w, y) })
	y += coverGap / 2
	y = p.row(0, "panel", func(c *composer, col int, pg *frame.Page) float64 { return c.glance(pg, p.x(col), y, w) })
	p.coverBottom = y + coverGap
	return p.coverBottom
}

// row draws a part of page i in both columns with draw, which returns
// the part's bottom, and returns the lower bottom. The boxes tagged tag
// that the part drew (a panel, the call to action) are made as tall as
// the tallest, so that they end level.
func (p *parallel) row(i int, tag string, draw func(c *composer, col int, pg *frame.Page) float64) float64 {
	bottom := 0.0
	var boxes []*frame.Box
	for col, c := range p.cols {
		pg := &p.page(i).col[col]
		from := len(pg.Items)
		bottom = max(bottom, draw(c, col, pg))
		for _, it := range pg.Items[from:] {
			if b, ok := it.(*frame.Box); ok && tag != "" && b.Tag == tag {
				boxes = append(boxes, b)
			}
		}
	}
	for _, b := range boxes {
		bottom = max(bottom, b.Bottom())
	}
	for _, b := range boxes {
		b.H = bottom - b.Y
	}
	return bottom
}

// furniture adds the running header (pages after the first) and the
// footer (every page) as furniture does, but for the language: the left
// part of each template is filled and set in the left column's language,
// the right part in the right column's.
func (p *parallel) furniture(d *frame.Document) {
	lay := p.lay
	m := lay.Margins
	w := lay.Width - m.Left - m.Right
	st := p.cols[0].style("footer")
	line := func(pg *frame.Page, t [2]string, i int, top float64, tag string) {
		for col, c := range p.cols {
			para := c.setLine(c.template(t[col], i, len(d.Pages), st), st, w/2, tag)
			c.artifact(para)
			if col == 0 {
				para.draw(pg, m.Left, top)
			} else {
				para.drawRight(pg, m.Left+w, top)
			}
		}
	}
	for i, pg := range d.Pages {
		if i > 0 && (lay.Header[0] != "" || lay.Header[1] != "") {
			// The header comes first in reading order.
			head := &frame.Page{}
			line(head, lay.Header, i, m.Top, "header")
			p.cols[0].rule(head, m.Left, m.Top+st.Leading+3, w, 0.5)
			pg.Items = append(head.Items, pg.Items...)
		}
		// The footer sits in the bottom margin, its baseline halfway down.
		line(pg, lay.Footer, i, lay.Height-m.Bottom/2-st.Leading/2, "footer")
	}
}
