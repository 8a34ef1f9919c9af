// Package typeset measures text and breaks it into lines.
//
// Text comes as spans (a string in one style); lines come out as runs
// positioned from the line's start. Lines break only at U+0020 spaces,
// never at the no-break spaces U+00A0 and U+202F that French typography
// puts before punctuation and units. A word too long for a line alone is
// broken after a slash or a hyphen, and only as a last resort anywhere.
package typeset

import (
	"strings"
	"unicode"

	"github.com/brochure-dev/brochure/internal/color"
	"github.com/brochure-dev/brochure/internal/font"
)

// Style is how a span is set.
type Style struct {
	Face  *font.Face
	Size  float64 // points
	Color color.Color
}

// Width is the advance of s in this style, in points, with the font's
// pair kerning (the PDF exporter draws the same adjustments).
func (st Style) Width(s string) float64 { return st.Face.KernedWidth(s, st.Size) }

// measure returns Width(s) and the same in 1/1000 em before the size
// (font.Face.KernedUnits): at another size the width is remade from the
// units, to the bit what Width gives.
func (st Style) measure(s string) (units int, width float64) {
	units = st.Face.KernedUnits(s)
	return units, float64(units) * st.Size / 1000
}

// Span is text in one style, optionally a link.
type Span struct {
	Text  string
	Style Style
	Link  string // a URI, or ""
}

// Run is a piece of a line in one style, placed X points from the line's
// start.
type Run struct {
	Text  string
	Style Style
	X     float64
	Width float64
	Link  string
	// SpaceBefore is true when a (stretched) space precedes the run in a
	// justified line; the space is not part of Text.
	SpaceBefore bool
	// Tracking is letter-spacing added after each glyph, in points;
	// Width includes it.
	Tracking float64
}

// Line is a set line.
type Line struct {
	Runs  []Run
	Width float64 // from the start of the first run to the end of the last
	// Hyphenated is true when the line ends with a hyphen the breaker
	// added.
	Hyphenated bool
	// InWord is true when the line ends inside a word: at a hyphen,
	// added or the word's own, after a slash, inside an address, or
	// between two letters of a word too long for the line.
	InWord bool
	// Ratio is the adjustment ratio of a justified line: how far its
	// spaces stretch (> 0, a fraction of their stretchability) or shrink.
	Ratio float64
	// Spaces are the widths of a justified line's spaces as multiples of
	// their natural width.
	Spaces []float64

	newWord bool // the next text starts a new run (after a stretched space)
}

// piece is an unbreakable fragment of a word, or a space (glue).
type piece struct {
	text  string
	width float64
	units int   // width before the span's size (see Style.measure)
	span  int32 // index of the span it comes from
	glue  bool
}

// Break sets spans into lines no wider than width points.
func Break(spans []Span, width float64) []Line {
	words := split(spans)
	for _, w := range words {
		for i, p := range w.pieces {
			if t := invisible(p.text, spans[p.span].Style, false); t != p.text {
				w.pieces[i].text, w.pieces[i].width = t, spans[p.span].Style.Width(t)
			}
		}
	}
	var lines []Line
	var cur []piece // the line being filled, without trailing glue
	curW := 0.0
	flush := func() {
		if len(cur) > 0 {
			lines = append(lines, assemble(cur, spans))
		}
		cur, curW = nil, 0
	}
	for _, w := range words {
		glue, word := w.glue, w.pieces
		ww := total(word)
		if len(cur) > 0 && curW+glue.width+ww <= width+1e-9 {
			cur = append(append(cur, glue), word...)
			curW += glue.width + ww
			continue
		}
		flush()
		if ww <= width {
			cur, curW = append(cur, word...), ww
			continue
		}
		// A word wider than the line: break it inside.
		for _, part := range breakWord(word, spans, width) {
			flush()
			cur, curW = part, total(part)
		}
	}
	flush()
	return lines
}

// word is a word's pieces and the glue before it.
type word struct {
	glue   piece
	pieces []piece
}

// split cuts spans into words at U+0020, keeping the style of each piece.
// The words' pieces share one array, and neither the words nor the
// spans' parts are grown one by one: Set splits every paragraph it sets,
// once per attempt at fitting a page.
func split(spans []Span) []word {
	n := 1
	for _, sp := range spans {
		n += strings.Count(sp.Text, " ")
	}
	words := make([]word, 0, n)
	pieces := make([]piece, 0, n+len(spans))
	var cur word // its pieces are pieces[start:] until it is closed
	start := 0
	pendingGlue := false
	for i, sp := range spans {
		j := 0
		for p := range strings.SplitSeq(sp.Text, " ") {
			if j > 0 {
				// A space: close the current word.
				if len(pieces) > start {
					cur.pieces = pieces[start:len(pieces):len(pieces)]
					words = append(words, cur)
					cur, start = word{}, len(pieces)
				}
				if !pendingGlue {
					u, w := sp.Style.measure(" ")
					cur.glue = piece{text: " ", span: int32(i), width: w, units: u, glue: true}
					pendingGlue = true
				}
			}
			j++
			if p = invisible(p, sp.Style, true); p != "" {
				u, w := sp.Style.measure(p)
				pieces = append(pieces, piece{text: p, span: int32(i), width: w, units: u})
				pendingGlue = false
			}
		}
	}
	if len(pieces) > start {
		cur.pieces = pieces[start:len(pieces):len(pieces)]
		words = append(words, cur)
	}
	return words
}

// invisible drops from s the format characters (joiners, marks of
// direction…) that the style's face has no glyph for: they are not drawn
// and measure nothing. Soft hyphens go too unless keepSoft, for the
// breaker to use them.
func invisible(s string, st Style, keepSoft bool) string {
	drop := func(r rune) bool {
		return unicode.Is(unicode.Cf, r) && (r == softHyphen && !keepSoft || r != softHyphen && !st.Face.Has(r))
	}
	if strings.IndexFunc(s, drop) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if drop(r) {
			return -1
		}
		return r
	}, s)
}

// Visible is s as it is drawn on one line in style st: without soft
// hyphens, nor the format characters the face lacks.
func Visible(s string, st Style) string { return invisible(s, st, false) }

func total(ps []piece) float64 {
	w := 0.0
	for _, p := range ps {
		w += p.width
	}
	return w
}

// assemble merges pieces of the same span into runs.
func assemble(ps []piece, spans []Span) Line {
	var line Line
	x := 0.0
	for _, p := range ps {
		n := len(line.Runs)
		if n > 0 && line.Runs[n-1].Link == spans[p.span].Link && line.Runs[n-1].Style == spans[p.span].Style {
			line.Runs[n-1].Text += p.text
			line.Runs[n-1].Width += p.width
		} else {
			line.Runs = append(line.Runs, Run{Text: p.text, Style: spans[p.span].Style, X: x, Width: p.width, Link: spans[p.span].Link})
		}
		x += p.width
	}
	line.Width = x
	return line
}
