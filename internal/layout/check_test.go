package layout

import (
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/frame"
)

// TestCheckFrames: each rule of the frame check catches what breaks it,
// and names the page and the text.
func TestCheckFrames(t *testing.T) {
	const w, h, safe = 600.0, 800.0, 14.0
	text := func(s string, x, y, width float64, room ...float64) *frame.Text {
		t := &frame.Text{X: x, Y: y, Text: s, Size: 10, Width: width, Tag: "body"}
		if len(room) == 2 {
			t.Room = [2]float64{room[0], room[1]}
		}
		return t
	}
	panel := &frame.Box{Rect: frame.Rect{X: 300, Y: 100, W: 200, H: 100}, Tag: "panel"}
	for _, tt := range []struct {
		name  string
		items []frame.Item
		want  string // "" for none
	}{
		{"clean", []frame.Item{text("one", 50, 100, 100, 50, 250), text("two", 50, 114, 100, 50, 250), panel, text("in", 310, 120, 100)}, ""},
		{"out of its column", []frame.Item{text("https://a.very.long.example/path", 50, 100, 260, 50, 250)}, `page 1: body "https://a.very.long.example/path" runs out of its measure by 21.2 mm`},
		{"off the page's left", []frame.Item{text("See", -8, 100, 30)}, `page 1: body "See" is outside the page's safe area (5 mm inside the trim)`},
		{"below the safe area", []frame.Item{text("foot", 50, 795, 30)}, `page 1: body "foot" is outside the page's safe area`},
		{"out of its panel", []frame.Item{panel, text("ContinuousDeploymentOrchestration", 310, 120, 230)}, `page 1: body "ContinuousDeploymentOrchestration" runs out of its panel`},
		{"overlapping", []frame.Item{text("€1,000K", 100, 300, 40), text("€2,000K", 130, 301, 40)}, `page 1: body "€1,000K" overlaps body "€2,000K"`},
		{"side by side, not overlapping", []frame.Item{text("€1,000K", 100, 300, 40), text("€2,000K", 140, 300, 40)}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := &frame.Document{Width: w, Height: h, Pages: []*frame.Page{{Items: tt.items}}}
			err := checkFrames(d, safe)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("error %v, want none", err)
			case tt.want != "" && err == nil:
				t.Errorf("no error, want %q", tt.want)
			case tt.want != "" && !strings.Contains(err.Error(), tt.want):
				t.Errorf("error %q, want %q", err, tt.want)
			}
		})
	}
}
