package font

import (
	"cmp"
	"math"
	"slices"
	"sync/atomic"
)

// kerning is a font's pair kerning, keyed by glyph ids, from every
// 'kern' lookup: the adjustment of a pair is the sum over the lookups of
// the value the first subtable that applies to the pair gives, rounded.
//
// A text kerns a few hundred left glyphs of a font's thousands, and each
// has tens of pairs: what a left glyph kerns with is worked out when it
// is first kerned (kernRow), so that Parse does not flatten some 13,000
// pairs for each face at every start.
type kerning struct {
	scale float64 // 1000/unitsPerEm

	// lookups holds, for each 'kern' lookup in the order they apply, its
	// pair adjustment subtables in order.
	lookups [][]kernSub

	rows []atomic.Pointer[kernRow] // per left glyph, made on first use
}

// kernRow is what a left glyph kerns with. The second glyphs some
// glyph-pair subtable (GPOS format 1, or the 'kern' table) lists with it
// are in second, sorted, with the pair's total, already rounded, in
// value. Every other pair only meets class subtables (GPOS format 2): its
// total is the sum of what the classes give it.
type kernRow struct {
	mask    uint64 // bit s&63 set for each s in second
	second  []uint16
	value   []int32 // 1/1000 em, rounded
	classes []classRow
}

// classRow is a class subtable that applies to a left glyph: its column
// per right glyph (nil: all 0) and the adjustments of the glyph's class,
// by column, in font units.
type classRow struct {
	col  []uint16
	vals []int16
}

// newClassRow returns the row of class class1 of c. The adjustments of a
// class are read once and shared by the glyphs of the class (the accented
// forms of a letter, often a dozen glyphs).
func newClassRow(c *classKern, class1 int) classRow {
	if c.rows == nil || class1 >= len(c.rows) {
		return classRow{col: c.col, vals: make([]int16, c.n2+1)}
	}
	if v := c.rows[class1].Load(); v != nil {
		return classRow{col: c.col, vals: *v}
	}
	vals := make([]int16, c.n2+1) // the last for damaged classes
	for j := range c.n2 {
		vals[j] = int16(c.adjustment(class1, j))
	}
	c.rows[class1].Store(&vals)
	return classRow{col: c.col, vals: vals}
}

// noKerning is the row of a left glyph that kerns with nothing.
var noKerning = &kernRow{}

// classKern is a GPOS pair adjustment subtable of format 2 (class pairs).
// Its adjustments are read from the subtable when asked for: a text meets
// few of its class pairs, and copying them all (tens of kilobytes per
// subtable) cost every start its time and fresh pages of memory.
type classKern struct {
	// row holds, per left glyph, 1 + its class; 0 when the subtable does
	// not apply to it: not covered, or covered by an earlier format 2
	// subtable of the same lookup.
	row []uint32
	// col holds, per right glyph, its class; nil: all 0. A class out of
	// range (damaged data) is n2, whose adjustments are all 0.
	col []uint16

	// rows holds the adjustments of each class of left glyphs, by
	// column, made on first use (newClassRow); nil without XAdvance.
	rows []atomic.Pointer[[]int16]

	b       []byte // the subtable; 16+n1*n2*recSize bytes at least
	n2      int    // the number of classes of right glyphs
	recSize int    // the size of a Class2Record
	xAdv    int    // offset of XAdvance in its first value record; -1: none
}

// value returns the adjustment, in font units, that c gives the pair
// (g1, g2), and whether c applies to it.
func (c *classKern) value(g1, g2 int) (int32, bool) {
	if g1 >= len(c.row) || c.row[g1] == 0 {
		return 0, false
	}
	return c.at(int(c.row[g1])-1, g2), true
}

// at returns the adjustment, in font units, that c gives left glyphs of
// class class1 before glyph g2.
func (c *classKern) at(class1, g2 int) int32 {
	class2 := 0
	if g2 < len(c.col) {
		class2 = int(c.col[g2])
	}
	return c.adjustment(class1, class2)
}

// adjustment returns the adjustment, in font units, of the class pair
// (class1, class2): 0 without XAdvance or for a damaged class2.
func (c *classKern) adjustment(class1, class2 int) int32 {
	if c.xAdv < 0 || class2 >= c.n2 {
		return 0
	}
	return int32(i16(c.b, 16+(class1*c.n2+class2)*c.recSize+c.xAdv))
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
	return &kerning{
		scale:   1000.0 / float64(upem),
		lookups: p.lookups,
		rows:    make([]atomic.Pointer[kernRow], numGlyphs),
	}
}

// row returns what left glyph g1 kerns with, working it out on first
// use. Concurrent first uses may both work it out: the rows are equal.
func (k *kerning) row(g1 uint16) *kernRow {
	if r := k.rows[g1].Load(); r != nil {
		return r
	}
	r := k.makeRow(int(g1))
	k.rows[g1].Store(r)
	return r
}

// makeRow works out what left glyph g1 kerns with.
func (k *kerning) makeRow(g1 int) *kernRow {
	// The pairs of each glyph-pair subtable, by second glyph, the first
	// of a glyph listed twice; subs[i]:subs[i+1] are the i-th subtable's
	// among the glyph-pair subtables, in lookup order.
	var pairs []pairRec
	var subs []int
	var classes []classRow
	for _, lookup := range k.lookups {
		for _, s := range lookup {
			switch {
			case s.class != nil:
				if g1 < len(s.class.row) && s.class.row[g1] != 0 {
					classes = append(classes, newClassRow(s.class, int(s.class.row[g1])-1))
				}
				continue
			case s.set != nil:
				from := len(pairs)
				pairs = s.set.appendPairs(pairs, g1)
				pairs = append(pairs[:from], sortPairs(pairs[from:])...)
			default:
				lo, _ := slices.BinarySearchFunc(s.pairs, uint32(g1)<<16, func(p pairRec, key uint32) int { return cmp.Compare(p.key, key) })
				for _, pr := range s.pairs[lo:] {
					if int(pr.key>>16) != g1 {
						break
					}
					pairs = append(pairs, pairRec{pr.key & 0xFFFF, pr.v})
				}
			}
			subs = append(subs, len(pairs))
		}
	}
	if len(pairs) == 0 && len(classes) == 0 {
		return noKerning
	}
	r := &kernRow{classes: classes}
	if len(pairs) == 0 {
		return r
	}
	for _, pr := range pairs {
		r.second = append(r.second, uint16(pr.key))
		r.mask |= 1 << (pr.key & 63)
	}
	slices.Sort(r.second)
	r.second = slices.Compact(r.second)
	// Each lookup adds, to each pair, what the first of its subtables that
	// applies to the pair gives.
	totals := make([]int32, len(r.second))
	applied := make([]bool, len(r.second))
	i := 0 // of the glyph-pair subtable
	for _, lookup := range k.lookups {
		clear(applied)
		for _, s := range lookup {
			if s.class != nil {
				if g1 >= len(s.class.row) || s.class.row[g1] == 0 {
					continue
				}
				for j, g2 := range r.second {
					if !applied[j] {
						v, _ := s.class.value(g1, int(g2))
						totals[j] += v
						applied[j] = true
					}
				}
				continue
			}
			lo := 0
			if i > 0 {
				lo = subs[i-1]
			}
			for _, pr := range pairs[lo:subs[i]] {
				j, _ := slices.BinarySearch(r.second, uint16(pr.key))
				if !applied[j] {
					totals[j] += pr.v
					applied[j] = true
				}
			}
			i++
		}
	}
	// The totals become the values, rounded, in place.
	for j, t := range totals {
		if t != 0 {
			totals[j] = int32(math.Round(k.scale * float64(t)))
		}
	}
	r.value = totals
	return r
}

// pair returns the kerning of the glyphs g1 and g2 in 1/1000 em.
func (k *kerning) pair(g1, g2 uint16) int {
	if int(g1) >= len(k.rows) {
		return 0
	}
	r := k.rows[g1].Load()
	if r == nil {
		r = k.row(g1)
	}
	if r.mask&(1<<(g2&63)) != 0 {
		lo, hi := 0, len(r.second)
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			switch s := r.second[m]; {
			case s < g2:
				lo = m + 1
			case s > g2:
				hi = m
			default:
				return int(r.value[m])
			}
		}
	}
	if len(r.classes) == 0 {
		return 0
	}
	var sum int32
	for _, c := range r.classes {
		col := 0
		if int(g2) < len(c.col) {
			col = int(c.col[g2])
		}
		sum += int32(c.vals[col])
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
	return float64(f.KernedUnits(s)) * size / 1000
}

// KernedUnits returns KernedWidth in 1/1000 em, before it is scaled to a
// size: KernedWidth(s, size) is float64(KernedUnits(s)) * size / 1000, to
// the bit, for a caller that measures once and sets at several sizes.
func (f *Face) KernedUnits(s string) int {
	if f.kern == nil {
		return f.widthUnits(s)
	}
	sum := 0
	var prev uint16
	for _, r := range s {
		var g uint16
		if r <= 0xFFFF {
			g = f.gid[uint16(r)]
			sum += int(f.glyphAdv[g])
		} else {
			sum += f.suppAdvance(r)
			g = uint16(f.suppGlyph(r))
		}
		if prev != 0 && g != 0 {
			sum += f.kern.pair(prev, g)
		}
		prev = g
	}
	return sum
}

// KernEach calls fn with each rune of s and the kerning between it and
// the rune before (0 for the first), in 1/1000 em as Kern gives it, and
// returns KernedWidth(s, size): for a writer that shows s with its
// kerning and needs its width, working the kerning out once. It repeats
// KernedWidth's loop rather than serving it with a nil fn: the measuring
// loop, the hotter of the two, took 8 % longer with the test per rune.
func (f *Face) KernEach(s string, size float64, fn func(r rune, kern int)) float64 {
	if f.kern == nil {
		for _, r := range s {
			fn(r, 0)
		}
		return f.Width(s, size)
	}
	sum := 0
	var prev uint16
	for _, r := range s {
		var g uint16
		if r <= 0xFFFF {
			g = f.gid[uint16(r)]
			sum += int(f.glyphAdv[g])
		} else {
			sum += f.suppAdvance(r)
			g = uint16(f.suppGlyph(r))
		}
		k := 0
		if prev != 0 && g != 0 {
			k = f.kern.pair(prev, g)
			sum += k
		}
		fn(r, k)
		prev = g
	}
	return float64(sum) * size / 1000
}
