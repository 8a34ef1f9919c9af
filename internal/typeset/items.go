package typeset

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// noBreakAround reports whether the space between two words must not
// break: the second starts with closing punctuation or a mark that
// French sets after a space, or the first ends with opening punctuation.
func noBreakAround(before, after word) bool {
	first, _ := utf8.DecodeRuneInString(after.pieces[0].text)
	lastPiece := before.pieces[len(before.pieces)-1].text
	last, _ := utf8.DecodeLastRuneInString(lastPiece)
	return strings.ContainsRune("!?:;»)]}›%", first) || strings.ContainsRune("«([{‹", last)
}

// Hyphenator finds where a word may be hyphenated: byte offsets into the
// word.
type Hyphenator interface {
	Points(word string) []int
}

// kind of a paragraph item, in the sense of Knuth and Plass.
type kind uint8

const (
	box     kind = iota // text that is set as it is
	glue                // a space that may stretch or shrink
	penalty             // a place where a line may break, at a cost
)

// item is a box, glue or penalty. A box carries a piece of text in the
// style of one span; a flagged penalty marks a hyphenated break, whose
// width is the hyphen's.
type item struct {
	kind            kind
	text            string
	span            int
	width           float64
	stretch, shrink float64
	penalty         float64
	flagged         bool
	addsHyphen      bool // breaking here adds a hyphen (a hyphenation point)
}

const infinity = 10000

// Penalties, as in TeX.
const (
	hyphenPenalty  = 50   // a break at a hyphenation point
	explicitBreak  = 50   // a break after an explicit hyphen or a slash
	doubleHyphen   = 3000 // extra demerits for two hyphenated lines in a row
	fitnessDemerit = 100  // extra demerits for lines of very different tightness
	linePenalty    = 10
	maxHyphens     = 2 // hyphenated lines in a row, at most
)

// items turns spans into boxes, glue and penalties. Spaces (U+0020) are
// glue; no-break spaces stay inside boxes. Words are cut at hyphenation
// points and after explicit hyphens and slashes. justify gives the glue
// its stretch and shrink; ragged text keeps spaces at their width.
func items(spans []Span, hy Hyphenator, justify bool) []item {
	var out []item
	words := split(spans)
	for i, w := range words {
		if len(out) > 0 {
			g := w.glue
			it := item{kind: glue, width: g.width, span: g.span}
			if justify {
				it.stretch, it.shrink = g.width/2, g.width/3
			}
			if noBreakAround(words[i-1], w) {
				// As UAX #14 says: no break before closing punctuation
				// or "! ? : ;", nor after opening punctuation.
				out = append(out, item{kind: penalty, penalty: infinity})
			}
			out = append(out, it)
		}
		h := hy
		if i == len(words)-1 {
			h = nil // the last word of a paragraph is never hyphenated
		}
		out = append(out, wordItems(w.pieces, spans, h)...)
	}
	// The end: fill the last line, and break.
	out = append(out, item{kind: glue, stretch: infinity}, item{kind: penalty, penalty: -infinity})
	return out
}

// wordItems cuts one word, made of pieces in possibly several styles,
// into boxes with penalties where it may break.
func wordItems(pieces []piece, spans []Span, hy Hyphenator) []item {
	var word strings.Builder
	for _, p := range pieces {
		word.WriteString(p.text)
	}
	text := word.String()
	cuts := map[int]bool{} // byte offset → hyphenation point
	if hy != nil {
		// Ask about the word without the punctuation around it.
		core := strings.TrimLeftFunc(text, notLetter)
		lead := len(text) - len(core)
		core = strings.TrimRightFunc(core, notLetter)
		for _, off := range hy.Points(core) {
			cuts[lead+off] = true
		}
	}
	var out []item
	start := 0 // offset in text of the piece being cut
	for _, p := range pieces {
		st := spans[p.span].Style
		from := 0
		for i, r := range p.text {
			at := start + i + utf8.RuneLen(r)
			explicit := (r == '-' || r == '/' || r == '‐') && at < len(text) && i > 0
			if !explicit && !cuts[start+i] {
				continue
			}
			if cuts[start+i] && i > from {
				out = append(out, item{kind: box, text: p.text[from:i], span: p.span, width: st.Width(p.text[from:i])})
				from = i
				out = append(out, item{kind: penalty, penalty: hyphenPenalty, flagged: true, addsHyphen: true, width: st.Width("-"), span: p.span})
			}
			if explicit {
				end := i + utf8.RuneLen(r)
				out = append(out, item{kind: box, text: p.text[from:end], span: p.span, width: st.Width(p.text[from:end])})
				from = end
				out = append(out, item{kind: penalty, penalty: explicitBreak, flagged: r != '/', span: p.span})
			}
		}
		if from < len(p.text) {
			out = append(out, item{kind: box, text: p.text[from:], span: p.span, width: st.Width(p.text[from:])})
		}
		start += len(p.text)
	}
	// No hyphenation point right before the end of the word may leave a
	// penalty last: drop trailing penalties.
	for len(out) > 0 && out[len(out)-1].kind == penalty {
		out = out[:len(out)-1]
	}
	return out
}
