package preflight

import (
	"bytes"
	"errors"
	"fmt"
)

// document is a PDF's objects with the few look-ups the checks need.
// Every helper returns a zero value for a missing or wrong object instead
// of failing: preflight reports what it can see.
type document struct {
	x       *pdfFile
	fonts   map[int]*fontInfo // by object number
	streams map[int][]byte    // decoded form and pattern streams, by object number
	// meta is the XMP metadata once read (see xmp): claims and three
	// families of checks read it.
	meta     *xmpMeta
	metaErr  error
	metaRead bool
}

const maxDecodedBytes = 64 << 20 // per stream

// openDocument reads data's cross-reference sections.
func openDocument(data []byte) (*document, error) {
	if len(data) == 0 {
		return nil, errors.New("empty file")
	}
	if !bytes.HasPrefix(bytes.TrimLeft(data[:min(len(data), 1024)], "\x00\t\n\r\f "), []byte("%PDF-")) {
		return nil, errors.New("not a PDF (no %PDF- header)")
	}
	// A lost cross-reference table is rebuilt; a file cut short must
	// still fail, as it would at a print shop.
	if !bytes.Contains(data[max(0, len(data)-1024):], []byte("%%EOF")) {
		return nil, errors.New("truncated PDF: no %%EOF marker at the end")
	}
	f, err := readFile(data)
	if err != nil {
		return nil, fmt.Errorf("reading PDF: %w", err)
	}
	return &document{x: f, fonts: map[int]*fontInfo{}, streams: map[int][]byte{}}, nil
}

// resolve follows indirect references (a few levels at most).
func (d *document) resolve(o object) object { return d.x.resolve(o) }

func (d *document) dict(o object) pdfDict {
	return d.x.dictOf(o)
}

func (d *document) array(o object) pdfArray {
	a, _ := d.resolve(o).(pdfArray)
	return a
}

func (d *document) name(o object) string {
	n, _ := d.resolve(o).(pdfName)
	return string(n)
}

func (d *document) num(o object) (float64, bool) {
	v, ok := d.resolve(o).(pdfNum)
	return float64(v), ok
}

// stream returns a form's or pattern's dictionary and decoded data (nil
// data when it cannot be decoded). The data is cached by object number:
// forms are often drawn many times.
func (d *document) stream(o object) (pdfDict, []byte) {
	nr := objNr(o)
	if b, ok := d.streams[nr]; ok && nr != 0 {
		return d.dict(o), b
	}
	data, _ := d.decode(o)
	if nr != 0 {
		d.streams[nr] = data
	}
	return d.dict(o), data
}

// decode returns a stream's decoded data, at most maxDecodedBytes.
func (d *document) decode(o object) ([]byte, error) {
	sd, ok := d.resolve(o).(*pdfStream)
	if !ok {
		return nil, errors.New("not a stream")
	}
	return decodeStream(d.x, sd)
}

// content joins a page's content streams (one stream or an array).
func (d *document) content(o object) ([]byte, error) {
	parts := []object{o}
	if a, ok := d.resolve(o).(pdfArray); ok {
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
func objNr(o object) int {
	if r, ok := o.(pdfRef); ok {
		return r.nr
	}
	return 0
}
