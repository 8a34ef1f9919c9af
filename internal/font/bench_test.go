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
