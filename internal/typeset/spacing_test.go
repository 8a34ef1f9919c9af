package typeset

import (
	"slices"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/hyphen"
)

// meanSpace is the mean word space of a paragraph's lines but the last,
// as a multiple of the natural space, as the layout report gives it.
func meanSpace(p Paragraph) float64 {
	n, sum := 0, 0.0
	for _, l := range p.Lines[:len(p.Lines)-1] {
		for _, s := range l.Spaces {
			sum += s
			n++
		}
	}
	if n == 0 {
		return 1
	}
	return sum / float64(n)
}

// A compound written with a hyphen breaks at its own hyphen; a break
// inside one of its parts is a last resort, taken only where the own
// hyphen leaves lines too loose to set well (the French A4's second intro
// paragraph, at its measure and size: ×1.47 with "e-" / "commerce").
func TestCompoundBreaksInsideOnlyAsLastResort(t *testing.T) {
	st := inter(t)
	st.Size = 11.5
	const intro = "Dans les entreprises tech qui ne peuvent pas se permettre la moindre indisponibilité (SaaS, fintech, e-commerce, cloud, IA), il occupe une place stratégique."
	for _, c := range []struct {
		name   string
		text   string
		width  float64
		inside bool // a line ends inside "commerce"
	}{
		{"own hyphen too loose", intro, 300.4, true},
		{"own hyphen fits", intro, 320, false},
		{"no compound", strings.Replace(intro, "e-commerce", "commerce", 1), 300.4, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := Set([]Span{{Text: c.text, Style: st}}, Options{Width: c.width, Align: Justify, Hyphen: realFrench(t)})
			var ends []string
			for _, l := range p.Lines {
				f := strings.Fields(l.Text())
				ends = append(ends, f[len(f)-1])
			}
			if got := slices.Contains(ends, "e-com-"); got != c.inside {
				t.Errorf("lines end with %q; a break inside the compound's part: %v, want %v", ends, got, c.inside)
			}
			if m := meanSpace(p); m > 1.25 {
				t.Errorf("mean word space ×%.2f, more than ×1.25 (lines ending %q)", m, ends)
			}
		})
	}
}

// A justified line that must stretch past ×1.25 word spaces opens its
// letters a little (up to 1.5 % of the type size) before its spaces grow
// further, and its spaces go past ×1.5 only when letter-spacing is at
// its 4 % limit.
func TestLooseLinesSpreadOverLetters(t *testing.T) {
	st := inter(t)
	first := "made the SRE the guardian of service continuity."
	text := first + " Applications"
	nat, spaces := st.Width(first), 7*st.Width(" ")
	for _, c := range []struct {
		width            float64
		maxSpace, maxTrk float64
	}{
		{nat + 0.35*spaces, 1.25, 0.015}, // letters take what ×1.25 spaces leave
		{nat + 0.8*spaces, 1.5, 0.015},   // then spaces, up to ×1.5
		{nat + 2*spaces, 10, 0.04},       // then letters up to 4 %, then spaces
	} {
		p := Set([]Span{{Text: text, Style: st}}, Options{Width: c.width, Align: Justify})
		l := p.Lines[0]
		if len(p.Lines) < 2 || strings.Contains(l.Text(), "Applications") {
			t.Fatalf("width %v: first line %q", c.width, l.Text())
		}
		if d := l.Width - c.width; d > 0.01 || d < -0.01 {
			t.Errorf("width %v: line is %.2f wide", c.width, l.Width)
		}
		trk := l.Runs[0].Tracking / st.Size
		if trk > c.maxTrk+1e-9 {
			t.Errorf("width %v: letter-spacing %.2f %% of the size, more than %.1f %%", c.width, 100*trk, 100*c.maxTrk)
		}
		for _, s := range l.Spaces {
			if s > c.maxSpace+1e-9 {
				t.Errorf("width %v: a space at ×%.2f with letters %.2f %% apart, more than ×%.2f", c.width, s, 100*trk, c.maxSpace)
			}
			if s > 1.25+1e-9 && trk < 0.015-1e-9 {
				t.Errorf("width %v: a space at ×%.2f before the letters take 1.5 %% (%.2f %%)", c.width, s, 100*trk)
			}
		}
	}
}

// Ragged text, where a short line costs little, breaks a compound only
// at its own hyphen (a list item of the French A4, whose first line
// ends 34 pt short of its measure).
func TestRaggedCompoundOnlyAtItsHyphen(t *testing.T) {
	st := inter(t)
	const item = "Prendre en charge les incidents, du post-mortem au plan d’action, dans une logique d’amélioration continue."
	for _, width := range []float64{200, 218, 229, 250} {
		p := Set([]Span{{Text: item, Style: st}}, Options{Width: width, Align: Left, Hyphen: realFrench(t)})
		for _, l := range p.Lines {
			if strings.HasSuffix(l.Text(), "mor-") {
				t.Errorf("width %v: %q breaks inside the compound", width, l.Text())
			}
		}
	}
}

// The last word of a justified paragraph is hyphenated only where no
// other break spares the line before it spaces stretched far past ×1.5
// (the German letter's pay lead-in: "je nach / Berufserfahrung." at
// ×3.25); a ragged paragraph's, never.
func TestLastWordHyphenatedAsLastResort(t *testing.T) {
	st := inter(t)
	h := realHyphenator(t, "de")
	const lead = "Jährliches Bruttogehalt in Frankreich, je nach Berufserfahrung."
	nat := st.Width("Jährliches Bruttogehalt in Frankreich, je nach")
	for _, c := range []struct {
		name   string
		width  float64
		align  Align
		inside bool // the last word breaks
	}{
		{"justified, too loose otherwise", nat + 40, Justify, true},
		{"justified, loose enough", nat + 5, Justify, false},
		{"ragged", nat + 40, Left, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := Set([]Span{{Text: lead, Style: st}}, Options{Width: c.width, Align: c.align, Hyphen: h})
			if len(p.Lines) != 2 {
				t.Fatalf("%d lines: %q", len(p.Lines), text(p.Lines))
			}
			last := p.Lines[len(p.Lines)-1].Text()
			if got := last != "Berufserfahrung."; got != c.inside {
				t.Errorf("last line %q: the last word broken %v, want %v", last, got, c.inside)
			}
			if c.align == Justify {
				for _, s := range p.Lines[0].Spaces {
					if s > 1.5 {
						t.Errorf("first line %q: a space at ×%.2f", p.Lines[0].Text(), s)
					}
				}
			}
		})
	}
}

// realHyphenator is the hyphenator of a language, as the layout uses it.
func realHyphenator(t testing.TB, lang string) Hyphenator {
	t.Helper()
	h, err := hyphen.For(lang)
	if err != nil {
		t.Fatal(err)
	}
	return h
}
