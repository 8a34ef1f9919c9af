package typography

import "testing"

// frenchParagraph is about 300 characters of French as an author types it.
const frenchParagraph = `Le SRE : garant de la fiabilité. Il automatise l'exploitation, suit la latence (objectif : 99,9%) et tient 45000 requêtes/s. Pourquoi recruter ? Parce qu'une panne coûte cher ! Salaire : 45-55 k€ pour 0-3 ans d'expérience, des systèmes "by design" ; voir https://example.fr/sre et CI/CD.`

// englishParagraph is its English counterpart.
const englishParagraph = `The SRE : guardian of reliability. They automate operations, track latency (target: 99.9%) and serve 45,000 requests/s. Why hire one ? Because outages cost a lot! Pay: €45-55K for 0-3 years' experience, systems resilient "by design" ; see https://example.com/sre and CI/CD.`

func BenchmarkApply(b *testing.B) {
	fr := mustFor(b, "fr")
	correct := fr.Apply(frenchParagraph)
	en := mustFor(b, "en")
	for _, bb := range []struct {
		name string
		r    *Rules
		s    string
	}{
		{"fr/typed", fr, frenchParagraph},
		{"fr/correct", fr, correct},
		{"en/typed", en, englishParagraph},
		{"en/correct", en, en.Apply(englishParagraph)},
	} {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bb.s)))
			for b.Loop() {
				bb.r.Apply(bb.s)
			}
		})
	}
}
