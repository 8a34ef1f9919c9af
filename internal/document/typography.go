package document

import (
	"github.com/brochure-dev/brochure/internal/design"
)

// typeset applies the language's typographic rules to every text of the
// document: authors type plain text ("Gérer les incidents: post-mortem"),
// the brochure shows it set ("incidents : post-mortem" with a no-break
// space). Fonts without U+202F get U+00A0 instead.
func (d *Doc) typeset(lay *design.Layout) error {
	apply, err := d.rules(lay)
	if apply == nil {
		return err
	}
	fix := func(s *string) { *s = apply(*s) }
	all := func(list []string) []string {
		out := make([]string, len(list))
		for i, s := range list {
			out[i] = apply(s)
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
			groups[j] = Group{Label: apply(gr.Label), Tools: gr.Tools, Items: all(gr.Items)}
		}
		s.Groups = groups
		if s.Salary != nil {
			sal := *s.Salary
			sal.Columns = [3]string{apply(sal.Columns[0]), apply(sal.Columns[1]), apply(sal.Columns[2])}
			rows := make([]SalaryRow, len(sal.Rows))
			for j, r := range sal.Rows {
				r.Label = apply(r.Label)
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
