package document

import (
	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/typography"
)

// typeset applies the language's typographic rules to every text of the
// document: authors type plain text ("Gérer les incidents: post-mortem"),
// the brochure shows it set ("incidents : post-mortem" with a no-break
// space). Fonts without U+202F get U+00A0 instead.
func (d *Doc) typeset(lay *design.Layout) error {
	rules, err := typography.For(d.Lang)
	if err != nil {
		return nil // a language without rules is shown as typed
	}
	if body := lay.Styles["body"].Face; body != nil && !body.Has('\u202f') {
		rules = rules.WithoutNarrowSpace()
	}
	fix := func(s *string) { *s = rules.Apply(*s) }
	all := func(list []string) []string {
		out := make([]string, len(list))
		for i, s := range list {
			out[i] = rules.Apply(s)
		}
		return out
	}
	fix(&d.Title)
	fix(&d.Kicker)
	fix(&d.Tagline)
	d.Intro = all(d.Intro)
	g := &d.Glance
	fix(&g.Heading)
	fix(&g.SalaryLabel)
	fix(&g.ToolsLabel)
	fix(&g.SectorsLabel)
	g.Sectors = all(g.Sectors)
	for i := range d.Sections {
		s := &d.Sections[i]
		fix(&s.Heading)
		s.Body = all(s.Body)
		s.Items = all(s.Items)
		fix(&s.Note)
		groups := make([]Group, len(s.Groups))
		for j, gr := range s.Groups {
			groups[j] = Group{Label: rules.Apply(gr.Label), Tools: gr.Tools, Items: all(gr.Items)}
		}
		s.Groups = groups
		if s.Salary != nil {
			sal := *s.Salary
			sal.Columns = [3]string{rules.Apply(sal.Columns[0]), rules.Apply(sal.Columns[1]), rules.Apply(sal.Columns[2])}
			rows := make([]SalaryRow, len(sal.Rows))
			for j, r := range sal.Rows {
				r.Label = rules.Apply(r.Label)
				rows[j] = r
			}
			sal.Rows = rows
			s.Salary = &sal
		}
	}
	c := &d.CTA
	fix(&c.Heading)
	fix(&c.Body)
	fix(&c.EmailLabel)
	fix(&c.WebLabel)
	return nil
}
