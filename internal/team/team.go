// Package team reads the sales team file (team.toml, beside the content
// folder): the people a personal edition may be sent by, with their
// names, job titles in each language, e-mail addresses and phones.
package team

import (
	"errors"
	"fmt"
	"net/mail"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/brochure-dev/brochure/internal/tomlfile"
)

// File is the team file's name, beside the content folder.
const File = "team.toml"

// MaxName caps a salesperson's name, in characters, so that it fits a
// footer line.
const MaxName = 40

// Member is one salesperson.
type Member struct {
	ID    string
	Name  string
	Email string
	Phone string
	// Titles are the person's job title by language code.
	Titles map[string]string
	// Photo is the person's portrait; nil for none.
	Photo *Photo

	file *tomlfile.File // for errors
}

// Team is a loaded team file.
type Team struct {
	members map[string]*Member
	file    *tomlfile.File
}

type memberFile struct {
	Name  string            `toml:"name"`
	Email string            `toml:"email"`
	Phone string            `toml:"phone"`
	Title map[string]string `toml:"title"`
	Photo string            `toml:"photo"`
}

// The patterns of ids and phone numbers, compiled when a team file is
// first read: most commands read none.
var (
	idRE    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`) })
	phoneRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\+?[0-9 ().-]+$`) })
)

// Parse reads a team file's data; name is the file as the user knows it,
// for messages. read reads the photos it names, relative to its folder
// (nil: the team has none). It returns every problem, each at its line.
func Parse(name string, data []byte, read func(name string) ([]byte, error)) (*Team, error) {
	var raw map[string]memberFile
	f, err := tomlfile.Decode(name, data, &raw)
	if f == nil {
		return nil, err
	}
	errs := []error{err}
	bad := func(key []string, format string, args ...any) {
		errs = append(errs, f.Errorf(key, format, args...))
	}
	t := &Team{members: map[string]*Member{}, file: f}
	ids := make([]string, 0, len(raw))
	for id := range raw {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var langs []string // the first member's title languages
	for _, id := range ids {
		m := raw[id]
		at := func(k ...string) []string { return append([]string{id}, k...) }
		if !idRE().MatchString(id) {
			bad(at(), "%s: a team id is lower-case letters, digits, - and _ (like jdoe)", id)
		}
		switch n := utf8.RuneCountInString(m.Name); {
		case strings.TrimSpace(m.Name) == "":
			bad(at("name"), "%s.name: missing", id)
		case n > MaxName:
			bad(at("name"), "%s.name: %d characters, more than the %d a name may have", id, n, MaxName)
		}
		if a, err := mail.ParseAddress(m.Email); m.Email == "" {
			bad(at("email"), "%s.email: missing", id)
		} else if err != nil || a.Address != m.Email {
			bad(at("email"), "%s.email: %q is not an e-mail address", id, m.Email)
		}
		if m.Phone != "" && (!phoneRE().MatchString(m.Phone) || digits(m.Phone) < 6 || digits(m.Phone) > 15) {
			bad(at("phone"), "%s.phone: %q is not a phone number (digits, spaces, + ( ) . -, like \"+33 6 12 34 56 78\")", id, m.Phone)
		}
		if len(m.Title) == 0 {
			bad(at("title"), "%s.title: missing: the job title in each language, like title = { en = \"Account Manager\", fr = \"Chargée de clientèle\" }", id)
		}
		mine := make([]string, 0, len(m.Title))
		for l, v := range m.Title {
			mine = append(mine, l)
			if strings.TrimSpace(v) == "" {
				bad(at("title", l), "%s.title.%s: empty", id, l)
			}
		}
		sort.Strings(mine)
		if langs == nil {
			langs = mine
		} else if len(mine) > 0 && strings.Join(mine, ",") != strings.Join(langs, ",") {
			bad(at("title"), "%s.title: in %s, where %s has it in %s: every member needs the same languages", id, strings.Join(mine, ", "), ids[0], strings.Join(langs, ", "))
		}
		member := &Member{ID: id, Name: strings.TrimSpace(m.Name), Email: m.Email, Phone: m.Phone, Titles: m.Title, file: f}
		if m.Photo != "" {
			p, err := readPhoto(m.Photo, read)
			if err != nil {
				bad(at("photo"), "%s.photo: %v", id, err)
			} else {
				p.Where = where(f.Errorf(at("photo"), ""))
				member.Photo = p
			}
		}
		t.members[id] = member
	}
	if err := errors.Join(tomlfile.Sort(errs)...); err != nil {
		return nil, err
	}
	return t, nil
}

func digits(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

// Member returns the salesperson called id.
func (t *Team) Member(id string) (*Member, error) {
	if t == nil {
		return nil, fmt.Errorf("no %s beside the content folder: add one to name who sends personal editions", File)
	}
	if m, ok := t.members[id]; ok {
		return m, nil
	}
	return nil, fmt.Errorf("%s: no member %q (team: %s)", t.file.Name, id, strings.Join(t.IDs(), ", "))
}

// Photos lists the photo files the team names, relative to the team
// file's folder, sorted.
func (t *Team) Photos() []string {
	var out []string
	for _, m := range t.members {
		if m.Photo != nil {
			out = append(out, m.Photo.File)
		}
	}
	sort.Strings(out)
	return out
}

// IDs lists the members' ids, sorted.
func (t *Team) IDs() []string {
	ids := make([]string, 0, len(t.members))
	for id := range t.members {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Title returns the job title in lang, falling back from "fr-CA" to "fr";
// a missing one is an error at the member's title in the team file.
func (m *Member) Title(lang string) (string, error) {
	if v, ok := m.Titles[lang]; ok {
		return v, nil
	}
	if base, _, ok := strings.Cut(lang, "-"); ok {
		if v, ok := m.Titles[base]; ok {
			return v, nil
		}
	}
	return "", m.file.Errorf([]string{m.ID, "title"}, "%s.title: no %s title (title.%s), needed for a brochure in %s", m.ID, lang, lang, lang)
}

// where is the place an error made by tomlfile names: "team.toml:7:1".
func where(err error) string {
	var te *tomlfile.Error
	if errors.As(err, &te) {
		return fmt.Sprintf("%s:%d:%d", te.File, te.Line, te.Col)
	}
	return ""
}
