package preflight

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

func ops(content string) []string {
	var out []string
	scanContent([]byte(content), func(op string, args []operand) {
		out = append(out, op)
	})
	return out
}

// Operator-like words inside strings, comments and inline image data are
// not operators.
func TestTokenizerSkipsStrings(t *testing.T) {
	content := "BT /F1 12 Tf 10 20 Td (a (nested 1 0 0 rg) \\) 1 0 0 rg) Tj <31 20 30 20 72 67> Tj\n" +
		"[(x 0 0 1 RG) -250 (y)] TJ ET % 1 0 0 rg in a comment\n" +
		"0.5 g BI /W 2 /H 2 /CS /RGB /BPC 8 ID \x01\x02 1 0 0 rg EIq EI\n1 0 0 1 k"
	want := []string{"BT", "Tf", "Td", "Tj", "Tj", "TJ", "ET", "g", "BI", "k"}
	if got := ops(content); !reflect.DeepEqual(got, want) {
		t.Errorf("operators %q, want %q", got, want)
	}
}

func TestTokenizerOperands(t *testing.T) {
	var got []operand
	scanContent([]byte(`/Brand#20Blue cs (\101\n\(x) <4142 3> [1 -2.5 (s)] <</MCID 3>> BDC`), func(op string, args []operand) {
		got = append(got, args...)
		if op != "BDC" {
			got = append(got, operand{kind: 'k', str: op})
		}
	})
	if len(got) != 6 {
		t.Fatalf("%d operands: %+v", len(got), got)
	}
	if got[0].kind != '/' || got[0].str != "Brand Blue" || got[1].str != "cs" {
		t.Errorf("name %q, op %q", got[0].str, got[1].str)
	}
	if got[2].str != "A\n(x" || got[3].str != "AB0" {
		t.Errorf("strings %q %q", got[2].str, got[3].str)
	}
	if a := got[4]; a.kind != 'a' || len(a.arr) != 3 || a.arr[1].num != -2.5 || a.arr[2].str != "s" {
		t.Errorf("array %+v", a)
	}
	if d := got[5]; d.kind != 'd' || d.dict["MCID"].num != 3 {
		t.Errorf("dict %+v", d)
	}
}

// scan runs content with no resources: fonts are "(unnamed)" with 0.5 em
// glyphs, ascent 0.8 and descent −0.2.
func scan(content string, safe rect) *pageScan {
	d := &document{fonts: map[int]*fontInfo{}, streams: map[int][]byte{}}
	s, err := d.scanPage(&page{n: 1, contents: &pdfStream{raw: []byte(content)}}, safe)
	if err != nil {
		panic(err)
	}
	return s
}

func TestImageResolutionFromCTM(t *testing.T) {
	// 100 × 50 px drawn 100 × 50 pt inside a q/Q that scales by 2: 36 dpi;
	// the second image is drawn after Q, at 1 pt per pixel: 72 dpi.
	s := scan("q 2 0 0 2 0 0 cm q 100 0 0 50 10 10 cm BI /W 100 /H 50 /CS /G /BPC 8 ID xx EI Q Q "+
		"q 0 50 -100 0 300 300 cm BI /W 50 /H 100 /CS /G /BPC 8 ID xx EI Q", rect{0, 0, 600, 800})
	if len(s.images) != 2 {
		t.Fatalf("%d images", len(s.images))
	}
	if d := s.images[0].dpi; d < 35.99 || d > 36.01 {
		t.Errorf("first image at %.2f dpi, want 36", d)
	}
	if d := s.images[1].dpi; d < 71.99 || d > 72.01 { // rotated 90°
		t.Errorf("second image at %.2f dpi, want 72", d)
	}
	if len(s.colours) != 1 || s.colours[0].label != "DeviceGray" {
		t.Errorf("colours %+v", s.colours)
	}
}

func TestTextPlacement(t *testing.T) {
	safe := rect{20, 20, 44, 800}
	cases := []struct {
		content string
		outside bool
		x, y    float64
	}{
		// (AB) is 10 pt wide at 10 pt: 30..40 fits.
		{"BT /F1 10 Tf 1 0 0 1 30 100 Tm (AB) Tj ET", false, 0, 0},
		// Starts left of the safe zone.
		{"BT /F1 10 Tf 1 0 0 1 5 100 Tm (AB) Tj ET", true, 5, 100},
		// TJ: A at 30, then 5 pt of glyph and 10 pt of adjustment: B at 45.
		{"BT /F1 10 Tf 30 100 Td [(A) -1000 (B)] TJ ET", true, 45, 100},
		// The font and its size survive ET and BT, and cm scales the text.
		{"BT /F1 5 Tf ET q 2 0 0 2 0 0 cm BT 15 50 Td (AB) Tj ET Q", false, 0, 0},
		// T* moves down by the leading: 100 − 90 = 10, whose descent is below 20.
		{"BT /F1 10 Tf 14 TL 30 100 Td 90 TL T* (A) Tj ET", true, 30, 10},
		// Invisible text (Tr 3) does not count; spaces at the ends do not either.
		{"BT /F1 10 Tf 3 Tr 1 0 0 1 5 100 Tm (AB) Tj ET", false, 0, 0},
		{"BT /F1 10 Tf 1 0 0 1 12 100 Tm (  A  ) Tj ET", false, 0, 0},
	}
	for _, c := range cases {
		s := scan(c.content, safe)
		if (s.outside != nil) != c.outside {
			t.Errorf("%s: outside = %+v, want %v", c.content, s.outside, c.outside)
			continue
		}
		if c.outside && (s.outside.x != c.x || s.outside.y != c.y) {
			t.Errorf("%s: origin (%.2f, %.2f), want (%.2f, %.2f)", c.content, s.outside.x, s.outside.y, c.x, c.y)
		}
	}
}

// Colours and text inside a form XObject (an fpdf template) count.
func TestFormXObject(t *testing.T) {
	pdf := fpdf.New("P", "mm", "A4", "")
	tpl := pdf.CreateTemplate(func(tp *fpdf.Tpl) {
		tp.SetFillColor(10, 200, 30)
		tp.Rect(0, 0, 20, 20, "F")
		tp.SetFont("Helvetica", "", 12)
		tp.Text(1, 10, "in a form")
	})
	pdf.AddPage()
	pdf.UseTemplate(tpl)
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	r, err := CheckBytes("form.pdf", buf.Bytes(), Options{Print: true, Safe: 5 * ptPerMM})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", r)
	for name, words := range map[string]string{
		CheckColours:  "page 1 uses DeviceRGB",
		CheckFonts:    "Helvetica",
		CheckSafeZone: `"in a form"`,
	} {
		if c := r.Find(name); c.OK || !strings.Contains(c.Detail, words) {
			t.Errorf("%s: %+v, want a failure naming %q", name, c, words)
		}
	}
}

func TestPaperNames(t *testing.T) {
	for _, c := range []struct {
		w, h float64
		want string
	}{
		{210, 297, "A4"}, {297, 210, "A4 landscape"}, {215.9, 279.4, "Letter"},
		{99, 210, "DL"}, {148.5, 210, "A5"}, {297, 420, "A3"}, {100, 100, ""},
	} {
		if got := paperName(c.w, c.h); got != c.want {
			t.Errorf("%v × %v: %q, want %q", c.w, c.h, got, c.want)
		}
	}
	if got := pageList([]int{1, 2, 3, 5}); got != "pages 1–3, 5" {
		t.Errorf("pageList: %q", got)
	}
}
