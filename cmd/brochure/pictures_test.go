package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "draw the README's page pictures (docs/pages) again")

// readmePictures are the builds that draw the README's page pictures,
// and the pages of theirs it shows, by file name without ".svg".
var readmePictures = []struct {
	args  []string
	pages []string
}{
	{[]string{"sre", "--layout", "a4,a5-booklet,trifold,side-by-side"}, []string{
		"sre-en-a4-1", "sre-fr-a4-2", "sre-de-a4-1", "sre-en-fr-side-by-side-1",
		"sre-en-a5-booklet-1", "sre-en-a5-booklet-2", "sre-en-a5-booklet-3", "sre-en-a5-booklet-4",
		"sre-en-a5-booklet-5", "sre-en-a5-booklet-6", "sre-en-a5-booklet-7", "sre-en-a5-booklet-8",
		"sre-en-trifold-1", "sre-en-trifold-2",
	}},
	{[]string{"sre", "--lang", "fr", "--layout", "a4", "--client", "Société Générale", "--contact", "Marie Dupont",
		"--by", "jdoe", "--date", "2026-11-21"}, []string{"sre-fr-a4-societe-generale-1"}},
	{[]string{"sre", "--lang", "en", "--layout", "a5-booklet", "--client", "Acme Industries", "--contact", "John Smith",
		"--by", "mmartin", "--date", "2026-11-21",
		"--note", "John, as promised after Tuesday's call: the SRE profile, with our salary ranges for Lyon and Paris."},
		[]string{"sre-en-a5-booklet-acme-industries-8"}},
}

// TestREADMEPictures checks that the README's page pictures are what
// "build --format svg" draws from the current content, layouts and code,
// so that they never drift from the PDFs. "make pictures" (this test
// with -update) draws them again.
func TestREADMEPictures(t *testing.T) {
	const dir = "../../docs/pages"
	var want []string
	for _, pic := range readmePictures {
		out := t.TempDir()
		args := append([]string{"--content", contentDir, "build", "--format", "svg", "--out", out}, pic.args...)
		if r := brochure(t, t.TempDir(), args...); r.code != 0 {
			t.Fatalf("brochure %s:\n%s", strings.Join(args, " "), r)
		}
		for _, page := range pic.pages {
			name := page + ".svg"
			want = append(want, name)
			drawn, err := os.ReadFile(filepath.Join(out, name))
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, name)
			if *update {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, drawn, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			if have, err := os.ReadFile(path); err != nil {
				t.Errorf("%v: run make pictures", err)
			} else if !bytes.Equal(have, drawn) {
				t.Errorf("docs/pages/%s is not what the build draws now: run make pictures", name)
			}
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if slices.Contains(want, e.Name()) {
			continue
		}
		if *update {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
				t.Fatal(err)
			}
			continue
		}
		t.Errorf("docs/pages/%s is no picture of the README's: run make pictures", e.Name())
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range want {
		if !bytes.Contains(readme, []byte("docs/pages/"+name)) {
			t.Errorf("README.md does not show docs/pages/%s", name)
		}
	}
}
