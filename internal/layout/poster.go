package layout

import (
	"fmt"
	"strings"

	"github.com/brochure-dev/brochure/internal/document"
	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/qr"
	"github.com/brochure-dev/brochure/internal/units"
)

// Poster geometry.
const (
	qrWidth   = float64(55 * units.Mm) // the code with its quiet zone; printers want ≥ 20 mm
	posterGap = 24                     // between blocks, points
)

// poster lays out a one-page poster for a job-fair stand: the brand band,
// the kicker and the role's title large enough to read from a few metres,
// the tagline, the key facts (salary span, key tools, where the role
// matters), the layout's sections as bullets, and a QR code of the role's
// web page with the call to action.
func (c *composer) poster() (*frame.Document, error) {
	lay, doc := c.lay, c.doc
	m := lay.Margins
	pg := &frame.Page{}
	w := lay.Width - m.Left - m.Right
	var y float64
	// The sections leave room on the right for the code below them.
	blocks := c.sectionsBlocks(doc.Sections, w-qrWidth-posterGap, func() {
		y = c.cover(pg) // band, kicker, title, tagline, intro and panel
	})
	for _, b := range blocks {
		y += b.before
		b.draw(pg, m.Left, y)
		if b.mark != "" {
			pg.Bookmarks = append(pg.Bookmarks, frame.Bookmark{Title: b.mark, Y: y})
		}
		y += b.height
	}
	// The call to action and the code share the foot of the page.
	code, err := qr.Encode(doc.CTA.Link)
	if err != nil {
		return nil, fmt.Errorf("QR code of %s: %w", doc.CTA.Link, err)
	}
	cta, ctaH := c.cta()
	foot := lay.Height - m.Bottom - ctaH - posterGap
	if y+posterGap > foot {
		over := &overflow{section: lastSection(doc), height: y + posterGap - foot, lines: (y + posterGap - foot) / c.style("body").Leading}
		return nil, fmt.Errorf("1 page: %w", over)
	}
	cta(pg, m.Left, lay.Height-m.Bottom-ctaH)
	c.drawQR(pg, code, m.Left+w-qrWidth, lay.Height-m.Bottom-ctaH-qrWidth-12, qrWidth)
	out := c.document(pg, 1)
	c.furniture(out)
	return out, nil
}

// drawQR draws a QR code as vector squares at (x, y), w wide with its
// quiet zone, on a white ground.
func (c *composer) drawQR(pg *frame.Page, code *qr.Code, x, y, w float64) {
	modules := float64(code.Size() + 2*qr.QuietZone)
	unit := w / modules
	paper := c.lay.Brand.Palette["paper"]
	// A link whose picture is read as the address it leads to.
	link := c.tree.Add(frame.RoleLink)
	fig := link.AddFigure(strings.TrimPrefix(c.doc.CTA.Web, "https://"))
	pg.Add(&frame.Box{Rect: frame.Rect{X: x, Y: y, W: w, H: w}, Fill: &paper, Tag: "qr", Struct: fig})
	ink := c.style("body").Color
	q := float64(qr.QuietZone)
	for _, r := range code.Rects() {
		pg.Add(&frame.Box{Rect: frame.Rect{
			X: x + (q+float64(r.X))*unit, Y: y + (q+float64(r.Y))*unit,
			W: float64(r.W) * unit, H: float64(r.H) * unit,
		}, Fill: &ink, Tag: "qr", Struct: fig})
	}
	pg.Add(&frame.Link{Rect: frame.Rect{X: x, Y: y, W: w, H: w}, URI: c.doc.CTA.Link, Struct: link})
}

// lastSection names the section at the end of the flow, for overflow
// messages.
func lastSection(d *document.Doc) string {
	if len(d.Sections) == 0 {
		return "cta"
	}
	return d.Sections[len(d.Sections)-1].ID
}
