package layout

import (
	"strings"

	"github.com/brochure-dev/brochure/internal/document"
)

// When a keep gives way (block.give).
const (
	giveToFit  = 1 // when the flow does not fit otherwise
	giveToFill = 2 // also where it leaves a hole that spaces cannot take up
)

// shortList is the most items a list may have and still be kept whole
// in one column; a longer list keeps at least two items at either end.
const shortList = 4

// keepList sets the keep rules of a list's item blocks: a list breaks
// leaving at least two items on either side, and a short one stays
// whole (no "1 / 3" of a four-item list across a page turn) unless that
// leaves a hole vertical justification cannot fill: then it breaks in
// the middle. Where the flow does not fit otherwise, as a last resort,
// the list breaks anywhere, as it did before these rules. The last item's own keep (with a note that
// follows) is left as it is.
func keepList(items []*block) {
	n := len(items)
	for i := 0; i < n-1; i++ {
		switch {
		case i == 0 || i == n-2:
			items[i].keep, items[i].give = true, giveToFit
		case n <= shortList:
			items[i].keep, items[i].give = true, giveToFill
		}
	}
}

// leadIn reports whether a section's last paragraph introduces what
// follows it, and so stays with it: the sentence before a table of pay,
// or one that ends with a colon ("Day to day, an SRE will:"). A
// paragraph that says something of its own may end a column, the list
// after it starting the next.
func leadIn(s document.Section) bool {
	if s.Salary != nil {
		return true
	}
	if len(s.Items) == 0 && len(s.Groups) == 0 {
		return false
	}
	return strings.HasSuffix(strings.TrimSpace(s.Body[len(s.Body)-1]), ":")
}
