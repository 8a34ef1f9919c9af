package build

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// outlineEntry is a bookmark as qpdf --json gives it.
type outlineEntry struct {
	Title string         `json:"title"`
	Page  int            `json:"destpageposfrom1"`
	Dest  []any          `json:"dest"`
	Kids  []outlineEntry `json:"kids"`
}

// TestSideBySideEdition builds the side-by-side layout, screen and print,
// and reads the PDFs back: one file per role with both languages; each
// section's English and French headings on the same page, at the same
// height, English on the left; the outline one entry per language with
// its sections below; fonts embedded; a clean qpdf check; the document
// language the first one.
func TestSideBySideEdition(t *testing.T) {
	p, err := Open(contentDir)
	if err != nil {
		t.Fatal(err)
	}
	jobs, err := p.Jobs(Selection{Layouts: []string{"side-by-side"}, Variants: []string{"screen", "print"}})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, j := range jobs {
		names = append(names, j.File())
	}
	if want := []string{"sre-en-fr-side-by-side.pdf", "sre-en-fr-side-by-side-print.pdf"}; !slices.Equal(names, want) {
		t.Fatalf("jobs %q, want %q", names, want)
	}
	role, _ := source(t)
	lay, err := p.Layout("side-by-side")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, j := range jobs {
		t.Run(j.Variant, func(t *testing.T) {
			r, err := p.Build(j, dir)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d pages, %.1f kB", j.File(), r.Pages, float64(r.Bytes)/1000)

			var doc struct {
				Outlines []outlineEntry `json:"outlines"`
			}
			if err := json.Unmarshal([]byte(tool(t, "qpdf", "--json", "--json-key=outlines", r.Path)), &doc); err != nil {
				t.Fatal(err)
			}
			if len(doc.Outlines) != 2 || doc.Outlines[0].Title != "English" || doc.Outlines[1].Title != "Français" {
				t.Fatalf("outline %+v, want English then Français at the top", doc.Outlines)
			}
			words := pdfWords(t, r.Path)
			for k, id := range lay.Sections {
				var at [2]outlineEntry
				for col, lang := range []string{"en", "fr"} {
					kids := doc.Outlines[col].Kids
					want := role.Texts[lang].Sections[id].Heading
					if len(kids) != len(lay.Sections)+1 || kids[k+1].Title != want {
						t.Fatalf("%s outline %+v: entry %d is not %q", lang, kids, k+2, want)
					}
					at[col] = kids[k+1]
				}
				if at[0].Page != at[1].Page || fmt.Sprint(at[0].Dest[3]) != fmt.Sprint(at[1].Dest[3]) {
					t.Errorf("section %s: English on page %d at %v, French on page %d at %v", id, at[0].Page, at[0].Dest[3], at[1].Page, at[1].Dest[3])
					continue
				}
				// The headings as drawn: on that page, at the same height,
				// English left of the middle and French right of it.
				pg := words[at[0].Page-1]
				en := findWords(pg, role.Texts["en"].Sections[id].Heading)
				fr := findWords(pg, role.Texts["fr"].Sections[id].Heading)
				switch {
				case en == nil || fr == nil:
					t.Errorf("section %s: page %d lacks a heading (English %v, French %v)", id, at[0].Page, en, fr)
				case en.xMax > pg.width/2 || fr.xMin < pg.width/2:
					t.Errorf("section %s: English heading at x %.1f–%.1f, French at %.1f–%.1f on a page %.1f wide", id, en.xMin, en.xMax, fr.xMin, fr.xMax, pg.width)
				case math.Abs(en.yMin-fr.yMin) > 0.5:
					t.Errorf("section %s: English heading at y %.1f, French at %.1f", id, en.yMin, fr.yMin)
				}
				// And in the text, in reading order: the page's English
				// heading before its French one.
				text := normSpace(tool(t, "pdftotext", "-raw", "-enc", "UTF-8", "-f", fmt.Sprint(at[0].Page), "-l", fmt.Sprint(at[0].Page), r.Path, "-"))
				ie := strings.Index(text, normSpace(role.Texts["en"].Sections[id].Heading))
				ifr := strings.Index(text, normSpace(role.Texts["fr"].Sections[id].Heading))
				if ie < 0 || ifr < 0 || ie > ifr {
					t.Errorf("section %s: page %d text has the English heading at %d, the French one at %d", id, at[0].Page, ie, ifr)
				}
			}

			fonts := strings.Split(strings.TrimSpace(tool(t, "pdffonts", r.Path)), "\n")
			if len(fonts) != 2+4 {
				t.Errorf("pdffonts: %d fonts, want the layout's 4 faces:\n%s", len(fonts)-2, strings.Join(fonts, "\n"))
			}
			for _, row := range fonts[2:] {
				if f := strings.Fields(row); len(f) < 5 || f[len(f)-5] != "yes" || f[len(f)-3] != "yes" {
					t.Errorf("pdffonts: not embedded with a Unicode map: %q", row)
				}
			}
			out, errOut, err := toolResult(t, "qpdf", "--check", r.Path)
			if err != nil || !strings.Contains(out, "No syntax or stream encoding errors found") || strings.Contains(strings.ToLower(out+errOut), "warning") {
				t.Errorf("qpdf --check: %v\n%s%s", err, out, errOut)
			}
			// The catalog says English; the French column's runs are
			// marked French (TestOtherLanguageMarked).
			q := qdf(t, r.Path)
			langs := regexp.MustCompile(`/Lang \(([^)]*)\)`).FindAllStringSubmatch(q, -1)
			cat := strings.Index(q, "/Type /Catalog")
			catalog := cat >= 0 && strings.Contains(q[strings.LastIndex(q[:cat], " obj"):cat], "/Lang (en)")
			if len(langs) == 0 || langs[0][1] != "en" || strings.Count(q, "/Lang (en)") != 1 || !catalog {
				t.Errorf("/Lang entries %q, want the catalog's (en) and French runs", langs[:min(3, len(langs))])
			}
		})
	}
}

// findWords finds a phrase's words in a row on a page, and returns their
// box, or nil.
func findWords(pg bboxPage, phrase string) *word {
	want := strings.Fields(normSpace(phrase))
	for i := 0; i+len(want) <= len(pg.words); i++ {
		ws := pg.words[i : i+len(want)]
		match := true
		for k, w := range want {
			match = match && normSpace(ws[k].text) == w && ws[k].yMin == ws[0].yMin
		}
		if match {
			return &word{phrase, ws[0].xMin, ws[0].yMin, ws[len(ws)-1].xMax, ws[0].yMax}
		}
	}
	return nil
}
