package layout

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/brochure-dev/brochure/internal/frame"
)

func TestChipWrap(t *testing.T) {
	for _, c := range []struct {
		widths []float64
		w      float64
		rows   []int // chips per row
	}{
		{[]float64{50, 50, 50}, 200, []int{3}},                       // one row: as it is
		{[]float64{60, 60, 60, 60, 60}, 200, []int{3, 2}},            // last row long enough
		{[]float64{60, 60, 60, 30}, 200, []int{2, 2}},                // lone chip joined
		{[]float64{56, 56, 70, 52, 40, 42, 27}, 161, []int{2, 2, 3}}, // last row long enough
		{[]float64{200, 20}, 200, []int{1, 1}},                       // a full-width tag keeps its row
	} {
		t.Run(fmt.Sprint(c.widths), func(t *testing.T) {
			wrap := chipWrap(c.widths, c.w)
			if wrap > c.w {
				t.Fatalf("wraps at %.1f, wider than %.1f", wrap, c.w)
			}
			var got []int
			x := 0.0
			for i, cw := range c.widths {
				if i == 0 || x > 0 && x+cw > wrap {
					got = append(got, 0)
					x = 0
				}
				got[len(got)-1]++
				x += cw + chipGapX
			}
			if !slices.Equal(got, c.rows) {
				t.Errorf("wraps at %.1f into rows of %v chips, want %v", wrap, got, c.rows)
			}
			if n, m := len(chipRows(c.widths, c.w)), len(got); n != m {
				t.Errorf("%d rows, was %d", m, n)
			}
		})
	}
}

// The tool chips of the at-a-glance panel end on a row of more than one
// chip wherever a row above holds more than one (the booklet's cover had
// "Go" alone under "Kubernetes … Python").
func TestGlanceChipsBalanced(t *testing.T) {
	r := sre(t)
	for _, name := range []string{"a4", "letter", "a5-booklet", "trifold", "poster"} {
		for _, lang := range []string{"en", "fr", "de"} {
			d, err := layWith(t, r, lang, name)
			if err != nil {
				t.Fatal(err)
			}
			for pi, pg := range d.Pages {
				for _, it := range pg.Items {
					panel, ok := it.(*frame.Box)
					if !ok || panel.Tag != "panel" {
						continue
					}
					rows := map[float64]int{}
					var ys []float64
					for _, it := range pg.Items {
						if b, ok := it.(*frame.Box); ok && b.Tag == "chip" && inside(b.Rect, panel.Rect) {
							y := math.Round(b.Rect.Y)
							if rows[y] == 0 {
								ys = append(ys, y)
							}
							rows[y]++
						}
					}
					slices.Sort(ys)
					if len(ys) < 2 {
						continue
					}
					most := 0
					for _, y := range ys {
						most = max(most, rows[y])
					}
					if last := rows[ys[len(ys)-1]]; last == 1 && most > 1 {
						t.Errorf("%s %s page %d: the panel's last row of chips holds one chip under rows of up to %d", name, lang, pi+1, most)
					}
				}
			}
		}
	}
}
