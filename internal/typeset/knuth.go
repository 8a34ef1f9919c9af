package typeset

import "math"

// Total-fit line breaking (Knuth and Plass, "Breaking paragraphs into
// lines", 1981), as TeX does it.
//
// A paragraph is a list of boxes (text), glue (spaces) and penalties
// (places to break at a cost, such as hyphenation points). A break is
// feasible at glue after a box, or at a penalty below infinity. For each
// feasible break and each "active" earlier break, the line between them
// has an adjustment ratio r: how much its glue must stretch (r > 0, as a
// fraction of the total stretch) or shrink (r < 0) to fill the width.
// Lines with r < -1 are impossible; lines with r above the tolerance are
// too loose. A line's badness is 100|r|³ and its demerits
// (linePenalty + badness)² + penalty², plus extras for two hyphenated
// lines in a row and for a very loose line next to a very tight one
// (fitness classes). Dynamic programming keeps, for each break, the
// cheapest way to reach it; the paragraph takes the cheapest way to its
// end. Unlike a greedy breaker, a word may go down early so that the
// following lines are better.
//
// Ragged-right text is broken the same way with rigid spaces and an
// elastic right margin of three ems per line (TeX's \raggedright uses
// two), which evens the lengths of lines and uses hyphenation only where
// a line would otherwise be very short.

// node is a feasible break reached by the best way to it.
type node struct {
	pos                    int // index of the break item
	line                   int
	fitness                int
	width, stretch, shrink float64 // totals after the break
	demerits               float64
	ratio                  float64
	hyphens                int // hyphenated lines in a row ending here
	prev                   *node
}

// breaker holds a paragraph's items and prefix sums.
type breaker struct {
	items            []item
	width            float64
	ragged           float64 // right-margin stretch per line; 0 when justified
	sumW, sumY, sumZ []float64
	tolerance        float64
	spanSize         []float64 // type size of each span, for tracking
	// overfull lets lines be too long when nothing else works: a word
	// wider than the column must still be set somewhere.
	overfull bool
}

// ratio is the adjustment ratio of a line from after a to the break at i.
func (b *breaker) ratio(a *node, i int) float64 {
	w := b.sumW[i] - a.width
	if it := b.items[i]; it.kind == penalty {
		w += it.width
	}
	switch {
	case w < b.width:
		y := b.sumY[i] - a.stretch + b.ragged
		if it := b.items[i]; it.address && b.ragged == 0 {
			// Justified, but set ragged: a line broken inside an
			// address has too few spaces to fill it.
			y += raggedStretch * b.spanSize[it.span]
		}
		if y <= 0 {
			return infinity
		}
		return (b.width - w) / y
	case w > b.width:
		z := b.sumZ[i] - a.shrink
		if z <= 0 {
			return -infinity
		}
		return (b.width - w) / z
	}
	return 0
}

// feasible reports whether the paragraph may break at item i.
func (b *breaker) feasible(i int) bool {
	it := b.items[i]
	switch it.kind {
	case glue:
		return i > 0 && b.items[i-1].kind == box
	case penalty:
		return it.penalty < infinity
	}
	return false
}

// after computes the totals just after a break at i: glue and penalties
// that follow a break are discarded, up to the next box.
func (b *breaker) after(i int) (w, y, z float64) {
	j := i
	for j < len(b.items) && (j == i || b.items[j].kind != box) {
		if b.items[j].kind == penalty && j > i && b.items[j].penalty == -infinity {
			break
		}
		j++
	}
	return b.sumW[j], b.sumY[j], b.sumZ[j]
}

func fitness(r float64) int {
	switch {
	case r < -0.5:
		return 0 // tight
	case r <= 0.5:
		return 1 // decent
	case r <= 1:
		return 2 // loose
	}
	return 3 // very loose
}

// run finds the best breaks, or nil when no way through stays within the
// tolerance.
func (b *breaker) run() *node {
	active := []*node{{pos: 0, fitness: 1}}
	var keep []*node // the active nodes that stay, in a buffer reused with active's
	var slab []node  // new nodes, made a chunk at a time
	for i := range b.items {
		if !b.feasible(i) {
			continue
		}
		it := b.items[i]
		var best [4]node // by fitness; a candidate has a prev
		keep = keep[:0]
		for _, a := range active {
			r := b.ratio(a, i)
			// A line already too long only gets longer: its start is
			// dropped (which keeps the active list as short as a line,
			// and the pass linear in the paragraph's length), though in
			// the last pass it may still end here, at a high cost.
			tooLong := r < -1
			if !tooLong && !(it.kind == penalty && it.penalty == -infinity) {
				keep = append(keep, a)
			}
			hyphenated := it.kind == penalty && it.flagged
			if tooLong && !b.overfull || r > b.tolerance || hyphenated && a.hyphens >= maxHyphens {
				continue
			}
			d := b.demerits(a, it, r)
			if r < -1 {
				// Too long: only when there is no other way at all.
				d += overfullDemerits
			}
			f := fitness(r)
			if abs(f-a.fitness) > 1 {
				d += fitnessDemerit
			}
			if best[f].prev == nil || a.demerits+d < best[f].demerits {
				best[f] = node{pos: i, line: a.line + 1, fitness: f, demerits: a.demerits + d, ratio: r, prev: a}
				if hyphenated {
					best[f].hyphens = a.hyphens + 1
				}
			}
		}
		active, keep = keep, active
		w, y, z := b.after(i)
		for f := range best {
			if best[f].prev == nil {
				continue
			}
			if len(slab) == cap(slab) {
				slab = make([]node, 0, min(max(8, 2*cap(slab)), 64))
			}
			slab = append(slab, best[f])
			n := &slab[len(slab)-1]
			n.width, n.stretch, n.shrink = w, y, z
			active = append(active, n)
		}
		if len(active) == 0 {
			return nil
		}
	}
	var end *node
	for _, a := range active {
		if a.pos == len(b.items)-1 && (end == nil || a.demerits < end.demerits) {
			end = a
		}
	}
	return end
}

// demerits of a line ending at it with ratio r after a.
func (b *breaker) demerits(a *node, it item, r float64) float64 {
	bad := 100 * math.Pow(math.Abs(r), 3)
	d := (linePenalty + bad) * (linePenalty + bad)
	if it.kind == penalty {
		switch {
		case it.penalty >= 0:
			d += it.penalty * it.penalty
		case it.penalty > -infinity:
			d -= it.penalty * it.penalty
		}
		if it.flagged && a.hyphens > 0 {
			d += doubleHyphen
		}
	}
	return d
}

// overfullDemerits are added for a line too long for its width (in the
// last pass only): more than any line that fits, however loose.
const overfullDemerits = 1e40

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
