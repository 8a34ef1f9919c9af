package font

import (
	"encoding/binary"
	"fmt"
	"math"
	"testing"
)

// layout builds an OpenType layout structure: fixed fields, then blocks
// each reached through an offset from the structure's start.
type layout struct{ b []byte }

func (l *layout) u16(vs ...int) *layout {
	for _, v := range vs {
		l.b = binary.BigEndian.AppendUint16(l.b, uint16(v))
	}
	return l
}

// offsets appends a 16-bit offset field per block, then the blocks: it
// must come last.
func (l *layout) offsets(blocks ...[]byte) *layout {
	at := len(l.b)
	l.b = append(l.b, make([]byte, 2*len(blocks))...)
	for i, blk := range blocks {
		be16(l.b, at+2*i, len(l.b))
		l.b = append(l.b, blk...)
	}
	return l
}

// Coverage and class definition tables; ranges are {start, end, value}.
func coverage1(glyphs ...int) []byte {
	return new(layout).u16(1, len(glyphs)).u16(glyphs...).b
}

func coverage2(ranges ...[3]int) []byte {
	l := new(layout).u16(2, len(ranges))
	for _, r := range ranges {
		l.u16(r[0], r[1], r[2])
	}
	return l.b
}

func classDef1(start int, classes ...int) []byte {
	return new(layout).u16(1, start, len(classes)).u16(classes...).b
}

func classDef2(ranges ...[3]int) []byte {
	l := new(layout).u16(2, len(ranges))
	for _, r := range ranges {
		l.u16(r[0], r[1], r[2])
	}
	return l.b
}

// pv is a PairValueRecord: the second glyph and both value records' fields.
type pv struct {
	g2     int
	v1, v2 []int
}

func pairPos1(cov []byte, vf1, vf2 int, sets ...[]pv) []byte {
	blocks := [][]byte{cov}
	for _, set := range sets {
		s := new(layout).u16(len(set))
		for _, r := range set {
			s.u16(r.g2).u16(r.v1...).u16(r.v2...)
		}
		blocks = append(blocks, s.b)
	}
	l := new(layout).u16(1, 0, vf1, vf2, len(sets)).u16(make([]int, len(sets))...)
	for i, blk := range blocks { // coverage at 2, pair sets from 10 on
		at := 2
		if i > 0 {
			at = 8 + 2*i
		}
		be16(l.b, at, len(l.b))
		l.b = append(l.b, blk...)
	}
	return l.b
}

// pairPos2 gets the fields of the two value records of classes i, j from m.
func pairPos2(cov []byte, vf1, vf2 int, cd1, cd2 []byte, n1, n2 int, m func(i, j int) []int) []byte {
	l := new(layout).u16(2, 0, vf1, vf2, 0, 0, n1, n2)
	for i := range n1 {
		for j := range n2 {
			l.u16(m(i, j)...)
		}
	}
	for i, blk := range [][]byte{cov, cd1, cd2} {
		be16(l.b, []int{2, 8, 10}[i], len(l.b))
		l.b = append(l.b, blk...)
	}
	return l.b
}

func lookup(typ int, subtables ...[]byte) []byte {
	return new(layout).u16(typ, 0, len(subtables)).offsets(subtables...).b
}

func extension(typ int, sub []byte) []byte {
	b := new(layout).u16(1, typ, 0, 8).b
	return append(b, sub...)
}

type feature struct {
	tag     string
	lookups []int
}

func gposTable(features []feature, lookups ...[]byte) []byte {
	fl := new(layout).u16(len(features))
	var tables [][]byte
	for i, f := range features {
		fl.b = append(fl.b, f.tag...)
		fl.u16(2 + 6*len(features) + 4*i + 2*countBefore(features, i))
		tables = append(tables, new(layout).u16(0, len(f.lookups)).u16(f.lookups...).b)
	}
	for _, t := range tables {
		fl.b = append(fl.b, t...)
	}
	ll := new(layout).u16(len(lookups)).offsets(lookups...)
	return new(layout).u16(1, 0).offsets(new(layout).u16(0).b, fl.b, ll.b).b
}

func countBefore(features []feature, i int) int {
	n := 0
	for _, f := range features[:i] {
		n += len(f.lookups)
	}
	return n
}

// kernSynth is a synthetic font whose runes 'A'..'I' are glyphs 1..9.
func kernSynth(upem int, extra map[string][]byte) []byte {
	s := synth{
		upem: upem, numGlyphs: 10,
		advances: []int{500, 600, 600, 600, 600, 600, 600, 600, 600, 600},
		cmap:     cmapTable([]int{3}, []int{1}, format4(seg{start: 'A', end: 'I', delta: 1 - 'A'})),
		extra:    extra,
	}
	return s.build()
}

const gA, gB, gC, gD, gE, gF, gG = 1, 2, 3, 4, 5, 6, 7

// testGPOS exercises formats and precedence; see TestKernSynthetic.
func testGPOS() []byte {
	l0 := lookup(9,
		// Glyph pairs; value format 1 has an XPlacement before XAdvance.
		extension(2, pairPos1(coverage1(gA, gB), 0x5, 0x4,
			[]pv{{gB, []int{7, -50}, []int{99}}, {gC, []int{0, 0}, []int{5}}},
			[]pv{{gA, []int{0, -30}, []int{0}}})),
		// Classes: A, B class 1, C class 2; right: A, B class 1, C class 2.
		extension(2, pairPos2(coverage2([3]int{gA, gD, 0}), 0x4, 0,
			classDef2([3]int{gA, gB, 1}, [3]int{gC, gC, 2}), classDef1(gA, 1, 1, 2), 3, 3,
			func(i, j int) []int { return []int{-(10*i + j)} })),
		// Never reached for A (covered above); E is new.
		extension(2, pairPos1(coverage1(gA, gE), 0x4, 0,
			[]pv{{gD, []int{-999}, nil}}, []pv{{gA, []int{-40}, nil}})))
	l1 := lookup(2, pairPos2(coverage1(gA, gF), 0x4, 0,
		classDef1(0), classDef2([3]int{gG, gG, 1}), 1, 2,
		func(i, j int) []int { return []int{[]int{-5, -100}[j]} }))
	l2 := lookup(1, []byte{0, 1, 0, 6, 0, 4, 0, 1, 0, 1, 0, gA, 0x80, 0})           // single adjustment
	l3 := lookup(2, pairPos1(coverage1(gA), 0x4, 0, []pv{{gB, []int{-1000}, nil}})) // not kern
	return gposTable([]feature{{"kern", []int{0}}, {"cpsp", []int{3}}, {"kern", []int{1, 0, 2, 7}}}, l0, l1, l2, l3)
}

func TestKernSynthetic(t *testing.T) {
	want := map[string]int{
		"AB": -50 - 5,    // format 1, plus lookup 1
		"AC": 0 - 5,      // format 1's explicit 0 hides the class value -12
		"BA": -30,        // B is not in lookup 1
		"AD": -10 - 5,    // class 1 x class 0; the later -999 is never reached
		"CA": -21,        // class 2 x class 1
		"DA": -1,         // class 0 x class 1
		"EA": -40,        // third subtable
		"AG": -10 - 100,  // format 1 has no (A, G): classes apply; lookup 1 too
		"FG": -100,       // lookup 1 only
		"FA": -5,         //
		"HI": 0,          //
		"AH": -10 - 5,    // class 1 x class 0; lookup 1: class 0 x class 0
		"AZ": 0, "ZA": 0, // unmapped
	}
	for _, upem := range []int{1000, 2000} {
		f, err := Parse("kern", kernSynth(upem, map[string][]byte{"GPOS": testGPOS()}))
		if err != nil {
			t.Fatal(err)
		}
		if !f.HasKerning() {
			t.Fatalf("upem %d: HasKerning() = false", upem)
		}
		checkFlat(t, "synthetic", kernSynth(upem, map[string][]byte{"GPOS": testGPOS()}))
		for pair, units := range want {
			w := int(math.Round(1000.0 / float64(upem) * float64(units)))
			if got := f.Kern(rune(pair[0]), rune(pair[1])); got != w {
				t.Errorf("upem %d: Kern(%c, %c) = %d, want %d", upem, pair[0], pair[1], got, w)
			}
		}
	}
}

func kernTable0(subtables ...[]byte) []byte {
	l := new(layout).u16(0, len(subtables))
	for _, s := range subtables {
		l.b = append(l.b, s...)
	}
	return l.b
}

// kernSub0 is a version 0 subtable of format 0 with the given coverage
// flags; pairs are {left, right, value}.
func kernSub0(flags int, pairs ...[3]int) []byte {
	l := new(layout).u16(0, 14+6*len(pairs), flags, len(pairs), 0, 0, 0)
	for _, p := range pairs {
		l.u16(p[0], p[1], p[2])
	}
	return l.b
}

func TestKernTable(t *testing.T) {
	v0 := kernTable0(
		kernSub0(1, [3]int{gA, gB, -20}, [3]int{gB, gA, -10}, [3]int{gA, gB, -77}),
		kernSub0(5, [3]int{gA, gC, -99}), // cross-stream
		kernSub0(3, [3]int{gA, gC, -98}), // minimum
		kernSub0(1, [3]int{gA, gB, -5}, [3]int{gC, gD, 33}),
	)
	apple := new(layout).u16(1, 0, 0, 1, 0, 8+8+6, 0, 0).u16(1, 0, 0, 0).u16(gA, gB, -7).b
	noKernFeature := gposTable([]feature{{"cpsp", []int{0}}}, lookup(2, pairPos1(coverage1(gA), 0x4, 0, []pv{{gB, []int{-1000}, nil}})))
	tests := []struct {
		name   string
		tables map[string][]byte
		want   map[string]int
	}{
		{"version 0", map[string][]byte{"kern": v0}, map[string]int{"AB": -25, "BA": -10, "AC": 0, "CD": 33, "DC": 0}},
		{"version 1", map[string][]byte{"kern": apple}, map[string]int{"AB": -7, "BA": 0}},
		{"GPOS first", map[string][]byte{"kern": v0, "GPOS": testGPOS()}, map[string]int{"AB": -55, "CD": -20}},
		{"GPOS without kern", map[string][]byte{"kern": v0, "GPOS": noKernFeature}, map[string]int{"AB": -25}},
	}
	for _, tt := range tests {
		f, err := Parse("kern", kernSynth(1000, tt.tables))
		if err != nil {
			t.Fatal(err)
		}
		checkFlat(t, tt.name, kernSynth(1000, tt.tables))
		for pair, w := range tt.want {
			if got := f.Kern(rune(pair[0]), rune(pair[1])); got != w {
				t.Errorf("%s: Kern(%c, %c) = %d, want %d", tt.name, pair[0], pair[1], got, w)
			}
		}
	}
}

func TestNoKerning(t *testing.T) {
	noKernFeature := gposTable([]feature{{"cpsp", []int{0}}}, lookup(2, pairPos1(coverage1(gA), 0x4, 0, []pv{{gB, []int{-1000}, nil}})))
	for name, tables := range map[string]map[string][]byte{
		"no GPOS": nil, "GPOS without kern": {"GPOS": noKernFeature}, "empty kern": {"kern": kernTable0()},
	} {
		f, err := Parse("nokern", kernSynth(1000, tables))
		if err != nil {
			t.Fatal(err)
		}
		if f.HasKerning() || f.Kern('A', 'B') != 0 || f.KernedWidth("ABBA", 10) != f.Width("ABBA", 10) {
			t.Errorf("%s: HasKerning() = %v, Kern(A, B) = %d, KernedWidth(ABBA) = %v, Width = %v",
				name, f.HasKerning(), f.Kern('A', 'B'), f.KernedWidth("ABBA", 10), f.Width("ABBA", 10))
		}
	}
}

// Every prefix of the synthetic GPOS table, and every single-byte damage
// to it, gives a usable font.
func TestKernDamagedSynthetic(t *testing.T) {
	gpos := testGPOS()
	try := func(what string, g []byte) {
		data := kernSynth(1000, map[string][]byte{"GPOS": g})
		f, err := Parse("damaged", data)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		checkFlat(t, what, data)
		for _, a := range "ABCDEFGHZ" {
			for _, b := range "ABCDEFGHZ" {
				f.Kern(a, b)
			}
		}
		if got, want := f.KernedWidth("ABCDEFGHIZ", 1000), f.Width("ABCDEFGHIZ", 1000); !f.HasKerning() && got != want {
			t.Errorf("%s: KernedWidth %v without kerning, Width %v", what, got, want)
		}
	}
	for n := range len(gpos) {
		try(fmt.Sprintf("cut to %d", n), gpos[:n])
	}
	for i := range gpos {
		for _, v := range []byte{0, 1, 0x7F, 0xFF} {
			g := append([]byte(nil), gpos...)
			g[i] = v
			try(fmt.Sprintf("byte %d = %#x", i, v), g)
		}
	}
}

// FuzzKerning feeds arbitrary GPOS (or, when the first byte is odd,
// 'kern') tables to an otherwise valid font: Parse must succeed and Kern
// must agree with KernedWidth.
func FuzzKerning(f *testing.F) {
	gpos := testGPOS()
	f.Add(append([]byte{0}, gpos...))
	f.Add(append([]byte{0}, gpos[:len(gpos)/2]...))
	f.Add(append([]byte{1}, kernTable0(kernSub0(1, [3]int{gA, gB, -20}), kernSub0(1, [3]int{gA, gB, -5}))...))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		tag := map[bool]string{false: "GPOS", true: "kern"}[data[0]&1 == 1]
		face, err := Parse("fuzz", kernSynth(1000, map[string][]byte{tag: data[1:]}))
		if err != nil {
			t.Fatal(err)
		}
		const s = "ABCDEFGHIZ"
		want := face.Width(s, 1000)
		for i := 1; i < len(s); i++ {
			want += float64(face.Kern(rune(s[i-1]), rune(s[i])))
		}
		if got := face.KernedWidth(s, 1000); got != want {
			t.Fatalf("KernedWidth = %v, want %v", got, want)
		}
	})
}

// Coverage tables out of order (a glyph listed twice, ranges that
// overlap) are read as in table order, the first entry of a glyph first,
// whether a left glyph's pairs are looked up or all read at once.
func TestKernUnsortedCoverage(t *testing.T) {
	sets := [][]pv{
		{{gB, []int{-10}, nil}, {gC, []int{-11}, nil}}, // index 0
		{{gA, []int{-20}, nil}, {gB, []int{-21}, nil}}, // index 1
		{{gB, []int{-30}, nil}, {gD, []int{-31}, nil}}, // index 2
		{{gE, []int{-40}, nil}},                        // index 3
	}
	tests := []struct {
		name string
		cov  []byte
		want map[string]int
	}{
		{"format 1 out of order", coverage1(gC, gA, gA, gB),
			map[string]int{"CB": -10, "AA": -20, "AB": -21, "AD": -31, "BE": -40, "CA": 0}},
		{"format 2 overlapping", coverage2([3]int{gB, gC, 0}, [3]int{gA, gC, 2}, [3]int{gD, gD, 3}),
			map[string]int{"BB": -10, "CA": -20, "AB": 0, "DE": -40}},
		{"format 2 sorted", coverage2([3]int{gA, gB, 0}, [3]int{gD, gE, 2}),
			map[string]int{"AB": -10, "BA": -20, "DB": -30, "ED": 0, "EE": -40, "CB": 0}},
	}
	for _, tt := range tests {
		data := kernSynth(1000, map[string][]byte{"GPOS": gposTable([]feature{{"kern", []int{0}}},
			lookup(2, pairPos1(tt.cov, 0x4, 0, sets...)))})
		f, err := Parse("unsorted", data)
		if err != nil {
			t.Fatal(err)
		}
		for pair, w := range tt.want {
			if got := f.Kern(rune(pair[0]), rune(pair[1])); got != w {
				t.Errorf("%s: Kern(%c, %c) = %d, want %d", tt.name, pair[0], pair[1], got, w)
			}
		}
		checkFlat(t, tt.name, data)
	}
}
