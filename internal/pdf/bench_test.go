package pdf

import (
	"bytes"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/frame"
)

// brochureDoc is a document the size of a two-page brochure: about 130
// runs of text a page in three faces, with boxes between paragraphs.
func brochureDoc(tb testing.TB) *frame.Document {
	tb.Helper()
	d := sampleDoc(tb, false)
	words := strings.Fields("Trait d’union entre les équipes de développement et celles de l’infrastructure, " +
		"le SRE automatise l’exploitation, garde un œil constant sur les systèmes et prend les incidents " +
		"en main, avec un objectif : une qualité de service élevée. 45–55\u00a0k€ · 24\u202f/\u202f7")
	faces := []string{"Inter-Regular", "Inter-Regular", "Inter-Bold", "Inter-Italic"}
	for p, pg := range d.Pages {
		for i := range 130 {
			f := face(tb, faces[i%len(faces)])
			s := strings.Join(words[(i*7+p)%20:(i*7+p)%20+6], " ")
			pg.Add(&frame.Text{X: 45, Y: 100 + float64(i)*5, Text: s, Face: f, Size: 9.5, Color: ink,
				Width: f.KernedWidth(s, 9.5)})
			if i%10 == 0 {
				pg.Add(&frame.Box{Rect: frame.Rect{X: 40, Y: 95 + float64(i)*5, W: 200, H: 4}, Fill: &grey, Radius: 2})
			}
		}
	}
	return d
}

// BenchmarkWrite writes a brochure-sized document: the PDF alone, with
// the faces' embeddings already made, as in a batch.
func BenchmarkWrite(b *testing.B) {
	d := brochureDoc(b)
	benchWrite(b, d)
}

// BenchmarkWritePrint writes the same document as a print file: CMYK,
// bleed, crop marks, and the PDF/X-4 output intent's profile.
func BenchmarkWritePrint(b *testing.B) {
	d := brochureDoc(b)
	d.Print = &frame.Print{Bleed: 8.5, CropMarks: true}
	benchWrite(b, d)
}

// taggedBrochureDoc is brochureDoc with a structure, as a layout sets
// it: a section a page, a heading, then paragraphs of ten lines; the
// boxes between them are artifacts.
func taggedBrochureDoc(tb testing.TB) *frame.Document {
	tb.Helper()
	d := brochureDoc(tb)
	d.Structure = frame.NewTree()
	for _, pg := range d.Pages {
		sect := d.Structure.Add(frame.RoleSect)
		var p *frame.Node
		lines := 0
		for _, it := range pg.Items {
			switch it := it.(type) {
			case *frame.Text:
				switch {
				case len(sect.Kids) == 0:
					p = sect.AddHeading(1 + min(len(d.Structure.Kids)-1, 1))
				case lines%10 == 1:
					p = sect.Add(frame.RoleP)
				}
				lines++
				it.Struct = p
			case *frame.Box:
				it.Struct = frame.Artifact
			case *frame.Link:
				it.Struct = sect.Add(frame.RoleLink)
			}
		}
	}
	return d
}

// TestTaggedBrochureDoc keeps BenchmarkWriteTagged's document one the
// writer takes: benchmarks do not run with the tests.
func TestTaggedBrochureDoc(t *testing.T) {
	if err := frame.CheckStructure(taggedBrochureDoc(t)); err != nil {
		t.Error(err)
	}
}

// BenchmarkWriteTagged is BenchmarkWrite with the document tagged.
func BenchmarkWriteTagged(b *testing.B) {
	d := taggedBrochureDoc(b)
	benchWrite(b, d)
}

// benchWrite writes d over and over, and reports its size.
func benchWrite(b *testing.B, d *frame.Document) {
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(buf.Len()), "bytes/pdf")
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, d); err != nil {
			b.Fatal(err)
		}
	}
}
