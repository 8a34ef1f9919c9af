package typeset

import (
	"strings"
	"testing"
)

// fakeHyphens hyphenates the words it knows, at the marked places:
// "in-fra-struc-ture".
type fakeHyphens map[string]string

func (h fakeHyphens) Points(word string) []int {
	prefix := ""
	if i := strings.Index(word, "’"); i >= 0 {
		prefix, word = word[:i+len("’")], word[i+len("’"):]
	}
	marked, ok := h[strings.ToLower(word)]
	if !ok {
		return nil
	}
	var pts []int
	off := len(prefix)
	for _, part := range strings.Split(marked, "-") {
		off += len(part)
		pts = append(pts, off)
	}
	return pts[:len(pts)-1]
}

var hyphens = fakeHyphens{
	"infrastructure": "in-fra-struc-ture", "développement": "dé-ve-lop-pe-ment",
	"administration": "ad-mi-nis-tra-tion", "automatisation": "au-to-ma-ti-sa-tion",
	"disponibilité": "dis-po-ni-bi-li-té", "performance": "per-for-mance",
	"exploitation": "ex-ploi-ta-tion", "équipes": "équipes", "systèmes": "sys-tèmes",
	"observabilité": "ob-ser-va-bi-li-té", "continuité": "con-ti-nuité",
}

const french = "Trait d’union entre les équipes de développement et celles de l’infrastructure, le SRE automatise l’exploitation, garde un œil constant sur les systèmes et prend les incidents en main, avec un objectif\u00a0: une qualité de service élevée. L’essor du cloud et des architectures distribuées a fait de ce profil le garant de la continuité du service."

// spaceScale is how much a line's spaces must stretch, as a multiple of
// their natural width, for the line to fill width.
func spaceScale(l Line, st Style, width float64) float64 {
	text := ""
	for _, r := range l.Runs {
		text += r.Text
	}
	n := strings.Count(text, " ")
	if n == 0 {
		return 1
	}
	return 1 + (width-l.Width)/(float64(n)*st.Width(" "))
}

func TestJustifiedBeatsGreedy(t *testing.T) {
	st := inter(t)
	for _, width := range []float64{180, 220, 260} {
		p := Set([]Span{{Text: french, Style: st}}, Options{Width: width, Align: Justify, Hyphen: realFrench(t)})
		if p.Greedy {
			t.Fatalf("width %v: fell back to greedy", width)
		}
		worst := 0.0
		for i, l := range p.Lines[:len(p.Lines)-1] {
			if d := l.Width - width; d > 0.01 || d < -0.01 {
				t.Errorf("width %v: justified line %d is %.2f wide", width, i, l.Width)
			}
			for _, s := range l.Spaces {
				worst = max(worst, s)
			}
		}
		greedy := Break([]Span{{Text: french, Style: st}}, width)
		worstGreedy := 0.0
		for _, l := range greedy[:len(greedy)-1] {
			worstGreedy = max(worstGreedy, spaceScale(l, st, width))
		}
		for _, l := range p.Lines {
			t.Logf("%6.2f %q", l.Ratio, l.Text())
		}
		t.Logf("width %v: %d lines, widest space ×%.2f (greedy ×%.2f)", width, len(p.Lines), worst, worstGreedy)
		if worst > 1.5 {
			t.Errorf("width %v: a space stretches ×%.2f, more than ×1.5", width, worst)
		}
		if worst > worstGreedy+1e-9 {
			t.Errorf("width %v: total fit ×%.2f is worse than greedy ×%.2f", width, worst, worstGreedy)
		}
	}
}

func realFrench(t testing.TB) Hyphenator {
	t.Helper()
	return realHyphenator(t, "fr")
}

func TestSetRules(t *testing.T) {
	st := inter(t)
	for _, align := range []Align{Left, Justify} {
		for _, width := range []float64{90, 120, 160, 200} {
			p := Set([]Span{{Text: french + " Infrastructure", Style: st}}, Options{Width: width, Align: align, Hyphen: hyphens})
			run := 0
			var words []string
			for i, l := range p.Lines {
				text := l.Text()
				if l.Width > width+0.01 {
					t.Errorf("align %d width %v: line %q is %.2f wide", align, width, text, l.Width)
				}
				if strings.HasPrefix(text, ":") || strings.HasPrefix(text, "une qualité") && strings.HasSuffix(words[len(words)-1], "objectif") {
					t.Errorf("align %d width %v: line %d breaks at a no-break space: %q", align, width, i, text)
				}
				if l.Hyphenated {
					run++
					if run > 2 {
						t.Errorf("align %d width %v: three hyphenated lines in a row, ending at %d", align, width, i)
					}
					if i == len(p.Lines)-1 {
						t.Errorf("align %d width %v: the last line ends hyphenated", align, width)
					}
				} else {
					run = 0
				}
				words = append(words, strings.Fields(text)...)
			}
			last := p.Lines[len(p.Lines)-1]
			if last.Hyphenated || !strings.HasSuffix(last.Runs[len(last.Runs)-1].Text, "Infrastructure") {
				t.Errorf("align %d width %v: the last word was hyphenated", align, width)
			}
			// Nothing lost: joining lines, with hyphens removed, gives the text.
			joined := ""
			for _, l := range p.Lines {
				joined += l.Text()
				if l.Hyphenated {
					joined = strings.TrimSuffix(joined, "-")
				} else {
					joined += " "
				}
			}
			if strings.Join(strings.Fields(joined), " ") != strings.Join(strings.Fields(french+" Infrastructure"), " ") {
				t.Errorf("align %d width %v: text changed:\n%s", align, width, joined)
			}
		}
	}
}

func BenchmarkSetJustified(b *testing.B) {
	st := inter(b)
	spans := []Span{{Text: french, Style: st}}
	b.ReportAllocs()
	for b.Loop() {
		Set(spans, Options{Width: 240, Align: Justify, Hyphen: hyphens})
	}
}

// TestNoBreakAtPunctuation checks that, even with plain spaces (typography
// off), no line starts with "! ? : ;" or closing quotes, and none ends
// with opening ones.
func TestNoBreakAtPunctuation(t *testing.T) {
	st := inter(t)
	text := "Pourquoi recruter un SRE ? Parce que « la fiabilité » compte : toujours ; vraiment !"
	// From the width of the longest word with its mark on.
	for w := st.Width("fiabilité »") + 1; w <= 200; w += 5 {
		for _, align := range []Align{Left, Justify} {
			p := Set([]Span{{Text: text, Style: st}}, Options{Width: w, Align: align})
			if p.Greedy {
				t.Errorf("width %v: no total-fit solution", w)
			}
			for _, l := range p.Lines {
				s := strings.TrimSpace(l.Text())
				if strings.ContainsAny(s[:1], "?!:;»") || strings.HasSuffix(s, "«") {
					t.Errorf("width %v: line %q breaks at punctuation", w, s)
				}
			}
		}
	}
}
