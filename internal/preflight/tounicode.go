package preflight

import (
	"sort"
	"unicode"
	"unicode/utf16"
)

// toUnicode is a font's ToUnicode CMap: what character each code stands
// for. Fonts whose codes are not Unicode (a Type0 font whose CIDs are
// glyph ids) need it to tell a space from a letter and to quote their
// text.
//
// A bfrange onto a string is kept as a range, not expanded code by code:
// "<0000> <FFFF> <0041>" takes a few bytes and would otherwise cost 65,536
// map entries, each time it is repeated. Reading is thus linear in the
// size of the CMap.
type toUnicode struct {
	codes map[int]rune // bfchar entries, and bfrange entries onto arrays
	// dense holds codes's characters by code, -1 for codes it lacks, when
	// its codes are below denseCIDs (see fontInfo.cidWidths).
	dense  []rune
	ranges []uniRange // sorted by lo, not overlapping
}

// uniRange maps the codes lo to hi to consecutive characters from first.
type uniRange struct {
	lo, hi int
	first  int64 // may be out of Unicode in a damaged map
}

// lookup returns the character code stands for, if the map says.
func (u *toUnicode) lookup(code int) (rune, bool) {
	if u == nil {
		return 0, false
	}
	if u.dense != nil {
		if code >= 0 && code < len(u.dense) && u.dense[code] >= 0 {
			return u.dense[code], true
		}
	} else if r, ok := u.codes[code]; ok {
		return r, true
	}
	k := sort.Search(len(u.ranges), func(k int) bool { return u.ranges[k].hi >= code })
	if k < len(u.ranges) && u.ranges[k].lo <= code {
		r := u.ranges[k].first + int64(code-u.ranges[k].lo)
		if r < 0 || r > unicode.MaxRune {
			return unicode.ReplacementChar, true
		}
		return rune(r), true
	}
	return 0, false
}

// readToUnicode reads a ToUnicode CMap's bfchar and bfrange mappings. In
// a damaged map that gives a code twice, the last bfchar entry wins, and
// among ranges onto strings the one that starts first; bfchar entries
// win over those ranges. At most maxCIDEntries codes and as many ranges
// are kept.
func readToUnicode(data []byte) *toUnicode {
	u := &toUnicode{codes: map[int]rune{}}
	scanContent(data, func(op string, args []operand) {
		switch op {
		case "endbfchar":
			for i := 0; i+1 < len(args) && len(u.codes) < maxCIDEntries; i += 2 {
				if args[i].kind == 's' && args[i+1].kind == 's' {
					u.codes[codeOf(args[i].str)] = firstRune(args[i+1].str)
				}
			}
		case "endbfrange":
			for i := 0; i+2 < len(args) && len(u.ranges) < maxCIDEntries; i += 3 {
				if args[i].kind != 's' || args[i+1].kind != 's' {
					continue
				}
				lo, hi, dst := codeOf(args[i].str), codeOf(args[i+1].str), args[i+2]
				switch {
				case lo > hi:
				case dst.kind == 's':
					u.ranges = append(u.ranges, uniRange{lo, hi, int64(firstRune(dst.str))})
				case dst.kind == 'a':
					// One string per code: as many codes as the array
					// holds, bounded by the size of the data.
					for k, s := range dst.arr {
						if k > hi-lo || len(u.codes) >= maxCIDEntries {
							break
						}
						if s.kind == 's' {
							u.codes[lo+k] = firstRune(s.str)
						}
					}
				}
			}
		}
	})
	u.ranges = disjoint(u.ranges)
	u.dense = denseRunes(u.codes)
	return u
}

// denseRunes returns the characters of m by code, -1 for codes m lacks;
// nil when a code is denseCIDs or more, or negative, or a character is
// negative.
func denseRunes(m map[int]rune) []rune {
	n := 0
	for c, r := range m {
		if c < 0 || c >= denseCIDs || r < 0 {
			return nil
		}
		n = max(n, c+1)
	}
	out := make([]rune, n)
	for c := range out {
		out[c] = -1
	}
	for c, r := range m {
		out[c] = r
	}
	return out
}

// disjoint sorts ranges by their first code and cuts each where the one
// before ends, dropping those left empty, so that lookup can search them.
func disjoint(rs []uniRange) []uniRange {
	sort.SliceStable(rs, func(a, b int) bool { return rs[a].lo < rs[b].lo })
	out := rs[:0]
	for _, r := range rs {
		if n := len(out); n > 0 && r.lo <= out[n-1].hi {
			if r.hi <= out[n-1].hi {
				continue
			}
			r.first += int64(out[n-1].hi + 1 - r.lo)
			r.lo = out[n-1].hi + 1
		}
		out = append(out, r)
	}
	return out
}

// codeOf reads a source code: big-endian bytes.
func codeOf(s string) int {
	c := 0
	for i := 0; i < len(s) && i < 4; i++ {
		c = c<<8 | int(s[i])
	}
	return c
}

// firstRune decodes the first character of UTF-16BE bytes.
func firstRune(s string) rune {
	if len(s) < 2 {
		return 0xFFFD
	}
	u := []uint16{uint16(s[0])<<8 | uint16(s[1])}
	if len(s) >= 4 {
		u = append(u, uint16(s[2])<<8|uint16(s[3]))
	}
	return utf16.Decode(u)[0]
}
