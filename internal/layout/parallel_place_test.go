package layout

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/frame"
)

// TestParallelPlace checks how sections start in both columns, on blocks
// of given heights (see blocks in flow_test.go) on 200 pt pages whose
// columns run from 18 to 200: the lower end of the two columns, both on
// the next page when either heading cannot keep with its first line.
func TestParallelPlace(t *testing.T) {
	tests := []struct {
		name string
		// pages is the layout's page count (0: as many as needed).
		pages int
		// sections are the blocks of each section, left and right.
		sections [][2]string
		// want is where each section starts in both columns, "page:y",
		// then where the columns end.
		want    []string
		wantEnd [2]string
		// overflow is the column that overflows, from 1; 0 for none.
		overflow int
	}{
		{
			name:     "same start, space above the second heading",
			sections: [][2]string{{"10^20+ 20", "10^20+ 50"}, {"10^20+ 20", "10^20+ 20"}},
			want:     []string{"1:18", "1:98"}, wantEnd: [2]string{"1:128", "1:128"},
		},
		{
			name:     "the shorter column waits for the longer",
			sections: [][2]string{{"10^20+ 150", "10^20+ 20"}, {"10^20+ 10", "10^20+ 10"}},
			want:     []string{"1:18", "2:18"}, wantEnd: [2]string{"2:38", "2:38"},
		},
		{
			name:     "a heading that cannot keep with its first line takes both to the next page",
			sections: [][2]string{{"10^20+ 100", "10^20+ 100"}, {"10^20+ 60", "10^20+ 10"}},
			want:     []string{"1:18", "2:18"}, wantEnd: [2]string{"2:88", "2:38"},
		},
		{
			name:     "a section continues on the next page in one column",
			sections: [][2]string{{"10^20+ 10", "10^20+ 100 100"}, {"10^20+ 10", "10^20+ 10"}},
			want:     []string{"1:18", "2:138"}, wantEnd: [2]string{"2:158", "2:158"},
		},
		{
			name:     "the right column overflows a fixed page count",
			pages:    1,
			sections: [][2]string{{"10^20+ 10", "10^20+ 100 100"}},
			overflow: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lay := &design.Layout{Name: "test", Width: 200, Height: 200, Columns: 2, Pages: tt.pages, Styles: map[string]design.Style{"body": {Size: 10, Leading: 15}}}
			p := &parallel{lay: lay, coverBottom: headerH}
			rep := &Report{}
			for i := range p.cols {
				p.cols[i] = &composer{lay: lay, scale: 1, report: rep}
			}
			ends := [2]pos{{0, headerH}, {0, headerH}}
			var starts []string
			for k, s := range tt.sections {
				tag := fmt.Sprint("section ", k+1)
				var bs [2][]*block
				for col, spec := range s {
					bs[col] = blocks(spec)
					for _, b := range bs[col] {
						b.draw = func(pg *frame.Page, x, top float64) {
							pg.Add(&frame.Box{Rect: frame.Rect{X: x, Y: top, W: 10, H: b.height}, Tag: tag})
						}
					}
				}
				var col int
				var over *overflow
				ends, col, over = p.place(bs, ends)
				if over != nil {
					if col+1 != tt.overflow {
						t.Fatalf("column %d overflows (%v), want %d", col+1, over, tt.overflow)
					}
					return
				}
				// Where each column's first block of the section went.
				first := [2]string{firstBox(p, 0, tag), firstBox(p, 1, tag)}
				if first[0] != first[1] {
					t.Fatalf("%s starts at %s on the left, %s on the right", tag, first[0], first[1])
				}
				starts = append(starts, first[0])
			}
			if tt.overflow != 0 {
				t.Fatalf("no overflow, want column %d to overflow", tt.overflow)
			}
			if !slices.Equal(starts, tt.want) {
				t.Errorf("sections start at %q, want %q", starts, tt.want)
			}
			if got := [2]string{fmtPos(ends[0].page, ends[0].y), fmtPos(ends[1].page, ends[1].y)}; got != tt.wantEnd {
				t.Errorf("columns end at %q, want %q", got, tt.wantEnd)
			}
		})
	}
}

func fmtPos(page int, y float64) string { return fmt.Sprintf("%d:%g", page+1, math.Round(y*100)/100) }

// firstBox is where column col's first box tagged tag is, "page:y".
func firstBox(p *parallel, col int, tag string) string {
	for i, pp := range p.pages {
		for _, it := range pp.col[col].Items {
			if b, ok := it.(*frame.Box); ok && b.Tag == tag {
				return fmtPos(i, b.Y)
			}
		}
	}
	return "none"
}
