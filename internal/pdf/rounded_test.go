package pdf

import (
	"bytes"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/brochure-dev/brochure/internal/frame"
)

// TestRoundedRectAsFpdf draws rounded rectangles with roundedRect and
// with fpdf's RoundedRect, on portrait and landscape pages with and
// without bleed, and checks that the two files are the same bytes.
func TestRoundedRectAsFpdf(t *testing.T) {
	for _, tt := range []struct {
		name          string
		width, height float64
		off           float64
	}{
		{"A4", 595.28, 841.89, 0},
		{"A4 with bleed", 595.28, 841.89, 22.68},
		{"landscape", 841.89, 595.28, 8.5},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := &frame.Document{Width: tt.width, Height: tt.height}
			boxes := []struct {
				x, y, w, h, r float64
				style         string
			}{
				{10, 20, 100, 30, 4, "F"},
				{33.333, 47.1, 12.5, 9.75, 4.875, "FD"},
				{0.1, 0.2, 500.123456, 700.654321, 2.5, "D"},
				{200, 300, 40, 40, 20, ""},
			}
			draw := func(ours bool) []byte {
				pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "pt", Size: fpdf.SizeType{Wd: tt.width + 2*tt.off, Ht: tt.height + 2*tt.off}})
				pdf.SetCompression(false)
				pdf.SetCreationDate(time.Unix(0, 0)) // the same file twice
				pdf.SetModificationDate(time.Unix(0, 0))
				pdf.AddPage()
				p := &page{d: d, pdf: pdf, off: tt.off}
				for _, b := range boxes {
					if ours {
						p.roundedRect(b.x+tt.off, b.y+tt.off, b.w, b.h, b.r, b.style)
					} else {
						pdf.RoundedRect(b.x+tt.off, b.y+tt.off, b.w, b.h, b.r, "1234", b.style)
					}
				}
				var out bytes.Buffer
				if err := pdf.Output(&out); err != nil {
					t.Fatal(err)
				}
				return out.Bytes()
			}
			ours, theirs := draw(true), draw(false)
			if !bytes.Equal(ours, theirs) {
				t.Errorf("roundedRect wrote\n%s\nfpdf's RoundedRect\n%s", firstStream(ours), firstStream(theirs))
			}
			if !bytes.Contains(ours, []byte(" c \n")) {
				t.Errorf("no curve in\n%s", firstStream(ours))
			}
		})
	}
}

// firstStream returns the first page's content stream of an uncompressed
// fpdf file, for messages.
func firstStream(file []byte) []byte {
	if i := bytes.Index(file, []byte("stream\n")); i >= 0 {
		file = file[i+len("stream\n"):]
		if j := bytes.Index(file, []byte("endstream")); j >= 0 {
			return file[:j]
		}
	}
	return file
}
