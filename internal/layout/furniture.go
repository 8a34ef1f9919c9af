package layout

import (
	"strings"

	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/frame"
)

// headerH is the room the running header takes below the top margin.
const headerH = 18

// furniture adds the running header (pages after the first) and the
// footer (every page).
func (c *composer) furniture(d *frame.Document) {
	lay := c.lay
	m := lay.Margins
	st := c.style("footer")
	w := lay.Width - m.Left - m.Right
	for i, pg := range d.Pages {
		values := map[string]string{
			"brand": lay.Brand.Name, "web": strings.TrimPrefix(lay.Brand.Web, "https://"),
			"email": lay.Brand.Email, "phone": lay.Brand.Phone,
			"title": c.doc.Title, "kicker": c.doc.Kicker,
			"page": c.doc.Locale.PageOf(i+1, len(d.Pages)),
		}
		line := func(pg *frame.Page, t [2]string, top float64, tag string) {
			left := c.set(plain(design.Expand(t[0], values), st), st, w/2, tag)
			right := c.set(plain(design.Expand(t[1], values), st), st, w/2, tag)
			left.draw(pg, m.Left, top)
			right.drawRight(pg, m.Left+w, top)
		}
		if i > 0 && (lay.Header[0] != "" || lay.Header[1] != "") {
			// The header comes first in reading order.
			head := &frame.Page{}
			line(head, lay.Header, m.Top, "header")
			c.rule(head, m.Left, m.Top+st.Leading+3, w, 0.5)
			pg.Items = append(head.Items, pg.Items...)
		}
		// The footer sits in the bottom margin, its baseline halfway down.
		line(pg, lay.Footer, lay.Height-m.Bottom/2-st.Leading/2, "footer")
	}
}
