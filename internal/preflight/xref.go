package preflight

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
)

// pdfFile is a PDF's objects, found through its cross-reference sections
// (tables or streams, ISO 32000-1 §7.5.4, §7.5.8) and read when asked
// for, object streams included. When the sections are missing or wrong,
// the objects are found by scanning the file for "n g obj", as readers do.
type pdfFile struct {
	data    []byte
	xref    map[int]xrefEntry
	trailer pdfDict
	objs    map[int]object   // parsed, by number
	objStm  map[int][]object // the objects of parsed object streams
	busy    map[int]bool     // objects being read: a /Length loop ends
	scanned bool             // xref rebuilt by scanning
	// decoded is every stream decoded, with the damage a filter found
	// in it (nil when it decoded whole): see checkStreams.
	decoded map[*pdfStream]error
}

type xrefEntry struct {
	off    int // byte offset, or the object stream's number
	inStm  bool
	index  int // in the object stream
	hasOff bool
}

const (
	maxObjects  = 10_000_000
	maxSections = 1_000 // /Prev chain
)

// readFile reads a PDF's cross-reference sections and trailer.
func readFile(data []byte) (*pdfFile, error) {
	f := &pdfFile{data: data, objs: map[int]object{}, objStm: map[int][]object{}, busy: map[int]bool{}}
	if err := f.readSections(); err != nil || f.trailer["Root"] == nil {
		if err := f.rebuild(); err != nil {
			return nil, err
		}
	}
	if _, ok := f.trailer["Encrypt"]; ok {
		return nil, errors.New("encrypted PDF: preflight reads unencrypted files only")
	}
	return f, nil
}

// readSections follows startxref and the /Prev chain; the newest entry of
// an object wins.
func (f *pdfFile) readSections() error {
	tail := f.data[max(0, len(f.data)-2048):]
	k := bytes.LastIndex(tail, []byte("startxref"))
	if k < 0 {
		return errors.New("no startxref")
	}
	p := &parser{l: lexer{b: tail, i: k + len("startxref")}}
	off, ok := p.integer()
	if !ok {
		return errors.New("bad startxref")
	}
	f.xref = map[int]xrefEntry{}
	seen := map[int]bool{}
	for n := 0; n < maxSections; n++ {
		if off <= 0 || off >= len(f.data) || seen[off] {
			return errors.New("bad cross-reference offset")
		}
		seen[off] = true
		trailer, err := f.section(off)
		if err != nil {
			return err
		}
		if f.trailer == nil {
			f.trailer = trailer
		}
		// A hybrid file's table names an xref stream for its newer objects.
		if stm, ok := trailer["XRefStm"].(pdfNum); ok && !seen[int(stm)] && int(stm) > 0 && int(stm) < len(f.data) {
			seen[int(stm)] = true
			if _, err := f.section(int(stm)); err != nil {
				return err
			}
		}
		prev, ok := trailer["Prev"].(pdfNum)
		if !ok {
			return nil
		}
		off = int(prev)
	}
	return errors.New("too many cross-reference sections")
}

// section reads the cross-reference table or stream at off and returns
// its trailer dictionary.
func (f *pdfFile) section(off int) (pdfDict, error) {
	p := &parser{l: lexer{b: f.data, i: off}}
	if p.keyword() == "xref" {
		return f.table(p)
	}
	p = &parser{l: lexer{b: f.data, i: off}, length: f.length}
	if _, _, err := p.header(); err != nil {
		return nil, fmt.Errorf("cross-reference at %d: %w", off, err)
	}
	o, err := p.object(0)
	if err != nil {
		return nil, err
	}
	s, ok := o.(*pdfStream)
	if !ok || s.dict["Type"] != pdfName("XRef") {
		return nil, errors.New("no cross-reference stream")
	}
	return s.dict, f.xrefStream(s)
}

// table reads a classic table after its "xref" keyword, then the trailer.
func (f *pdfFile) table(p *parser) (pdfDict, error) {
	for {
		if kw := p.keyword(); kw == "trailer" {
			o, err := p.object(0)
			if err != nil {
				return nil, fmt.Errorf("trailer: %w", err)
			}
			d, ok := o.(pdfDict)
			if !ok {
				return nil, errors.New("trailer is not a dictionary")
			}
			return d, nil
		} else if kw != "" {
			return nil, fmt.Errorf("cross-reference table: unexpected %q", kw)
		}
		start, ok1 := p.integer()
		count, ok2 := p.integer()
		if !ok1 || !ok2 || start+count > maxObjects {
			return nil, errors.New("bad cross-reference subsection")
		}
		for k := 0; k < count; k++ {
			off, ok1 := p.integer()
			_, ok2 := p.integer()
			kind := p.keyword()
			if !ok1 || !ok2 || (kind != "n" && kind != "f") {
				return nil, errors.New("bad cross-reference entry")
			}
			if _, seen := f.xref[start+k]; !seen {
				f.xref[start+k] = xrefEntry{off: off, hasOff: kind == "n"}
			}
		}
	}
}

// xrefStream reads a cross-reference stream's entries.
func (f *pdfFile) xrefStream(s *pdfStream) error {
	data, err := decodeStream(f, s)
	if err != nil {
		return fmt.Errorf("cross-reference stream: %w", err)
	}
	var w [3]int
	wa, _ := s.dict["W"].(pdfArray)
	if len(wa) != 3 {
		return errors.New("cross-reference stream: bad /W")
	}
	for k := range w {
		v, _ := wa[k].(pdfNum)
		if v < 0 || v > 8 {
			return errors.New("cross-reference stream: bad /W")
		}
		w[k] = int(v)
	}
	size, _ := s.dict["Size"].(pdfNum)
	index := pdfArray{pdfNum(0), size}
	if a, ok := s.dict["Index"].(pdfArray); ok {
		index = a
	}
	row := w[0] + w[1] + w[2]
	if row == 0 {
		return errors.New("cross-reference stream: bad /W")
	}
	field := func(b []byte) int {
		v := 0
		for _, c := range b {
			v = v<<8 | int(c)
		}
		return v
	}
	for k := 0; k+1 < len(index); k += 2 {
		start, _ := index[k].(pdfNum)
		count, _ := index[k+1].(pdfNum)
		if start < 0 || count < 0 || start+count > maxObjects {
			return errors.New("cross-reference stream: bad /Index")
		}
		for j := 0; j < int(count) && len(data) >= row; j++ {
			typ := 1
			if w[0] > 0 {
				typ = field(data[:w[0]])
			}
			a, b := field(data[w[0]:w[0]+w[1]]), field(data[w[0]+w[1]:row])
			data = data[row:]
			nr := int(start) + j
			if _, seen := f.xref[nr]; seen {
				continue
			}
			switch typ {
			case 0:
				f.xref[nr] = xrefEntry{}
			case 1:
				f.xref[nr] = xrefEntry{off: a, hasOff: true}
			case 2:
				f.xref[nr] = xrefEntry{off: a, inStm: true, index: b, hasOff: true}
			}
		}
	}
	return nil
}

// rebuild finds every "n g obj" in the file (the last of a number wins)
// and takes the trailer from the last trailer dictionary or
// cross-reference stream.
func (f *pdfFile) rebuild() error {
	f.xref, f.trailer, f.scanned = map[int]xrefEntry{}, nil, true
	f.objs, f.objStm = map[int]object{}, map[int][]object{}
	b := f.data
	for k := bytes.Index(b, []byte("obj")); k >= 0; {
		if start, nr, ok := objectHeaderBefore(b, k); ok {
			f.xref[nr] = xrefEntry{off: start, hasOff: true}
		}
		next := bytes.Index(b[k+3:], []byte("obj"))
		if next < 0 {
			break
		}
		k += 3 + next
	}
	if k := bytes.LastIndex(b, []byte("trailer")); k >= 0 {
		p := &parser{l: lexer{b: b, i: k + len("trailer")}}
		if o, err := p.object(0); err == nil {
			f.trailer, _ = o.(pdfDict)
		}
	}
	if f.trailer["Root"] == nil {
		// A file with xref streams: the newest XRef stream is the trailer;
		// else the catalog is whatever object says /Type /Catalog.
		f.trailer = pdfDict{}
		nrs := make([]int, 0, len(f.xref))
		for nr := range f.xref {
			nrs = append(nrs, nr)
		}
		slices.SortFunc(nrs, func(a, b int) int { return f.xref[a].off - f.xref[b].off })
		for _, nr := range nrs {
			d := f.dictOf(f.get(nr))
			switch {
			case d["Type"] == pdfName("XRef") && d["Root"] != nil:
				f.trailer = d
			case d["Type"] == pdfName("Catalog") && f.trailer["Root"] == nil:
				f.trailer = pdfDict{"Root": pdfRef{nr, 0}}
			}
		}
	}
	if f.trailer["Root"] == nil {
		return errors.New("no document catalog found")
	}
	return nil
}

// objectHeaderBefore reads "nr gen " before the "obj" at k, at the start
// of a line or after whitespace, and returns where it starts.
func objectHeaderBefore(b []byte, k int) (start, nr int, ok bool) {
	i := k
	back := func(digits bool) int {
		j := i
		for j > 0 && (digits && b[j-1] >= '0' && b[j-1] <= '9' || !digits && isSpace(b[j-1])) {
			j--
		}
		return j
	}
	if i+3 < len(b) && !isSpace(b[i+3]) && !isDelim(b[i+3]) {
		return 0, 0, false // "objects", "obj2"
	}
	if j := back(false); j == i {
		return 0, 0, false
	} else {
		i = j
	}
	j := back(true)
	if j == i {
		return 0, 0, false
	}
	i = j
	if j = back(false); j == i {
		return 0, 0, false
	}
	i = j
	j = back(true)
	if j == i || i-j > 10 || (j > 0 && !isSpace(b[j-1]) && !isDelim(b[j-1])) {
		return 0, 0, false
	}
	n, ok := atoi(string(b[j:i]))
	if !ok || n <= 0 || n > maxObjects {
		return 0, 0, false
	}
	return j, n, true
}

// get returns object nr (nil when missing or unreadable).
func (f *pdfFile) get(nr int) object {
	if o, ok := f.objs[nr]; ok {
		return o
	}
	if f.busy[nr] {
		return nil
	}
	f.busy[nr] = true
	defer delete(f.busy, nr)
	o, err := f.read(nr)
	if err != nil && !f.scanned {
		// The table lied: find the objects by scanning, once.
		if f.rebuild() == nil {
			f.busy[nr] = true
			o, _ = f.read(nr)
		}
	}
	if s, ok := o.(*pdfStream); ok {
		s.nr = nr
	}
	f.objs[nr] = o
	return o
}

func (f *pdfFile) read(nr int) (object, error) {
	e, ok := f.xref[nr]
	if !ok || !e.hasOff {
		return nil, nil // a free or missing object is null
	}
	if e.inStm {
		return f.inObjectStream(e.off, e.index, nr)
	}
	if e.off < 0 || e.off >= len(f.data) {
		return nil, fmt.Errorf("object %d: offset out of the file", nr)
	}
	p := &parser{l: lexer{b: f.data, i: e.off}, length: f.length}
	got, _, err := p.header()
	if err != nil || got != nr {
		return nil, fmt.Errorf("object %d: not at its offset", nr)
	}
	return p.object(0)
}

// inObjectStream reads object nr, the index-th of object stream stm.
func (f *pdfFile) inObjectStream(stm, index, nr int) (object, error) {
	objs, ok := f.objStm[stm]
	if !ok {
		f.objStm[stm] = nil // a stream that contains itself reads as empty
		s, _ := f.get(stm).(*pdfStream)
		if s == nil || s.dict["Type"] != pdfName("ObjStm") {
			return nil, fmt.Errorf("object %d: no object stream %d", nr, stm)
		}
		data, err := decodeStream(f, s)
		if err != nil {
			return nil, fmt.Errorf("object stream %d: %w", stm, err)
		}
		n, _ := s.dict["N"].(pdfNum)
		first, _ := s.dict["First"].(pdfNum)
		if n < 0 || n > maxObjects || first < 0 || int(first) > len(data) {
			return nil, fmt.Errorf("object stream %d: bad /N or /First", stm)
		}
		hp := &parser{l: lexer{b: data[:int(first)]}}
		for k := 0; k < int(n); k++ {
			_, ok1 := hp.integer()
			off, ok2 := hp.integer()
			if !ok1 || !ok2 || int(first)+off > len(data) {
				break
			}
			op := &parser{l: lexer{b: data, i: int(first) + off}}
			o, _ := op.object(0)
			objs = append(objs, o)
		}
		f.objStm[stm] = objs
	}
	if index < 0 || index >= len(objs) {
		return nil, fmt.Errorf("object %d: not in object stream %d", nr, stm)
	}
	return objs[index], nil
}

// resolve follows references (a few levels at most).
func (f *pdfFile) resolve(o object) object {
	for k := 0; k < 8; k++ {
		r, ok := o.(pdfRef)
		if !ok {
			return o
		}
		if f == nil {
			return nil
		}
		o = f.get(r.nr)
	}
	return nil
}

func (f *pdfFile) dictOf(o object) pdfDict {
	switch v := f.resolve(o).(type) {
	case pdfDict:
		return v
	case *pdfStream:
		return v.dict
	}
	return nil
}

// length resolves a stream's /Length, direct or indirect.
func (f *pdfFile) length(o object) (int, bool) {
	n, ok := f.resolve(o).(pdfNum)
	return int(n), ok && n >= 0 && float64(n) == float64(int(n))
}

// catalog is the document catalog, or nil.
func (f *pdfFile) catalog() pdfDict {
	return f.dictOf(f.trailer["Root"])
}
