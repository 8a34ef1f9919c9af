package layout

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/brochure-dev/brochure/internal/font"

	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/typeset"
)

// para is a set paragraph: lines in one style role, ready to draw.
type para struct {
	lines   []typeset.Line
	leading float64
	// ascent and descent of the style, in points (descent positive).
	ascent, descent float64
	tag             string
	lang            string // the text's language
	// width is the measure the lines were set in; room is where the
	// measure is on the page being drawn (frame.Text.Room).
	width float64
	room  [2]float64
	// node is the structure element the text belongs to (nil: none yet,
	// which tests catch); links holds the Link elements of its links, by
	// address, made under node, or under linksIn when node is an artifact
	// (a running footer's address is still a link a reader can reach).
	node    *frame.Node
	linksIn *frame.Node
	links   map[string]*frame.Node
}

// as puts the paragraph's text in structure element n and returns it.
func (p *para) as(n *frame.Node) *para {
	p.node = n
	return p
}

// linkNode is the Link element of the paragraph's link to uri.
func (p *para) linkNode(uri string) *frame.Node {
	if l := p.links[uri]; l != nil {
		return l
	}
	parent := p.node
	if parent.IsArtifact() {
		parent = p.linksIn
	}
	if parent == nil {
		return nil
	}
	if p.links == nil {
		p.links = map[string]*frame.Node{}
	}
	l := parent.Add(frame.RoleLink)
	p.links[uri] = l
	return l
}

// set breaks spans into lines of the given width with the leading of a
// style, and records the paragraph's spacing in the report.
func (c *composer) set(spans []typeset.Span, st design.Style, width float64, tag string) *para {
	p := typeset.Set(c.withFallback(spans), typeset.Options{Width: width, Align: align(st), Hyphen: c.hyphen, Cache: c.cache})
	return c.newPara(p, st, width, tag)
}

// newPara records a set paragraph in the report and readies it to draw.
func (c *composer) newPara(p typeset.Paragraph, st design.Style, width float64, tag string) *para {
	c.report.paragraph(p, st.Justify)
	return &para{
		lines:   p.Lines,
		leading: st.Leading,
		ascent:  st.Face.Ascent() * st.Size / 1000,
		descent: -st.Face.Descent() * st.Size / 1000,
		tag:     tag,
		lang:    c.doc.Lang,
		width:   width,
	}
}

// setBalanced sets display text (a title, a tagline, the call to action)
// ragged in lines of even length, rather than full lines and a short last
// one ("… heart of the / SRE."): it takes the narrowest width, to within
// 2 points and down to half of width, that keeps the line count. A
// paragraph whose last line is already two thirds of its longest is left
// as it is. Only the report's entry is the chosen one.
func (c *composer) setBalanced(spans []typeset.Span, st design.Style, width float64, tag string) *para {
	setter := typeset.NewSetter(c.withFallback(spans), typeset.Options{Align: align(st), Hyphen: c.hyphen, Cache: c.cache})
	best := setter.Set(width)
	n := len(best.Lines)
	if n >= 2 && !st.Justify {
		fits := func(p typeset.Paragraph, w float64) bool {
			if len(p.Lines) != n || p.Greedy {
				return false
			}
			for _, l := range p.Lines {
				if l.Width > w+0.01 || l.Hyphenated {
					return false
				}
			}
			return true
		}
		// Lines of even length are at least the average length long;
		// a last line two thirds as long as the longest needs nothing.
		total, longest := 0.0, 0.0
		for _, l := range best.Lines {
			total += l.Width
			longest = max(longest, l.Width)
		}
		lo, hi := max(width/2, total/float64(n)), width
		if best.Lines[n-1].Width >= longest*2/3 {
			lo = hi
		}
		narrowest(lo, hi, 2, func(w float64) bool {
			p := setter.Set(w)
			ok := fits(p, w)
			if ok {
				best = p
			}
			return ok
		})
	}
	return c.newPara(best, st, width, tag)
}

func align(st design.Style) typeset.Align {
	if st.Justify {
		return typeset.Justify
	}
	return typeset.Left
}

// plain makes a single span of text in a style role.
func plain(text string, st design.Style) []typeset.Span {
	return []typeset.Span{{Text: text, Style: tstyle(st)}}
}

func tstyle(st design.Style) typeset.Style {
	return typeset.Style{Face: st.Face, Size: st.Size, Color: st.Color}
}

// lineHeight is the height of n lines: each line box is one leading high
// and the glyphs' ascent and descent are centred in it.
func (p *para) height() float64 { return float64(len(p.lines)) * p.leading }

// baseline is the baseline of line i below top.
func (p *para) baseline(top float64, i int) float64 {
	half := (p.leading - p.ascent - p.descent) / 2
	return top + float64(i)*p.leading + half + p.ascent
}

// drawLine adds line i of p at x, its line box starting at top.
func (p *para) drawLine(pg *frame.Page, i int, x, top float64) {
	p.room = [2]float64{x, x + p.width}
	p.drawRuns(pg, p.lines[i], x, p.baseline(top, 0))
}

// draw adds all lines of p from top.
func (p *para) draw(pg *frame.Page, x, top float64) {
	p.room = [2]float64{x, x + p.width}
	for i := range p.lines {
		p.drawRuns(pg, p.lines[i], x, p.baseline(top, i))
	}
}

// drawRuns adds a line's runs on a baseline, and link areas for runs that
// are links.
func (p *para) drawRuns(pg *frame.Page, l typeset.Line, x, baseline float64) {
	for k, r := range l.Runs {
		t := &frame.Text{X: x + r.X, Y: baseline, Text: r.Text, Face: r.Style.Face, Size: r.Style.Size, Color: r.Style.Color, Width: r.Width, Tracking: r.Tracking, Tag: p.tag, Lang: p.lang, Room: p.room, Struct: p.node,
			Hyphen: l.Hyphenated && k == len(l.Runs)-1 && strings.HasSuffix(r.Text, "-")}
		if r.Link == "" {
			pg.Add(t)
			continue
		}
		l := p.linkNode(r.Link)
		if !p.node.IsArtifact() {
			t.Struct = l
		}
		pg.Add(t, &frame.Link{Rect: t.Bounds(), URI: r.Link, Struct: l})
	}
}

// maxWidth is the width of the widest line.
func (p *para) maxWidth() float64 {
	w := 0.0
	for _, l := range p.lines {
		w = max(w, l.Width)
	}
	return w
}

// setLine sets spans on a single line of width w (a running header or
// footer): text too long for it is cut short with an ellipsis, and the
// report says so.
func (c *composer) setLine(spans []typeset.Span, st design.Style, w float64, tag string) *para {
	opt := typeset.Options{Width: w, Align: typeset.Left}
	spans = c.withFallback(spans)
	if p := typeset.Set(spans, opt); len(p.Lines) <= 1 {
		return c.newPara(p, st, w, tag)
	}
	full := ""
	for _, sp := range spans {
		full += sp.Text
	}
	c.report.warnOnce(fmt.Sprintf("the %s %q is too long for one line: cut short", tag, shorten(full, 40)))
	// The longest beginning that fits with an ellipsis.
	keep := func(n int) []typeset.Span {
		var out []typeset.Span
		for _, sp := range spans {
			rs := []rune(sp.Text)
			if n < len(rs) {
				sp.Text = strings.TrimRight(string(rs[:n]), " ") + "…"
				return append(out, sp)
			}
			n -= len(rs)
			out = append(out, sp)
		}
		return out
	}
	lo, hi := 0, utf8.RuneCountInString(full)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if p := typeset.Set(keep(mid), opt); len(p.Lines) == 0 || len(p.Lines) == 1 && p.Lines[0].Width <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return c.newPara(typeset.Set(keep(lo), opt), st, w, tag)
}

// withFallback sets the characters a span's face lacks in the layout's
// fallback face, where that has them: runs of them become spans of their
// own, in the same size, colour and link.
func (c *composer) withFallback(spans []typeset.Span) []typeset.Span {
	fb := c.lay.Fallback
	if fb == nil {
		return spans
	}
	var out []typeset.Span
	for _, sp := range spans {
		start, fallback := 0, false
		for i, r := range sp.Text {
			use := !sp.Style.Face.Has(r) && fb.Has(r)
			if i > start && use != fallback {
				out = append(out, inFace(sp, sp.Text[start:i], fallback, fb))
				start = i
			}
			fallback = use
		}
		out = append(out, inFace(sp, sp.Text[start:], fallback, fb))
	}
	return out
}

// inFace is a piece of span sp, in the fallback face when fallback is
// set.
func inFace(sp typeset.Span, text string, fallback bool, fb *font.Face) typeset.Span {
	sp.Text = text
	if fallback {
		sp.Style.Face = fb
	}
	return sp
}
