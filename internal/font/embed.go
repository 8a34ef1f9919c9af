package font

import (
	"fmt"
	"math"
)

// Embedding is what a PDF writer needs to embed subsets of a face: the
// PostScript name, the metrics of a font descriptor, the glyph each rune
// is set with and its width, and the outlines to subset (see NewSubset).
// It depends only on the face: Face.Embedding computes it once per face,
// and it is read-only afterwards, safe for concurrent use.
type Embedding struct {
	// PostScriptName is nameID 6 of the 'name' table, reduced to the
	// characters a PDF name and a PostScript name may hold, or else the
	// face's Name without directory and extension, likewise reduced;
	// "Font" if nothing is left.
	PostScriptName string

	// Flags are the font descriptor flags of ISO 32000-1 §9.8.2: Symbolic
	// (all the font's glyphs are not in the standard Latin set), and
	// FixedPitch, Italic and ForceBold as the 'post' and 'OS/2' tables say.
	Flags int
	// BBox is the 'head' bounding box of all glyphs: xMin, yMin, xMax,
	// yMax, in 1/1000 em.
	BBox [4]int
	// ItalicAngle is the 'post' italicAngle in degrees, counter-clockwise
	// from the vertical (negative for a font that leans right).
	ItalicAngle float64
	// Ascent, Descent and CapHeight are Face.Ascent, Face.Descent and
	// Face.CapHeight rounded to 1/1000 em.
	Ascent, Descent, CapHeight int
	// StemV estimates the vertical stem width from the weight class:
	// 50 + (usWeightClass/65)², 1/1000 em (500 when there is no OS/2).
	StemV int

	// NumGlyphs bounds the glyph ids Glyph returns.
	NumGlyphs int

	gids  *[0x10000]uint16   // per BMP rune, as the face maps it
	supp  func() []suppGroup // Face.supp
	width []int32            // per glyph id, 1/1000 em: the face's advances

	head, hhea, maxp, hmtx []byte
	extra                  []namedTable // cvt, fpgm, prep when present
	numHMetrics            int
	out                    *outlines
}

// namedTable is a table of a font file and its tag.
type namedTable struct {
	tag  string
	data []byte
}

// Font descriptor flags (ISO 32000-1, table 123).
const (
	flagFixedPitch = 1 << 0
	flagSymbolic   = 1 << 2
	flagItalic     = 1 << 6
	flagForceBold  = 1 << 18
)

// Embedding returns what embedding the face in a PDF needs, computed on
// the first call for the face and shared afterwards. It fails when the
// outline tables ('loca', 'glyf') are damaged; the error starts with
// "font NAME: ".
func (f *Face) Embedding() (*Embedding, error) {
	f.embOnce.Do(func() {
		f.emb, f.embErr = newEmbedding(f)
		if f.embErr != nil {
			f.embErr = fmt.Errorf("font %s: %w", f.name, f.embErr)
		}
	})
	return f.emb, f.embErr
}

// newEmbedding reads the face's tables again for what Parse does not keep.
func newEmbedding(f *Face) (*Embedding, error) {
	dir, err := readDirectory(f.data)
	if err != nil {
		return nil, err
	}
	head, hhea, maxp, hmtx := dir["head"], dir["hhea"], dir["maxp"], dir["hmtx"]
	out, err := readOutlines(head, dir["loca"], dir["glyf"], u16(maxp, 4))
	if err != nil {
		return nil, err
	}
	e := &Embedding{
		PostScriptName: postScriptName(dir["name"], f.name),
		NumGlyphs:      len(f.glyphAdv),
		gids:           f.gid,
		supp:           f.supp,
		width:          f.glyphAdv,
		head:           head,
		hhea:           hhea,
		maxp:           maxp,
		hmtx:           hmtx,
		numHMetrics:    u16(hhea, 34),
		out:            out,
	}
	for _, tag := range [...]string{"cvt ", "fpgm", "prep"} {
		if b, ok := dir[tag]; ok {
			e.extra = append(e.extra, namedTable{tag, b})
		}
	}
	e.metrics(f, dir)
	return e, nil
}

// metrics fills in the font descriptor's values.
func (e *Embedding) metrics(f *Face, dir directory) {
	head, post, os2 := e.head, dir["post"], dir["OS/2"]
	scale := 1000 / float64(u16(head, 18))
	for i := range e.BBox {
		e.BBox[i] = int(math.Round(float64(i16(head, 36+2*i)) * scale))
	}
	e.ItalicAngle = float64(int32(u32(post, 4))) / 65536
	e.Ascent = int(math.Round(f.ascent))
	e.Descent = int(math.Round(f.descent))
	e.CapHeight = int(math.Round(f.capHeight))
	weight := 500
	if len(os2) >= 6 {
		weight = u16(os2, 4)
	}
	e.StemV = 50 + int(math.Pow(float64(weight)/65, 2))
	e.Flags = flagSymbolic
	if u32(post, 12) != 0 {
		e.Flags |= flagFixedPitch
	}
	if e.ItalicAngle != 0 || u16(head, 44)&2 != 0 {
		e.Flags |= flagItalic
	}
	if weight >= 600 {
		e.Flags |= flagForceBold
	}
}

// Glyph returns the glyph id the face sets r with, 0 (.notdef) for a rune
// it does not map: the glyph whose width Face.Advance gives for r.
func (e *Embedding) Glyph(r rune) uint16 {
	if uint32(r) <= 0xFFFF {
		return e.gids[uint16(r)]
	}
	if r > 0x10FFFF {
		return 0
	}
	if g := lookupGroup(e.supp(), r); g < uint32(len(e.width)) {
		return uint16(g)
	}
	return 0
}

// Width returns the advance width of glyph g in 1/1000 em, rounded as
// Face.Advance rounds it; 0 for an id the face does not have.
func (e *Embedding) Width(g uint16) int {
	if int(g) < len(e.width) {
		return int(e.width[g])
	}
	return 0
}
