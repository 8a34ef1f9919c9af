package typeset

import (
	"os"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/font"
)

func inter(t testing.TB) Style {
	t.Helper()
	data, err := os.ReadFile("../../fonts/Inter-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	f, err := font.Parse("Inter-Regular.ttf", data)
	if err != nil {
		t.Fatal(err)
	}
	return Style{Face: f, Size: 10}
}

// text joins the lines back, a space at each break.
func text(lines []Line) []string {
	var out []string
	for _, l := range lines {
		var b strings.Builder
		for _, r := range l.Runs {
			b.WriteString(r.Text)
		}
		out = append(out, b.String())
	}
	return out
}

func TestBreak(t *testing.T) {
	st := inter(t)
	tests := []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"one line", "Site Reliability Engineer", 500, []string{"Site Reliability Engineer"}},
		{"two lines", "Site Reliability Engineer", 90, []string{"Site Reliability", "Engineer"}},
		{"spaces collapse", "a  b   c", 500, []string{"a b c"}},
		{"no break at U+00A0", "Junior 45–55\u00a0k€ brut", st.Width("Junior 45–55"), []string{"Junior", "45–55\u00a0k€", "brut"}},
		{"no break at U+202F", "Vraiment\u202f? Oui", st.Width("Vraiment\u202f? O"), []string{"Vraiment\u202f?", "Oui"}},
		{"long URL breaks after slashes", "northlight-talent.example/roles/sre/site-reliability", 100,
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := Break([]Span{{Text: tt.text, Style: st}}, tt.width)
			got := text(lines)
			if tt.want != nil && strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("lines %q, want %q", got, tt.want)
			}
			for _, l := range lines {
				if l.Width > tt.width+1e-9 {
					t.Errorf("line %q is %.2f wide, more than %.2f", text([]Line{l}), l.Width, tt.width)
				}
				if d := l.Width - st.Width(text([]Line{l})[0]); d > 1e-9 || d < -1e-9 {
					t.Errorf("line %q: width %.3f, measured %.3f", text([]Line{l}), l.Width, st.Width(text([]Line{l})[0]))
				}
			}
			// Nothing is lost: the words come back in order.
			if strings.Join(strings.Fields(strings.Join(got, " ")), " ") != strings.Join(strings.Fields(tt.text), " ") &&
				strings.Join(got, "") != strings.ReplaceAll(tt.text, " ", "") {
				t.Errorf("words changed: %q from %q", got, tt.text)
			}
		})
	}
}

func TestLongWordBreaksAfterSlash(t *testing.T) {
	st := inter(t)
	lines := Break([]Span{{Text: "northlight-talent.example/roles/sre", Style: st}}, st.Width("northlight-talent.example/ro"))
	got := text(lines)
	if len(got) != 2 || got[0] != "northlight-talent.example/" || got[1] != "roles/sre" {
		t.Errorf("lines %q, want a break after the slash", got)
	}
}

func TestSpansKeepStyles(t *testing.T) {
	st := inter(t)
	bold := st
	bold.Size = 12
	lines := Break([]Span{{Text: "Write to us ", Style: bold}, {Text: "sre@example.org", Style: st, Link: "mailto:sre@example.org"}}, 500)
	if len(lines) != 1 || len(lines[0].Runs) != 2 {
		t.Fatalf("lines %+v, want one line of two runs", lines)
	}
	r := lines[0].Runs
	if r[0].Text != "Write to us " || r[1].Text != "sre@example.org" || r[1].Link == "" || r[0].Link != "" {
		t.Errorf("runs %q %q", r[0].Text, r[1].Text)
	}
	if r[1].X != r[0].Width {
		t.Errorf("second run at %.2f, want %.2f", r[1].X, r[0].Width)
	}
}

func BenchmarkBreakParagraph(b *testing.B) {
	st := inter(b)
	p := []Span{{Text: strings.Repeat("Trait d’union entre les équipes de développement et celles de l’infrastructure, le SRE automatise l’exploitation. ", 3), Style: st}}
	b.ReportAllocs()
	for b.Loop() {
		Break(p, 240)
	}
}
