package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/layouts"
)

// A section of a role that no layout lists is an error, whichever layout
// is built; one that only a later layout lists is not, though the layout
// built shows every other section (the other layouts are then read until
// every section is found).
func TestUnshownSections(t *testing.T) {
	tests := []struct {
		name    string
		without []string // layouts whose sections list drops "careers"
		want    string   // in the error; "" for none
	}{
		{"every layout shows every section", nil, ""},
		{"only later layouts show careers", []string{"a4"}, ""},
		{"only the last layout shows careers", []string{"a4", "a5-booklet", "bilingual", "flyer", "letter", "side-by-side"}, ""},
		{"no layout shows careers", []string{"a4", "a5-booklet", "bilingual", "flyer", "letter", "side-by-side", "trifold"},
			`section "careers": no layout shows it`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyContent(t)
			layouts := filepath.Join(filepath.Dir(dir), "layouts")
			if err := os.MkdirAll(layouts, 0o755); err != nil {
				t.Fatal(err)
			}
			for _, name := range tt.without {
				data, err := os.ReadFile(filepath.Join("..", "..", "layouts", name+".toml"))
				if err != nil {
					t.Fatal(err)
				}
				text := string(data)
				for _, drop := range []string{`, "careers"`, `"careers", `} {
					text = strings.Replace(text, drop, "", 1)
				}
				if strings.Contains(text, `"careers"`) {
					t.Fatalf("%s: careers still listed", name)
				}
				if err := os.WriteFile(filepath.Join(layouts, name+".toml"), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			p, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			_, err = p.Jobs(Selection{Roles: []string{testRole}, Layouts: []string{"a4"}, Langs: []string{"en"}})
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Jobs: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("Jobs: %v, want an error with %q", err, tt.want)
			}
		})
	}
}

// A build of a layout that shows every section of the role reads no
// other layout, and does not list the layouts folder: that check looks
// further only when a section is left over.
func TestUnshownReadsNoOtherLayout(t *testing.T) {
	tests := []struct {
		name    string
		layout  string
		further bool // other layouts must be read
	}{
		{"a4 shows every section", "a4", false},
		{"the poster shows the missions alone", "poster", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Open(copyContent(t))
			if err != nil {
				t.Fatal(err)
			}
			rec := &recordingFS{FS: layouts.FS}
			p.designs = design.NewLoader(rec, fonts.FS, "layouts")
			if _, err := p.Jobs(Selection{Roles: []string{testRole}, Layouts: []string{tt.layout}, Langs: []string{"en"}}); err != nil {
				t.Fatal(err)
			}
			var others []string
			for _, name := range rec.opened() {
				if strings.HasSuffix(name, ".toml") && name != tt.layout+".toml" && name != "brand.toml" {
					others = append(others, name)
				}
			}
			if got := rec.listed() || len(others) > 0; got != tt.further {
				t.Errorf("layouts folder listed: %v, other files read: %v; want other layouts read: %v", rec.listed(), others, tt.further)
			}
		})
	}
}

// recordingFS records the files opened and the folders listed in FS.
type recordingFS struct {
	fs.FS
	mu   sync.Mutex
	open []string
	dirs bool // a folder was listed
}

func (r *recordingFS) Open(name string) (fs.File, error) {
	r.mu.Lock()
	r.open = append(r.open, name)
	r.mu.Unlock()
	return r.FS.Open(name)
}

func (r *recordingFS) ReadDir(name string) ([]fs.DirEntry, error) {
	r.mu.Lock()
	r.dirs = true
	r.mu.Unlock()
	return fs.ReadDir(r.FS, name)
}

func (r *recordingFS) opened() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.open)
}

func (r *recordingFS) listed() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.dirs
}
