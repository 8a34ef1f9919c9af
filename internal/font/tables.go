package font

import (
	"fmt"
	"math"
)

// Fallbacks, in 1/1000 em, for fonts whose OS/2 table has no sCapHeight
// and sxHeight (OS/2 version 0 and 1, or no OS/2 table at all).
const (
	fallbackCapHeight = 0.7 * 1000
	fallbackXHeight   = 0.5 * 1000
)

// vmetrics holds the vertical metrics of a face in font units.
type vmetrics struct {
	ascender, descender, lineGap int
	capHeight, xHeight           int
	hasHeights                   bool // capHeight and xHeight come from OS/2
}

// readHead returns unitsPerEm from the 'head' table.
func readHead(head []byte) (int, error) {
	if len(head) < 54 {
		return 0, fmt.Errorf("table \"head\" is %d bytes, want at least 54", len(head))
	}
	upem := u16(head, 18)
	if upem == 0 {
		return 0, fmt.Errorf("table \"head\" gives unitsPerEm 0")
	}
	return upem, nil
}

// readHhea returns the vertical metrics and numberOfHMetrics from 'hhea'.
func readHhea(hhea []byte) (vm vmetrics, numHMetrics int, err error) {
	if len(hhea) < 36 {
		return vm, 0, fmt.Errorf("table \"hhea\" is %d bytes, want at least 36", len(hhea))
	}
	vm.ascender = i16(hhea, 4)
	vm.descender = i16(hhea, 6)
	vm.lineGap = i16(hhea, 8)
	numHMetrics = u16(hhea, 34)
	if numHMetrics == 0 {
		return vm, 0, fmt.Errorf("table \"hhea\" gives numberOfHMetrics 0")
	}
	return vm, numHMetrics, nil
}

// readMaxp returns numGlyphs from 'maxp'.
func readMaxp(maxp []byte) (int, error) {
	if len(maxp) < 6 {
		return 0, fmt.Errorf("table \"maxp\" is %d bytes, want at least 6", len(maxp))
	}
	return u16(maxp, 4), nil
}

// readOS2 adds sCapHeight and sxHeight to vm when the 'OS/2' table (which
// may be nil) is version 2 or later and long enough to hold them.
func readOS2(os2 []byte, vm *vmetrics) {
	if len(os2) < 90 || u16(os2, 0) < 2 {
		return
	}
	vm.xHeight = i16(os2, 86)
	vm.capHeight = i16(os2, 88)
	vm.hasHeights = true
}

// glyphAdvances returns the advance of every glyph id, in 1/1000 em,
// rounded as the PDF's widths are:
// int(math.Round(1000.0/unitsPerEm * advanceWidth)).
//
// Glyph ids from numHMetrics on share the last advance of the long metrics,
// as the 'hmtx' format prescribes. The result covers
// max(numGlyphs, numHMetrics) ids.
func glyphAdvances(hmtx []byte, numHMetrics, numGlyphs, upem int) ([]int32, error) {
	if need := 4 * numHMetrics; len(hmtx) < need {
		return nil, fmt.Errorf("table \"hmtx\" is %d bytes, %d long metrics need %d", len(hmtx), numHMetrics, need)
	}
	scale := 1000.0 / float64(upem)
	adv := make([]int32, max(numGlyphs, numHMetrics))
	var last int32
	for g := range adv {
		if g < numHMetrics {
			last = roundAdvance(u16(hmtx, 4*g), scale)
		}
		adv[g] = last
	}
	return adv, nil
}

// roundAdvance converts an advance in font units to 1/1000 em. It reads
// an advance of 32768 units or more (a negative int16) as 0.
func roundAdvance(units int, scale float64) int32 {
	if units >= 1<<15 {
		return 0
	}
	return int32(math.Round(scale * float64(units)))
}
