package content

import (
	"github.com/brochure-dev/brochure/internal/lang"

	"fmt"
	"net/mail"
	"net/url"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/brochure-dev/brochure/internal/tomlfile"
)

var languageRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z]{2,3}(-[A-Z]{2})?$`) })

func validLanguage(l string) bool { return languageRE().MatchString(l) }

// checkFacts checks role.toml on its own.
func checkFacts(r *Role, f *tomlfile.File) []error {
	var errs []error
	bad := func(key string, format string, args ...any) {
		errs = append(errs, f.Errorf(strings.Split(key, "."), format, args...))
	}
	facts := &r.Facts
	switch {
	case !f.Has("id"):
		bad("id", "missing id (the role's folder name, %q)", r.ID)
	case facts.ID != r.ID:
		bad("id", "id %q does not match the folder name %q", facts.ID, r.ID)
	}
	if len(facts.Languages) == 0 {
		bad("languages", "languages: list at least one language, like [\"en\", \"fr\"]")
	}
	seen := map[string]bool{}
	for _, l := range facts.Languages {
		if !validLanguage(l) {
			bad("languages", "languages: %q is not a language code like \"en\" or \"fr-CA\"", l)
		} else if _, err := lang.Match(l); err != nil {
			bad("languages", "languages: %v", err)
		}
		if seen[l] {
			bad("languages", "languages: %q is listed twice", l)
		}
		seen[l] = true
	}
	if facts.Updated.IsZero() {
		bad("updated", "missing updated (the date of the content, like 2026-11-21)")
	}
	email, web := facts.Contact.Email, facts.Contact.Web
	if a, err := mail.ParseAddress(email); email == "" {
		bad("contact.email", "missing contact.email (the address for candidates' clients)")
	} else if err != nil || a.Address != email {
		bad("contact.email", "contact.email: %q is not an e-mail address", email)
	}
	if u, err := url.Parse(web); web == "" {
		bad("contact.web", "missing contact.web (the role's web page, https://...)")
	} else if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		bad("contact.web", "contact.web: %q is not a web address (https://...)", web)
	}
	errs = append(errs, checkList(f, "key_tools", facts.KeyTools, true)...)
	for _, id := range sortedKeys(facts.Tools) {
		errs = append(errs, checkList(f, "tools."+id, facts.Tools[id], true)...)
	}
	errs = append(errs, checkSalary(f, facts.Salary)...)
	return errs
}

// The plausible ranges of role.toml's numbers: outside them a figure is
// an error at its line, so that no layout ever sees a typo's ten extra
// digits.
const (
	// MinYearlyPay and MaxYearlyPay bound a level's min and max when the
	// period is "year", in currency units.
	MinYearlyPay, MaxYearlyPay = 1_000, 100_000_000
	// MinMonthlyPay and MaxMonthlyPay bound them when it is "month".
	MinMonthlyPay, MaxMonthlyPay = 100, 10_000_000
	// MaxYears bounds years_min and years_max (from 0).
	MaxYears = 60
	// MaxLevels bounds the number of salary levels.
	MaxLevels = 12
)

// Currencies are the ISO 4217 codes salary.currency may name: those
// internal/locale knows the symbols of in every language.
var Currencies = []string{"EUR", "USD", "GBP", "CHF", "CAD"}

func checkSalary(f *tomlfile.File, s Salary) []error {
	var errs []error
	bad := func(key string, format string, args ...any) {
		errs = append(errs, f.Errorf(strings.Split(key, "."), format, args...))
	}
	switch {
	case s.Currency == "":
		bad("salary.currency", "missing salary.currency (one of %s)", strings.Join(Currencies, ", "))
	case !slices.Contains(Currencies, s.Currency):
		bad("salary.currency", "salary.currency: %q is not one of %s", s.Currency, strings.Join(Currencies, ", "))
	}
	switch {
	case s.Period == "":
		bad("salary.period", "missing salary.period (\"year\" or \"month\")")
	case s.Period != "year" && s.Period != "month":
		bad("salary.period", "salary.period: %q is not \"year\" or \"month\"", s.Period)
	}
	if len(s.Levels) == 0 {
		bad("salary", "salary: no levels")
	}
	if len(s.Levels) > MaxLevels {
		bad("salary.levels", "salary.levels: %d levels, at most %d fit a table and a chart", len(s.Levels), MaxLevels)
	}
	ids := map[string]bool{}
	for i, l := range s.Levels {
		where := fmt.Sprintf("salary level %d (%q)", i+1, l.ID)
		key := func(k ...string) []string {
			return append([]string{"salary", "levels", tomlfile.Index(i)}, k...)
		}
		switch {
		case l.ID == "":
			errs = append(errs, f.Errorf(key("id"), "salary level %d: missing id", i+1))
		case ids[l.ID]:
			errs = append(errs, f.Errorf(key("id"), "%s: id used twice", where))
		}
		ids[l.ID] = true
		plausible := func(k string, v, lo, hi int, what string) bool {
			if v >= lo && v <= hi {
				return true
			}
			name := fmt.Sprintf("salary.levels[%d].%s", i, k)
			if v < lo {
				errs = append(errs, f.Errorf(key(k), "%s: %d is not a plausible %s (at least %d)", name, v, what, lo))
			} else {
				errs = append(errs, f.Errorf(key(k), "%s: %d is not a plausible %s (at most %d)", name, v, what, hi))
			}
			return false
		}
		pay, lo, hi := "yearly salary", MinYearlyPay, MaxYearlyPay
		if s.Period == "month" {
			pay, lo, hi = "monthly salary", MinMonthlyPay, MaxMonthlyPay
		}
		okMin := plausible("min", l.Min, lo, hi, pay)
		if plausible("max", l.Max, lo, hi, pay) && okMin && l.Max < l.Min {
			errs = append(errs, f.Errorf(key("min"), "%s: min %d and max %d: want min ≤ max", where, l.Min, l.Max))
		}
		ok := plausible("years_min", l.YearsMin, 0, MaxYears, "number of years of experience")
		if l.YearsMax != nil {
			ok = plausible("years_max", *l.YearsMax, 0, MaxYears, "number of years of experience") && ok
		}
		if ok && l.YearsMax != nil && *l.YearsMax < l.YearsMin {
			errs = append(errs, f.Errorf(key("years_min"), "%s: years_min and years_max: want years_min ≤ years_max", where))
		}
		if l.YearsMax == nil && i != len(s.Levels)-1 {
			errs = append(errs, f.Errorf(key(), "%s: only the last level may be open-ended (no years_max)", where))
		}
	}
	return errs
}

// checkText checks one language file against the facts.
func checkText(r *Role, t *Text, f *tomlfile.File) []error {
	var errs []error
	required := func(key, v string) {
		if strings.TrimSpace(v) == "" {
			errs = append(errs, f.Errorf(strings.Split(key, "."), "missing %s", key))
		}
	}
	required("title", t.Title)
	required("kicker", t.Kicker)
	required("tagline", t.Tagline)
	required("glance.heading", t.Glance.Heading)
	required("glance.salary_label", t.Glance.SalaryLabel)
	required("glance.tools_label", t.Glance.ToolsLabel)
	required("cta.heading", t.CTA.Heading)
	required("cta.body", t.CTA.Body)
	required("cta.email_label", t.CTA.EmailLabel)
	required("cta.web_label", t.CTA.WebLabel)
	errs = append(errs, checkList(f, "intro", t.Intro, true)...)
	errs = append(errs, checkList(f, "glance.sectors", t.Glance.Sectors, false)...)
	if len(t.Glance.Sectors) > 0 {
		required("glance.sectors_label", t.Glance.SectorsLabel)
	}
	if len(t.Sections) == 0 {
		errs = append(errs, f.Errorf(nil, "no sections"))
	}
	groups := map[string]string{} // section by group id
	for _, id := range sortedKeys(t.Sections) {
		s := t.Sections[id]
		key := "sections." + id
		required(key+".heading", s.Heading)
		errs = append(errs, checkList(f, key+".body", s.Body, false)...)
		errs = append(errs, checkList(f, key+".items", s.Items, false)...)
		for i, g := range s.Groups {
			at := func(k ...string) []string {
				return append([]string{"sections", id, "groups", tomlfile.Index(i)}, k...)
			}
			switch other, used := groups[g.ID]; {
			case g.ID == "":
				errs = append(errs, f.Errorf(at("id"), "section %q: group %d: missing id", id, i+1))
				continue
			case used && other == id:
				errs = append(errs, f.Errorf(at("id"), "section %q: group %d: id %q is used twice", id, i+1, g.ID))
			case used:
				errs = append(errs, f.Errorf(at("id"), "section %q: group %d: id %q is also used in section %q", id, i+1, g.ID, other))
			default:
				groups[g.ID] = id
			}
			if strings.TrimSpace(g.Label) == "" {
				errs = append(errs, f.Errorf(at("label"), "section %q: group %q: missing label", id, g.ID))
			}
			if len(g.Items) == 0 && len(r.Facts.Tools[g.ID]) == 0 {
				errs = append(errs, f.Errorf(at(), "section %q: group %q has neither items nor tools in %s [tools]", id, g.ID, FactsFile))
			}
			for n, item := range g.Items {
				if strings.TrimSpace(item) == "" {
					errs = append(errs, f.Errorf(at("items"), "section %q: group %q: items: entry %d is empty", id, g.ID, n+1))
				}
			}
		}
		if len(s.Levels) > 0 {
			errs = append(errs, checkLevels(r, f, id, s)...)
		}
	}
	return errs
}

// hasGroup reports whether a section of t has a group with the id.
func hasGroup(t *Text, id string) bool {
	for _, s := range t.Sections {
		for _, g := range s.Groups {
			if g.ID == id {
				return true
			}
		}
	}
	return false
}

// checkTools reports the [tools] of role.toml that a language file has
// no group to show.
func checkTools(r *Role, facts *tomlfile.File, langs []string) []error {
	var errs []error
	for _, id := range sortedKeys(r.Facts.Tools) {
		var lacking []string
		for _, lang := range langs {
			if t := r.Texts[lang]; t != nil && !hasGroup(t, id) {
				lacking = append(lacking, path.Join(r.Dir, lang+".toml"))
			}
		}
		if len(lacking) > 0 {
			errs = append(errs, facts.Errorf([]string{"tools", id}, "tools.%s: no group %q to show these tools in %s", id, id, strings.Join(lacking, ", ")))
		}
	}
	return errs
}

func checkLevels(r *Role, f *tomlfile.File, id string, s *Section) []error {
	var errs []error
	key := []string{"sections", id, "levels"}
	for _, l := range r.Facts.Salary.Levels {
		if strings.TrimSpace(s.Levels[l.ID]) == "" {
			errs = append(errs, f.Errorf(key, "section %q: levels: no label for salary level %q", id, l.ID))
		}
	}
	for _, k := range sortedKeys(s.Levels) {
		if !hasLevel(r.Facts.Salary.Levels, k) {
			errs = append(errs, f.Errorf(append(key, k), "section %q: levels: %q is not a salary level of %s (levels: %s)", id, k, FactsFile, strings.Join(levelIDs(r.Facts.Salary.Levels), ", ")))
		}
	}
	if len(s.Columns) != 3 {
		errs = append(errs, f.Errorf([]string{"sections", id, "columns"}, "section %q: columns: want 3 headings (level, experience, pay), have %d", id, len(s.Columns)))
	}
	return errs
}

func levelIDs(levels []Level) []string {
	ids := make([]string, len(levels))
	for i, l := range levels {
		ids[i] = l.ID
	}
	return ids
}

func hasLevel(levels []Level, id string) bool {
	for _, l := range levels {
		if l.ID == id {
			return true
		}
	}
	return false
}

// checkList reports empty entries of a list, and an empty list when one is
// required.
func checkList(f *tomlfile.File, key string, list []string, required bool) []error {
	var errs []error
	k := strings.Split(key, ".")
	name := plainKey(key)
	switch {
	case !required || len(list) > 0:
	case f.Has(strings.Split(name, ".")...):
		errs = append(errs, f.Errorf(k, "%s: empty list", name))
	default:
		errs = append(errs, f.Errorf(k, "missing %s", name))
	}
	for i, s := range list {
		if strings.TrimSpace(s) == "" {
			errs = append(errs, f.Errorf(k, "%s: entry %d is empty", name, i+1))
		}
	}
	return errs
}

// plainKey removes the Index parts of a dotted key, for messages.
func plainKey(key string) string {
	parts := strings.Split(key, ".")
	out := parts[:0]
	for _, p := range parts {
		if !strings.HasPrefix(p, "[") {
			out = append(out, p)
		}
	}
	return strings.Join(out, ".")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
