package content

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/brochure-dev/brochure/internal/safefile"
	"github.com/brochure-dev/brochure/internal/tomlfile"
)

// FactsFile is the name of the file of language-independent facts.
const FactsFile = "role.toml"

// Role is a loaded and checked role: its facts and its text in each of
// its languages.
type Role struct {
	ID    string
	Facts Facts
	// Texts by language code.
	Texts map[string]*Text
	// Dir is the role's folder as the user names it, for messages.
	Dir string
	// Files are the decoded files by name (role.toml, en.toml…), to place
	// errors found later, such as characters a layout's fonts lack.
	Files map[string]*tomlfile.File
	// Sums are the size and SHA-256 of each file read, by name, as read:
	// a build's digest of the role's files need not read them again.
	Sums map[string]FileSum
}

// Reference returns the role's reference language, which the others are
// checked against: the first of its languages ("" for none).
func (r *Role) Reference() string {
	if len(r.Facts.Languages) == 0 {
		return ""
	}
	return r.Facts.Languages[0]
}

// FileSum is a file's size and SHA-256.
type FileSum struct {
	Size   int
	SHA256 [sha256.Size]byte
}

// List returns the roles under the content folder: the names of its
// subfolders that hold a role.toml (even one that cannot be read),
// sorted.
func List(fsys fs.FS) ([]string, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	var roles []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		// A role.toml that is there but cannot be read (a link out of
		// the folder) is listed, so that building it says what is wrong.
		if _, err := fs.Stat(fsys, path.Join(e.Name(), FactsFile)); !errors.Is(err, fs.ErrNotExist) {
			roles = append(roles, e.Name())
		}
	}
	sort.Strings(roles)
	return roles, nil
}

// Has reports whether id is one of the roles List returns, without
// reading the whole folder: a subfolder (not a link to one) that holds a
// role.toml. A build of one role in a folder of hundreds asks this
// rather than list them all.
func Has(fsys fs.FS, id string) bool {
	if !fs.ValidPath(id) || id == "." || strings.Contains(id, "/") {
		return false
	}
	if st, err := fs.Lstat(fsys, id); err != nil || !st.IsDir() {
		return false
	}
	_, err := fs.Stat(fsys, path.Join(id, FactsFile))
	return !errors.Is(err, fs.ErrNotExist)
}

// Load reads the role called id from fsys, the content folder, which the
// user knows as root (used in messages: "brochures/sre/fr.toml:3:1: ...").
// It returns every problem it finds, joined, and no role if there is one.
// The problems come file by file (role.toml, then the languages in the
// order role.toml lists them), each file's in the order of its lines.
func Load(fsys fs.FS, root, id string) (*Role, error) {
	return LoadLanguages(fsys, root, id, nil)
}

// LoadLanguages is Load for the languages only (all when only is nil) and
// the reference language they are checked against: the others are neither
// read nor checked, and the role has no text for them. A build of some
// languages pays for those alone (decoding and checking a language file
// is most of loading a role).
func LoadLanguages(fsys fs.FS, root, id string, only []string) (*Role, error) {
	dir := path.Join(root, id)
	switch _, err := fs.Stat(fsys, id); {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("role %q: no folder %s", id, dir)
	case err != nil: // a link out of the content folder
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	r := &Role{ID: id, Dir: dir, Texts: map[string]*Text{}, Sums: map[string]FileSum{}}
	factsFile, err := r.decodeFile(fsys, path.Join(id, FactsFile), &r.Facts)
	if factsFile == nil {
		return nil, err
	}
	r.Files = map[string]*tomlfile.File{FactsFile: factsFile}
	errs := append([]error{err}, checkFacts(r, factsFile)...)
	errs = append(errs, checkChars(factsFile, r.Facts.Fields())...)
	var textErrs []error
	var ref *tomlfile.File // the reference language's file, if read
	langs := uniqueLanguages(r.Facts.Languages)
	if only != nil && len(langs) > 0 {
		kept := langs[:1] // the reference language, always
		for _, l := range langs[1:] {
			if slices.Contains(only, l) {
				kept = append(kept, l)
			}
		}
		langs = kept
	}
	for _, lang := range langs {
		t := new(Text)
		name := path.Join(id, lang+".toml")
		f, err := r.decodeFile(fsys, name, t)
		if errors.Is(err, fs.ErrNotExist) {
			err = fmt.Errorf("%s: missing file (%s lists %q in languages)", path.Join(root, name), FactsFile, lang)
		}
		fileErrs := []error{err}
		if f != nil {
			r.Texts[lang] = t
			r.Files[lang+".toml"] = f
			fileErrs = append(fileErrs, checkText(r, t, f)...)
			fileErrs = append(fileErrs, checkChars(f, t.Fields())...)
			if lang == langs[0] {
				ref = f
			} else if ref != nil {
				fileErrs = append(fileErrs, compare(r.Texts[langs[0]], ref, t, f)...)
			}
		}
		textErrs = append(textErrs, tomlfile.Sort(fileErrs)...)
	}
	errs = append(errs, checkTools(r, factsFile, langs)...)
	errs = append(tomlfile.Sort(errs), textErrs...)
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return r, nil
}

func uniqueLanguages(langs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, l := range langs {
		if !seen[l] && validLanguage(l) {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out
}

// decodeFile reads name from fsys, records its sum, and decodes it
// strictly into v. A file that could be decoded is returned even with
// errors (unknown keys), so that it can be checked further.
func (r *Role) decodeFile(fsys fs.FS, name string, v any) (*tomlfile.File, error) {
	shown := path.Join(path.Dir(r.Dir), name)
	data, err := safefile.ReadFile(fsys, name, shown, safefile.Content)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &missingError{shown}
	}
	if err != nil {
		return nil, err // it names the file
	}
	r.Sums[path.Base(name)] = FileSum{len(data), safefile.SHA256(data)}
	return tomlfile.Decode(shown, data, v)
}

// missingError is a file that does not exist.
type missingError struct{ name string }

func (e *missingError) Error() string { return e.name + ": missing file" }
func (e *missingError) Unwrap() error { return fs.ErrNotExist }
