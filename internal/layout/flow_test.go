package layout

import (
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/hyphen"
	"github.com/brochure-dev/brochure/internal/typeset"
)

func blocks(spec string) []*block {
	// Each field: height, with "+" for keep-with-next and "^N" for N points
	// of space before.
	var bs []*block
	for _, f := range strings.Fields(spec) {
		b := &block{section: "s"}
		if strings.HasSuffix(f, "+") {
			b.keep = true
			f = strings.TrimSuffix(f, "+")
		}
		if h, before, ok := strings.Cut(f, "^"); ok {
			f = h
			for _, c := range before {
				b.before = b.before*10 + float64(c-'0')
			}
		}
		for _, c := range f {
			b.height = b.height*10 + float64(c-'0')
		}
		bs = append(bs, b)
	}
	return bs
}

func TestFlow(t *testing.T) {
	two := []region{{page: 0, top: 0, bot: 100}, {page: 0, x: 200, top: 0, bot: 100}}
	tests := []struct {
		name    string
		spec    string
		want    string // region of each block
		wantErr string
	}{
		{name: "fits", spec: "30 30 30", want: "0 0 0"},
		{name: "next column", spec: "40 40 40", want: "0 0 1"},
		{name: "heading kept with next", spec: "40 40 10+ 30", want: "0 0 1 1"},
		{name: "chain of three", spec: "50 20+ 20+ 20", want: "0 1 1 1"},
		{name: "space dropped at top", spec: "90 10^20 70^20", want: "0 1 1"},
		{name: "chain taller than a column breaks", spec: "60+ 30+ 60", want: "0 1 1"},
		{name: "overflow", spec: "90 90 30", wantErr: "does not fit: from section \"s\" on, 10.6 mm (about 2 lines of body text) too long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			placed, over := flow(blocks(tt.spec), two, 15)
			if tt.wantErr != "" {
				if over == nil || over.Error() != tt.wantErr {
					t.Fatalf("overflow %v, want %s", over, tt.wantErr)
				}
				return
			}
			if over != nil {
				t.Fatal(over)
			}
			var got []string
			for _, p := range placed {
				got = append(got, string(rune('0'+p.reg)))
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("regions %q, want %q", strings.Join(got, " "), tt.want)
			}
			// Blocks in a region never overlap and stay inside it.
			end := map[int]float64{}
			for _, p := range placed {
				if p.top < end[p.reg]-1e-9 || p.top+p.block.height > two[p.reg].bot+0.01 && p.block.height <= 100 {
					t.Errorf("block at %v in region %d overlaps or overflows", p.top, p.reg)
				}
				end[p.reg] = p.top + p.block.height
			}
		})
	}
}

// TestAddressLinesStayInMeasure sets a paragraph of long addresses at
// many widths and type scales: a justified line that ends inside an
// address is set ragged, but one whose spaces had to shrink to fit is
// still shrunk, so that no line runs past the measure.
func TestAddressLinesStayInMeasure(t *testing.T) {
	text := "See https://northlight-talent.example/roles/site-reliability-engineering/platform/observability/incident-response/on-call-rotations/postmortems/2026/guide.html?utm_source=brochure&utm_medium=pdf or write to site.reliability.engineering.recruitment.team@northlight-talent.example. An SRE is the link between your developers and your infrastructure team."
	l := a4(t)
	h, err := hyphen.For("en")
	if err != nil {
		t.Fatal(err)
	}
	for scale := 0.80; scale <= 1.0; scale += 0.02 {
		st := l.Styles["body"].Scaled(scale)
		for w := 200.0; w < 290; w += 0.5 {
			p := typeset.Set([]typeset.Span{{Text: text, Style: tstyle(st)}}, typeset.Options{Width: w, Align: typeset.Justify, Hyphen: h})
			for _, ln := range p.Lines {
				if ln.Width > w+0.01 {
					t.Fatalf("scale %.2f, measure %.1f pt: a line of %.1f pt (%q)", scale, w, ln.Width, ln.Runs[0].Text)
				}
			}
		}
	}
}
