package preflight

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
	"testing"
)

// Hand-written PDFs for what fpdf does not make: lying page counts, loops,
// self-drawing forms, other colour spaces and odd boxes.

// rawPDF numbers objs from 1 and writes a cross-reference table; object 1
// must be the catalog.
func rawPDF(objs ...string) []byte { return rawFile("%PDF-1.7\n", "", objs...) }

// rawFile is rawPDF with a header of its own (its line end included) and
// trailer entries besides /Size and /Root.
func rawFile(header, trailer string, objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString(header)
	offsets := make([]int, len(objs))
	for k, o := range objs {
		offsets[k] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", k+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, trailer, xref)
	return b.Bytes()
}

func streamObj(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

const (
	catalog = "<< /Type /Catalog /Pages 2 0 R >>"
	onePage = "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595.28 841.89] >>"
)

// page3 is object 3: a page with content in object 4 and the given extra
// entries (boxes, resources).
func page3(extra string) string {
	return "<< /Type /Page /Parent 2 0 R /Contents 4 0 R " + extra + " >>"
}

func checkRaw(t *testing.T, data []byte, opt Options) *Report {
	t.Helper()
	r, err := CheckBytes("raw.pdf", data, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", r)
	return r
}

func wantDetail(t *testing.T, r *Report, name string, ok bool, words ...string) {
	t.Helper()
	c := r.Find(name)
	if c == nil || c.OK != ok {
		t.Fatalf("%s: %+v, want OK = %v", name, c, ok)
	}
	for _, w := range words {
		if !strings.Contains(c.Detail, w) {
			t.Errorf("%s: %q does not say %q", name, c.Detail, w)
		}
	}
}

func TestLyingPageCount(t *testing.T) {
	pages := "<< /Type /Pages /Kids [3 0 R] /Count 99999999 /MediaBox [0 0 595.28 841.89] >>"
	r := checkRaw(t, rawPDF(catalog, pages, page3(""), streamObj("", "0 g 10 10 m 20 20 l S")), Options{})
	if r.Pages != 1 {
		t.Errorf("%d pages, want 1", r.Pages)
	}
}

func TestPageTreeLoop(t *testing.T) {
	pages := "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 /MediaBox [0 0 595.28 841.89] >>"
	_, err := CheckBytes("loop.pdf", rawPDF(catalog, pages, page3(""), streamObj("", "")), Options{})
	if err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("error %v, want one about the loop", err)
	}
}

func TestSelfDrawingForm(t *testing.T) {
	form := func(content string) string {
		return streamObj("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X 5 0 R >> >>", content)
	}
	res := "/Resources << /XObject << /X 5 0 R >> >>"
	// Twice per level: ends at the depth limit.
	checkRaw(t, rawPDF(catalog, onePage, page3(res), streamObj("", "/X Do"), form("/X Do /X Do")), Options{})
	// Twenty times per level: 20¹² operators, stopped by the budget.
	_, err := CheckBytes("bomb.pdf", rawPDF(catalog, onePage, page3(res), streamObj("", "/X Do"),
		form(strings.Repeat("/X Do ", 20))), Options{})
	if err == nil || !strings.Contains(err.Error(), "too complex") {
		t.Errorf("error %v, want 'too complex'", err)
	}
}

func TestColourSpaceResources(t *testing.T) {
	res := "/Resources << /ColorSpace << /CS0 [/ICCBased 5 0 R] /CS1 [/Indexed /DeviceRGB 1 <000000FFFFFF>] " +
		"/CS2 [/Separation /Gold /DeviceCMYK 6 0 R] /CS3 [/Lab << /WhitePoint [0.95 1 1.09] >>] /CS4 [/ICCBased 7 0 R] >> >>"
	content := "/CS2 cs 1 scn 0 0 10 10 re f /CS4 CS 0 0 0 1 SCN 0 0 m 9 9 l S 0 0 0 1 k\n" +
		"/CS0 cs 0.5 0.5 0.5 scn /CS1 cs 1 scn /CS3 cs 50 0 0 scn"
	icc := func(n int) string { return streamObj(fmt.Sprintf("/N %d", n), "not a real profile") }
	tint := "<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [0 0.2 1 0] /N 1 >>"
	data := rawPDF(catalog, onePage, page3(res), streamObj("", content), icc(3), tint, icc(4))

	r := checkRaw(t, data, Options{Print: true})
	wantDetail(t, r, CheckColours, false, "page 1 uses ICCBased RGB for /CS0 cs",
		"page 1 uses Indexed DeviceRGB", "page 1 uses Lab")
	if d := r.Find(CheckColours).Detail; strings.Contains(d, "Gold") || strings.Contains(d, "uses DeviceCMYK") || strings.Contains(d, "uses ICCBased CMYK") {
		t.Errorf("spot and CMYK counted as failures: %q", d)
	}
	r = checkRaw(t, data, Options{})
	wantDetail(t, r, CheckColours, true, "Separation Gold", "ICCBased CMYK", "DeviceCMYK", "ICCBased RGB", "Lab")
}

func TestOddBoxes(t *testing.T) {
	content := streamObj("", "0 g 100 100 m 200 200 l S")
	a4 := "/TrimBox [0 0 595.28 841.89] "
	cases := []struct {
		name, extra string
		check       string
		ok          bool
		words       []string
	}{
		{"trim and art", a4 + "/ArtBox [0 0 595.28 841.89]", CheckBoxes, false, []string{"both TrimBox and ArtBox"}},
		{"trim outside bleed", a4 + "/BleedBox [10 10 500 800]", CheckBoxes, false, []string{"TrimBox", "not inside the BleedBox"}},
		{"bleed outside media", "/TrimBox [20 20 500 800] /BleedBox [-5 10 510 810]", CheckBoxes, false, []string{"not inside the MediaBox"}},
		{"rotated A4", a4 + "/Rotate 90", CheckTrimSize, true, []string{"297.0 × 210.0 mm (A4 landscape)"}},
		{"DL", "/TrimBox [0 0 280.63 595.28]", CheckTrimSize, true, []string{"99.0 × 210.0 mm (DL)"}},
		{"uneven bleed", "/TrimBox [8.5 8.5 586.78 833.39] /BleedBox [0 0 595.28 841.89] /MediaBox [0 0 600 850]",
			CheckBleed, true, []string{"3.0 mm on every side"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := checkRaw(t, rawPDF(catalog, onePage, page3(c.extra), content), Options{Print: true, Bleed: 8.5})
			wantDetail(t, r, c.check, c.ok, c.words...)
		})
	}
}

func TestPagesDifferInSize(t *testing.T) {
	pages := "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 /MediaBox [0 0 595.28 841.89] >>"
	a5 := "<< /Type /Page /Parent 2 0 R /Contents 4 0 R /MediaBox [0 0 419.53 595.28] >>"
	r := checkRaw(t, rawPDF(catalog, pages, page3(""), streamObj("", ""), a5), Options{})
	wantDetail(t, r, CheckTrimSize, false, "page 2 is 148.0 × 210.0 mm (A5)", "page 1 is 210.0 × 297.0 mm (A4)")
}

// TestDamagedStreams: a page whose deflated content has a wrong checksum,
// or is cut short, shows on screen (viewers draw what inflates) and must
// fail the streams check, naming the object; a whole one passes.
func TestDamagedStreams(t *testing.T) {
	const content = "0 g 10 10 m 20 20 l S 30 30 m 40 40 l S 50 50 m 60 60 l S"
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write([]byte(content))
	zw.Close()
	whole := z.Bytes()
	wrongSum := append(bytes.Clone(whole[:len(whole)-1]), whole[len(whole)-1]^0xff)
	cut := whole[:len(whole)-6]
	for _, tc := range []struct {
		name  string
		data  []byte
		ok    bool
		words []string
	}{
		{"whole", whole, true, []string{"every compressed stream read decodes whole"}},
		{"wrong checksum", wrongSum, false, []string{"1 compressed stream is damaged", "object 4: FlateDecode: zlib: invalid checksum"}},
		{"cut short", cut, false, []string{"1 compressed stream is damaged", "object 4: FlateDecode: unexpected EOF"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := checkRaw(t, rawPDF(catalog, onePage, page3(""), streamObj("/Filter /FlateDecode", string(tc.data))), Options{})
			wantDetail(t, r, CheckStreams, tc.ok, tc.words...)
			if r.OK() != tc.ok {
				t.Errorf("Report.OK() = %v, want %v", r.OK(), tc.ok)
			}
		})
	}
}
