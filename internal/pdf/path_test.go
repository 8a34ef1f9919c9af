package pdf

import (
	"testing"

	"github.com/brochure-dev/brochure/internal/frame"
)

// TestPathFillRule checks that a path is filled by the rule it asks for:
// a ring drawn as two circles has a hole only by the even-odd rule.
func TestPathFillRule(t *testing.T) {
	square := func(x, y, w float64) []frame.Seg {
		return []frame.Seg{
			{Op: frame.MoveTo, Pts: [3]frame.Point{{X: x, Y: y}}},
			{Op: frame.LineTo, Pts: [3]frame.Point{{X: x + w, Y: y}}},
			{Op: frame.LineTo, Pts: [3]frame.Point{{X: x + w, Y: y + w}}},
			{Op: frame.Close},
		}
	}
	for _, tc := range []struct {
		evenOdd bool
		want    string
	}{{false, "f"}, {true, "f*"}} {
		d := sampleDoc(t, false)
		d.Pages = d.Pages[:1]
		d.Pages[0].Items = nil
		d.Pages[0].Add(&frame.Path{Fill: accent, EvenOdd: tc.evenOdd, Segs: append(square(10, 10, 40), square(20, 20, 20)...)})
		var fills []string
		for _, op := range operations(t, pageContent(t, readPDF(t, write(t, d)), 0)) {
			switch op.op {
			case "f", "f*", "F", "B", "B*", "b", "b*", "S", "s":
				fills = append(fills, op.op)
			}
		}
		if len(fills) != 1 || fills[0] != tc.want {
			t.Errorf("EvenOdd %v: painted with %q, want [%s]", tc.evenOdd, fills, tc.want)
		}
	}
}
