package content_test

import (
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/brochure-dev/brochure/internal/anchor"
	"github.com/brochure-dev/brochure/internal/content"
)

// languagesRE is role.toml's list of languages.
var languagesRE = regexp.MustCompile(`(?m)^languages = \[.*\]$`)

// sreFiles returns the real SRE role as a content folder: the files of
// ../../brochures/sre under "sre/", in English and French only, which the
// expected errors name (the other languages are checked by TestRealRole).
func sreFiles(t testing.TB) fstest.MapFS {
	t.Helper()
	files := fstest.MapFS{}
	for _, name := range []string{"role.toml", "en.toml", "fr.toml"} {
		data, err := os.ReadFile(path.Join("../../brochures/sre", name))
		if err != nil {
			t.Fatal(err)
		}
		if name == "role.toml" {
			data = languagesRE.ReplaceAll(data, []byte(`languages = ["en", "fr"]`))
		}
		files["sre/"+name] = &fstest.MapFile{Data: data}
	}
	return files
}

// change replaces the first old in a file of the role with new.
type change struct{ file, old, new string }

// edit applies a change, failing the test if the file or old is absent,
// so that a case whose edit no longer fits the real content says so.
func edit(t testing.TB, files fstest.MapFS, c change) {
	t.Helper()
	f, ok := files["sre/"+c.file]
	if !ok {
		t.Fatalf("edit: no file %s", c.file)
	}
	s := string(f.Data)
	if !strings.Contains(s, c.old) {
		t.Fatalf("edit: %s does not contain %q", c.file, c.old)
	}
	files["sre/"+c.file] = &fstest.MapFile{Data: []byte(strings.Replace(s, c.old, c.new, 1))}
}

// edited returns the real SRE role with the changes applied.
func edited(t testing.TB, changes ...change) fstest.MapFS {
	t.Helper()
	files := sreFiles(t)
	for _, c := range changes {
		edit(t, files, c)
	}
	return files
}

// anchorRE matches "brochures/sre/fr.toml:⟨text⟩" or "...:⟨text|n⟩" in an
// expected message: the line holding text (its n-th such line) in that
// file, so that expectations survive edits of the real content.
var anchorRE = regexp.MustCompile(`brochures/(sre/[\w.]+):⟨([^⟩]*)⟩`)

// expand replaces the anchors of want by line numbers.
func expand(t testing.TB, files fstest.MapFS, want string) string {
	t.Helper()
	return anchorRE.ReplaceAllStringFunc(want, func(m string) string {
		sub := anchorRE.FindStringSubmatch(m)
		f := files[sub[1]]
		if f == nil {
			t.Fatalf("anchor %s: no file", m)
		}
		n, ok := anchor.Line(f.Data, sub[2])
		if !ok {
			t.Fatalf("anchor %s: no such line", m)
		}
		return "brochures/" + sub[1] + ":" + strconv.Itoa(n)
	})
}

// errCase is a change to the real role and the complete error it causes.
type errCase struct {
	name    string
	changes []change
	want    string // with anchors
}

// runErrCases loads each case and compares the whole error message.
func runErrCases(t *testing.T, cases []errCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			files := edited(t, tc.changes...)
			want := expand(t, files, tc.want)
			role, err := content.Load(files, "brochures", "sre")
			if err == nil {
				t.Fatalf("no error, want:\n%s", want)
			}
			if role != nil {
				t.Errorf("Load returned a role along with the error")
			}
			if got := err.Error(); got != want {
				t.Errorf("error:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
