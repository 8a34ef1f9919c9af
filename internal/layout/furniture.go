package layout

import (
	"slices"
	"strings"

	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/typeset"
)

// headerH is the room the running header takes below the top margin.
const headerH = 18

// furniture adds the running header (pages after the first) and the
// footer (every page) but on the bare pages (such as a booklet's covers).
// On a booklet's verso pages the left and right parts swap, so that the
// folio stays on the outside.
func (c *composer) furniture(d *frame.Document, bare ...int) {
	lay := c.lay
	m := lay.Margins
	st := c.style("footer")
	w := lay.Width - m.Left - m.Right
	for i, pg := range d.Pages {
		if slices.Contains(bare, i) {
			continue
		}
		left, _ := c.sides(i)
		header, footer := lay.Header, lay.Footer
		if lay.Mirror && i%2 == 1 {
			header = [2]string{header[1], header[0]}
			footer = [2]string{footer[1], footer[0]}
		}
		line := func(pg *frame.Page, t [2]string, top float64, tag string) {
			l := c.setLine(c.template(t[0], i, len(d.Pages), st), st, w/2, tag)
			r := c.setLine(c.template(t[1], i, len(d.Pages), st), st, w/2, tag)
			l.draw(pg, left, top)
			r.drawRight(pg, left+w, top)
		}
		if i > 0 && (header[0] != "" || header[1] != "") {
			// The header comes first in reading order.
			head := &frame.Page{}
			line(head, header, m.Top, "header")
			c.rule(head, left, m.Top+st.Leading+3, w, 0.5)
			pg.Items = append(head.Items, pg.Items...)
		}
		// The footer sits in the bottom margin, its baseline halfway down.
		line(pg, footer, lay.Height-m.Bottom/2-st.Leading/2, "footer")
	}
}

// template fills a header or footer template for page i of n, in the
// composer's language, as spans of style st: the web and e-mail
// addresses are links.
func (c *composer) template(t string, i, n int, st design.Style) []typeset.Span {
	b := c.lay.Brand
	values := map[string]string{
		"brand": b.Name, "web": strings.TrimPrefix(b.Web, "https://"),
		"email": b.Email, "phone": b.Phone,
		"title": c.doc.Title, "kicker": c.doc.Kicker,
		"page": c.doc.Locale.PageOf(i+1, n),
	}
	links := map[string]string{"web": b.Web, "email": "mailto:" + b.Email}
	var spans []typeset.Span
	for _, p := range design.Pieces(t) {
		text := p.Text
		if p.Name != "" {
			text = values[p.Name]
		}
		if text != "" {
			spans = append(spans, typeset.Span{Text: text, Style: tstyle(st), Link: links[p.Name]})
		}
	}
	return spans
}
