package content

import (
	"fmt"
	"strings"

	"github.com/brochure-dev/brochure/internal/tomlfile"
)

// compare checks that a translation (other) has every section, list and
// field the reference language has, and nothing more. Messages name both
// files.
func compare(ref *Text, refFile *tomlfile.File, other *Text, f *tomlfile.File) []error {
	c := comparer{ref: refFile.Name, f: f}
	c.count("intro", "paragraphs", len(ref.Intro), len(other.Intro))
	c.count("glance.sectors", "sectors", len(ref.Glance.Sectors), len(other.Glance.Sectors))
	for _, id := range sortedKeys(ref.Sections) {
		if other.Sections[id] == nil {
			c.errs = append(c.errs, f.Errorf(nil, "section %q is missing (%s has it)", id, refFile.Name))
			continue
		}
		c.section(id, ref.Sections[id], other.Sections[id])
	}
	for _, id := range sortedKeys(other.Sections) {
		if ref.Sections[id] == nil {
			c.errs = append(c.errs, f.Errorf([]string{"sections", id}, "section %q is not in %s", id, refFile.Name))
		}
	}
	return c.errs
}

type comparer struct {
	ref  string
	f    *tomlfile.File
	errs []error
}

func (c *comparer) section(id string, ref, other *Section) {
	key := "sections." + id
	c.count(key+".body", "paragraphs", len(ref.Body), len(other.Body))
	c.count(key+".items", "items", len(ref.Items), len(other.Items))
	c.count(key+".columns", "columns", len(ref.Columns), len(other.Columns))
	c.count(key+".levels", "salary levels", len(ref.Levels), len(other.Levels))
	c.present(key+".note", ref.Note != "", other.Note != "")
	if len(ref.Groups) != len(other.Groups) {
		c.count(key+".groups", "groups", len(ref.Groups), len(other.Groups))
		return
	}
	for i, g := range ref.Groups {
		o := other.Groups[i]
		if o.ID != g.ID {
			c.add(key+".groups", "group %d is %q where %s has %q", i+1, o.ID, c.ref, g.ID)
			continue
		}
		if len(o.Items) != len(g.Items) {
			c.add(key+".groups", "group %q has %d items where %s has %d", g.ID, len(o.Items), c.ref, len(g.Items))
		}
	}
}

// count reports a list whose length differs from the reference's.
func (c *comparer) count(key, what string, want, have int) {
	switch {
	case want == have:
	case have == 0:
		c.add(key, "%s is missing (%s has %d %s)", lastKey(key), c.ref, want, what)
	case want == 0:
		c.add(key, "%s is not in %s", lastKey(key), c.ref)
	default:
		c.add(key, "%s has %d %s where %s has %d", lastKey(key), have, what, c.ref, want)
	}
}

func (c *comparer) present(key string, want, have bool) {
	switch {
	case want && !have:
		c.add(key, "%s is missing (%s has it)", lastKey(key), c.ref)
	case have && !want:
		c.add(key, "%s is not in %s", lastKey(key), c.ref)
	}
}

// add reports a problem at key, naming the section it is in.
func (c *comparer) add(key string, format string, args ...any) {
	k := strings.Split(key, ".")
	msg := fmt.Sprintf(format, args...)
	if k[0] == "sections" && len(k) > 1 {
		msg = fmt.Sprintf("section %q: %s", k[1], msg)
	}
	// Point at the key if this file has it, else at its parent.
	for n := len(k); n > 0; n-- {
		if c.f.Has(k[:n]...) {
			c.errs = append(c.errs, c.f.Errorf(k[:n], "%s", msg))
			return
		}
	}
	c.errs = append(c.errs, c.f.Errorf(nil, "%s", msg))
}

func lastKey(key string) string { return key[strings.LastIndexByte(key, '.')+1:] }
