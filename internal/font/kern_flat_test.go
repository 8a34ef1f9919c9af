package font

import (
	"math"
	"os"
	"slices"
	"testing"
)

// This file keeps the kerning as Parse built it before pairs were read
// per left glyph (every pair flattened at once), to check that the lazy
// rows give every pair of glyphs the very same value.

// flatKerning is a font's pair kerning, keyed by glyph ids, flattened from
// every 'kern' lookup: the adjustment of a pair is the sum over the
// lookups of the value the first subtable that applies to the pair gives.
//
// The pairs some glyph-pair subtable (GPOS format 1, or the 'kern' table)
// lists are stored with their total, already rounded: the left glyph g's
// are second[first[g]:first[g+1]], sorted, with their totals in value.
// Every other pair only meets class subtables (GPOS format 2): its total
// is the sum of what classes give it.
type flatKerning struct {
	scale float64 // 1000/unitsPerEm

	first  []uint32 // len numGlyphs+1
	second []uint16
	value  []int32  // 1/1000 em, rounded
	mask   []uint64 // per left glyph g, bit s&63 set for each s it lists

	classes []*flatClass
}

// build flattens the lookups p read into a kerning.
//
// It runs at every start for every face, so it allocates little: each
// fresh page of memory costs a page fault.
func (p *layoutParser) build(scale float64) *flatKerning {
	// The pairs some glyph-pair subtable lists, and their totals.
	n := 0
	for _, subs := range p.lookups {
		for _, s := range subs {
			n += len(s.pairs)
		}
	}
	keys := make([]uint32, 0, n)
	for _, subs := range p.lookups {
		for _, s := range subs {
			if len(s.pairs) > 0 {
				if !p.spend(len(keys) + len(s.pairs)) {
					return nil
				}
				keys = mergeKeys(keys, s.pairs)
			}
		}
	}
	k := &flatKerning{scale: scale}
	// first[g]:first[g+1] are the keys of left glyph g: a class subtable
	// that does not apply to a left glyph skips all its pairs.
	k.first = make([]uint32, p.numGlyphs+1)
	k.second = make([]uint16, len(keys))
	k.mask = make([]uint64, p.numGlyphs)
	for i, key := range keys {
		k.first[key>>16+1]++
		k.mask[key>>16] |= 1 << (key & 63)
		k.second[i] = uint16(key)
	}
	for g := range p.numGlyphs {
		k.first[g+1] += k.first[g]
	}
	totals := make([]int32, len(keys))
	applied := make([]bool, len(keys))
	for _, subs := range p.lookups {
		clear(applied)
		for _, s := range subs {
			if s.class != nil {
				if !p.spend(len(keys)) {
					return nil
				}
				fc := newFlatClass(s.class)
				k.classes = append(k.classes, fc)
				for g1 := range min(p.numGlyphs, len(s.class.row)) {
					lo, hi := int(k.first[g1]), int(k.first[g1+1])
					if lo == hi || s.class.row[g1] == 0 {
						continue
					}
					for i := lo; i < hi; i++ {
						if v, ok := fc.value(g1, int(k.second[i])); ok && !applied[i] {
							totals[i] += v
							applied[i] = true
						}
					}
				}
				continue
			}
			small := len(s.pairs)*16 < len(keys)
			i := 0
			for _, pr := range s.pairs { // both sorted; keys holds every pr.key
				if small {
					i, _ = slices.BinarySearch(keys, pr.key)
				}
				for keys[i] < pr.key {
					i++
				}
				if !applied[i] {
					totals[i] += pr.v
					applied[i] = true
				}
			}
		}
	}
	// The totals become the values, rounded, in place.
	for i, t := range totals {
		if t != 0 {
			totals[i] = int32(math.Round(scale * float64(t)))
		}
	}
	k.value = totals
	return k
}

// mergeKeys adds the keys of the sorted pairs to the sorted keys, in
// place (keys has room for them), and returns the union, sorted.
func mergeKeys(keys []uint32, pairs []pairRec) []uint32 {
	n := len(keys)
	if n == 0 {
		for _, pr := range pairs {
			keys = append(keys, pr.key)
		}
		return keys
	}
	// Merge from the back into keys[:n+len(pairs)], keys shared by both
	// written once, then close the gap the shared ones leave at the front.
	out := keys[:n+len(pairs)]
	w := len(out)
	i, j := n-1, len(pairs)-1
	for j >= 0 {
		w--
		switch {
		case i >= 0 && keys[i] > pairs[j].key:
			out[w] = keys[i]
			i--
		case i >= 0 && keys[i] == pairs[j].key:
			out[w] = keys[i]
			i--
			j--
		default:
			out[w] = pairs[j].key
			j--
		}
	}
	// keys[:i+1] are in place already, below out[w:].
	copy(out[i+1:], out[w:])
	return out[:i+1+len(out)-w]
}

// pair returns the kerning of the glyphs g1 and g2 in 1/1000 em.
func (k *flatKerning) pair(g1, g2 uint16) int {
	if int(g1) < len(k.mask) && k.mask[g1]&(1<<(g2&63)) != 0 {
		lo, hi := k.first[g1], k.first[g1+1]
		for lo < hi {
			m := (lo + hi) >> 1
			switch s := k.second[m]; {
			case s < g2:
				lo = m + 1
			case s > g2:
				hi = m
			default:
				return int(k.value[m])
			}
		}
	}
	if len(k.classes) == 0 {
		return 0
	}
	var sum int32
	for i := range k.classes {
		v, _ := k.classes[i].value(int(g1), int(g2))
		sum += v
	}
	if sum == 0 {
		return 0
	}
	return int(math.Round(k.scale * float64(sum)))
}

// flatClass is a class subtable with its adjustments copied into a
// matrix, as Parse used to.
type flatClass struct {
	row []uint32 // per left glyph, 1 + the index in m of its class's row
	col []uint16
	m   []int16
}

// newFlatClass copies the adjustments of c into a matrix, with a column of
// zeros for damaged classes.
func newFlatClass(c *classKern) *flatClass {
	n1, n2 := u16(c.b, 12), u16(c.b, 14)
	rows, cols := 1, 1
	if c.xAdv >= 0 {
		rows, cols = n1, n2
		if slices.ContainsFunc(c.col, func(k uint16) bool { return int(k) >= n2 }) {
			cols++
		}
	}
	f := &flatClass{row: make([]uint32, len(c.row)), col: c.col, m: make([]int16, rows*cols)}
	if c.xAdv >= 0 {
		for i := range n1 {
			for j := range n2 {
				f.m[i*cols+j] = int16(i16(c.b, 16+(i*n2+j)*c.recSize+c.xAdv))
			}
		}
	}
	for g, r := range c.row {
		if r != 0 {
			f.row[g] = 1 + uint32(min(int(r)-1, rows-1)*cols)
		}
	}
	return f
}

func (c *flatClass) value(g1, g2 int) (int32, bool) {
	if g1 >= len(c.row) || c.row[g1] == 0 {
		return 0, false
	}
	col := 0
	if g2 < len(c.col) {
		col = int(c.col[g2])
	}
	return int32(c.m[int(c.row[g1])-1+col]), true
}

// eagerPairs reads every pair of a format 1 subtable, sorted by key, the
// first of a pair listed twice, as Parse used to.
func eagerPairs(p *layoutParser, s *pairSet) []pairRec {
	var pairs []pairRec
	p.walkCoverage(from(s.b, u16(s.b, 2)), func(g1, index int) {
		set, n := s.set(index)
		for i := range n {
			rec := 2 + s.recSize*i
			g2 := u16(set, rec)
			if g2 >= p.numGlyphs {
				continue
			}
			v := 0
			if s.xAdv >= 0 {
				v = i16(set, rec+2+s.xAdv)
			}
			pairs = append(pairs, pairRec{uint32(g1)<<16 | uint32(g2), int32(v)})
		}
	})
	return sortPairs(pairs)
}

// flatten builds the flat kerning of font data, nil without kerning.
func flatten(tb testing.TB, data []byte) *flatKerning {
	tb.Helper()
	dir, err := readDirectory(data)
	if err != nil {
		tb.Fatal(err)
	}
	numGlyphs, _ := readMaxp(dir["maxp"])
	upem, _ := readHead(dir["head"])
	_, numHMetrics, _ := readHhea(dir["hhea"])
	p := &layoutParser{numGlyphs: max(numGlyphs, numHMetrics), work: kernBudget}
	p.readGPOS(dir["GPOS"])
	if len(p.lookups) == 0 && !p.failed {
		p.readKernTable(dir["kern"])
	}
	if p.failed || len(p.lookups) == 0 {
		return nil
	}
	for _, subs := range p.lookups {
		for i, s := range subs {
			if s.set != nil {
				subs[i] = kernSub{pairs: eagerPairs(p, s.set)}
			}
		}
	}
	return p.build(1000.0 / float64(upem))
}

// checkFlat compares the kerning of every pair of glyphs of a font with
// what the flat kerning gives it, and returns how many pairs kern.
func checkFlat(t *testing.T, name string, data []byte) int {
	t.Helper()
	f, err := Parse(name, data)
	if err != nil {
		t.Fatal(err)
	}
	flat := flatten(t, data)
	if (f.kern == nil) != (flat == nil) {
		t.Fatalf("%s: kerning %v, flattened %v", name, f.kern != nil, flat != nil)
	}
	if flat == nil {
		return 0
	}
	n := len(f.glyphAdv)
	kerned := 0
	for g1 := range n + 1 {
		for g2 := range n + 1 {
			want := flat.pair(uint16(g1), uint16(g2))
			if got := f.kern.pair(uint16(g1), uint16(g2)); got != want {
				t.Fatalf("%s: glyphs %d, %d kern %d, flattened %d", name, g1, g2, got, want)
			}
			if want != 0 {
				kerned++
			}
		}
	}
	return kerned
}

// Every pair of glyphs of the built-in fonts kerns as flattened.
func TestKernRowsMatchFlat(t *testing.T) {
	for _, name := range []string{"Inter-Regular", "Inter-Italic", "Inter-SemiBold", "Inter-Bold"} {
		data, err := os.ReadFile("../../fonts/" + name + ".ttf")
		if err != nil {
			t.Fatal(err)
		}
		if kerned := checkFlat(t, name, data); kerned < 100000 {
			t.Errorf("%s: %d pairs kerned, want Inter's hundreds of thousands", name, kerned)
		}
	}
}
