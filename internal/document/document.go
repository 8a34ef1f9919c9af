// Package document builds the model of one brochure: a role's content in
// one language, with the sections a layout asks for in its order, and
// every figure formatted for the language. It knows nothing of pages.
package document

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/brochure-dev/brochure/internal/content"
	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/locale"
)

// Doc is a brochure's content, ready to lay out.
type Doc struct {
	Role    string // role id
	Lang    string
	Locale  *locale.Locale
	Title   string
	Kicker  string
	Tagline string
	Intro   []string
	Glance  Glance
	// Sections in the layout's order.
	Sections []Section
	CTA      CTA
	// Date is the content's date, or SOURCE_DATE_EPOCH's.
	Date time.Time
	// Subject and Keywords describe the brochure in the PDF's metadata.
	Subject  string
	Keywords []string
	// Personal is what a personal edition adds; nil for a generic one.
	Personal *Personal
}

// Glance is the at-a-glance panel.
type Glance struct {
	Heading             string
	SalaryLabel, Salary string // Salary: the whole span, formatted
	ToolsLabel          string
	Tools               []string
	SectorsLabel        string
	Sectors             []string
}

// Section is a titled part of the brochure.
type Section struct {
	ID, Heading string
	Body        []string
	Items       []string
	Groups      []Group
	Salary      *Salary // nil unless the section shows pay levels
	Note        string
}

// Group is a labelled set of skills: tools (shown as tags) and items.
type Group struct {
	Label string
	Tools []string
	Items []string
}

// Salary is the pay table and chart.
type Salary struct {
	Columns [3]string
	Rows    []SalaryRow
	// Scale is the span of the chart's axis, in currency units.
	ScaleMin, ScaleMax int
	// Ticks are the axis graduations with their labels.
	Ticks []Tick
}

// SalaryRow is one level, its figures formatted.
type SalaryRow struct {
	Label, Years, Pay string
	Min, Max          int
	Open              bool // the top is exceeded
}

// Tick is a graduation of the salary axis.
type Tick struct {
	Value int
	Label string
}

// CTA is the call to action with its links.
type CTA struct {
	Heading, Body     string
	EmailLabel, Email string
	WebLabel, Web     string
	// Link is where the web address leads: Web, or Web tagged with a
	// campaign in a personal edition. QR codes encode it.
	Link  string
	Phone string
	// Person is the salesperson of a personal edition, shown instead of
	// the brand's contact; nil for a generic edition.
	Person *Person
}

// Build makes the document of role in lang for the layout.
func Build(role *content.Role, lang string, lay *design.Layout) (*Doc, error) {
	text := role.Texts[lang]
	if text == nil {
		return nil, fmt.Errorf("role %s has no %s text (%s/%s.toml); its languages: %s", role.ID, lang, role.Dir, lang, strings.Join(role.Facts.Languages, ", "))
	}
	loc, err := locale.For(lang)
	if err != nil {
		return nil, fmt.Errorf("%s/%s.toml: %w", role.Dir, lang, err)
	}
	if err := checkCoverage(role, lang, lay); err != nil {
		return nil, err
	}
	f := &role.Facts
	d := &Doc{
		Role: role.ID, Lang: lang, Locale: loc,
		Title: text.Title, Kicker: text.Kicker, Tagline: text.Tagline, Intro: text.Intro,
		Date: f.Updated,
		CTA: CTA{
			Heading: text.CTA.Heading, Body: text.CTA.Body,
			EmailLabel: text.CTA.EmailLabel, Email: f.Contact.Email,
			WebLabel: text.CTA.WebLabel, Web: f.Contact.Web, Link: f.Contact.Web,
			Phone: lay.Brand.Phone,
		},
	}
	d.Glance = Glance{
		Heading:     text.Glance.Heading,
		SalaryLabel: text.Glance.SalaryLabel, Salary: salarySpan(loc, f.Salary),
		ToolsLabel: text.Glance.ToolsLabel, Tools: f.KeyTools,
		SectorsLabel: text.Glance.SectorsLabel, Sectors: text.Glance.Sectors,
	}
	var errs []error
	for _, id := range lay.Sections {
		s := text.Sections[id]
		if s == nil {
			errs = append(errs, lay.Errorf([]string{"sections"}, "sections: unknown section %q: role %s has %s", id, role.ID, sectionIDs(text)))
			continue
		}
		d.Sections = append(d.Sections, section(id, s, f, loc))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if err := d.typeset(lay); err != nil {
		return nil, fmt.Errorf("%s/%s.toml: %w", role.Dir, lang, err)
	}
	d.Subject = d.Tagline
	d.Keywords = append(append([]string{d.Title}, f.KeyTools...), d.Glance.Sectors...)
	return d, nil
}

func section(id string, s *content.Section, f *content.Facts, loc *locale.Locale) Section {
	out := Section{ID: id, Heading: s.Heading, Body: s.Body, Items: s.Items, Note: s.Note}
	for _, g := range s.Groups {
		out.Groups = append(out.Groups, Group{Label: g.Label, Tools: f.Tools[g.ID], Items: g.Items})
	}
	if len(s.Levels) > 0 {
		out.Salary = salary(s, f.Salary, loc)
	}
	return out
}

func sectionIDs(t *content.Text) string {
	var ids []string
	for id := range t.Sections {
		ids = append(ids, id)
	}
	sortStrings(ids)
	return strings.Join(ids, ", ")
}
