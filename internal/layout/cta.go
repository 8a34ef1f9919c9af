package layout

import (
	"strings"

	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/typeset"
)

const (
	ctaPad = 14 // inside the call-to-action box
	ctaGap = 14 // between the columns and the box
)

// cta sets the call-to-action box across the text width and returns a
// function drawing it from the left margin x with its top at y, and its
// height.
func (c *composer) cta() (func(pg *frame.Page, x, y float64), float64) {
	m := c.lay.Margins
	return c.ctaIn(c.lay.Width - m.Left - m.Right)
}

// ctaIn sets the call-to-action box in a width w.
func (c *composer) ctaIn(w float64) (func(pg *frame.Page, x, y float64), float64) {
	lay := c.lay
	inner := w - 2*ctaPad
	d := c.doc.CTA
	head := c.setBalanced(plain(d.Heading, c.style("cta_heading")), c.style("cta_heading"), inner, "cta")
	body := c.setBalanced(plain(d.Body, c.style("cta_body")), c.style("cta_body"), inner, "cta")
	bs := c.style("cta_body")
	strong := typeset.Style{Face: c.style("group").Face, Size: bs.Size, Color: bs.Color}
	link := typeset.Style{Face: c.style("group").Face, Size: bs.Size, Color: c.color("link")}
	email := c.set([]typeset.Span{
		{Text: d.EmailLabel + " → ", Style: strong}, {Text: d.Email, Style: link, Link: "mailto:" + d.Email},
	}, bs, inner, "cta")
	web := c.set([]typeset.Span{
		{Text: d.WebLabel + " → ", Style: strong}, {Text: strings.TrimPrefix(d.Web, "https://"), Style: link, Link: d.Web},
	}, bs, inner, "cta")
	ls := c.style("footer")
	ls.Face, ls.Color = strong.Face, bs.Color // reversed small type: not a thin face
	legalText := lay.Brand.Legal
	if d.Phone != "" {
		legalText += " · " + strings.ReplaceAll(d.Phone, " ", "\u00a0")
	}
	legal := c.set(plain(legalText, ls), ls, inner, "legal")
	h := 2*ctaPad + head.height() + 4 + body.height() + 8 + email.height() + web.height() + 8 + legal.height()
	draw := func(pg *frame.Page, left, top float64) {
		fill := c.color("cta")
		pg.Add(&frame.Box{Rect: frame.Rect{X: left, Y: top, W: w, H: h}, Fill: &fill, Radius: 6, Tag: "cta"})
		x, y := left+ctaPad, top+ctaPad
		head.draw(pg, x, y)
		y += head.height() + 4
		body.draw(pg, x, y)
		y += body.height() + 8
		email.draw(pg, x, y)
		y += email.height()
		web.draw(pg, x, y)
		y += web.height() + 8
		legal.draw(pg, x, y)
	}
	return draw, h
}
