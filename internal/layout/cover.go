package layout

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brochure-dev/brochure/internal/document"
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
	c.band(pg, 0, lay.Width, 0, m.Left, m.Right)
	textW := lay.Width - m.Left - m.Right
	y := c.titleBlock(pg, m.Left, textW, lay.CoverBand+16)
	return c.introAndGlance(pg, m.Left, textW, y, false) + coverGap
}

// band draws the brand band from x0 to x1 with its top at y (at page
// edges, print extends it into the bleed), with the logo and name pad
// points inside its left end and the web address pad points inside its
// right end.
func (c *composer) band(pg *frame.Page, x0, x1, y, padL, padR float64) {
	lay := c.lay
	textW := x1 - x0 - padL - padR
	fill := c.color("band")
	pg.Add(&frame.Box{Rect: frame.Rect{X: x0, Y: y, W: x1 - x0, H: lay.CoverBand}, Fill: &fill, Tag: "band"})
	// The logo and the name are one figure, read as the brand's name.
	sect := c.tree.Add(frame.RoleSect)
	mark := sect.AddFigure(lay.Brand.Name)
	x := x0 + padL
	if logo := lay.Brand.Logo; logo != nil {
		h := lay.CoverBand * 0.42
		paths, w := logo.Place(x, y+(lay.CoverBand-h)/2, h)
		for _, p := range paths {
			p.Struct = mark
			pg.Add(p)
		}
		x += w + 8
	}
	brand := c.set(plain(lay.Brand.Name, c.style("brand")), c.style("brand"), textW, "band").as(mark)
	brand.draw(pg, x, y+(lay.CoverBand-brand.height())/2)
	web := strings.TrimPrefix(lay.Brand.Web, "https://")
	// Small type reversed out of the band is set in the group headings'
	// heavier face, as in the call to action: thin strokes fill in.
	ws := c.style("footer")
	ws.Face, ws.Color = c.style("group").Face, c.style("brand").Color
	webP := c.set([]typeset.Span{{Text: web, Style: tstyle(ws), Link: lay.Brand.Web}}, ws, textW, "band").as(sect.Add(frame.RoleP))
	if x+brand.maxWidth()+webP.maxWidth()+8 <= x1-padR {
		webP.drawRight(pg, x1-padR, y+(lay.CoverBand-webP.height())/2)
	}
}

// titleBlock draws the kicker, the title (bookmarked) and the tagline in
// a width w from (x, y), and returns the y below them.
func (c *composer) titleBlock(pg *frame.Page, x, w, y float64) float64 {
	sect := c.tree.Add(frame.RoleSect)
	kicker := c.set(plain(strings.ToUpper(c.doc.Kicker), c.style("kicker")), c.style("kicker"), w, "kicker").as(sect.Add(frame.RoleP))
	kicker.draw(pg, x, y)
	y += kicker.height() + 2
	title := c.setBalanced(plain(c.doc.Title, c.style("title")), c.style("title"), w, "title").as(sect.AddHeading(1))
	title.draw(pg, x, y)
	pg.Bookmarks = append(pg.Bookmarks, frame.Bookmark{Title: c.doc.Title, Y: y})
	y += title.height() + 2
	tagline := c.setBalanced(plain(c.doc.Tagline, c.style("tagline")), c.style("tagline"), w, "tagline").as(sect.Add(frame.RoleP))
	tagline.draw(pg, x, y)
	y += tagline.height()
	if p := c.doc.Personal; p != nil {
		y += 8
		for _, line := range c.preparedFor(p, w) {
			line.as(sect.Add(frame.RoleP)).draw(pg, x, y)
			y += line.height()
		}
	}
	return y + 16
}

// preparedFor sets a personal edition's dedication in a width w:
// "Prepared for Acme Corp", balanced, and below it the contact and the
// date.
func (c *composer) preparedFor(p *document.Personal, w float64) []*para {
	st := c.style("small")
	strong := tstyle(c.style("group"))
	strong.Size = st.Size
	lead := tstyle(st)
	lead.Color = c.style("label").Color
	out := []*para{c.setBalanced([]typeset.Span{
		{Text: p.For + " ", Style: lead}, {Text: p.Client, Style: strong},
	}, st, w, "prepared")}
	var rest []string
	if p.Attention != "" {
		rest = append(rest, upperFirst(p.Attention))
	}
	if p.Date != "" {
		rest = append(rest, p.Date)
	}
	if len(rest) > 0 {
		out = append(out, c.setBalanced([]typeset.Span{{Text: strings.Join(rest, " · "), Style: lead}}, st, w, "prepared"))
	}
	return out
}

// upperFirst capitalises the first letter of s.
func upperFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+utf8.RuneLen(r):]
	}
	return s
}

// introAndGlance draws the intro and the at-a-glance panel in a width w
// from (x, y): side by side, or the panel below the intro when stacked.
// It returns the y below them.
func (c *composer) introAndGlance(pg *frame.Page, x, w, y float64, stacked bool) float64 {
	panelW := w * panelShare
	introW := w - panelW - c.lay.Gutter
	if stacked {
		panelW, introW = w, w
	}
	iy := c.intro(pg, x, introW, y)
	if stacked {
		return c.glance(pg, x, iy+coverGap/2, panelW)
	}
	py := c.glance(pg, x+introW+c.lay.Gutter, y, panelW)
	return max(iy, py)
}

// intro draws the intro's paragraphs in a width w from (x, y) and returns
// the y below them.
func (c *composer) intro(pg *frame.Page, x, w, y float64) float64 {
	for i, text := range c.doc.Intro {
		p := c.set(plain(text, c.style("intro")), c.style("intro"), w, "intro").as(c.tree.Add(frame.RoleP))
		if i > 0 {
			y += paraGap
		}
		p.draw(pg, x, y)
		y += p.height()
	}
	return y
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
	sect := c.tree.Add(frame.RoleSect)
	text := func(s, role string, gap float64, n *frame.Node) {
		p := c.set(plain(s, c.style(role)), c.style(role), inner, "glance").as(n)
		parts = append(parts, part{p.height() + gap, func(y float64) { p.draw(pg, x+panelPad, y) }})
	}
	// The panel's heading heads its labels; each label heads its facts.
	text(strings.ToUpper(g.Heading), "kicker", 4, sect.AddHeading(2))
	text(strings.ToUpper(g.SalaryLabel), "label", 1, sect.AddHeading(3))
	text(g.Salary, "figure", 6, sect.Add(frame.RoleP))
	text(strings.ToUpper(g.ToolsLabel), "label", 3, sect.AddHeading(3))
	chips := c.chips(g.Tools, inner, sect)
	parts = append(parts, part{chips.height + 6, func(y float64) { chips.draw(pg, x+panelPad, y) }})
	if len(g.Sectors) > 0 {
		text(strings.ToUpper(g.SectorsLabel), "label", 1, sect.AddHeading(3))
		st := c.style("small")
		measure := func(s string) float64 { return st.Face.KernedWidth(s, st.Size) }
		sectors := sect.Add(frame.RoleP)
		for _, line := range separatedLines(g.Sectors, inner-0.5, measure) {
			text(line, "small", 0, sectors)
		}
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
