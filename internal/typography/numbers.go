package typography

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Figures, in both languages:
//
//   - a hyphen between two numbers of 1 to 3 digits is a range and becomes
//     an en dash: "0-3" → "0–3", "45-55" → "45–55". Runs of numbers
//     ("2026-11-21", "01-23-45"), identifiers ("A4-5", "CKA-CKAD"),
//     decimals ("2,5-3") and times ("9-12:30") are left alone.
//
// In French only:
//
//   - integers of 5 digits or more are grouped by thousands with a narrow
//     no-break space: "45000" → "45 000". Four-digit numbers are not
//     grouped (CLDR would write "2 026", but most of ours are years), nor
//     numbers starting with 0 (phone numbers, codes), nor digits touching
//     a letter, "+", "-", "_", "/", "@", or a "." "," ":" followed by a
//     digit (versions, decimals, times), nor codes: a number before a
//     capitalised word ("75008 Paris") or after an acronym ("ISO 27001").
//     Numbers already typed with spaces between groups are left as typed;
//   - the space between a number and a unit or currency becomes U+00A0:
//     "45 k€", "100 ms", "50 %"; "%" and currencies typed right after the
//     number get one: "50%" → "50 %", "45€" → "45 €". Nouns ("3 ans")
//     are left alone.

// units follow a number after a space; the first ones may also be typed
// right after it.
var units = [...]string{
	"%", "€", "$", "£", "k€", "K€", "M€", "k$", "K$", "k£", "K£", // glued too
	"ms", "s", "min", "h", "Ko", "Mo", "Go", "To", "km", "kg", "cm", "mm", "°C",
}

const gluedUnits = 11

// unitBytes holds the first bytes of the units.
var unitBytes = func() *byteSet {
	var first []byte
	for _, u := range units {
		first = append(first, u[0])
	}
	return newByteSet(string(first))
}()

// numbers applies the rules on figures.
func (r *Rules) numbers(s string, prot []span) string {
	if !hasDigit(s) {
		return s
	}
	e := editor{s: s}
	scan(s, prot, func(i int) bool { return isDigit(s[i]) }, func(i, lim int) int {
		j := i
		for j < lim && isDigit(s[j]) {
			j++
		}
		prev, hasPrev := runeBefore(s, i)
		if j-i <= 3 && j < lim && s[j] == '-' && (!hasPrev || !isWord(prev) && !in(prev, "+-–_./,:#@&=\\")) {
			// "0-3", "45-55": a range if the second number is short
			// and ends there.
			k := j + 1
			for k < lim && isDigit(s[k]) {
				k++
			}
			if n := k - j - 1; n >= 1 && n <= 3 && rangeEnds(s, k, lim) {
				e.replace(j, j+1, "–")
				return j + 1 // the second number may take a unit
			}
		}
		if r.french {
			if j-i >= 5 && s[i] != '0' && (!hasPrev || !isWord(prev) && !in(prev, "+-_./,:#@&=\\")) &&
				numberEnds(s, j) && !isCode(s, i, j) {
				// A quantity of 5 digits or more: group its thousands.
				for p := i + (j-i-1)%3 + 1; p < j; p += 3 {
					e.replace(p, p, r.narrow)
				}
			}
			r.unit(&e, s, j, lim, hasPrev && isLetter(prev))
		}
		return j
	})
	return e.result()
}

// rangeEnds reports whether the second number of a range may end at s[k].
func rangeEnds(s string, k, lim int) bool {
	if k == len(s) {
		return true
	}
	if k == lim {
		return false
	}
	c := s[k]
	if isDigit(c) || c == '-' || c == '/' || strings.HasPrefix(s[k:], "–") {
		return false
	}
	return !((c == '.' || c == ',' || c == ':') && k+1 < len(s) && isDigit(s[k+1]))
}

// numberEnds reports whether an integer to group may end at s[j].
func numberEnds(s string, j int) bool {
	r, n := runeAt(s, j)
	if n == 0 {
		return true
	}
	if unitAt(s[j:], gluedUnits) {
		return true // "45000€": the unit rule adds the space
	}
	if isWord(r) || in(r, "+-_/@&=\\'’") {
		return false
	}
	return !(in(r, ".,:") && j+1 < len(s) && isDigit(s[j+1]))
}

// isCode reports whether the integer s[i:j] is rather a code: a postal
// code before a city ("75008 Paris"), or a number after an acronym
// ("ISO 27001", "SIREN 123456789").
func isCode(s string, i, j int) bool {
	if k := hspaceEnd(s, j, len(s)); k > j {
		if r, _ := runeAt(s, k); unicode.IsUpper(r) && !unitAt(s[k:], len(units)) {
			return true
		}
	}
	k := i
	for n := hspaceBefore(s, k); n > 0; n = hspaceBefore(s, k) {
		k -= n
	}
	if k == i {
		return false
	}
	upper := 0
	for k > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:k])
		if !unicode.IsUpper(r) {
			if isWord(r) {
				return false // a word with lower case or digits
			}
			break
		}
		upper++
		k -= n
	}
	return upper >= 2
}

// unit puts U+00A0 between the number ending at s[j] and a unit after it.
// afterLetter tells that the number is glued to a letter before it.
func (r *Rules) unit(e *editor, s string, j, lim int, afterLetter bool) {
	if j >= lim {
		return
	}
	if k := hspaceEnd(s, j, lim); k > j {
		if unitAt(s[k:lim], len(units)) {
			e.replace(j, k, nbsp)
		}
		return
	}
	if !afterLetter && unitAt(s[j:lim], gluedUnits) {
		e.replace(j, j, nbsp)
	}
}

// unitAt reports whether t starts with one of the first n units, ending
// there.
func unitAt(t string, n int) bool {
	if t == "" || !unitBytes[t[0]] {
		return false
	}
	for _, u := range units[:n] {
		if strings.HasPrefix(t, u) {
			next, size := runeAt(t, len(u))
			if size == 0 || !isWord(next) && !in(next, "'’_@") {
				return true
			}
		}
	}
	return false
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}
