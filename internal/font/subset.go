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
// CIDs are given in the order runes come in, from 1 (CID 0 is .notdef),
// and are the glyph ids of the subset's font program, so that a PDF maps
// CIDs to glyphs with /CIDToGIDMap /Identity. The program then holds as
// many glyphs as the document uses, not as many as the face has: its
// 'hmtx' and 'loca' tables, which have an entry per glyph, were three
// quarters of a subset of Inter kept under the face's own glyph ids. A
// PDF maps each CID back to one text (ToUnicode), so when a second rune
// uses a glyph that another rune already has (fonts often draw U+00A0 and
// U+0020 alike), that rune gets a CID of its own too, whose glyph is a
// copy. Runes the face lacks get CID 0.
//
// A Subset is for one document: it is not safe for concurrent use.
type Subset struct {
	e       *Embedding
	glyphs  []uint16 // per CID, the face's glyph it shows; glyphs[0] is .notdef
	runes   []rune   // per CID, 1 + the rune it stands for; runes[0] is 0
	first   []uint16 // per glyph of the face, the first CID that shows it; 0: none
	aliases []uint16 // the CIDs that show a glyph an earlier CID shows
	notdef  bool     // CID 0 is used
}

// maxGlyphs is the most glyphs a TrueType font can hold (maxp.numGlyphs).
const maxGlyphs = 0xFFFF

// NewSubset starts an empty subset of the face.
func (e *Embedding) NewSubset() *Subset {
	return &Subset{e: e, glyphs: []uint16{0}, runes: []rune{0}, first: make([]uint16, e.NumGlyphs)}
}

// CID returns the character id that shows r, adding r to the subset. The
// same rune always gets the same CID, and different runes different
// CIDs, except that runes the face lacks all get 0 and that, past 65,535
// glyphs, a rune whose glyph has a CID already shares it.
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
	first := s.first[g]
	if first != 0 {
		if s.runes[first] == r+1 {
			return first, true
		}
		for _, a := range s.aliases {
			if s.glyphs[a] == g && s.runes[a] == r+1 {
				return a, true
			}
		}
	}
	if !add {
		return 0, false
	}
	if len(s.glyphs) >= maxGlyphs {
		return first, true
	}
	c := uint16(len(s.glyphs))
	s.glyphs = append(s.glyphs, g)
	s.runes = append(s.runes, r+1)
	if first == 0 {
		s.first[g] = c
	} else {
		s.aliases = append(s.aliases, c)
	}
	return c, true
}

// Clone returns a copy of the subset, to add to.
func (s *Subset) Clone() *Subset {
	return &Subset{e: s.e, glyphs: slices.Clone(s.glyphs), runes: slices.Clone(s.runes),
		first: slices.Clone(s.first), aliases: slices.Clone(s.aliases), notdef: s.notdef}
}

// CIDs returns the character ids in use, in increasing order.
func (s *Subset) CIDs() []uint16 {
	out := make([]uint16, 0, len(s.glyphs))
	if s.notdef {
		out = append(out, 0)
	}
	for c := 1; c < len(s.glyphs); c++ {
		out = append(out, uint16(c))
	}
	return out
}

// Rune returns the rune CID c stands for, and false for .notdef and for
// CIDs not in use.
func (s *Subset) Rune(c uint16) (rune, bool) {
	if c > 0 && int(c) < len(s.runes) {
		return s.runes[c] - 1, true
	}
	return 0, false
}

// Width returns the advance width of CID c in 1/1000 em: Face.Advance of
// the rune it stands for.
func (s *Subset) Width(c uint16) int {
	var g uint16 // .notdef for CIDs not in use
	if int(c) < len(s.glyphs) {
		g = s.glyphs[c]
	}
	return s.e.Width(g)
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

// Font returns a TrueType font program whose glyph ids are the subset's
// CIDs, each with the glyph of the face it shows, followed by the glyphs
// their composite glyphs are made of that no CID shows (composite glyphs
// refer to their components by their ids in the program). It holds the
// tables a PDF viewer needs for a CIDFontType2 font (ISO 32000-1, §9.9):
// 'head', 'hhea', 'maxp', 'hmtx', 'loca', 'glyf', and 'cvt ', 'fpgm' and
// 'prep' when the face has them.
func (s *Subset) Font() ([]byte, error) {
	e := s.e
	src, id, err := s.program()
	if err != nil {
		return nil, err
	}
	n := len(src)
	glyfLen := 0
	for _, g := range src {
		glyfLen += pad4(len(e.out.glyph(int(g))))
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
		if g == n {
			break
		}
		data := glyf[at : at+copy(glyf[at:], e.out.glyph(int(src[g])))]
		// The components are renumbered; an id the face lacks becomes
		// 65,535, which no font has either.
		_ = eachComponent(data, func(i int) {
			c, to := u16(data, i), uint16(0xFFFF)
			if c < len(id) {
				to = id[c]
			}
			binary.BigEndian.PutUint16(data[i:], to)
		})
		at += pad4(len(data))
		adv, lsb := e.hMetric(int(src[g]))
		binary.BigEndian.PutUint16(hmtx[4*g:], uint16(adv))
		binary.BigEndian.PutUint16(hmtx[4*g+2:], uint16(lsb))
	}
	sealSFNT(out)
	return out, nil
}

// program returns, per glyph of the subset's program, the face's glyph it
// copies (src: the CIDs' glyphs, then the components they need that no
// CID shows, found recursively), and per glyph of the face, its id in the
// program (id: that of the first CID or component that copies it).
func (s *Subset) program() (src, id []uint16, err error) {
	e := s.e
	src = slices.Clone(s.glyphs)
	id = slices.Clone(s.first)
	for i := 0; i < len(src); i++ {
		// A composite glyph's components are read as it is kept: a
		// subset holds a few hundred of a face's thousands of glyphs,
		// and reading every glyph's header took a fifth of embedding
		// a face (and a fault for each page of its 'glyf' table).
		g := src[i]
		data := e.out.glyph(int(g))
		err := eachComponent(data, func(at int) {
			if c := u16(data, at); c > 0 && c < len(id) && id[c] == 0 {
				id[c] = uint16(len(src))
				src = append(src, uint16(c))
			}
		})
		if err != nil {
			return nil, nil, fmt.Errorf("font %s: glyph %d: %w", e.PostScriptName, g, err)
		}
		if len(src) > maxGlyphs {
			return nil, nil, fmt.Errorf("font %s: a subset of %d glyphs is more than a font can hold", e.PostScriptName, len(src))
		}
	}
	return src, id, nil
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
