package content

import (
	"strings"
	"unicode"

	"github.com/brochure-dev/brochure/internal/tomlfile"
)

// Field is a string of a role's file with its key, for checks that go
// through every word.
type Field struct {
	Key []string // dotted path, Index parts for arrays of tables
	Ptr *string
	// Paragraph is true for running text (intro, body, items, notes, the
	// call to action's text), where a tab or a line break is a space;
	// elsewhere (titles, headings, labels, names) it is an error.
	Paragraph bool

	set func(string) // writes the value back when Ptr is a copy
}

// write replaces the field's value.
func (f Field) write(v string) {
	*f.Ptr = v
	if f.set != nil {
		f.set(v)
	}
}

// Fields lists the strings of a language file, in a fixed order.
func (t *Text) Fields() []Field {
	var fs []Field
	one := func(p *string, key ...string) { fs = append(fs, Field{Key: key, Ptr: p}) }
	para := func(p *string, key ...string) { fs = append(fs, Field{Key: key, Ptr: p, Paragraph: true}) }
	one(&t.Title, "title")
	one(&t.Kicker, "kicker")
	one(&t.Tagline, "tagline")
	for i := range t.Intro {
		para(&t.Intro[i], "intro")
	}
	g := &t.Glance
	one(&g.Heading, "glance", "heading")
	one(&g.SalaryLabel, "glance", "salary_label")
	one(&g.ToolsLabel, "glance", "tools_label")
	one(&g.SectorsLabel, "glance", "sectors_label")
	for i := range g.Sectors {
		one(&g.Sectors[i], "glance", "sectors")
	}
	for _, id := range sortedKeys(t.Sections) {
		s := t.Sections[id]
		one(&s.Heading, "sections", id, "heading")
		for i := range s.Body {
			para(&s.Body[i], "sections", id, "body")
		}
		for i := range s.Items {
			para(&s.Items[i], "sections", id, "items")
		}
		for i := range s.Groups {
			gr := &s.Groups[i]
			one(&gr.Label, "sections", id, "groups", tomlfile.Index(i), "label")
			for j := range gr.Items {
				para(&gr.Items[j], "sections", id, "groups", tomlfile.Index(i), "items")
			}
		}
		for _, k := range sortedKeys(s.Levels) {
			v := s.Levels[k]
			fs = append(fs, Field{Key: []string{"sections", id, "levels", k}, Ptr: &v, set: func(v string) { s.Levels[k] = v }})
		}
		for i := range s.Columns {
			one(&s.Columns[i], "sections", id, "columns")
		}
		para(&s.Note, "sections", id, "note")
	}
	c := &t.CTA
	one(&c.Heading, "cta", "heading")
	para(&c.Body, "cta", "body")
	one(&c.EmailLabel, "cta", "email_label")
	one(&c.WebLabel, "cta", "web_label")
	return fs
}

// Fields lists the strings of role.toml that brochures show.
func (f *Facts) Fields() []Field {
	var fs []Field
	for i := range f.KeyTools {
		fs = append(fs, Field{Key: []string{"key_tools"}, Ptr: &f.KeyTools[i]})
	}
	for _, g := range sortedKeys(f.Tools) {
		for i := range f.Tools[g] {
			fs = append(fs, Field{Key: []string{"tools", g}, Ptr: &f.Tools[g][i]})
		}
	}
	return fs
}

// checkChars reports control characters at their place: a tab or line
// break in a one-line field, any other control character anywhere. In
// running text, tabs and line breaks become spaces. Every field is put in
// Unicode's composed form (NFC).
func checkChars(f *tomlfile.File, fields []Field) []error {
	var errs []error
	for _, fd := range fields {
		s := *fd.Ptr
		for _, r := range s {
			if !unicode.IsControl(r) || fd.Paragraph && isBlank(r) {
				continue
			}
			what := "a control character"
			switch r {
			case '\t':
				what = "a tab"
			case '\n', '\r':
				what = "a line break"
			}
			where := "write it as text"
			if isBlank(r) {
				where = "this field is one line"
			}
			errs = append(errs, f.ErrorAt(fd.Key, tomlfile.Spellings(r), "%s: %s (U+%04X): %s", keyName(fd.Key), what, r, where))
			break
		}
		if fd.Paragraph && strings.ContainsAny(s, "\t\n\r") {
			s = strings.Join(strings.Fields(strings.Map(func(r rune) rune {
				if isBlank(r) {
					return ' '
				}
				return r
			}, s)), " ")
		}
		// (Text is composed already, "e" and a combining acute made "é",
		// as tomlfile decodes it: the fonts position no marks.)
		if s != *fd.Ptr {
			fd.write(s)
		}
	}
	return errs
}

func isBlank(r rune) bool { return r == '\t' || r == '\n' || r == '\r' }

// keyName writes a key for messages: dotted, with array indexes.
func keyName(key []string) string {
	return strings.ReplaceAll(strings.Join(key, "."), ".[", "[")
}
