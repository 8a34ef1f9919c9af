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

// chips lays out names as tags within width w.
func (c *composer) chips(names []string, w float64) chipSet {
	st := c.style("small")
	ts := typeset.Style{Face: st.Face, Size: st.Size, Color: c.color("chip_text")}
	asc := st.Face.Ascent() * st.Size / 1000
	desc := -st.Face.Descent() * st.Size / 1000
	h := asc + desc + 2*chipPadY
	type chip struct {
		x, y, w float64
		text    string
		tw      float64
	}
	var cs []chip
	x, y := 0.0, 0.0
	for _, n := range names {
		tw := ts.Width(n)
		cw := tw + 2*chipPadX
		if x > 0 && x+cw > w {
			x, y = 0, y+h+chipGapY
		}
		cs = append(cs, chip{x, y, cw, n, tw})
		x += cw + chipGapX
	}
	return chipSet{
		height: y + h,
		draw: func(pg *frame.Page, x0, top float64) {
			fill := c.color("chip")
			for _, ch := range cs {
				pg.Add(&frame.Box{Rect: frame.Rect{X: x0 + ch.x, Y: top + ch.y, W: ch.w, H: h}, Fill: &fill, Radius: chipRadius, Tag: "chip"})
				pg.Add(&frame.Text{X: x0 + ch.x + chipPadX, Y: top + ch.y + chipPadY + asc, Text: ch.text, Face: ts.Face, Size: ts.Size, Color: ts.Color, Width: ch.tw, Tag: "chip", Lang: c.doc.Lang})
			}
		},
	}
}
