package typeset

import (
	"slices"
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
	text            string
	width           float64
	stretch, shrink float64
	penalty         float64
	// units is width in 1/1000 em of the span's face, before its size
	// (see Style.measure): a Cache sets the items again at other sizes.
	units      int
	span       int32
	kind       kind
	flagged    bool
	addsHyphen bool // breaking here adds a hyphen (a hyphenation point)
	forced     bool // the break is inside a word wider than the line
	// address: the break is inside a web or e-mail address; a justified
	// line ending there is set ragged, with a ragged line's stretch.
	address bool
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
// points, at soft hyphens, after explicit hyphens and slashes, and in web
// and e-mail addresses before '.', '@', '?', '#', '&' and '='. justify
// gives the glue its stretch and shrink; ragged text keeps spaces at
// their width. A box still wider than the line is cut by anywhere.
//
// words are split(spans): a Setter splits once for both its lists of
// items.
func items(words []word, spans []Span, hy Hyphenator, justify bool) []item {
	// About a box and a glue a word, and a few more for its breaks: one
	// allocation for most paragraphs.
	out := make([]item, 0, 2*len(words)+len(words)/2+4)
	for i, w := range words {
		if len(out) > 0 {
			g := w.glue
			it := item{kind: glue, width: g.width, units: g.units, span: g.span}
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
		h, last := hy, i == len(words)-1
		if last && !justify {
			h = nil // the last word of a ragged paragraph is never hyphenated
		}
		out = wordItems(out, w.pieces, spans, h, justify, last)
	}
	// The end: fill the last line, and break (never before the fill, as
	// TeX's \penalty10000 \parfillskip: that would leave an empty line).
	out = append(out, item{kind: penalty, penalty: infinity}, item{kind: glue, stretch: infinity}, item{kind: penalty, penalty: -infinity})
	return out
}

// softHyphen (U+00AD) marks where a word may be hyphenated; it is not
// drawn unless the line breaks there, as a hyphen.
const softHyphen = '\u00ad'

// isAddress reports whether a word is a web or e-mail address, which
// breaks at its punctuation and is never hyphenated.
func isAddress(w string) bool {
	if strings.Contains(w, "://") || len(w) >= 4 && strings.EqualFold(w[:4], "www.") {
		return true
	}
	at := strings.IndexByte(w, '@')
	return at > 0 && strings.Contains(w[at:], ".")
}

// closing is punctuation that may follow a word without being part of it.
func closing(r rune) bool { return strings.ContainsRune(".,;:!?)]}»›'’\"”", r) }

// wordItems cuts one word, made of pieces in possibly several styles,
// into boxes with penalties where it may break, and appends them to out.
// In justified text (justify), a compound written with a hyphen may also
// break inside its parts, and the last word of a paragraph (last) at
// its hyphenation points, at a high cost (compoundPenalty): only where no other break
// spares a line spaces stretched far past ×1.5 ("je nach /
// Berufserfahrung." over two lines stretched the first line's spaces
// ×3.25). Ragged text, where a short line costs little, does neither.
func wordItems(out []item, pieces []piece, spans []Span, hy Hyphenator, justify, last bool) []item {
	text := pieces[0].text
	if len(pieces) > 1 {
		var word strings.Builder
		for _, p := range pieces {
			word.WriteString(p.text)
		}
		text = word.String()
	}
	address := isAddress(text)
	// The end of the address, before punctuation closing the sentence.
	end := len(strings.TrimRightFunc(text, closing))
	// cuts are the hyphenation points, byte offsets in text, increasing,
	// with their cost. An author's soft hyphens are the only points of
	// their word (as in TeX); they are handled as they come.
	var cuts []cut
	if hy != nil && !address && !strings.ContainsRune(text, softHyphen) {
		// Ask about the word without the punctuation around it.
		core := strings.TrimLeftFunc(text, notLetter)
		lead := len(text) - len(core)
		core = strings.TrimRightFunc(core, notLetter)
		points := hy.Points(core)
		cuts = make([]cut, len(points))
		for k, off := range points {
			cuts[k] = cut{lead + off, hyphenPenalty}
		}
		if justify {
			cuts = compoundCuts(cuts, core, lead, hy)
		}
		if last {
			for k := range cuts {
				cuts[k].cost = max(cuts[k].cost, compoundPenalty)
			}
		}
	}
	cutAt := func(off int) (float64, bool) {
		for len(cuts) > 0 && cuts[0].off < off {
			cuts = cuts[1:]
		}
		if len(cuts) > 0 && cuts[0].off == off {
			return cuts[0].cost, true
		}
		return 0, false
	}
	base := len(out)
	start := 0 // offset in text of the piece being cut
	for _, p := range pieces {
		st := spans[p.span].Style
		from := 0
		box := func(to int) {
			if to > from {
				u, w := st.measure(p.text[from:to])
				out = append(out, item{kind: box, text: p.text[from:to], span: p.span, width: w, units: u})
			}
			from = to
		}
		for i, r := range p.text {
			off := start + i
			at := off + utf8.RuneLen(r)
			if r == softHyphen {
				box(i)
				from = i + utf8.RuneLen(r) // never drawn
				if off > 0 && at < len(text) {
					u, w := st.measure("-")
					out = append(out, item{kind: penalty, penalty: hyphenPenalty, flagged: true, addsHyphen: true, width: w, units: u, span: p.span})
				}
				continue
			}
			before := address && off > 0 && off < end && strings.ContainsRune(".@?#&=", r)
			if cost, isCut := cutAt(off); isCut && i > from || before {
				box(i)
				if before {
					out = append(out, item{kind: penalty, penalty: explicitBreak, span: p.span, address: true})
				} else {
					u, w := st.measure("-")
					out = append(out, item{kind: penalty, penalty: cost, flagged: true, addsHyphen: true, width: w, units: u, span: p.span})
				}
			}
			// An address does not break after its hyphens, which a reader
			// would take for added ones.
			explicit := (r == '-' && !address || r == '/' || r == '‐' && !address || r == zwsp) && at < len(text) && off > 0 && text[at] != '/'
			if explicit {
				box(i + utf8.RuneLen(r))
				out = append(out, item{kind: penalty, penalty: explicitBreak, flagged: r != '/' && r != zwsp && !address, span: p.span, address: address})
			}
		}
		box(len(p.text))
		start += len(p.text)
	}
	// No hyphenation point right before the end of the word may leave a
	// penalty last: drop trailing penalties.
	for len(out) > base && out[len(out)-1].kind == penalty {
		out = out[:len(out)-1]
	}
	return out
}

// cut is a hyphenation point: a byte offset in a word, and its cost.
type cut struct {
	off  int
	cost float64
}

// compoundPenalty is the cost of a hyphen added inside a part of a
// compound written with a hyphen ("e-com-merce"): so high that the
// breaker takes it only to spare a line spaces stretched past ×1.5
// (badness above about 300), which no better break can.
const compoundPenalty = 400

// compoundCuts adds to cuts, at compoundPenalty, the hyphenation points
// inside the parts of core, a compound written with a hyphen, that the
// hyphenator does not give for the whole word: the rules break such a
// compound at its own hyphen, and inside a part only as a last resort.
// lead is core's offset in the word; cuts stay in order.
func compoundCuts(cuts []cut, core string, lead int, hy Hyphenator) []cut {
	if !strings.ContainsAny(core, "-‐") {
		return cuts
	}
	n := len(cuts)
	at := 0
	for part := range strings.FieldsFuncSeq(core, func(r rune) bool { return r == '-' || r == '‐' }) {
		at += strings.Index(core[at:], part)
		for _, off := range hy.Points(part) {
			o := lead + at + off
			if !slices.ContainsFunc(cuts[:n], func(c cut) bool { return c.off == o }) {
				cuts = append(cuts, cut{o, compoundPenalty})
			}
		}
		at += len(part)
	}
	slices.SortFunc(cuts, func(a, b cut) int { return a.off - b.off })
	return cuts
}

// forcedBreak is the cost of breaking a word between two letters because
// it is wider than the line: high, so that it happens only where nothing
// else can.
const forcedBreak = 1000

// anywhere cuts the boxes wider than width between characters (CSS's
// overflow-wrap: anywhere; never before a combining mark or a joiner,
// nor after a joiner), with penalties marked forced, so that a word
// wider than the line can be set at all. It returns the new items, or
// nil when no box is that wide.
func anywhere(its []item, spans []Span, width float64) []item {
	wide := false
	for _, it := range its {
		wide = wide || it.kind == box && it.width > width
	}
	if !wide {
		return nil
	}
	var out []item
	for _, it := range its {
		if it.kind != box || it.width <= width {
			out = append(out, it)
			continue
		}
		st := spans[it.span].Style
		from := 0
		prev := rune(0)
		for i, r := range it.text {
			if i > 0 && !clings(r) && prev != zwj {
				t := it.text[from:i]
				cost := forcedBreak
				if unicode.IsUpper(r) && unicode.IsLower(prev) {
					cost /= 5 // between the words of a CamelCase name
				}
				out = append(out, item{kind: box, text: t, span: it.span, width: st.Width(t)},
					item{kind: penalty, penalty: float64(cost), span: it.span, forced: true})
				from = i
			}
			prev = r
		}
		t := it.text[from:]
		out = append(out, item{kind: box, text: t, span: it.span, width: st.Width(t)})
	}
	return out
}

// Zero-width joiner and space.
const zwj, zwsp = '\u200d', '\u200b'

// clings reports whether r belongs with the character before it: a
// combining mark, a joiner or a variation selector.
func clings(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me) || r == zwj || r == '\u200c' || unicode.Is(unicode.Variation_Selector, r) || (r >= 0x1F3FB && r <= 0x1F3FF)
}
