package layout

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/document"
	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/typeset"
)

// maxParallelPages bounds a side-by-side edition whose layout leaves the
// page count open.
const maxParallelPages = 50

// LayParallel lays out two languages side by side (a layout of kind
// "side-by-side"): docs[0] in the left column, docs[1] in the right, on
// the same pages. The cover sets each language's title, intro and
// at-a-glance panel in its column; then each section starts at the same
// height in both columns, the lower of the two columns' ends, or on the
// next page in both when either language's heading and first lines do
// not fit there; the call to action closes each column. hyphens
// hyphenate each document's language (nil, or a nil entry: none).
//
// With a page count (lay.Pages > 0) content that does not fit is an error
// saying where and by how much, unless the layout lets the type shrink,
// as Lay does; with none, pages are added as needed. The metadata and the
// document language are the first language's; the outline has one entry
// per language, named for it, with its title and sections below.
func LayParallel(docs []*document.Doc, lay *design.Layout, hyphens []typeset.Hyphenator) (*frame.Document, *Report, error) {
	if err := checkParallel(docs, lay, hyphens); err != nil {
		return nil, nil, err
	}
	var tries attempts
	try := func(scale float64, lonePage bool) (*frame.Document, *Report, error) {
		cache := tries.next()
		rep := &Report{Scale: scale}
		p := &parallel{lay: lay, lonePage: lonePage}
		// Each language is a part of the structure, read whole: a
		// reader hears one column, then the other.
		root := frame.NewTree()
		for i, d := range docs {
			var hy typeset.Hyphenator
			if len(hyphens) > i {
				hy = hyphens[i]
			}
			part := root.Add(frame.RolePart)
			part.Lang = d.Lang
			p.cols[i] = &composer{lay: lay, doc: d, scale: scale, hyphen: hy, report: rep, root: root, tree: part, cache: cache}
		}
		out, err := p.attempt()
		if err == nil {
			err = checkGlyphs(out)
		}
		if err == nil {
			err = checkFrames(out, lay.Safe)
		}
		if err != nil {
			return nil, nil, fmt.Errorf("layout %s, role %s (%s+%s): %w", lay.Name, docs[0].Role, docs[0].Lang, docs[1].Lang, err)
		}
		rep.emptyFeet(out, lay)
		return out, rep, nil
	}
	out, rep, err := fit(lay, func(scale float64) (*frame.Document, *Report, error) { return try(scale, false) })
	if err != nil && lay.Pages == 0 && lay.Shrink {
		// No smaller type kept the call to action with the sections: it
		// takes a page of its own, at full size.
		if out, rep, lerr := try(1, true); lerr == nil {
			return out, rep, nil
		}
	}
	return out, rep, err
}

// checkParallel rejects what LayParallel cannot lay out.
func checkParallel(docs []*document.Doc, lay *design.Layout, hyphens []typeset.Hyphenator) error {
	switch {
	case lay == nil:
		return errors.New("side-by-side layout: no layout")
	case len(docs) != 2 || docs[0] == nil || docs[1] == nil:
		return fmt.Errorf("layout %s: a side-by-side edition sets two documents, one per column, not %d", lay.Name, len(docs))
	case len(hyphens) != 0 && len(hyphens) != 2:
		return fmt.Errorf("layout %s: %d hyphenators for 2 languages", lay.Name, len(hyphens))
	case lay.Columns != 2:
		return fmt.Errorf("layout %s: page.columns: a side-by-side edition has 2 columns, one per language, not %d", lay.Name, lay.Columns)
	}
	a, b := docs[0], docs[1]
	ids := func(d *document.Doc) []string {
		var s []string
		for _, sec := range d.Sections {
			s = append(s, sec.ID)
		}
		return s
	}
	if a.Role != b.Role || !slices.Equal(ids(a), ids(b)) {
		return fmt.Errorf("layout %s: the %s document (role %s, sections %q) and the %s one (role %s, sections %q) do not match",
			lay.Name, a.Lang, a.Role, ids(a), b.Lang, b.Role, ids(b))
	}
	return nil
}

// parallel lays out two languages in two columns of the same pages.
type parallel struct {
	lay *design.Layout
	// cols are the languages' composers, left then right: they share the
	// scale and the report.
	cols [2]*composer
	// lonePage lets the call to action take a page of its own even when
	// the type could still shrink.
	lonePage bool
	// pages are the pages being laid out.
	pages []*twoCols
	// coverBottom is where the sections start on the first page.
	coverBottom float64
	// ctas draw each language's call to action, ctaH high.
	ctas [2]func(pg *frame.Page, x, y float64)
	ctaH float64
}

// twoCols is a page being laid out: what spans the page, and what belongs
// to each column, kept apart so that the page reads column by column.
type twoCols struct {
	shared frame.Page
	col    [2]frame.Page
}

// page returns page i, adding pages up to it.
func (p *parallel) page(i int) *twoCols {
	for len(p.pages) <= i {
		p.pages = append(p.pages, &twoCols{})
	}
	return p.pages[i]
}

// width is a column's width; x is column i's left edge.
func (p *parallel) width() float64 {
	m := p.lay.Margins
	return (p.lay.Width - m.Left - m.Right - p.lay.Gutter) / 2
}

func (p *parallel) x(col int) float64 {
	return p.lay.Margins.Left + float64(col)*(p.width()+p.lay.Gutter)
}

// fail says that the edition does not fit its pages.
func (p *parallel) fail(pages int, err error) error {
	return fmt.Errorf("%d pages: %w", pages, err)
}

// attempt lays the edition out at the composers' scale.
func (p *parallel) attempt() (*frame.Document, error) {
	for i, c := range p.cols {
		var h float64
		p.ctas[i], h = c.ctaIn(p.width())
		p.ctaH = max(p.ctaH, h)
	}
	top := p.cover()
	ends := [2]pos{{0, top}, {0, top}}
	for k := range p.cols[0].doc.Sections {
		var err error
		if ends, err = p.section(k, ends); err != nil {
			return nil, err
		}
	}
	if err := p.callToAction(later(ends[0], ends[1])); err != nil {
		return nil, err
	}
	out := p.document()
	p.furniture(out)
	return out, nil
}

// document joins each page's parts: what spans it, then the
// left column, then the right. Each column's bookmarks go one level down,
// in a group of their own under an entry named for its language.
func (p *parallel) document() *frame.Document {
	first := p.cols[0]
	out := first.document(&frame.Page{}, len(p.pages))
	out.Meta.Keywords = keywords(p.cols[0].doc, p.cols[1].doc)
	for i, pp := range p.pages {
		pg := out.Pages[i]
		pg.Items = append(pg.Items, pp.shared.Items...)
		for col, part := range pp.col {
			if i == 0 {
				pg.Bookmarks = append(pg.Bookmarks, frame.Bookmark{Title: p.cols[col].doc.Locale.Name, Group: col})
			}
			pg.Items = append(pg.Items, part.Items...)
			for _, b := range part.Bookmarks {
				b.Level++
				b.Group = col
				pg.Bookmarks = append(pg.Bookmarks, b)
			}
		}
	}
	return out
}

// keywords are both languages' keywords, each once.
func keywords(a, b *document.Doc) string {
	var out []string
	for _, k := range append(slices.Clone(a.Keywords), b.Keywords...) {
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return strings.Join(out, ", ")
}
