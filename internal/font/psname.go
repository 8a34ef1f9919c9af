package font

import (
	"path"
	"strings"
	"unicode/utf16"
)

// maxPSName is the longest PostScript name PDF readers must accept
// (ISO 32000-1, annex C), which leaves room for a subset tag.
const maxPSName = 63 - len("ABCDEF+")

// postScriptName returns the PostScript name (nameID 6) of the 'name'
// table, which may be nil, preferring a Windows Unicode record in US
// English, then any Windows Unicode record, then a Macintosh Roman one.
// Without one, it falls back to the file name without directory and
// extension. Either is reduced by psClean; "Font" if nothing is left.
func postScriptName(name []byte, file string) string {
	best, rank := "", 0
	n := u16(name, 2)
	storage := from(name, u16(name, 4))
	for i := range n {
		rec := 6 + 12*i
		if rec+12 > len(name) {
			break
		}
		platform, encoding, lang, id := u16(name, rec), u16(name, rec+2), u16(name, rec+4), u16(name, rec+6)
		length, off := u16(name, rec+8), u16(name, rec+10)
		if id != 6 || off+length > len(storage) {
			continue
		}
		raw := storage[off : off+length]
		var s string
		var r int
		switch {
		case platform == 3 && (encoding == 1 || encoding == 0):
			s, r = utf16BE(raw), 2
			if lang == 0x409 {
				r = 3
			}
		case platform == 1 && encoding == 0:
			s, r = string(raw), 1
		default:
			continue
		}
		if s = psClean(s); s != "" && r > rank {
			best, rank = s, r
		}
	}
	if best == "" {
		best = psClean(strings.TrimSuffix(path.Base(file), path.Ext(file)))
	}
	if best == "" {
		best = "Font"
	}
	return best
}

// psClean keeps the characters of s that are safe in a PDF name and a
// PostScript name: letters, digits and "-_.", at most maxPSName of them.
func psClean(s string) string {
	var b strings.Builder
	for _, r := range s {
		if b.Len() == maxPSName {
			break
		}
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// utf16BE decodes big-endian UTF-16 (an odd last byte is dropped).
func utf16BE(b []byte) string {
	units := make([]uint16, len(b)/2)
	for i := range units {
		units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(units))
}
