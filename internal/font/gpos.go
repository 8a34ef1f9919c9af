package font

import (
	"cmp"
	"math/bits"
	"slices"
)

// kernSub is one pair adjustment subtable: pairs for format 1 (and for
// the legacy 'kern' table), class for format 2.
type kernSub struct {
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
				if pairs := p.pairPos1(st); pairs != nil {
					subs = append(subs, kernSub{pairs: pairs})
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

// pairPos1 reads a pair adjustment subtable of format 1 (glyph pairs),
// returning its pairs sorted by key; for a pair listed twice, the first.
func (p *layoutParser) pairPos1(b []byte) []pairRec {
	if len(b) < 10 {
		return nil
	}
	size1, xAdv := valueRecord(u16(b, 4))
	size2, _ := valueRecord(u16(b, 6))
	recSize := 2 + size1 + size2
	numSets := min(u16(b, 8), (len(b)-10)/2)
	cov := from(b, u16(b, 2))
	setSize := func(index int) (set []byte, n int) {
		if index >= numSets {
			return nil, 0
		}
		set = from(b, u16(b, 10+2*index))
		return set, max(0, min(u16(set, 0), (len(set)-2)/recSize))
	}
	total := 0
	p.walkCoverage(cov, func(_, index int) {
		_, n := setSize(index)
		total += n
	})
	if p.pairs += total; p.pairs > maxKernPairs || !p.spend(total) {
		p.failed = true
		return nil
	}
	pairs := make([]pairRec, 0, total)
	p.walkCoverage(cov, func(g1, index int) {
		set, n := setSize(index)
		for i := range n {
			rec := 2 + recSize*i
			g2 := u16(set, rec)
			if g2 >= p.numGlyphs {
				continue
			}
			v := 0
			if xAdv >= 0 {
				v = i16(set, rec+2+xAdv)
			}
			pairs = append(pairs, pairRec{uint32(g1)<<16 | uint32(g2), int32(v)})
		}
	})
	return sortPairs(pairs)
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
	c := &classKern{}
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
	}
	if !p.spend(rows*cols + p.numGlyphs) {
		return nil
	}
	c.m = make([]int16, rows*cols)
	if xAdv >= 0 {
		for i := range n1 {
			for j := range n2 {
				c.m[i*cols+j] = int16(i16(b, 16+(i*n2+j)*recSize+xAdv))
			}
		}
	}
	c.row = make([]uint32, p.numGlyphs)
	if p.claimed == nil {
		p.claimed = make([]bool, p.numGlyphs)
	}
	p.dirty = true
	p.walkCoverage(from(b, u16(b, 2)), func(g, _ int) {
		if k := int(cls1[g]); k < n1 && !p.claimed[g] {
			c.row[g] = 1 + uint32(min(k, rows-1)*cols)
			p.claimed[g] = true
		}
	})
	return c
}
