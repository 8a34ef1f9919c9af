package hyphen

import (
	"strings"
	"testing"
)

// frParagraph is a 40-word paragraph of brochure French, punctuation
// attached as the line breaker would pass it.
var frParagraph = strings.Fields(`L’équipe d’ingénierie de la fiabilité
assure la disponibilité et l’observabilité de l’infrastructure
automatisation des déploiements, conteneurisation, orchestration,
supervision, gestion des incidents et amélioration des
performances, avec une attention à la cybersécurité et aux
responsabilités partagées entre développement, exploitation et SRE.`)

func TestBenchParagraph(t *testing.T) {
	if len(frParagraph) != 40 {
		t.Fatalf("paragraph has %d words, want 40", len(frParagraph))
	}
}

// BenchmarkPoints hyphenates the paragraph with Points (one allocation per
// word that has points: the returned slice).
func BenchmarkPoints(b *testing.B) {
	h := mustFor(b, "fr")
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range frParagraph {
			_ = h.Points(w)
		}
	}
}

// BenchmarkAppendPoints is BenchmarkPoints with a reused buffer, as a line
// breaker would do.
func BenchmarkAppendPoints(b *testing.B) {
	h := mustFor(b, "fr").With([]string{"kubectl"})
	buf := make([]int, 0, 32)
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range frParagraph {
			buf = h.AppendPoints(buf[:0], w)
		}
	}
}

// BenchmarkFor measures a language's first load: reading the embedded
// compiled file and decoding its trie (For itself does this once).
func BenchmarkFor(b *testing.B) {
	for _, file := range []string{"hyph-fr.tex", "hyph-en-gb.tex", "hyph-en-us.tex", "hyph-de-1996.tex"} {
		b.Run(file, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := loadPatterns(file, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
