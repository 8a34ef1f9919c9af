package typeset

import (
	"strings"
	"testing"
)

// TestLongTokens sets words longer than their line: addresses break at
// their punctuation without a hyphen, other words between letters with a
// warning, and no line is ever wider than the measure.
func TestLongTokens(t *testing.T) {
	st := inter(t)
	url := "https://northlight-talent.example/roles/site-reliability-engineering/platform/observability/incident-response/on-call-rotations/postmortems/2026/guide.html?utm_source=brochure&utm_medium=pdf"
	tests := []struct {
		name  string
		text  string
		width float64
		align Align
		// address: a line that ends inside a word ends after '/', or the
		// next starts with '.', '@', '?', '&' or '=' (never after '-').
		address bool
		forced  []string
	}{
		{"a URL in a justified paragraph", "See " + url + " or write to site.reliability.engineering.recruitment.team@northlight-talent.example. Then wait.", 240, Justify,
			true, nil},
		{"a URL alone", url, 170, Left, true, nil},
		{"a URL in a narrow column", url, 120, Left, false, []string{url}},
		{"an e-mail address", "Write to site.reliability.engineering.recruitment.team@northlight-talent.example today", 100, Left, true, nil},
		{"a long word", "Careers: Pneumonoultramicroscopicsilicovolcanoconiosisspecialistsupervisor and more", 150, Left, false,
			[]string{"Pneumonoultramicroscopicsilicovolcanoconiosisspecialistsupervisor"}},
		{"a long word justified", "Careers: Pneumonoultramicroscopicsilicovolcanoconiosisspecialistsupervisor and more", 150, Justify, false,
			[]string{"Pneumonoultramicroscopicsilicovolcanoconiosisspecialistsupervisor"}},
		{"a long tool name", "ContinuousDeploymentOrchestrationPlatformEnterpriseEdition", 80, Left, false,
			[]string{"ContinuousDeploymentOrchestrationPlatformEnterpriseEdition"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Set([]Span{{Text: tt.text, Style: st}}, Options{Width: tt.width, Align: tt.align})
			var joined strings.Builder
			cur := 0 // bytes of tt.text set so far
			for i, l := range p.Lines {
				if l.Width > tt.width+0.01 {
					t.Errorf("line %d %q is %.1f wide, more than %.1f", i, l.Text(), l.Width, tt.width)
				}
				if l.Hyphenated {
					t.Errorf("line %d %q ends with an added hyphen", i, l.Text())
				}
				for _, r := range l.Runs {
					if r.X < -0.01 || r.X+r.Width > tt.width+0.01 {
						t.Errorf("line %d: run %q from %.1f to %.1f, outside 0–%.1f", i, r.Text, r.X, r.X+r.Width, tt.width)
					}
				}
				joined.WriteString(strings.TrimSpace(l.Text()))
				for _, f := range strings.Fields(l.Text()) {
					cur += strings.Index(tt.text[cur:], f) + len(f)
				}
				if i+1 < len(p.Lines) && tt.address && tt.text[cur] != ' ' {
					next := p.Lines[i+1].Text()
					if tt.text[cur-1] != '/' && !strings.ContainsAny(next[:1], ".@?&=") {
						t.Errorf("address broken between %q and %q", l.Text(), next)
					}
				}
			}
			if want := strings.ReplaceAll(tt.text, " ", ""); strings.ReplaceAll(joined.String(), " ", "") != want {
				t.Errorf("text %q, want %q", joined.String(), want)
			}
			if strings.Join(p.Forced, "|") != strings.Join(tt.forced, "|") {
				t.Errorf("forced %q, want %q", p.Forced, tt.forced)
			}
		})
	}
}

// TestInvisibles: soft hyphens are break points, drawn only as the hyphen
// of a line that breaks there; a zero-width space is a break point
// without a hyphen; joiners the font lacks are dropped and measure
// nothing.
func TestInvisibles(t *testing.T) {
	st := inter(t)
	for _, tt := range []struct {
		name, text string
		width      float64
		want       []string
	}{
		{"soft hyphen, room enough", "Site Relia\u00adbility", 500, []string{"Site Reliability"}},
		{"soft hyphen, broken there", "Site Relia\u00adbility", st.Width("Site Relia-") + 1, []string{"Site Relia-", "bility"}},
		{"soft hyphens choose the only points", "Engi\u00adneering", st.Width("neering") + 1, []string{"Engi-", "neering"}},
		{"zero-width space", "observability\u200bplatform", st.Width("observability") + 1, []string{"observability\u200b", "platform"}},
		{"joiners the font lacks", "a\u200db\u200cc", 500, []string{"abc"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := Set([]Span{{Text: tt.text, Style: st}}, Options{Width: tt.width, Align: Left, Hyphen: splitAll{}})
			var got []string
			for _, l := range p.Lines {
				got = append(got, l.Text())
				if l.Width > tt.width+0.01 {
					t.Errorf("line %q is %.1f wide, more than %.1f", l.Text(), l.Width, tt.width)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("lines %q, want %q", got, tt.want)
			}
		})
	}
}

// splitAll offers a hyphenation point between every two letters, which
// soft hyphens must override.
type splitAll struct{}

func (splitAll) Points(w string) []int {
	var pts []int
	for i := range w {
		if i > 0 {
			pts = append(pts, i)
		}
	}
	return pts
}
