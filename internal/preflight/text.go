package preflight

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text: the text operators of ISO 32000-1 §9.3–9.4 and the safe-zone check.
//
// How text is measured (an approximation, good for a preflight): each
// string shown by Tj, TJ, ' or " becomes one box in text space, from the
// first to the last glyph that is not a space, using the font's widths
// (Widths or W; 0.5 em where a font gives none), and from the font's
// descent to its ascent (FontDescriptor Descent/Ascent; −0.2 and 0.8 em
// when absent) above the baseline plus the rise. The box is mapped to the
// page with the text matrix and the CTM and must lie inside the finished
// page inset by the safe distance. Glyph outlines, kerning inside a glyph
// and clipping are not looked at; invisible text (Tr 3 and 7) is skipped.
// For Type0 fonts codes are two bytes and taken as CIDs (Identity-H).

// textRun is a shown string placed on the page.
type textRun struct {
	box     rect    // page space, glyph ink approximation
	x, y    float64 // origin of the string, page space
	excerpt string
}

func (sc *scanner) text(op string, args []operand) {
	num := func(k int) float64 { // k-th operand from the end, 1-based
		if len(args) >= k && args[len(args)-k].kind == 'n' {
			return args[len(args)-k].num
		}
		return 0
	}
	str := func() (string, bool) {
		if len(args) > 0 && args[len(args)-1].kind == 's' {
			return args[len(args)-1].str, true
		}
		return "", false
	}
	gs := &sc.gs
	switch op {
	case "BT":
		sc.tm, sc.tlm = identity, identity
	case "Tf":
		gs.size = num(1)
		if len(args) >= 2 && args[len(args)-2].kind == '/' {
			gs.font = sc.d.font(sc.resource("Font", args[len(args)-2].str))
		}
	case "Tc":
		gs.tc = num(1)
	case "Tw":
		gs.tw = num(1)
	case "Tz":
		gs.th = num(1)
	case "TL":
		gs.tl = num(1)
	case "Ts":
		gs.rise = num(1)
	case "Tr":
		gs.render = int(num(1))
	case "Td":
		sc.moveLine(num(2), num(1))
	case "TD":
		gs.tl = -num(1)
		sc.moveLine(num(2), num(1))
	case "T*":
		sc.moveLine(0, -gs.tl)
	case "Tm":
		if m, ok := matrixOf(args); ok {
			sc.tm, sc.tlm = m, m
		}
	case "Tj":
		if s, ok := str(); ok {
			sc.show(s)
		}
	case "'":
		sc.moveLine(0, -gs.tl)
		if s, ok := str(); ok {
			sc.show(s)
		}
	case "\"":
		if len(args) >= 3 {
			gs.tw, gs.tc = num(3), num(2)
		}
		sc.moveLine(0, -gs.tl)
		if s, ok := str(); ok {
			sc.show(s)
		}
	case "TJ":
		if len(args) == 0 || args[len(args)-1].kind != 'a' {
			return
		}
		var all strings.Builder
		for _, e := range args[len(args)-1].arr {
			if e.kind == 's' {
				all.WriteString(e.str)
			}
		}
		sc.shown = all.String()
		defer func() { sc.shown = "" }()
		for _, e := range args[len(args)-1].arr {
			switch e.kind {
			case 's':
				sc.show(e.str)
			case 'n':
				sc.tm = matrix{1, 0, 0, 1, -e.num / 1000 * gs.size * gs.th / 100, 0}.then(sc.tm)
			}
		}
	}
}

func (sc *scanner) moveLine(tx, ty float64) {
	sc.tlm = matrix{1, 0, 0, 1, tx, ty}.then(sc.tlm)
	sc.tm = sc.tlm
}

// fallbackFont stands in when text is shown before any Tf.
var fallbackFont = &fontInfo{name: "(no font selected)", missing: 500, scale: 0.001, asc: 0.8, desc: -0.2, embedded: true}

// show places one string, records its font and advances the text matrix.
func (sc *scanner) show(s string) {
	gs := &sc.gs
	f := gs.font
	if f == nil {
		f = fallbackFont
	}
	if !sc.seenFont[f] {
		sc.seenFont[f] = true
		sc.s.fonts = append(sc.s.fonts, f)
	}
	marked := sc.markedText()
	th := gs.th / 100
	x, ink0, ink1, ink := 0.0, 0.0, 0.0, false
	for c := range f.codes(s) {
		w := f.width(c) * gs.size
		adv := w + gs.tc
		if !f.twoByte && c == ' ' {
			adv += gs.tw
		}
		r := f.char(c)
		if marked != nil {
			marked.WriteRune(r)
		}
		if !unicode.IsSpace(r) {
			if !ink {
				ink0, ink = x, true
			}
			ink1 = x + w*th
		}
		x += adv * th
	}
	visible := gs.render != 3 && gs.render != 7
	if ink && visible && gs.size != 0 {
		trm := sc.tm.then(gs.ctm)
		lo, hi := gs.rise+f.desc*gs.size, gs.rise+f.asc*gs.size
		box := trm.box(normRect(ink0, lo, ink1, hi))
		whole := s
		if sc.shown != "" {
			whole = sc.shown
		}
		sc.inkText(f, box, trm, whole)
		if !box.within(sc.safe) {
			sc.s.outsideCount++
			if sc.s.outside == nil {
				ox, oy := trm.apply(0, gs.rise)
				sc.s.outside = &textRun{box: box, x: ox, y: oy, excerpt: excerpt(f, whole)}
			}
		}
	}
	sc.tm = matrix{1, 0, 0, 1, x, 0}.then(sc.tm)
}

// excerpt gives the characters of a string for a message, through the
// font's ToUnicode map or else guessed (see fontInfo.char). It gives ""
// when they do not look like text.
func excerpt(f *fontInfo, s string) string {
	var b strings.Builder
	for c := range f.codes(s) {
		r := f.char(c)
		if !utf8.ValidRune(r) || !unicode.IsPrint(r) && r != 0xA0 && r != 0x202F {
			return ""
		}
		b.WriteRune(r)
	}
	out := strings.TrimSpace(b.String())
	if utf8.RuneCountInString(out) > 40 {
		out = string([]rune(out)[:40]) + "…"
	}
	return out
}

// checkSafeZone reports the first text run outside the safe zone, with
// its distance to the nearest trim edge.
func checkSafeZone(pages []*page, scans []*pageScan, opt Options) Result {
	res := Result{Name: CheckSafeZone, OK: true}
	total := 0
	for _, s := range scans {
		total += s.outsideCount
	}
	for k, s := range scans {
		if s.outside == nil {
			continue
		}
		t := finished(pages[k])
		r := s.outside
		edges := []struct {
			name string
			d    float64
		}{
			{"left", r.box.x0 - t.box.x0}, {"right", t.box.x1 - r.box.x1},
			{"top", t.box.y1 - r.box.y1}, {"bottom", r.box.y0 - t.box.y0},
		}
		worst := edges[0]
		for _, e := range edges[1:] {
			if e.d < worst.d {
				worst = e
			}
		}
		what := "text"
		if r.excerpt != "" {
			what = fmt.Sprintf("text %q", r.excerpt)
		}
		var where string
		if worst.d >= 0 {
			where = fmt.Sprintf("%.1f mm from", mm(worst.d))
		} else {
			where = fmt.Sprintf("%.1f mm past", mm(-worst.d))
		}
		res.OK = false
		res.Detail = fmt.Sprintf("page %d: %s at x %.1f, y %.1f mm (from the top-left of the %s) is %s the %s edge; needs %.1f mm",
			s.page, what, mm(r.x-t.box.x0), mm(t.box.y1-r.y), t.name, where, worst.name, mm(opt.Safe))
		if total > 1 {
			res.Detail += fmt.Sprintf(" (%d text runs outside in all)", total)
		}
		return res
	}
	res.Detail = fmt.Sprintf("all text at least %.1f mm inside the %s", mm(opt.Safe), finished(pages[0]).name)
	if opt.Safe == 0 {
		res.Detail = "all text inside the " + finished(pages[0]).name
	}
	return res
}
