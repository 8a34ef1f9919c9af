package layout

import (
	"fmt"
	"slices"
	"strings"

	"github.com/brochure-dev/brochure/internal/typeset"
	"github.com/brochure-dev/brochure/internal/units"
)

// Report says what the layout did that a person may want to know: the
// type scale copy-fitting chose, how loose each justified paragraph is,
// which blocks were pushed to the next column, and pages left emptier
// than they should be.
type Report struct {
	// Scale is the factor applied to every type size (1: as designed).
	Scale      float64
	Paragraphs []ParagraphStat
	Pushes     []Push
	// Warnings are problems that do not stop the build.
	Warnings []string
	// emptyPages are the pages (from 1) emptiness warned of, which
	// emptyFeet leaves to it.
	emptyPages map[int]bool
}

// ParagraphStat measures the spacing of one set paragraph.
type ParagraphStat struct {
	Start       string // the paragraph's first words
	Lines       int
	Justified   bool
	Hyphens     int     // lines ending with an added hyphen
	MaxStretch  float64 // widest word space, as a multiple of its natural width (lines but the last)
	MeanStretch float64
	// Tracking is the widest letter-spacing a line took, as a fraction
	// of its type size.
	Tracking float64
	Greedy   bool // no total-fit solution: filled line by line
}

// Push is a block that went to the next column to keep rules (headings
// with what follows, no widows or orphans, whole list items and rows),
// leaving space behind.
type Push struct {
	Section string
	Page    int     // from 1
	Column  int     // from 1, counted across the page
	Left    float64 // space left at the bottom of the column, points
}

// paragraph records a set paragraph's spacing.
func (r *Report) paragraph(p typeset.Paragraph, justified bool) {
	st := ParagraphStat{Lines: len(p.Lines), Justified: justified, Greedy: p.Greedy, MaxStretch: 1, MeanStretch: 1}
	if len(p.Lines) > 0 {
		st.Start = firstWords(p.Lines[0].Text(), 6)
	}
	n, sum := 0, 0.0
	for i, l := range p.Lines {
		if l.Hyphenated {
			st.Hyphens++
		}
		if i == len(p.Lines)-1 {
			continue
		}
		for _, r := range l.Runs {
			st.Tracking = max(st.Tracking, r.Tracking/r.Style.Size)
		}
		for _, sp := range l.Spaces {
			st.MaxStretch = max(st.MaxStretch, sp)
			sum += sp
			n++
		}
	}
	if n > 0 {
		st.MeanStretch = sum / float64(n)
	}
	r.Paragraphs = append(r.Paragraphs, st)
	for _, w := range p.Forced {
		r.warnOnce(fmt.Sprintf("%q is wider than its line: broken between letters", shorten(w, 40)))
	}
}

// warnOnce adds a warning unless the report has it already.
func (r *Report) warnOnce(w string) {
	if !slices.Contains(r.Warnings, w) {
		r.Warnings = append(r.Warnings, w)
	}
}

// shorten cuts s to at most n characters, with an ellipsis.
func shorten(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		return strings.Join(f[:n], " ") + "…"
	}
	return strings.Join(f, " ")
}

// pushes records the columns a block left early: where the next block
// would have fitted by height but went on because of a keep rule.
func (r *Report) pushes(blocks []*block, regions []region, placed []placement) {
	perPage := map[int]int{}
	for _, reg := range regions {
		perPage[reg.page]++
	}
	for i := 1; i < len(placed); i++ {
		prev, p := placed[i-1], placed[i]
		if p.reg == prev.reg {
			continue
		}
		left := regions[prev.reg].bot - (prev.top + prev.block.height)
		if left >= p.block.before+p.block.height {
			reg := regions[prev.reg]
			col := prev.reg - firstRegionOf(regions, reg.page) + 1
			r.Pushes = append(r.Pushes, Push{Section: p.block.section, Page: reg.page + 1, Column: col, Left: left})
		}
	}
}

func firstRegionOf(regions []region, page int) int {
	for i, r := range regions {
		if r.page == page {
			return i
		}
	}
	return 0
}

// emptiness warns about pages whose columns are more than a quarter
// empty.
func (r *Report) emptiness(regions []region, placed []placement, pages int) {
	used := make([]float64, len(regions))
	for _, p := range placed {
		used[p.reg] = max(used[p.reg], p.top+p.block.height-regions[p.reg].top)
	}
	for pg := 0; pg < pages; pg++ {
		total, filled := 0.0, 0.0
		for i, reg := range regions {
			if reg.page == pg {
				total += reg.bot - reg.top
				filled += used[i]
			}
		}
		if total > 0 && filled/total < 0.75 {
			if r.emptyPages == nil {
				r.emptyPages = map[int]bool{}
			}
			r.emptyPages[pg+1] = true
			r.Warnings = append(r.Warnings, fmt.Sprintf("page %d is %.0f %% empty (%.0f mm of column space unused)",
				pg+1, 100*(1-filled/total), units.Length(total-filled).Millimetres()))
		}
	}
}

// String writes the report for people, one fact a line.
func (r *Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "type scale %.0f %%\n", r.Scale*100)
	for _, p := range r.Paragraphs {
		if !p.Justified && p.Hyphens == 0 {
			continue
		}
		fmt.Fprintf(&b, "paragraph %q: %d lines, %d hyphens, spaces max ×%.2f mean ×%.2f", p.Start, p.Lines, p.Hyphens, p.MaxStretch, p.MeanStretch)
		if p.Tracking > 0 {
			fmt.Fprintf(&b, ", letter-spacing up to %.1f %%", 100*p.Tracking)
		}
		if p.Greedy {
			b.WriteString(" (greedy)")
		}
		b.WriteString("\n")
	}
	for _, p := range r.Pushes {
		fmt.Fprintf(&b, "pushed: section %q to the next column, leaving %.1f mm at the foot of page %d column %d\n", p.Section, units.Length(p.Left).Millimetres(), p.Page, p.Column)
	}
	for _, w := range r.Warnings {
		fmt.Fprintf(&b, "warning: %s\n", w)
	}
	return b.String()
}
