package preflight

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// document wraps pdfcpu's cross-reference table with the few look-ups the
// checks need. Every helper returns a zero value for a missing or wrong
// object instead of failing: preflight reports what it can see.
type document struct {
	x       *model.XRefTable
	fonts   map[int]*fontInfo // by object number
	streams map[int][]byte    // decoded form and pattern streams, by object number
}

// page is one page's boxes (nil when absent, except media), resources and
// decoded content.
type page struct {
	n                      int
	media                  rect
	crop, trim, bleed, art *rect
	rotate                 int
	resources              types.Dict
	content                []byte
}

const maxDecodedBytes = 64 << 20 // per stream

// readConfig is pdfcpu's relaxed reader configuration, built here rather
// than with model.NewDefaultConfiguration, which writes a configuration
// directory into the user's home.
func readConfig() *model.Configuration {
	limits := model.DefaultResourceLimits()
	limits.MaxDecodeBytes = maxDecodedBytes
	return &model.Configuration{
		Reader15:                  true,
		ValidationMode:            model.ValidationRelaxed,
		UnsupportedResourcePolicy: model.UnsupportedResourceSkip,
		Eol:                       types.EolLF,
		Limits:                    limits,
	}
}

// openDocument parses data with pdfcpu and counts its pages.
func openDocument(data []byte) (*document, error) {
	if len(data) == 0 {
		return nil, errors.New("empty file")
	}
	if !bytes.HasPrefix(bytes.TrimLeft(data[:min(len(data), 1024)], "\x00\t\n\r\f "), []byte("%PDF-")) {
		return nil, errors.New("not a PDF (no %PDF- header)")
	}
	// pdfcpu rebuilds a lost cross-reference table; a file cut short
	// must still fail, as it would at a print shop.
	if !bytes.Contains(data[max(0, len(data)-1024):], []byte("%%EOF")) {
		return nil, errors.New("truncated PDF: no %%EOF marker at the end")
	}
	ctx, err := api.ReadContext(bytes.NewReader(data), readConfig())
	if err != nil {
		return nil, fmt.Errorf("reading PDF: %w", err)
	}
	return &document{x: ctx.XRefTable, fonts: map[int]*fontInfo{}, streams: map[int][]byte{}}, nil
}

// pages walks the page tree and returns every page with its boxes,
// resources and content. It walks the tree itself rather than trusting
// /Count, which a damaged file can set to anything.
func (d *document) pages() ([]*page, error) {
	cat, err := d.x.Catalog()
	if err != nil || cat == nil {
		return nil, fmt.Errorf("no document catalog: %v", err)
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
	resources   types.Dict
	media, crop *rect
	rotate      int
}

type treeWalk struct {
	d     *document
	seen  map[int]bool
	pages []*page
}

func (w *treeWalk) node(o types.Object, inh inherited, depth int) error {
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
	var err error
	if p.content, err = d.content(n["Contents"]); err != nil {
		return fmt.Errorf("page %d: content stream: %w", nr, err)
	}
	w.pages = append(w.pages, p)
	return nil
}

// box reads a rectangle [x0 y0 x1 y1], or nil.
func (d *document) box(o types.Object) *rect {
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

// resolve follows indirect references (a few levels at most).
func (d *document) resolve(o types.Object) types.Object {
	for k := 0; k < 8; k++ {
		if _, ok := o.(types.IndirectRef); !ok {
			return o
		}
		r, err := d.x.Dereference(o)
		if err != nil {
			return nil
		}
		o = r
	}
	return nil
}

func (d *document) dict(o types.Object) types.Dict {
	switch v := d.resolve(o).(type) {
	case types.Dict:
		return v
	case types.StreamDict:
		return v.Dict
	}
	return nil
}

func (d *document) array(o types.Object) types.Array {
	a, _ := d.resolve(o).(types.Array)
	return a
}

func (d *document) name(o types.Object) string {
	n, _ := d.resolve(o).(types.Name)
	return string(n)
}

func (d *document) num(o types.Object) (float64, bool) {
	switch v := d.resolve(o).(type) {
	case types.Integer:
		return float64(v), true
	case types.Float:
		return float64(v), true
	}
	return 0, false
}

// stream returns a stream's dictionary and decoded data (nil data when it
// cannot be decoded).
func (d *document) stream(o types.Object) (types.Dict, []byte) {
	data, _ := d.decode(o)
	return d.dict(o), data
}

// decode returns a stream's decoded data, at most maxDecodedBytes; it is
// cached by object number (forms are often drawn many times).
func (d *document) decode(o types.Object) ([]byte, error) {
	nr := objNr(o)
	if b, ok := d.streams[nr]; ok && nr != 0 {
		return b, nil
	}
	sd, ok := d.resolve(o).(types.StreamDict)
	if !ok {
		return nil, errors.New("not a stream")
	}
	var data []byte
	if len(sd.FilterPipeline) == 0 {
		data = sd.Raw
	} else if err := sd.DecodeWithLimit(maxDecodedBytes); err != nil {
		return nil, err
	} else {
		data = sd.Content
	}
	if nr != 0 {
		d.streams[nr] = data
	}
	return data, nil
}

// content joins a page's content streams (one stream or an array).
func (d *document) content(o types.Object) ([]byte, error) {
	parts := []types.Object{o}
	if a, ok := d.resolve(o).(types.Array); ok {
		parts = a
	}
	var out []byte
	for _, p := range parts {
		if d.resolve(p) == nil {
			continue // a missing stream is an empty one
		}
		b, err := d.decode(p)
		if err != nil {
			return nil, err
		}
		if len(out)+len(b) > maxDecodedBytes {
			return nil, errors.New("content larger than 64 MiB")
		}
		out = append(append(out, b...), '\n') // streams split between tokens
	}
	return out, nil
}

// objNr is the object number behind an indirect reference, or 0.
func objNr(o types.Object) int {
	if r, ok := o.(types.IndirectRef); ok {
		return r.ObjectNumber.Value()
	}
	return 0
}
