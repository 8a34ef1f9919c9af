package font

import (
	"cmp"
	"math/bits"
	"slices"
	"sync/atomic"
)

// kernSub is one pair adjustment subtable: set for GPOS format 1 (its
// pairs read when a left glyph is first kerned), pairs for the legacy
// 'kern' table (read at once, sorted by key), class for format 2.
type kernSub struct {
	set   *pairSet
	pairs []pairRec
	class *classKern
}

// pairRec is a kerning pair: key is firstGlyph<<16 | secondGlyph, v the
// XAdvance adjustment of the first glyph in font units.
type pairRec struct {
	key uint32
	v   int32
}

// valueRecord returns the size in bytes of a ValueRecord of format vf and
// the offset of its XAdvance field, or -1 when it has none.
func valueRecord(vf int) (size, xAdvance int) {
	size = 2 * bits.OnesCount16(uint16(vf))
	xAdvance = -1
	if vf&4 != 0 {
		xAdvance = 2 * bits.OnesCount16(uint16(vf&3)) // after XPlacement, YPlacement
	}
	return size, xAdvance
}

// readGPOS reads the pair adjustment lookups of every 'kern' feature of
// the GPOS table b, whatever its script and language system. Lookups
// listed by several features apply once, in lookup list order, as in
// HarfBuzz; lookups of other types and malformed subtables are skipped.
func (p *layoutParser) readGPOS(b []byte) {
	if len(b) < 10 || u16(b, 0) != 1 {
		return
	}
	features := from(b, u16(b, 6))
	lookupList := from(b, u16(b, 8))
	var indices []int
	nf := min(u16(features, 0), (len(features)-2)/6)
	for i := range nf {
		rec := 2 + 6*i
		if string(features[rec:rec+4]) != "kern" {
			continue
		}
		feat := from(features, u16(features, rec+4))
		n := min(u16(feat, 2), (len(feat)-4)/2)
		if !p.spend(n) {
			return
		}
		for j := range n {
			indices = append(indices, u16(feat, 4+2*j))
		}
	}
	slices.Sort(indices)
	indices = slices.Compact(indices)
	numLookups := min(u16(lookupList, 0), (len(lookupList)-2)/2)
	for _, li := range indices {
		if li >= numLookups {
			break
		}
		lookup := from(lookupList, u16(lookupList, 2+2*li))
		typ := u16(lookup, 0)
		if typ != 2 && typ != 9 {
			continue
		}
		n := min(u16(lookup, 4), (len(lookup)-6)/2)
		if !p.spend(n) {
			return
		}
		var subs []kernSub
		if p.dirty {
			clear(p.claimed)
			p.dirty = false
		}
		for s := range n {
			st := from(lookup, u16(lookup, 6+2*s))
			if typ == 9 { // extension: the real subtable is at a 32-bit offset
				if u16(st, 0) != 1 || u16(st, 2) != 2 {
					continue
				}
				st = from(st, int(u32(st, 4)))
			}
			switch u16(st, 0) {
			case 1:
				if set := p.pairPos1(st); set != nil {
					subs = append(subs, kernSub{set: set})
				}
			case 2:
				if c := p.pairPos2(st); c != nil {
					subs = append(subs, kernSub{class: c})
				}
			}
			if p.failed {
				return
			}
		}
		if len(subs) > 0 {
			p.lookups = append(p.lookups, subs)
		}
	}
}

// pairPos1 reads a pair adjustment subtable of format 1 (glyph pairs):
// it counts its pairs against the limits and indexes its coverage, and
// leaves the pairs to be read per left glyph, when that glyph is first
// kerned (pairSet.appendPairs).
func (p *layoutParser) pairPos1(b []byte) *pairSet {
	if len(b) < 10 {
		return nil
	}
	size1, xAdv := valueRecord(u16(b, 4))
	size2, _ := valueRecord(u16(b, 6))
	s := &pairSet{b: b, numGlyphs: p.numGlyphs, xAdv: xAdv, recSize: 2 + size1 + size2, numSets: min(u16(b, 8), (len(b)-10)/2)}
	cov := from(b, u16(b, 2))
	var sorted bool
	s.cov, sorted = sortedCoverage(cov)
	total := 0
	p.walkCoverage(cov, func(g, index int) {
		_, n := s.set(index)
		total += n
		if !sorted {
			s.cov.entries = append(s.cov.entries, uint64(g)<<32|uint64(index))
		}
	})
	if p.pairs += total; p.pairs > maxKernPairs || !p.spend(total) {
		p.failed = true
		return nil
	}
	slices.Sort(s.cov.entries)
	return s
}

// pairSet is a GPOS pair adjustment subtable of format 1, read lazily.
type pairSet struct {
	b         []byte
	cov       coverage
	numGlyphs int
	xAdv      int // offset of XAdvance in the first value record; -1: none
	recSize   int
	numSets   int
}

// set returns the PairSet table of coverage index index and the number of
// records it holds that lie inside it.
func (s *pairSet) set(index int) (set []byte, n int) {
	if index >= s.numSets {
		return nil, 0
	}
	set = from(s.b, u16(s.b, 10+2*index))
	return set, max(0, min(u16(set, 0), (len(set)-2)/s.recSize))
}

// appendPairs appends to pairs those s lists with left glyph g1, as
// (second glyph, XAdvance) in table order: the PairSet of each coverage
// index g1 has, in coverage order. Callers keep the first of a glyph
// listed twice.
func (s *pairSet) appendPairs(pairs []pairRec, g1 int) []pairRec {
	s.cov.each(g1, func(index int) {
		set, n := s.set(index)
		for i := range n {
			rec := 2 + s.recSize*i
			g2 := u16(set, rec)
			if g2 >= s.numGlyphs {
				continue
			}
			v := 0
			if s.xAdv >= 0 {
				v = i16(set, rec+2+s.xAdv)
			}
			pairs = append(pairs, pairRec{uint32(g2), int32(v)})
		}
	})
	return pairs
}

// sortPairs sorts pairs by key, keeping only the first of equal keys.
func sortPairs(pairs []pairRec) []pairRec {
	less := func(a, b pairRec) int { return cmp.Compare(a.key, b.key) }
	if !slices.IsSortedFunc(pairs, less) { // they normally are
		slices.SortStableFunc(pairs, less)
	}
	return slices.CompactFunc(pairs, func(a, b pairRec) bool { return a.key == b.key })
}

// pairPos2 reads a pair adjustment subtable of format 2 (class pairs).
// A left glyph that an earlier format 2 subtable of the same lookup
// already covers (p.claimed) is left out: it never reaches this one.
//
// A covered glyph whose class is out of range is left out too, as
// HarfBuzz does; a right glyph whose class is out of range (damaged data)
// gets an adjustment of 0 rather than falling through to later subtables.
func (p *layoutParser) pairPos2(b []byte) *classKern {
	if len(b) < 16 {
		return nil
	}
	size1, xAdv := valueRecord(u16(b, 4))
	size2, _ := valueRecord(u16(b, 6))
	recSize := size1 + size2
	n1, n2 := u16(b, 12), u16(b, 14)
	if n1 == 0 || n2 == 0 || 16+n1*n2*recSize > len(b) {
		return nil
	}
	var cls1, cls2 []uint16
	if cls1 = p.classArray(from(b, u16(b, 8))); cls1 == nil {
		return nil
	}
	c := &classKern{b: b, n2: n2, recSize: recSize, xAdv: xAdv}
	rows, cols := 1, 1 // without XAdvance, every adjustment is 0
	if xAdv >= 0 {
		if cls2 = p.classArray(from(b, u16(b, 10))); cls2 == nil {
			return nil
		}
		rows, cols = n1, n2
		if slices.ContainsFunc(cls2, func(c uint16) bool { return int(c) >= n2 }) {
			cols++ // a column of zeros for damaged classes
			for g, k := range cls2 {
				cls2[g] = uint16(min(int(k), n2))
			}
		}
		c.col = cls2
		c.rows = make([]atomic.Pointer[[]int16], n1)
	}
	// The budget counts the adjustments as if they were copied: what a
	// font may hold stays what it was.
	if !p.spend(rows*cols + p.numGlyphs) {
		return nil
	}
	c.row = make([]uint32, p.numGlyphs)
	if p.claimed == nil {
		p.claimed = make([]bool, p.numGlyphs)
	}
	p.dirty = true
	p.walkCoverage(from(b, u16(b, 2)), func(g, _ int) {
		if k := int(cls1[g]); k < n1 && !p.claimed[g] {
			c.row[g] = 1 + uint32(k)
			p.claimed[g] = true
		}
	})
	return c
}
