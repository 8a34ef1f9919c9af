package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// xrefFile is a PDF file as fpdf writes it: objects, one cross-reference
// section starting at object 0, a trailer and startxref. Objects are found
// through the cross-reference offsets only.
type xrefFile struct {
	data    []byte
	offsets []int  // per object number; offsets[0] is unused
	xrefAt  int    // offset of the "xref" keyword
	trailer []byte // the trailer dictionary's entries, one a line, but /Size
}

// xrefEntry is the length of a cross-reference entry, end of line included.
const xrefEntry = 20

// parseXref reads the cross-reference table and trailer of data, found
// from startxref at its end, and checks that every offset points at its
// object.
func parseXref(data []byte) (*xrefFile, error) {
	f := &xrefFile{data: data}
	sx := bytes.LastIndex(data, []byte("startxref"))
	if sx < 0 {
		return nil, errors.New("no startxref")
	}
	fields := bytes.Fields(data[sx+len("startxref"):])
	if len(fields) == 0 {
		return nil, errors.New("no offset after startxref")
	}
	at, err := strconv.Atoi(string(fields[0]))
	if err != nil || at < 0 || at >= sx {
		return nil, fmt.Errorf("startxref gives %q", fields[0])
	}
	f.xrefAt = at
	rest, ok := bytes.CutPrefix(data[at:sx], []byte("xref\n0 "))
	if !ok {
		return nil, fmt.Errorf("no cross-reference table starting at object 0 at offset %d", at)
	}
	line, rest, _ := bytes.Cut(rest, []byte("\n"))
	n, err := strconv.Atoi(string(line))
	if err != nil || n < 3 || n*xrefEntry > len(rest) {
		return nil, fmt.Errorf("cross-reference table of %q objects", line)
	}
	f.offsets = make([]int, n)
	for i := 1; i < n; i++ {
		e := rest[i*xrefEntry : (i+1)*xrefEntry]
		if string(e[10:]) != " 00000 n \n" {
			return nil, fmt.Errorf("cross-reference entry %d is %q", i, e)
		}
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || off < 0 || off >= at || !bytes.HasPrefix(data[off:], objHeader(i)) {
			return nil, fmt.Errorf("cross-reference entry %d is %q, not the offset of %q", i, e, objHeader(i))
		}
		f.offsets[i] = off
	}
	trailer, ok := bytes.CutPrefix(rest[n*xrefEntry:], []byte("trailer\n<<\n"))
	if !ok {
		return nil, errors.New("no trailer after the cross-reference table")
	}
	trailer, _, ok = bytes.Cut(trailer, []byte(">>\n"))
	if !ok {
		return nil, errors.New("unterminated trailer")
	}
	size := []byte("/Size " + strconv.Itoa(n) + "\n")
	if !bytes.HasPrefix(trailer, size) {
		return nil, fmt.Errorf("trailer does not start with %q", size)
	}
	f.trailer = trailer[len(size):]
	return f, nil
}

// objHeader returns "N 0 obj\n", how fpdf starts object n.
func objHeader(n int) []byte {
	return append(strconv.AppendInt(nil, int64(n), 10), " 0 obj\n"...)
}

// dict returns the text of object n from its header to its endobj, for
// an object without a stream (a stream's data could hold anything).
func (f *xrefFile) dict(n int) ([]byte, error) {
	if n <= 0 || n >= len(f.offsets) {
		return nil, fmt.Errorf("no object %d", n)
	}
	obj := f.data[f.offsets[n]:f.xrefAt]
	end := bytes.Index(obj, []byte("\nendobj\n"))
	if end < 0 {
		return nil, fmt.Errorf("object %d has no endobj", n)
	}
	return obj[:end+len("\nendobj\n")], nil
}

// edit replaces del bytes at offset at of fpdf's output with text.
type edit struct {
	at, del int
	text    []byte
}

// finish writes the PDF fpdf made into w, completed: page boxes (the
// dictionary entries boxes holds) added to every page, page contents
// compressed, an entry per font in the resource dictionary's /Font, the
// font objects after fpdf's, and a new cross-reference table and trailer.
// It also declares PDF 1.4 instead of fpdf's 1.3: /Lang is a 1.4 key.
func finish(w io.Writer, data []byte, fonts *fontSet, spots *spotSet, boxes []byte) error {
	f, err := parseXref(data)
	if err != nil {
		return fmt.Errorf("reading fpdf's output: %w", err)
	}
	edits, err := f.pageEdits(boxes)
	if err != nil {
		return fmt.Errorf("reading fpdf's output: %w", err)
	}
	ins, err := f.resourceDictAt("/Font <<\n")
	if err != nil {
		return fmt.Errorf("reading fpdf's output: %w", err)
	}
	csAt, err := f.resourceDictAt("/ColorSpace <<\n")
	if err != nil && len(spots.list) > 0 {
		return fmt.Errorf("reading fpdf's output: %w", err)
	}
	objs := objWriter{next: len(f.offsets)}
	var refs []byte
	for _, df := range fonts.list {
		n, err := objs.font(df)
		if err != nil {
			return err
		}
		refs = fmt.Appendf(refs, "/%s %d 0 R\n", df.res, n)
	}
	edits = append(edits, edit{at: ins, text: refs})
	if len(spots.list) > 0 {
		var cs []byte
		for _, c := range spots.list {
			cs = fmt.Appendf(cs, "/%s %d 0 R\n", spots.res[c.Spot], objs.separation(c))
		}
		edits = append(edits, edit{at: csAt, text: cs})
	}
	slices.SortFunc(edits, func(a, b edit) int { return a.at - b.at })
	if bytes.HasPrefix(data, []byte("%PDF-1.3")) {
		copy(data, "%PDF-1.4")
	}

	// An object moves by what the edits before it add or remove; an edit
	// that replaces an object starts where the object does.
	offsets := make([]int, 1, len(f.offsets)+len(objs.offsets))
	for _, off := range f.offsets[1:] {
		moved := off
		for _, e := range edits {
			if e.at < off {
				moved += len(e.text) - e.del
			}
		}
		offsets = append(offsets, moved)
	}
	end := f.xrefAt
	for _, e := range edits {
		end += len(e.text) - e.del
	}
	for _, off := range objs.offsets {
		offsets = append(offsets, end+off)
	}

	parts := make([][]byte, 0, 2*len(edits)+3)
	prev := 0
	for _, e := range edits {
		parts = append(parts, data[prev:e.at], e.text)
		prev = e.at + e.del
	}
	parts = append(parts, data[prev:f.xrefAt], objs.buf, f.xrefTable(offsets, end+len(objs.buf)))
	for _, p := range parts {
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}

// resourceDictAt returns the offset just after key ("/Font <<\n") in the
// resource dictionary fpdf writes as object 2 and gives every page, where
// entries for our fonts and spot inks go.
func (f *xrefFile) resourceDictAt(key string) (int, error) {
	obj, err := f.dict(2)
	if err != nil {
		return 0, err
	}
	i := bytes.Index(obj, []byte(key))
	if i < 0 {
		return 0, fmt.Errorf("resource dictionary (object 2) has no %s", strings.TrimSpace(key))
	}
	return f.offsets[2] + i + len(key), nil
}

// pageEdits returns edits that add boxes to each page object after its
// /Parent, and replace its content stream, which fpdf writes uncompressed,
// with its compressed form. fpdf writes a page's content right after the
// page, as the next object, and names it last in the page:
// "/Contents N 0 R>>".
func (f *xrefFile) pageEdits(boxes []byte) ([]edit, error) {
	pages, err := f.dict(1)
	if err != nil {
		return nil, err
	}
	_, kids, ok1 := bytes.Cut(pages, []byte("/Kids ["))
	kids, _, ok2 := bytes.Cut(kids, []byte("]"))
	if !ok1 || !ok2 {
		return nil, errors.New("page tree (object 1) has no /Kids")
	}
	refs := bytes.Fields(kids)
	if len(refs)%3 != 0 {
		return nil, fmt.Errorf("page tree (object 1) has /Kids [%s]", kids)
	}
	var edits []edit
	for i := 0; i < len(refs); i += 3 {
		p, err := strconv.Atoi(string(refs[i]))
		if err != nil {
			return nil, fmt.Errorf("page tree (object 1) has /Kids [%s]", kids)
		}
		c := p + 1
		page, err := f.dict(p)
		if err != nil {
			return nil, err
		}
		if !bytes.HasSuffix(page, fmt.Appendf(nil, "/Contents %d 0 R>>\nendobj\n", c)) {
			return nil, fmt.Errorf("page object %d does not end with its contents, object %d", p, c)
		}
		if len(boxes) > 0 {
			head := append(objHeader(p), "<</Type /Page\n/Parent 1 0 R\n"...)
			if !bytes.HasPrefix(page, head) {
				return nil, fmt.Errorf("page object %d does not start with %q", p, head)
			}
			edits = append(edits, edit{at: f.offsets[p] + len(head), text: boxes})
		}
		e, err := f.compressStream(c)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i/3+1, err)
		}
		edits = append(edits, e)
	}
	return edits, nil
}

// compressStream returns the edit that replaces stream object n, which
// must be fpdf's "<</Length L>>" stream, with a compressed one.
func (f *xrefFile) compressStream(n int) (edit, error) {
	start := f.offsets[n]
	obj := f.data[start:f.xrefAt]
	head := append(objHeader(n), "<</Length "...)
	rest, ok := bytes.CutPrefix(obj, head)
	length, rest, ok2 := bytes.Cut(rest, []byte(">>\nstream\n"))
	l, err := strconv.Atoi(string(length))
	if !ok || !ok2 || err != nil || l < 0 || l > len(rest) {
		return edit{}, fmt.Errorf("object %d is not an uncompressed stream", n)
	}
	const tail = "\nendstream\nendobj\n"
	if !bytes.HasPrefix(rest[l:], []byte(tail)) {
		return edit{}, fmt.Errorf("object %d: no endstream after its %d bytes", n, l)
	}
	data := rest[:l]
	z := deflate(data)
	text := fmt.Appendf(make([]byte, 0, len(z)+80), "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", n, len(z))
	text = append(append(text, z...), tail...)
	return edit{at: start, del: len(obj) - len(rest) + l + len(tail), text: text}, nil
}

// xrefTable returns the cross-reference table for objects at offsets
// (offsets[0] unused), the trailer with the new /Size and fpdf's other
// entries, and startxref pointing at at, where the table will be.
func (f *xrefFile) xrefTable(offsets []int, at int) []byte {
	b := make([]byte, 0, 64+xrefEntry*len(offsets)+len(f.trailer))
	b = fmt.Appendf(b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, off := range offsets[1:] {
		b = fmt.Appendf(b, "%010d 00000 n \n", off)
	}
	b = fmt.Appendf(b, "trailer\n<<\n/Size %d\n", len(offsets))
	b = append(b, f.trailer...)
	return fmt.Appendf(b, ">>\nstartxref\n%d\n%%%%EOF\n", at)
}
