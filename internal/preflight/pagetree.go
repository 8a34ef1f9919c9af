package preflight

import (
	"errors"
	"fmt"
)

// page is one page's boxes (nil when absent, except media), resources and
// content streams.
type page struct {
	n                      int
	obj                    int // the page object's number, 0 when direct
	media                  rect
	crop, trim, bleed, art *rect
	rotate                 int
	resources              pdfDict
	contents               object  // decoded when the page is scanned
	dict                   pdfDict // the page object: annotations, actions, group
}

// pages walks the page tree and returns every page with its boxes,
// resources and content. It walks the tree itself rather than trusting
// /Count, which a damaged file can set to anything.
func (d *document) pages() ([]*page, error) {
	cat := d.x.catalog()
	if cat == nil {
		return nil, errors.New("no document catalog")
	}
	w := &treeWalk{d: d, seen: map[int]bool{}}
	if err := w.node(cat["Pages"], inherited{}, 0); err != nil {
		return nil, err
	}
	if len(w.pages) == 0 {
		return nil, errors.New("the PDF has no pages")
	}
	return w.pages, nil
}

const (
	maxPages     = 100_000
	maxTreeDepth = 64
)

// inherited are the page attributes a page takes from its ancestors.
type inherited struct {
	resources   pdfDict
	media, crop *rect
	rotate      int
}

type treeWalk struct {
	d     *document
	seen  map[int]bool
	pages []*page
}

func (w *treeWalk) node(o object, inh inherited, depth int) error {
	if nr := objNr(o); nr != 0 {
		if w.seen[nr] {
			return fmt.Errorf("page tree: object %d appears twice", nr)
		}
		w.seen[nr] = true
	}
	d := w.d
	n := d.dict(o)
	if n == nil || depth > maxTreeDepth || len(w.pages) >= maxPages {
		return errors.New("page tree: missing node, too deep or too many pages")
	}
	if r := d.dict(n["Resources"]); r != nil {
		inh.resources = r
	}
	if r := d.box(n["MediaBox"]); r != nil {
		inh.media = r
	}
	if r := d.box(n["CropBox"]); r != nil {
		inh.crop = r
	}
	if v, ok := d.num(n["Rotate"]); ok {
		inh.rotate = (int(v)%360 + 360) % 360
	}
	if kids, isNode := n["Kids"]; isNode && d.name(n["Type"]) != "Page" {
		for _, k := range d.array(kids) {
			if err := w.node(k, inh, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	nr := len(w.pages) + 1
	if inh.media == nil {
		return fmt.Errorf("page %d has no MediaBox", nr)
	}
	p := &page{n: nr, media: *inh.media, crop: inh.crop, rotate: inh.rotate, resources: inh.resources,
		trim: d.box(n["TrimBox"]), bleed: d.box(n["BleedBox"]), art: d.box(n["ArtBox"])}
	p.contents, p.dict = n["Contents"], n
	p.obj = objNr(o)
	w.pages = append(w.pages, p)
	return nil
}

// box reads a rectangle [x0 y0 x1 y1], or nil.
func (d *document) box(o object) *rect {
	a := d.array(o)
	if len(a) != 4 {
		return nil
	}
	var v [4]float64
	for k := range v {
		var ok bool
		if v[k], ok = d.num(a[k]); !ok {
			return nil
		}
	}
	r := normRect(v[0], v[1], v[2], v[3])
	return &r
}
