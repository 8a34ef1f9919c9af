package font

import (
	"math"
	"slices"
)

// kerning is a font's pair kerning, keyed by glyph ids, flattened from
// every 'kern' lookup: the adjustment of a pair is the sum over the
// lookups of the value the first subtable that applies to the pair gives.
//
// The pairs some glyph-pair subtable (GPOS format 1, or the 'kern' table)
// lists are stored with their total, already rounded: the left glyph g's
// are second[first[g]:first[g+1]], sorted, with their totals in value.
// Every other pair only meets class subtables (GPOS format 2): its total
// is the sum of what classes give it.
type kerning struct {
	scale float64 // 1000/unitsPerEm

	first  []uint32 // len numGlyphs+1
	second []uint16
	value  []int32  // 1/1000 em, rounded
	mask   []uint64 // per left glyph g, bit s&63 set for each s it lists

	classes []classKern
}

// classKern is a GPOS pair adjustment subtable of format 2 (class pairs).
type classKern struct {
	// row holds, per left glyph, 1 + the index in m of its class's row;
	// 0 when the subtable does not apply to it: not covered, or covered
	// by an earlier format 2 subtable of the same lookup.
	row []uint32
	col []uint16 // per right glyph, its class, the column in m; nil: all 0
	m   []int16  // XAdvance adjustments in font units, row by row
}

// value returns the adjustment, in font units, that c gives the pair
// (g1, g2), and whether c applies to it.
func (c *classKern) value(g1, g2 int) (int32, bool) {
	if g1 >= len(c.row) || c.row[g1] == 0 {
		return 0, false
	}
	col := 0
	if g2 < len(c.col) {
		col = int(c.col[g2])
	}
	return int32(c.m[int(c.row[g1])-1+col]), true
}

// readKerning returns the pair kerning of the font with directory dir,
// from the 'kern' feature of its GPOS table, or else from its 'kern'
// table; nil when it has none, or when the data is too damaged to use.
func readKerning(dir directory, numGlyphs, upem int) *kerning {
	p := &layoutParser{numGlyphs: numGlyphs, work: kernBudget}
	p.readGPOS(dir["GPOS"])
	if len(p.lookups) == 0 && !p.failed {
		p.readKernTable(dir["kern"])
	}
	if p.failed || len(p.lookups) == 0 {
		return nil
	}
	return p.build(1000.0 / float64(upem))
}

// build flattens the lookups p read into a kerning.
//
// It runs at every start for every face, so it allocates little: each
// fresh page of memory costs a page fault.
func (p *layoutParser) build(scale float64) *kerning {
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
	k := &kerning{scale: scale}
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
				k.classes = append(k.classes, *s.class)
				for g1 := range min(p.numGlyphs, len(s.class.row)) {
					lo, hi := int(k.first[g1]), int(k.first[g1+1])
					if lo == hi || s.class.row[g1] == 0 {
						continue
					}
					for i := lo; i < hi; i++ {
						if v, ok := s.class.value(g1, int(k.second[i])); ok && !applied[i] {
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
func (k *kerning) pair(g1, g2 uint16) int {
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

// glyph returns the glyph id r maps to, 0 when the font lacks r. Only for
// faces with kerning, which have a gid table.
func (f *Face) glyph(r rune) uint16 {
	if uint32(r) <= 0xFFFF {
		return f.gid[uint16(r)]
	}
	return uint16(f.suppGlyph(r))
}

// HasKerning reports whether the font has pair kerning: a 'kern' feature
// in its GPOS table with pair adjustment lookups, or a 'kern' table.
func (f *Face) HasKerning() bool { return f.kern != nil }

// Kern returns the kerning adjustment between runes a and b, in 1/1000 em
// (negative brings them closer), rounded like Advance (math.Round of
// 1000*value/unitsPerEm). 0 when the font has no kerning for the pair or
// either rune is unmapped.
//
// The value is the sum of the first glyph's XAdvance adjustments that the
// pair adjustment lookups of the GPOS 'kern' feature (all scripts and
// language systems) give the pair, or, for fonts without them, that the
// 'kern' table gives it. Lookup flags (such as skipping marks) are
// ignored: a and b are taken to be adjacent. Kern does not allocate.
func (f *Face) Kern(a, b rune) int {
	if f.kern == nil {
		return 0
	}
	g1, g2 := f.glyph(a), f.glyph(b)
	if g1 == 0 || g2 == 0 {
		return 0
	}
	return f.kern.pair(g1, g2)
}

// KernedWidth returns Width(s, size) plus the kerning of every adjacent
// pair, in points when size is the font size in points: the sum of
// Advance over the runes of s and of Kern over adjacent runes, times
// size/1000. Allocation-free.
func (f *Face) KernedWidth(s string, size float64) float64 {
	if f.kern == nil {
		return f.Width(s, size)
	}
	sum, bmp := 0, 0
	var prev uint16
	for _, r := range s {
		var g uint16
		if r <= 0xFFFF {
			sum += int(f.adv[uint16(r)])
			bmp++
			g = f.gid[uint16(r)]
		} else {
			sum += f.suppAdvance(r)
			g = uint16(f.suppGlyph(r))
		}
		if prev != 0 && g != 0 {
			sum += f.kern.pair(prev, g)
		}
		prev = g
	}
	sum += bmp * int(f.notdef)
	return float64(sum) * size / 1000
}
