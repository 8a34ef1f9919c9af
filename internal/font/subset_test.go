package font

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// sfntFile is a font file read back for tests, with its checksums checked.
type sfntFile struct {
	tables map[string][]byte
	out    *outlines
	adv    []int // advance per glyph id, font units
}

// readSubset reads a font written by Subset.Font: the table directory, the
// outlines and the horizontal metrics, checking every checksum.
func readSubset(t *testing.T, data []byte) *sfntFile {
	t.Helper()
	if len(data)%4 != 0 {
		t.Fatalf("font is %d bytes, not a multiple of 4", len(data))
	}
	if v := binary.BigEndian.Uint32(data); v != tagTrueType {
		t.Fatalf("sfnt version %#x", v)
	}
	n := u16(data, 4)
	entrySelector := u16(data, 8)
	if sr := u16(data, 6); sr != 16<<entrySelector || 1<<entrySelector > n || 2<<entrySelector <= n || u16(data, 10) != 16*n-sr {
		t.Errorf("searchRange, entrySelector, rangeShift = %d, %d, %d for %d tables", sr, entrySelector, u16(data, 10), n)
	}
	f := &sfntFile{tables: map[string][]byte{}}
	prev := ""
	for i := range n {
		rec := data[12+16*i:]
		tag := string(rec[:4])
		if tag <= prev {
			t.Errorf("table %q after %q: not sorted", tag, prev)
		}
		prev = tag
		off, length := int(u32(rec, 8)), int(u32(rec, 12))
		if off%4 != 0 || off+pad4(length) > len(data) {
			t.Fatalf("table %q at %d, %d bytes, in a %d-byte file", tag, off, length, len(data))
		}
		table := data[off : off+length]
		sum := checkSum(data[off : off+pad4(length)])
		if tag == "head" {
			sum -= u32(table, 8)
		}
		if sum != u32(rec, 4) {
			t.Errorf("table %q: checksum %#x, directory says %#x", tag, sum, u32(rec, 4))
		}
		f.tables[tag] = table
	}
	if sum := checkSum(data); sum != checkSumMagic {
		t.Errorf("whole font checksum %#x, want %#x", sum, uint32(checkSumMagic))
	}
	numGlyphs := u16(f.tables["maxp"], 4)
	var err error
	if f.out, err = readOutlines(f.tables["head"], f.tables["loca"], f.tables["glyf"], numGlyphs); err != nil {
		t.Fatal(err)
	}
	nh := u16(f.tables["hhea"], 34)
	if nh != numGlyphs || len(f.tables["hmtx"]) != 4*nh {
		t.Fatalf("numberOfHMetrics %d, hmtx %d bytes, for %d glyphs", nh, len(f.tables["hmtx"]), numGlyphs)
	}
	for g := range numGlyphs {
		f.adv = append(f.adv, u16(f.tables["hmtx"], 4*g))
	}
	return f
}

// subsetOf adds the runes of s to a new subset of face and returns it.
func subsetOf(t *testing.T, face *Face, s string) *Subset {
	t.Helper()
	e, err := face.Embedding()
	if err != nil {
		t.Fatal(err)
	}
	sub := e.NewSubset()
	for _, r := range s {
		sub.CID(r)
	}
	return sub
}

// TestSubsetInter subsets Inter and reads the font back: the glyphs the
// text uses and their components are the original ones under their own
// ids, with their advances; every other glyph is empty.
func TestSubsetInter(t *testing.T) {
	texts := map[string]string{
		"Inter-Regular":  "Une production fiable, des équipes qui livrent vite : c’est le cœur de métier du SRE.",
		"Inter-Italic":   "«\u00a0Françoise\u202f» — 45–55 k€ 0123456789 ÀÉÎÕÜ",
		"Inter-SemiBold": "Ǻǻ Åå Ǖǖ", // composites made of composites
		"Inter-Bold":     "A",
	}
	for name, text := range texts {
		t.Run(name, func(t *testing.T) {
			face := inter(t, name)
			sub := subsetOf(t, face, text)
			data, err := sub.Font()
			if err != nil {
				t.Fatal(err)
			}
			got := readSubset(t, data)
			for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "prep"} {
				if got.tables[tag] == nil {
					t.Errorf("no %q table", tag)
				}
			}
			if len(got.tables) != 7 {
				t.Errorf("%d tables, want the 7 Inter has of those a PDF needs", len(got.tables))
			}
			e, _ := face.Embedding()
			want := map[int]bool{0: true} // .notdef and what the text needs
			var add func(g uint16)
			add = func(g uint16) {
				want[int(g)] = true
				ids := e.components(g)
				for _, c := range ids {
					add(c)
				}
			}
			composites := 0
			for _, r := range text {
				c := sub.CID(r)
				if c != e.Glyph(r) || c == 0 {
					t.Errorf("CID(%q) = %d, want its glyph %d", r, c, e.Glyph(r))
				}
				if len(e.components(c)) > 0 {
					composites++
				}
				add(c)
			}
			for g := range got.out.numGlyphs() {
				orig, adv := e.out.glyph(g), e.width[g]
				if !want[g] {
					orig, adv = nil, 0
				}
				if gg := got.out.glyph(g); !bytes.Equal(gg, padded(orig)) {
					t.Errorf("glyph %d: %d bytes, want %d (%v)", g, len(gg), len(orig), want[g])
				}
				units, _ := e.hMetric(g)
				if !want[g] {
					units = 0
				}
				if got.adv[g] != units {
					t.Errorf("glyph %d: advance %d, want %d (%d/1000 em)", g, got.adv[g], units, adv)
				}
			}
			for g := range want {
				if g >= got.out.numGlyphs() {
					t.Errorf("glyph %d is needed but the subset has %d glyphs", g, got.out.numGlyphs())
				}
			}
			if name == "Inter-SemiBold" && composites == 0 {
				t.Errorf("the text has no composite glyph: the test checks less than it should")
			}
		})
	}
}

// TestSubsetAliases checks that a rune whose glyph another rune has gets
// its own CID, a copy of the glyph: U+02BC and U+2019 share one in Inter.
func TestSubsetAliases(t *testing.T) {
	face := inter(t, "Inter-Regular")
	e, _ := face.Embedding()
	if e.Glyph('\u02bc') != e.Glyph('\u2019') {
		t.Fatal("U+02BC and U+2019 no longer share a glyph in Inter: pick two runes that do")
	}
	sub := subsetOf(t, face, "l’ʼʼ’x\u0378")
	apostrophe, modifier := sub.CID('\u2019'), sub.CID('\u02bc')
	if apostrophe != e.Glyph('\u2019') {
		t.Errorf("CID(U+2019) = %d, want its glyph %d", apostrophe, e.Glyph('\u2019'))
	}
	if int(modifier) != e.NumGlyphs {
		t.Errorf("CID(U+02BC) = %d, want the first alias, %d", modifier, e.NumGlyphs)
	}
	if c := sub.CID('\u0378'); c != 0 { // unassigned code point
		t.Errorf("CID(U+0378) = %d, want 0", c)
	}
	wantCIDs := []uint16{0, sub.CID('l'), sub.CID('x'), apostrophe, modifier}
	slices.Sort(wantCIDs)
	if got := sub.CIDs(); !slices.Equal(got, wantCIDs) {
		t.Errorf("CIDs() = %v, want %v", got, wantCIDs)
	}
	for _, c := range wantCIDs {
		r, ok := sub.Rune(c)
		want := map[uint16]rune{apostrophe: '\u2019', modifier: '\u02bc', sub.CID('l'): 'l', sub.CID('x'): 'x'}[c]
		if ok != (c != 0) || r != want {
			t.Errorf("Rune(%d) = %q, %v; want %q", c, r, ok, want)
		}
		if w := sub.Width(c); c != 0 && w != face.Advance(want) {
			t.Errorf("Width(%d) = %d, want Advance(%q) = %d", c, w, want, face.Advance(want))
		}
	}
	data, err := sub.Font()
	if err != nil {
		t.Fatal(err)
	}
	got := readSubset(t, data)
	if n := got.out.numGlyphs(); n != e.NumGlyphs+1 {
		t.Fatalf("%d glyphs, want %d and the alias", n, e.NumGlyphs)
	}
	if a, b := got.out.glyph(int(modifier)), e.out.glyph(int(apostrophe)); len(b) == 0 || !bytes.Equal(a[:len(b)], b) {
		t.Errorf("alias glyph is %d bytes, want a copy of the %d of glyph %d", len(a), len(b), apostrophe)
	}
	if got.adv[modifier] != got.adv[apostrophe] || got.adv[modifier] == 0 {
		t.Errorf("alias advance %d, want %d", got.adv[modifier], got.adv[apostrophe])
	}
}

// TestSubsetSynthetic subsets a small font with nested composite glyphs, a
// composite referring to a glyph id the font lacks, and the long loca
// format.
func TestSubsetSynthetic(t *testing.T) {
	s := basic() // 'A' glyph 1, 'B' 2, 'C' 4, 'D' 3
	glyphs := [][]byte{
		simpleGlyph(1, 1, 2, 3), // 0 .notdef
		simpleGlyph(1, 4, 5),    // 1 A
		compositeGlyph(component{argsAreWords, 1}, component{haveScale, 3}), // 2 B: A and 3
		simpleGlyph(2, 6, 7, 8, 9),                               // 3 D
		compositeGlyph(component{have2x2, 2}, component{0, 400}), // 4 C: B, and a glyph the font lacks
	}
	s.extra = map[string][]byte{"fpgm": {1, 2, 3}, "cvt ": {0, 10}}
	s.extra["glyf"], s.extra["loca"] = glyfLoca(glyphs...)
	face, err := Parse("synthetic.ttf", s.build())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		keep []int
	}{
		{"A", []int{0, 1}},
		{"D", []int{0, 3}},
		{"B", []int{0, 1, 2, 3}},
		{"C", []int{0, 1, 2, 3, 4}},
		{"E", []int{0}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			data, err := subsetOf(t, face, tt.text).Font()
			if err != nil {
				t.Fatal(err)
			}
			got := readSubset(t, data)
			if n := got.out.numGlyphs(); n != slices.Max(tt.keep)+1 {
				t.Errorf("%d glyphs, want %d", n, slices.Max(tt.keep)+1)
			}
			if got.tables["fpgm"] == nil || got.tables["cvt "] == nil || got.tables["prep"] != nil {
				t.Errorf("tables %v: want fpgm and cvt, which the font has, and no prep", slices.Sorted(maps.Keys(got.tables)))
			}
			for g := range got.out.numGlyphs() {
				want := []byte{}
				if slices.Contains(tt.keep, g) {
					want = padded(glyphs[g])
				}
				if gg := got.out.glyph(g); !bytes.Equal(gg, want) {
					t.Errorf("glyph %d = %v, want %v", g, gg, want)
				}
			}
		})
	}

	t.Run("long loca", func(t *testing.T) {
		big := slices.Clone(glyphs)
		big[3] = simpleGlyph(1, make([]byte, 0x20000)...) // past what short offsets reach
		var loca []byte
		s.extra["glyf"], loca = glyfLoca(big...)
		s.extra["loca"] = nil
		for i := 0; i < len(loca); i += 2 {
			s.extra["loca"] = binary.BigEndian.AppendUint32(s.extra["loca"], 0) // filled in below
		}
		off := 0
		for i, g := range big {
			be32(s.extra["loca"], 4*i, off)
			off += len(g) + len(g)%2
		}
		be32(s.extra["loca"], 4*len(big), off)
		s.extra["head"] = make([]byte, 54)
		be32(s.extra["head"], 12, 0x5F0F3CF5)
		be16(s.extra["head"], 18, s.upem)
		be16(s.extra["head"], 50, 1)
		face, err := Parse("big.ttf", s.build())
		if err != nil {
			t.Fatal(err)
		}
		data, err := subsetOf(t, face, "C").Font()
		if err != nil {
			t.Fatal(err)
		}
		got := readSubset(t, data)
		if f := i16(got.tables["head"], 50); f != 1 {
			t.Errorf("indexToLocFormat %d, want 1 (long)", f)
		}
		if g := got.out.glyph(4); !bytes.Equal(g, padded(glyphs[4])) {
			t.Errorf("glyph 4 after the big one is %v", g)
		}
	})
}

// padded returns b with zeros up to a multiple of four bytes, as the
// subsetter lays glyphs out.
func padded(b []byte) []byte {
	return append(slices.Clip(b), make([]byte, pad4(len(b))-len(b))...)
}

func TestSubsetTag(t *testing.T) {
	face := inter(t, "Inter-Regular")
	tags := map[string]string{}
	for _, text := range []string{"", "a", "b", "ab", "ba", "abc", "Site Reliability Engineer", "’ʼ", "ʼ’"} {
		tag := subsetOf(t, face, text).Tag()
		if len(tag) != 6 || strings.Trim(tag, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
			t.Errorf("Tag() for %q = %q, want six capital letters", text, tag)
		}
		if again := subsetOf(t, face, text).Tag(); again != tag {
			t.Errorf("Tag() for %q = %q, then %q", text, tag, again)
		}
		key := fmt.Sprint(subsetOf(t, face, text).CIDs())
		if text == "’ʼ" || text == "ʼ’" {
			key = text // same CIDs, different runes behind them
		}
		if prev, ok := tags[tag]; ok && prev != key {
			t.Errorf("Tag() %q for both %s and %s", tag, prev, key)
		}
		tags[tag] = key
	}
	if subsetOf(t, face, "ab").Tag() != subsetOf(t, face, "ba").Tag() {
		t.Errorf("the tag depends on the order runes came in, not only on the subset")
	}
}

// TestSubsetSupplementary: in the synthetic font, U+1F600 (through the
// format 12 cmap) and 'A' share glyph 1.
func TestSubsetSupplementary(t *testing.T) {
	face, err := Parse("basic", basic().build())
	if err != nil {
		t.Fatal(err)
	}
	sub := subsetOf(t, face, "\U0001F600A")
	e, _ := face.Embedding()
	if c := sub.CID(0x1F600); c != 1 {
		t.Errorf("CID(U+1F600) = %d, want glyph 1", c)
	}
	if c := sub.CID('A'); int(c) != e.NumGlyphs {
		t.Errorf("CID('A') = %d, want the alias %d", c, e.NumGlyphs)
	}
	if r, ok := sub.Rune(1); r != 0x1F600 || !ok {
		t.Errorf("Rune(1) = %U, %v", r, ok)
	}
	if w := sub.Width(uint16(e.NumGlyphs)); w != 600 {
		t.Errorf("alias width %d, want 600", w)
	}
}

// components returns the glyphs composite glyph g is made of; nil for
// other glyphs and damaged ones.
func (e *Embedding) components(g uint16) []uint16 {
	c, _ := appendComponents(nil, e.out.glyph(int(g)))
	return c
}
