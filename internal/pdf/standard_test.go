package pdf

import (
	"strings"
	"testing"
	"time"

	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/icc"
)

// TestDates checks that the document information and the XMP say the
// same instant in the same time zone.
func TestDates(t *testing.T) {
	paris := time.FixedZone("CET", 3600)
	newYork := time.FixedZone("EST", -5*3600-30*60)
	tests := []struct {
		t         time.Time
		pdf, xmpD string
	}{
		{time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC), "D:20261121000000+00'00'", "2026-11-21T00:00:00+00:00"},
		{time.Date(2026, 11, 21, 9, 5, 7, 0, paris), "D:20261121090507+01'00'", "2026-11-21T09:05:07+01:00"},
		{time.Date(2026, 1, 2, 3, 4, 5, 0, newYork), "D:20260102030405-05'30'", "2026-01-02T03:04:05-05:30"},
	}
	for _, tt := range tests {
		if got := pdfDate(tt.t); got != tt.pdf {
			t.Errorf("pdfDate(%v) = %q, want %q", tt.t, got, tt.pdf)
		}
		if got := xmpDate(tt.t); got != tt.xmpD {
			t.Errorf("xmpDate(%v) = %q, want %q", tt.t, got, tt.xmpD)
		}
	}
}

// TestStandardOf checks what each kind of file claims.
func TestStandardOf(t *testing.T) {
	tagged := &frame.Node{Role: frame.RoleDocument}
	tests := []struct {
		name string
		d    *frame.Document
		want standard
	}{
		{"screen", &frame.Document{}, standard{version: "1.7", pdfa: "U", intent: icc.SRGB, subtype: "GTS_PDFA1"}},
		{"tagged screen", &frame.Document{Structure: tagged}, standard{version: "1.7", pdfa: "A", ua: true, intent: icc.SRGB, subtype: "GTS_PDFA1"}},
		{"print", &frame.Document{Print: &frame.Print{}}, standard{version: "1.6", pdfx: "PDF/X-4", intent: icc.FOGRA39, subtype: "GTS_PDFX"}},
		{"tagged print, uncoated", &frame.Document{Print: &frame.Print{Intent: icc.FOGRA29}, Structure: tagged},
			standard{version: "1.6", pdfx: "PDF/X-4", ua: true, intent: icc.FOGRA29, subtype: "GTS_PDFX"}},
	}
	for _, tt := range tests {
		got := standardOf(tt.d, time.Time{})
		got.meta = frame.Meta{}
		if got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// TestXMPText checks that text XML cannot hold is left out of both the
// document information and the XMP, and markup escaped in the XMP.
func TestXMPText(t *testing.T) {
	d := &frame.Document{Meta: frame.Meta{Title: "R&D <lead>\x01\x7f\u00a0é", Lang: "fr"}}
	s := standardOf(d, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if want := "R&D <lead>\x7f\u00a0é"; s.meta.Title != want {
		t.Errorf("title %q, want %q", s.meta.Title, want)
	}
	x := string(s.xmp(fileID{}))
	if !strings.Contains(x, `<rdf:li xml:lang="x-default">R&amp;D &lt;lead&gt;`+"\x7f\u00a0é</rdf:li>") {
		t.Errorf("XMP title not escaped:\n%s", x)
	}
	for _, want := range []string{"<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>U</pdfaid:conformance>", "<dc:language><rdf:Bag><rdf:li>fr</rdf:li>"} {
		if !strings.Contains(x, want) {
			t.Errorf("XMP without %s:\n%s", want, x)
		}
	}
	if strings.Contains(x, "pdfaExtension") {
		t.Errorf("an untagged screen file declares extension schemas it does not use:\n%s", x)
	}
}
