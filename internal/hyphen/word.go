package hyphen

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// stackRunes is the longest word part hyphenated without heap buffers.
const stackRunes = 64

// Points returns the byte offsets in word where a hyphen may go, in
// increasing order, honouring the minimum fragment lengths (in runes)
// LeftMin and RightMin of every hyphen- or apostrophe-separated part.
// An offset p means word[:p] + "-" ends a line and word[p:] starts the
// next. Leading and trailing punctuation is allowed and never split; a word
// with a capital letter, a digit, a URL or an e-mail address, or anything
// but letters, apostrophes and hyphens between its first and last letters,
// gets nil. See the package documentation for the full rules.
func (h *Hyphenator) Points(word string) []int {
	var buf [16]int
	pts := h.AppendPoints(buf[:0], word)
	if len(pts) == 0 {
		return nil
	}
	return slices.Clone(pts)
}

// AppendPoints appends the points that Points would return to dst and
// returns the extended slice; with a dst of enough capacity it does not
// allocate.
func (h *Hyphenator) AppendPoints(dst []int, word string) []int {
	core, off := trimToken(word)
	if !eligible(word, off, core, h.capitalised) || h.isNever(core) {
		return dst
	}
	// A compound written with a hyphen ("e-commerce", "post-mortem")
	// breaks only at its own hyphen, but in languages that hyphenate its
	// parts (German): a hyphen added inside one of them reads badly
	// ("e-com-merce").
	if !h.compoundParts && strings.IndexFunc(core, isHyphen) >= 0 {
		return dst
	}
	// Apostrophe-separated parts ("d’infrastructure"). A part as long as
	// its container is the same string, already looked up in the
	// never-list.
	for comp := range splitOn(core, isHyphen) {
		if len(comp.s) < len(core) && h.isNever(comp.s) {
			continue
		}
		for part := range splitOn(comp.s, isApostrophe) {
			if len(part.s) < len(comp.s) && h.isNever(part.s) {
				continue
			}
			dst = h.appendPart(dst, part.s, off+comp.at+part.at)
		}
	}
	return dst
}

// appendPart appends the points of part, a run of letters hyphenated as a
// word of its own, shifted by base bytes.
func (h *Hyphenator) appendPart(dst []int, part string, base int) []int {
	left, right := max(h.LeftMin, 1), max(h.RightMin, 1)
	n := utf8.RuneCountInString(part)
	if n < left+right {
		return dst
	}
	if at, ok := h.set.exceptions[part]; ok {
		for _, k := range at {
			if int(k) >= left && int(k) <= n-right {
				dst = append(dst, base+runeOffset(part, int(k)))
			}
		}
		return dst
	}
	var (
		wordBuf  [stackRunes + 2]byte
		levelBuf [stackRunes + 3]uint8
		offBuf   [stackRunes]int32
	)
	var (
		w      []byte
		levels []uint8
		offs   []int32
	)
	if n <= stackRunes {
		w, levels, offs = wordBuf[:0], levelBuf[:n+3], offBuf[:0]
	} else {
		w, levels, offs = make([]byte, 0, n+2), make([]uint8, n+3), make([]int32, 0, n)
	}
	t := h.set.trie
	w = append(w, t.dot)
	for i, r := range part {
		w = append(w, t.alpha.code(foldRune(r)))
		offs = append(offs, int32(i))
	}
	w = append(w, t.dot)
	t.apply(w, levels)
	// levels[k+1] is the gap before rune k of part.
	for k := left; k <= n-right; k++ {
		if levels[k+1]%2 == 1 {
			if r, _ := utf8.DecodeRuneInString(part[offs[k]:]); unicode.IsMark(r) {
				continue // never split a letter from its combining mark
			}
			dst = append(dst, base+int(offs[k]))
		}
	}
	return dst
}

// isNever reports whether s is on the Hyphenator's never-list.
func (h *Hyphenator) isNever(s string) bool {
	if len(h.never) == 0 {
		return false
	}
	if _, ok := h.never[s]; ok {
		return true
	}
	if !h.capitalised {
		return false // words with capitals never get this far
	}
	_, ok := h.never[strings.ToLower(s)]
	return ok
}

// trimToken strips leading and trailing runes that are not letters
// (punctuation, quotes, brackets, apostrophes, hyphens) and returns the
// rest with its byte offset in tok. The core is empty if tok has no letter.
func trimToken(tok string) (core string, off int) {
	start := strings.IndexFunc(tok, isLetter)
	if start < 0 {
		return "", 0
	}
	end := strings.LastIndexFunc(tok, isLetter)
	_, size := utf8.DecodeRuneInString(tok[end:])
	end += size
	// Combining marks after the last letter belong to it.
	for end < len(tok) {
		r, size := utf8.DecodeRuneInString(tok[end:])
		if !unicode.IsMark(r) {
			break
		}
		end += size
	}
	return tok[start:end], start
}

// eligible reports whether tok, whose core (as returned by trimToken)
// starts at byte off, may be hyphenated: no digit, '/', '@', '_' (hence no
// "://") and no upper- or title-case rune anywhere in tok, and a core of
// letters, combining marks, apostrophes and hyphens only — so no '.', ':'
// or other symbol inside, which rules out domain names, URLs and e-mail
// addresses.
func eligible(tok string, off int, core string, capitalised bool) bool {
	if core == "" {
		return false
	}
	end := off + len(core)
	// initial is true where a capital may stand when capitalised: at the
	// start of the core and after an explicit hyphen ("Cloud-Betrieb").
	initial := true
	for i, r := range tok {
		inCore := i >= off && i < end
		first := inCore && initial
		if inCore {
			initial = isHyphen(r)
		}
		if r < utf8.RuneSelf {
			switch {
			case 'a' <= r && r <= 'z':
			case 'A' <= r && r <= 'Z':
				if !capitalised || !first {
					return false
				}
			case '0' <= r && r <= '9', r == '/', r == '@', r == '_':
				return false
			case inCore && r != '\'' && r != '-':
				return false
			}
			continue
		}
		if unicode.IsUpper(r) || unicode.IsTitle(r) {
			if !capitalised || !first {
				return false
			}
			continue
		}
		if unicode.IsNumber(r) {
			return false
		}
		if inCore && !isLetter(r) && !unicode.IsMark(r) && !isApostrophe(r) && !isHyphen(r) {
			return false
		}
	}
	return true
}

// isLetter reports whether r is a letter of a word (not an apostrophe,
// although U+02BC is a letter to Unicode).
func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) && !isApostrophe(r)
}

// isApostrophe reports whether r is an apostrophe: ASCII ', ’ (U+2019) or
// the modifier letter apostrophe ʼ (U+02BC).
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// isHyphen reports whether r is an explicit hyphen: ASCII '-', U+2010
// HYPHEN or U+2011 NON-BREAKING HYPHEN.
func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// span is a substring and its byte offset in the string it was cut from.
type span struct {
	s  string
	at int
}

// splitOn yields the non-empty runs of s between runes for which sep is
// true.
func splitOn(s string, sep func(rune) bool) func(yield func(span) bool) {
	return func(yield func(span) bool) {
		start := 0
		for i, r := range s {
			if !sep(r) {
				continue
			}
			if i > start && !yield(span{s[start:i], start}) {
				return
			}
			start = i + utf8.RuneLen(r)
		}
		if start < len(s) {
			yield(span{s[start:], start})
		}
	}
}

// runeOffset returns the byte offset of rune k of s.
func runeOffset(s string, k int) int {
	for i := range s {
		if k == 0 {
			return i
		}
		k--
	}
	return len(s)
}
