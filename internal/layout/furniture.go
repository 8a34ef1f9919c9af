package layout

import (
	"slices"
	"strings"

	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/typeset"
)

const (
	// headerH is the room the running header takes below the top margin.
	headerH = 18
	// furnitureGap is the least room between the left and right parts
	// of a header or footer.
	furnitureGap = 12
)

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
			// The longer part takes what the shorter leaves: a personal
			// edition's "Prepared by …" is longer than a folio.
			ls, rs := c.template(t[0], i, len(d.Pages), st), c.template(t[1], i, len(d.Pages), st)
			l, r := c.setLine(ls, st, w, tag), c.setLine(rs, st, w, tag)
			if l.maxWidth()+r.maxWidth()+furnitureGap > w {
				if l.maxWidth() > r.maxWidth() {
					l = c.setLine(ls, st, w-r.maxWidth()-furnitureGap, tag)
				} else {
					r = c.setLine(rs, st, w-l.maxWidth()-furnitureGap, tag)
				}
			}
			c.artifact(l)
			c.artifact(r)
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

// artifact makes p's text an artifact, which a screen reader skips
// (running headers and footers repeat on every page), but not its links:
// those are Link elements after the rest of the document.
func (c *composer) artifact(p *para) {
	p.node, p.linksIn = frame.Pagination, c.tree
}

// template fills a header or footer template for page i of n, in the
// composer's language, as spans of style st: the web and e-mail
// addresses are links. A placeholder with no value takes a separator
// next to it along ("{prepared} · {page}" is "1 / 2" in a generic
// edition); a personal edition's e-mail and phone are its salesperson's.
func (c *composer) template(t string, i, n int, st design.Style) []typeset.Span {
	b := c.lay.Brand
	values := map[string]string{
		"brand": b.Name, "web": strings.TrimPrefix(b.Web, "https://"),
		"email": b.Email, "phone": b.Phone,
		"title": c.doc.Title, "kicker": c.doc.Kicker,
		"page": c.doc.Locale.PageOf(i+1, n),
	}
	if p := c.doc.Personal; p != nil {
		values["prepared"] = p.By
	}
	if p := c.doc.CTA.Person; p != nil {
		values["email"], values["phone"] = p.Email, p.Phone
	}
	links := map[string]string{"web": b.Web, "email": "mailto:" + values["email"]}
	pieces := design.Pieces(t)
	var spans []typeset.Span
	skip := false // the next literal separates an empty placeholder
	for k, p := range pieces {
		text := p.Text
		if p.Name != "" {
			text = values[p.Name]
			if text == "" {
				// Drop the separator before it, or else the one after.
				if last := len(spans) - 1; last > 0 && k > 0 && pieces[k-1].Name == "" {
					spans = spans[:last]
				} else {
					skip = true
				}
				continue
			}
		} else if skip {
			skip = false
			continue
		}
		if text != "" {
			spans = append(spans, typeset.Span{Text: text, Style: tstyle(st), Link: links[p.Name]})
		}
	}
	return spans
}
