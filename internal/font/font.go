// Package font reads the metrics of TrueType fonts: the advance width of
// each Unicode code point and the vertical metrics (ascent, descent, line
// gap, cap height, x-height), all in 1/1000 em, so that layout can measure
// text without the PDF library.
//
// Advances are in whole 1/1000 em, int(math.Round(1000.0/unitsPerEm*advance)),
// the widths the PDF writer puts in the fonts it embeds (Embedding and
// Subset), so text measured here has the width a PDF viewer gives it.
// Code points are resolved through the Unicode BMP cmap subtable (format
// 4) and, above the BMP, a format 12 subtable when the font has one.
//
// Width ignores kerning. Kern and KernedWidth give the pair kerning of
// the font, in the same units, from the 'kern' feature of its GPOS table
// or from a legacy 'kern' table.
//
// Outline gives a glyph's contours in font units (UnitsPerEm), so that
// text can be drawn without the font, as the SVG previews do.
//
// Only TrueType outlines (a 'glyf' table) are supported: fonts with CFF
// outlines ("OTTO") and font collections ("ttcf") are rejected.
package font

import (
	"fmt"
	"slices"
	"sync"
)

// Face is a parsed TrueType font, read-only after Parse, safe for
// concurrent use.
type Face struct {
	name string
	data []byte

	notdef int32 // advance of glyph 0 in 1/1000 em

	// supp returns the cmap format 12 groups above the BMP, read on
	// first use: text seldom needs them, and reading them took a
	// hundred thousand instructions per face at every start.
	supp     func() []suppGroup
	glyphAdv []int32 // advance per glyph id in 1/1000 em

	kern *kerning // nil: no pair kerning
	// gid is the glyph id per BMP rune, 0 if unmapped (and for glyph ids
	// without an advance), so that glyphAdv[gid[r]] is the advance of
	// any BMP rune, .notdef's for those the face lacks. The table is
	// never filled: the pages of its 128 kB that no mapped rune falls in
	// are never touched.
	gid *[0x10000]uint16

	// emb is what embedding the face needs, made on first use (Embedding).
	embOnce sync.Once
	emb     *Embedding
	embErr  error

	ascent, descent, lineGap, capHeight, xHeight float64 // 1/1000 em
	upem                                         int
}

// Parse reads the TrueType font in data. name identifies the font in
// errors and is returned by Name. Parse keeps data, which Data returns: the
// caller must not modify it afterwards. Every error starts with
// "font NAME: ".
func Parse(name string, data []byte) (*Face, error) {
	f, err := parse(data)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	f.name = name
	f.data = data
	return f, nil
}

func parse(data []byte) (*Face, error) {
	dir, err := readDirectory(data)
	if err != nil {
		return nil, err
	}
	upem, err := readHead(dir["head"])
	if err != nil {
		return nil, err
	}
	vm, numHMetrics, err := readHhea(dir["hhea"])
	if err != nil {
		return nil, err
	}
	numGlyphs, err := readMaxp(dir["maxp"])
	if err != nil {
		return nil, err
	}
	readOS2(dir["OS/2"], &vm)
	glyphAdv, err := glyphAdvances(dir["hmtx"], numHMetrics, numGlyphs, upem)
	if err != nil {
		return nil, err
	}
	f4, f12, err := findCmaps(dir["cmap"])
	if err != nil {
		return nil, err
	}

	f := &Face{
		notdef:   glyphAdv[0], // glyphAdvances covers at least numHMetrics > 0 ids
		glyphAdv: glyphAdv,
	}
	f.kern = readKerning(dir, len(glyphAdv), upem)
	f.gid = new([0x10000]uint16)
	err = walkFormat4(f4, func(r rune, gid int) {
		// U+0000 and U+FFFF, runes mapped to .notdef and glyph ids with
		// no advance are not shown.
		if r == 0 || r == 0xFFFF || gid == 0 || gid >= len(glyphAdv) {
			return
		}
		f.gid[r] = uint16(gid)
	})
	if err != nil {
		return nil, err
	}
	f.supp = sync.OnceValue(func() []suppGroup { return readFormat12(f12) })

	f.upem = upem
	scale := 1000.0 / float64(upem)
	f.ascent = float64(vm.ascender) * scale
	f.descent = float64(vm.descender) * scale
	f.lineGap = float64(vm.lineGap) * scale
	f.capHeight, f.xHeight = fallbackCapHeight, fallbackXHeight
	if vm.hasHeights {
		f.capHeight = float64(vm.capHeight) * scale
		f.xHeight = float64(vm.xHeight) * scale
	}
	return f, nil
}

// Name returns the name given to Parse, for errors and PDF font keys.
func (f *Face) Name() string { return f.name }

// Data returns the font file's bytes as given to Parse (not a copy), for
// the exporter to embed. The caller must not modify them.
func (f *Face) Data() []byte { return f.data }

// Has reports whether the font maps r to a glyph other than .notdef.
func (f *Face) Has(r rune) bool {
	if uint32(r) <= 0xFFFF {
		return f.gid[uint16(r)] != 0
	}
	return f.suppGlyph(r) != 0
}

// Advance returns the advance width of r in 1/1000 em, rounded exactly as
// the PDF exporter writes glyph widths. For a rune the font does not map,
// it returns the advance of .notdef, rounded the same way.
func (f *Face) Advance(r rune) int {
	if uint32(r) <= 0xFFFF {
		return int(f.glyphAdv[f.gid[uint16(r)]])
	}
	return f.suppAdvance(r)
}

// Width returns the width of s in points when size is the font size in
// points: the sum of Advance over the runes of s, times size/1000. Invalid
// UTF-8 counts as U+FFFD per bad byte, as in a range loop. Width does not
// allocate.
func (f *Face) Width(s string, size float64) float64 {
	return float64(f.widthUnits(s)) * size / 1000
}

// widthUnits is Width in 1/1000 em.
func (f *Face) widthUnits(s string) int {
	sum := 0
	for _, r := range s {
		if r <= 0xFFFF {
			sum += int(f.glyphAdv[f.gid[uint16(r)]])
		} else {
			sum += f.suppAdvance(r)
		}
	}
	return sum
}

// suppGlyph returns the glyph id for r above the BMP, or 0 when the font
// does not map it to a glyph it has an advance for.
//
// It and suppAdvance are kept out of line so that Has, Advance and the
// loop of Width stay small: runes above the BMP are rare.
//
//go:noinline
func (f *Face) suppGlyph(r rune) uint32 {
	if r < 0x10000 || r > 0x10FFFF {
		return 0
	}
	gid := lookupGroup(f.supp(), r)
	if gid >= uint32(len(f.glyphAdv)) {
		return 0
	}
	return gid
}

// suppAdvance returns the advance of r above the BMP in 1/1000 em, or the
// .notdef advance if the font does not map it.
//
//go:noinline
func (f *Face) suppAdvance(r rune) int {
	if gid := f.suppGlyph(r); gid != 0 {
		return int(f.glyphAdv[gid])
	}
	return int(f.notdef)
}

// Ascent returns the hhea ascender in 1/1000 em (positive).
func (f *Face) Ascent() float64 { return f.ascent }

// Descent returns the hhea descender in 1/1000 em (negative, as in the font).
func (f *Face) Descent() float64 { return f.descent }

// LineGap returns the hhea lineGap in 1/1000 em.
func (f *Face) LineGap() float64 { return f.lineGap }

// CapHeight returns the OS/2 sCapHeight in 1/1000 em, or 700 if the font's
// OS/2 table (before version 2, or absent) has none.
func (f *Face) CapHeight() float64 { return f.capHeight }

// XHeight returns the OS/2 sxHeight in 1/1000 em, or 500 if the font's
// OS/2 table (before version 2, or absent) has none.
func (f *Face) XHeight() float64 { return f.xHeight }

// Missing returns the runes of s the font lacks (those Has reports false
// for), without duplicates, in order of first appearance; nil if none.
// It serves to report text a font cannot show.
func (f *Face) Missing(s string) []rune {
	var missing []rune
	for _, r := range s {
		if !f.Has(r) && !slices.Contains(missing, r) {
			missing = append(missing, r)
		}
	}
	return missing
}
