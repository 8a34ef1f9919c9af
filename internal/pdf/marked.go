package pdf

import (
	"strconv"

	"github.com/brochure-dev/brochure/internal/frame"
)

// Marked content (ISO 32000-1, 14.6 and 14.7.4): in a tagged document
// every item drawn on a page is inside a marked-content sequence, either
// an artifact (/Artifact BMC … EMC) or a sequence with a marked-content
// identifier that the structure tree points at (/P <</MCID 3>> BDC …
// EMC). Consecutive items of one element share a sequence. Sequences are
// opened and closed between items, never inside a text object or
// between q and Q: a line's runs are drawn as one text object only when
// they belong to the same element (see Write).

// tagger is the structure a document's pages are tagged with while they
// are drawn: which element each marked-content identifier belongs to,
// and the content of each element in drawing order.
type tagger struct {
	root    *frame.Node
	docLang string                 // the catalog's /Lang
	lang    map[*frame.Node]string // each element's language, inherited from its parents
	mcids   [][]*frame.Node        // by page, the element of each MCID
	own     map[*frame.Node][]content
	// text is the text of link elements, for their annotations' /Contents.
	text map[*frame.Node][]byte
	seq  int // counts sequences and annotations, in drawing order
	// the sequence open on the page being drawn
	open     *frame.Node
	openLang string
	isOpen   bool
	// annots are the link elements of the annotations, whose
	// /StructParent keys follow the pages' (0 to pages−1): from
	// len(mcids) on.
	annots []*frame.Node
	// bbox is the area each figure covers on its first page, in PDF
	// coordinates, for its /BBox attribute.
	bbox map[*frame.Node]*[5]float64 // page, x0, y0, x1, y1
}

// content is an element's piece of content: a marked-content sequence on
// a page, or a link annotation.
type content struct {
	seq   int
	page  int
	mcid  int // -1 for a link annotation
	annot int // the annotation's index in its page's links
}

// printerArtifact is the artifact of what the writer draws itself:
// printer's marks.
var printerArtifact = &frame.Node{Role: frame.RoleArtifact}

// newTagger returns the tagger of d, or nil when d has no structure:
// the file is then untagged, written as it always was.
func newTagger(d *frame.Document) (*tagger, error) {
	if d.Structure == nil {
		return nil, nil
	}
	t := &tagger{
		root:    d.Structure,
		docLang: d.Meta.Lang,
		lang:    map[*frame.Node]string{},
		mcids:   make([][]*frame.Node, len(d.Pages)),
		own:     map[*frame.Node][]content{},
		text:    map[*frame.Node][]byte{},
		bbox:    map[*frame.Node]*[5]float64{},
	}
	if err := frame.CheckStructure(d); err != nil {
		return nil, err
	}
	var walk func(n *frame.Node, lang string)
	walk = func(n *frame.Node, lang string) {
		if n.Lang != "" {
			lang = n.Lang
		}
		t.lang[n] = lang
		for _, k := range n.Kids {
			walk(k, lang)
		}
	}
	walk(d.Structure, d.Meta.Lang)
	return t, nil
}

// markItem opens the marked-content sequence of a drawn item that is not
// text, unless it is open already.
func (p *page) markItem(it frame.Item) {
	if p.tags == nil {
		return
	}
	p.writeMarks(p.appendMarkItem(p.buf[:0], it, ""))
}

// writeMarks writes marked-content operators, if any, to the page.
func (p *page) writeMarks(b []byte) {
	p.buf = b
	if len(b) == 0 {
		return
	}
	p.reader.Reset(b[:len(b)-1]) // fpdf ends it with a newline
	p.pdf.RawWriteBuf(&p.reader)
}

// appendMarkItem appends the operators that open the marked-content
// sequence of an item, unless it is open already; lang is the language
// of a text run.
func (p *page) appendMarkItem(b []byte, it frame.Item, lang string) []byte {
	if p.tags == nil {
		return b
	}
	n := frame.StructOf(it)
	if n.IsArtifact() {
		if n != frame.Pagination {
			n = frame.Artifact
		}
		lang = ""
	} else if lang == p.tags.lang[n] || !isLangTag(lang) {
		lang = ""
	}
	if n.Role == frame.RoleFigure {
		p.tags.cover(n, p.n, it.Bounds(), p.off, p.d.Height+2*p.off)
	}
	return p.appendMark(b, n, lang)
}

// appendMark appends the operators that close the open sequence, if
// another, and open n's: an artifact, or a sequence with the next MCID
// of the page. Each ends with a newline.
func (p *page) appendMark(b []byte, n *frame.Node, lang string) []byte {
	t := p.tags
	if t.isOpen && t.open == n && t.openLang == lang {
		return b
	}
	if t.isOpen {
		b = append(b, "EMC\n"...)
	}
	t.open, t.openLang, t.isOpen = n, lang, true
	switch n {
	case frame.Artifact:
		return append(b, "/Artifact BMC\n"...)
	case frame.Pagination:
		return append(b, "/Artifact <</Type /Pagination>> BDC\n"...)
	case printerArtifact:
		return append(b, "/Artifact <</Type /Page>> BDC\n"...)
	}
	t.seq++
	mcid := len(t.mcids[p.n])
	t.mcids[p.n] = append(t.mcids[p.n], n)
	t.own[n] = append(t.own[n], content{seq: t.seq, page: p.n, mcid: mcid})
	b = append(b, '/')
	b = append(b, n.Name()...)
	b = append(b, " <</MCID "...)
	b = strconv.AppendInt(b, int64(mcid), 10)
	if lang != "" {
		b = append(b, " /Lang "...)
		b = appendLiteral(b, lang)
	}
	return append(b, ">> BDC\n"...)
}

// endMarks closes the page's open sequence.
func (p *page) endMarks() {
	if p.tags == nil || !p.tags.isOpen {
		return
	}
	p.tags.isOpen = false
	p.pdf.RawWriteStr("EMC")
}

// tagLink records a link annotation as content of its element and
// returns its /StructParent, or -1 when it belongs to none.
func (p *page) tagLink(l *frame.Link) int {
	t := p.tags
	if t == nil || l.Struct.IsArtifact() {
		return -1
	}
	t.seq++
	t.own[l.Struct] = append(t.own[l.Struct], content{seq: t.seq, page: p.n, mcid: -1, annot: len(p.links[p.n])})
	t.annots = append(t.annots, l.Struct)
	return t.nextKey() - 1
}

// nextKey is the /StructParent key after the last one given.
func (t *tagger) nextKey() int { return len(t.mcids) + len(t.annots) }

// linkText adds a run's text to its link element's, for /Contents.
func (t *tagger) linkText(r *frame.Text) {
	if t == nil || r.Struct.IsArtifact() || r.Struct.Role != frame.RoleLink {
		return
	}
	b := t.text[r.Struct]
	if len(b) > 0 && b[len(b)-1] != ' ' {
		b = append(b, ' ')
	}
	t.text[r.Struct] = append(b, r.Text...)
}

// cover widens a figure's box with an item's bounds, on the figure's
// first page; top is the page's top in PDF coordinates.
func (t *tagger) cover(n *frame.Node, page int, r frame.Rect, off, top float64) {
	x0, y0, x1, y1 := r.X+off, top-(r.Y+off+r.H), r.X+off+r.W, top-(r.Y+off)
	b := t.bbox[n]
	if b == nil {
		t.bbox[n] = &[5]float64{float64(page), x0, y0, x1, y1}
		return
	}
	if int(b[0]) != page {
		return
	}
	b[1], b[2], b[3], b[4] = min(b[1], x0), min(b[2], y0), max(b[3], x1), max(b[4], y1)
}
