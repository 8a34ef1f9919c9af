package document

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/brochure-dev/brochure/internal/anchor"
	"github.com/brochure-dev/brochure/internal/content"
	"github.com/brochure-dev/brochure/internal/design"
)

// sreWith loads the SRE role with one language file's text replaced.
func sreWith(t *testing.T, file string, edits ...string) (*content.Role, []byte) {
	t.Helper()
	fsys := fstest.MapFS{}
	var edited []byte
	names, err := filepath.Glob("../../brochures/sre/*.toml")
	if err != nil || len(names) == 0 {
		t.Fatalf("the SRE role's files: %v", err)
	}
	for _, name := range names {
		name = filepath.Base(name)
		data, err := os.ReadFile(path.Join("../../brochures/sre", name))
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; name == file && i < len(edits); i += 2 {
			if edits[i] == "" {
				continue
			}
			if !strings.Contains(string(data), edits[i]) {
				t.Fatalf("%s has no %q", name, edits[i])
			}
			data = []byte(strings.Replace(string(data), edits[i], edits[i+1], 1))
			edited = data
		}
		fsys["sre/"+name] = &fstest.MapFile{Data: data}
	}
	r, err := content.Load(fsys, "brochures", "sre")
	if err != nil {
		t.Fatal(err)
	}
	return r, edited
}

// TestCoverage: a character the fonts lack is one error per file, at its
// first use, with the number of uses, whatever the layout.
func TestCoverage(t *testing.T) {
	loader := design.NewLoader(os.DirFS("../../layouts"), os.DirFS("../../fonts"), "layouts")
	for _, tt := range []struct {
		name, file, old, new string
		old2, new2           string
		want                 []string // anchor text, column, message
	}{
		{"CJK in the title and a paragraph", "fr.toml", `title = "Site`, `title = "数据 Site`, `"Trait d’union`, `"数 Trait d’union`,
			[]string{`title = "数据`, "10", `U+6570 '数' is not in Inter-Bold (used 2 times)`, `title = "数据`, "13", `U+636E '据' is not in Inter-Bold (used once)`}},
		{"an emoji written as an escape, used twice", "en.toml", `heading = "The role"`, `heading = "The role \U0001F600 \U0001F600"`, "", "",
			[]string{`heading = "The role \U`, "21", `U+1F600 '😀' is not in Inter-Bold (used 2 times)`}},
		{"soft hyphens and joiners are no missing glyphs", "en.toml", `title = "Site Reliability Engineer"`, "title = \"Site Relia\u00adbility\u200d Engi\u200bneer\u200c\"", "", "", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, data := sreWith(t, tt.file, tt.old, tt.new, tt.old2, tt.new2)
			var want []string
			for i := 0; i < len(tt.want); i += 3 {
				line, ok := anchor.Line(data, tt.want[i])
				if !ok {
					t.Fatalf("no line with %q", tt.want[i])
				}
				want = append(want, fmt.Sprintf("brochures/sre/%s:%d:%s: %s", tt.file, line, tt.want[i+1], tt.want[i+2]))
			}
			for _, name := range []string{"a4", "poster", "trifold"} {
				lay, err := loader.Layout(name)
				if err != nil {
					t.Fatal(err)
				}
				_, err = Build(r, strings.TrimSuffix(tt.file, ".toml"), lay)
				got := ""
				if err != nil {
					got = err.Error()
				}
				if got != strings.Join(want, "\n") {
					t.Errorf("%s: error:\n%s\nwant:\n%s", name, got, strings.Join(want, "\n"))
				}
			}
		})
	}
}
