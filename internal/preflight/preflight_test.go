package preflight

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"github.com/brochure-dev/brochure/fonts"
)

// The test files are A4 print files made with fpdf in millimetres: the
// MediaBox is the trim plus 3 mm bleed plus 10 mm for marks on each side.
const (
	bleedMM = 3.0
	marksMM = 10.0
	edge    = bleedMM + marksMM // trim's offset inside the MediaBox
)

var printOpts = Options{Print: true, Bleed: bleedMM * ptPerMM, Safe: 5 * ptPerMM}

// spec says how to make one test file; the zero value is a good print file.
type spec struct {
	noBleedBox  bool    // no BleedBox at all
	bleedIsTrim bool    // BleedBox = TrimBox
	rgbFill     bool    // an RGB rectangle
	coreFont    bool    // Helvetica, not embedded
	textAt      float64 // text x from the left trim edge, mm (default 20)
	imagePx     int     // a gray image of imagePx × imagePx pixels …
	imageMM     float64 // … drawn imageMM wide
	raw         string  // extra raw content, in points
}

func makePDF(t testing.TB, s spec) []byte {
	t.Helper()
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm",
		Size: fpdf.SizeType{Wd: 210 + 2*edge, Ht: 297 + 2*edge}})
	pdf.SetPageBox("trim", edge, edge, 210, 297)
	switch {
	case s.bleedIsTrim:
		pdf.SetPageBox("bleed", edge, edge, 210, 297)
	case !s.noBleedBox:
		pdf.SetPageBox("bleed", marksMM, marksMM, 210+2*bleedMM, 297+2*bleedMM)
	}
	pdf.AddSpotColor("Brand Blue", 100, 60, 0, 10)
	pdf.AddPage()
	// A spot-colour background to the bleed edge.
	pdf.SetFillSpotColor("Brand Blue", 100)
	pdf.Rect(marksMM, marksMM, 210+2*bleedMM, 80, "F")
	if s.rgbFill {
		pdf.SetFillColor(200, 30, 30)
		pdf.Rect(edge+20, edge+100, 50, 20, "F")
	}
	if s.coreFont {
		pdf.SetFont("Helvetica", "", 12)
	} else {
		inter, err := fonts.FS.ReadFile("Inter-Regular.ttf")
		if err != nil {
			t.Fatal(err)
		}
		pdf.AddUTF8FontFromBytes("inter", "", inter)
		pdf.SetFont("inter", "", 12)
	}
	pdf.SetTextSpotColor("Brand Blue", 100)
	x := s.textAt
	if x == 0 {
		x = 20
	}
	pdf.Text(edge+x, edge+40, "Site Reliability Engineer")
	pdf.SetTextColor(0, 0, 0) // fpdf writes gray "0.000 g" for r = g = b
	pdf.Text(edge+20, edge+150, "Keeps production solid (1 0 0 rg).")
	if s.imagePx > 0 {
		var buf bytes.Buffer
		img := image.NewGray(image.Rect(0, 0, s.imagePx, s.imagePx))
		for k := range img.Pix {
			img.Pix[k] = uint8(k)
		}
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		opt := fpdf.ImageOptions{ImageType: "PNG"}
		pdf.RegisterImageOptionsReader("photo", opt, &buf)
		pdf.ImageOptions("photo", edge+20, edge+170, s.imageMM, s.imageMM, false, opt, 0, "")
	}
	if s.raw != "" {
		pdf.RawWriteStr(s.raw)
	}
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func run(t *testing.T, s spec, opt Options) *Report {
	t.Helper()
	r, err := CheckBytes("test.pdf", makePDF(t, s), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", r)
	return r
}

// expect checks that exactly the named checks fail, and that each failing
// detail contains the given words.
func expect(t *testing.T, r *Report, failing map[string][]string) {
	t.Helper()
	if len(r.Checks) != 9 {
		t.Fatalf("%d checks, want 9", len(r.Checks))
	}
	for _, c := range r.Checks {
		words, shouldFail := failing[c.Name]
		if c.OK == shouldFail {
			t.Errorf("%s: OK = %v, want %v (%s)", c.Name, c.OK, !shouldFail, c.Detail)
		}
		for _, w := range words {
			if !strings.Contains(c.Detail, w) {
				t.Errorf("%s: %q does not say %q", c.Name, c.Detail, w)
			}
		}
	}
	if r.OK() != (len(failing) == 0) {
		t.Errorf("Report.OK() = %v", r.OK())
	}
}

func TestGoodPrintFile(t *testing.T) {
	r := run(t, spec{imagePx: 600, imageMM: 50.8}, printOpts)
	expect(t, r, nil)
	want := map[string]string{
		CheckTrimSize: "210.0 × 297.0 mm (A4)",
		CheckBleed:    "3.0 mm on every side",
		CheckBoxes:    "TrimBox ⊆ BleedBox ⊆ MediaBox",
		CheckFonts:    "1 font, embedded (utf8inter)", // fpdf names UTF-8 fonts "utf8" + family
		CheckColours:  "Separation Brand Blue",
		CheckImages:   "300 dpi",
		CheckSafeZone: "5.0 mm inside the TrimBox",
	}
	for name, w := range want {
		if c := r.Find(name); c == nil || !strings.Contains(c.Detail, w) {
			t.Errorf("%s: %v, want it to say %q", name, c, w)
		}
	}
	if r.Pages != 1 || r.File != "test.pdf" {
		t.Errorf("Pages %d, File %q", r.Pages, r.File)
	}
	if !strings.HasPrefix(r.String(), "✓ trim size: 210.0 × 297.0 mm (A4)\n") {
		t.Errorf("String() starts %q", strings.SplitN(r.String(), "\n", 2)[0])
	}
}

func TestRGBFill(t *testing.T) {
	r := run(t, spec{rgbFill: true}, printOpts)
	expect(t, r, map[string][]string{CheckColours: {"page 1", "DeviceRGB", "fill rg"}})
	// The same file for the screen: RGB is reported, not a failure.
	screen := Options{Safe: printOpts.Safe}
	r = run(t, spec{rgbFill: true}, screen)
	if c := r.Find(CheckColours); !c.OK || !strings.Contains(c.Detail, "DeviceRGB") {
		t.Errorf("screen: %+v", c)
	}
}

func TestMissingBleed(t *testing.T) {
	r := run(t, spec{noBleedBox: true}, printOpts)
	expect(t, r, map[string][]string{CheckBleed: {"page 1", "no BleedBox", "3.0 mm"}})
	r = run(t, spec{bleedIsTrim: true}, printOpts)
	expect(t, r, map[string][]string{CheckBleed: {"page 1", "0.0 mm on every side", "needs 3.0 mm"}})
}

func TestLowResolutionImage(t *testing.T) {
	// 144 px across 2 inches is 72 dpi.
	r := run(t, spec{imagePx: 144, imageMM: 50.8}, printOpts)
	expect(t, r, map[string][]string{CheckImages: {"page 1", "/I", "144 × 144 px", "72 dpi", "below 300 dpi"}})
}

func TestTextNearTrim(t *testing.T) {
	r := run(t, spec{textAt: 2}, printOpts)
	expect(t, r, map[string][]string{CheckSafeZone: {
		"page 1", `"Site Reliability Engineer"`, "2.0 mm from the left edge", "needs 5.0 mm"}})
}

func TestCoreFontNotEmbedded(t *testing.T) {
	r := run(t, spec{coreFont: true}, printOpts)
	expect(t, r, map[string][]string{CheckFonts: {"not embedded", "Helvetica"}})
}

func TestBrokenInput(t *testing.T) {
	good := makePDF(t, spec{})
	cases := map[string][]byte{
		"empty":        nil,
		"random":       bytes.Repeat([]byte{0x8f, 0x13, 0xee, 0x42, 0x07}, 3000),
		"header only":  []byte("%PDF-1.7\n"),
		"half":         good[:len(good)/2],
		"no trailer":   good[:len(good)-200],
		"garbage body": append([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n"), bytes.Repeat([]byte("(((<<["), 500)...),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			r, err := CheckBytes(name, data, printOpts)
			if err == nil {
				t.Fatalf("no error; report:\n%s", r)
			}
			if r != nil {
				t.Error("a report beside the error")
			}
			t.Log(err)
		})
	}
}

// TestDamagedNeverPanics flips bytes all over a good file: every result
// must be a report or an error.
func TestDamagedNeverPanics(t *testing.T) {
	good := makePDF(t, spec{imagePx: 20, imageMM: 10})
	for k := 0; k < 300; k++ {
		data := bytes.Clone(good)
		for j := 0; j < 1+k%5; j++ {
			at := (k*7919 + j*104729) % len(data)
			data[at] ^= byte(0x5a + k + j)
		}
		r, err := CheckBytes("damaged.pdf", data, printOpts)
		if err == nil && r == nil {
			t.Fatal("neither a report nor an error")
		}
	}
}

// tinyPDF numbers objs from 1, object 1 the catalog, and writes them with
// no cross-reference table, which pdfcpu rebuilds: a few hundred bytes.
func tinyPDF(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	for k, o := range objs {
		fmt.Fprintf(&b, "%d 0 obj%s\nendobj\n", k+1, o)
	}
	b.WriteString("%%EOF\n")
	return b.Bytes()
}

// fuzzSeeds are small PDFs, a part of the checks each. The fuzzer shrinks
// every input that reaches new code, trying to remove each span of bytes
// in turn: on a 1.9 KB file made by fpdf, with compressed streams, that
// took the minute it is allowed for each input, and the target ran 1,100
// inputs in two minutes.
func fuzzSeeds() [][]byte {
	const (
		cat   = "<</Type/Catalog/Pages 2 0 R>>"
		pages = "<</Type/Pages/Kids[3 0 R]/Count 1/MediaBox[0 0 595 842]>>"
	)
	page := func(extra string) string { return "<</Type/Page/Parent 2 0 R/Contents 4 0 R" + extra + ">>" }
	return [][]byte{
		[]byte("%PDF-1.4\n%%EOF"),
		// Boxes and colours.
		tinyPDF(cat, pages, page("/TrimBox[9 9 586 833]/BleedBox[0 0 595 842]/Rotate 90"),
			streamObj("", "1 0 0 rg 0 0 9 9 re f 0 0 0 1 K 0.5 g 0 0 m 9 9 l S")),
		// Text in a font that is not embedded, near the edge.
		tinyPDF(cat, pages, page("/TrimBox[9 9 586 833]/Resources<</Font<</F 5 0 R>>>>"),
			streamObj("", "BT/F 12 Tf 2 Tc 1 0 0 1 5 800 Tm(Hi)Tj[(A)-20(B)]TJ T*(C)' ET"),
			"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>"),
		// An embedded Type0 font: its widths and ToUnicode map.
		tinyPDF(cat, pages, page("/Resources<</Font<</F 5 0 R>>>>"),
			streamObj("", "BT/F 9 Tf 5 5 Td<00040003000500060007>Tj ET"),
			"<</Type/Font/Subtype/Type0/BaseFont/X/DescendantFonts[6 0 R]/ToUnicode 7 0 R>>",
			"<</Subtype/CIDFontType2/DW 500/W[3[250 600]10 20 700]/FontDescriptor 8 0 R>>",
			streamObj("", "1 beginbfchar<0003><0020>endbfchar 1 beginbfrange<0004><0007><0041>endbfrange"),
			"<</FontFile2 9 0 R>>", streamObj("", "font")),
		// Images, a form, a spot colour, an inline image.
		tinyPDF(cat, pages, page("/Resources<</XObject<</I 5 0 R/X 6 0 R>>/ColorSpace<</S[/Separation/Gold/DeviceCMYK<<>>]>>>>"),
			streamObj("", "/S cs 1 scn q 50 0 0 50 9 9 cm/I Do Q/X Do BI/W 2/H 1/CS/G/BPC 8 ID \x00\xff EI"),
			streamObj("/Subtype/Image/Width 2/Height 2/ColorSpace/DeviceRGB/BitsPerComponent 8", "abcdefghijkl"),
			streamObj("/Subtype/Form/BBox[0 0 9 9]", "0 0 1 rg 0 0 9 9 re f")),
	}
}

func FuzzCheckBytes(f *testing.F) {
	for _, seed := range fuzzSeeds() {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if r, err := CheckBytes("fuzz.pdf", data, printOpts); r == nil && err == nil {
			t.Fatal("neither a report nor an error")
		}
	})
}

// TestFuzzSeeds: the seeds are read as PDFs and reach the checks they are
// for, so that the fuzzer starts from files that go all the way.
func TestFuzzSeeds(t *testing.T) {
	want := []string{
		"reading PDF", // the first seed: pdfcpu cannot read it
		"page 1 uses DeviceRGB for fill rg",
		"not embedded: Helvetica",
		`text "A BCD"`,
		"/I (2 × 2 px)",
	}
	for k, seed := range fuzzSeeds() {
		r, err := CheckBytes("seed.pdf", seed, printOpts)
		got := fmt.Sprint(err)
		if r != nil {
			got = r.String()
		}
		if !strings.Contains(got, want[k]) {
			t.Errorf("seed %d (%d bytes): %s\ndoes not say %q", k, len(seed), got, want[k])
		}
	}
}
