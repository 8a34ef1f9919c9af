package pdf

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brochure-dev/brochure/internal/color"
	"github.com/brochure-dev/brochure/internal/frame"
)

// text draws a line's runs (one run, or the words of a justified line;
// see sameLine) in their colour with the PDF text operators, as one text
// object:
//
//	BT /G1 9.5 Tf 0.2 Tc 56.69 771.02 Td [<0025004F>12<0048> -480 <0050>] TJ ET
//
// Glyphs are two-byte CIDs (the font's Identity-H encoding), and the
// font's pair kerning goes between them as TJ adjustments, in 1/1000 em
// like the font's widths, so a run ends where the layout measured it
// (font.Face.KernedWidth). The space between two runs is an adjustment
// too, from where the first ends to where the next starts; the word
// spaces themselves are glyphs, so that text extraction finds them.
// Tracking is character spacing (Tc). The fill colour, font and size,
// and Tc are part of the graphics state, which lasts from one text object
// to the next: they are written only when they change (see page.state).
//
// In a tagged document, a line that ends (end) with a word shows a
// space after it: text is read from the marked content, where nothing
// else tells that the word on the next line is another (ISO 32000-1,
// 14.8.2.5, word breaks).
func (p *page) text(line []*frame.Text, end bool) {
	t := line[0]
	f := p.fonts.byFace[t.Face]
	c := t.Color
	if p.cmyk && c.Spot == "" {
		c.CMYK = c.Print(t.Size) // one ink for small type
	}
	b := p.appendMarkItem(p.buf[:0], t, t.Lang) // a tagged document's marked content
	b = p.appendOverprint(b, isBlack(c.CMYK, c.Spot))
	b = p.appendTextColour(b, c)
	// Text in another language than the document's is marked as such,
	// for screen readers and for copying (PDF 14.9.2).
	// A tagged document says it in the marked content (page.markItem).
	other := p.tags == nil && t.Lang != "" && t.Lang != p.d.Meta.Lang && isLangTag(t.Lang)
	if other {
		b = append(b, "/Span <</Lang ("...)
		b = append(b, t.Lang...)
		b = append(b, ")>> BDC "...)
	}
	b = append(b, "BT "...)
	if f != p.state.font || t.Size != p.state.size {
		p.state.font, p.state.size = f, t.Size
		b = append(b, '/')
		b = append(b, f.res...)
		b = append(b, ' ')
		b = appendNum(b, t.Size, 3)
		b = append(b, " Tf "...)
	}
	if t.Tracking != p.state.tc {
		p.state.tc = t.Tracking
		b = appendNum(b, t.Tracking, 3)
		b = append(b, " Tc "...)
	}
	b = appendNum(b, t.X+p.off, 2)
	b = append(b, ' ')
	b = appendNum(b, p.d.Height+2*p.off-(t.Y+p.off), 2)
	b = append(b, " Td ["...)
	pen := t.X   // where the text position is, as the PDF has it
	open := true // the TJ array is open
	for i, r := range line {
		if !open {
			b, open = append(b, " ["...), true
		}
		if i > 0 {
			// The adjustment is rounded, and the pen follows what the
			// PDF does: the rounding never adds up along the line.
			adj := math.Round((r.X - pen) * 1000 / t.Size)
			if adj != 0 {
				b = strconv.AppendInt(b, int64(-adj), 10)
			}
			pen += adj * t.Size / 1000
		}
		// What the PDF advances, trailing word space included (the
		// layout's Width leaves it out).
		var width float64
		if r.Hyphen && p.tags != nil {
			b, open = f.appendSoftHyphen(b, r.Text), false
			width = f.face.KernedWidth(r.Text, t.Size)
		} else {
			b, width = f.appendShowWidth(b, r.Text, t.Size)
		}
		pen += width + t.Tracking*float64(utf8.RuneCountInString(r.Text))
	}
	if showsSpace(line, end) {
		if !open {
			b, open = append(b, " ["...), true
		}
		b = f.appendShow(b, " ")
	}
	if open {
		b = append(b, "] TJ"...)
	}
	b = append(b, " ET"...)
	if other {
		b = append(b, " EMC"...)
	}
	p.buf = b
	p.reader.Reset(b)
	p.pdf.RawWriteBuf(&p.reader)
}

// sameLine says whether run b can be shown in the same text object as a,
// after it: on the same baseline, further right, in the same face, size,
// colour, tracking and language.
func sameLine(a, b *frame.Text) bool {
	return b.Text != "" && a.Y == b.Y && b.X >= a.X+a.Width && a.Face == b.Face && a.Size == b.Size &&
		a.Color == b.Color && a.Tracking == b.Tracking && a.Lang == b.Lang
}

// breaksWord says whether a line ending in r needs no space to end its
// word there: r is a space, or a hyphen the word was broken at.
func breaksWord(r rune) bool {
	return unicode.IsSpace(r) || r == '-' || r == '\u00ad' || r == '‐' || r == '/'
}

// showsSpace says whether text shows a space after the line's runs: at
// the end of a line (end) that ends with a word.
func showsSpace(line []*frame.Text, end bool) bool {
	last, _ := utf8.DecodeLastRuneInString(line[len(line)-1].Text)
	return end && !breaksWord(last)
}

// textObjects calls line for each text object of a page's items, in the
// order they are drawn: the runs shown together (see sameLine; in a
// tagged document, those of one element) and whether the line ends with
// them (see page.text); and other for each item that is not text. buf is
// reused for the runs; textObjects returns it for the next page.
func textObjects(items []frame.Item, tagged bool, buf []*frame.Text, line func(runs []*frame.Text, end bool), other func(frame.Item)) []*frame.Text {
	for k := 0; k < len(items); k++ {
		t, ok := items[k].(*frame.Text)
		if !ok {
			other(items[k])
			continue
		}
		if t.Text == "" {
			continue
		}
		buf = append(buf[:0], t)
		for k+1 < len(items) {
			next, ok := items[k+1].(*frame.Text)
			// In a tagged document, a text object holds one element's
			// runs: marked content may not cross its ends.
			if !ok || !sameLine(buf[len(buf)-1], next) || tagged && next.Struct != t.Struct {
				break
			}
			buf = append(buf, next)
			k++
		}
		line(buf, tagged && !lineGoesOn(items[k+1:], buf[len(buf)-1]))
	}
	return buf
}

// lineGoesOn says whether the line of run last goes on in the items
// drawn after it: the next run is on the same baseline, further right.
func lineGoesOn(rest []frame.Item, last *frame.Text) bool {
	for _, it := range rest {
		if t, ok := it.(*frame.Text); ok && t.Text != "" {
			return t.Y == last.Y && t.X >= last.X+last.Width
		}
	}
	return false
}

// isLangTag says whether s may be written into marked content as a
// language tag: 2 to 8 letters, then subtags of 1 to 8 letters or digits
// after hyphens, so that none can break out of the string.
func isLangTag(s string) bool {
	for k, part := range strings.Split(s, "-") {
		if len(part) < 1 || len(part) > 8 || k == 0 && len(part) < 2 {
			return false
		}
		for _, c := range []byte(part) {
			letter := c|0x20 >= 'a' && c|0x20 <= 'z'
			if !letter && (k == 0 || c < '0' || c > '9') {
				return false
			}
		}
	}
	return true
}

// appendTextColour appends the operator that sets the fill colour to c,
// and a newline, unless that is the colour already set: RGB as fpdf
// writes fill colours, or CMYK for print (fpdf's own text colour only
// applies to text fpdf draws).
func (p *page) appendTextColour(b []byte, c color.Color) []byte {
	start := len(b)
	if p.cmyk {
		b = p.printColour(b, c, false)
	} else {
		b = appendRGB(b, c.RGB)
	}
	if string(b[start:]) == p.state.fill {
		return b[:start]
	}
	p.state.fill = string(b[start:])
	return append(b, '\n')
}

// appendSoftHyphen appends the elements of a TJ array that shows s,
// which ends with a hyphen the line breaker added, then closes the array
// and shows the hyphen in an array of its own, as a span whose actual
// text is a soft hyphen (U+00AD): text read from the structure (screen
// readers, copying) takes the word whole (ISO 32000-1, 14.8.2.2.3). The
// arrays are closed: the caller opens another to go on.
func (f *docFont) appendSoftHyphen(b []byte, s string) []byte {
	word := s[:len(s)-1]
	b = f.appendShow(b, word)
	b = append(b, "] TJ /Span <</ActualText <FEFF00AD>>> BDC ["...)
	if last, _ := utf8.DecodeLastRuneInString(word); word != "" && f.face.HasKerning() {
		if k := f.face.Kern(last, '-'); k != 0 {
			b = strconv.AppendInt(b, int64(-k), 10)
		}
	}
	b = f.appendShow(b, "-")
	return append(b, "] TJ EMC"...)
}

// appendShow appends the elements of a TJ array that shows s: strings of
// CIDs, two bytes each, and between two glyphs the font kerns, minus the
// kerning. The strings are literal, their bytes as they are but those a
// literal string escapes: half the bytes of hex strings, which a page's
// compression then has to read (a page's contents came out a fifth faster
// to compress and 2 % smaller).
func (f *docFont) appendShow(b []byte, s string) []byte {
	b, _ = f.appendShowWidth(b, s, 0)
	return b
}

// appendShowWidth is appendShow, and returns the width of s at size, as
// font.Face.KernedWidth gives it, from the same kerning.
func (f *docFont) appendShowWidth(b []byte, s string, size float64) ([]byte, float64) {
	b = append(b, '(')
	width := f.face.KernEach(s, size, func(r rune, kern int) {
		if kern != 0 {
			b = append(b, ')')
			b = strconv.AppendInt(b, int64(-kern), 10)
			b = append(b, '(')
		}
		c := f.cid(r)
		b = appendStringByte(appendStringByte(b, byte(c>>8)), byte(c))
	})
	return append(b, ')'), width
}

// appendStringByte appends c to a literal string: a backslash before the
// bytes that delimit or escape, and CR as \r, which a reader would take
// for an end of line (read as LF).
func appendStringByte(b []byte, c byte) []byte {
	switch c {
	case '(', ')', '\\':
		return append(b, '\\', c)
	case '\r':
		return append(b, '\\', 'r')
	}
	return append(b, c)
}

// appendRGB appends the operator that sets the fill colour to c, as fpdf
// writes fill colours: gray (g) when the components are equal.
func appendRGB(b []byte, c color.RGB) []byte {
	comp := func(b []byte, v uint8) []byte {
		return appendFixed(b, float64(v)/255, 3)
	}
	if c.R == c.G && c.G == c.B {
		return append(comp(b, c.R), " g"...)
	}
	b = append(comp(b, c.R), ' ')
	b = append(comp(b, c.G), ' ')
	return append(comp(b, c.B), " rg"...)
}

// appendCMYK appends the four inks of k, from 0 to 1.
func appendCMYK(b []byte, k color.CMYK) []byte {
	for i, v := range [4]uint8{k.C, k.M, k.Y, k.K} {
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendFloat(b, float64(v)/100, 'f', -1, 64)
	}
	return b
}

// appendNum appends v rounded to prec decimals (at most 6), without
// trailing zeros and without a minus sign for zero.
func appendNum(b []byte, v float64, prec int) []byte {
	scale := int64(1)
	for range prec {
		scale *= 10
	}
	n := int64(math.Round(v * float64(scale)))
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	b = strconv.AppendInt(b, n/scale, 10)
	frac := n % scale
	if frac == 0 {
		return b
	}
	b = append(b, '.')
	for scale /= 10; frac != 0; scale /= 10 {
		b = append(b, byte('0'+frac/scale))
		frac %= scale
	}
	return b
}
