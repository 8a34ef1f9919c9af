package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
)

// extras is what finish adds to the objects fpdf writes: it keeps to the
// page tree, the resource dictionary, the document information and the
// drawing, and finish does the rest.
type extras struct {
	fonts *fontSet
	spots *spotSet
	boxes []byte     // page dictionary entries (TrimBox, BleedBox), or nil
	links [][]link   // by page
	marks []bookmark // the outline, in order
	lang  string     // the catalog's /Lang, or ""
	op    bool       // a page overprints: the graphics states are needed
	std   standard   // what the file conforms to
	tags  *tagger    // the structure of a tagged document, or nil
}

// The graphics states that turn overprinting on (with the nonzero
// overprint mode, so that the inks a CMYK colour leaves at 0 do not knock
// out) and off, by resource name.
const (
	overprintOn  = "OP1"
	overprintOff = "OP0"
)

// finish writes the PDF fpdf made into w, completed: page boxes and link
// annotations added to every page, page contents compressed, an entry per
// font and spot ink in the resource dictionary, the font, ink, annotation
// and outline objects after fpdf's, the structure tree of a tagged
// document (structure.go), our own catalog, and what the file's standard
// asks for (standard.add: output intent, XMP, document information, /ID);
// then it writes them all anew in the PDF version of that standard, with
// an object stream and a cross-reference stream (writeObjects).
func finish(w io.Writer, data []byte, x extras) error {
	x.fonts.startPrograms()
	f, err := parseXref(data)
	if err != nil {
		return fmt.Errorf("reading fpdf's output: %w", err)
	}
	objs, err := f.bodies()
	if err != nil {
		return fmt.Errorf("reading fpdf's output: %w", err)
	}
	root, err := f.trailerRef("/Root")
	if err != nil {
		return fmt.Errorf("reading fpdf's output: %w", err)
	}
	info, err := f.trailerRef("/Info")
	if err != nil {
		return fmt.Errorf("reading fpdf's output: %w", err)
	}
	pages, err := pageObjects(objs[1])
	if err != nil {
		return fmt.Errorf("reading fpdf's output: %w", err)
	}
	add := objWriter{next: len(objs)}
	contents, err := compressContents(objs, pages)
	if err != nil {
		return fmt.Errorf("reading fpdf's output: %w", err)
	}

	var refs []byte
	for _, df := range x.fonts.list {
		n, err := add.font(df)
		if err != nil {
			return err
		}
		refs = fmt.Appendf(refs, "/%s %d 0 R\n", df.res, n)
	}
	// fpdf's resources list the procedure sets, obsolete since PDF 1.4,
	// and an empty /XObject dictionary: neither is needed.
	objs[2] = bytes.Replace(objs[2], []byte("/ProcSet [/PDF /Text /ImageB /ImageC /ImageI]\n"), nil, 1)
	objs[2] = bytes.Replace(objs[2], []byte("/XObject <<\n>>\n"), nil, 1)
	if objs[2], err = insertAfter(objs[2], "/Font <<\n", refs); err != nil {
		return fmt.Errorf("reading fpdf's output: resource dictionary (object 2): %w", err)
	}
	if len(x.spots.list) > 0 {
		var cs []byte
		for _, c := range x.spots.list {
			cs = fmt.Appendf(cs, "/%s %d 0 R\n", x.spots.res[c.Spot], add.separation(c))
		}
		if objs[2], err = insertAfter(objs[2], "/ColorSpace <<\n", cs); err != nil {
			return fmt.Errorf("reading fpdf's output: resource dictionary (object 2): %w", err)
		}
	}

	if x.op {
		on := add.object([]byte("<</Type /ExtGState /OP true /op true /OPM 1>>"))
		off := add.object([]byte("<</Type /ExtGState /OP false /op false /OPM 0>>"))
		gs := fmt.Appendf(nil, "/ExtGState <</%s %d 0 R /%s %d 0 R>>\n", overprintOn, on, overprintOff, off)
		if objs[2], err = insertAfter(objs[2], "<<\n", gs); err != nil {
			return fmt.Errorf("reading fpdf's output: resource dictionary (object 2): %w", err)
		}
	}
	annots := make([][]int, len(pages)) // by page, the link annotations' objects
	for i, p := range pages {
		entries := x.boxes
		if x.tags != nil {
			entries = fmt.Appendf(bytes.Clone(entries), "/Tabs /S /StructParents %d\n", i)
		}
		if i < len(x.links) && len(x.links[i]) > 0 {
			entries = append(bytes.Clone(entries), "/Annots ["...)
			for k, l := range x.links[i] {
				if k > 0 {
					entries = append(entries, ' ')
				}
				annots[i] = append(annots[i], add.object(x.tags.annotation(l.annotation(), l)))
				entries = fmt.Appendf(entries, "%d 0 R", annots[i][k])
			}
			entries = append(entries, "]\n"...)
		}
		if err := editPage(objs, p, entries, contents()[i]); err != nil {
			return fmt.Errorf("reading fpdf's output: page %d: %w", i+1, err)
		}
	}
	outline := add.outline(x.marks, pages)
	var tagged []byte
	if x.tags != nil {
		tagged = add.structTree(x.tags, pages, annots)
	}
	objs[root] = catalog(x.lang, pages, outline, tagged)
	id, err := x.std.add(&add, objs, root, info)
	if err != nil {
		return err
	}
	objs = append(objs, add.bodies...)
	return writeObjects(w, objs, trailer{root, info, id, x.std.version})
}

// pageObjects returns the object numbers of the pages the page tree
// (object 1) lists.
func pageObjects(tree []byte) ([]int, error) {
	_, kids, ok1 := bytes.Cut(tree, []byte("/Kids ["))
	kids, _, ok2 := bytes.Cut(kids, []byte("]"))
	refs := bytes.Fields(kids)
	if !ok1 || !ok2 || len(refs)%3 != 0 {
		return nil, errors.New("page tree (object 1) has no /Kids")
	}
	var pages []int
	for i := 0; i < len(refs); i += 3 {
		p, err := strconv.Atoi(string(refs[i]))
		if err != nil {
			return nil, fmt.Errorf("page tree (object 1) has /Kids [%s]", kids)
		}
		pages = append(pages, p)
	}
	return pages, nil
}

// compressContents compresses the pages' content streams, which fpdf
// writes uncompressed right after each page and names last in it
// ("/Contents N 0 R>>"), in a goroutine of its own: while the font
// objects wait for the font programs, which take longer. The function it
// returns waits for them, in page order.
func compressContents(objs [][]byte, pages []int) (func() [][]byte, error) {
	raw := make([][]byte, len(pages))
	for i, p := range pages {
		c := p + 1
		if p <= 0 || c >= len(objs) {
			return nil, fmt.Errorf("page %d: no page object %d", i+1, p)
		}
		if !bytes.HasSuffix(objs[p], fmt.Appendf(nil, "/Contents %d 0 R>>", c)) {
			return nil, fmt.Errorf("page %d: page object %d does not end with its contents, object %d", i+1, p, c)
		}
		rest, ok := bytes.CutPrefix(objs[c], []byte("<</Length "))
		length, rest, ok2 := bytes.Cut(rest, []byte(">>\nstream\n"))
		l, err := strconv.Atoi(string(length))
		if !ok || !ok2 || err != nil || l < 0 || l > len(rest) || string(rest[l:]) != "\nendstream" {
			return nil, fmt.Errorf("page %d: object %d is not an uncompressed stream", i+1, c)
		}
		raw[i] = rest[:l]
	}
	z := make([][]byte, len(pages))
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i, b := range raw {
			z[i] = deflate(b)
		}
	}()
	return func() [][]byte {
		<-done
		return z
	}, nil
}

// editPage adds entries to page object p after its /Parent, and replaces
// its content stream, the object after it, with z, its compressed form
// (see compressContents).
func editPage(objs [][]byte, p int, entries, z []byte) error {
	page := objs[p]
	const head = "<</Type /Page\n/Parent 1 0 R\n"
	if !bytes.HasPrefix(page, []byte(head)) {
		return fmt.Errorf("page object %d does not start with %q", p, head)
	}
	objs[p] = slices.Concat(page[:len(head)], entries, page[len(head):])
	objs[p+1] = streamBody(z, "/Filter /FlateDecode")
	return nil
}

// insertAfter returns obj with text inserted after key.
func insertAfter(obj []byte, key string, text []byte) ([]byte, error) {
	i := bytes.Index(obj, []byte(key))
	if i < 0 {
		return nil, fmt.Errorf("no %s", bytes.TrimSpace([]byte(key)))
	}
	i += len(key)
	return slices.Concat(obj[:i], text, obj[i:]), nil
}

// catalog returns the document catalog: the page tree, the language, the
// first page fitting the window, one page after another, the outline
// (shown when the file opens) when there is one, and the entries of a
// tagged document.
func catalog(lang string, pages []int, outline int, tagged []byte) []byte {
	b := []byte("<</Type /Catalog /Pages 1 0 R")
	if lang != "" {
		b = append(b, " /Lang "...)
		b = appendLiteral(b, lang)
	}
	if len(pages) > 0 {
		b = fmt.Appendf(b, " /OpenAction [%d 0 R /Fit]", pages[0])
	}
	b = append(b, " /PageLayout /OneColumn"...)
	if outline > 0 {
		b = fmt.Appendf(b, " /Outlines %d 0 R /PageMode /UseOutlines", outline)
	}
	b = append(b, tagged...)
	return append(b, ">>"...)
}

// trailer is what the cross-reference stream's dictionary names besides
// the objects, and the header's version ("1.7").
type trailer struct {
	root, info int
	id         fileID
	version    string
}

// writeObjects writes a PDF file of the objects (objs[0] unused): streams
// as they are, every other object in one compressed object stream, and a
// cross-reference stream (PDF 7.5.7, 7.5.8), which take PDF 1.5 at least.
func writeObjects(w io.Writer, objs [][]byte, t trailer) error {
	header := "%PDF-" + t.version + "\n%\xb5\xb6\xb7\xb8\n"
	size := len(header) + 256
	for _, o := range objs {
		size += len(o) + 24
	}
	b := make([]byte, 0, size)
	b = append(b, header...)
	stm := len(objs) // the object stream's number
	xref := stm + 1  // the cross-reference stream's
	// Each entry: type (1 in the file, 2 in the object stream), then the
	// offset, or the object stream and the index in it.
	type entry struct{ kind, f2, f3 int }
	entries := make([]entry, xref+1)
	var index, packed []byte
	k := 0 // objects in the object stream
	for n := 1; n < len(objs); n++ {
		if isStream(objs[n]) {
			entries[n] = entry{1, len(b), 0}
			b = appendObject(b, n, objs[n])
			continue
		}
		entries[n] = entry{2, stm, k}
		k++
		index = append(strconv.AppendInt(index, int64(n), 10), ' ')
		index = append(strconv.AppendInt(index, int64(len(packed)), 10), ' ')
		packed = append(append(packed, objs[n]...), '\n')
	}
	entries[stm] = entry{1, len(b), 0}
	b = appendObject(b, stm, streamBody(deflate(slices.Concat(index, packed)),
		fmt.Sprintf("/Type /ObjStm /N %d /First %d /Filter /FlateDecode", k, len(index))))
	entries[xref] = entry{1, len(b), 0}
	w2, w3 := byteWidth(len(b)), byteWidth(k)
	rows := make([]byte, 0, len(entries)*(1+w2+w3))
	for _, e := range entries {
		rows = append(rows, byte(e.kind))
		rows = appendBigEndian(rows, e.f2, w2)
		rows = appendBigEndian(rows, e.f3, w3)
	}
	at := len(b)
	b = appendObject(b, xref, streamBody(deflate(rows),
		fmt.Sprintf("/Type /XRef /Size %d /W [1 %d %d] /Root %d 0 R /Info %d 0 R /ID [<%x> <%x>] /Filter /FlateDecode",
			len(entries), w2, w3, t.root, t.info, t.id, t.id)))
	b = fmt.Appendf(b, "startxref\n%d\n%%%%EOF\n", at)
	_, err := w.Write(b)
	return err
}

// isStream says whether an object's body is a stream.
func isStream(body []byte) bool {
	return bytes.HasSuffix(body, []byte("\nendstream"))
}

// appendObject appends object n of body.
func appendObject(b []byte, n int, body []byte) []byte {
	b = append(b, objHeader(n)...)
	b = append(b, body...)
	return append(b, "\nendobj\n"...)
}

// byteWidth returns how many bytes v takes, at least one.
func byteWidth(v int) int {
	n := 1
	for v > 0xff {
		v >>= 8
		n++
	}
	return n
}

// appendBigEndian appends v in n bytes, most significant first.
func appendBigEndian(b []byte, v, n int) []byte {
	for i := n - 1; i >= 0; i-- {
		b = append(b, byte(v>>(8*i)))
	}
	return b
}
