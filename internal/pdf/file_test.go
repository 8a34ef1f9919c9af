package pdf

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/brochure-dev/brochure/internal/color"
	"github.com/brochure-dev/brochure/internal/frame"
)

// fpdfOutput is what fpdf writes for a two-page document with a link and
// a bookmark, uncompressed, as Write has it make files.
func fpdfOutput(t *testing.T) []byte {
	t.Helper()
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "pt", Size: fpdf.SizeType{Wd: 200, Ht: 300}})
	pdf.SetCompression(false)
	pdf.SetCatalogSort(true)
	for i := range 2 {
		pdf.AddPage()
		pdf.Rect(10, 10, 50, 50, "F")
		pdf.LinkString(10, 10, 50, 50, "https://example.com/endobj\n/Contents 9 0 R>>")
		pdf.Bookmark("Page "+strconv.Itoa(i+1), 0, 0)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestFinishOffsets checks the file finish writes: every cross-reference
// entry points at its object, in the file or in the object stream, /Size
// counts the objects, streams stay outside the object stream, and the
// fonts are in the resource dictionary.
func TestFinishOffsets(t *testing.T) {
	d := sampleDoc(t, true)
	fonts, err := collectFonts(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, df := range fonts.list {
		df.sub.CID('A')
	}
	in := fpdfOutput(t)
	var out bytes.Buffer
	if err := finish(&out, bytes.Clone(in), extras{fonts: fonts, spots: &spotSet{}, boxes: pageBoxes(d, 20), std: standardOf(d, d.Meta.Date)}); err != nil {
		t.Fatal(err)
	}
	data := out.Bytes()
	f := readPDF(t, data) // checks each offset points at "N 0 obj"
	before, err := parseXref(in)
	if err != nil {
		t.Fatal(err)
	}
	// fpdf's, 5 per font, the output intent's profile, the XMP, the
	// object stream and the cross-reference stream.
	if want := len(before.offsets) + 5*len(fonts.list) + 4; f.size() != want {
		t.Errorf("%d objects, want %d", f.size(), want)
	}
	if n := entryInt(t, f.trailer, "Size"); n != f.size() {
		t.Errorf("/Size %d for %d objects", n, f.size())
	}
	packed := 0
	for n := 1; n < f.size(); n++ {
		dict, stream := f.object(t, n)
		if f.entries[n][0] == 2 {
			packed++
			if strings.Contains(dict, "stream") {
				t.Errorf("object %d, a stream, inside the object stream", n)
			}
		} else if stream == nil {
			t.Errorf("object %d, not a stream, outside the object stream: %q", n, dict)
		}
	}
	if packed == 0 {
		t.Errorf("no object in an object stream")
	}
	res, _ := f.object(t, 2)
	if !strings.Contains(res, "/Font <<\n/G1 ") || strings.Count(res, " 0 R\n") != len(fonts.list) {
		t.Errorf("resource dictionary: %q", res)
	}
	for i := range 2 {
		content := pageContent(t, f, i)
		if !bytes.Contains(content, []byte(" re f")) {
			t.Errorf("page %d content %q", i+1, content)
		}
	}
	boxes := "/TrimBox [20.00 20.00 615.28 861.89]\n/BleedBox [11.50 11.50 623.78 870.39]\n"
	for i := 3; i <= 5; i += 2 {
		if page, _ := f.object(t, i); !strings.Contains(page, boxes) {
			t.Errorf("page object %d without the boxes: %q", i, page)
		}
	}
}

func TestFinishDamaged(t *testing.T) {
	in := fpdfOutput(t)
	x, err := parseXref(in)
	if err != nil {
		t.Fatal(err)
	}
	replaceAt := func(off int, old, new string) []byte {
		b := bytes.Clone(in)
		if !bytes.HasPrefix(b[off:], []byte(old)) {
			t.Fatalf("no %q at %d", old, off)
		}
		return append(b[:off:off], append([]byte(new), b[off+len(old):]...)...)
	}
	entryAt := func(n int) int {
		return x.xrefAt + len("xref\n0 ") + len(strconv.Itoa(len(x.offsets))) + 1 + n*xrefEntry
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "no startxref"},
		{"no offset", []byte("%PDF-1.3\nstartxref\n"), "no offset after startxref"},
		{"offset past the end", bytes.Replace(in, []byte("startxref\n"), []byte("startxref\n9"), 1), "startxref gives"},
		{"no xref there", replaceAt(x.xrefAt, "xref", "xre "), "no cross-reference table"},
		{"entry off by one", replaceAt(entryAt(3), "00000", "00001"), "not the offset of \"3 0 obj\\n\""},
		{"free entry", replaceAt(entryAt(4)+17, "n", "f"), "cross-reference entry 4 is"},
		{"count past the end", replaceAt(x.xrefAt, "xref\n0 ", "xref\n0 9"), "cross-reference table of"},
		{"no /Font", bytes.Replace(in, []byte("/Font <<\n"), []byte("/Fnt  <<\n"), 1), "no /Font"},
		{"page not as fpdf writes it", replaceAt(x.offsets[3]+len("3 0 obj\n<</Type /Page\n"), "/Parent", "/Pxrent"), "does not start with"},
		{"page without contents", bytes.Replace(in, []byte("/Contents 4 0 R>>"), []byte("/Contents 6 0 R>>"), 1), "does not end with its contents"},
		{"content compressed", replaceAt(x.offsets[4], "4 0 obj\n<</Length", "4 0 obj\n<</Lengt "), "not an uncompressed stream"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := finish(&bytes.Buffer{}, tt.data, extras{fonts: &fontSet{}, spots: &spotSet{}, boxes: []byte("/TrimBox [0 0 1 1]\n"), std: standardOf(&frame.Document{}, time.Time{})})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("finish() error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestAppendNum(t *testing.T) {
	tests := []struct {
		v    float64
		prec int
		want string
	}{
		{0, 2, "0"}, {-0.001, 2, "0"}, {0.004, 2, "0"}, {0.005, 2, "0.01"},
		{56.7, 2, "56.7"}, {56.695, 2, "56.7"}, {780.125, 2, "780.13"}, {-12.3456, 2, "-12.35"},
		{9.5, 3, "9.5"}, {10.125, 3, "10.125"}, {0.6, 3, "0.6"}, {-0.0504, 3, "-0.05"},
		{1234567.891, 2, "1234567.89"}, {3, 0, "3"}, {0.05, 1, "0.1"},
	}
	for _, tt := range tests {
		if got := string(appendNum(nil, tt.v, tt.prec)); got != tt.want {
			t.Errorf("appendNum(%v, %d) = %q, want %q", tt.v, tt.prec, got, tt.want)
		}
	}
}

// TestAppendRGB checks that text colours are written as fpdf writes fill
// colours.
func TestAppendRGB(t *testing.T) {
	tests := []struct {
		c    color.RGB
		want string
	}{
		{color.RGB{}, "0.000 g"},
		{color.RGB{R: 255, G: 255, B: 255}, "1.000 g"},
		{color.RGB{R: 128, G: 128, B: 128}, "0.502 g"},
		{color.RGB{R: 0x17, G: 0x20, B: 0x2c}, "0.090 0.125 0.173 rg"},
		{color.RGB{R: 255}, "1.000 0.000 0.000 rg"},
	}
	for _, tt := range tests {
		p := fpdf.New("P", "pt", "A4", "")
		p.SetCompression(false)
		p.AddPage()
		p.SetFillColor(int(tt.c.R), int(tt.c.G), int(tt.c.B))
		var buf bytes.Buffer
		if err := p.Output(&buf); err != nil {
			t.Fatal(err)
		}
		got := string(appendRGB(nil, tt.c))
		if got != tt.want || !bytes.Contains(buf.Bytes(), []byte("\n"+got+"\n")) {
			t.Errorf("appendRGB(%v) = %q, want %q, as fpdf writes it", tt.c, got, tt.want)
		}
	}
}

func TestAppendCMYK(t *testing.T) {
	tests := []struct {
		k    color.CMYK
		want string
	}{
		{color.CMYK{}, "0 0 0 0"},
		{color.CMYK{C: 100, M: 100, Y: 100, K: 100}, "1 1 1 1"},
		{color.CMYK{C: 70, M: 5, Y: 33, K: 80}, "0.7 0.05 0.33 0.8"},
	}
	for _, tt := range tests {
		if got := string(appendCMYK(nil, tt.k)); got != tt.want {
			t.Errorf("appendCMYK(%v) = %q, want %q", tt.k, got, tt.want)
		}
	}
}

func TestTextString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Site Reliability Engineer", "Site Reliability Engineer"},
		{"é", "\xfe\xff\x00\xe9"},
		{"Compétences", "\xfe\xff\x00C\x00o\x00m\x00p\x00\xe9\x00t\x00e\x00n\x00c\x00e\x00s"},
		{"l’été 😀", "\xfe\xff\x00l\x20\x19\x00\xe9\x00t\x00\xe9\x00 \xd8\x3d\xde\x00"},
	}
	for _, tt := range tests {
		if got := textString(tt.in); got != tt.want {
			t.Errorf("textString(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
