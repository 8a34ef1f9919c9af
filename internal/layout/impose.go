package layout

import (
	"fmt"

	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/frame"
)

// Impose puts a saddle-stitched booklet's pages two-up on sheets, in the
// order that a duplex printer needs so that the printed stack, folded in
// the middle, reads in order: for 8 pages, sheet 1 front [8 | 1], back
// [2 | 7], sheet 2 front [6 | 3], back [4 | 5]. The sheet is the smallest
// standard size, landscape, that holds two pages (A4 for A5 pages); the
// pages meet at its middle, where it is folded. An office printer needs
// no bleed and no marks, so d is a screen document.
func Impose(d *frame.Document) (*frame.Document, error) {
	n := len(d.Pages)
	if n == 0 || n%4 != 0 {
		return nil, fmt.Errorf("impose: a saddle-stitched booklet has a multiple of 4 pages, not %d", n)
	}
	w, h := sheet(2*d.Width, d.Height)
	out := &frame.Document{Width: w, Height: h, Meta: d.Meta, Structure: d.Structure}
	x0, y0 := w/2-d.Width, (h-d.Height)/2
	for s := 0; s < n/4; s++ {
		front := [2]int{n - 1 - 2*s, 2 * s} // 0-based: pages n-2s and 2s+1
		back := [2]int{2*s + 1, n - 2 - 2*s}
		for _, side := range [][2]int{front, back} {
			pg := &frame.Page{}
			for k, i := range side {
				dx := x0 + float64(k)*d.Width
				for _, it := range d.Pages[i].Items {
					pg.Add(frame.Move(it, dx, y0))
				}
			}
			out.Pages = append(out.Pages, pg)
		}
	}
	return out, nil
}

// sheet is the smallest named page size, landscape, that holds w × h, or
// w × h itself.
func sheet(w, h float64) (float64, float64) {
	bw, bh := w, h
	for _, size := range design.PageSizes {
		sw, sh := size[1].Pt(), size[0].Pt() // landscape
		if sw >= w-0.5 && sh >= h-0.5 && (bw == w && bh == h || sw*sh < bw*bh) {
			bw, bh = sw, sh
		}
	}
	return bw, bh
}
