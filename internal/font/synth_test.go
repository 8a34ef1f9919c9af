package font

import (
	"encoding/binary"
	"math"
	"slices"
	"testing"
)

// synth describes a tiny TrueType font for tests; build turns it into bytes.
type synth struct {
	upem, numGlyphs int
	advances        []int // long horizontal metrics; len is numberOfHMetrics
	cmap            []byte
	os2             []byte // nil: no OS/2 table
	omit            string // a table to leave out
	extra           map[string][]byte
}

func be16(b []byte, off, v int) { binary.BigEndian.PutUint16(b[off:], uint16(v)) }
func be32(b []byte, off, v int) { binary.BigEndian.PutUint32(b[off:], uint32(v)) }

func (s synth) build() []byte {
	head := make([]byte, 54)
	be32(head, 12, 0x5F0F3CF5)
	be16(head, 18, s.upem)
	hhea := make([]byte, 36)
	be16(hhea, 4, 800)
	be16(hhea, 6, -200)
	be16(hhea, 8, 90)
	be16(hhea, 34, len(s.advances))
	maxp := make([]byte, 6)
	be32(maxp, 0, 0x5000)
	be16(maxp, 4, s.numGlyphs)
	hmtx := make([]byte, 4*len(s.advances))
	for i, a := range s.advances {
		be16(hmtx, 4*i, a)
	}
	tables := map[string][]byte{
		"head": head, "hhea": hhea, "maxp": maxp, "hmtx": hmtx, "cmap": s.cmap,
		"loca": make([]byte, 2*(s.numGlyphs+1)), "glyf": {},
	}
	if s.os2 != nil {
		tables["OS/2"] = s.os2
	}
	for tag, b := range s.extra {
		tables[tag] = b
	}
	delete(tables, s.omit)
	return sfnt(0x00010000, tables)
}

// sfnt lays out tables (4-byte aligned) behind a table directory.
func sfnt(version int, tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		tags = append(tags, tag)
	}
	slices.Sort(tags)
	out := make([]byte, 12+16*len(tags))
	be32(out, 0, version)
	be16(out, 4, len(tags))
	for i, tag := range tags {
		rec := 12 + 16*i
		copy(out[rec:], tag)
		be32(out, rec+8, len(out))
		be32(out, rec+12, len(tables[tag]))
		out = append(out, tables[tag]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

// seg is a format 4 segment: start..end map through delta, or through
// glyphs (idRangeOffset) when glyphs is non-nil.
type seg struct {
	start, end, delta int
	glyphs            []int
}

func format4(segs ...seg) []byte {
	n := len(segs)
	b := make([]byte, 16+8*n)
	be16(b, 0, 4)
	be16(b, 6, 2*n)
	var glyphIDs []int
	for i, s := range segs {
		be16(b, 14+2*i, s.end)
		be16(b, 16+2*n+2*i, s.start)
		be16(b, 16+4*n+2*i, s.delta)
		if s.glyphs != nil {
			roAt := 16 + 6*n + 2*i
			be16(b, roAt, len(b)+2*len(glyphIDs)-roAt)
			glyphIDs = append(glyphIDs, s.glyphs...)
		}
	}
	for _, g := range glyphIDs {
		b = binary.BigEndian.AppendUint16(b, uint16(g))
	}
	be16(b, 2, len(b))
	return b
}

// format12 maps each group {start, end, gid}.
func format12(groups ...[3]int) []byte {
	b := make([]byte, 16, 16+12*len(groups))
	be16(b, 0, 12)
	be32(b, 12, len(groups))
	for _, g := range groups {
		for _, v := range g {
			b = binary.BigEndian.AppendUint32(b, uint32(v))
		}
	}
	be32(b, 4, len(b))
	return b
}

// cmapTable wraps subtables, each with its platform and encoding IDs.
func cmapTable(platform, encoding []int, subs ...[]byte) []byte {
	b := make([]byte, 4+8*len(subs))
	be16(b, 2, len(subs))
	for i, s := range subs {
		be16(b, 4+8*i, platform[i])
		be16(b, 6+8*i, encoding[i])
		be32(b, 8+8*i, len(b))
		b = append(b, s...)
	}
	return b
}

// basic is a synthetic font: glyph 0 .notdef 500, 1 'A' 600, 2 'B' 700,
// 3 'C' (via glyphIdArray) sharing the last long advance 700, glyph 9 for
// 'Z' beyond numGlyphs, U+1F600 to glyph 1 (format 12), 'D' to a glyph
// whose advance has the sign bit set.
func basic() synth {
	return synth{
		upem: 1000, numGlyphs: 5,
		advances: []int{500, 600, 700, 0x8001},
		cmap: cmapTable([]int{3, 3}, []int{1, 10},
			format4(
				seg{start: 'A', end: 'B', delta: 1 - 'A'},
				seg{start: 'C', end: 'D', glyphs: []int{4, 3}},
				seg{start: 'Z', end: 'Z', delta: 9 - 'Z'},
				seg{start: 0xFFFF, end: 0xFFFF, delta: 1},
			),
			format12([3]int{'A', 'B', 1}, [3]int{0x1F600, 0x1F600, 1})),
	}
}

func TestSynthetic(t *testing.T) {
	f, err := Parse("basic", basic().build())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		r   rune
		has bool
		adv int
	}{
		{'A', true, 600}, {'B', true, 700},
		{'C', true, 0},       // glyph 4: advance 0x8001 read as 0, as fpdf does
		{'D', true, 0},       // glyph 3: advance 0x8001 too
		{'Z', false, 500},    // glyph 9 >= numGlyphs
		{'E', false, 500},    // unmapped
		{0xFFFF, false, 500}, // fpdf ignores U+FFFF
		{0x1F600, true, 600},
		{0x1F601, false, 500},
	}
	for _, tt := range tests {
		if got := f.Has(tt.r); got != tt.has {
			t.Errorf("Has(%U) = %v, want %v", tt.r, got, tt.has)
		}
		if got := f.Advance(tt.r); got != tt.adv {
			t.Errorf("Advance(%U) = %d, want %d", tt.r, got, tt.adv)
		}
	}
	if got := f.Width("AB\U0001F600E", 10); got != (600+700+600+500)*10.0/1000 {
		t.Errorf("Width = %v", got)
	}
	if f.Ascent() != 800 || f.Descent() != -200 || f.LineGap() != 90 {
		t.Errorf("Ascent, Descent, LineGap = %v, %v, %v; want 800, -200, 90", f.Ascent(), f.Descent(), f.LineGap())
	}
	if f.CapHeight() != 700 || f.XHeight() != 500 {
		t.Errorf("without OS/2: CapHeight, XHeight = %v, %v; want fallbacks 700, 500", f.CapHeight(), f.XHeight())
	}
}

func TestSyntheticRoundingAndOS2(t *testing.T) {
	s := basic()
	s.upem = 2000 // scale 0.5: 1 unit is exactly half a unit of 1/1000 em
	s.advances = []int{1, 3, 1001, 2047}
	os2 := make([]byte, 96)
	be16(os2, 0, 2)
	be16(os2, 86, 1000) // sxHeight
	be16(os2, 88, 1401) // sCapHeight
	s.os2 = os2
	f, err := Parse("rounding", s.build())
	if err != nil {
		t.Fatal(err)
	}
	for r, want := range map[rune]int{0x4E2D: 1, 'A': 2, 'B': 501, 'D': 1024} {
		if got := f.Advance(r); got != want {
			t.Errorf("Advance(%U) = %d, want %d (halves round away from zero)", r, got, want)
		}
	}
	if f.XHeight() != 500 || math.Abs(f.CapHeight()-700.5) > 1e-12 {
		t.Errorf("XHeight, CapHeight = %v, %v; want 500, 700.5", f.XHeight(), f.CapHeight())
	}
	os2[1] = 1 // version 1 has no sxHeight/sCapHeight
	if f, err = Parse("os2v1", s.build()); err != nil {
		t.Fatal(err)
	}
	if f.CapHeight() != 700 || f.XHeight() != 500 {
		t.Errorf("OS/2 v1: CapHeight, XHeight = %v, %v; want fallbacks 700, 500", f.CapHeight(), f.XHeight())
	}
}
