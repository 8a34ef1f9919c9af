package hyphen

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzPoints checks that Points never panics and only returns increasing
// offsets that fall between two letters of the token.
func FuzzPoints(f *testing.F) {
	for _, s := range []string{
		"infrastructure", "d’infrastructure", "«développement»,", "post-mortem",
		"l'", "’", "-", "a\u0301bcdefgh", "https://example.org", "qu’’elle",
		"x\xffyzzzzz", "déve\u0301loppement", "ǅungla", "œuvre-d’art",
		"Infrastrukturverantwortung", "Cloud-Infrastruktur", "ÄÖÜ-Straße", "dell’infrastruttura",
	} {
		f.Add(s)
	}
	hs := []*Hyphenator{mustFor(f, "en"), mustFor(f, "en-US"), mustFor(f, "fr"), mustFor(f, "de"), mustFor(f, "es"), mustFor(f, "it"), mustFor(f, "nl"), mustFor(f, "pt")}
	f.Fuzz(func(t *testing.T, word string) {
		for _, h := range hs {
			last := 0
			for _, p := range h.Points(word) {
				if p <= last || p >= len(word) || !utf8.RuneStart(word[p]) {
					t.Fatalf("%s: Points(%q): bad offset %d", h.Lang(), word, p)
				}
				before, _ := utf8.DecodeLastRuneInString(word[:p])
				after, _ := utf8.DecodeRuneInString(word[p:])
				if !isLetter(before) && !unicode.IsMark(before) || !isLetter(after) {
					t.Fatalf("%s: Points(%q): %d is not between letters", h.Lang(), word, p)
				}
				last = p
			}
		}
	})
}
