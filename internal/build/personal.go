package build

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"github.com/brochure-dev/brochure/internal/edition"
	"github.com/brochure-dev/brochure/internal/problem"
	"github.com/brochure-dev/brochure/internal/recipients"
	"github.com/brochure-dev/brochure/internal/safefile"
	"github.com/brochure-dev/brochure/internal/team"
)

// Fields are a personal edition's fields as typed, on the command line
// or in a recipients file, before they are checked.
type Fields struct {
	Client, Contact, By, Note string
	// Date is "YYYY-MM-DD" or "".
	Date string
}

// Team returns the sales team of team.toml beside the content folder, or
// nil when there is none. It is read once.
func (p *Project) Team() (*team.Team, error) {
	p.teamOnce.Do(func() {
		parent := filepath.Dir(filepath.Clean(p.Dir))
		dir := safefile.DirFS(parent)
		shown := displayPath(filepath.Join(parent, team.File))
		data, err := safefile.ReadFile(dir, team.File, shown, safefile.Content)
		if errors.Is(err, fs.ErrNotExist) {
			return
		}
		if err != nil {
			p.teamErr = err
			return
		}
		p.team, p.teamErr = team.Parse(shown, data, func(name string) ([]byte, error) {
			return safefile.ReadFile(dir, name, displayPath(filepath.Join(parent, name)), safefile.Photo)
		})
	})
	return p.team, p.teamErr
}

// Personal checks the fields and makes the edition. Each problem is an
// *edition.Field naming the field.
func (p *Project) Personal(f Fields) (*edition.Personal, error) {
	e := &edition.Personal{
		Client:  edition.Normalize(f.Client, false),
		Contact: edition.Normalize(f.Contact, false),
		Note:    edition.Normalize(f.Note, true),
	}
	errs := []error{e.Check()}
	if f.By != "" {
		t, err := p.Team()
		if err == nil {
			e.By, err = t.Member(strings.TrimSpace(f.By))
		}
		if err != nil {
			errs = append(errs, &edition.Field{Name: "by", Err: err})
		}
	}
	if f.Date != "" {
		d, err := time.Parse(time.DateOnly, strings.TrimSpace(f.Date))
		if err != nil {
			errs = append(errs, &edition.Field{Name: "date", Err: fmt.Errorf("%q: want a date like 2026-12-04", f.Date)})
		}
		e.Date = d
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return e, nil
}

// RecipientJobs reads a recipients file and makes the jobs of each row:
// the row's columns (role, lang, edition, layout, variant) narrow sel, the
// others' values come from sel. A bad row is an error at its line naming
// its column; the jobs of the good rows are returned with the errors.
func (p *Project) RecipientJobs(path string, sel Selection) ([]Job, error) {
	data, err := safefile.ReadPath(path, safefile.Recipients)
	if err != nil {
		return nil, UsageError{Err: fmt.Errorf("--recipients: %w", err)}
	}
	rows, rerr := recipients.Parse(displayPath(path), data)
	errs := []error{rerr}
	var jobs []Job
	seen := map[string]string{} // file → the client that writes it, and where
	type expansion struct {
		jobs []Job
		err  error
	}
	expanded := map[string]expansion{}
	for _, row := range rows {
		at := func(column string, err error) error {
			return &recipients.Error{File: displayPath(path), Line: row.Line, Column: column, Err: err}
		}
		f := Fields{}
		for _, c := range []struct {
			name string
			to   *string
		}{{"client", &f.Client}, {"contact", &f.Contact}, {"by", &f.By}, {"note", &f.Note}, {"date", &f.Date}} {
			if v, ok := row.Get(c.name); ok {
				*c.to = v
			} else {
				*c.to = sel.Fields.get(c.name)
			}
		}
		pe, err := p.Personal(f)
		if err != nil {
			for _, e := range problem.Flatten(err) {
				var fe *edition.Field
				if errors.As(e, &fe) {
					errs = append(errs, at(fe.Name, fe.Err))
				} else {
					errs = append(errs, at("", e))
				}
			}
			continue
		}
		rs := sel
		rs.Fields = Fields{}
		for _, c := range []struct {
			name string
			to   *[]string
		}{{"role", &rs.Roles}, {"lang", &rs.Langs}, {"edition", &rs.Edition}, {"layout", &rs.Layouts}, {"variant", &rs.Variants}} {
			if v, ok := row.Get(c.name); ok && v != "" {
				*c.to = splitCell(v)
			}
		}
		key := fmt.Sprint(rs.Roles, rs.Langs, rs.Layouts, rs.Variants, rs.Edition, rs.First)
		rj, err := expanded[key].jobs, expanded[key].err
		if _, ok := expanded[key]; !ok {
			// Rows mostly share their role, language and layout: the
			// selection is expanded once for all of them.
			rj, err = p.Jobs(rs)
			expanded[key] = expansion{rj, err}
		}
		if err != nil {
			for _, e := range problem.Flatten(err) {
				errs = append(errs, at("", e))
			}
			continue
		}
		for _, j := range rj {
			j.Personal = pe
			name := j.File()
			if prev, ok := seen[name]; ok {
				errs = append(errs, at("client", fmt.Errorf("%q would write %s, as %s does: name them apart", pe.Client, name, prev)))
				continue
			}
			seen[name] = fmt.Sprintf("%q on line %d", pe.Client, row.Line)
			jobs = append(jobs, j)
		}
	}
	return jobs, errors.Join(errs...)
}

// get returns a field by its column name.
func (f Fields) get(name string) string {
	switch name {
	case "client":
		return f.Client
	case "contact":
		return f.Contact
	case "by":
		return f.By
	case "note":
		return f.Note
	}
	return f.Date
}

// splitCell reads a cell like "en,fr", "en fr" or "fr+de".
func splitCell(v string) []string {
	return strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == '|' || r == '+' })
}
