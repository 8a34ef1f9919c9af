package layout

import (
	"strings"

	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/document"
	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/typeset"
)

const (
	ctaPad = 14 // inside the call-to-action box
	ctaGap = 14 // between the columns and the box
	// photoGap is between a salesperson's portrait and their name.
	photoGap = 8
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
	var contact []stacked // the salesperson, or the brand's address
	if p := d.Person; p != nil {
		contact = c.person(p, link, bs, inner)
	} else {
		contact = []stacked{c.set([]typeset.Span{
			{Text: d.EmailLabel + " → ", Style: strong}, {Text: d.Email, Style: link, Link: "mailto:" + d.Email},
		}, bs, inner, "cta")}
	}
	web := c.set([]typeset.Span{
		{Text: d.WebLabel + " → ", Style: strong}, {Text: strings.TrimPrefix(d.Web, "https://"), Style: link, Link: d.Link},
	}, bs, inner, "cta")
	contact = append(contact, web)
	var note *para
	if p := c.doc.Personal; p != nil && p.Note != "" {
		ns := c.style("note")
		ns.Color = bs.Color
		note = c.setBalanced(plain(p.Note, ns), ns, inner, "note")
	}
	ls := c.style("footer")
	ls.Face, ls.Color = strong.Face, bs.Color // reversed small type: not a thin face
	legalText := lay.Brand.Legal
	if d.Phone != "" && d.Person == nil {
		legalText += " · " + strings.ReplaceAll(d.Phone, " ", "\u00a0")
	}
	legal := c.setSeparated(strings.Split(legalText, listSeparator), ls, inner, "legal")
	h := 2*ctaPad + head.height() + 4 + body.height() + 8 + 8 + legal.height()
	if note != nil {
		h += note.height() + 6
	}
	for _, p := range contact {
		h += p.height()
	}
	draw := func(pg *frame.Page, left, top float64) {
		// The elements are made when the box is drawn, after the
		// sections, where it is read.
		sect := c.tree.Add(frame.RoleSect)
		head.as(sect.AddHeading(2))
		body.as(sect.Add(frame.RoleP))
		if note != nil {
			note.as(sect.Add(frame.RoleP))
		}
		for _, p := range contact {
			p.in(sect)
		}
		legal.as(sect.Add(frame.RoleP))
		fill := c.color("cta")
		pg.Add(&frame.Box{Rect: frame.Rect{X: left, Y: top, W: w, H: h}, Fill: &fill, Radius: 6, Tag: "cta"})
		x, y := left+ctaPad, top+ctaPad
		head.draw(pg, x, y)
		y += head.height() + 4
		body.draw(pg, x, y)
		y += body.height() + 8
		if note != nil {
			note.draw(pg, x, y)
			y += note.height() + 6
		}
		for _, p := range contact {
			p.draw(pg, x, y)
			y += p.height()
		}
		y += 8
		legal.draw(pg, x, y)
	}
	return draw, h
}

// person sets a personal edition's salesperson: name and job title, then
// e-mail address and phone, as links; with a portrait, when it has one,
// on their left, as tall as the lines.
func (c *composer) person(p *document.Person, link typeset.Style, bs design.Style, w float64) []stacked {
	plainSt := tstyle(bs)
	var side float64
	if p.Photo != nil {
		side = 3 * bs.Leading
		w -= side + photoGap
	}
	name := plainSt
	name.Face = c.style("cta_heading").Face // the name stands out of semibold body text
	who := c.set([]typeset.Span{{Text: p.Name, Style: name}, {Text: ", " + p.Title, Style: plainSt}}, bs, w, "cta")
	reach := []typeset.Span{{Text: p.Email, Style: link, Link: "mailto:" + p.Email}}
	if p.Phone != "" {
		reach = append(reach, typeset.Span{Text: " · ", Style: plainSt},
			typeset.Span{Text: strings.ReplaceAll(p.Phone, " ", "\u00a0"), Style: link, Link: "tel:" + telURI(p.Phone)})
	}
	reachP := c.set(reach, bs, w, "cta")
	if p.Photo == nil {
		return []stacked{who, reachP}
	}
	ph := p.Photo
	// The portrait keeps its proportions inside a square as tall as the
	// three lines of the call to action's contact.
	iw, ih := side, side
	if ph.Width > ph.Height {
		ih = side * float64(ph.Height) / float64(ph.Width)
	} else {
		iw = side * float64(ph.Width) / float64(ph.Height)
	}
	text := who.height() + reachP.height()
	h := max(side, text)
	var portrait *frame.Node
	return []stacked{drawing{h, func(pg *frame.Page, x, y float64) {
		pg.Add(&frame.Image{Rect: frame.Rect{X: x + (side-iw)/2, Y: y + (h-ih)/2, W: iw, H: ih}, Data: ph.Data, Format: ph.Format,
			PixelsW: ph.Width, PixelsH: ph.Height, Print: ph.Gray, Where: ph.Where, Struct: portrait})
		tx, ty := x+side+photoGap, y+(h-text)/2
		who.draw(pg, tx, ty)
		reachP.draw(pg, tx, ty+who.height())
	}, func(parent *frame.Node) {
		portrait = parent.AddFigure(p.Name)
		who.in(parent)
		reachP.in(parent)
	}}}
}

// stacked is what the call to action stacks: set paragraphs, or
// drawings of a known height.
type stacked interface {
	height() float64
	draw(pg *frame.Page, x, y float64)
	// in makes the structure elements of what it draws in parent.
	in(parent *frame.Node)
}

// in makes the paragraph a P of parent.
func (p *para) in(parent *frame.Node) { p.as(parent.Add(frame.RoleP)) }

// drawing is a stacked drawn by a function, with a function making its
// structure elements.
type drawing struct {
	h      float64
	f      func(pg *frame.Page, x, y float64)
	inFunc func(parent *frame.Node)
}

func (d drawing) height() float64                   { return d.h }
func (d drawing) draw(pg *frame.Page, x, y float64) { d.f(pg, x, y) }
func (d drawing) in(parent *frame.Node)             { d.inFunc(parent) }

// telURI is a phone number as a tel: link wants it: "+33612345678".
func telURI(phone string) string {
	return strings.Map(func(r rune) rune {
		if r == '+' || (r >= '0' && r <= '9') {
			return r
		}
		return -1
	}, phone)
}
