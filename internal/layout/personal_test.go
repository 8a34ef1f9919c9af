package layout

import (
	"strings"
	"testing"
	"time"

	"github.com/brochure-dev/brochure/internal/document"
	"github.com/brochure-dev/brochure/internal/edition"
	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/hyphen"
	"github.com/brochure-dev/brochure/internal/team"
	"github.com/brochure-dev/brochure/internal/typeset"
)

// longest is a personal edition with every field as long as it may be,
// in words a client would really type.
func longest(t testing.TB) *edition.Personal {
	t.Helper()
	tm, err := team.Parse("team.toml", []byte(`[x]
name = "`+strings.Repeat("Maximilienne ", 4)[:team.MaxName]+`"
email = "maximilienne.delacroix-montgolfier@northlight-talent.example"
phone = "+33 6 12 34 56 78"
title = { en = "Senior Talent Partner, Infrastructure and Reliability", fr = "Partenaire recrutement senior, infrastructure et fiabilité" }
`), nil)
	if err != nil {
		t.Fatal(err)
	}
	by, err := tm.Member("x")
	if err != nil {
		t.Fatal(err)
	}
	words := func(n int) string {
		s := []rune(strings.Repeat("Internationale Compagnie Générale d’Électricité ", 10))
		return strings.TrimSpace(string(s[:n-1])) + "x"
	}
	p := &edition.Personal{
		Client:  words(edition.MaxClient),
		Contact: words(edition.MaxContact),
		Note:    words(edition.MaxNote),
		By:      by,
		Date:    time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC),
	}
	if err := p.Check(); err != nil {
		t.Fatal(err)
	}
	return p
}

// personalDoc builds r's personal document in lang for layout name.
func personalDoc(t *testing.T, p *edition.Personal, lang, name string, note bool) *document.Doc {
	t.Helper()
	doc, l := builtDoc(t, lang, name)
	if err := doc.Personalise(p, l, note, "pdf"); err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestPersonalFrames lays out a personal edition with the longest values
// the fields allow on every layout, in both languages: everything stays
// inside the page, its margins and its boxes (the geometry checks), the
// footer stays one line, the text of each field is all there, and the
// call to action names the salesperson instead of the brand.
func TestPersonalFrames(t *testing.T) {
	p := longest(t)
	for _, name := range []string{"a4", "letter", "a5-booklet", "trifold", "poster", "side-by-side"} {
		for _, lang := range []string{"en", "fr"} {
			if name == "side-by-side" && lang == "fr" {
				continue // one edition holds both
			}
			t.Run(name+"/"+lang, func(t *testing.T) {
				l, err := loader.Layout(name)
				if err != nil {
					t.Fatal(err)
				}
				var d *frame.Document
				if name == "side-by-side" {
					var docs []*document.Doc
					var hys []typeset.Hyphenator
					for i, lg := range sideLangs {
						docs = append(docs, personalDoc(t, p, lg, name, i == 0))
						h, _ := hyphen.For(lg)
						hys = append(hys, h)
					}
					d, _, err = LayParallel(docs, l, hys)
				} else {
					h, _ := hyphen.For(lang)
					d, _, err = Lay(personalDoc(t, p, lang, name, true), l, h)
				}
				if err != nil {
					t.Fatal(err)
				}
				checkGeometry(t, d, l, nil)
				var all strings.Builder
				for i, pg := range d.Pages {
					all.WriteString(texts(pg, "") + " ")
					baselines := map[float64]bool{}
					for _, it := range pg.Items {
						if tx, ok := it.(*frame.Text); ok && tx.Tag == "footer" {
							baselines[tx.Y] = true
						}
					}
					if len(baselines) > 1 {
						t.Errorf("page %d: the footer takes %d lines", i+1, len(baselines))
					}
				}
				got := squash(all.String())
				for _, want := range []string{p.Client, p.Contact, p.Note, p.By.Name, p.By.Email} {
					if !strings.Contains(got, squash(want)) {
						t.Errorf("the frames lack %q", want)
					}
				}
				if strings.Contains(got, squash(l.Brand.Email)) {
					t.Errorf("the brand's address %s is shown where the salesperson's should be", l.Brand.Email)
				}
			})
		}
	}
}

// squash drops hyphens, spaces and no-break spaces, and makes
// apostrophes straight, so that text set in lines compares with text as
// typed.
func squash(s string) string {
	return strings.NewReplacer("-", "", " ", "", "\u00a0", "", "\u202f", "", "’", "'").Replace(s)
}

// TestGenericFooterUnchanged checks that {prepared} and its separator
// leave no trace in a generic edition's footer, and say who in a
// personal one.
func TestPreparedPlaceholder(t *testing.T) {
	l := a4(t)
	for _, tc := range []struct {
		personal bool
		want     string
	}{{false, "1\u202f/\u202f2"}, {true, "Prepared by Jeanne Doe · 1\u202f/\u202f2"}} {
		doc, err := document.Build(sre(t), "en", l)
		if err != nil {
			t.Fatal(err)
		}
		if tc.personal {
			tm, err := team.Parse("team.toml", []byte("[jd]\nname = \"Jeanne Doe\"\nemail = \"jd@example.com\"\ntitle = { en = \"Partner\" }\n"), nil)
			if err != nil {
				t.Fatal(err)
			}
			m, _ := tm.Member("jd")
			if err := doc.Personalise(&edition.Personal{Client: "Acme", By: m}, l, true, "pdf"); err != nil {
				t.Fatal(err)
			}
		}
		c := &composer{lay: l, doc: doc}
		var got string
		for _, s := range c.template(l.Footer[1], 0, 2, l.Styles["footer"]) {
			got += s.Text
		}
		if got != tc.want {
			t.Errorf("personal %v: footer %q, want %q", tc.personal, got, tc.want)
		}
	}
}

// TestCallToActionNotAlone lays out the side-by-side edition with a
// personal call to action too tall for the last page of sections at full
// size: the type shrinks a little rather than leaving the call to action
// alone on a page of its own.
func TestCallToActionNotAlone(t *testing.T) {
	lay := sideBySide(t)
	tm, err := team.Parse("team.toml", []byte("[jd]\nname = \"Jeanne Doe\"\nemail = \"jd@example.com\"\nphone = \"+33 6 12 34 56 78\"\ntitle = { en = \"Senior Talent Partner\", fr = \"Partenaire recrutement senior\" }\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := tm.Member("jd")
	p := &edition.Personal{Client: "Acme Corp", Contact: "Marie Dupont", By: m, Note: "Marie, as promised after Tuesday's call: the SRE profile, with our salary ranges for Lyon and Paris."}
	var docs []*document.Doc
	var hys []typeset.Hyphenator
	for i, lg := range sideLangs {
		docs = append(docs, personalDoc(t, p, lg, "side-by-side", i == 0))
		h, _ := hyphen.For(lg)
		hys = append(hys, h)
	}
	d, rep, err := LayParallel(docs, lay, hys)
	if err != nil {
		t.Fatal(err)
	}
	last := d.Pages[len(d.Pages)-1]
	if texts(last, "body") == "" && texts(last, "heading") == "" && texts(last, "group") == "" {
		t.Errorf("the last of %d pages holds the call to action alone (scale %.2f)", len(d.Pages), rep.Scale)
	}
	if rep.Scale < 0.85 {
		t.Errorf("the type shrank to %.2f", rep.Scale)
	}
}
