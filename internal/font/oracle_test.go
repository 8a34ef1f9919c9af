package font

import (
	"encoding/binary"
	"math"
	"os"
	"testing"
)

// rawFont is a deliberately naive reader, independent of the package code,
// that reads just enough of a font to compute one advance by hand.
type rawFont []byte

func (b rawFont) u16(off int) int { return int(binary.BigEndian.Uint16(b[off:])) }

func (b rawFont) table(tag string) int {
	for i := range b.u16(4) {
		rec := 12 + 16*i
		if string(b[rec:rec+4]) == tag {
			return int(binary.BigEndian.Uint32(b[rec+8:]))
		}
	}
	panic("no table " + tag)
}

// glyph finds r's glyph id in the Windows Unicode BMP (3,1) format 4
// subtable by trying every segment.
func (b rawFont) glyph(r rune) int {
	cmap := b.table("cmap")
	sub := -1
	for i := range b.u16(cmap + 2) {
		rec := cmap + 4 + 8*i
		if b.u16(rec) == 3 && b.u16(rec+2) == 1 {
			sub = cmap + int(binary.BigEndian.Uint32(b[rec+4:]))
		}
	}
	segX2 := b.u16(sub + 6)
	for i := 0; i < segX2; i += 2 {
		end := b.u16(sub + 14 + i)
		start := b.u16(sub + 16 + segX2 + i)
		delta := b.u16(sub + 16 + 2*segX2 + i)
		roAt := sub + 16 + 3*segX2 + i
		ro := b.u16(roAt)
		if int(r) < start || int(r) > end {
			continue
		}
		if ro == 0 {
			return (int(r) + delta) % 65536
		}
		if g := b.u16(roAt + ro + 2*(int(r)-start)); g != 0 {
			return (g + delta) % 65536
		}
		return 0
	}
	return 0
}

// advance returns glyph gid's advance in font units and unitsPerEm.
func (b rawFont) advance(gid int) (adv, upem int) {
	upem = b.u16(b.table("head") + 18)
	nhm := b.u16(b.table("hhea") + 34)
	hmtx := b.table("hmtx")
	return b.u16(hmtx + 4*min(gid, nhm-1)), upem
}

func TestAdvanceMatchesRawTables(t *testing.T) {
	for _, name := range fontFiles {
		data, err := os.ReadFile("../../fonts/" + name + ".ttf")
		if err != nil {
			t.Fatal(err)
		}
		raw := rawFont(data)
		f := inter(t, name)
		for _, r := range " AHWimé’€–\u00a0\u202f«»œ0" {
			gid := raw.glyph(r)
			if gid == 0 {
				t.Errorf("%s: oracle finds no glyph for %U", name, r)
				continue
			}
			adv, upem := raw.advance(gid)
			want := int(math.Round(1000.0 / float64(upem) * float64(adv)))
			if got := f.Advance(r); got != want {
				t.Errorf("%s: Advance(%U) = %d, want %d (glyph %d, %d/%d units)", name, r, got, want, gid, adv, upem)
			}
		}
		// Runes the font lacks measure as .notdef, glyph 0.
		adv, upem := raw.advance(0)
		want := int(math.Round(1000.0 / float64(upem) * float64(adv)))
		if got := f.Advance(0x4E2D); got != want {
			t.Errorf("%s: Advance(U+4E2D) = %d, want .notdef advance %d", name, got, want)
		}
	}
}
