package design

import (
	"testing"

	"github.com/brochure-dev/brochure/internal/tomlfile"
	"github.com/brochure-dev/brochure/layouts"
)

// BenchmarkDecode decodes the A4 layout into its schema, as every build
// of a brochure does once per layout.
func BenchmarkDecode(b *testing.B) {
	data, err := layouts.FS.ReadFile("a4.toml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		var spec layoutFile
		f, err := tomlfile.Decode("a4.toml", data, &spec)
		if err != nil {
			b.Fatal(err)
		}
		// Every compile asks whether the file sets the columns.
		if !f.Has("page", "columns") {
			b.Fatal("a4.toml has no page.columns")
		}
	}
}
