package typography

import "strings"

// quoteStyle is how a language writes quotation marks and apostrophes.
type quoteStyle struct {
	open, close      string // what a straight double quote becomes
	openers, closers string // curly marks that open or close, set as open and close
	// apostrophe is what the straight single quote at s[i] becomes, or
	// "" to leave it.
	apostrophe func(s string, i int) string
}

// curl sets the quotation marks and apostrophes of s in a language's
// style, outside the protected spans.
func curl(s string, prot []span, q quoteStyle) string {
	if !containsAny(s, quoteBytes) {
		return s
	}
	e := editor{s: s}
	open := false
	scan(s, prot, func(i int) bool { return quoteBytes[s[i]] }, func(i, _ int) int {
		c, n := runeAt(s, i)
		switch {
		case c == '"':
			open = opens(s, i, n, open)
			if open {
				e.replace(i, i+n, q.open)
			} else {
				e.replace(i, i+n, q.close)
			}
		case strings.ContainsRune(q.openers, c):
			e.replace(i, i+n, q.open)
			open = true
		case strings.ContainsRune(q.closers, c):
			e.replace(i, i+n, q.close)
			open = false
		case c == '\'':
			if a := q.apostrophe(s, i); a != "" {
				e.replace(i, i+n, a)
			}
		}
		return i + n
	})
	return e.result()
}
