package pdf

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/brochure-dev/brochure/internal/frame"
)

// The structure tree (ISO 32000-1, 14.7): a StructTreeRoot whose kid is
// the Document element, an object per element with content below it
// (elements with none are left out), and the parent tree, which maps
// each page's /StructParents to its elements by MCID and each link
// annotation's /StructParent to its Link element.

// structTree writes the structure tree of t and returns the catalog
// entries that name it. pages are the page objects, annots the link
// annotations' objects by page.
func (w *objWriter) structTree(t *tagger, pages []int, annots [][]int) []byte {
	first := map[*frame.Node]int{} // the first sequence drawn below each element; 0: none
	var visit func(n *frame.Node) int
	visit = func(n *frame.Node) int {
		f := 0
		if own := t.own[n]; len(own) > 0 {
			f = own[0].seq
		}
		for _, k := range n.Kids {
			if kf := visit(k); kf > 0 && (f == 0 || kf < f) {
				f = kf
			}
		}
		first[n] = f
		return f
	}
	visit(t.root)

	// Numbers: the tree root, then the elements depth first, then the
	// parent tree.
	root := w.next
	nr := map[*frame.Node]int{}
	parent := map[*frame.Node]*frame.Node{}
	var order []*frame.Node
	var number func(n *frame.Node)
	number = func(n *frame.Node) {
		nr[n] = root + 1 + len(order)
		order = append(order, n)
		for _, k := range n.Kids {
			if first[k] > 0 {
				parent[k] = n
				number(k)
			}
		}
	}
	number(t.root)
	parentTree := root + 1 + len(order)

	w.object(fmt.Appendf(nil, "<</Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d>>",
		nr[t.root], parentTree, t.nextKey()))
	for _, n := range order {
		up, upLang := root, t.docLang
		if p := parent[n]; p != nil {
			up, upLang = nr[p], t.lang[p]
		}
		w.object(t.element(n, up, upLang, nr, first, pages, annots))
	}

	b := []byte("<</Nums [")
	for i, mcids := range t.mcids {
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, " ["...)
		for k, n := range mcids {
			if k > 0 {
				b = append(b, ' ')
			}
			b = appendRef(b, nr[n])
		}
		b = append(b, ']')
	}
	for k, n := range t.annots {
		b = fmt.Appendf(b, " %d %d 0 R", len(t.mcids)+k, nr[n])
	}
	w.object(append(b, "]>>"...))

	return fmt.Appendf(nil, " /MarkInfo <</Marked true>> /StructTreeRoot %d 0 R /ViewerPreferences <</DisplayDocTitle true>>", root)
}

// element returns the StructElem of n, whose parent is object up, in
// language upLang. Its kids (/K) are its own content in drawing order,
// each kid element placed before the first own content drawn after the
// kid's first.
func (t *tagger) element(n *frame.Node, up int, upLang string, nr, first map[*frame.Node]int, pages []int, annots [][]int) []byte {
	own := t.own[n]
	b := make([]byte, 0, 96+8*len(own)+8*len(n.Kids))
	b = append(b, "<</S /"...) // /Type /StructElem is optional
	b = append(b, n.Name()...)
	b = append(b, " /P "...)
	b = appendRef(b, up)
	pg := -1 // the page of the element's first marked content, its /Pg
	for _, c := range own {
		if c.mcid >= 0 {
			pg = c.page
			b = append(b, " /Pg "...)
			b = appendRef(b, pages[pg])
			break
		}
	}
	count := len(own)
	for _, k := range n.Kids {
		if first[k] > 0 {
			count++
		}
	}
	b = append(b, " /K "...)
	if count != 1 {
		b = append(b, '[')
	}
	sep := func() {
		if b[len(b)-1] != '[' && b[len(b)-1] != ' ' {
			b = append(b, ' ')
		}
	}
	appendOwn := func(c content) {
		sep()
		switch {
		case c.mcid < 0:
			b = append(b, "<</Type /OBJR /Pg "...)
			b = appendRef(b, pages[c.page])
			b = append(b, " /Obj "...)
			b = appendRef(b, annots[c.page][c.annot])
			b = append(b, ">>"...)
		case c.page == pg:
			b = strconv.AppendInt(b, int64(c.mcid), 10)
		default:
			b = append(b, "<</Type /MCR /Pg "...)
			b = appendRef(b, pages[c.page])
			b = append(b, " /MCID "...)
			b = strconv.AppendInt(b, int64(c.mcid), 10)
			b = append(b, ">>"...)
		}
	}
	i := 0
	for _, k := range n.Kids {
		kf := first[k]
		if kf == 0 {
			continue
		}
		for i < len(own) && own[i].seq < kf {
			appendOwn(own[i])
			i++
		}
		sep()
		b = appendRef(b, nr[k])
	}
	for ; i < len(own); i++ {
		appendOwn(own[i])
	}
	if count != 1 {
		b = append(b, ']')
	}
	if lang := t.lang[n]; lang != upLang && lang != "" {
		b = append(b, " /Lang "...)
		b = appendLiteral(b, textString(lang))
	}
	switch n.Role {
	case frame.RoleFigure:
		if n.Alt != "" {
			b = append(b, " /Alt "...)
			b = appendLiteral(b, textString(n.Alt))
		}
		if bb := t.bbox[n]; bb != nil {
			b = append(b, " /A <</O /Layout /BBox ["...)
			for k, v := range bb[1:] {
				if k > 0 {
					b = append(b, ' ')
				}
				b = appendNum(b, v, 2)
			}
			b = append(b, "]>>"...)
		}
	case frame.RoleNote:
		// A note needs a unique ID (PDF/UA-1, 7.9): its object number.
		b = fmt.Appendf(b, " /ID (note%d)", nr[n])
	case frame.RoleTH:
		scope := n.Scope
		if scope == "" {
			scope = frame.ScopeColumn
		}
		b = fmt.Appendf(b, " /A <</O /Table /Scope /%s>>", scope)
	}
	return append(b, ">>"...)
}

// annotation adds to a link annotation's dictionary its /StructParent
// and its /Contents: the link's text, or else where it leads.
func (t *tagger) annotation(dict []byte, l link) []byte {
	if t == nil || l.parent < 0 {
		return dict
	}
	contents := string(bytes.TrimSpace(t.text[l.node]))
	if contents == "" {
		contents = l.uri
	}
	b := bytes.TrimSuffix(dict, []byte(">>"))
	b = fmt.Appendf(b, " /StructParent %d /Contents ", l.parent)
	b = appendLiteral(b, textString(contents))
	return append(b, ">>"...)
}

// appendRef appends a reference to object n: "12 0 R".
func appendRef(b []byte, n int) []byte {
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, " 0 R"...)
}
