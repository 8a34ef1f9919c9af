package font

import (
	"os"
	"testing"
	"unicode/utf8"
)

// benchSentence is a 60-character French sentence.
const benchSentence = "L’été, à Noël, ça coûte 12\u202f€ : « œuvres » et crèmes brûlées."

func BenchmarkWidth(b *testing.B) {
	if n := utf8.RuneCountInString(benchSentence); n != 60 {
		b.Fatalf("benchSentence has %d runes, want 60", n)
	}
	f := inter(b, "Inter-Regular")
	b.ReportAllocs()
	var w float64
	for b.Loop() {
		w += f.Width(benchSentence, 10.5)
	}
	_ = w
}

func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile("../../fonts/Inter-Regular.ttf")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse("Inter-Regular", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkKern measures one Kern call, cycling through the adjacent
// pairs of benchSentence.
func BenchmarkKern(b *testing.B) {
	f := inter(b, "Inter-Regular")
	runes := []rune(benchSentence + "AVATAR To")
	b.ReportAllocs()
	i, k := 0, 0
	for b.Loop() {
		if i++; i == len(runes) {
			i = 1
		}
		k += f.Kern(runes[i-1], runes[i])
	}
	_ = k
}

func BenchmarkKernedWidth(b *testing.B) {
	f := inter(b, "Inter-Regular")
	b.ReportAllocs()
	var w float64
	for b.Loop() {
		w += f.KernedWidth(benchSentence, 10.5)
	}
	_ = w
}

// BenchmarkReadKerning measures the part of Parse that reads kerning.
func BenchmarkReadKerning(b *testing.B) {
	data, err := os.ReadFile("../../fonts/Inter-Regular.ttf")
	if err != nil {
		b.Fatal(err)
	}
	dir, err := readDirectory(data)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if readKerning(dir, 2926, 2048) == nil {
			b.Fatal("no kerning")
		}
	}
}

// BenchmarkParseWithoutKerning is BenchmarkParse with the GPOS table
// renamed away: the difference is what reading kerning costs.
func BenchmarkParseWithoutKerning(b *testing.B) {
	data, err := os.ReadFile("../../fonts/Inter-Regular.ttf")
	if err != nil {
		b.Fatal(err)
	}
	data = withTable(b, data, "GPOS", func(_, rec []byte) { copy(rec, "gpos") })
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		f, err := Parse("Inter-Regular", data)
		if err != nil || f.HasKerning() {
			b.Fatal(err, f.HasKerning())
		}
	}
}
