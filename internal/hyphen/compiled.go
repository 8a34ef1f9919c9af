package hyphen

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"slices"
)

// A pattern file is compiled ahead of time (see TestCompiledFiles, which
// writes compiled/ with -update and fails when a file there is not what
// its source compiles to): parsing the TeX source and building the trie
// took 47 M instructions for German at each process's first German
// word, two fifths of a German brochure's build; decoding the compiled
// trie takes a few per cent of that.
//
// A compiled file is the magic line, then unsigned varints (v) and raw
// bytes:
//
//	"hyph1\n"
//	v: letters, then per letter v: rune, byte: its code
//	byte: the code of the boundary '.'
//	v: nodes, then per node in breadth-first order v: mask, v: val+1
//	v: values, then the values as bytes
//	v: exceptions, then per exception, by word: v: length, the word,
//	   v: length, the rune indices
//
// A node's children are not written: in breadth-first order they follow
// those of the nodes before it (see buildTrie), so that node k's first
// child is 1 plus the number of children of nodes 0 to k-1. A file of
// exceptions alone (ushyphex.tex) has no letters and no nodes.
const compiledMagic = "hyph1\n"

// compileTeX compiles a TeX hyphenation file: its \patterns, if it has
// any, and its \hyphenation words.
func compileTeX(src string) ([]byte, error) {
	f, err := parseBlocks(src)
	if err != nil {
		return nil, err
	}
	if f.patterns.len() == 0 && len(f.exceptions) == 0 {
		return nil, errors.New("hyphen: no \\patterns block and no \\hyphenation words found")
	}
	t := &trie{}
	if f.patterns.len() > 0 {
		if t, err = buildTrie(&f.patterns); err != nil {
			return nil, err
		}
	}
	return t.appendCompiled([]byte(compiledMagic), f.exceptions), nil
}

// appendCompiled appends the trie and the exceptions in the compiled
// form to b.
func (t *trie) appendCompiled(b []byte, exceptions map[string][]uint8) []byte {
	type letter struct {
		r    rune
		code uint8
	}
	var letters []letter
	for r, c := range t.alpha.low {
		if c != 0 {
			letters = append(letters, letter{rune(r), c})
		}
	}
	for r, c := range t.alpha.high {
		letters = append(letters, letter{r, c})
	}
	slices.SortFunc(letters, func(a, b letter) int { return int(a.code) - int(b.code) })
	b = binary.AppendUvarint(b, uint64(len(letters)))
	for _, l := range letters {
		b = binary.AppendUvarint(b, uint64(l.r))
		b = append(b, l.code)
	}
	b = append(b, t.dot)
	b = binary.AppendUvarint(b, uint64(len(t.nodes)))
	for _, n := range t.nodes {
		b = binary.AppendUvarint(b, n.mask)
		b = binary.AppendUvarint(b, uint64(n.val+1))
	}
	b = binary.AppendUvarint(b, uint64(len(t.vals)))
	b = append(b, t.vals...)
	words := slices.Sorted(func(yield func(string) bool) {
		for w := range exceptions {
			if !yield(w) {
				return
			}
		}
	})
	b = binary.AppendUvarint(b, uint64(len(words)))
	for _, w := range words {
		b = binary.AppendUvarint(b, uint64(len(w)))
		b = append(b, w...)
		b = binary.AppendUvarint(b, uint64(len(exceptions[w])))
		b = append(b, exceptions[w]...)
	}
	return b
}

// decodeCompiled reads a compiled file: the trie (nil for a file of
// exceptions alone) and the exceptions. The trie's values and the
// exceptions' indices are slices of data, which must not change.
func decodeCompiled(data []byte) (*trie, map[string][]uint8, error) {
	d := decoder{s: data}
	if !bytes.HasPrefix(data, []byte(compiledMagic)) {
		return nil, nil, errors.New("not a compiled pattern file")
	}
	d.s = d.s[len(compiledMagic):]
	t := &trie{}
	for range d.uvarint() {
		r, c := rune(d.uvarint()), d.byte()
		if c == 0 || c >= maxCodes || r < 0 {
			d.fail()
			break
		}
		if r < latinEnd {
			t.alpha.low[r] = c
		} else {
			if t.alpha.high == nil {
				t.alpha.high = map[rune]uint8{}
			}
			t.alpha.high[r] = c
		}
		t.alpha.n = max(t.alpha.n, int(c)+1)
	}
	t.dot = d.byte()
	n := d.uvarint()
	if n > uint64(len(d.s)) { // each node takes two bytes at least
		return nil, nil, errors.New("compiled pattern file cut short")
	}
	t.nodes = make([]node, n)
	child := uint64(1)
	for k := range t.nodes {
		mask, val := d.uvarint(), d.uvarint()
		t.nodes[k] = node{mask: mask, child: uint32(child), val: int32(val) - 1}
		child += uint64(bits.OnesCount64(mask))
	}
	t.vals = d.bytes(d.uvarint())
	exceptions := map[string][]uint8{}
	for range d.uvarint() {
		w := string(d.bytes(d.uvarint()))
		exceptions[w] = d.bytes(d.uvarint())
	}
	switch {
	case d.err != nil:
		return nil, nil, d.err
	case len(d.s) > 0:
		return nil, nil, errors.New("compiled pattern file has bytes past its end")
	case n > 0 && child != n:
		return nil, nil, errors.New("compiled pattern file's trie is not whole")
	}
	// A node at depth d (its pattern's letters) has d+1 values, which
	// apply reads: they must be there.
	depth := make([]int, n)
	for k, nd := range t.nodes {
		for c := range bits.OnesCount64(nd.mask) {
			depth[int(nd.child)+c] = depth[k] + 1
		}
		if nd.val >= 0 && int(nd.val)+depth[k]+1 > len(t.vals) {
			return nil, nil, errors.New("compiled pattern file's values are cut short")
		}
	}
	if n == 0 {
		t = nil
	}
	return t, exceptions, nil
}

// decoder reads varints and bytes, remembering the first error.
type decoder struct {
	s   []byte
	err error
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = fmt.Errorf("compiled pattern file cut short or damaged")
	}
	d.s = nil
}

func (d *decoder) uvarint() uint64 {
	var x uint64
	for shift := 0; shift < 64 && len(d.s) > 0; shift += 7 {
		c := d.s[0]
		d.s = d.s[1:]
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return x
		}
	}
	d.fail()
	return 0
}

func (d *decoder) byte() uint8 {
	if len(d.s) == 0 {
		d.fail()
		return 0
	}
	c := d.s[0]
	d.s = d.s[1:]
	return c
}

func (d *decoder) bytes(n uint64) []byte {
	if n > uint64(len(d.s)) {
		d.fail()
		return nil
	}
	b := d.s[:n:n]
	d.s = d.s[n:]
	return b
}
