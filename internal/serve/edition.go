package serve

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/brochure-dev/brochure/internal/build"
	"github.com/brochure-dev/brochure/internal/edition"
)

// request is one edition, as the page's form (query parameters) or the
// API's JSON asks for it. Ids are looked up among what is loaded, never
// joined into paths.
type request struct {
	Role    string `json:"role"`
	Lang    string `json:"lang"`
	Layout  string `json:"layout"`
	Variant string `json:"variant"`
	Client  string `json:"client"`
	Contact string `json:"contact"`
	By      string `json:"by"`
	Note    string `json:"note"`
	Date    string `json:"date"`
}

// fields are the request's parameters, in the order of the form.
var fields = []string{"role", "lang", "layout", "variant", "client", "contact", "by", "note", "date"}

// maxField caps any one parameter, in bytes, before the edition's own
// limits (which count characters) are checked.
const maxField = 2048

func fromQuery(v url.Values) request {
	get := func(k string) string { return v.Get(k) }
	return request{Role: get("role"), Lang: get("lang"), Layout: get("layout"), Variant: get("variant"),
		Client: get("client"), Contact: get("contact"), By: get("by"), Note: get("note"), Date: get("date")}
}

// query is the request as query parameters, empty ones left out, in a
// stable order: a link to the page or to the download.
func (r request) query() string {
	var parts []string
	for _, k := range fields {
		if v := r.get(k); v != "" {
			parts = append(parts, k+"="+url.QueryEscape(v))
		}
	}
	return strings.Join(parts, "&")
}

func (r request) get(k string) string {
	switch k {
	case "role":
		return r.Role
	case "lang":
		return r.Lang
	case "layout":
		return r.Layout
	case "variant":
		return r.Variant
	case "client":
		return r.Client
	case "contact":
		return r.Contact
	case "by":
		return r.By
	case "note":
		return r.Note
	}
	return r.Date
}

// withDefaults fills what the request leaves out with the first of each
// list: the page opens on an edition.
func (r request) withDefaults(c *catalog) request {
	if r.Role == "" && len(c.Roles) > 0 {
		r.Role = c.Roles[0].ID
	}
	if r.Layout == "" {
		r.Layout = "a4"
		if c.layout("a4") == nil && len(c.Layouts) > 0 {
			r.Layout = c.Layouts[0].Name
		}
	}
	if role := c.role(r.Role); r.Lang == "" && role != nil && len(role.Languages) > 0 {
		r.Lang = role.Languages[0]
	}
	if r.Variant == "" {
		r.Variant = "screen"
	}
	return r
}

// personal says whether the request asks for a personal edition.
func (r request) personal() bool {
	return r.Client != "" || r.Contact != "" || r.By != "" || r.Note != "" || r.Date != ""
}

// job turns the request into the job it asks for, or the problems that
// keep it from being made.
func (r request) job(st *state) (build.Job, error) {
	p, c := st.project, st.catalog
	var errs []error
	for _, k := range fields {
		if len(r.get(k)) > maxField {
			errs = append(errs, fmt.Errorf("%s: more than %d bytes", k, maxField))
		}
	}
	role, lay := c.role(r.Role), c.layout(r.Layout)
	if role == nil {
		errs = append(errs, fmt.Errorf("role: unknown (roles: %s)", ids(c.Roles, func(r roleInfo) string { return r.ID })))
	} else if !slices.Contains(role.Languages, r.Lang) {
		errs = append(errs, fmt.Errorf("lang: role %s has no such language (its languages: %s)", role.ID, strings.Join(role.Languages, ", ")))
	}
	if lay == nil {
		errs = append(errs, fmt.Errorf("layout: unknown (layouts: %s)", ids(c.Layouts, func(l layoutInfo) string { return l.Name })))
	} else if len(lay.Languages) > 1 && !slices.Contains(lay.Languages, r.Lang) {
		errs = append(errs, fmt.Errorf("lang: layout %s is in %s", lay.Name, strings.Join(lay.Languages, " and ")))
	}
	if r.Variant != "screen" && r.Variant != "print" {
		errs = append(errs, errors.New("variant: screen or print"))
	}
	if r.By != "" && !c.person(r.By) {
		errs = append(errs, fmt.Errorf("by: no such person in the team (team: %s)", ids(c.Team, func(p personInfo) string { return p.ID })))
	}
	if err := errors.Join(errs...); err != nil {
		return build.Job{}, err
	}
	sel := build.Selection{Roles: []string{r.Role}, Layouts: []string{r.Layout}, Variants: []string{r.Variant}, Langs: []string{r.Lang}}
	if len(lay.Languages) > 1 {
		sel.Langs, sel.First = nil, r.Lang
	}
	// A selection's jobs are listed once per loaded content: listing
	// reads folders.
	key := fmt.Sprint(sel.Roles, sel.Langs, sel.Layouts, sel.Variants, sel.First)
	listed, ok := st.jobs.Load(key)
	if !ok {
		jobs, err := p.Jobs(sel)
		listed, _ = st.jobs.LoadOrStore(key, jobList{jobs, err})
	}
	jobs, err := listed.(jobList).jobs, listed.(jobList).err
	if err != nil {
		return build.Job{}, err
	}
	var personal *edition.Personal
	if r.personal() {
		if personal, err = p.Personal(build.Fields{Client: r.Client, Contact: r.Contact, By: r.By, Note: r.Note, Date: r.Date}); err != nil {
			return build.Job{}, err
		}
	}
	for _, j := range jobs {
		if j.Variant == r.Variant {
			j.Personal = personal
			return j, nil
		}
	}
	return build.Job{}, errors.New("no brochure for this choice")
}

// jobList is a selection's jobs, or why there are none.
type jobList struct {
	jobs []build.Job
	err  error
}

func ids[T any](list []T, id func(T) string) string {
	var out []string
	for _, x := range list {
		out = append(out, id(x))
	}
	return strings.Join(out, ", ")
}
