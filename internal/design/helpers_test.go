package design_test

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/brochure-dev/brochure/internal/anchor"
	"github.com/brochure-dev/brochure/internal/design"
)

var fonts = os.DirFS("../../fonts")

// layoutFiles returns the real layouts folder: a4.toml, brand.toml and
// the logo, read from ../../layouts.
func layoutFiles(t testing.TB) fstest.MapFS {
	t.Helper()
	files := fstest.MapFS{}
	for _, name := range []string{"a4.toml", "brand.toml", "northlight-logo.svg"} {
		data, err := os.ReadFile("../../layouts/" + name)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = &fstest.MapFile{Data: data}
	}
	return files
}

// change replaces the first old in a file with new.
type change struct{ file, old, new string }

// edited returns the real layouts with the changes applied, failing the
// test if a change does not fit them any more.
func edited(t testing.TB, changes ...change) fstest.MapFS {
	t.Helper()
	files := layoutFiles(t)
	for _, c := range changes {
		f, ok := files[c.file]
		if !ok {
			// Other layouts join the set when a change needs them.
			data, err := os.ReadFile("../../layouts/" + c.file)
			if err != nil {
				t.Fatalf("edit: no file %s", c.file)
			}
			f = &fstest.MapFile{Data: data}
		}
		s := string(f.Data)
		if !strings.Contains(s, c.old) {
			t.Fatalf("edit: %s does not contain %q", c.file, c.old)
		}
		files[c.file] = &fstest.MapFile{Data: []byte(strings.Replace(s, c.old, c.new, 1))}
	}
	return files
}

// anchorRE matches "layouts/a4.toml:⟨text⟩" or "...:⟨text|n⟩" in an
// expected message: the line holding text (its n-th such line) in that
// file, so that expectations survive edits of the real layouts. Its bare
// form, "⟨a4.toml:text⟩", gives the line number alone.
var (
	anchorRE     = regexp.MustCompile(`layouts/([\w.-]+):⟨([^⟩]*)⟩`)
	bareAnchorRE = regexp.MustCompile(`⟨([\w.-]+\.(?:toml|svg)):([^⟩]*)⟩`)
)

// expand replaces the anchors of want by line numbers.
func expand(t testing.TB, files fstest.MapFS, want string) string {
	t.Helper()
	line := func(m, name, text string) string {
		f := files[name]
		if f == nil {
			t.Fatalf("anchor %s: no file", m)
		}
		n, ok := anchor.Line(f.Data, text)
		if !ok {
			t.Fatalf("anchor %s: no such line", m)
		}
		return strconv.Itoa(n)
	}
	want = anchorRE.ReplaceAllStringFunc(want, func(m string) string {
		sub := anchorRE.FindStringSubmatch(m)
		return "layouts/" + sub[1] + ":" + line(m, sub[1], sub[2])
	})
	return bareAnchorRE.ReplaceAllStringFunc(want, func(m string) string {
		sub := bareAnchorRE.FindStringSubmatch(m)
		return line(m, sub[1], sub[2])
	})
}

// errCase is a change to the real layouts and the complete error that
// loading a4 then gives.
type errCase struct {
	name    string
	changes []change
	want    string // with anchors
	layout  string // "" for a4
}

func runErrCases(t *testing.T, cases []errCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			files := edited(t, tc.changes...)
			want := expand(t, files, tc.want)
			name := tc.layout
			if name == "" {
				name = "a4"
			}
			lay, err := design.NewLoader(files, fonts, "layouts").Layout(name)
			if err == nil {
				t.Fatalf("no error, want:\n%s", want)
			}
			if lay != nil {
				t.Errorf("Layout returned a layout along with the error")
			}
			if got := err.Error(); got != want {
				t.Errorf("error:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
