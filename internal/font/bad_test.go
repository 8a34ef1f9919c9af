package font

import (
	"bytes"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

type badCase struct {
	name string
	data []byte
	want string // a substring of the error, after the "font NAME: " prefix
}

// badInputs returns malformed fonts, each with a fragment of its error.
func badInputs(tb testing.TB) []badCase {
	tb.Helper()
	inter, err := os.ReadFile("../../fonts/Inter-Regular.ttf")
	if err != nil {
		tb.Fatal(err)
	}
	clone := func(edit func(b []byte)) []byte {
		b := bytes.Clone(inter)
		edit(b)
		return b
	}
	random := make([]byte, 4096)
	rng := rand.NewChaCha8([32]byte{1, 2, 3})
	_, _ = rng.Read(random)
	withTag := func(tag string) []byte {
		return append([]byte(tag), make([]byte, 400)...)
	}
	omit := func(tag string) []byte {
		s := basic()
		s.omit = tag
		return s.build()
	}
	edit := func(f func(s *synth)) []byte {
		s := basic()
		f(&s)
		return s.build()
	}
	cases := []badCase{
		{"nil", nil, "not a TrueType font"},
		{"3 bytes", []byte{0, 1, 0}, "not a TrueType font"},
		{"random", random, "not a TrueType font"},
		{"text", []byte(strings.Repeat("hello, world ", 20)), "not a TrueType font"},
		{"truncated at 10", inter[:10], "not a TrueType font"},
		{"truncated at 100", inter[:100], "truncated table directory"},
		{"truncated at 1000", inter[:1000], "past the end"},
		{"truncated at half", inter[:len(inter)/2], "past the end"},
		{"OTTO", withTag("OTTO"), "font OTTO: CFF (PostScript) outlines are not supported; use a TrueType font with glyf outlines"},
		{"ttcf", withTag("ttcf"), "collections"},
		{"huge table offset", clone(func(b []byte) { be32(b, 12+8, 0xFFFFFF00) }), "past the end"},
		{"huge table length", clone(func(b []byte) { be32(b, 12+16+12, 0xFFFFFFFF) }), "past the end"},
		{"huge table count", clone(func(b []byte) { be16(b, 4, 0xFFFF) }), "truncated table directory"},
		{"CFF table, no glyf", sfnt(0x00010000, map[string][]byte{"CFF ": {1}}), "CFF (PostScript)"},
		{"upem 0", edit(func(s *synth) { s.upem = 0 }), "unitsPerEm 0"},
		{"no long metrics", edit(func(s *synth) { s.advances = nil }), "numberOfHMetrics 0"},
		{"short hmtx", edit(func(s *synth) { s.extra = map[string][]byte{"hmtx": {0, 1}} }), "table \"hmtx\""},
		{"short head", edit(func(s *synth) { s.extra = map[string][]byte{"head": {0, 1}} }), "table \"head\""},
		{"short hhea", edit(func(s *synth) { s.extra = map[string][]byte{"hhea": {0, 1}} }), "table \"hhea\""},
		{"short maxp", edit(func(s *synth) { s.extra = map[string][]byte{"maxp": {0, 1}} }), "table \"maxp\""},
		{"empty cmap", edit(func(s *synth) { s.cmap = nil }), "table \"cmap\""},
		{"cmap records past end", edit(func(s *synth) { s.cmap = []byte{0, 0, 0, 9} }), "table \"cmap\""},
		{"no format 4", edit(func(s *synth) { s.cmap = cmapTable([]int{3}, []int{10}, format12()) }), "no Unicode BMP cmap"},
		{"symbol cmap only", edit(func(s *synth) { s.cmap = cmapTable([]int{3}, []int{0}, format4()) }), "no Unicode BMP cmap"},
		{"cmap subtable past end", edit(func(s *synth) {
			s.cmap = cmapTable([]int{3}, []int{1}, format4())
			be32(s.cmap, 8, 1<<30)
		}), "no Unicode BMP cmap"},
		{"format 4 arrays past end", edit(func(s *synth) {
			s.cmap = cmapTable([]int{3}, []int{1}, format4(seg{start: 1, end: 2}))
			be16(s.cmap, 12+6, 200)
		}), "format 4"},
	}
	for _, tag := range requiredTables {
		cases = append(cases, badCase{"without " + tag, omit(tag), "required table \"" + tag + "\" is missing"})
	}
	return cases
}

func TestParseBadInput(t *testing.T) {
	for _, tt := range badInputs(t) {
		t.Run(tt.name, func(t *testing.T) {
			name := strings.ReplaceAll(tt.name, " ", "-")
			f, err := Parse(name, tt.data)
			if err == nil {
				t.Fatalf("Parse succeeded (face %q), want an error", f.Name())
			}
			msg := err.Error()
			if prefix := "font " + name + ": "; !strings.HasPrefix(msg, prefix) {
				t.Errorf("error %q does not start with %q", msg, prefix)
			}
			if !strings.Contains(msg, tt.want) {
				t.Errorf("error %q does not contain %q", msg, tt.want)
			}
		})
	}
}

// Damaged but readable cmap data is not an error: what can be read is used.
func TestParseDamagedCmap(t *testing.T) {
	s := basic()
	// Overlapping, unsorted segments: the first covering a rune wins.
	s.cmap = cmapTable([]int{0, 0}, []int{3, 4},
		format4(
			seg{start: 'A', end: 'C', delta: 1 - 'A'},  // A:1 B:2 C:3
			seg{start: 'B', end: 'B', delta: 4 - 'B'},  // overlaps B
			seg{start: 'A', end: 'A', delta: 2 - 'A'},  // out of order
			seg{start: 'E', end: 'F', glyphs: []int{}}, // glyphIdArray past the end
		),
		format12([3]int{0x1F600, 0x1F602, 1}, [3]int{0x1F601, 0x1F603, 2}, [3]int{0x1F000, 0x1F000, 2}))
	f, err := Parse("damaged", s.build())
	if err != nil {
		t.Fatal(err)
	}
	for r, want := range map[rune]int{'A': 600, 'B': 700, 'C': 0, 'E': 500, 'F': 500,
		0x1F600: 600, 0x1F602: 0, 0x1F603: 0, 0x1F000: 500} {
		if got := f.Advance(r); got != want {
			t.Errorf("Advance(%U) = %d, want %d", r, got, want)
		}
	}
	if f.Has('E') || f.Has(0x1F000) || !f.Has(0x1F603) {
		t.Errorf("Has('E'), Has(U+1F000), Has(U+1F603) = %v, %v, %v; want false, false, true",
			f.Has('E'), f.Has(0x1F000), f.Has(0x1F603))
	}
}

func FuzzParse(f *testing.F) {
	for _, tt := range badInputs(f) {
		f.Add(tt.data)
	}
	f.Add(basic().build())
	// Kerning: a GPOS table, truncated ones, a 'kern' table.
	gpos := testGPOS()
	for _, n := range []int{len(gpos), len(gpos) - 1, len(gpos) / 2, 40, 12} {
		f.Add(kernSynth(1000, map[string][]byte{"GPOS": gpos[:n]}))
	}
	f.Add(kernSynth(1000, map[string][]byte{"kern": kernTable0(kernSub0(1, [3]int{1, 2, -20}))}))
	f.Add(truncatedGPOS(f, 30000))
	f.Fuzz(func(t *testing.T, data []byte) {
		face, err := Parse("fuzz", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "font fuzz: ") {
				t.Fatalf("error %q lacks the prefix", err)
			}
			return
		}
		// A font that parses must answer every query without panicking.
		for _, r := range []rune{-1, 0, 'A', 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF, 0x110000} {
			face.Has(r)
			face.Advance(r)
		}
		face.Width("Aé€\U0001F600\xff", 12)
		face.Missing("Aé€\U0001F600\xff")
		// KernedWidth is Width plus Kern of adjacent runes: exact at 1000.
		s := "ABCDEFGHIAVAé€\U0001F600\xff"
		sum := face.Width(s, 1000)
		prev := rune(-1)
		for _, r := range s {
			if prev >= 0 {
				k := face.Kern(prev, r)
				if k != 0 && !face.HasKerning() {
					t.Fatalf("Kern(%U, %U) = %d without kerning", prev, r, k)
				}
				sum += float64(k)
			}
			prev = r
		}
		if got := face.KernedWidth(s, 1000); got != sum {
			t.Fatalf("KernedWidth = %v, want Width plus kerning %v", got, sum)
		}
	})
}
