package font

import (
	"encoding/binary"
	"maps"
	"math/rand/v2"
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

// drawn returns what glyph g of an outline table draws, for comparing
// glyphs across fonts that number them differently: a simple glyph's
// description (padded to four bytes, as the subsetter lays glyphs out),
// and for a composite glyph its description with the glyph ids of its
// components zeroed, then what each of them draws, in braces. Components
// nested deeper than fonts nest them fail the test: they loop.
func drawn(t *testing.T, out *outlines, g int) string {
	t.Helper()
	return drawnAt(t, out, g, 0)
}

func drawnAt(t *testing.T, out *outlines, g, depth int) string {
	t.Helper()
	if depth > 16 {
		t.Fatalf("glyph %d: components nested %d deep: they loop", g, depth)
	}
	data := padded(out.glyph(g))
	var ids []int
	if err := eachComponent(data, func(at int) { ids = append(ids, at) }); err != nil {
		t.Fatalf("glyph %d: %v", g, err)
	}
	if len(ids) == 0 {
		return string(data)
	}
	b := slices.Clone(data)
	var kids strings.Builder
	for _, at := range ids {
		kids.WriteString("{" + drawnAt(t, out, u16(b, at), depth+1) + "}")
		b[at], b[at+1] = 0, 0
	}
	return string(b) + kids.String()
}

// checkSubset reads the program of sub back and checks that each CID's
// glyph draws what the face's glyph for its rune draws, with its advance,
// and that the program holds nothing else: .notdef, the CIDs' glyphs and
// the components they need that no CID shows.
func checkSubset(t *testing.T, sub *Subset) *sfntFile {
	t.Helper()
	data, err := sub.Font()
	if err != nil {
		t.Fatal(err)
	}
	got := readSubset(t, data)
	e := sub.e
	need := map[uint16]bool{}
	var add func(g uint16)
	add = func(g uint16) {
		if int(g) < e.NumGlyphs && !need[g] {
			need[g] = true
			for _, c := range e.components(g) {
				add(c)
			}
		}
	}
	add(0)
	shown := map[uint16]bool{0: true}
	cids := 0
	for _, c := range sub.CIDs() {
		if c == 0 {
			continue
		}
		cids++
		r, ok := sub.Rune(c)
		if !ok {
			t.Fatalf("CID %d is in use but stands for no rune", c)
		}
		g := e.Glyph(r)
		shown[g] = true
		add(g)
		if int(c) >= got.out.numGlyphs() {
			t.Fatalf("CID %d (%q): the program has %d glyphs", c, r, got.out.numGlyphs())
		}
		if d, want := drawn(t, got.out, int(c)), drawn(t, e.out, int(g)); d != want {
			t.Errorf("CID %d (%q) draws %d bytes, not what glyph %d draws (%d bytes)", c, r, len(d), g, len(want))
		}
		if units, _ := e.hMetric(int(g)); got.adv[c] != units {
			t.Errorf("CID %d (%q): advance %d, want %d", c, r, got.adv[c], units)
		}
	}
	if d, want := drawn(t, got.out, 0), drawn(t, e.out, 0); d != want {
		t.Errorf(".notdef is not the face's")
	}
	components := 0
	for g := range need {
		if !shown[g] {
			components++
		}
	}
	if n := got.out.numGlyphs(); n != 1+cids+components {
		t.Errorf("%d glyphs, want .notdef, %d for the CIDs and %d components", n, cids, components)
	}
	return got
}

// TestSubsetInter subsets Inter and reads the font back: each CID, given
// in the order the runes came in, has the glyph of its rune, composite
// glyphs have their components, and nothing else is there.
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
			got := checkSubset(t, sub)
			for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "prep"} {
				if got.tables[tag] == nil {
					t.Errorf("no %q table", tag)
				}
			}
			if len(got.tables) != 7 {
				t.Errorf("%d tables, want the 7 Inter has of those a PDF needs", len(got.tables))
			}
			e := sub.e
			var seen []rune
			composites := 0
			for _, r := range text {
				if !slices.Contains(seen, r) {
					seen = append(seen, r)
				}
				if c, want := sub.CID(r), slices.Index(seen, r)+1; int(c) != want {
					t.Errorf("CID(%q) = %d, want %d: runes are numbered as they come", r, c, want)
				}
				if len(e.components(e.Glyph(r))) > 0 {
					composites++
				}
			}
			if name == "Inter-SemiBold" && composites == 0 {
				t.Errorf("the text has no composite glyph: the test checks less than it should")
			}
			if n := got.out.numGlyphs(); n > 3*len(seen) {
				t.Errorf("%d glyphs for %d runes", n, len(seen))
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
		t.Fatal("U+02BC and U+2019 no longer share a glyph in Inter: the test checks nothing")
	}
	sub := e.NewSubset()
	apostrophe, modifier := sub.CID('\u2019'), sub.CID('\u02bc')
	if apostrophe != 1 || modifier != 2 {
		t.Errorf("CIDs %d and %d, want 1 and 2", apostrophe, modifier)
	}
	if c := sub.CID('\u0378'); c != 0 { // unassigned code point
		t.Errorf("CID(U+0378) = %d, want 0", c)
	}
	l, x := sub.CID('l'), sub.CID('x')
	wantCIDs := []uint16{0, apostrophe, modifier, l, x}
	if got := sub.CIDs(); !slices.Equal(got, wantCIDs) {
		t.Errorf("CIDs() = %v, want %v", got, wantCIDs)
	}
	for _, c := range wantCIDs {
		r, ok := sub.Rune(c)
		want := map[uint16]rune{apostrophe: '\u2019', modifier: '\u02bc', l: 'l', x: 'x'}[c]
		if r != want || ok != (c != 0) {
			t.Errorf("Rune(%d) = %q, %v; want %q", c, r, ok, want)
		}
		if w := sub.Width(c); c != 0 && w != face.Advance(want) {
			t.Errorf("Width(%d) = %d, want Advance(%q) = %d", c, w, want, face.Advance(want))
		}
	}
	got := checkSubset(t, sub)
	if n := got.out.numGlyphs(); n != 5 {
		t.Errorf("%d glyphs, want .notdef, the apostrophe, its copy, l and x", n)
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
		text   string
		glyphs int // in the program
	}{
		{"A", 2},    // .notdef, A
		{"D", 2},    // .notdef, D
		{"B", 4},    // .notdef, B, its A and 3
		{"C", 5},    // .notdef, C, B, A and 3: the glyph the font lacks is not there
		{"E", 1},    // .notdef
		{"BA", 4},   // A is a CID before B's component
		{"CDA", 5},  // D and A before C's components
		{"ABCD", 5}, // every glyph is a CID
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := checkSubset(t, subsetOf(t, face, tt.text))
			if n := got.out.numGlyphs(); n != tt.glyphs {
				t.Errorf("%d glyphs, want %d", n, tt.glyphs)
			}
			if got.tables["fpgm"] == nil || got.tables["cvt "] == nil || got.tables["prep"] != nil {
				t.Errorf("tables %v: want fpgm and cvt, which the font has, and no prep", slices.Sorted(maps.Keys(got.tables)))
			}
		})
	}
	t.Run("a component the font lacks", func(t *testing.T) {
		sub := subsetOf(t, face, "C")
		got := checkSubset(t, sub)
		ids, err := appendComponents(nil, got.out.glyph(1))
		if err != nil || len(ids) != 2 || ids[1] != 0xFFFF {
			t.Errorf("C's components are %v (%v), want B's id and 65535", ids, err)
		}
	})

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
		got := checkSubset(t, subsetOf(t, face, "CA"))
		if f := i16(got.tables["head"], 50); f != 1 {
			t.Errorf("indexToLocFormat %d, want 1 (long)", f)
		}
	})
}

// padded returns b with zeros up to a multiple of four bytes, as the
// subsetter lays glyphs out.
func padded(b []byte) []byte {
	return append(slices.Clip(b), make([]byte, pad4(len(b))-len(b))...)
}

// TestSubsetTag: the tag is the same for the same runes in the same
// order, which make the same program, and otherwise almost always
// differs.
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
		if prev, ok := tags[tag]; ok {
			t.Errorf("Tag() %q for both %q and %q", tag, prev, text)
		}
		tags[tag] = text
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
	if c := sub.CID(0x1F600); c != 1 {
		t.Errorf("CID(U+1F600) = %d, want 1", c)
	}
	if c := sub.CID('A'); c != 2 {
		t.Errorf("CID('A') = %d, want the alias 2", c)
	}
	if r, ok := sub.Rune(1); r != 0x1F600 || !ok {
		t.Errorf("Rune(1) = %U, %v", r, ok)
	}
	if w := sub.Width(2); w != 600 {
		t.Errorf("alias width %d, want 600", w)
	}
	checkSubset(t, sub)
}

// components returns the glyphs composite glyph g is made of; nil for
// other glyphs and damaged ones.
func (e *Embedding) components(g uint16) []uint16 {
	c, _ := appendComponents(nil, e.out.glyph(int(g)))
	return c
}

// TestSubsetRandom subsets Inter's faces with runs of runes drawn at
// random from all they map (composites, aliases and all), in random
// order, and reads each program back (see checkSubset).
func TestSubsetRandom(t *testing.T) {
	for _, name := range fontFiles {
		face := inter(t, name)
		var mapped []rune
		for r := rune(1); r < 0x10000; r++ {
			if face.Has(r) {
				mapped = append(mapped, r)
			}
		}
		if len(mapped) < 1000 {
			t.Fatalf("%s maps %d runes", name, len(mapped))
		}
		rng := rand.New(rand.NewPCG(1, uint64(len(name))))
		for _, n := range []int{1, 10, 100, 1000} {
			e, _ := face.Embedding()
			sub := e.NewSubset()
			composites, glyphs := 0, map[uint16]bool{}
			for range n {
				r := mapped[rng.IntN(len(mapped))]
				sub.CID(r)
				if len(e.components(e.Glyph(r))) > 0 {
					composites++
				}
				glyphs[e.Glyph(r)] = true
			}
			sub.CID(0x0378) // one the face lacks: CID 0
			checkSubset(t, sub)
			if n == 1000 && (composites == 0 || len(sub.CIDs()) == len(glyphs)+1) {
				t.Errorf("%s: %d composites, %d CIDs for %d glyphs: the test checks neither composites nor aliases", name, composites, len(sub.CIDs()), len(glyphs))
			}
		}
	}
}
