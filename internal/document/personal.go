package document

import (
	"fmt"
	"net/url"

	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/edition"
	"github.com/brochure-dev/brochure/internal/team"
	"github.com/brochure-dev/brochure/internal/typography"
)

// Personal is what a personal edition adds to a document, in its
// language, typographic rules applied.
type Personal struct {
	// For introduces the client: "Prepared for".
	For    string
	Client string
	// Attention names the contact: "for the attention of Marie Dupont";
	// "" without one.
	Attention string
	// Date is the edition's date, written out: "4 December 2026"; "" when
	// the edition has none of its own.
	Date string
	// Note is the salesperson's note; "" when it shows in another
	// language's part of the edition, or there is none.
	Note string
	// By says who prepared it: "Prepared by Jeanne Doe"; "" without a
	// salesperson.
	By string
}

// Person is the salesperson a personal edition's call to action names
// instead of the brand's generic contact.
type Person struct {
	Name, Title, Email, Phone string
	// Photo is the person's portrait; nil for none.
	Photo *team.Photo
}

// Personalise makes d the personal edition p: the client on the cover,
// the salesperson in the call to action and the footer, the note where
// note is true (the edition's first language), the client in the
// metadata, and, when the brand runs a campaign, the links to the
// role's page tagged with it (medium: "pdf" or "print").
func (d *Doc) Personalise(p *edition.Personal, lay *design.Layout, note bool, medium string) error {
	loc := d.Locale
	fix, err := d.rules(lay)
	if err != nil {
		return err
	}
	if fix == nil {
		fix = func(s string) string { return s }
	}
	out := &Personal{For: fix(loc.PreparedFor), Client: fix(p.Client)}
	if p.Contact != "" {
		out.Attention = fix(loc.Attention + " " + p.Contact)
	}
	if !p.Date.IsZero() {
		out.Date = loc.Date(p.Date)
		d.Date = p.Date
	}
	if note {
		out.Note = fix(p.Note)
	}
	if m := p.By; m != nil {
		title, err := m.Title(d.Lang)
		if err != nil {
			return err
		}
		out.By = fix(loc.PreparedBy + " " + m.Name)
		d.CTA.Person = &Person{Name: m.Name, Title: fix(title), Email: m.Email, Phone: m.Phone, Photo: m.Photo}
	}
	d.Personal = out
	d.Subject = out.For + " " + out.Client + " · " + d.Subject
	d.Keywords = append([]string{p.Client}, d.Keywords...)
	if src := lay.Brand.Campaign; src != "" {
		link, err := tagLink(d.CTA.Web, src, medium, edition.Slug(p.Client))
		if err != nil {
			return fmt.Errorf("role %s: contact.web %q: %w", d.Role, d.CTA.Web, err)
		}
		d.CTA.Link = link
	}
	return nil
}

// tagLink adds campaign parameters to a URL, keeping its own.
func tagLink(link, source, medium, campaign string) (string, error) {
	u, err := url.Parse(link)
	if err != nil {
		return "", err
	}
	q := u.Query()
	q.Set("utm_source", source)
	q.Set("utm_medium", medium)
	q.Set("utm_campaign", campaign)
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// rules returns the function that applies the language's typographic
// rules; nil when the layout switches them off, and text is shown as
// typed. A language without rules is an error.
func (d *Doc) rules(lay *design.Layout) (func(string) string, error) {
	if !lay.Typography {
		return nil, nil
	}
	rules, err := typography.For(d.Lang)
	if err != nil {
		return nil, err
	}
	if body := lay.Styles["body"].Face; body != nil && !body.Has('\u202f') {
		rules = rules.WithoutNarrowSpace()
	}
	return rules.Apply, nil
}
