package layout

import (
	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/typeset"
)

// Tag geometry, in points.
const (
	chipPadX   = 5
	chipPadY   = 3
	chipGapX   = 4
	chipGapY   = 4
	chipRadius = 3
)

// chipSet is a row-wrapped set of tags (tool names) in tinted rounded
// boxes.
type chipSet struct {
	height float64
	draw   func(pg *frame.Page, x, top float64)
}

// chips lays out names as tags within width w, a list in parent. A name
// too long for a tag of the whole width wraps inside its tag, which grows
// taller.
func (c *composer) chips(names []string, w float64, parent *frame.Node) chipSet {
	list := parent.Add(frame.RoleL)
	st := c.style("small")
	ts := typeset.Style{Face: st.Face, Size: st.Size, Color: c.color("chip_text")}
	asc := st.Face.Ascent() * st.Size / 1000
	desc := -st.Face.Descent() * st.Size / 1000
	h := asc + desc + 2*chipPadY
	type chip struct {
		x, y, w, h float64
		lines      []typeset.Line
		node       *frame.Node
	}
	var cs []chip
	wrap := chipWrap(chipWidths(names, ts, w), w)
	x, y, rowH := 0.0, 0.0, h
	for _, n := range names {
		n = typeset.Visible(n, ts)
		tw := ts.Width(n)
		lines := []typeset.Line{{Runs: []typeset.Run{{Text: n, Style: ts, Width: tw}}, Width: tw}}
		if tw+2*chipPadX > w {
			p := typeset.Set([]typeset.Span{{Text: n, Style: ts}}, typeset.Options{Width: w - 2*chipPadX})
			c.report.paragraph(p, false)
			lines, tw = p.Lines, 0
			for _, l := range lines {
				tw = max(tw, l.Width)
			}
		}
		cw := tw + 2*chipPadX
		ch := h + float64(len(lines)-1)*st.Leading
		if x > 0 && x+cw > wrap {
			x, y, rowH = 0, y+rowH+chipGapY, h
		}
		rowH = max(rowH, ch)
		cs = append(cs, chip{x, y, cw, ch, lines, list.Add(frame.RoleLI).Add(frame.RoleLBody)})
		x += cw + chipGapX
	}
	return chipSet{
		height: y + rowH,
		draw: func(pg *frame.Page, x0, top float64) {
			fill := c.color("chip")
			for _, ch := range cs {
				pg.Add(&frame.Box{Rect: frame.Rect{X: x0 + ch.x, Y: top + ch.y, W: ch.w, H: ch.h}, Fill: &fill, Radius: chipRadius, Tag: "chip"})
				for i, l := range ch.lines {
					for _, r := range l.Runs {
						pg.Add(&frame.Text{X: x0 + ch.x + chipPadX + r.X, Y: top + ch.y + chipPadY + asc + float64(i)*st.Leading, Text: r.Text, Face: ts.Face, Size: ts.Size, Color: ts.Color, Width: r.Width, Tag: "chip", Lang: c.doc.Lang, Room: [2]float64{x0 + ch.x + chipPadX, x0 + ch.x + ch.w - chipPadX}, Struct: ch.node})
					}
				}
			}
		},
	}
}
