package preflight

import "unicode/utf16"

// readToUnicode reads a ToUnicode CMap's bfchar and bfrange mappings:
// each code with the first character it stands for. Fonts whose codes
// are not Unicode (a Type0 font whose CIDs are glyph ids) need it to tell
// a space from a letter and to quote their text.
func readToUnicode(data []byte) map[int]rune {
	m := map[int]rune{}
	scanContent(data, func(op string, args []operand) {
		switch op {
		case "endbfchar":
			for i := 0; i+1 < len(args) && len(m) < maxCIDEntries; i += 2 {
				if args[i].kind == 's' && args[i+1].kind == 's' {
					m[codeOf(args[i].str)] = firstRune(args[i+1].str)
				}
			}
		case "endbfrange":
			for i := 0; i+2 < len(args); i += 3 {
				lo, hi, dst := codeOf(args[i].str), codeOf(args[i+1].str), args[i+2]
				// A range never spans more codes than a font can have, so a
				// damaged one cannot make this loop run for long.
				for c := lo; c <= hi && c-lo < maxCIDEntries && len(m) < maxCIDEntries; c++ {
					switch {
					case dst.kind == 's':
						m[c] = firstRune(dst.str) + rune(c-lo)
					case dst.kind == 'a' && c-lo < len(dst.arr) && dst.arr[c-lo].kind == 's':
						m[c] = firstRune(dst.arr[c-lo].str)
					}
				}
			}
		}
	})
	return m
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
