package typeset

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// Align says how lines fill their width.
type Align uint8

// Alignments.
const (
	Left    Align = iota // ragged right
	Justify              // both edges; the last line ragged
)

// Options control how a paragraph is set.
type Options struct {
	Width  float64 // points
	Align  Align
	Hyphen Hyphenator // nil: no hyphenation
	// Cache, when set, keeps the paragraph's words and items for a
	// Setter of the same text at other sizes (see Cache).
	Cache *Cache
}

// Paragraph is a set paragraph.
type Paragraph struct {
	Lines []Line
	// Greedy is true when no total-fit solution was found within the
	// tolerances and lines were filled one by one.
	Greedy bool
	// Forced lists the words wider than the line that were broken
	// between two letters, without a hyphen.
	Forced []string
}

// Tolerances tried in turn: first without hyphenation (TeX's
// pretolerance), then with it, then looser, and at last anything that
// fits (TeX's emergency pass).
var tolerances = []float64{1, 1, 1.5, 2, 4, 10, 1e6}

// raggedStretch is the elastic right margin of ragged lines, in ems of
// the first span's size.
const raggedStretch = 3

// Set breaks spans into lines with the total-fit algorithm.
func Set(spans []Span, opt Options) Paragraph {
	return NewSetter(spans, opt).Set(opt.Width)
}

// Setter sets one paragraph at several widths, as a title is tried
// narrower and narrower to even its lines: its words are split, measured
// and hyphenated once, not at each width. It is not safe for concurrent
// use.
type Setter struct {
	spans    []Span
	opt      Options
	ragged   float64   // the right margin's stretch of a ragged line
	spanSize []float64 // each span's type size
	words    []word
	// whole holds the items without and with hyphenation points (made on
	// first use), no box cut for being too wide; cut the last made for a
	// line narrower than their widest box (see anywhere).
	whole, cut [2]*itemList
	// prep is the paragraph's entry in opt.Cache; nil without one.
	prep *prepared
}

// itemList is a paragraph's items, the widest of their boxes, the width
// they were cut for, and the running sums the breaker measures lines with.
type itemList struct {
	items            []item
	widest, width    float64
	sumW, sumY, sumZ []float64
}

// NewSetter readies spans to be set as opt says; opt.Width is not used.
func NewSetter(spans []Span, opt Options) *Setter {
	s := &Setter{spans: spans, opt: opt}
	if len(spans) > 0 {
		if opt.Align == Left {
			s.ragged = raggedStretch * spans[0].Style.Size
		}
		s.spanSize = sizes(spans)
		if opt.Cache != nil {
			s.prep, s.words = opt.Cache.words(spans, opt)
		} else {
			s.words = split(spans)
		}
	}
	return s
}

// Set breaks the paragraph into lines of the given width.
func (s *Setter) Set(width float64) Paragraph {
	if len(s.spans) == 0 {
		return Paragraph{}
	}
	for pass, tol := range tolerances {
		l := s.items(pass > 0 && s.opt.Hyphen != nil, width)
		b := &breaker{items: l.items, width: width, ragged: s.ragged, sumW: l.sumW, sumY: l.sumY, sumZ: l.sumZ,
			tolerance: tol, spanSize: s.spanSize, overfull: pass == len(tolerances)-1}
		if end := b.run(); end != nil {
			return Paragraph{Lines: b.lines(end, s.spans, s.opt.Align), Forced: b.forced(end)}
		}
	}
	return Paragraph{Lines: Break(s.spans, width), Greedy: true}
}

// items returns the paragraph's items, with hyphenation points or not,
// for lines of width: those made once for any width, or, when one of
// their boxes is wider, those with such boxes cut between their letters.
func (s *Setter) items(hyphens bool, width float64) *itemList {
	k, hy := 0, Hyphenator(nil)
	if hyphens {
		k, hy = 1, s.opt.Hyphen
	}
	justify := s.opt.Align == Justify
	if s.whole[k] == nil {
		build := func() []item { return items(s.words, s.spans, hy, justify) }
		its := s.prep.items(k, s.spans, justify, build)
		s.whole[k] = newItemList(its, math.Inf(1))
	}
	if s.whole[k].widest <= width {
		return s.whole[k]
	}
	if c := s.cut[k]; c == nil || c.width != width {
		s.cut[k] = newItemList(anywhere(s.whole[k].items, s.spans, width), width)
	}
	return s.cut[k]
}

// newItemList adds up the items' widths, stretch and shrink.
func newItemList(items []item, width float64) *itemList {
	n := len(items)
	l := &itemList{items: items, width: width, sumW: make([]float64, n+1), sumY: make([]float64, n+1), sumZ: make([]float64, n+1)}
	for i, it := range items {
		l.sumW[i+1], l.sumY[i+1], l.sumZ[i+1] = l.sumW[i], l.sumY[i], l.sumZ[i]
		switch it.kind {
		case box:
			l.widest = max(l.widest, it.width)
			l.sumW[i+1] += it.width
		case glue:
			l.sumW[i+1] += it.width
			l.sumY[i+1] += it.stretch
			l.sumZ[i+1] += it.shrink
		}
	}
	return l
}

func sizes(spans []Span) []float64 {
	s := make([]float64, len(spans))
	for i, sp := range spans {
		s[i] = sp.Style.Size
	}
	return s
}

// forced lists the words broken by force on the way to end, once each.
func (b *breaker) forced(end *node) []string {
	var words []string
	for n := end; n.prev != nil; n = n.prev {
		if !b.items[n.pos].forced {
			continue
		}
		// The word: the boxes between the glue on either side.
		from, to := n.pos, n.pos
		for from > 0 && b.items[from-1].kind != glue {
			from--
		}
		for to < len(b.items) && b.items[to].kind != glue {
			to++
		}
		var w strings.Builder
		for _, it := range b.items[from:to] {
			if it.kind == box {
				w.WriteString(it.text)
			}
		}
		if !slices.Contains(words, w.String()) {
			words = append(words, w.String())
		}
	}
	slices.Reverse(words)
	return words
}

// lines builds the lines of the breaks ending at end.
func (b *breaker) lines(end *node, spans []Span, align Align) []Line {
	var breaks []*node
	for n := end; n.prev != nil; n = n.prev {
		breaks = append(breaks, n)
	}
	lines := make([]Line, len(breaks))
	var lt lineText // reused from line to line
	start := 0
	for k := len(breaks) - 1; k >= 0; k-- {
		n := breaks[k]
		last := k == 0
		// Justified lines fill the width; the last, and one broken inside
		// an address, are ragged, unless their spaces had to shrink for
		// them to fit.
		stretched := !last && !b.items[n.pos].address
		lines[len(breaks)-1-k] = b.line(&lt, start, n, spans, align == Justify && (stretched || n.ratio < 0))
		// The next line starts at the next box.
		start = n.pos + 1
		for start < len(b.items) && b.items[start].kind != box {
			start++
		}
	}
	return lines
}

// line sets the items from start to the break n; justified lines stretch
// or shrink their spaces by the break's ratio. lt gathers the line.
func (b *breaker) line(lt *lineText, start int, n *node, spans []Span, justify bool) Line {
	lt.reset()
	line := &lt.line
	x := 0.0
	// A line too long (the last resort) keeps its spaces whole: it runs
	// past the right edge rather than over itself.
	r := max(n.ratio, -1)
	if !justify {
		r = 0
	}
	track := 0.0
	if r > easyRatio {
		r, track = b.tracking(start, n, r)
	}
	for i := start; i < n.pos; i++ {
		it := b.items[i]
		switch it.kind {
		case box:
			w := it.width + track*float64(utf8.RuneCountInString(it.text))
			lt.add(it.text, spans[it.span], x, w)
			x += w
		case glue:
			if it.width == 0 {
				continue // the paragraph's final fill
			}
			w := it.width
			switch {
			case r > 0:
				w += r * it.stretch
			case r < 0:
				w += r * it.shrink
			}
			if !justify {
				lt.add(" ", spans[it.span], x, w)
			} else {
				// The space is drawn at the end of the word, so that text
				// extraction sees a real space; the next word is placed
				// after the stretched gap. Width stays the visible width.
				if len(line.Runs) > 0 {
					lt.text = append(lt.text, ' ')
				}
				line.Spaces = append(line.Spaces, w/it.width)
				line.newWord = true
			}
			x += w
		}
	}
	if it := b.items[n.pos]; it.kind == penalty && it.addsHyphen {
		lt.add("-", spans[it.span], x, it.width)
		x += it.width
		line.Hyphenated = true
	}
	if it := b.items[n.pos]; it.kind == penalty && it.penalty > -infinity {
		line.InWord = true
	}
	for i := range line.Runs {
		line.Runs[i].Tracking = track
		line.Runs[i].Width -= track // the spacing after the last glyph is not seen
	}
	line.Width = x - track // the last glyph's spacing is not seen
	line.Ratio = r
	return lt.done()
}

// Letter-spacing limits, as fractions of the type size: the most a
// justified line may take (maxTracking), and what it takes before its
// spaces grow past ×1.25 (easyTracking).
const (
	maxTracking  = 0.04
	easyTracking = 0.015
)

// easyRatio is the ratio at which word spaces are 1.25 times their
// width; looseRatio, 1.5 times.
const easyRatio, looseRatio = 0.5, 1

// tracking spreads what a justified line must stretch beyond ×1.25 word
// spaces (r = easyRatio) over its letters as well as its spaces, as
// InDesign's letter-spacing range does, so that a loose line is grey
// rather than holed (rivers run through wide word spaces, not through
// text a hair more open): first up to easyTracking of letter-spacing,
// then spaces up to ×1.5, then letter-spacing up to maxTracking, then
// spaces again. It returns the new ratio and the spacing added after
// each glyph, in points.
func (b *breaker) tracking(start int, n *node, r float64) (float64, float64) {
	glyphs, stretch, size := -1, 0.0, 0.0
	for i := start; i < n.pos; i++ {
		switch it := b.items[i]; it.kind {
		case box:
			glyphs += utf8.RuneCountInString(it.text)
			size = max(size, b.spanSize[it.span])
		case glue:
			stretch += it.stretch
		}
	}
	if glyphs < 1 || stretch <= 0 {
		return r, 0
	}
	g := float64(glyphs)
	excess := (r - easyRatio) * stretch
	track := min(excess/g, easyTracking*size)
	excess -= track * g
	spaces := min(excess, (looseRatio-easyRatio)*stretch)
	excess -= spaces
	more := min(excess/g, (maxTracking-easyTracking)*size)
	excess -= more * g
	return easyRatio + (spaces+excess)/stretch, track + more
}

// lineText gathers a line: its runs, and their text in one buffer made
// into one string when the line is done, where a run's text grew word
// by word, a new string at each word.
type lineText struct {
	line Line
	text []byte
	at   []int // where each run's text starts in text
}

// reset readies lt for the next line, keeping its buffers.
func (lt *lineText) reset() {
	lt.line = Line{}
	lt.text, lt.at = lt.text[:0], lt.at[:0]
}

// add appends text to the line, merging it into the last run when the
// style and link match and no stretched space comes between.
func (lt *lineText) add(text string, sp Span, x, w float64) {
	l := &lt.line
	n := len(l.Runs)
	if n > 0 && !l.newWord && l.Runs[n-1].Style == sp.Style && l.Runs[n-1].Link == sp.Link {
		l.Runs[n-1].Width += w
	} else {
		l.Runs = append(l.Runs, Run{Style: sp.Style, X: x, Width: w, Link: sp.Link, SpaceBefore: l.newWord})
		lt.at = append(lt.at, len(lt.text))
		l.newWord = false
	}
	lt.text = append(lt.text, text...)
}

// done gives each run its text and returns the line.
func (lt *lineText) done() Line {
	s := string(lt.text)
	for i := range lt.line.Runs {
		end := len(s)
		if i+1 < len(lt.at) {
			end = lt.at[i+1]
		}
		lt.line.Runs[i].Text = s[lt.at[i]:end]
	}
	return lt.line
}

// Text is the line's text, a space where a justified line stretched one.
func (l Line) Text() string {
	s := ""
	for _, r := range l.Runs {
		if r.SpaceBefore {
			s += " "
		}
		s += r.Text
	}
	return s
}
