package font

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"slices"
)

// Subset collects the runes a document sets in one face, gives each the
// character id (CID) a PDF shows it with, and makes the font program that
// holds just their glyphs.
//
// A rune's CID is its glyph id, so that a PDF can map CIDs to glyphs with
// /CIDToGIDMap /Identity. A PDF maps each CID back to one text (ToUnicode),
// so when a second rune uses a glyph that another rune already has (fonts
// often draw U+00A0 and U+0020 alike), that rune gets an alias: a new glyph
// id from Embedding.NumGlyphs on, whose glyph is a copy of the original.
// Runes the face lacks get CID 0, .notdef.
//
// A Subset is for one document: it is not safe for concurrent use.
type Subset struct {
	e       *Embedding
	owner   []rune   // per CID, 1 + the rune it stands for; 0: unused
	aliases []uint16 // the glyph each CID from e.NumGlyphs on copies
	notdef  bool     // CID 0 is used
}

// maxGlyphs is the most glyphs a TrueType font can hold (maxp.numGlyphs).
const maxGlyphs = 0xFFFF

// NewSubset starts an empty subset of the face.
func (e *Embedding) NewSubset() *Subset {
	return &Subset{e: e, owner: make([]rune, e.NumGlyphs)}
}

// CID returns the character id that shows r, adding r to the subset. The
// same rune always gets the same CID, and different runes different
// CIDs, except that runes the face lacks all get 0 and that, past 65,535
// glyphs, aliases give way to sharing the glyph.
func (s *Subset) CID(r rune) uint16 {
	c, _ := s.cid(r, true)
	return c
}

// Lookup is CID for a rune the subset has already: it changes nothing,
// and is false for a rune CID would add. A subset whose program is being
// made can be read so.
func (s *Subset) Lookup(r rune) (uint16, bool) { return s.cid(r, false) }

// cid is CID, and Lookup when add is false.
func (s *Subset) cid(r rune, add bool) (uint16, bool) {
	g := s.e.Glyph(r)
	if g == 0 {
		if !s.notdef {
			if !add {
				return 0, false
			}
			s.notdef = true
		}
		return 0, true
	}
	switch s.owner[g] {
	case r + 1:
		return g, true
	case 0:
		if !add {
			return 0, false
		}
		s.owner[g] = r + 1
		return g, true
	}
	base := s.e.NumGlyphs
	for i, a := range s.aliases {
		if a == g && s.owner[base+i] == r+1 {
			return uint16(base + i), true
		}
	}
	if base+len(s.aliases) >= maxGlyphs {
		return g, true
	}
	if !add {
		return 0, false
	}
	s.aliases = append(s.aliases, g)
	s.owner = append(s.owner, r+1)
	return uint16(len(s.owner) - 1), true
}

// Clone returns a copy of the subset, to add to.
func (s *Subset) Clone() *Subset {
	return &Subset{e: s.e, owner: slices.Clone(s.owner), aliases: slices.Clone(s.aliases), notdef: s.notdef}
}

// CIDs returns the character ids in use, in increasing order.
func (s *Subset) CIDs() []uint16 {
	var out []uint16
	if s.notdef {
		out = append(out, 0)
	}
	for c, o := range s.owner {
		if o != 0 {
			out = append(out, uint16(c))
		}
	}
	return out
}

// Rune returns the rune CID c stands for, and false for .notdef and for
// CIDs not in use.
func (s *Subset) Rune(c uint16) (rune, bool) {
	if int(c) < len(s.owner) && s.owner[c] != 0 {
		return s.owner[c] - 1, true
	}
	return 0, false
}

// Width returns the advance width of CID c in 1/1000 em: Face.Advance of
// the rune it stands for.
func (s *Subset) Width(c uint16) int {
	return s.e.Width(s.glyph(int(c)))
}

// glyph returns the glyph of the face that CID c shows.
func (s *Subset) glyph(c int) uint16 {
	if i := c - s.e.NumGlyphs; i >= 0 && i < len(s.aliases) {
		return s.aliases[i]
	}
	return uint16(c)
}

// Tag returns the six capital letters that name the subset in a PDF
// ("ABCDEF" in ABCDEF+PostScriptName), derived from the face's PostScript
// name and the runes and CIDs in use: the same subset always gets the same
// tag, different subsets almost always different ones.
func (s *Subset) Tag() string {
	h := fnv.New64a()
	h.Write([]byte(s.e.PostScriptName))
	var b [6]byte
	for _, c := range s.CIDs() {
		r, _ := s.Rune(c)
		binary.BigEndian.PutUint16(b[:], c)
		binary.BigEndian.PutUint32(b[2:], uint32(r))
		h.Write(b[:])
	}
	sum := h.Sum64()
	var tag [6]byte
	for i := range tag {
		tag[i] = 'A' + byte(sum%26)
		sum /= 26
	}
	return string(tag[:])
}

// Font returns a TrueType font program with the glyphs of the subset under
// their CIDs, the glyphs their composite glyphs are made of under their own
// ids, .notdef, and every other glyph empty (no outline, zero advance). It
// holds the tables a PDF viewer needs for a CIDFontType2 font (ISO
// 32000-1, §9.9): 'head', 'hhea', 'maxp', 'hmtx', 'loca', 'glyf', and
// 'cvt ', 'fpgm' and 'prep' when the face has them.
func (s *Subset) Font() ([]byte, error) {
	e := s.e
	keep, err := s.closure()
	if err != nil {
		return nil, err
	}
	n := len(keep)
	if len(s.aliases) > 0 {
		n = e.NumGlyphs + len(s.aliases)
	}
	if n > maxGlyphs {
		return nil, fmt.Errorf("font %s: a subset of %d glyphs is more than a font can hold", e.PostScriptName, n)
	}
	source := func(g int) int { // the face's glyph that glyph g of the subset copies, or -1
		switch {
		case g < len(keep) && keep[g]:
			return g
		case g >= e.NumGlyphs:
			return int(s.aliases[g-e.NumGlyphs])
		}
		return -1
	}
	glyfLen := 0
	for g := range n {
		if src := source(g); src >= 0 {
			glyfLen += pad4(len(e.out.glyph(src)))
		}
	}
	short := glyfLen <= 2*0xFFFF
	locaLen := 4 * (n + 1)
	if short {
		locaLen = 2 * (n + 1)
	}

	tags := []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf"}
	lengths := []int{len(e.head), len(e.hhea), len(e.maxp), 4 * n, locaLen, glyfLen}
	for _, t := range e.extra {
		tags = append(tags, t.tag)
		lengths = append(lengths, len(t.data))
	}
	out, t := newSFNT(tags, lengths)
	head, hhea, maxp, hmtx, loca, glyf := t[0], t[1], t[2], t[3], t[4], t[5]
	copy(head, e.head)
	binary.BigEndian.PutUint16(head[50:], 1)
	if short {
		binary.BigEndian.PutUint16(head[50:], 0)
	}
	copy(hhea, e.hhea)
	binary.BigEndian.PutUint16(hhea[34:], uint16(n))
	copy(maxp, e.maxp)
	binary.BigEndian.PutUint16(maxp[4:], uint16(n))
	for i, x := range e.extra {
		copy(t[6+i], x.data)
	}
	at := 0 // in glyf; glyphs are padded to four bytes, with zeros
	for g := range n + 1 {
		if short {
			binary.BigEndian.PutUint16(loca[2*g:], uint16(at/2))
		} else {
			binary.BigEndian.PutUint32(loca[4*g:], uint32(at))
		}
		src := -1
		if g < n {
			src = source(g)
		}
		if src < 0 {
			continue
		}
		at += pad4(copy(glyf[at:], e.out.glyph(src)))
		adv, lsb := e.hMetric(src)
		binary.BigEndian.PutUint16(hmtx[4*g:], uint16(adv))
		binary.BigEndian.PutUint16(hmtx[4*g+2:], uint16(lsb))
	}
	sealSFNT(out)
	return out, nil
}

// closure marks, per glyph id up to the highest one needed, the face's
// glyphs the subset needs: .notdef, the glyphs of its CIDs and aliases,
// and the components of composite glyphs among them, recursively.
func (s *Subset) closure() ([]bool, error) {
	e := s.e
	keep := make([]bool, e.NumGlyphs)
	stack := []uint16{0}
	for c, o := range s.owner {
		if o != 0 {
			stack = append(stack, s.glyph(c))
		}
	}
	top := 0
	var err error
	for len(stack) > 0 {
		g := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if int(g) >= len(keep) || keep[g] {
			continue
		}
		keep[g] = true
		top = max(top, int(g))
		// A composite glyph's components are read as it is kept: a
		// subset holds a few hundred of a face's thousands of glyphs,
		// and reading every glyph's header took a fifth of embedding
		// a face (and a fault for each page of its 'glyf' table).
		if stack, err = appendComponents(stack, e.out.glyph(int(g))); err != nil {
			return nil, fmt.Errorf("font %s: glyph %d: %w", e.PostScriptName, g, err)
		}
	}
	return keep[:top+1], nil
}

// hMetric returns the advance width and left side bearing of glyph g of
// the face, in font units, from 'hmtx'.
func (e *Embedding) hMetric(g int) (adv, lsb int) {
	n := e.numHMetrics
	if g < n {
		return u16(e.hmtx, 4*g), i16(e.hmtx, 4*g+2)
	}
	return u16(e.hmtx, 4*(n-1)), i16(e.hmtx, 4*n+2*(g-n))
}
