package font

import "slices"

// This file holds what reading kerning from OpenType layout tables needs
// besides the tables themselves: a budget against hostile data, and
// walkers for coverage and class definition tables.

// Limits on the kerning data Parse reads, so that a damaged or hostile
// font cannot make it loop or allocate without bound: every glyph visited,
// pair read and array element allocated costs one unit of kernBudget, and
// at most maxKernPairs glyph pairs are read. Inter uses well under 1% of
// either. A font that exceeds them gets no kerning at all.
const (
	kernBudget   = 1 << 24
	maxKernPairs = 1 << 21
)

// layoutParser reads pair kerning from the GPOS or 'kern' table into
// lookups, for kerning. It only keeps glyph ids below numGlyphs. It
// charges the budget for what it reads up front: the coverage and pair
// counts of glyph-pair subtables, whose pairs are read per left glyph
// later, and the classes of class subtables.
type layoutParser struct {
	numGlyphs int
	work      int  // units of kernBudget left
	pairs     int  // pairs read so far
	failed    bool // a limit was exceeded: the data read is incomplete

	// lookups holds, for each 'kern' lookup in the order they apply, its
	// pair adjustment subtables in order.
	lookups [][]kernSub

	// claimed marks the left glyphs a format 2 subtable of the current
	// lookup covers.
	claimed []bool
	dirty   bool // claimed has marks
}

// spend charges k units of the budget and reports whether it lasts.
func (p *layoutParser) spend(k int) bool {
	p.work -= max(k, 0)
	if p.work < 0 {
		p.failed = true
	}
	return !p.failed
}

// from returns b from off on, or nil when off lies outside b.
func from(b []byte, off int) []byte {
	if off < 0 || off > len(b) {
		return nil
	}
	return b[off:]
}

// Coverage and class definition tables, shared by the OpenType layout
// tables (GPOS here). Both map glyph ids to small integers: a coverage
// table gives each glyph it lists its coverage index, a class definition
// table gives each glyph it lists a class (glyphs it omits are in class 0).
//
// The walkers below read such a table and report its entries in table
// order. They never read outside b, skip what they cannot read, and only
// report glyphs below p.numGlyphs. Format 2 ranges must be sorted and disjoint,
// as the specification requires: a range that starts at or before the end
// of the previous one is skipped, which also bounds the work to one visit
// per glyph. Every visit costs one unit of the budget; the walkers stop
// early once it is spent (see layoutParser.spend).

// walkCoverage calls fn(glyph, coverageIndex) for the glyphs the coverage
// table b lists. A glyph listed twice (a damaged format 1 table) is
// reported twice: callers keep the first.
func (p *layoutParser) walkCoverage(b []byte, fn func(g, index int)) {
	switch u16(b, 0) {
	case 1:
		n := min(u16(b, 2), (len(b)-4)/2)
		if n <= 0 || !p.spend(n) {
			return
		}
		for i := range n {
			if g := u16(b, 4+2*i); g < p.numGlyphs {
				fn(g, i)
			}
		}
	case 2:
		n := min(u16(b, 2), (len(b)-4)/6)
		prevEnd := -1
		for i := range n {
			rec := 4 + 6*i
			start, end, index := u16(b, rec), u16(b, rec+2), u16(b, rec+4)
			if start <= prevEnd || end < start {
				continue
			}
			prevEnd = end
			end = min(end, p.numGlyphs-1)
			if end < start {
				continue
			}
			if !p.spend(end - start + 1) {
				return
			}
			for g := start; g <= end; g++ {
				fn(g, index+g-start)
			}
		}
	}
}

// walkClassDef calls fn(glyph, class) for the glyphs the class definition
// table b assigns a class other than 0.
func (p *layoutParser) walkClassDef(b []byte, fn func(g, class int)) {
	switch u16(b, 0) {
	case 1:
		start := u16(b, 2)
		n := min(u16(b, 4), (len(b)-6)/2, p.numGlyphs-start)
		if n <= 0 || !p.spend(n) {
			return
		}
		for i := range n {
			if c := u16(b, 6+2*i); c != 0 {
				fn(start+i, c)
			}
		}
	case 2:
		n := min(u16(b, 2), (len(b)-4)/6)
		prevEnd := -1
		for i := range n {
			rec := 4 + 6*i
			start, end, class := u16(b, rec), u16(b, rec+2), u16(b, rec+4)
			if start <= prevEnd || end < start {
				continue
			}
			prevEnd = end
			end = min(end, p.numGlyphs-1)
			if end < start || class == 0 {
				continue
			}
			if !p.spend(end - start + 1) {
				return
			}
			for g := start; g <= end; g++ {
				fn(g, class)
			}
		}
	}
}

// classArray returns the class of every glyph below the glyph limit
// according to the class definition table b (0 for glyphs it omits), or
// nil when the budget is spent.
func (p *layoutParser) classArray(b []byte) []uint16 {
	if !p.spend(p.numGlyphs) {
		return nil
	}
	classes := make([]uint16, p.numGlyphs)
	p.walkClassDef(b, func(g, c int) { classes[g] = uint16(c) })
	return classes
}

// coverage finds the coverage indices of a glyph in a coverage table
// without reading the whole table: by binary search in the table itself
// when it is sorted as the specification requires, else in the entries
// walkCoverage reports, sorted by glyph then table order.
type coverage struct {
	glyphs  []byte   // format 1, glyphs strictly increasing: the glyph array
	ranges  []byte   // format 2, ranges sorted and disjoint: the range records
	entries []uint64 // otherwise: glyph<<32 | index, sorted
}

// sortedCoverage returns the coverage of table b and true when b can be
// searched as it is (or lists nothing); else false, and the caller must
// fill entries from walkCoverage and sort them.
func sortedCoverage(b []byte) (coverage, bool) {
	switch u16(b, 0) {
	case 1:
		n := min(u16(b, 2), (len(b)-4)/2)
		if n <= 0 {
			return coverage{}, true
		}
		for i := 1; i < n; i++ {
			if u16(b, 2+2*i) >= u16(b, 4+2*i) {
				return coverage{}, false
			}
		}
		return coverage{glyphs: b[4 : 4+2*n]}, true
	case 2:
		n := min(u16(b, 2), (len(b)-4)/6)
		if n <= 0 {
			return coverage{}, true
		}
		prevEnd := -1
		for i := range n {
			rec := 4 + 6*i
			start, end := u16(b, rec), u16(b, rec+2)
			if start <= prevEnd || end < start {
				return coverage{}, false
			}
			prevEnd = end
		}
		return coverage{ranges: b[4 : 4+6*n]}, true
	}
	return coverage{}, true
}

// each calls fn with every coverage index of glyph g (below the glyph
// limit), in the order walkCoverage reports them.
func (c *coverage) each(g int, fn func(index int)) {
	switch {
	case c.glyphs != nil:
		lo, hi := 0, len(c.glyphs)/2
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			switch x := u16(c.glyphs, 2*m); {
			case x < g:
				lo = m + 1
			case x > g:
				hi = m
			default:
				fn(m)
				return
			}
		}
	case c.ranges != nil:
		// The first range that starts after g; g can only be in the one before.
		lo, hi := 0, len(c.ranges)/6
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if u16(c.ranges, 6*m) <= g {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if lo > 0 {
			rec := 6 * (lo - 1)
			if start := u16(c.ranges, rec); g <= u16(c.ranges, rec+2) {
				fn(u16(c.ranges, rec+4) + g - start)
			}
		}
	default:
		i, _ := slices.BinarySearch(c.entries, uint64(g)<<32)
		for ; i < len(c.entries) && c.entries[i]>>32 == uint64(g); i++ {
			fn(int(uint32(c.entries[i])))
		}
	}
}
