package preflight

import (
	"fmt"
	"testing"
)

// inkPDF is a one-page print PDF (A4, TrimBox and 3 mm bleed) whose
// content is content, with a Helvetica-like font /F1 named name and two
// graphics states: /OPon overprints, /OPoff does not.
func inkPDF(name, content string) []byte {
	return rawPDF(catalog, onePage,
		page3("/TrimBox [8.5 8.5 586.78 833.39] /BleedBox [0 0 595.28 841.89] /Resources << /Font << /F1 5 0 R >> /ExtGState << /OPon 7 0 R /OPoff 8 0 R >> >>"),
		streamObj("", content),
		fmt.Sprintf("<< /Type /Font /Subtype /TrueType /BaseFont /%s /FirstChar 32 /LastChar 126 /Widths [%s] /FontDescriptor 6 0 R >>", name, widths95()),
		fmt.Sprintf("<< /Type /FontDescriptor /FontName /%s /FontFile2 9 0 R /Ascent 900 /Descent -200 >>", name),
		"<< /Type /ExtGState /OP true /op true /OPM 1 >>",
		"<< /Type /ExtGState /OP false /op false >>",
		streamObj("", "font"),
	)
}

func widths95() string {
	s := ""
	for range 95 {
		s += "500 "
	}
	return s
}

// TestInk checks the ink report of print files: black type and rules
// that knock out, small type in several inks and small thin type
// reversed out of several inks are warned about, with page and position.
func TestInk(t *testing.T) {
	tests := []struct {
		name    string
		font    string
		content string
		warn    bool
		words   []string
	}{
		{"black overprints", "Inter-Regular",
			"/OPon gs 0 0 0 1 k BT /F1 9 Tf 100 700 Td (Body text) Tj ET 0 0 0 1 K 1 w 100 690 m 300 690 l S", false,
			[]string{"black overprints (1 text runs, 1 rules)"}},
		{"black knocks out", "Inter-Regular",
			"0 0 0 1 k BT /F1 9 Tf 100 700 Td (Body text) Tj ET /OPon gs 0 0 0 1 K 100 690 m 300 690 l S", true,
			[]string{"black knocks out: 1 of 1 text runs and 0 of 1 rules"}},
		{"overprint turned off", "Inter-Regular",
			"/OPon gs /OPoff gs 0 0 0 1 k BT /F1 12 Tf 100 700 Td (Heading) Tj ET", true,
			[]string{"1 of 1 text runs"}},
		{"small in several inks", "Inter-Regular",
			"0.25 0.1 0 0.6 k BT /F1 7 Tf 100 700 Td (Footer line) Tj ET", true,
			[]string{"type under 10 pt in several inks", `page 1: "Footer line" (7.0 pt) at x 32.3, y 47.1 mm in 3 inks`}},
		{"small in one ink", "Inter-Regular",
			"0 0 0 0.7 k BT /F1 7 Tf 100 700 Td (Footer line) Tj ET", false,
			[]string{"in one ink"}},
		{"large in several inks", "Inter-Regular",
			"1 0.6 0 0.4 k BT /F1 14 Tf 100 700 Td (Heading) Tj ET", false, nil},
		{"small reversed", "Inter-Regular",
			"1 0.6 0 0.4 k 50 650 300 100 re f 0 0 0 0 k BT /F1 9 Tf 100 700 Td (Call us) Tj ET", true,
			[]string{`reversed out of several inks, the first page 1: "Call us" (9.0 pt)`, "out of 3 inks"}},
		{"small reversed, bold", "Inter-SemiBold",
			"1 0.6 0 0.4 k 50 650 300 100 re f 0 0 0 0 k BT /F1 9 Tf 100 700 Td (Call us) Tj ET", false, nil},
		{"small reversed out of one ink", "Inter-Regular",
			"0 0 0 1 k 50 650 300 100 re f 1 g BT /F1 9 Tf 100 700 Td (Call us) Tj ET", false, nil},
		{"small on paper beside a fill", "Inter-Regular",
			"1 0.6 0 0.4 k 50 650 30 100 re f 0 0 0 0 k BT /F1 9 Tf 100 700 Td (Call us) Tj ET", false, nil},
		{"scaled up by the matrix", "Inter-Regular",
			"2 0 0 2 0 0 cm 0.25 0.1 0 0.6 k BT /F1 7 Tf 50 350 Td (Footer line) Tj ET", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := checkRaw(t, inkPDF(tt.font, tt.content), Options{Print: true, Bleed: 8.5, Safe: 14.17})
			c := r.Find(CheckInk)
			if c == nil || !c.OK || c.Warn != tt.warn {
				t.Fatalf("ink: %+v, want OK and Warn = %v", c, tt.warn)
			}
			wantDetail(t, r, CheckInk, true, tt.words...)
		})
	}
	r := checkRaw(t, inkPDF("Inter-Regular", "0.25 0.1 0 0.6 k BT /F1 7 Tf 100 700 Td (x) Tj ET"), Options{})
	if c := r.Find(CheckInk); c == nil || c.Warn || c.Detail != "not a print file" {
		t.Errorf("screen file: %+v", c)
	}
}
