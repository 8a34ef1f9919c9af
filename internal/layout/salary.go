package layout

import (
	"strings"

	"github.com/brochure-dev/brochure/internal/document"
	"github.com/brochure-dev/brochure/internal/frame"
)

// salaryBlocks is the pay table of sect (one block per row, rows never
// split) and the range chart, bars on a common scale.
func (c *composer) salaryBlocks(s *document.Salary, w float64, sect *frame.Node) []*block {
	table := sect.Add(frame.RoleTable)
	headRow := table.Add(frame.RoleTR)
	var bs []*block
	label, body, fig := c.style("label"), c.style("small"), c.style("group")
	fig.Color = c.style("figure").Color
	// Columns as wide as their widest entry: level, experience, and pay
	// (right-aligned); experience takes what is left.
	levelW, payW := 0.0, 0.0
	for _, row := range s.Rows {
		levelW = max(levelW, c.style("group").Face.KernedWidth(row.Label, c.style("group").Size))
		payW = max(payW, fig.Face.KernedWidth(row.Pay, fig.Size))
	}
	levelW = min(levelW+12, w*0.4)
	// Experience keeps room for its heading and its widest entry: a pay
	// too wide for what is left (monthly figures in full, "et plus")
	// wraps instead.
	yearsNeed := label.Face.KernedWidth(strings.ToUpper(s.Columns[1]), label.Size) + 4
	for _, row := range s.Rows {
		yearsNeed = max(yearsNeed, body.Face.KernedWidth(row.Years, body.Size))
	}
	payW = min(payW, w*0.45, max(w-levelW-yearsNeed-8, w*0.3))
	yearsW := w - levelW - payW - 8
	cols := [3]float64{levelW, yearsW, max(payW, w*0.3)} // widths
	head := make([]*para, 3)
	for i, t := range s.Columns {
		width := cols[i] - 4
		if i == 2 {
			// The pay heading may use what the experience heading leaves.
			width = w - levelW - label.Face.KernedWidth(strings.ToUpper(s.Columns[1]), label.Size) - 12
		}
		head[i] = c.set(plain(strings.ToUpper(t), label), label, width, "table").as(headRow.AddHeader(frame.ScopeColumn))
	}
	headH := max(head[0].height(), head[1].height(), head[2].height()) + 3
	bs = append(bs, &block{
		height: headH, before: paraGap + 2, keep: true,
		draw: func(pg *frame.Page, x, top float64) {
			head[0].draw(pg, x, top+headH-3-head[0].height())
			head[1].draw(pg, x+levelW, top+headH-3-head[1].height())
			head[2].drawRight(pg, x+w, top+headH-3-head[2].height())
			c.rule(pg, x, top+headH, w, 0.8)
		},
	})
	for _, row := range s.Rows {
		tr := table.Add(frame.RoleTR)
		level := c.set(plain(row.Label, c.style("group")), c.style("group"), levelW-4, "table").as(tr.AddHeader(frame.ScopeRow))
		years := c.set(plain(row.Years, body), body, yearsW, "table").as(tr.Add(frame.RoleTD))
		pay := c.set(plain(row.Pay, fig), fig, payW, "table").as(tr.Add(frame.RoleTD))
		h := max(level.height(), years.height(), pay.height()) + 5
		bs = append(bs, &block{
			height: h, keep: true,
			draw: func(pg *frame.Page, x, top float64) {
				mid := func(p *para) float64 { return top + (h-p.height())/2 }
				level.draw(pg, x, mid(level))
				years.draw(pg, x+levelW, mid(years))
				pay.drawRight(pg, x+w, mid(pay))
				c.rule(pg, x, top+h, w, 0.4)
			},
		})
	}
	bs[len(bs)-1].keep = false
	bs = append(bs, c.chartBlock(s, w, sect.AddFigure(chartAlt(s))))
	return bs
}

// chartAlt is the range chart's alternative text: each level and its
// pay, as the table above gives them ("Junior: 45–55 k€; …").
func chartAlt(s *document.Salary) string {
	parts := make([]string, len(s.Rows))
	for i, r := range s.Rows {
		parts[i] = r.Label + ": " + r.Pay
	}
	return strings.Join(parts, "; ")
}

// chartBlock draws each level as a bar from its minimum to its maximum on
// a common axis, figure fig: level names on the left, graduations below.
func (c *composer) chartBlock(s *document.Salary, w float64, fig *frame.Node) *block {
	label, small := c.style("label"), c.style("small")
	const barH, rowGap, tickGap = 8.0, 5.0, 6.0
	rows := make([]*para, len(s.Rows))
	labelW := 0.0
	for i, r := range s.Rows {
		rows[i] = c.set(plain(r.Label, small), small, w*0.3, "chart").as(fig)
		labelW = max(labelW, rows[i].maxWidth())
	}
	ticks := make([]*para, len(s.Ticks))
	for i, t := range s.Ticks {
		ticks[i] = c.set(plain(t.Label, label), label, w, "chart").as(fig)
	}
	rowH := max(barH, rows[0].height())
	// Room at the right end for half of the last tick label.
	inset := ticks[len(ticks)-1].maxWidth() / 2
	plotX := labelW + 8 + ticks[0].maxWidth()/2
	plotW := w - plotX - inset
	scale := func(v int) float64 {
		return plotX + plotW*float64(v-s.ScaleMin)/float64(s.ScaleMax-s.ScaleMin)
	}
	// Label every stride-th tick, so that labels keep apart.
	widest := 0.0
	for _, t := range ticks {
		widest = max(widest, t.maxWidth())
	}
	stride := 1
	if n := len(s.Ticks); n > 1 {
		for gap := plotW / float64(n-1); stride < n-1 && float64(stride)*gap < widest+tickGap; stride++ {
		}
	}
	plotH := float64(len(rows))*(rowH+rowGap) - rowGap
	height := plotH + 6 + ticks[0].height()
	return &block{
		height: height, before: 10,
		draw: func(pg *frame.Page, x, top float64) {
			grid := c.color("rule")
			for _, t := range s.Ticks {
				gx := x + scale(t.Value)
				pg.Add(&frame.Rule{X1: gx, Y1: top - 2, X2: gx, Y2: top + plotH + 3, Color: grid, Width: 0.4})
			}
			track, bar := c.color("track"), c.color("bar")
			for i, r := range s.Rows {
				y := top + float64(i)*(rowH+rowGap)
				rows[i].draw(pg, x, y+(rowH-rows[i].height())/2)
				by := y + (rowH-barH)/2
				x0, x1 := x+scale(r.Min), x+scale(r.Max)
				pg.Add(&frame.Box{Rect: frame.Rect{X: x + plotX, Y: by, W: plotW, H: barH}, Fill: &track, Radius: barH / 2, Tag: "track", Struct: fig})
				pg.Add(&frame.Box{Rect: frame.Rect{X: x0, Y: by, W: x1 - x0, H: barH}, Fill: &bar, Radius: barH / 2, Tag: "bar", Struct: fig})
				if r.Open {
					// An open top: dots trailing beyond the maximum.
					for k := 1; k <= 3; k++ {
						d := float64(k) * 4
						pg.Add(&frame.Box{Rect: frame.Rect{X: x1 + d - 1, Y: by + barH/2 - 1, W: 2, H: 2}, Fill: &bar, Radius: 1, Tag: "bar", Struct: fig})
					}
				}
			}
			for i, t := range s.Ticks {
				if i%stride != 0 {
					continue
				}
				tw := ticks[i].maxWidth()
				ticks[i].draw(pg, x+scale(t.Value)-tw/2, top+plotH+6)
			}
		},
	}
}

// drawRight draws lines right-aligned on x.
func (p *para) drawRight(pg *frame.Page, right, top float64) {
	p.room = [2]float64{right - p.width, right}
	for i, l := range p.lines {
		p.drawRuns(pg, l, right-l.Width, p.baseline(top, i))
	}
}

// drawCentered draws lines centred on x.
func (p *para) drawCentered(pg *frame.Page, x, top float64) {
	p.room = [2]float64{x - p.width/2, x + p.width/2}
	for i, l := range p.lines {
		p.drawRuns(pg, l, x-l.Width/2, p.baseline(top, i))
	}
}

// rule draws a horizontal rule of width w in the rule colour.
func (c *composer) rule(pg *frame.Page, x, y, w, weight float64) {
	pg.Add(&frame.Rule{X1: x, Y1: y, X2: x + w, Y2: y, Color: c.color("rule"), Width: weight})
}
