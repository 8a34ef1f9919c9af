package typography

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// editor rewrites a string by replacing byte ranges, left to right. It
// allocates only at the first replacement that changes something, so a
// pass over text already correct costs no allocation.
type editor struct {
	s       string
	b       strings.Builder
	done    int // s[:done] is accounted for in b
	changed bool
}

// replace replaces s[i:j] (i >= the end of the previous replacement) by
// repl; i == j inserts.
func (e *editor) replace(i, j int, repl string) {
	if e.s[i:j] == repl {
		return
	}
	if !e.changed {
		e.changed = true
		e.b.Grow(len(e.s) + len(e.s)/8 + 8)
	}
	e.b.WriteString(e.s[e.done:i])
	e.b.WriteString(repl)
	e.done = j
}

// result is the edited string, s itself if nothing changed.
func (e *editor) result() string {
	if !e.changed {
		return e.s
	}
	e.b.WriteString(e.s[e.done:])
	return e.b.String()
}

// runeBefore is the rune ending at s[i], and false at the start of s.
func runeBefore(s string, i int) (rune, bool) {
	if i <= 0 {
		return 0, false
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return rune(c), true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r, true
}

// runeAt is the rune starting at s[i] and its size; size 0 at the end.
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return 0, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// hspaceLen is the size of the horizontal space at s[i] that the rules
// may replace (space, no-break, narrow no-break or thin space), 0 if
// there is none.
func hspaceLen(s string, i int) int {
	switch {
	case i >= len(s):
		return 0
	case s[i] == ' ':
		return 1
	case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0xa0: // U+00A0
		return 2
	case s[i] == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 &&
		(s[i+2] == 0xaf || s[i+2] == 0x89): // U+202F, U+2009
		return 3
	}
	return 0
}

// hspaceBefore is the size of the horizontal space ending at s[i], 0 if
// there is none.
func hspaceBefore(s string, i int) int {
	for n := 1; n <= 3 && n <= i; n++ {
		if hspaceLen(s, i-n) == n {
			return n
		}
	}
	return 0
}

// hspaceEnd is the end of the run of horizontal spaces starting at s[i],
// not going past lim.
func hspaceEnd(s string, i, lim int) int {
	for i < lim {
		n := hspaceLen(s, i)
		if n == 0 {
			break
		}
		i += n
	}
	return min(i, lim)
}

// isWord reports whether r belongs inside a word: a letter, a digit or a
// combining mark.
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isLetter reports whether r is a letter or a combining mark.
func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsMark(r)
}

// isSpace reports whether r is white space of any kind.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// byteSet is a set of bytes. Passes skip the bytes not in their set: a
// lead byte 0xC2 stands for U+0080–U+00BF (U+00A0, « and »), 0xE2 for
// U+2000–U+2FFF (U+202F, U+2009, “ ” ‘ ’ …).
type byteSet [256]bool

func newByteSet(bytes string) *byteSet {
	var b byteSet
	for i := 0; i < len(bytes); i++ {
		b[bytes[i]] = true
	}
	return &b
}

// containsAny reports whether s holds a byte of set.
func containsAny(s string, set *byteSet) bool {
	for i := 0; i < len(s); i++ {
		if set[s[i]] {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// in reports whether r is one of the runes of set.
func in(r rune, set string) bool { return strings.ContainsRune(set, r) }
