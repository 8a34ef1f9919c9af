package typography

import "strings"

// French rules (Imprimerie nationale). Below, ⍽ is U+00A0 (no-break
// space) and ⁀ is U+202F (narrow no-break space):
//
//	before ":"               ⍽    "Missions : suivre", "Missions: suivre" → "Missions⍽: suivre"
//	before ";" "!" "?"       ⁀    "Pourquoi recruter ?" → "Pourquoi recruter⁀?"
//	inside « »               ⁀    "« by design »" → "«⁀by design⁀»"
//	quotes                   « »  "\"by design\"", "“by design”" → "«⁀by design⁀»"
//	apostrophe               ’    "l'équipe", "aujourd'hui" → "l’équipe", "aujourd’hui"
//
// (Figures are in numbers.go.) Only the space before a mark is fixed,
// never the one after. A plain space, a no-break space of the wrong kind
// or no space at all before the mark becomes the right space. No space
// goes after "(", "?", "!" or "…" before "?" or "!" ("(?)", "?!", "…?"),
// and one typed there is removed. A ":" glued to the text on both sides
// is not punctuation ("10:30", "mailto:x", "std::vector"), nor one before
// "//"; nor are ";" "!" "?" followed by a letter or digit
// ("index.php?id=3"). Spaces at the start of a line are left as typed.
// Straight single quotes other than apostrophes are left alone.

// elision is ’ for a straight quote between two letters (l’équipe), else
// "" to leave it.
func elision(s string, i int) string {
	prev, _ := runeBefore(s, i)
	next, _ := runeAt(s, i+1)
	if isLetter(prev) && isLetter(next) {
		return "’"
	}
	return ""
}

var (
	quoteBytes       = newByteSet("\"'\xc2\xe2")
	frenchSpaceBytes = newByteSet(" :;!?\xc2\xe2")
)

// opens reports whether the straight double quote s[i:i+n] opens a
// quotation: after a space or an opening mark and before a word, or, when
// that does not tell, when no quotation is open.
func opens(s string, i, n int, open bool) bool {
	prev, hasPrev := runeBefore(s, i)
	next, size := runeAt(s, i+n)
	before := !hasPrev || isSpace(prev) || in(prev, "([{«“‘—–")
	after := size == 0 || isSpace(next) || in(next, ".,;:!?)]}»”’…")
	if before != after {
		return before
	}
	return !open
}

// frenchSpacing fixes the spaces before ":" ";" "!" "?" "»" and after "«".
func (r *Rules) frenchSpacing(s string, prot []span) string {
	if !containsAny(s, frenchSpaceBytes) {
		return s
	}
	e := editor{s: s}
	// A mark or a space; but not a single space between words (neither
	// before a mark nor after «, whose last byte is 0xAB).
	match := func(i int) bool {
		return frenchSpaceBytes[s[i]] &&
			!(s[i] == ' ' && i+1 < len(s) && !frenchSpaceBytes[s[i+1]] && (i == 0 || s[i-1] != 0xab))
	}
	scan(s, prot, match, func(i, lim int) int {
		if n := hspaceLen(s, i); n > 0 {
			j := hspaceEnd(s, i, lim)
			r.frenchRun(&e, s, i, j, lim)
			return j
		}
		c, n := runeAt(s, i)
		prev, hasPrev := runeBefore(s, i)
		glued := hasPrev && !isSpace(prev)
		next, _ := runeAt(s, i+n)
		switch c {
		case ':':
			if glued && colonIsMark(s, i, prev) && (beforeMark(prev) || prev == '…') {
				e.replace(i, i, nbsp)
			}
		case ';', '!', '?':
			if glued && !isWord(next) && beforeMark(prev) {
				e.replace(i, i, r.narrow)
			}
		case '»':
			if glued && prev != '«' {
				e.replace(i, i, r.narrow)
			}
		case '«':
			if hspaceLen(s, i+n) == 0 && i+n < len(s) && !isSpace(next) {
				e.replace(i+n, i+n, r.narrow)
			}
		}
		return i + n
	})
	return e.result()
}

// frenchRun sets the run of spaces s[i:j], followed by a protected span
// at p or by ordinary text.
func (r *Rules) frenchRun(e *editor, s string, i, j, p int) {
	prev, hasPrev := runeBefore(s, i)
	next, _ := runeAt(s, j)
	if j == p {
		next = 0
	}
	switch {
	case !hasPrev || isSpace(prev):
		// start of the text or of a line: leave indentation alone
	case prev == '«' || next == '»':
		e.replace(i, j, r.narrow)
		return
	case next == ':':
		if !strings.HasPrefix(s[j+1:], "//") {
			e.replace(i, j, nbsp)
			return
		}
	case next == ';' || next == '!' || next == '?':
		if next != ';' && (in(prev, "?!…(") || strings.HasSuffix(s[:i], "...")) {
			e.replace(i, j, "")
		} else {
			e.replace(i, j, r.narrow)
		}
		return
	}
	r.plainRun(e, s, i, j)
}

// plainRun leaves a run of spaces as typed, but for U+202F when the rules
// must not use it.
func (r *Rules) plainRun(e *editor, s string, i, j int) {
	if r.narrow != nnbsp && strings.Contains(s[i:j], nnbsp) {
		e.replace(i, j, strings.ReplaceAll(s[i:j], nnbsp, r.narrow))
	}
}

// colonIsMark reports whether the ":" at s[i], glued to prev, is
// punctuation rather than part of a time, a URL or an identifier.
func colonIsMark(s string, i int, prev rune) bool {
	next, _ := runeAt(s, i+1)
	return !strings.HasPrefix(s[i+1:], "//") && next != ':' && prev != ':' && !isWord(next)
}

// beforeMark reports whether French wants a space between prev and a
// following ":" ";" "!" "?" typed without one.
func beforeMark(prev rune) bool {
	return isWord(prev) || in(prev, ")]}»”’%€$£°`")
}
