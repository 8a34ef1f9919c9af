package layout

import (
	"slices"
	"sync"

	"github.com/brochure-dev/brochure/internal/document"
	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/typeset"
)

// Vertical rhythm, in points.
const (
	sectionGap   = 20 // above a section heading
	paraGap      = 5  // between paragraphs, lists and groups
	itemGap      = 4  // between list items
	bulletIndent = 11 // hanging indent of list items
	accentBar    = 3  // height of the bar above a heading
)

// sectionsBlocks turns the sections into blocks for a column width w,
// in order, and meanwhile runs before (nil for nothing): what the layout
// sets ahead of them, the cover. The sections are set side by side, on every CPU:
// they are half the time of laying a brochure out, and one brochure built
// alone has a CPU to spare. Their elements are added to the structure
// tree first, in order; each section is set by a copy of the composer
// with a report of its own, and the reports are added to c's in order.
// before runs on the calling goroutine with c, its elements gathered
// apart and put ahead of the sections' once it is done. So the result is
// the same as setting before and then the sections one after the other.
func (c *composer) sectionsBlocks(ss []document.Section, w float64, before func()) []*block {
	blocks := make([][]*block, len(ss))
	reports := make([]Report, len(ss))
	tree, n := c.tree, len(c.tree.Kids)
	var wg sync.WaitGroup
	for i, s := range ss {
		sect := tree.Add(frame.RoleSect)
		sc := *c
		sc.report = &reports[i]
		wg.Go(func() { blocks[i] = sc.sectionBlocks(s, w, sect) })
	}
	if before != nil {
		ahead := &frame.Node{Role: tree.Role}
		c.tree = ahead
		before()
		c.tree = tree
		tree.Kids = slices.Concat(tree.Kids[:n], ahead.Kids, tree.Kids[n:])
	}
	wg.Wait()
	var all []*block
	for i := range ss {
		all = append(all, blocks[i]...)
		c.report.Paragraphs = append(c.report.Paragraphs, reports[i].Paragraphs...)
		for _, w := range reports[i].Warnings {
			c.report.warnOnce(w)
		}
	}
	return all
}

// sectionBlocks turns a section into blocks for a column width w, its
// elements under sect.
func (c *composer) sectionBlocks(s document.Section, w float64, sect *frame.Node) []*block {
	var bs []*block
	add := func(b *block) {
		b.section = s.ID
		bs = append(bs, b)
	}
	add(c.headingBlock(s.Heading, w, sect))
	for _, text := range s.Body {
		for _, b := range c.paraBlocks(plain(text, c.style("body")), "body", w, paraGap, sect.Add(frame.RoleP)) {
			add(b)
		}
	}
	// A lead-in stays with what it introduces.
	if len(s.Body) > 0 && leadIn(s) {
		bs[len(bs)-1].keep = true
	}
	var list *frame.Node
	from := len(bs)
	for i, item := range s.Items {
		gap := float64(itemGap)
		if i == 0 {
			gap = paraGap
			list = sect.Add(frame.RoleL)
		}
		add(c.bulletBlock(item, w, gap, list))
	}
	keepList(bs[from:])
	for i, g := range s.Groups {
		for _, b := range c.groupBlocks(g, w, sect) {
			add(b)
		}
		// A section does not open at the foot of a column with its first
		// group alone.
		if i == 0 && len(s.Groups) > 1 {
			bs[len(bs)-1].keep, bs[len(bs)-1].give = true, giveToFill
		}
	}
	if s.Salary != nil {
		for _, b := range c.salaryBlocks(s.Salary, w, sect) {
			add(b)
		}
	}
	if s.Note != "" {
		bs[len(bs)-1].keep = true // a note stays with what it comments
		for _, b := range c.paraBlocks(plain(s.Note, c.style("note")), "note", w, paraGap, sect.Add(frame.RoleNote)) {
			add(b)
		}
	}
	return bs
}

// headingBlock is a section heading with a short accent bar above, a
// level-2 heading of sect; it keeps with what follows and carries the
// section's bookmark.
func (c *composer) headingBlock(text string, w float64, sect *frame.Node) *block {
	p := c.set(plain(text, c.style("heading")), c.style("heading"), w, "heading").as(sect.AddHeading(2))
	return &block{
		height: accentBar + 4 + p.height(),
		before: sectionGap,
		keep:   true,
		mark:   text,
		draw: func(pg *frame.Page, x, top float64) {
			col := c.color("bullet")
			pg.Add(&frame.Box{Rect: frame.Rect{X: x, Y: top, W: 18, H: accentBar}, Fill: &col, Tag: "accent"})
			p.draw(pg, x, top+accentBar+4)
		},
	}
}

// paraBlocks sets a paragraph, structure element elem, and returns one
// block per line, so that it can break across columns: never leaving
// fewer than two lines at either end (no orphans, no widows).
func (c *composer) paraBlocks(spans []typeset.Span, role string, w, gap float64, elem *frame.Node) []*block {
	p := c.set(spans, c.style(role), w, role).as(elem)
	n := len(p.lines)
	bs := make([]*block, n)
	for i := range p.lines {
		i := i
		bs[i] = &block{
			height: p.leading,
			// No orphan, no widow, and no word (hyphenated, an address)
			// broken at the foot of a column.
			keep: i < 1 || i >= n-2 || n < 4 || p.lines[i].InWord,
			draw: func(pg *frame.Page, x, top float64) { p.drawLine(pg, i, x, top) },
		}
	}
	if n > 0 {
		bs[0].before = gap
		bs[n-1].keep = false
	}
	return bs
}

// bulletBlock is an item of list with a hanging indent; it never breaks.
// List items are short: they are set ragged right even in justified text.
func (c *composer) bulletBlock(text string, w, gap float64, list *frame.Node) *block {
	st := c.style("body")
	st.Justify = false
	li := list.Add(frame.RoleLI)
	lbl := li.Add(frame.RoleLbl)
	p := c.set(plain(text, st), st, w-bulletIndent, "body").as(li.Add(frame.RoleLBody))
	return &block{
		height: p.height(),
		before: gap,
		draw: func(pg *frame.Page, x, top float64) {
			col := c.color("bullet")
			size := 3.6
			base := p.baseline(top, 0)
			xh := c.style("body").Face.XHeight() * c.style("body").Size / 1000
			pg.Add(&frame.Box{Rect: frame.Rect{X: x + 1.5, Y: base - xh/2 - size/2, W: size, H: size}, Fill: &col, Radius: size / 2, Tag: "bullet", Struct: lbl})
			p.draw(pg, x+bulletIndent, top)
		},
	}
}

// groupBlocks is a skill group of sect: its label (a level-3 heading),
// its tools as tags, its items.
func (c *composer) groupBlocks(g document.Group, w float64, sect *frame.Node) []*block {
	label := c.set(plain(g.Label, c.style("group")), c.style("group"), w, "group").as(sect.AddHeading(3))
	var bs []*block
	if len(g.Tools) > 0 {
		chips := c.chips(g.Tools, w, sect)
		bs = append(bs, &block{
			height: label.height() + 2 + chips.height,
			before: paraGap + 1,
			draw: func(pg *frame.Page, x, top float64) {
				label.draw(pg, x, top)
				chips.draw(pg, x, top+label.height()+2)
			},
		})
	} else {
		bs = append(bs, &block{height: label.height(), before: paraGap + 1, keep: len(g.Items) > 0,
			draw: func(pg *frame.Page, x, top float64) { label.draw(pg, x, top) }})
	}
	var list *frame.Node
	from := len(bs)
	for i, item := range g.Items {
		gap := float64(itemGap)
		if i == 0 && len(g.Tools) > 0 {
			gap = paraGap
		}
		if i == 0 {
			list = sect.Add(frame.RoleL)
		}
		bs = append(bs, c.bulletBlock(item, w, gap, list))
	}
	keepList(bs[from:])
	return bs
}
