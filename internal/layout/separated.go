package layout

import (
	"strings"

	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/typeset"
)

// listSeparator goes between the items of an inline list ("SaaS ·
// Fintech · Cloud").
const listSeparator = " · "

// separatedLines breaks an inline list into lines no wider than width
// (as measure gives it): a line never ends on a separator, the separator
// at a break is left out, and the last line holds two items or more when
// the line before can spare one, so that no item is left alone under the
// others.
func separatedLines(items []string, width float64, measure func(string) float64) []string {
	var lines [][]string
	for _, it := range items {
		n := len(lines)
		if n > 0 && measure(strings.Join(append(lines[n-1][:len(lines[n-1]):len(lines[n-1])], it), listSeparator)) <= width {
			lines[n-1] = append(lines[n-1], it)
			continue
		}
		lines = append(lines, []string{it})
	}
	if n := len(lines); n >= 2 && len(lines[n-1]) == 1 && len(lines[n-2]) >= 3 {
		prev := lines[n-2]
		moved := append([]string{prev[len(prev)-1]}, lines[n-1]...)
		if measure(strings.Join(moved, listSeparator)) <= width {
			lines[n-2], lines[n-1] = prev[:len(prev)-1], moved
		}
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.Join(l, listSeparator)
	}
	return out
}

// setSeparated sets an inline list of parts ("Northlight Talent SAS · 18
// rue des Lanternes, 69002 Lyon · RCS Lyon 000 000 000") ragged in a
// width, breaking only between parts, as separatedLines does, so that an
// address or a registration number stays whole on its line; a part
// wider than the line wraps inside.
func (c *composer) setSeparated(parts []string, st design.Style, width float64, tag string) *para {
	ts := tstyle(st)
	measure := func(s string) float64 { return ts.Width(s) }
	var all typeset.Paragraph
	for _, line := range separatedLines(parts, width, measure) {
		p := typeset.Set(c.withFallback(plain(line, st)), typeset.Options{Width: width, Align: typeset.Left})
		all.Lines = append(all.Lines, p.Lines...)
		all.Forced = append(all.Forced, p.Forced...)
	}
	return c.newPara(all, st, width, tag)
}
