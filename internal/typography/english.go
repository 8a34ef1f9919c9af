package typography

import "strings"

// English rules:
//
//	no space before ":" ";" "!" "?"   "Why hire one ?" → "Why hire one?"
//	double quotes “ ”                 "\"by design\"" → "“by design”"
//	single quotes ‘ ’                 "'by design'" → "‘by design’"
//	apostrophe ’                      "don't", "team's", "organisations'", "'90s"
//
// (Figures are in numbers.go.) A space before a mark is removed only
// inside a line, never at its start. Thousands are left as the author
// typed them ("45,000").

// singleQuote is what the straight single quote at s[i] becomes: ’ after
// a word or a closing mark (an apostrophe or a closing quote), ‘ before a
// word (an opening quote; but ’ in "'90s", "'26"), or "" to leave it.
func singleQuote(s string, i int) string {
	prev, hasPrev := runeBefore(s, i)
	if hasPrev && !isSpace(prev) && !in(prev, "([{“‘«—–") {
		return "’"
	}
	next, _ := runeAt(s, i+1)
	if !isWord(next) {
		return ""
	}
	if i+3 <= len(s) && isDigit(s[i+1]) && isDigit(s[i+2]) && (i+3 == len(s) || !isDigit(s[i+3])) {
		return "’"
	}
	return "‘"
}

// englishSpaceBytes are the marks, and the first byte of ¿ and ¡.
var englishSpaceBytes = newByteSet(":;!?\xc2")

// englishSpacing removes the spaces before ":" ";" "!" "?", and after
// Spanish's opening "¿" and "¡" ("¿ Por qué?" → "¿Por qué?").
func (r *Rules) englishSpacing(s string, prot []span) string {
	if !containsAny(s, englishSpaceBytes) && (r.narrow == nnbsp || !strings.Contains(s, nnbsp)) {
		return s
	}
	e := editor{s: s}
	scan(s, prot, func(i int) bool { return hspaceLen(s, i) > 0 }, func(i, lim int) int {
		j := hspaceEnd(s, i, lim)
		prev, hasPrev := runeBefore(s, i)
		next, _ := runeAt(s, j)
		switch {
		case hasPrev && !isSpace(prev) && j < lim && in(rune(s[j]), ":;!?"):
			e.replace(i, j, "")
		case (prev == '¿' || prev == '¡') && j < lim && isWord(next):
			e.replace(i, j, "")
		default:
			r.plainRun(&e, s, i, j)
		}
		return j
	})
	return e.result()
}
