package content

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestReadHeading(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files fstest.MapFS
		want  Heading
		err   string // in the error, when there is one
	}{
		{"languages and the first one's title, the rest unchecked", fstest.MapFS{
			"r/role.toml": {Data: []byte("languages = [\"fr\", \"en\"]\nperiod = \"fortnight\"\n")},
			"r/fr.toml":   {Data: []byte("title = \"Ingénieur\"\ncolour = \"bleu\"\n")},
		}, Heading{Languages: []string{"fr", "en"}, Title: "Ingénieur"}, ""},
		{"role.toml does not decode", fstest.MapFS{
			"r/role.toml": {Data: []byte("languages = [\"fr\"\n")},
		}, Heading{}, "content/r/role.toml"},
		{"no languages", fstest.MapFS{
			"r/role.toml": {Data: []byte("id = \"r\"\n")},
		}, Heading{}, "content/r/role.toml: no languages"},
		{"the first language's file is missing", fstest.MapFS{
			"r/role.toml": {Data: []byte("languages = [\"fr\"]\n")},
		}, Heading{Languages: []string{"fr"}}, "content/r/fr.toml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadHeading(tc.files, "content", "r")
			if tc.err == "" && err != nil || tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
				t.Fatalf("error %v, want one naming %q", err, tc.err)
			}
			if !slices.Equal(got.Languages, tc.want.Languages) || got.Title != tc.want.Title {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}
