package preflight

import (
	"fmt"
	"strings"
)

// The logical structure (ISO 32000-1, 14.7): the structure tree read
// from the catalog's StructTreeRoot, its role map and its parent tree.

// structElem is a structure element.
type structElem struct {
	obj    int    // object number, 0 when direct
	typ    string // /S as written
	std    string // the standard type it maps to through the role map ("" when none)
	parent *structElem
	kids   []structKid
	alt    *string
	lang   string
	id     bool   // has an /ID
	scope  string // a TH's /Scope attribute
	actual bool   // has /ActualText
}

// structKid is one of an element's kids: an element, marked content
// (page, MCID) or an object reference (an annotation).
type structKid struct {
	elem  *structElem
	page  int // page number from 1; 0: unknown
	mcid  int // -1: not marked content
	annot int // object number of an OBJR's object
}

// structTree is a document's logical structure.
type structTree struct {
	root     *structElem // the StructTreeRoot's kids, as an element of type ""
	elems    []*structElem
	roleMap  map[string]string
	parents  map[int]object // the parent tree, by key
	problems []string       // what could not be read
}

// standardTypes are the standard structure types of ISO 32000-1, 14.8.4.
var standardTypes = map[string]bool{}

func init() {
	for _, s := range strings.Fields(`Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private
		P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot
		Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form`) {
		standardTypes[s] = true
	}
}

const maxStructElems = 200_000

// readStructure reads the structure tree, or returns nil when the
// catalog has none.
func (d *document) readStructure(pages []*page) *structTree {
	cat := d.x.catalog()
	root := d.dict(cat["StructTreeRoot"])
	if root == nil {
		return nil
	}
	pageNr := map[int]int{} // page objects to page numbers
	for _, p := range pages {
		if p.obj != 0 {
			pageNr[p.obj] = p.n
		}
	}
	t := &structTree{root: &structElem{}, roleMap: map[string]string{}, parents: map[int]object{}}
	for k, v := range d.dict(root["RoleMap"]) {
		if n := d.name(v); n != "" {
			t.roleMap[k] = n
		}
	}
	seen := map[int]bool{}
	var read func(e *structElem, k object, pg int, depth int)
	read = func(e *structElem, k object, pg int, depth int) {
		if depth > maxTreeDepth || len(t.elems) > maxStructElems {
			t.problem("structure tree too deep or too large")
			return
		}
		switch v := d.resolve(k).(type) {
		case pdfArray:
			for _, x := range v {
				read(e, x, pg, depth+1)
			}
		case pdfNum:
			e.kids = append(e.kids, structKid{page: pg, mcid: int(v)})
		case pdfDict:
			kpg := pg
			if p, ok := pageNr[objNr(v["Pg"])]; ok {
				kpg = p
			}
			switch d.name(v["Type"]) {
			case "MCR":
				mcid, _ := d.num(v["MCID"])
				if _, ok := v["Stm"]; ok {
					return // marked content in a form: not looked at
				}
				e.kids = append(e.kids, structKid{page: kpg, mcid: int(mcid)})
				return
			case "OBJR":
				e.kids = append(e.kids, structKid{page: kpg, mcid: -1, annot: objNr(v["Obj"])})
				return
			}
			if nr := objNr(k); nr != 0 {
				if seen[nr] {
					t.problem(fmt.Sprintf("structure element (object %d) appears twice in the tree", nr))
					return
				}
				seen[nr] = true
			}
			kid := &structElem{obj: objNr(k), typ: d.name(v["S"]), parent: e, lang: d.text(v["Lang"])}
			if e == t.root && objNr(k) == 0 {
				kid.obj = -1
			}
			kid.std = t.standard(kid.typ)
			if a, ok := d.resolve(v["Alt"]).(pdfString); ok {
				s := decodeText(string(a))
				kid.alt = &s
			}
			_, kid.id = v["ID"]
			_, kid.actual = v["ActualText"]
			kid.scope = d.scope(v["A"])
			t.elems = append(t.elems, kid)
			e.kids = append(e.kids, structKid{elem: kid, mcid: -1})
			read(kid, v["K"], kpg, depth+1)
		}
	}
	read(t.root, root["K"], 0, 0)
	d.numberTree(root["ParentTree"], t.parents, 0)
	return t
}

func (t *structTree) problem(s string) {
	if len(t.problems) < 5 {
		t.problems = append(t.problems, s)
	}
}

// standard returns the standard type typ maps to, "" when none.
func (t *structTree) standard(typ string) string {
	for range 32 {
		if standardTypes[typ] {
			return typ
		}
		next, ok := t.roleMap[typ]
		if !ok {
			return ""
		}
		typ = next
	}
	return ""
}

// scope reads a TH's Scope from its attributes (a dictionary or an
// array of them, with revision numbers).
func (d *document) scope(a object) string {
	list := []object{a}
	if arr, ok := d.resolve(a).(pdfArray); ok {
		list = arr
	}
	for _, o := range list {
		if dict := d.dict(o); dict != nil && d.name(dict["O"]) == "Table" {
			if s := d.name(dict["Scope"]); s != "" {
				return s
			}
		}
	}
	return ""
}

// numberTree reads a number tree's entries into out.
func (d *document) numberTree(o object, out map[int]object, depth int) {
	n := d.dict(o)
	if n == nil || depth > maxTreeDepth || len(out) > maxStructElems {
		return
	}
	nums := d.array(n["Nums"])
	for k := 0; k+1 < len(nums); k += 2 {
		if key, ok := d.num(nums[k]); ok {
			out[int(key)] = nums[k+1]
		}
	}
	for _, kid := range d.array(n["Kids"]) {
		d.numberTree(kid, out, depth+1)
	}
}

// text decodes a text string object.
func (d *document) text(o object) string {
	s, _ := d.resolve(o).(pdfString)
	return decodeText(string(s))
}

// name is the element's type as a report names it: "P", or
// "Heading (H2)" for a role-mapped one.
func (e *structElem) name() string {
	if e.std != "" && e.std != e.typ {
		return fmt.Sprintf("%s (%s)", e.typ, e.std)
	}
	return e.typ
}

// where names the element for a report: its type and object number.
func (e *structElem) where() string {
	if e.obj > 0 {
		return fmt.Sprintf("%s element (object %d)", e.name(), e.obj)
	}
	return e.name() + " element"
}

// textOf is the text of e's marked content and its kids', in the order
// of the tree, white space collapsed.
func textOf(e *structElem, scans []*pageScan) string {
	var parts []string
	var walk func(e *structElem, depth int)
	walk = func(e *structElem, depth int) {
		if depth > maxTreeDepth {
			return
		}
		for _, k := range e.kids {
			switch {
			case k.elem != nil:
				walk(k.elem, depth+1)
			case k.mcid >= 0 && k.page >= 1 && k.page <= len(scans):
				if b := scans[k.page-1].marked.mcidText[k.mcid]; b != nil {
					parts = append(parts, b.String())
				}
			}
		}
	}
	walk(e, 0)
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// StructureText reads a PDF's logical structure and returns it as text,
// one line per element, indented by its depth: its type, its language
// and alternative text when it has them, a header cell's scope, the
// link annotations it holds, and the text of its content in reading
// order. It returns "" for an untagged file.
func StructureText(data []byte) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = "", fmt.Errorf("unreadable PDF (internal error: %v)", r)
		}
	}()
	doc, err := openDocument(data)
	if err != nil {
		return "", err
	}
	pages, err := doc.pages()
	if err != nil {
		return "", err
	}
	scans, err := doc.scanAll(pages)
	if err != nil {
		return "", err
	}
	t := doc.readStructure(pages)
	if t == nil {
		return "", nil
	}
	var b strings.Builder
	var walk func(e *structElem, depth int)
	walk = func(e *structElem, depth int) {
		if depth > maxTreeDepth {
			return
		}
		annots := 0
		for _, k := range e.kids {
			if k.elem == nil && k.mcid < 0 {
				annots++
			}
		}
		b.WriteString(strings.Repeat("  ", depth))
		b.WriteString(e.typ)
		if e.lang != "" {
			fmt.Fprintf(&b, " lang=%s", e.lang)
		}
		if e.alt != nil {
			fmt.Fprintf(&b, " alt=%q", *e.alt)
		}
		if e.scope != "" {
			fmt.Fprintf(&b, " scope=%s", e.scope)
		}
		if annots > 0 {
			fmt.Fprintf(&b, " annotations=%d", annots)
		}
		if s := textOf(e, scans); s != "" {
			fmt.Fprintf(&b, ": %s", s)
		}
		b.WriteByte('\n')
		for _, k := range e.kids {
			if k.elem != nil {
				walk(k.elem, depth+1)
			}
		}
	}
	for _, k := range t.root.kids {
		if k.elem != nil {
			walk(k.elem, 0)
		}
	}
	return b.String(), nil
}

// scanAll scans every page, with no safe zone.
func (d *document) scanAll(pages []*page) ([]*pageScan, error) {
	scans := make([]*pageScan, len(pages))
	for k, p := range pages {
		var err error
		if scans[k], err = d.scanPage(p, p.media); err != nil {
			return nil, err
		}
	}
	return scans, nil
}
