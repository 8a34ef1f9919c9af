// Package build runs the pipeline for the command line: it finds the
// content, layouts and fonts, expands roles × languages × layouts into
// jobs, renders them and writes each PDF atomically.
package build

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/content"
	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/overlay"
	"github.com/brochure-dev/brochure/internal/safefile"
	"github.com/brochure-dev/brochure/internal/team"
	"github.com/brochure-dev/brochure/layouts"
)

// Project is a content folder with the layouts and fonts that apply to
// it. Roles, layouts and fonts are loaded once and shared; a Project is
// safe for concurrent use.
type Project struct {
	// Dir is the content folder as the user named it.
	Dir     string
	content fs.FS
	designs *design.Loader
	// date, when set, replaces every role's date (SOURCE_DATE_EPOCH).
	date time.Time

	teamOnce sync.Once
	team     *team.Team
	teamErr  error

	// only, when set, is the languages roles are loaded in (besides
	// their reference language): see OnlyLanguages.
	only []string

	mu    sync.Mutex
	roles map[string]*roleResult
	// photoSums holds the SHA-256 of each team photo, made once: a batch
	// of personal editions digests the same photo for each.
	photoSums sync.Map // *team.Photo → string
}

// roleResult is a role loaded, once: a role's load does not wait for
// other roles'.
type roleResult struct {
	once sync.Once
	role *content.Role
	err  error
}

// Open opens the content folder dir. A layouts/ or fonts/ folder beside
// it overrides, file by file, the ones built into the binary.
// SOURCE_DATE_EPOCH, when set, dates every PDF.
func Open(dir string) (*Project, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("content folder %s: not found", dir)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("content folder %s: not a folder", dir)
	}
	parent := filepath.Dir(filepath.Clean(dir))
	p := &Project{
		Dir:     dir,
		content: safefile.DirFS(dir),
		designs: design.NewLoader(
			overlay.New(dirFS(filepath.Join(parent, "layouts")), layouts.FS),
			overlay.New(dirFS(filepath.Join(parent, "fonts")), fonts.FS),
			displayPath(filepath.Join(parent, "layouts")),
		),
		roles: map[string]*roleResult{},
	}
	if v, ok := os.LookupEnv("SOURCE_DATE_EPOCH"); ok && v != "" {
		secs, err := strconv.ParseInt(v, 10, 64)
		if err != nil || secs < 0 {
			return nil, fmt.Errorf("SOURCE_DATE_EPOCH=%q: want a number of seconds since 1970", v)
		}
		p.date = time.Unix(secs, 0).UTC()
	}
	return p, nil
}

// dirFS is the folder dir if there is one, else nil. Only regular files
// inside it are read (see safefile).
func dirFS(dir string) fs.FS {
	if st, err := os.Stat(dir); err == nil && st.IsDir() {
		return safefile.DirFS(dir)
	}
	return nil
}

// displayPath shortens a path for messages: relative to the working
// folder when below it.
func displayPath(p string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, p); err == nil && !filepath.IsAbs(rel) && rel[0] != '.' {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(p)
}

// Roles lists the roles of the content folder.
func (p *Project) Roles() ([]string, error) {
	roles, err := content.List(p.content)
	if err != nil {
		return nil, fmt.Errorf("content folder %s: %w", p.Dir, err)
	}
	return roles, nil
}

// Layouts lists the layout names.
func (p *Project) Layouts() ([]string, error) { return p.designs.List() }

// Layout returns a compiled layout.
func (p *Project) Layout(name string) (*design.Layout, error) { return p.designs.Layout(name) }

// Role loads a role once and returns it, or its problems. Different
// roles load at the same time.
func (p *Project) Role(id string) (*content.Role, error) {
	r := p.roleEntry(id)
	r.once.Do(func() { r.role, r.err = content.LoadLanguages(p.content, displayPath(p.Dir), id, p.only) })
	return r.role, r.err
}

// roleEntry returns the role's entry, made on first use.
func (p *Project) roleEntry(id string) *roleResult {
	p.mu.Lock()
	defer p.mu.Unlock()
	r, ok := p.roles[id]
	if !ok {
		r = &roleResult{}
		p.roles[id] = r
	}
	return r
}

// OnlyLanguages makes the project load and check roles in these languages
// only, besides each role's reference language, which the others are
// checked against: a build of some languages neither reads nor checks the
// others (see content.LoadLanguages). The roles' outputs still depend on
// every file of the role (see inputs). Call it before anything is loaded.
func (p *Project) OnlyLanguages(langs []string) { p.only = slices.Clone(langs) }

// Heading reads what a listing shows of a role, without loading it.
func (p *Project) Heading(id string) (content.Heading, error) {
	return content.ReadHeading(p.content, displayPath(p.Dir), id)
}

// Headings reads the headings of roles on every CPU at once (each is two
// files to read: 200 roles took 38 ms one after the other, 29.5 now),
// with each one's error, in the order of ids.
func (p *Project) Headings(ids []string) ([]content.Heading, []error) {
	heads, errs := make([]content.Heading, len(ids)), make([]error, len(ids))
	onEveryCPU(len(ids), func(i int) { heads[i], errs[i] = p.Heading(ids[i]) })
	return heads, errs
}

// Description reads a layout's description, without compiling it.
func (p *Project) Description(name string) (string, error) { return p.designs.Description(name) }

// Preload loads roles on every CPU at once, so that listing a large
// batch's jobs, or a server's roles, does not parse them one after the
// other. Their errors are Role's.
func (p *Project) Preload(ids []string) {
	onEveryCPU(len(ids), func(i int) { _, _ = p.Role(ids[i]) }) // errors are reported where roles are used
}

// onEveryCPU calls do for 0 to n-1, on as many goroutines as the process
// may use CPUs, and returns when every call has.
func onEveryCPU(n int, do func(i int)) {
	var wg sync.WaitGroup
	ch := make(chan int)
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := range ch {
				do(i)
			}
		})
	}
	for i := range n {
		ch <- i
	}
	close(ch)
	wg.Wait()
}
