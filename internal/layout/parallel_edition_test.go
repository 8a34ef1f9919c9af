package layout

import (
	"slices"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/document"
	"github.com/brochure-dev/brochure/internal/frame"
)

// TestParallelErrors checks that what cannot be laid out side by side is
// an error saying why, never a panic.
func TestParallelErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(docs []*document.Doc, lay *design.Layout) []*document.Doc
		want string
	}{
		{
			name: "one language",
			edit: func(docs []*document.Doc, _ *design.Layout) []*document.Doc { return docs[:1] },
			want: "layout side-by-side: a side-by-side edition sets two documents, one per column, not 1",
		},
		{
			name: "a missing document",
			edit: func(docs []*document.Doc, _ *design.Layout) []*document.Doc { return []*document.Doc{docs[0], nil} },
			want: "layout side-by-side: a side-by-side edition sets two documents, one per column, not 2",
		},
		{
			name: "sections that differ",
			edit: func(docs []*document.Doc, _ *design.Layout) []*document.Doc {
				docs[1].Sections = docs[1].Sections[1:]
				return docs
			},
			want: "layout side-by-side: the en document (role sre, sections",
		},
		{
			name: "three columns",
			edit: func(docs []*document.Doc, lay *design.Layout) []*document.Doc {
				lay.Columns = 3
				return docs
			},
			want: "layout side-by-side: page.columns: a side-by-side edition has 2 columns, one per language, not 3",
		},
		{
			name: "one page is not enough",
			edit: func(docs []*document.Doc, lay *design.Layout) []*document.Doc {
				lay.Pages = 1
				return docs
			},
			want: "layout side-by-side, role sre (en+fr): 1 pages: does not fit: from section \"",
		},
		{
			name: "one page is not enough, even shrunk",
			edit: func(docs []*document.Doc, lay *design.Layout) []*document.Doc {
				lay.Pages, lay.Shrink, lay.MinBody = 2, true, 8
				return docs
			},
			want: "lines of body text) too long (even with the body shrunk to 8.0pt)",
		},
		{
			name: "a character the font lacks",
			edit: func(docs []*document.Doc, _ *design.Layout) []*document.Doc {
				docs[1].Tagline += " ☃"
				return docs
			},
			want: "layout side-by-side, role sre (en+fr): character '☃' (U+2603) in ",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lay := *sideBySide(t)
			docs, hys := parallelDocs(t, sre(t), &lay)
			_, _, err := LayParallel(tt.edit(docs, &lay), &lay, hys)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one with %q", err, tt.want)
			}
		})
	}
}

// TestParallelFixedPages checks a page count larger than the content
// needs: the edition has that many pages, the calls to action at the
// foot of the last one, side by side and as tall as each other.
func TestParallelFixedPages(t *testing.T) {
	lay := *sideBySide(t)
	lay.Pages = 5
	d, _ := layParallel(t, sre(t), &lay)
	if len(d.Pages) != 5 {
		t.Fatalf("%d pages, want 5", len(d.Pages))
	}
	var ctas []frame.Rect
	for p, pg := range d.Pages {
		for _, it := range pg.Items {
			if b, ok := it.(*frame.Box); ok && b.Tag == "cta" {
				if p != 4 {
					t.Errorf("a call to action on page %d", p+1)
				}
				ctas = append(ctas, b.Rect)
			}
		}
	}
	bottom := lay.Height - lay.Margins.Bottom
	if len(ctas) != 2 || ctas[0].Y != ctas[1].Y || ctas[0].Bottom() != bottom || ctas[1].Bottom() != bottom || ctas[0].Right() > ctas[1].X {
		t.Errorf("calls to action %v, want two side by side ending at %.1f", ctas, bottom)
	}
	checkParallelGeometry(t, d, &lay)
}

// TestParallelFurniture checks that the header's and footer's left parts
// are in the left column's language and their right parts in the right
// one's, and that every placeholder is filled.
func TestParallelFurniture(t *testing.T) {
	lay := sideBySide(t)
	r := sre(t)
	d, _ := layParallel(t, r, lay)
	if len(d.Pages) < 2 {
		t.Fatalf("%d pages", len(d.Pages))
	}
	mid := d.Width / 2
	var left, right []string
	for _, it := range d.Pages[1].Items {
		if tx, ok := it.(*frame.Text); ok && tx.Tag == "header" {
			if tx.X < mid {
				left = append(left, tx.Text)
			} else {
				right = append(right, tx.Text)
			}
		}
	}
	if got, want := strings.Join(left, " "), r.Texts["en"].Kicker; normHyphens(got) != normHyphens(want) {
		t.Errorf("page 2 header on the left %q, want %q", got, want)
	}
	if got, want := strings.Join(right, " "), r.Texts["fr"].Kicker; normHyphens(got) != normHyphens(want) {
		t.Errorf("page 2 header on the right %q, want %q", got, want)
	}
	docs, _ := parallelDocs(t, r, lay)
	c := &composer{lay: lay, doc: docs[1]}
	for _, name := range design.Placeholders {
		if name == "prepared" {
			continue // a personal edition's only: see TestPersonalFrames
		}
		if spans := c.template("{"+name+"}", 0, 1, lay.Styles["footer"]); len(spans) == 0 || spans[0].Text == "" {
			t.Errorf("placeholder {%s} is not filled in side-by-side headers and footers", name)
		}
	}
}

// TestParallelMeta checks the metadata: the first language's, with both
// languages' keywords.
func TestParallelMeta(t *testing.T) {
	lay := sideBySide(t)
	r := sre(t)
	d, _ := layParallel(t, r, lay)
	en := r.Texts["en"]
	if d.Meta.Lang != "en" || !strings.Contains(d.Meta.Title, en.Kicker) || d.Meta.Subject == "" {
		t.Errorf("meta %+v, want the English title and language", d.Meta)
	}
	for _, s := range append(slices.Clone(en.Glance.Sectors), r.Texts["fr"].Glance.Sectors...) {
		if !strings.Contains(d.Meta.Keywords, s) {
			t.Errorf("keywords %q lack %q", d.Meta.Keywords, s)
		}
	}
}

// TestParallelGolden compares the side-by-side pages with a reviewed
// dump, as TestGoldenFrames does for A4 (go test -update rewrites it).
func TestParallelGolden(t *testing.T) {
	d, _ := layParallel(t, sre(t), sideBySide(t))
	again, _ := layParallel(t, sre(t), sideBySide(t))
	got := Dump(d)
	if got != Dump(again) {
		t.Fatal("two layouts of the same documents differ")
	}
	golden(t, got, "sre-en-fr-side-by-side.frames")
}
