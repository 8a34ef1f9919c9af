package typography

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Protected text is copied through untouched by every rule:
//
//   - a span in backquotes, `like this`, backquotes included (an unpaired
//     backquote protects the rest of its word);
//   - a word (text between white space, without the punctuation that
//     opens or closes it) that is a URL ("https://…", "www.…",
//     "mailto:…"), contains "@" (e-mail addresses, handles), or has a
//     slash between two letters or digits ("CI/CD", "24h/24", "TCP/IP",
//     "21/11/2026").
//
// span is a protected span of a string, s[start:end].
type span struct{ start, end int }

// protect appends to dst the protected spans of s, in order.
func protect(s string, dst []span) []span {
	if !containsAny(s, guardBytes) && !containsFold(s, "www.") && !containsFold(s, "mailto:") {
		return dst
	}
	for i := 0; ; {
		a, b := nextProtected(s, i)
		if a == len(s) {
			return dst
		}
		dst = append(dst, span{a, b})
		i = b
	}
}

// guard walks the protected spans of a string from left to right: a pass
// skips from start to end when it reaches start.
type guard struct {
	spans      []span
	start, end int // the next protected span; len(s), len(s) if none
	n          int // len(s)
}

func newGuard(s string, spans []span) guard {
	g := guard{spans: spans, n: len(s)}
	g.next()
	return g
}

func (g *guard) next() {
	if len(g.spans) == 0 {
		g.start, g.end = g.n, g.n
		return
	}
	g.start, g.end = g.spans[0].start, g.spans[0].end
	g.spans = g.spans[1:]
}

// skip moves past the span at g.start and returns its end.
func (g *guard) skip() int {
	i := g.end
	g.next()
	return i
}

// scan visits the offsets of s outside the protected spans where match
// holds. visit gets the offset and the start of the next protected span
// (what it may read up to), and returns where scanning goes on.
func scan(s string, prot []span, match func(i int) bool, visit func(i, lim int) int) {
	g := newGuard(s, prot)
	for i := 0; i < len(s); {
		switch {
		case i == g.start:
			i = g.skip()
		case !match(i):
			i++
		default:
			i = visit(i, g.start)
		}
	}
}

var guardBytes = newByteSet("/@`")

// nextProtected finds the first protected span at or after from.
func nextProtected(s string, from int) (start, end int) {
	for i := from; i < len(s); {
		if s[i] == '`' {
			if k := strings.IndexByte(s[i+1:], '`'); k >= 0 {
				return i, i + 1 + k + 1
			}
			end, _ := wordEnd(s, i+1)
			return i, end
		}
		if c := s[i]; c < utf8.RuneSelf && wordBytes[c]&wordStop != 0 {
			i++ // white space (the backquote was handled above)
			continue
		}
		if r, n := runeAt(s, i); isSpace(r) {
			i += n
			continue
		}
		j, candidate := wordEnd(s, i)
		if candidate {
			if a, b := trimWord(s, i, j); a < b && protectedWord(s[a:b]) {
				return a, b
			}
		}
		i = j
	}
	return len(s), len(s)
}

// wordEnd is the end of the word starting at s[i]: the next white space
// or backquote. candidate tells whether the word may be protected: it
// holds "/" or "@", or starts with "w" or "m" (after opening punctuation).
func wordEnd(s string, i int) (end int, candidate bool) {
	start := true
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			k := wordBytes[c]
			if k&wordStop != 0 {
				return i, candidate
			}
			candidate = candidate || k&wordMark != 0 || start && k&wordFirst != 0
			start = start && k&wordOpener != 0
			i++
			continue
		}
		if !start && c != 0xc2 && c != 0xe1 && c != 0xe2 && c != 0xe3 {
			i++ // no white space starts with this byte (nor any rune, if c is a continuation byte)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return i, candidate
		}
		start = start && in(r, openers)
		i += n
	}
	return i, candidate
}

// Classes of ASCII bytes for wordEnd.
const (
	wordStop   = 1 << iota // white space, backquote
	wordMark               // "/", "@"
	wordFirst              // "w", "m": www., mailto:
	wordOpener             // opening punctuation
)

var wordBytes = func() (t [utf8.RuneSelf]uint8) {
	for _, c := range " \t\n\v\f\r`" {
		t[c] |= wordStop
	}
	t['/'] |= wordMark
	t['@'] |= wordMark
	for _, c := range "wWmM" {
		t[c] |= wordFirst
	}
	for _, c := range openers {
		if c < utf8.RuneSelf {
			t[c] |= wordOpener
		}
	}
	return t
}()

// Punctuation that may open or close a word around a URL or a code token.
const (
	openers = "([{«“‘\"'¿¡<"
	closers = ")]}»”’\"'.,;:!?…>"
)

// trimWord narrows s[i:j] to the word without its surrounding punctuation.
func trimWord(s string, i, j int) (int, int) {
	for i < j {
		r, n := runeAt(s, i)
		if !in(r, openers) {
			break
		}
		i += n
	}
	for j > i {
		r, n := utf8.DecodeLastRuneInString(s[i:j])
		if !in(r, closers) {
			break
		}
		j -= n
	}
	return i, j
}

// protectedWord reports whether w is a URL, an address or a code-like token.
func protectedWord(w string) bool {
	if strings.Contains(w, "://") || strings.IndexByte(w, '@') >= 0 ||
		hasPrefixFold(w, "www.") || hasPrefixFold(w, "mailto:") {
		return true
	}
	for k := strings.IndexByte(w, '/'); k >= 0; {
		before, _ := runeBefore(w, k)
		after, _ := runeAt(w, k+1)
		if isWord(before) && isWord(after) {
			return true
		}
		next := strings.IndexByte(w[k+1:], '/')
		if next < 0 {
			break
		}
		k += 1 + next
	}
	return false
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// containsFold reports whether s contains the ASCII string sub, ignoring case.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i]|0x20 == sub[0]|0x20 && strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}
