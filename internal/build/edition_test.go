package build

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestEditionJobs checks --edition: the multilingual layouts make the
// edition's languages, in its order, without a layout file of their own;
// the others are made in each of its languages.
func TestEditionJobs(t *testing.T) {
	p, err := Open(contentDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		layout  string
		edition []string
		first   string
		want    []string
	}{
		{"bilingual", nil, "", []string{"sre-en-fr-bilingual.pdf"}}, // the layout's languages
		{"bilingual", []string{"fr", "de"}, "", []string{"sre-fr-de-bilingual.pdf"}},
		{"bilingual", []string{"de", "en", "fr"}, "", []string{"sre-de-en-fr-bilingual.pdf"}},
		{"side-by-side", []string{"fr", "de"}, "", []string{"sre-fr-de-side-by-side.pdf"}},
		{"side-by-side", []string{"fr", "de"}, "de", []string{"sre-de-fr-side-by-side.pdf"}},
		{"flyer", []string{"de", "fr"}, "", []string{"sre-de-fr-flyer.pdf"}},
		{"a4", []string{"fr", "de"}, "", []string{"sre-fr-a4.pdf", "sre-de-a4.pdf"}},
	} {
		jobs, err := p.Jobs(Selection{Roles: []string{"sre"}, Layouts: []string{tc.layout}, Edition: tc.edition, First: tc.first})
		if err != nil {
			t.Errorf("%s %v: %v", tc.layout, tc.edition, err)
			continue
		}
		var got []string
		for _, j := range jobs {
			got = append(got, j.File())
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s %v first %q: %q, want %q", tc.layout, tc.edition, tc.first, got, tc.want)
		}
	}
}

// TestEditionErrors: an edition the command line gets wrong is a usage
// error saying why.
func TestEditionErrors(t *testing.T) {
	p, err := Open(contentDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		sel  Selection
		want string
	}{
		{Selection{Edition: []string{"fr"}}, "--edition fr: an edition names two languages or more, like fr+de"},
		{Selection{Edition: []string{"fr", "fr"}}, "--edition fr+fr: fr twice"},
		{Selection{Edition: []string{"fr", "de", "en"}, Layouts: []string{"side-by-side"}}, "--edition fr+de+en: layout side-by-side sets two languages side by side"},
		{Selection{Edition: []string{"fr", "de"}, Langs: []string{"fr"}}, "--edition fr+de: and --lang: give one or the other"},
		{Selection{Edition: []string{"fr", "de-CH"}}, `role sre has no "de-CH" text (its languages: en, fr, de, es, it, nl, pt-PT)`},
	} {
		_, err := p.Jobs(tc.sel)
		var usage UsageError
		if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.As(err, &usage) {
			t.Errorf("%+v: error %v, want a usage error %q", tc.sel, err, tc.want)
		}
	}
}

// TestEditionBuilt builds a French and German side-by-side edition and
// reads both languages on its first page.
func TestEditionBuilt(t *testing.T) {
	needTool(t, "pdftotext")
	path := buildJob(t, Job{Role: testRole, Lang: "fr+de", Layout: "side-by-side"})
	if filepath.Base(path) != "sre-fr-de-side-by-side.pdf" {
		t.Errorf("file %s", filepath.Base(path))
	}
	role, _ := source(t)
	text := pageText(t, path, 1)
	for _, lang := range []string{"fr", "de"} {
		if h := normSpace(role.Texts[lang].Sections["role"].Heading); !strings.Contains(text, h) {
			t.Errorf("page 1 lacks the %s heading %q", lang, h)
		}
	}
}

// TestRecipientsEdition: a recipients file's edition column chooses each
// row's languages.
func TestRecipientsEdition(t *testing.T) {
	p, err := Open(contentDir)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "clients.csv")
	csv := "client,edition,layout\nAcme,fr+de,bilingual\nBeta,,bilingual\n"
	if err := os.WriteFile(file, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	jobs, err := p.RecipientJobs(file, Selection{Roles: []string{"sre"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, j := range jobs {
		got = append(got, j.File())
	}
	want := []string{"sre-fr-de-bilingual-acme.pdf", "sre-en-fr-bilingual-beta.pdf"}
	if !slices.Equal(got, want) {
		t.Errorf("jobs %q, want %q", got, want)
	}
}
