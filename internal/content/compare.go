package content

import (
	"fmt"
	"strings"

	"github.com/brochure-dev/brochure/internal/tomlfile"
)

// compare checks that a translation (other) has every section, list and
// field the reference language has, and nothing more. Messages name both
// files.
//
// What the reference lacks because its value was bad is not compared:
// the reference's errors say so.
func compare(ref *Text, refFile *tomlfile.File, other *Text, f *tomlfile.File) []error {
	c := comparer{ref: refFile.Name, refFile: refFile, f: f}
	c.count("intro", "paragraph", len(ref.Intro), len(other.Intro))
	c.count("glance.sectors", "sector", len(ref.Glance.Sectors), len(other.Glance.Sectors))
	for _, id := range sortedKeys(ref.Sections) {
		if other.Sections[id] == nil {
			c.errs = append(c.errs, f.Errorf(nil, "section %q is missing (%s has it)", id, refFile.Name))
			continue
		}
		c.section(id, ref.Sections[id], other.Sections[id])
	}
	for _, id := range sortedKeys(other.Sections) {
		if ref.Sections[id] == nil && !refFile.Omitted("sections", id) {
			c.errs = append(c.errs, f.Errorf([]string{"sections", id}, "section %q is not in %s", id, refFile.Name))
		}
	}
	return c.errs
}

type comparer struct {
	ref     string // the reference's name
	refFile *tomlfile.File
	f       *tomlfile.File
	errs    []error
}

func (c *comparer) section(id string, ref, other *Section) {
	key := "sections." + id
	c.count(key+".body", "paragraph", len(ref.Body), len(other.Body))
	c.count(key+".items", "item", len(ref.Items), len(other.Items))
	c.count(key+".columns", "column", len(ref.Columns), len(other.Columns))
	// Each file's levels are checked against role.toml; here only
	// whether the section shows the salary levels at all.
	c.present(key+".levels", len(ref.Levels) > 0, len(other.Levels) > 0)
	c.present(key+".note", ref.Note != "", other.Note != "")
	c.groups(id, ref.Groups, other.Groups)
}

// groups reports the groups missing from other or not in ref, else the
// first that is out of order, else those whose item counts differ.
func (c *comparer) groups(id string, ref, other []Group) {
	key := []string{"sections", id, "groups"}
	at := func(i int) string { return strings.Join(append(key, tomlfile.Index(i)), ".") }
	index := func(groups []Group, gid string) int {
		for i, g := range groups {
			if g.ID == gid {
				return i
			}
		}
		return -1
	}
	differ := false
	for _, g := range ref {
		if index(other, g.ID) < 0 {
			c.add(strings.Join(key, "."), "group %q is missing (%s has it)", g.ID, c.ref)
			differ = true
		}
	}
	for i, g := range other {
		if index(ref, g.ID) < 0 {
			c.add(at(i), "group %q is not in %s", g.ID, c.ref)
			differ = true
		}
	}
	if differ {
		return
	}
	for i, g := range ref {
		if i < len(other) && other[i].ID != g.ID {
			c.add(at(i), "group %d is %q where %s has %q (keep the groups in the same order)", i+1, other[i].ID, c.ref, g.ID)
			return
		}
	}
	for i, g := range ref {
		if have, want := len(other[i].Items), len(g.Items); have != want {
			c.add(at(i)+".items", "group %q: %s where %s has %d", g.ID, plural(have, "item"), c.ref, want)
		}
	}
}

// count reports a list whose length differs from the reference's. what
// is the singular noun for its entries.
func (c *comparer) count(key, what string, want, have int) {
	switch {
	case want == have:
	case have == 0:
		c.add(key, "%s is missing (%s has %s)", c.name(key), c.ref, plural(want, what))
	case want == 0:
		c.add(key, "%s is not in %s", c.name(key), c.ref)
	case c.name(key) == what+"s": // "3 items", not "items: 3 items"
		c.add(key, "%s where %s has %d", plural(have, what), c.ref, want)
	default:
		c.add(key, "%s: %s where %s has %d", c.name(key), plural(have, what), c.ref, want)
	}
}

func (c *comparer) present(key string, want, have bool) {
	switch {
	case want && !have:
		c.add(key, "%s is missing (%s has it)", c.name(key), c.ref)
	case have && !want:
		c.add(key, "%s is not in %s", c.name(key), c.ref)
	}
}

// name names a key in a message: within its section, for a key of a
// section, as the message names the section.
func (c *comparer) name(key string) string {
	k := strings.Split(key, ".")
	if k[0] != "sections" || len(k) < 3 {
		return key
	}
	return strings.Join(k[2:], ".")
}

// add reports a problem at key, naming the section it is in.
func (c *comparer) add(key string, format string, args ...any) {
	k := strings.Split(key, ".")
	if c.refFile.Omitted(k...) {
		return
	}
	msg := fmt.Sprintf(format, args...)
	if k[0] == "sections" && len(k) > 1 {
		msg = fmt.Sprintf("section %q: %s", k[1], msg)
	}
	c.errs = append(c.errs, c.f.Errorf(k, "%s", msg))
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
