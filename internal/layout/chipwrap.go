package layout

import "github.com/brochure-dev/brochure/internal/typeset"

// chipWidths are the widths of the tags chips would draw for names in
// a width w: a name too long for one line takes the whole width.
func chipWidths(names []string, ts typeset.Style, w float64) []float64 {
	ws := make([]float64, len(names))
	for i, n := range names {
		ws[i] = min(ts.Width(typeset.Visible(n, ts))+2*chipPadX, w)
	}
	return ws
}

// chipRows fills rows of tags of the given widths up to wrap, and
// returns the width of each row.
func chipRows(widths []float64, wrap float64) []float64 {
	var rows []float64
	x := 0.0
	for i, cw := range widths {
		if i == 0 || x > 0 && x+cw > wrap {
			rows = append(rows, 0)
			x = 0
		}
		x += cw
		rows[len(rows)-1] = x
		x += chipGapX
	}
	return rows
}

// chipWrap is where rows of tags of the given widths wrap in a width w:
// w, unless the last row would end short of two thirds of the longest
// ("Python Go" over three rows, then "Go" alone): then the narrowest
// width, to within a point and down to half of w, that keeps the number
// of rows, so that the rows are of even length, as setBalanced sets
// display text.
func chipWrap(widths []float64, w float64) float64 {
	rows := chipRows(widths, w)
	n := len(rows)
	if n < 2 {
		return w
	}
	longest := 0.0
	for _, r := range rows {
		longest = max(longest, r)
	}
	if rows[n-1] >= longest*2/3 {
		return w
	}
	lo, hi := w/2, w
	for _, cw := range widths {
		lo = max(lo, cw)
	}
	if len(chipRows(widths, lo)) == n {
		return lo
	}
	return narrowest(lo, hi, 1, func(w float64) bool { return len(chipRows(widths, w)) == n })
}
