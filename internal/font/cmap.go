package font

import "errors"

// suppGroup maps the runes start..end (all above the BMP) to consecutive
// glyph ids from gid on. It comes from a cmap format 12 subtable.
type suppGroup struct {
	start, end rune
	gid        uint32
}

// findCmaps picks the cmap subtables to read. The format 4 subtable is
// the first encoding record for platform 0 (Unicode, any
// encoding) or platform 3 encoding 1 (Windows Unicode BMP) whose subtable
// has format 4. The format 12 subtable, which may be nil, is the first
// record for platform 0 or platform 3 encoding 10 whose subtable has
// format 12. Each returned slice starts at its subtable and ends at the end
// of the cmap table.
func findCmaps(cmap []byte) (f4, f12 []byte, err error) {
	if len(cmap) < 4 {
		return nil, nil, errors.New("table \"cmap\" is too short")
	}
	n := u16(cmap, 2)
	if 4+8*n > len(cmap) {
		return nil, nil, errors.New("table \"cmap\" is truncated: its encoding records run past its end")
	}
	for i := range n {
		rec := 4 + 8*i
		platform, encoding := u16(cmap, rec), u16(cmap, rec+2)
		off := int64(u32(cmap, rec+4))
		if off+4 > int64(len(cmap)) {
			continue // points outside the table: unusable
		}
		sub := cmap[off:]
		switch u16(sub, 0) {
		case 4:
			if f4 == nil && (platform == 0 || platform == 3 && encoding == 1) {
				f4 = sub
			}
		case 12:
			if f12 == nil && (platform == 0 || platform == 3 && encoding == 10) {
				f12 = sub
			}
		}
	}
	if f4 == nil {
		return nil, nil, errors.New("no Unicode BMP cmap subtable (platform 0 or 3/1, format 4)")
	}
	return f4, f12, nil
}

// walkFormat4 calls fn for every BMP code point the format 4 subtable sub
// maps, with the glyph id it maps to (possibly 0, .notdef), in increasing
// code point order and at most once per code point.
//
// Segments are meant to be sorted by endCode and disjoint; for damaged
// tables, a code point belongs to the first segment that covers it (what a
// binary search on endCode would find in a sorted table), which also bounds
// the work to one visit per code point. Glyph ids read from glyphIdArray
// past the subtable's declared length count as 0.
func walkFormat4(sub []byte, fn func(r rune, gid int)) error {
	if len(sub) < 14 {
		return errors.New("cmap format 4 subtable is truncated")
	}
	limit := min(u16(sub, 2), len(sub)) // declared length, within the table
	segX2 := u16(sub, 6) &^ 1
	endCodes := 14
	startCodes := endCodes + segX2 + 2
	idDeltas := startCodes + segX2
	idRangeOffsets := idDeltas + segX2
	if idRangeOffsets+segX2 > len(sub) {
		return errors.New("cmap format 4 subtable is truncated: its segment arrays run past the table's end")
	}
	next := 0 // lowest code point no earlier segment covered
	for i := 0; i < segX2; i += 2 {
		end := u16(sub, endCodes+i)
		start := u16(sub, startCodes+i)
		delta := u16(sub, idDeltas+i)
		roPos := idRangeOffsets + i
		ro := u16(sub, roPos)
		for c := max(start, next); c <= end; c++ {
			gid := 0
			if ro == 0 {
				gid = (c + delta) & 0xFFFF
			} else if pos := roPos + ro + 2*(c-start); pos+2 <= limit {
				if g := u16(sub, pos); g != 0 {
					gid = (g + delta) & 0xFFFF
				}
			}
			fn(rune(c), gid)
		}
		next = max(next, end+1)
	}
	return nil
}

// readFormat12 returns the groups of the format 12 subtable sub that map
// code points above the BMP, clipped to U+10000..U+10FFFF, sorted and
// disjoint. A group's part that overlaps an earlier group, or comes before
// it, is dropped, so lookups can rely on the order.
func readFormat12(sub []byte) []suppGroup {
	if len(sub) < 16 {
		return nil
	}
	n := int64(u32(sub, 12))
	if avail := int64(len(sub)-16) / 12; n > avail {
		n = avail
	}
	var groups []suppGroup
	prevEnd := rune(0xFFFF)
	for i := range int(n) {
		g := 16 + 12*i
		start, end, gid := u32(sub, g), u32(sub, g+4), u32(sub, g+8)
		end = min(end, 0x10FFFF)
		if start <= uint32(prevEnd) {
			if end <= uint32(prevEnd) {
				continue
			}
			gid += uint32(prevEnd) + 1 - start
			start = uint32(prevEnd) + 1
		}
		if start > end {
			continue
		}
		groups = append(groups, suppGroup{rune(start), rune(end), gid})
		prevEnd = rune(end)
	}
	return groups
}

// lookupGroup returns the glyph id groups map r to, or 0.
func lookupGroup(groups []suppGroup, r rune) uint32 {
	lo, hi := 0, len(groups)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if groups[m].end < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(groups) && groups[lo].start <= r {
		return groups[lo].gid + uint32(r-groups[lo].start)
	}
	return 0
}
