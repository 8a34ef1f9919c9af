package content_test

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/brochure-dev/brochure/internal/content"
)

// TestLoadLanguages loads the SRE role in English, French and a broken
// German: in French only, German is neither read nor checked and the
// English reference still is; in every language, German's mistake fails
// the role.
func TestLoadLanguages(t *testing.T) {
	files := edited(t, change{"role.toml", `languages = ["en", "fr"]`, `languages = ["en", "fr", "de"]`})
	files["sre/de.toml"] = &fstest.MapFile{Data: []byte("title = \"Site Reliability Engineer\n")} // unterminated
	brokenEn := maps.Clone(files)
	edit(t, brokenEn, change{"en.toml", "\nkicker = ", "\ncolour = \"blue\"\nkicker = "})
	for _, tc := range []struct {
		name  string
		files fstest.MapFS
		only  []string
		texts []string // the languages loaded
		err   string   // in the error, when there is one
	}{
		{"French only", files, []string{"fr"}, []string{"en", "fr"}, ""},
		{"the reference only", files, []string{"en"}, []string{"en"}, ""},
		{"a language the role lacks", files, []string{"it"}, []string{"en"}, ""},
		{"every language", files, nil, nil, "brochures/sre/de.toml"},
		{"German asked for", files, []string{"fr", "de"}, nil, "brochures/sre/de.toml"},
		{"the reference is checked", brokenEn, []string{"fr"}, nil, `brochures/sre/en.toml`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := content.LoadLanguages(tc.files, "brochures", "sre", tc.only)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one naming %s", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := slices.Sorted(maps.Keys(r.Texts)); !slices.Equal(got, tc.texts) {
				t.Errorf("texts in %q, want %q", got, tc.texts)
			}
			if !slices.Equal(r.Facts.Languages, []string{"en", "fr", "de"}) {
				t.Errorf("the role's languages are %q: every language role.toml lists", r.Facts.Languages)
			}
		})
	}
}
