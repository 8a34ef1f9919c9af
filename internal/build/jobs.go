package build

import (
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/brochure-dev/brochure/internal/content"
	"github.com/brochure-dev/brochure/internal/edition"
	"github.com/brochure-dev/brochure/internal/lang"
	"github.com/brochure-dev/brochure/internal/problem"
)

// Job is one brochure to make: a role in a language with a layout, for
// screen or print.
type Job struct {
	Role, Lang, Layout string
	// Variant is "screen" (or ""), "print", or "imposed": a booklet's
	// pages two-up in printing order, made with its print file.
	Variant string
	// Personal makes a personal edition; nil for the generic one.
	Personal *edition.Personal
}

// Variants are the kinds of file a user asks for.
var Variants = []string{"screen", "print"}

// File is the job's file name: <role>-<lang>-<layout>.pdf for screen,
// <role>-<lang>-<layout>-print.pdf for print (and -imposed.pdf for a
// booklet's imposed sheets); a bilingual edition names its languages in
// order, <role>-en-fr-<layout>.pdf; a personal edition adds its client's
// slug, <role>-<lang>-<layout>-<client>.pdf.
func (j Job) File() string {
	name := j.Role + "-" + strings.ReplaceAll(j.Lang, "+", "-") + "-" + j.Layout
	if j.Personal != nil {
		name += "-" + edition.Slug(j.Personal.Client)
	}
	if j.Variant == "print" || j.Variant == "imposed" {
		name += "-" + j.Variant
	}
	return name + ".pdf"
}

// UsageError is a mistake in what the user asked for (an unknown role,
// language or layout), as opposed to a problem in the files.
type UsageError struct{ Err error }

// Unwrap returns the underlying error.
func (e UsageError) Unwrap() error { return e.Err }

// Error returns the message.
func (e UsageError) Error() string { return e.Err.Error() }

// Selection says what to build; empty fields mean everything, but for
// Variants, which defaults to screen.
type Selection struct {
	Roles, Langs, Layouts, Variants []string
	// First, when set, is the language a bilingual edition starts with
	// (its first pages, its left column, a flyer's front), whatever the
	// layout's order.
	First string
	// Edition, when set, is the languages of the multilingual editions
	// (bilingual, side-by-side, flyer), in order, instead of each
	// layout's languages: ["fr", "de"] makes <role>-fr-de-<layout>.pdf.
	// Single-language layouts are made in each of them.
	Edition []string
	// Fields, when they name a client, make every job a personal
	// edition; in a recipients file, they fill the columns it lacks.
	Fields Fields
}

// Languages returns the languages the selection's jobs are in: those it
// asks for, as languages or as an edition; nil when it asks for none,
// meaning every language of each role.
func (s Selection) Languages() []string {
	if len(s.Langs) == 0 && len(s.Edition) == 0 {
		return nil
	}
	return slices.Concat(s.Langs, s.Edition)
}

// Jobs expands a selection into jobs, in a stable order: by role, then
// language, then layout. A role that cannot be loaded still yields its
// jobs for the languages it declares, so its errors are reported when
// they run.
func (p *Project) Jobs(sel Selection) ([]Job, error) {
	// What the selection names starts loading before everything is
	// listed: a build of one role in one layout waits only for those
	// (a name that is no role or layout fails at once, and is reported
	// below). What it does not name is loaded once listed.
	p.prefetchLayouts(sel.Layouts)
	if len(sel.Roles) > 0 {
		go p.Preload(sel.Roles) // errors are reported where roles are used
	}
	roles := sel.Roles
	if len(roles) == 0 {
		var err error
		if roles, err = p.Roles(); err != nil {
			return nil, err
		}
		if len(roles) == 0 {
			return nil, fmt.Errorf("content folder %s: no roles (a role is a folder with a role.toml)", p.Dir)
		}
	}
	layouts := sel.Layouts
	var errs []error
	if len(layouts) == 0 {
		var err error
		if layouts, err = p.Layouts(); err != nil {
			return nil, err
		}
	}
	// Layouts named are looked for one by one, as roles are: the folder
	// is listed only to say which layouts there are.
	for _, l := range sel.Layouts {
		if !p.designs.Has(l) {
			known, err := p.Layouts()
			if err != nil {
				return nil, err
			}
			errs = append(errs, UsageError{Err: fmt.Errorf("unknown layout %q (layouts: %s)", l, strings.Join(known, ", "))})
		}
	}
	variants := sel.Variants
	if len(variants) == 0 {
		variants = []string{"screen"}
	}
	for _, v := range variants {
		if !slices.Contains(Variants, v) {
			errs = append(errs, UsageError{Err: fmt.Errorf("unknown variant %q (--for screen, print or screen,print)", v)})
		}
	}
	if sel.First != "" {
		if _, err := lang.Match(sel.First); err != nil {
			errs = append(errs, UsageError{Err: fmt.Errorf("--first: %w", err)})
		}
	}
	errs = append(errs, p.checkEdition(sel, layouts)...)
	var personal *edition.Personal
	if sel.Fields != (Fields{}) {
		var err error
		if personal, err = p.Personal(sel.Fields); err != nil {
			for _, e := range problem.Flatten(err) {
				var fe *edition.Field
				if errors.As(e, &fe) {
					e = UsageError{Err: fmt.Errorf("--%s: %w", fe.Name, fe.Err)}
				}
				errs = append(errs, e)
			}
		}
	}
	var jobs []Job
	if len(sel.Layouts) == 0 {
		p.prefetchLayouts(layouts)
	}
	if len(sel.Roles) == 0 {
		p.Preload(roles)
	}
	for _, r := range roles {
		// Roles named are looked for one by one: the folder is listed
		// only to say which roles there are.
		if len(sel.Roles) > 0 && !content.Has(p.content, r) {
			known, err := p.Roles()
			if err != nil {
				return nil, err
			}
			errs = append(errs, UsageError{Err: fmt.Errorf("unknown role %q: no %s (roles: %s)", r, filepath.Join(p.Dir, r, "role.toml"), strings.Join(known, ", "))})
			continue
		}
		langs, err := p.languages(r)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		want := langs
		asked := sel.Langs
		if len(sel.Edition) > 0 {
			asked = sel.Edition
		}
		if len(asked) > 0 {
			want = nil
			for _, l := range asked {
				if !slices.Contains(langs, l) {
					errs = append(errs, UsageError{Err: fmt.Errorf("role %s has no %q text (its languages: %s)", r, l, strings.Join(langs, ", "))})
					continue
				}
				want = append(want, l)
			}
		}
		before := len(jobs)
		errs = append(errs, p.unshown(r, layouts)...)
		for _, lay := range layouts {
			for _, l := range p.jobLanguages(lay, langs, want, sel.Edition, sel.First) {
				for _, v := range variants {
					jobs = append(jobs, Job{Role: r, Lang: l, Layout: lay, Variant: v, Personal: personal})
					if v == "print" && p.imposes(lay) {
						jobs = append(jobs, Job{Role: r, Lang: l, Layout: lay, Variant: "imposed", Personal: personal})
					}
				}
			}
		}
		if len(jobs) == before && len(sel.Langs) == 0 && len(sel.Edition) == 0 {
			// Nothing to build is never silent: the role's own errors,
			// or why none of the layouts applies.
			if _, err := p.Role(r); err != nil {
				errs = append(errs, err)
			} else {
				errs = append(errs, fmt.Errorf("role %s: no brochure to build: layouts %s need languages the role lacks (its languages: %s)", r, strings.Join(layouts, ", "), strings.Join(langs, ", ")))
			}
		}
	}
	prefetchPatterns(jobs)
	return jobs, errors.Join(errs...)
}

// unshown reports the sections of a role that no layout shows: content
// that would never be printed, like an unknown key. The layouts of the
// build (first) are looked at first, the others only if those leave
// sections unshown.
func (p *Project) unshown(id string, first []string) []error {
	role, err := p.Role(id)
	if err != nil || role.Reference() == "" {
		return nil
	}
	ref := role.Reference()
	text, f := role.Texts[ref], role.Files[ref+".toml"]
	// The layouts are read until every section is shown: a build of one
	// layout that shows them all reads no other (each is a TOML file to
	// decode, a tenth of a one-brochure build for the eight built in).
	shown := map[string]bool{}
	missing := len(text.Sections)
	layouts := func(yield func(string) bool) {
		for _, name := range first {
			if !yield(name) {
				return
			}
		}
		all, _ := p.Layouts() // an unreadable folder is reported with the jobs
		for _, name := range all {
			if !slices.Contains(first, name) && !yield(name) {
				return
			}
		}
	}
	if missing == 0 {
		return nil
	}
	for name := range layouts {
		sections, err := p.designs.Sections(name)
		if err != nil {
			return nil // the layout's own error is reported with its jobs
		}
		for _, s := range sections {
			if _, ok := text.Sections[s]; ok && !shown[s] {
				missing--
			}
			shown[s] = true
		}
		// Checked before the next layout is asked for: the first that
		// is not the build's lists the folder.
		if missing == 0 {
			return nil
		}
	}
	var errs []error
	for _, s := range slices.Sorted(maps.Keys(text.Sections)) {
		if !shown[s] {
			errs = append(errs, f.Errorf([]string{"sections", s}, "section %q: no layout shows it (add it to a layout's sections)", s))
		}
	}
	return errs
}

// imposes says whether a layout's print files come with an imposed file:
// a booklet's do.
func (p *Project) imposes(layout string) bool {
	lay, err := p.designs.Layout(layout)
	return err == nil && lay.Kind == "booklet"
}

// languages are the languages a role declares, even when the role has
// other problems.
func (p *Project) languages(id string) ([]string, error) {
	role, err := p.Role(id)
	if role != nil {
		return role.Facts.Languages, nil
	}
	langs, lerr := content.DeclaredLanguages(p.content, displayPath(p.Dir), id)
	if lerr != nil {
		return nil, err
	}
	return langs, nil
}

// jobLanguages are the languages of a layout's jobs for a role that has
// langs, of which the user wants want: one job per language, or, for a
// bilingual layout, one job joining its languages ("en+fr"), or the
// edition's when one is asked for, when the role has them all and the
// user wants them all, first first if it is one of them.
func (p *Project) jobLanguages(layout string, langs, want, edition []string, first string) []string {
	lay, err := p.designs.Layout(layout)
	if err != nil || len(lay.Languages) < 2 {
		return want
	}
	order := slices.Clone(lay.Languages)
	if len(edition) > 0 {
		order = slices.Clone(edition)
	}
	for _, l := range order {
		if !slices.Contains(langs, l) || !slices.Contains(want, l) {
			return nil
		}
	}
	if i := slices.Index(order, first); i > 0 {
		order = append([]string{first}, slices.Delete(order, i, i+1)...)
	}
	return []string{strings.Join(order, "+")}
}

// checkEdition checks an edition asked for: two languages or more, each
// once, and exactly two for a side-by-side layout.
func (p *Project) checkEdition(sel Selection, layouts []string) []error {
	if len(sel.Edition) == 0 {
		return nil
	}
	ed := strings.Join(sel.Edition, "+")
	bad := func(format string, args ...any) []error {
		return []error{UsageError{Err: fmt.Errorf("--edition %s: "+format, append([]any{ed}, args...)...)}}
	}
	switch {
	case len(sel.Langs) > 0:
		return bad("and --lang: give one or the other")
	case len(sel.Edition) < 2:
		return bad("an edition names two languages or more, like fr+de")
	}
	for i, l := range sel.Edition {
		if slices.Contains(sel.Edition[:i], l) {
			return bad("%s twice", l)
		}
	}
	for _, name := range layouts {
		if lay, err := p.designs.Layout(name); err == nil && lay.Kind == "side-by-side" && len(sel.Edition) != 2 {
			return bad("layout %s sets two languages side by side", name)
		}
	}
	return nil
}
