package render

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/edition"
	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/team"
)

// TestStructure lays out every layout, in every variant, generic and
// personal, and checks the structure a screen reader follows: every text
// run, picture and link in exactly one element or an artifact, headings
// that never skip a level, figures with alternative text, each language
// of a bilingual edition a part with its language, and the running
// headers and footers artifacts.
func TestStructure(t *testing.T) {
	names, err := loader.List()
	if err != nil {
		t.Fatal(err)
	}
	by := member(t)
	for _, name := range names {
		l, err := loader.Layout(name)
		if err != nil {
			t.Fatal(err)
		}
		variants := []string{"screen", "print"}
		if l.Kind == "booklet" {
			variants = append(variants, "imposed")
		}
		for _, v := range variants {
			for _, personal := range []bool{false, true} {
				langs := l.Languages
				if len(langs) == 0 {
					langs = []string{"fr"}
				}
				in := input(t, name, langs...)
				if personal {
					in.Personal = &edition.Personal{Client: "Acme Corp", Contact: "Jane Roe", Note: "A note for Acme.", By: by}
				}
				d, _, err := Frames(context.Background(), in, Options{Variant: v})
				if err != nil {
					t.Fatalf("%s %s: %v", name, v, err)
				}
				if err := frame.CheckStructure(d); err != nil {
					t.Errorf("%s %s (personal %v):\n%v", name, v, personal, err)
				}
				checkParts(t, name, d, langs)
				checkFurniture(t, name, d)
			}
		}
	}
}

// member is a salesperson with a portrait.
func member(t *testing.T) *team.Member {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 600, 600))
	for i := range img.Pix {
		img.Pix[i] = uint8(i / 600)
	}
	var png_ bytes.Buffer
	if err := png.Encode(&png_, img); err != nil {
		t.Fatal(err)
	}
	tm, err := team.Parse("team.toml", []byte(`[jdoe]
name = "Jane Doe"
email = "jane.doe@northlight-talent.example"
photo = "jdoe.png"
title = { en = "Talent partner", fr = "Partenaire recrutement" }
`), func(string) ([]byte, error) { return png_.Bytes(), nil })
	if err != nil {
		t.Fatal(err)
	}
	m, err := tm.Member("jdoe")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// checkParts checks that a bilingual edition's languages are parts of
// the structure, in order, each with its language, and a one-language
// edition has none.
func checkParts(t *testing.T, name string, d *frame.Document, langs []string) {
	t.Helper()
	var parts []string
	for _, k := range d.Structure.Kids {
		if k.Role == frame.RolePart {
			parts = append(parts, k.Lang)
		}
	}
	want := langs
	if len(langs) < 2 {
		want = nil
	}
	if strings.Join(parts, "+") != strings.Join(want, "+") {
		t.Errorf("%s: parts %q, want %q", name, parts, want)
	}
}

// checkFurniture checks that the running headers and footers are
// artifacts, and that nothing else is text a reader skips.
func checkFurniture(t *testing.T, name string, d *frame.Document) {
	t.Helper()
	for i, pg := range d.Pages {
		for _, it := range pg.Items {
			tx, ok := it.(*frame.Text)
			if !ok || tx.Text == "" {
				continue
			}
			furniture := tx.Tag == "header" || tx.Tag == "footer"
			if furniture != tx.Struct.IsArtifact() {
				t.Errorf("%s page %d: %s text %q: artifact %v", name, i+1, tx.Tag, tx.Text, tx.Struct.IsArtifact())
			}
		}
	}
}

// TestImposedSaysWhatItIs checks that a booklet imposed for an office
// printer says so, and how to print it, in its own language, before its
// subject.
func TestImposedSaysWhatItIs(t *testing.T) {
	for _, tc := range []struct{ lang, want string }{
		{"en", "Booklet imposed for office printing"},
		{"fr", "Livret imposé pour une imprimante de bureau"},
		{"de", "Für den Bürodrucker ausgeschossene Broschüre"},
	} {
		in := input(t, "a5-booklet", tc.lang)
		d, _, err := Frames(context.Background(), in, Options{Variant: "imposed"})
		if err != nil {
			t.Fatal(err)
		}
		screen, _, err := Frames(context.Background(), in, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(d.Meta.Subject, tc.want) || !strings.HasSuffix(d.Meta.Subject, screen.Meta.Subject) {
			t.Errorf("%s: subject %q, want %q… then the booklet's subject %q", tc.lang, d.Meta.Subject, tc.want, screen.Meta.Subject)
		}
		if strings.HasPrefix(screen.Meta.Subject, tc.want) {
			t.Errorf("%s: the screen booklet says it is imposed", tc.lang)
		}
	}
}
