package layout

import "github.com/brochure-dev/brochure/internal/frame"

// pos is a place in a column: a page (from 0) and a height on it.
type pos struct {
	page int
	y    float64
}

// later is the lower of two places in reading order: the later page, or
// the lower height on the same page.
func later(a, b pos) pos {
	switch {
	case a.page > b.page:
		return a
	case b.page > a.page:
		return b
	}
	return pos{a.page, max(a.y, b.y)}
}

// limit is how many pages the edition may have.
func (p *parallel) limit() int {
	if p.lay.Pages > 0 {
		return p.lay.Pages
	}
	return maxParallelPages
}

// top is where the columns start on page i: below the cover on the
// first, below the running header on the others.
func (p *parallel) top(i int) float64 {
	if i == 0 {
		return p.coverBottom
	}
	return p.lay.Margins.Top + headerH
}

// bot is where the columns end on page i: at the bottom margin, and on
// the last page of a fixed count, above the call to action.
func (p *parallel) bot(i int) float64 {
	b := p.lay.Height - p.lay.Margins.Bottom
	if p.lay.Pages > 0 && i == p.lay.Pages-1 {
		b -= p.ctaH + ctaGap
	}
	return b
}

// section lays out section k of both languages, each in its column, from
// where the columns end (ends), and returns where each column ends.
func (p *parallel) section(k int, ends [2]pos) ([2]pos, error) {
	var blocks [2][]*block
	for i, c := range p.cols {
		blocks[i] = c.sectionBlocks(c.doc.Sections[k], p.width(), c.tree.Add(frame.RoleSect))
	}
	ends, col, over := p.place(blocks, ends)
	if over != nil {
		return ends, p.overflow(col, k, over)
	}
	return ends, nil
}

// place lays out one section's blocks in each column (blocks[0] left,
// blocks[1] right) from the lower of the columns' ends, and returns where
// each column ends, or the column that overflows and by how much. Both
// sections start at the same height: if either one cannot start there
// with what its first block keeps with (a heading with its first lines),
// both go to the top of the next page. Each column then flows on its
// own, across pages if need be, with the keep rules of flow.
func (p *parallel) place(blocks [2][]*block, ends [2]pos) ([2]pos, int, *overflow) {
	if len(blocks[0]) == 0 || len(blocks[1]) == 0 {
		return ends, 0, nil
	}
	start := later(ends[0], ends[1])
	gap := 0.0 // the space above the headings, none at the top of a page
	if start.y > p.top(start.page)+0.01 {
		gap = max(blocks[0][0].before, blocks[1][0].before)
		for _, bs := range blocks {
			if start.y+gap+chainHeight(bs) > p.bot(start.page)+0.01 {
				start, gap = pos{start.page + 1, p.top(start.page + 1)}, 0
				break
			}
		}
	}
	for i, bs := range blocks {
		regions := p.regions(i, start, gap)
		placed, over := flow(bs, regions, p.cols[i].style("body").Leading)
		if over != nil {
			return ends, i, over
		}
		rep := p.cols[i].report
		n := len(rep.Pushes)
		rep.pushes(bs, regions, placed)
		for j := n; j < len(rep.Pushes); j++ {
			rep.Pushes[j].Column = i + 1
		}
		last := placed[len(placed)-1]
		parts := make([]*frame.Page, regions[last.reg].page+1) // column i of each page
		for pg := range parts {
			parts[pg] = &p.page(pg).col[i]
		}
		drawPlaced(parts, regions, placed)
		ends[i] = pos{regions[last.reg].page, last.top + last.block.height}
	}
	return ends, 0, nil
}

// regions are column col's from start to the last page allowed: the rest
// of start's page below gap, then whole columns.
func (p *parallel) regions(col int, start pos, gap float64) []region {
	if start.page >= p.limit() {
		return nil
	}
	x := p.x(col)
	rs := []region{{page: start.page, x: x, top: start.y + gap, bot: p.bot(start.page)}}
	for i := start.page + 1; i < p.limit(); i++ {
		rs = append(rs, region{page: i, x: x, top: p.top(i), bot: p.bot(i)})
	}
	return rs
}

// overflow says how much of column col does not fit, from section k on:
// what flow could not place, the sections after it and, with a page
// count, the call to action.
func (p *parallel) overflow(col, k int, over *overflow) error {
	c := p.cols[col]
	rest := over.height
	for _, s := range c.doc.Sections[k+1:] {
		for _, b := range c.sectionBlocks(s, p.width(), c.tree.Add(frame.RoleSect)) {
			rest += b.before + b.height
		}
	}
	return p.fail(p.limit(), &overflow{section: over.section, height: rest, lines: rest / c.style("body").Leading})
}

// canShrink says whether a smaller type scale is still to be tried: the
// layout lets the type shrink, and the next step stays above its
// smallest body size.
func (p *parallel) canShrink() bool { return !p.lonePage && !p.cols[0].smallest() }

// callToAction puts each language's call to action at the foot of its
// column on the last page, both as tall as the taller: on the page where
// the sections end when it fits below them, else at the top of a page of
// its own, unless the layout lets the type shrink: then a smaller scale
// is tried first. With a page count, the last page kept room for it.
func (p *parallel) callToAction(end pos) error {
	page, top := end.page, p.lay.Height-p.lay.Margins.Bottom-p.ctaH
	switch {
	case p.lay.Pages > 0:
		page = p.lay.Pages - 1
	case end.y+ctaGap > top+0.01:
		if p.canShrink() {
			// A page holding the call to action alone reads as a mistake:
			// a slightly smaller type keeps it with the sections.
			c := p.cols[0]
			h := end.y + ctaGap - top
			return &overflow{section: "cta", height: h, lines: h / c.style("body").Leading}
		}
		page, top = page+1, p.top(page+1)
		if page >= p.limit() {
			c := p.cols[0]
			h := p.ctaH + ctaGap
			return p.fail(p.limit(), &overflow{section: lastSection(c.doc), height: h, lines: h / c.style("body").Leading})
		}
	}
	p.row(page, "cta", func(c *composer, col int, pg *frame.Page) float64 {
		p.ctas[col](pg, p.x(col), top)
		return top + p.ctaH
	})
	return nil
}
