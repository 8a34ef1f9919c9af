package hyphen

import (
	"fmt"
	"math/bits"
)

// maxCodes bounds a language's alphabet: every distinct pattern letter
// (boundary '.' included) gets a code 1..maxCodes-1 so that a node's
// children fit in one 64-bit mask. Code 0 means "not in any pattern".
const maxCodes = 64

// latinEnd is the first rune not looked up in the alphabet's flat table
// (the end of Latin Extended-B); rarer runes go through a map.
const latinEnd = 0x250

// alphabet maps pattern letters to one-byte codes.
type alphabet struct {
	low  [latinEnd]uint8
	high map[rune]uint8
	n    int // codes in use, 0 included
}

// code returns r's code, or 0 when no pattern uses r.
func (a *alphabet) code(r rune) uint8 {
	if r >= 0 && r < latinEnd {
		return a.low[r]
	}
	return a.high[r]
}

// add returns r's code, assigning the next one if r is new.
func (a *alphabet) add(r rune) (uint8, error) {
	if c := a.code(r); c != 0 {
		return c, nil
	}
	if a.n == 0 {
		a.n = 1
	}
	if a.n >= maxCodes {
		return 0, fmt.Errorf("hyphen: more than %d distinct pattern letters", maxCodes-1)
	}
	c := uint8(a.n)
	a.n++
	if r >= 0 && r < latinEnd {
		a.low[r] = c
	} else {
		if a.high == nil {
			a.high = map[rune]uint8{}
		}
		a.high[r] = c
	}
	return c, nil
}

// node is a trie node. Its children are contiguous in trie.nodes, starting
// at child, in code order; mask has bit c set when a child has code c.
type node struct {
	mask  uint64
	child uint32
	val   int32 // offset in trie.vals of the depth+1 values of the pattern ending here, or -1
}

// trie holds a language's Liang patterns, keyed by their letter codes.
type trie struct {
	alpha alphabet
	dot   uint8 // code of the word boundary '.'
	nodes []node
	vals  []uint8
}

// buildTrie encodes the patterns into a trie, then lays it out breadth
// first so that the children of a node are contiguous and in code order.
// Duplicate patterns are merged by keeping the higher value at each
// position.
func buildTrie(pats *patternList) (*trie, error) {
	t := &trie{}
	var err error
	if t.dot, err = t.alpha.add('.'); err != nil {
		return nil, err
	}
	// First pass: a linked trie (first child, next sibling), at most one
	// node per pattern letter plus the root; patterns share their
	// prefixes, so a third to a half of that in the files we have, a
	// little more in short ones (room for every letter would be megabytes
	// of fresh memory for German).
	type lnode struct {
		first, next, val int32
		code             uint8
	}
	lt := make([]lnode, 1, min(len(pats.letters)/2+1024, len(pats.letters)+1))
	lt[0] = lnode{first: -1, next: -1, val: -1}
	t.vals = make([]uint8, 0, len(pats.values))
	for i := range pats.len() {
		letters, values := pats.at(i)
		cur := int32(0)
		for _, r := range letters {
			c, err := t.alpha.add(r)
			if err != nil {
				return nil, err
			}
			ch := lt[cur].first
			for ch >= 0 && lt[ch].code != c {
				ch = lt[ch].next
			}
			if ch < 0 {
				ch = int32(len(lt))
				lt = append(lt, lnode{first: -1, next: lt[cur].first, val: -1, code: c})
				lt[cur].first = ch
			}
			cur = ch
		}
		if v := lt[cur].val; v >= 0 {
			for k, x := range values {
				t.vals[int(v)+k] = max(t.vals[int(v)+k], x)
			}
			continue
		}
		lt[cur].val = int32(len(t.vals))
		t.vals = append(t.vals, values...)
	}
	// Second pass: breadth-first layout. queue[k] is the linked node that
	// becomes t.nodes[k].
	t.nodes = make([]node, len(lt))
	queue := make([]int32, 1, len(lt))
	for k := 0; k < len(queue); k++ {
		ln := lt[queue[k]]
		n := &t.nodes[k]
		n.val = ln.val
		for ch := ln.first; ch >= 0; ch = lt[ch].next {
			n.mask |= 1 << lt[ch].code
		}
		n.child = uint32(len(queue))
		queue = queue[:len(queue)+bits.OnesCount64(n.mask)]
		for ch := ln.first; ch >= 0; ch = lt[ch].next {
			below := n.mask & (1<<lt[ch].code - 1)
			queue[int(n.child)+bits.OnesCount64(below)] = ch
		}
	}
	return t, nil
}

// apply runs Liang's algorithm over w, the codes of a word framed by
// boundary codes, raising levels[k] (the gap before w[k]) to the highest
// value of every pattern that matches w at any position. levels must have
// len(w)+1 entries, zeroed by the caller.
func (t *trie) apply(w []byte, levels []uint8) {
	nodes := t.nodes
	for i := range w {
		n := &nodes[0]
		for j := i; j < len(w); j++ {
			bit := uint64(1) << (w[j] & (maxCodes - 1))
			if n.mask&bit == 0 {
				break
			}
			n = &nodes[n.child+uint32(bits.OnesCount64(n.mask&(bit-1)))]
			if n.val >= 0 {
				vs := t.vals[n.val : int(n.val)+j-i+2]
				lv := levels[i : i+len(vs)]
				for k, v := range vs {
					if v > lv[k] {
						lv[k] = v
					}
				}
			}
		}
	}
}
