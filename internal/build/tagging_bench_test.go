package build

import (
	"bytes"
	"testing"

	"github.com/brochure-dev/brochure/internal/pdf"
)

// BenchmarkTagging writes the French SRE brochure's screen file in every
// layout twice: as laid out, tagged with the structure the layout sets
// (tagged), and with the structure dropped (untagged). It reports each
// file's size: the cost of tagging in time and bytes.
func BenchmarkTagging(b *testing.B) {
	p, err := Open("../../brochures")
	if err != nil {
		b.Fatal(err)
	}
	jobs, err := p.Jobs(Selection{Roles: []string{"sre"}, Langs: []string{"fr"}, Variants: []string{"screen"}})
	if err != nil {
		b.Fatal(err)
	}
	for _, j := range jobs {
		d, _, err := p.Frames(j)
		if err != nil {
			b.Fatal(err)
		}
		tree := d.Structure
		for _, tagged := range []bool{true, false} {
			name := j.Layout + "/untagged"
			if tagged {
				name = j.Layout + "/tagged"
			}
			b.Run(name, func(b *testing.B) {
				d.Structure = nil
				if tagged {
					d.Structure = tree
				}
				var buf bytes.Buffer
				if err := pdf.Write(&buf, d); err != nil {
					b.Fatal(err)
				}
				size := buf.Len()
				b.ReportAllocs()
				for b.Loop() {
					buf.Reset()
					if err := pdf.Write(&buf, d); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(size), "bytes/pdf")
			})
		}
		d.Structure = tree
	}
}
