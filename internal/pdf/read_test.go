package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brochure-dev/brochure/internal/color"
	"github.com/brochure-dev/brochure/internal/font"
	"github.com/brochure-dev/brochure/internal/frame"
)

// This file reads back the PDFs the tests write, just enough for them:
// objects through the cross-reference stream, in the file or in object
// streams, stream data, dictionary entries.

// pdfFile is a written PDF with its objects found through its
// cross-reference stream.
type pdfFile struct {
	data    []byte
	trailer string   // the cross-reference stream's dictionary
	entries [][3]int // by object number: type, then offset or object stream and index
	objStms map[int][]string
}

// size is the number of objects, object 0 included.
func (f *pdfFile) size() int { return len(f.entries) }

func readPDF(t testing.TB, data []byte) *pdfFile {
	t.Helper()
	f := &pdfFile{data: data, objStms: map[int][]string{}}
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(data)
	if m == nil {
		t.Fatalf("no startxref at the end: %q", data[max(0, len(data)-40):])
	}
	at, _ := strconv.Atoi(string(m[1]))
	hm := regexp.MustCompile(`^(\d+) 0 obj\n`).FindSubmatch(data[at:])
	if hm == nil {
		t.Fatalf("startxref %d does not point at an object", at)
	}
	xn, _ := strconv.Atoi(string(hm[1]))
	dict, rows := f.streamAt(t, at, xn)
	if v, _ := entry(dict, "Type"); v != "/XRef" {
		t.Fatalf("startxref points at %q, not a cross-reference stream", dict)
	}
	f.trailer = dict
	w, _ := entry(dict, "W")
	var widths [3]int
	for i, v := range strings.Fields(strings.Trim(w, "[]")) {
		widths[i], _ = strconv.Atoi(v)
	}
	n := entryInt(t, dict, "Size")
	row := widths[0] + widths[1] + widths[2]
	if len(rows) != n*row {
		t.Fatalf("cross-reference stream of %d bytes for /Size %d and /W %s", len(rows), n, w)
	}
	for i := range n {
		var e [3]int
		k := i * row
		for j, wd := range widths {
			for range wd {
				e[j] = e[j]<<8 | int(rows[k])
				k++
			}
		}
		if e[0] == 1 && !bytes.HasPrefix(data[e[1]:], objHeader(i)) {
			t.Fatalf("cross-reference entry %d: offset %d is not the object's", i, e[1])
		}
		f.entries = append(f.entries, e)
	}
	return f
}

// streamAt reads the stream object n at offset at: its dictionary, and
// its data, decoded.
func (f *pdfFile) streamAt(t testing.TB, at, n int) (string, []byte) {
	t.Helper()
	obj := f.data[at+len(objHeader(n)):]
	head, rest, ok := bytes.Cut(obj, []byte(">>\nstream\n"))
	if !ok {
		t.Fatalf("object %d is not a stream", n)
	}
	length := entryInt(t, string(head), "Length")
	data := rest[:length]
	if !bytes.HasPrefix(rest[length:], []byte("\nendstream\nendobj\n")) {
		t.Fatalf("object %d: no endstream after /Length %d bytes", n, length)
	}
	if bytes.Contains(head, []byte("/FlateDecode")) {
		r, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("object %d: %v", n, err)
		}
		if data, err = io.ReadAll(r); err != nil {
			t.Fatalf("object %d: %v", n, err)
		}
	}
	return string(head) + ">>", data
}

// object returns object n's dictionary (or other value) and its stream's
// decoded data, if it is a stream.
func (f *pdfFile) object(t testing.TB, n int) (dict string, stream []byte) {
	t.Helper()
	if n <= 0 || n >= len(f.entries) {
		t.Fatalf("no object %d", n)
	}
	switch e := f.entries[n]; e[0] {
	case 1:
		obj := f.data[e[1]+len(objHeader(n)):]
		if end := bytes.Index(obj, []byte("\nendobj\n")); !bytes.Contains(obj[:end], []byte(">>\nstream\n")) {
			return string(obj[:end]), nil
		}
		return f.streamAt(t, e[1], n)
	case 2:
		objs, ok := f.objStms[e[1]]
		if !ok {
			objs = f.readObjStm(t, e[1])
		}
		if e[2] >= len(objs) {
			t.Fatalf("object %d: index %d of object stream %d, which has %d", n, e[2], e[1], len(objs))
		}
		return objs[e[2]], nil
	}
	t.Fatalf("object %d is free", n)
	return "", nil
}

// readObjStm returns the objects of object stream n, in order.
func (f *pdfFile) readObjStm(t testing.TB, n int) []string {
	t.Helper()
	if f.entries[n][0] != 1 {
		t.Fatalf("object stream %d inside another", n)
	}
	dict, data := f.streamAt(t, f.entries[n][1], n)
	count, first := entryInt(t, dict, "N"), entryInt(t, dict, "First")
	head := strings.Fields(string(data[:first]))
	if len(head) != 2*count {
		t.Fatalf("object stream %d: header %q for /N %d", n, head, count)
	}
	var objs []string
	for i := range count {
		from, _ := strconv.Atoi(head[2*i+1])
		to := len(data) - first
		if i+1 < count {
			to, _ = strconv.Atoi(head[2*i+3])
		}
		objs = append(objs, strings.TrimSpace(string(data[first+from:first+to])))
	}
	f.objStms[n] = objs
	return objs
}

// entry returns the value of /key in a dictionary's text: a name, number,
// reference or bracketed array, as written.
func entry(dict, key string) (string, bool) {
	re := regexp.MustCompile(`/` + key + `[ \n]*(\[[^\]]*\]|\d+ 0 R|/[^\s/<>\[\]]+|-?[\d.]+)`)
	m := re.FindStringSubmatch(dict)
	if m == nil {
		return "", false
	}
	return m[1], true
}

func entryInt(t testing.TB, dict, key string) int {
	t.Helper()
	v, ok := entry(dict, key)
	n, err := strconv.Atoi(v)
	if !ok || err != nil {
		t.Fatalf("no integer /%s in %q", key, dict)
	}
	return n
}

// ref returns the object number of the reference /key holds.
func ref(t testing.TB, dict, key string) int {
	t.Helper()
	v, ok := entry(dict, key)
	if !ok {
		t.Fatalf("no /%s in %q", key, dict)
	}
	n, err := strconv.Atoi(v[:len(v)-len(" 0 R")])
	if err != nil {
		t.Fatalf("/%s %s is not a reference", key, v)
	}
	return n
}

var (
	facesOnce sync.Once
	faces     map[string]*font.Face
	facesErr  error
)

// face returns the parsed font fonts/NAME.ttf, shared by the tests.
func face(t testing.TB, name string) *font.Face {
	t.Helper()
	facesOnce.Do(func() {
		faces = map[string]*font.Face{}
		for _, n := range []string{"Inter-Regular", "Inter-Bold", "Inter-Italic"} {
			data, err := os.ReadFile("../../fonts/" + n + ".ttf")
			if err != nil {
				facesErr = err
				return
			}
			if faces[n], facesErr = font.Parse(n+".ttf", data); facesErr != nil {
				return
			}
		}
	})
	if facesErr != nil {
		t.Fatal(facesErr)
	}
	return faces[name]
}

var (
	ink    = color.Color{Name: "ink", RGB: color.RGB{R: 0x17, G: 0x20, B: 0x2c}, CMYK: color.CMYK{C: 70, M: 50, Y: 30, K: 80}}
	accent = color.Color{Name: "accent", RGB: color.RGB{R: 0xe8, G: 0xa3, B: 0x17}, CMYK: color.CMYK{M: 35, Y: 100}}
	grey   = color.Color{Name: "grey", RGB: color.RGB{R: 0x80, G: 0x80, B: 0x80}, CMYK: color.CMYK{K: 50}}
)

// sampleText lists the runs of sampleDoc, page by page.
var sampleText = [][]string{
	{"Site Reliability Engineer", "Compétences recherchées", "AVATAR Type Wave, “quotes” l’équipe", "45–55\u00a0k€ · 24\u202f/\u202f7", ""},
	{"Formation et parcours", "Français ’ʼ ĳ ǻ \U0001F130", "Tracking TO AV"},
}

// sampleDoc is a two-page document that uses every kind of item, three
// faces, kerned and tracked text, and bookmarks with accents.
func sampleDoc(t testing.TB, print bool) *frame.Document {
	t.Helper()
	regular, bold, italic := face(t, "Inter-Regular"), face(t, "Inter-Bold"), face(t, "Inter-Italic")
	d := &frame.Document{
		Width: 595.28, Height: 841.89,
		Meta: frame.Meta{Title: "Fiche métier", Author: "Northlight", Subject: "SRE", Keywords: "sre, métier",
			Creator: "brochure", Lang: "fr", Date: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)},
	}
	if print {
		d.Print = &frame.Print{Bleed: 8.5, CropMarks: true}
	}
	text := func(x, y float64, s string, f *font.Face, size float64, c color.Color, tracking float64) *frame.Text {
		return &frame.Text{X: x, Y: y, Text: s, Face: f, Size: size, Color: c, Tracking: tracking,
			Width: f.KernedWidth(s, size) + tracking*float64(len([]rune(s)))}
	}
	p1 := &frame.Page{}
	p1.Add(
		&frame.Box{Rect: frame.Rect{X: 0, Y: 0, W: 595.28, H: 73.7}, Fill: &ink},
		text(45.35, 110, sampleText[0][0], bold, 30, ink, 0),
		text(45.35, 140, sampleText[0][1], bold, 13.5, accent, 0),
		text(45.35, 160, sampleText[0][2], regular, 9.5, ink, 0),
		&frame.Rule{X1: 45, Y1: 170, X2: 300, Y2: 170, Color: grey, Width: 0.5},
		text(45.35, 180, sampleText[0][3], regular, 9.5, ink, 0),
		text(45.35, 200, sampleText[0][4], regular, 9.5, ink, 0),
		&frame.Link{Rect: frame.Rect{X: 45, Y: 190, W: 100, H: 12}, URI: "https://example.com/métier?a=(1)"},
		&frame.Box{Rect: frame.Rect{X: 400, Y: 100, W: 150, H: 80}, Fill: &grey, Stroke: &ink, LineWidth: 1, Radius: 6},
		&frame.Path{Fill: accent, Segs: []frame.Seg{
			{Op: frame.MoveTo, Pts: [3]frame.Point{{X: 10, Y: 10}}},
			{Op: frame.LineTo, Pts: [3]frame.Point{{X: 20, Y: 10}}},
			{Op: frame.CurveTo, Pts: [3]frame.Point{{X: 25, Y: 12}, {X: 25, Y: 18}, {X: 20, Y: 20}}},
			{Op: frame.Close},
		}},
	)
	p1.Bookmarks = []frame.Bookmark{{Title: "Site Reliability Engineer", Y: 60}, {Title: "Compétences recherchées", Level: 1, Y: 130}}
	p2 := &frame.Page{}
	p2.Add(
		text(45.35, 60, sampleText[1][0], bold, 13.5, accent, 0),
		text(45.35, 80, sampleText[1][1], italic, 11, ink, 0),
		text(45.35, 100, sampleText[1][2], regular, 8, grey, 0.6),
	)
	p2.Bookmarks = []frame.Bookmark{{Title: "Formation et parcours", Level: 1, Y: 50}}
	d.Pages = []*frame.Page{p1, p2}
	return d
}

// write writes d and returns the PDF.
func write(t testing.TB, d *frame.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
