package pdf

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/brochure-dev/brochure/internal/frame"
)

// link is a link annotation: a rectangle of the page, in PDF coordinates
// (from the media box's lower left corner, lower left to upper right), and
// the URI it opens; in a tagged document, its Link element and its
// /StructParent (-1 when it has none).
type link struct {
	rect   [4]float64
	uri    string
	node   *frame.Node
	parent int
}

// annotation returns the link's annotation dictionary, without a border,
// printed (/F 4: PDF/A asks that annotations print and show, ISO 19005-2,
// §6.3.2).
func (l link) annotation() []byte {
	b := []byte("<</Type /Annot /Subtype /Link /F 4 /Rect [")
	for i, v := range l.rect {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendNum(b, v, 2)
	}
	b = append(b, "] /Border [0 0 0] /A <</S /URI /URI "...)
	b = appendLiteral(b, asciiURI(l.uri))
	return append(b, ">>>>"...)
}

// asciiURI returns uri with every byte outside printable ASCII
// percent-encoded: a URI action's URI is 7-bit ASCII (PDF 12.6.4.7).
func asciiURI(uri string) string {
	const hex = "0123456789ABCDEF"
	var b []byte
	for i := 0; i < len(uri); i++ {
		if c := uri[i]; c <= ' ' || c >= 0x7f {
			b = append(b, '%', hex[c>>4], hex[c&15])
			continue
		}
		b = append(b, uri[i])
	}
	return string(b)
}

// appendLiteral appends s as a literal string, escaping what would end or
// change it (PDF 7.3.4.2).
func appendLiteral(b []byte, s string) []byte {
	b = append(b, '(')
	for i := 0; i < len(s); i++ {
		b = appendStringByte(b, s[i])
	}
	return append(b, ')')
}

// bookmark is an outline entry: the page (from 0) and the height, in PDF
// coordinates, it opens at.
type bookmark struct {
	title string
	level int
	page  int
	y     float64
}

// bookmarks lists d's bookmarks in outline order: group by group, each
// group in page order. top is the top of a page in PDF coordinates, off
// the distance from the media box to the trim.
func bookmarks(d *frame.Document, top, off float64) []bookmark {
	type mark struct {
		group int
		bookmark
	}
	var marks []mark
	for i, p := range d.Pages {
		for _, b := range p.Bookmarks {
			marks = append(marks, mark{b.Group, bookmark{b.Title, b.Level, i, top - (b.Y + off)}})
		}
	}
	slices.SortStableFunc(marks, func(a, b mark) int { return cmp.Compare(a.group, b.group) })
	out := make([]bookmark, len(marks))
	for i, m := range marks {
		out[i] = m.bookmark
	}
	return out
}

// outline writes the outline of marks, open at every level, and returns
// the number of its root, or 0 when there are no marks. An entry is a
// child of the last entry before it of a lower level; each parent
// counts its descendants (/Count), as every entry is open.
func (w *objWriter) outline(marks []bookmark, pages []int) int {
	if len(marks) == 0 {
		return 0
	}
	root := w.next
	first := root + 1 // entry i is object first+i
	parent := make([]int, len(marks))
	kids := make([][]int, len(marks)+1) // by entry, plus the root's at len(marks)
	count := make([]int, len(marks)+1)
	var open []int // the entries the next one may nest under
	for i, m := range marks {
		for len(open) > 0 && marks[open[len(open)-1]].level >= m.level {
			open = open[:len(open)-1]
		}
		p := len(marks)
		if len(open) > 0 {
			p = open[len(open)-1]
		}
		parent[i] = p
		kids[p] = append(kids[p], i)
		count[len(marks)]++
		for _, a := range open {
			count[a]++
		}
		open = append(open, i)
	}
	obj := func(i int) int {
		if i == len(marks) {
			return root
		}
		return first + i
	}
	ks := kids[len(marks)]
	w.object(fmt.Appendf(nil, "<</Type /Outlines /First %d 0 R /Last %d 0 R /Count %d>>", obj(ks[0]), obj(ks[len(ks)-1]), count[len(marks)]))
	for i, m := range marks {
		b := []byte("<</Title ")
		b = appendLiteral(b, textString(m.title))
		b = fmt.Appendf(b, " /Parent %d 0 R", obj(parent[i]))
		sib := kids[parent[i]]
		k := slices.Index(sib, i)
		if k > 0 {
			b = fmt.Appendf(b, " /Prev %d 0 R", obj(sib[k-1]))
		}
		if k+1 < len(sib) {
			b = fmt.Appendf(b, " /Next %d 0 R", obj(sib[k+1]))
		}
		if len(kids[i]) > 0 {
			b = fmt.Appendf(b, " /First %d 0 R /Last %d 0 R /Count %d", obj(kids[i][0]), obj(kids[i][len(kids[i])-1]), count[i])
		}
		b = fmt.Appendf(b, " /Dest [%d 0 R /XYZ 0 ", pages[m.page])
		b = appendNum(b, m.y, 2)
		w.object(append(b, " null]>>"...))
	}
	return root
}
