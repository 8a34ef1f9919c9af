// Package anchor finds the line of a file that holds a piece of text, so
// that tests state the positions they expect in error messages by
// content ("the line with 'top ='") rather than by number, and survive
// edits of the real content and layouts.
package anchor

import (
	"strconv"
	"strings"
)

// Line returns the 1-based number of the line of data that contains
// text, or of its n-th such line when text ends in "|n"; false when there
// is none.
func Line(data []byte, text string) (int, bool) {
	nth := 1
	if i := strings.LastIndexByte(text, '|'); i >= 0 {
		if n, err := strconv.Atoi(text[i+1:]); err == nil && n > 0 {
			nth, text = n, text[:i]
		}
	}
	for n, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, text) {
			if nth--; nth == 0 {
				return n + 1, true
			}
		}
	}
	return 0, false
}
