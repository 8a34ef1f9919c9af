package typeset

import "strings"

// breakWord cuts a word wider than width into parts that fit: after a
// slash or hyphen where it can, else before the character that would
// overflow.
func breakWord(word []piece, spans []Span, width float64) [][]piece {
	// Flatten to characters with their piece's span.
	type char struct {
		r    string
		span int32
	}
	var chars []char
	for _, p := range word {
		for _, r := range p.text {
			chars = append(chars, char{string(r), p.span})
		}
	}
	var parts [][]piece
	start := 0
	for start < len(chars) {
		w, end, lastBreak := 0.0, start, -1
		for end < len(chars) {
			cw := spans[chars[end].span].Style.Width(chars[end].r)
			if w+cw > width && end > start {
				break
			}
			w += cw
			if strings.ContainsAny(chars[end].r, "/-‐") {
				lastBreak = end + 1
			}
			end++
		}
		if end < len(chars) && lastBreak > start {
			end = lastBreak
		}
		var part []piece
		for _, c := range chars[start:end] {
			n := len(part)
			if n > 0 && part[n-1].span == c.span {
				part[n-1].text += c.r
			} else {
				part = append(part, piece{text: c.r, span: c.span})
			}
		}
		for i := range part {
			part[i].width = spans[part[i].span].Style.Width(part[i].text)
		}
		parts = append(parts, part)
		start = end
	}
	return parts
}
