package build

import (
	"testing"
)

// BenchmarkRender renders one brochure in-process, with the role, layout
// and fonts already loaded, as in a batch.
func BenchmarkRender(b *testing.B) {
	for _, lang := range []string{"en", "fr"} {
		b.Run("sre-"+lang+"-a4", func(b *testing.B) {
			p, err := Open("../../brochures")
			if err != nil {
				b.Fatal(err)
			}
			j := Job{Role: "sre", Lang: lang, Layout: "a4"}
			if _, _, err := p.Render(j); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, _, err := p.Render(j); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRenderPersonal renders one personal edition in-process: a
// client, a contact, a salesperson and a note, on the French A4.
func BenchmarkRenderPersonal(b *testing.B) {
	p, err := Open("../../brochures")
	if err != nil {
		b.Fatal(err)
	}
	ed, err := p.Personal(Fields{Client: "Société Générale", Contact: "Marie Dupont", By: "jdoe", Note: "Comme convenu, la fiche SRE avec nos fourchettes pour Lyon et Paris."})
	if err != nil {
		b.Fatal(err)
	}
	j := Job{Role: "sre", Lang: "fr", Layout: "a4", Personal: ed}
	if _, _, err := p.Render(j); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := p.Render(j); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFrames is the pipeline up to the laid-out pages, without the
// PDF.
func BenchmarkFrames(b *testing.B) {
	p, err := Open("../../brochures")
	if err != nil {
		b.Fatal(err)
	}
	j := Job{Role: "sre", Lang: "fr", Layout: "a4"}
	if _, _, err := p.Frames(j); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := p.Frames(j); err != nil {
			b.Fatal(err)
		}
	}
}
