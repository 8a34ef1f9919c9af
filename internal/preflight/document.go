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

// openDocument parses data with pdfcpu.
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

// stream returns a form's or pattern's dictionary and decoded data (nil
// data when it cannot be decoded). The data is cached by object number:
// forms are often drawn many times.
func (d *document) stream(o types.Object) (types.Dict, []byte) {
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
func (d *document) decode(o types.Object) ([]byte, error) {
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
