package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
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

// bodies returns the body of every object of f, by number (bodies[0] is
// nil): the text between "N 0 obj\n" and "\nendobj\n". An object ends
// where the next one in the file starts, so that nothing inside a stream
// is taken for its end.
func (f *xrefFile) bodies() ([][]byte, error) {
	order := make([]int, 0, len(f.offsets)-1)
	for n := 1; n < len(f.offsets); n++ {
		order = append(order, n)
	}
	slices.SortFunc(order, func(a, b int) int { return f.offsets[a] - f.offsets[b] })
	out := make([][]byte, len(f.offsets))
	for i, n := range order {
		end := f.xrefAt
		if i+1 < len(order) {
			end = f.offsets[order[i+1]]
		}
		obj := f.data[f.offsets[n]+len(objHeader(n)) : end]
		body, ok := bytes.CutSuffix(obj, []byte("\nendobj\n"))
		if !ok {
			return nil, fmt.Errorf("object %d has no endobj", n)
		}
		out[n] = body
	}
	return out, nil
}

// trailerRef returns the object number the trailer's entry key ("/Root")
// refers to.
func (f *xrefFile) trailerRef(key string) (int, error) {
	_, v, ok := bytes.Cut(f.trailer, []byte(key+" "))
	v, _, ok2 := bytes.Cut(v, []byte(" 0 R"))
	n, err := strconv.Atoi(string(v))
	if !ok || !ok2 || err != nil || n <= 0 || n >= len(f.offsets) {
		return 0, fmt.Errorf("trailer has no %s reference", key)
	}
	return n, nil
}
