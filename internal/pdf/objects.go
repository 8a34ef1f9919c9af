package pdf

import (
	"fmt"
	"slices"
	"strconv"
	"unicode/utf16"
)

// objWriter collects the objects finish adds to fpdf's, numbered from
// next on: each is its body, the text between "N 0 obj" and "endobj".
type objWriter struct {
	bodies [][]byte
	next   int // number of the next object
}

// object writes an object holding the dictionary (or array) dict and
// returns its number.
func (w *objWriter) object(dict []byte) int {
	n := w.next
	w.next++
	w.bodies = append(w.bodies, dict)
	return n
}

// stream writes a stream object of data compressed with FlateDecode; dict
// holds the dictionary's other entries, if any.
func (w *objWriter) stream(data []byte, dict string) int {
	return w.compressed(deflate(data), dict)
}

// compressed writes a stream object of data already compressed with
// FlateDecode.
func (w *objWriter) compressed(z []byte, dict string) int {
	return w.object(streamBody(z, "/Filter /FlateDecode"+dict))
}

// streamBody returns the body of a stream object holding data, whose
// dictionary has /Length and the entries dict.
func streamBody(data []byte, dict string) []byte {
	b := make([]byte, 0, len(data)+len(dict)+40)
	b = append(b, "<</Length "...)
	b = strconv.AppendInt(b, int64(len(data)), 10)
	if dict != "" && dict[0] != ' ' {
		b = append(b, ' ')
	}
	b = append(b, dict...)
	b = append(b, ">>\nstream\n"...)
	b = append(b, data...)
	return append(b, "\nendstream"...)
}

// font writes the five objects of a font and returns the number of the
// first, the Type0 font the page resources name: the Type0 font, its
// CIDFontType2 descendant, the font descriptor, the TrueType subset
// (FontFile2) and the ToUnicode map.
func (w *objWriter) font(f *docFont) (int, error) {
	program, z, err := f.program()
	if err != nil {
		return 0, err
	}
	cids := f.sub.CIDs()
	e := f.emb
	name := "/" + f.sub.Tag() + "+" + e.PostScriptName
	n := w.next

	w.object(fmt.Appendf(nil, "<</Type /Font /Subtype /Type0 /BaseFont %s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>",
		name, n+1, n+4))

	d := fmt.Appendf(nil, "<</Type /Font /Subtype /CIDFontType2 /BaseFont %s /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %d 0 R /CIDToGIDMap /Identity",
		name, n+2)
	w.object(append(appendWidths(d, f, cids), ">>"...))

	d = fmt.Appendf(nil, "<</Type /FontDescriptor /FontName %s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle ",
		name, e.Flags, e.BBox[0], e.BBox[1], e.BBox[2], e.BBox[3])
	d = appendNum(d, e.ItalicAngle, 2)
	d = fmt.Appendf(d, " /Ascent %d /Descent %d /CapHeight %d /StemV %d /FontFile2 %d 0 R>>",
		e.Ascent, e.Descent, e.CapHeight, e.StemV, n+3)
	w.object(d)

	w.compressed(z, " /Length1 "+strconv.Itoa(len(program)))
	w.stream(toUnicode(f, cids), "")
	return n, nil
}

// appendWidths appends /DW, the width most CIDs have, and /W, the widths
// of the others, in runs of consecutive CIDs: "/W [3 [600 612] 40 [580]]".
func appendWidths(b []byte, f *docFont, cids []uint16) []byte {
	count := map[int]int{}
	dw := 0
	for _, c := range cids {
		w := f.sub.Width(c)
		count[w]++
		if n := count[w]; n > count[dw] || n == count[dw] && w < dw {
			dw = w
		}
	}
	b = append(b, " /DW "...)
	b = strconv.AppendInt(b, int64(dw), 10)
	b = append(b, " /W ["...)
	open, last := false, -2
	for _, c := range cids {
		w := f.sub.Width(c)
		if w == dw {
			continue
		}
		if open && int(c) != last+1 {
			b = append(b, "] "...)
			open = false
		}
		if !open {
			b = strconv.AppendInt(b, int64(c), 10)
			b = append(b, " ["...)
			open = true
		} else {
			b = append(b, ' ')
		}
		b = strconv.AppendInt(b, int64(w), 10)
		last = int(c)
	}
	if open {
		b = append(b, ']')
	}
	return append(b, ']')
}

// toUnicode returns the ToUnicode CMap that maps each CID in use to the
// rune it stands for, in UTF-16BE (ISO 32000-1, §9.10.3).
func toUnicode(f *docFont, cids []uint16) []byte {
	b := []byte(`/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
`)
	var pairs [][2]uint32 // CID, rune
	for _, c := range cids {
		if r, ok := f.sub.Rune(c); ok {
			pairs = append(pairs, [2]uint32{uint32(c), uint32(r)})
		}
	}
	for chunk := range slices.Chunk(pairs, 100) { // at most 100 a block
		b = strconv.AppendInt(b, int64(len(chunk)), 10)
		b = append(b, " beginbfchar\n"...)
		for _, p := range chunk {
			b = append(appendHex4(append(b, '<'), p[0]), "> <"...)
			r := rune(p[1])
			if r1, r2 := utf16.EncodeRune(r); r1 != '\uFFFD' {
				b = appendHex4(appendHex4(b, uint32(r1)), uint32(r2))
			} else {
				b = appendHex4(b, uint32(r))
			}
			b = append(b, ">\n"...)
		}
		b = append(b, "endbfchar\n"...)
	}
	return append(b, `endcmap
CMapName currentdict /CMap defineresource pop
end
end
`...)
}

// appendHex4 appends v in upper-case hex digits, four at least, as
// fmt's %04X does (a ToUnicode map has a few hundred of them).
func appendHex4(b []byte, v uint32) []byte {
	const hex = "0123456789ABCDEF"
	n := 4
	for v>>(4*n) != 0 && n < 8 {
		n++
	}
	for i := n - 1; i >= 0; i-- {
		b = append(b, hex[v>>(4*i)&15])
	}
	return b
}
