package content

import (
	"fmt"
	"io/fs"
	"path"

	"github.com/brochure-dev/brochure/internal/safefile"
	"github.com/brochure-dev/brochure/internal/tomlfile"
)

// Heading is what a listing shows of a role: its languages and its title
// in the first of them.
type Heading struct {
	Languages []string
	Title     string
}

// ReadHeading reads a role's heading from fsys, the content folder (root
// in messages): the languages of its role.toml and the title of its first
// language's file, nothing else. It checks nothing but that those two
// files can be read and decoded: Load checks a role.
func ReadHeading(fsys fs.FS, root, id string) (Heading, error) {
	var h Heading
	langs, err := DeclaredLanguages(fsys, root, id)
	if err != nil {
		return h, err
	}
	h.Languages = langs
	if len(langs) == 0 {
		return h, fmt.Errorf("%s: no languages", path.Join(root, id, FactsFile))
	}
	var text struct {
		Title string `toml:"title"`
	}
	err = tomlfile.DecodeKeys(fsys, path.Join(id, langs[0]+".toml"), path.Join(root, id, langs[0]+".toml"), safefile.Content, &text)
	h.Title = text.Title
	return h, err
}

// DeclaredLanguages reads only the languages that a role's role.toml
// lists, without checking anything else in it.
func DeclaredLanguages(fsys fs.FS, root, id string) ([]string, error) {
	var facts struct {
		Languages []string `toml:"languages"`
	}
	err := tomlfile.DecodeKeys(fsys, path.Join(id, FactsFile), path.Join(root, id, FactsFile), safefile.Content, &facts)
	return facts.Languages, err
}
