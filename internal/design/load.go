package design

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/brochure-dev/brochure/internal/color"
	"github.com/brochure-dev/brochure/internal/font"
	"github.com/brochure-dev/brochure/internal/safefile"
	"github.com/brochure-dev/brochure/internal/tomlfile"
)

// Loader loads layouts and the brands and fonts they name. It keeps what
// it has parsed, so each font is parsed once per Loader; it is safe for
// concurrent use.
type Loader struct {
	layouts, fonts fs.FS
	// dir is the layouts folder as the user knows it, for messages.
	dir string
	// list lists the layouts once (List).
	list func() ([]string, error)

	// mu guards the maps; each layout and face is made once, under its
	// entry's own sync.Once, so that different layouts load at once.
	mu      sync.Mutex
	faces   map[string]*once[*font.Face]
	compile map[string]*once[*Layout]
	heads   map[string]layoutHead // layouts' heads read without compiling them
	// fontDigest is the SHA-256 of each font file hashed, under digestMu:
	// layouts hash their fonts when their digest is first asked for.
	digestMu   sync.Mutex
	fontDigest map[string]string
}

// NewLoader reads layouts and brands from layouts and font files from
// fonts. dir names the layouts folder in messages ("layouts").
func NewLoader(layouts, fonts fs.FS, dir string) *Loader {
	l := &Loader{layouts: layouts, fonts: fonts, dir: dir, faces: map[string]*once[*font.Face]{}, compile: map[string]*once[*Layout]{}, heads: map[string]layoutHead{}, fontDigest: map[string]string{}}
	l.list = sync.OnceValues(l.listLayouts)
	return l
}

// List returns the names of the layouts: the .toml files that hold a
// layout (not a brand), and those that cannot be read, sorted. The folder
// is read once per Loader, as layouts are compiled once (a build asks
// when it lists its jobs and again when it looks for stale outputs).
// The result is shared: callers do not change it.
func (l *Loader) List() ([]string, error) { return l.list() }

// Has reports whether name is one of the layouts List returns, reading
// its file alone: a layout's (not a brand's), or one that cannot be read
// (not a folder). A build of the layouts it names asks this rather than
// read every file of the folder.
func (l *Loader) Has(name string) bool {
	file := name + ".toml"
	if name == "" || strings.Contains(name, "/") || !fs.ValidPath(file) {
		return false
	}
	if _, ok := l.compiled(name); ok {
		return true
	}
	data, err := safefile.ReadFile(l.layouts, file, path.Join(l.dir, file), safefile.Layout)
	var nr *safefile.NotRegularError
	switch {
	case errors.Is(err, fs.ErrNotExist), errors.As(err, &nr) && nr.Mode.IsDir():
		return false
	case err != nil:
		return true
	}
	return isLayout(data)
}

// listLayouts reads the layouts folder for List.
func (l *Loader) listLayouts() ([]string, error) {
	entries, err := fs.ReadDir(l.layouts, ".")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", l.dir, err)
	}
	var names []string
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".toml")
		if !ok || e.IsDir() {
			continue
		}
		data, err := safefile.ReadFile(l.layouts, e.Name(), path.Join(l.dir, e.Name()), safefile.Layout)
		// A file that cannot be read (a pipe, a link out of the folder,
		// too large) is listed, so that building it says what is wrong.
		if err == nil && isLayout(data) || err != nil && !errors.Is(err, fs.ErrNotExist) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names, nil
}

// isLayout tells a layout from a brand: layouts have a page table, a
// line that starts (after blanks) with "[page]", "[page." or "page =" or
// "page.". Every build lists the layouts, so this is a scan of the lines,
// not a regular expression compiled at every start.
func isLayout(data []byte) bool {
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		line = bytes.TrimLeft(line, " \t")
		table := len(line) > 0 && line[0] == '['
		if table {
			line = bytes.TrimLeft(line[1:], " \t")
		}
		rest, ok := bytes.CutPrefix(line, []byte("page"))
		if !ok {
			continue
		}
		if rest = bytes.TrimLeft(rest, " \t"); len(rest) == 0 {
			continue
		}
		if c := rest[0]; c == '.' || table && c == ']' || !table && c == '=' {
			return true
		}
	}
	return false
}

// Layout returns the compiled layout called name (the file name without
// .toml), loading it on first use.
func (l *Loader) Layout(name string) (*Layout, error) {
	return entry(&l.mu, l.compile, name).get(func() (*Layout, error) { return l.load(name) })
}

// Start starts loading the layout called name in the background, if it
// has not started: Layout, Has and Sections then wait for that load
// rather than read the file again. Errors are Layout's to report.
func (l *Loader) Start(name string) {
	e := entry(&l.mu, l.compile, name)
	go func() { _, _ = e.get(func() (*Layout, error) { return l.load(name) }) }()
}

// compiled returns the layout called name if it is compiled or being
// compiled (a build starts compiling its layouts as it starts), waiting
// for it; false if its compile has not started, or failed. Has and head
// ask it first: reading the file again while the build compiles it read
// and decoded a4.toml twice more in a one-brochure build.
func (l *Loader) compiled(name string) (*Layout, bool) {
	l.mu.Lock()
	c := l.compile[name]
	l.mu.Unlock()
	if c == nil {
		return nil, false
	}
	lay, err := c.get(func() (*Layout, error) { return l.load(name) })
	return lay, err == nil
}

// once is a value made once, or the error making it gave.
type once[T any] struct {
	once sync.Once
	v    T
	err  error
}

// get makes the value on the first call, which the others wait for.
func (o *once[T]) get(make func() (T, error)) (T, error) {
	o.once.Do(func() { o.v, o.err = make() })
	return o.v, o.err
}

// entry returns m's entry for key under mu, made on first use.
func entry[T any](mu *sync.Mutex, m map[string]*once[T], key string) *once[T] {
	mu.Lock()
	defer mu.Unlock()
	e, ok := m[key]
	if !ok {
		e = &once[T]{}
		m[key] = e
	}
	return e
}

// Sections returns the ids of the sections the layout called name shows.
// A layout whose compile has not started is not compiled for it: only its
// head is read (see head), so that checking that some layout shows each
// section of a role does not compile every layout, its brand and its
// logo, for a build that asks for one.
func (l *Loader) Sections(name string) ([]string, error) {
	h, err := l.head(name)
	return h.Sections, err
}

// Description returns the description of the layout called name, read
// from its head: listing the layouts compiles none.
func (l *Loader) Description(name string) (string, error) {
	h, err := l.head(name)
	return h.Description, err
}

// layoutHead is what is read of a layout without compiling it.
type layoutHead struct {
	Description string   `toml:"description"`
	Sections    []string `toml:"sections"`
}

// head returns the head of the layout called name: from the compiled
// layout if there is one, else read from its file and kept, like compiled
// layouts (a batch asks for every role). A layout that cannot be read or
// parsed is an error; one with other problems gives its head.
func (l *Loader) head(name string) (layoutHead, error) {
	if lay, ok := l.compiled(name); ok {
		return layoutHead{Description: lay.Description, Sections: lay.Sections}, nil
	}
	l.mu.Lock()
	h, read := l.heads[name]
	l.mu.Unlock()
	if read {
		return h, nil
	}
	file := name + ".toml"
	shown := path.Join(l.dir, file)
	if err := tomlfile.DecodeKeys(l.layouts, file, shown, safefile.Layout, &h); err != nil {
		return h, err
	}
	l.mu.Lock()
	l.heads[name] = h
	l.mu.Unlock()
	return h, nil
}

func (l *Loader) load(name string) (*Layout, error) {
	file := name + ".toml"
	data, err := safefile.ReadFile(l.layouts, file, path.Join(l.dir, file), safefile.Layout)
	if errors.Is(err, fs.ErrNotExist) {
		known, _ := l.List()
		if len(known) == 0 {
			known = []string{"none"}
		}
		return nil, fmt.Errorf("unknown layout %q (layouts: %s)", name, strings.Join(known, ", "))
	}
	if err != nil {
		return nil, err // a pipe, a link out of the folder, too large: it says which file
	}
	var spec layoutFile
	f, err := tomlfile.Decode(path.Join(l.dir, file), data, &spec)
	if f == nil {
		return nil, err
	}
	errs := []error{err}
	waitFaces := l.startFaces(slices.Collect(maps.Values(spec.Faces)))
	brand, err := l.brand(f, spec.Brand)
	errs = append(errs, err)
	waitFaces()
	lay, cerrs := l.compileLayout(name, f, &spec, brand)
	if err := errors.Join(tomlfile.Sort(append(errs, cerrs...))...); err != nil {
		return nil, err
	}
	lay.digest = sync.OnceValue(func() string { return l.digest(data, &spec, brand, lay.Faces) })
	return lay, nil
}

// digest is the SHA-256 of everything a layout reads: its file, its brand
// and logo, and its fonts (faces by name).
func (l *Loader) digest(layout []byte, spec *layoutFile, brand *Brand, faces map[string]*font.Face) string {
	h := sha256.New()
	hashPart(h, "layout", layout)
	if brand.digest != nil {
		fmt.Fprintf(h, "brand %x\n", brand.digest.Sum(nil))
	}
	for _, name := range sortedNames(spec.Faces) {
		file := spec.Faces[name]
		fmt.Fprintf(h, "face %s %s %s\n", name, file, l.fontSum(file, faces[name]))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// fontSum is the SHA-256 of a font file, hashed once per Loader (a
// built-in font's is known without hashing it); "" for a face that could
// not be loaded (the layout has errors then).
func (l *Loader) fontSum(file string, f *font.Face) string {
	if f == nil {
		return ""
	}
	l.digestMu.Lock()
	defer l.digestMu.Unlock()
	if d, ok := l.fontDigest[file]; ok {
		return d
	}
	sum := safefile.SHA256(f.Data())
	d := hex.EncodeToString(sum[:])
	l.fontDigest[file] = d
	return d
}

// hashPart adds a named file to a digest.
func hashPart(h hash.Hash, name string, data []byte) {
	fmt.Fprintf(h, "%s %d\n", name, len(data))
	h.Write(data)
}

// validSource reports whether s may be a campaign's source, which goes
// into URLs as is: 1 to 40 ASCII letters, digits, - and _.
func validSource(s string) bool {
	if len(s) == 0 || len(s) > 40 {
		return false
	}
	for _, c := range []byte(s) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// brand loads the brand file that the layout file f names. It returns a
// brand even with errors, so that the layout can be checked against what
// could be read of its palette.
func (l *Loader) brand(f *tomlfile.File, file string) (*Brand, error) {
	unread := &Brand{Palette: map[string]color.Color{}} // palette unknown
	if file == "" {
		return unread, f.Errorf([]string{"brand"}, "missing brand (the brand file, like \"brand.toml\")")
	}
	shown := path.Join(l.dir, file)
	data, err := safefile.ReadFile(l.layouts, file, shown, safefile.Layout)
	if errors.Is(err, fs.ErrNotExist) {
		return unread, f.Errorf([]string{"brand"}, "brand: no file %s", shown)
	}
	if err != nil {
		return unread, err
	}
	var spec brandFile
	bf, err := tomlfile.Decode(shown, data, &spec)
	if bf == nil {
		return unread, err
	}
	errs := []error{err}
	b := &Brand{Name: spec.Name, Email: spec.Email, Phone: spec.Phone, Web: spec.Web, Legal: spec.Legal,
		Palette: map[string]color.Color{}, declared: map[string]bool{}, file: bf, digest: sha256.New()}
	hashPart(b.digest, file, data)
	if c := spec.Campaign; c != nil {
		b.Campaign = c.Source
		if !validSource(c.Source) {
			errs = append(errs, bf.Errorf([]string{"campaign", "source"}, "campaign.source: %q: want a short name of letters, digits, - and _ (like \"brochure\")", c.Source))
		}
	}
	for key, v := range map[string]string{"name": spec.Name, "email": spec.Email, "web": spec.Web} {
		if strings.TrimSpace(v) == "" {
			errs = append(errs, bf.Errorf([]string{key}, "missing %s", key))
		}
	}
	for name, p := range spec.Palette {
		b.declared[name] = true
		switch {
		case p.RGB == nil:
			errs = append(errs, bf.Errorf([]string{"palette", name, "rgb"}, "palette.%s: missing rgb (the screen colour, like \"#123f6d\")", name))
		case p.CMYK == nil:
			errs = append(errs, bf.Errorf([]string{"palette", name, "cmyk"}, "palette.%s: missing cmyk (the print colour, like \"100 60 0 40\")", name))
			b.Palette[name] = color.Color{Name: name, RGB: *p.RGB} // for the logo's fills
		default:
			c := color.Color{Name: name, RGB: *p.RGB, CMYK: *p.CMYK}
			if p.Spot != nil {
				c.Spot = *p.Spot
				if err := color.CheckSpot(c.Spot); err != nil {
					errs = append(errs, bf.Errorf([]string{"palette", name, "spot"}, "palette.%s.spot: %v", name, err))
				}
			}
			if p.OneInk != nil {
				c.OneInk = p.OneInk
				if n := p.OneInk.Inks(); n != 1 {
					errs = append(errs, bf.Errorf([]string{"palette", name, "one_ink"}, "palette.%s.one_ink: %q is %d inks: want one, like \"0 0 0 70\"", name, p.OneInk.String(), n))
				}
			}
			b.Palette[name] = c
		}
	}
	if spec.Logo != "" {
		shown := path.Join(l.dir, spec.Logo)
		data, err := safefile.ReadFile(l.layouts, spec.Logo, shown, safefile.Logo)
		hashPart(b.digest, spec.Logo, data)
		if errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, bf.Errorf([]string{"logo"}, "logo: no file %s", shown))
		} else if err != nil {
			errs = append(errs, err)
		} else if b.Logo, err = parseLogo(path.Join(l.dir, spec.Logo), data, b.Palette); err != nil {
			errs = append(errs, err)
		}
	}
	return b, errors.Join(tomlfile.Sort(errs)...)
}

// face returns the parsed font file, parsing it on first use.
func (l *Loader) face(file string) (*font.Face, error) {
	return entry(&l.mu, l.faces, file).get(func() (*font.Face, error) { return l.parseFace(file) })
}

// startFaces starts parsing the font files, each in its own goroutine,
// and returns the function that waits for them. load starts them as soon
// as the layout names its fonts, so that they are parsed while its brand
// and logo are read; errors are reported by face.
func (l *Loader) startFaces(files []string) (wait func()) {
	var wg sync.WaitGroup
	for _, file := range files {
		wg.Go(func() { _, _ = l.face(file) })
	}
	return wg.Wait
}

// parseFace reads and parses a font file, refusing what is no regular
// file of the fonts folder, or too large for a font.
func (l *Loader) parseFace(file string) (*font.Face, error) {
	shown := path.Join(l.fontDir(), file)
	data, err := safefile.ReadFile(l.fonts, file, shown, safefile.Font)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("no font file %q in fonts/", file)
	}
	if err != nil {
		return nil, err
	}
	f, err := font.Parse(file, data)
	if err != nil {
		// Say where the file is, instead of "font NAME".
		if inner := errors.Unwrap(err); inner != nil {
			err = inner
		}
		return nil, fmt.Errorf("%s: %w", shown, err)
	}
	return f, nil
}

// fontDir names the fonts folder in messages: the one beside the layouts
// folder.
func (l *Loader) fontDir() string { return path.Join(path.Dir(l.dir), "fonts") }
