package font

// readKernTable reads the horizontal format 0 subtables of the legacy
// 'kern' table b, in its Microsoft (version 0) or Apple (version 1.0)
// form, each as a lookup of its own: their values add up. Subtables with
// minimum values, cross-stream or vertical kerning, or variations are
// skipped, and the override bit is ignored (values always add up). Within
// a subtable, the first record of a pair counts.
func (p *layoutParser) readKernTable(b []byte) {
	var n, off, header int
	switch {
	case u16(b, 0) == 0:
		n, off, header = u16(b, 2), 4, 6
	case u32(b, 0) == 0x00010000:
		n, off, header = int(min(u32(b, 4), 0xFFFF)), 8, 8
	default:
		return
	}
	for range n {
		st := from(b, off)
		var length, format int
		var ok bool
		if header == 6 {
			length, format = u16(st, 2), u16(st, 4)>>8
			cov := u16(st, 4) & 0xFF
			ok = cov&0x7 == 1 // horizontal; not minimum, not cross-stream
		} else {
			length, format = int(min(u32(st, 0), 1<<30)), u16(st, 4)&0xFF
			ok = u16(st, 4)&0xE000 == 0 // not vertical, cross-stream, variation
		}
		if len(st) < header+8 {
			return
		}
		if ok && format == 0 {
			pairs := from(st, header+8)
			np := min(u16(st, header), len(pairs)/6)
			if p.pairs += np; p.pairs > maxKernPairs || !p.spend(np) {
				p.failed = true
				return
			}
			sub := make([]pairRec, 0, np)
			for i := range np {
				l, r := u16(pairs, 6*i), u16(pairs, 6*i+2)
				if l < p.numGlyphs && r < p.numGlyphs {
					sub = append(sub, pairRec{uint32(l)<<16 | uint32(r), int32(i16(pairs, 6*i+4))})
				}
			}
			p.lookups = append(p.lookups, []kernSub{{pairs: sortPairs(sub)}})
		}
		if length < header {
			return // cannot find the next subtable
		}
		off += length
	}
}
