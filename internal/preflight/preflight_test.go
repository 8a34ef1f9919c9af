package preflight

import (
	"bytes"
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
	if len(r.Checks) != 8 {
		t.Fatalf("%d checks, want 8", len(r.Checks))
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

func FuzzCheckBytes(f *testing.F) {
	f.Add([]byte("%PDF-1.4\n%%EOF"))
	f.Add(makePDF(f, spec{coreFont: true, rgbFill: true, imagePx: 4, imageMM: 5}))
	f.Fuzz(func(t *testing.T, data []byte) {
		if r, err := CheckBytes("fuzz.pdf", data, printOpts); r == nil && err == nil {
			t.Fatal("neither a report nor an error")
		}
	})
}
