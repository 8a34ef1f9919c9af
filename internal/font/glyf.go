package font

import (
	"encoding/binary"
	"fmt"
)

// outlines gives the glyph descriptions of the 'glyf' table through the
// offsets of the 'loca' table, both checked once by readOutlines.
type outlines struct {
	glyf []byte
	loca []uint32 // numGlyphs+1 offsets into glyf, non-decreasing
}

// readOutlines reads 'loca' (in the format 'head' gives) for numGlyphs
// glyphs and checks that every glyph lies within 'glyf'.
func readOutlines(head, loca, glyf []byte, numGlyphs int) (*outlines, error) {
	var offs []uint32
	switch format := i16(head, 50); format {
	case 0:
		if need := 2 * (numGlyphs + 1); len(loca) < need {
			return nil, fmt.Errorf("table \"loca\" is %d bytes, %d glyphs need %d", len(loca), numGlyphs, need)
		}
		offs = make([]uint32, numGlyphs+1)
		for g := range offs {
			offs[g] = 2 * uint32(binary.BigEndian.Uint16(loca[2*g:]))
		}
	case 1:
		if need := 4 * (numGlyphs + 1); len(loca) < need {
			return nil, fmt.Errorf("table \"loca\" is %d bytes, %d glyphs need %d", len(loca), numGlyphs, need)
		}
		offs = make([]uint32, numGlyphs+1)
		for g := range offs {
			offs[g] = binary.BigEndian.Uint32(loca[4*g:])
		}
	default:
		return nil, fmt.Errorf("table \"head\" gives indexToLocFormat %d, want 0 or 1", format)
	}
	for g := range numGlyphs {
		if offs[g] > offs[g+1] || offs[g+1] > uint32(len(glyf)) {
			return nil, fmt.Errorf("glyph %d: table \"loca\" gives bytes %d to %d of the %d-byte table \"glyf\"", g, offs[g], offs[g+1], len(glyf))
		}
	}
	return &outlines{glyf: glyf, loca: offs}, nil
}

// numGlyphs returns the number of glyphs loca describes.
func (o *outlines) numGlyphs() int { return len(o.loca) - 1 }

// glyph returns the description of glyph g, empty for a glyph without
// outline and for ids the font does not have.
func (o *outlines) glyph(g int) []byte {
	if g < 0 || g >= o.numGlyphs() {
		return nil
	}
	return o.glyf[o.loca[g]:o.loca[g+1]:o.loca[g+1]]
}

// Composite glyph flags (OpenType 'glyf' table).
const (
	argsAreWords   = 0x0001
	haveScale      = 0x0008
	moreComponents = 0x0020
	haveXYScale    = 0x0040
	have2x2        = 0x0080
)

// eachComponent calls at with the offset in data, a glyph description, of
// each glyph id a composite glyph refers to, in order; never for a simple
// or empty glyph.
func eachComponent(data []byte, at func(int)) error {
	if len(data) == 0 {
		return nil
	}
	if len(data) < 10 {
		return fmt.Errorf("glyph description is %d bytes, shorter than its 10-byte header", len(data))
	}
	if i16(data, 0) >= 0 {
		return nil
	}
	n := 0
	for off := 10; ; {
		if off+4 > len(data) {
			return fmt.Errorf("composite glyph is truncated at byte %d of %d", off, len(data))
		}
		flags := u16(data, off)
		at(off + 2)
		n++
		off += 4 + 2
		if flags&argsAreWords != 0 {
			off += 2
		}
		switch {
		case flags&haveScale != 0:
			off += 2
		case flags&haveXYScale != 0:
			off += 4
		case flags&have2x2 != 0:
			off += 8
		}
		if off > len(data) {
			return fmt.Errorf("composite glyph is truncated: component %d ends at byte %d of %d", n, off, len(data))
		}
		if flags&moreComponents == 0 {
			return nil
		}
	}
}
