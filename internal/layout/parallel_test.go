package layout

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/content"
	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/document"
	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/hyphen"
	"github.com/brochure-dev/brochure/internal/typeset"
)

// sideLangs are the side-by-side layout's languages, left then right.
var sideLangs = []string{"en", "fr"}

func sideBySide(t testing.TB) *design.Layout {
	t.Helper()
	lay, err := loader.Layout("side-by-side")
	if err != nil {
		t.Fatal(err)
	}
	if lay.Kind != "side-by-side" || !slices.Equal(lay.Languages, sideLangs) || lay.Columns != 2 {
		t.Fatalf("layout side-by-side: kind %q, languages %q, %d columns", lay.Kind, lay.Languages, lay.Columns)
	}
	return lay
}

// parallelDocs builds the documents and hyphenators of r for lay.
func parallelDocs(t testing.TB, r *content.Role, lay *design.Layout) ([]*document.Doc, []typeset.Hyphenator) {
	t.Helper()
	var docs []*document.Doc
	var hys []typeset.Hyphenator
	for _, lang := range sideLangs {
		doc, err := document.Build(r, lang, lay)
		if err != nil {
			t.Fatal(err)
		}
		h, err := hyphen.For(lang)
		if err != nil {
			t.Fatal(err)
		}
		docs, hys = append(docs, doc), append(hys, h)
	}
	return docs, hys
}

func layParallel(t testing.TB, r *content.Role, lay *design.Layout) (*frame.Document, *Report) {
	t.Helper()
	docs, hys := parallelDocs(t, r, lay)
	d, rep, err := LayParallel(docs, lay, hys)
	if err != nil {
		t.Fatal(err)
	}
	return d, rep
}

// longer makes section id of lang's text four times as long.
func longer(r *content.Role, lang, id string) *content.Role {
	s := r.Texts[lang].Sections[id]
	for range 2 {
		s.Body = append(s.Body, s.Body...)
		s.Items = append(s.Items, s.Items...)
		for i := range s.Groups {
			s.Groups[i].Items = append(s.Groups[i].Items, s.Groups[i].Items...)
		}
	}
	return r
}

// mark is a bookmark with its page.
type mark struct {
	page int
	frame.Bookmark
}

// marksOf lists a group's bookmarks in page order.
func marksOf(d *frame.Document, group int) []mark {
	var out []mark
	for i, pg := range d.Pages {
		for _, b := range pg.Bookmarks {
			if b.Group == group {
				out = append(out, mark{i, b})
			}
		}
	}
	return out
}

// headingTexts joins the heading lines on one side of the page's middle,
// in reading order.
func headingTexts(d *frame.Document, right bool) string {
	var s []string
	mid := d.Width / 2
	for _, pg := range d.Pages {
		for _, it := range pg.Items {
			if t, ok := it.(*frame.Text); ok && t.Tag == "heading" && (t.X >= mid) == right {
				s = append(s, t.Text)
			}
		}
	}
	return strings.Join(s, " ")
}

// TestParallelAlignment checks, on the frames, that each section starts
// at the same height in both columns, each language in its own column,
// in order, once, and that nothing overlaps nor leaves the margins: with
// the real content, and with one language's section much longer than the
// other's, where the other column waits for it.
func TestParallelAlignment(t *testing.T) {
	tests := []struct {
		name string
		role func(t testing.TB) *content.Role
		// long is the section made longer in one language, and wait the
		// column that must wait below it (0 left, 1 right).
		long string
		wait int
	}{
		{name: "sre", role: sre},
		{name: "english missions four times as long", role: func(t testing.TB) *content.Role { return longer(sre(t), "en", "missions") }, long: "missions", wait: 1},
		{name: "french skills four times as long", role: func(t testing.TB) *content.Role { return longer(sre(t), "fr", "skills") }, long: "skills", wait: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lay := sideBySide(t)
			r := tt.role(t)
			d, _ := layParallel(t, r, lay)
			checkParallelGeometry(t, d, lay)
			m := lay.Margins
			colW := (lay.Width - m.Left - m.Right - lay.Gutter) / 2
			left, right := marksOf(d, 0), marksOf(d, 1)
			for col, marks := range [][]mark{left, right} {
				text := r.Texts[sideLangs[col]]
				want := []string{[]string{"English", "Français"}[col], text.Title}
				for _, id := range lay.Sections {
					want = append(want, text.Sections[id].Heading)
				}
				var got []string
				for i, mk := range marks {
					got = append(got, mk.Title)
					// The language's name on top, the rest below it.
					if level := min(i, 1); mk.Level != level {
						t.Errorf("column %d bookmark %q: level %d, want %d", col+1, mk.Title, mk.Level, level)
					}
				}
				if !slices.Equal(got, want) {
					t.Fatalf("column %d bookmarks\n got %q\nwant %q", col+1, got, want)
				}
				// The headings drawn on this side are this language's.
				wantText := strings.Join(want[2:], " ")
				if got := headingTexts(d, col == 1); normHyphens(got) != normHyphens(wantText) {
					t.Errorf("column %d headings\n got %q\nwant %q", col+1, got, wantText)
				}
			}
			for k, id := range lay.Sections {
				a, b := left[k+2], right[k+2]
				if a.page != b.page || math.Abs(a.Y-b.Y) > 0.01 {
					t.Errorf("section %s starts on page %d at %.2f on the left, page %d at %.2f on the right", id, a.page+1, a.Y, b.page+1, b.Y)
				}
				// The bookmark is the heading's accent bar, in its column.
				for col, mk := range []mark{a, b} {
					x := m.Left + float64(col)*(colW+lay.Gutter)
					if !hasBox(d.Pages[mk.page], "accent", x, mk.Y) {
						t.Errorf("section %s: no accent bar at (%.1f, %.1f) on page %d", id, x, mk.Y, mk.page+1)
					}
				}
				if id == tt.long {
					// The next section waits in the other column: far below
					// where that column's text ends.
					next := []mark{left[k+3], right[k+3]}[tt.wait]
					end := columnEnd(d, tt.wait, mark{next.page, frame.Bookmark{Y: next.Y}})
					if next.page == end.page && next.Y-end.Y < 100 {
						t.Errorf("after the long %s, the short column's next section is %.0fpt below its text: it did not wait", id, next.Y-end.Y)
					}
					t.Logf("long %s: the short column waits from page %d y %.0f to page %d y %.0f", id, end.page+1, end.Y, next.page+1, next.Y)
				}
			}
			t.Logf("%d pages", len(d.Pages))
		})
	}
}

// normHyphens undoes line-end hyphens and space differences.
func normHyphens(s string) string {
	s = strings.ReplaceAll(s, "- ", "")
	return strings.Join(strings.Fields(strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s)), " ")
}

// hasBox reports whether the page has a box tagged tag at (x, y).
func hasBox(pg *frame.Page, tag string, x, y float64) bool {
	for _, it := range pg.Items {
		if b, ok := it.(*frame.Box); ok && b.Tag == tag && math.Abs(b.X-x) < 0.01 && math.Abs(b.Y-y) < 0.01 {
			return true
		}
	}
	return false
}

// columnEnd is the bottom of the last flowing text of column col before
// the place at.
func columnEnd(d *frame.Document, col int, at mark) mark {
	mid := d.Width / 2
	end := mark{}
	for i, pg := range d.Pages[:at.page+1] {
		for _, it := range pg.Items {
			t, ok := it.(*frame.Text)
			if !ok || !flowTags[t.Tag] || (t.X >= mid) != (col == 1) {
				continue
			}
			b := t.Bounds()
			if i == at.page && b.Y >= at.Y {
				continue
			}
			if i > end.page || b.Bottom() > end.Y {
				end = mark{i, frame.Bookmark{Y: b.Bottom()}}
			}
		}
	}
	return end
}

// checkParallelGeometry checks the geometry of a side-by-side edition,
// its gutter kept clear.
func checkParallelGeometry(t *testing.T, d *frame.Document, lay *design.Layout) {
	t.Helper()
	m := lay.Margins
	colW := (lay.Width - m.Left - m.Right - lay.Gutter) / 2
	checkGeometry(t, d, lay, &frame.Rect{X: m.Left + colW, Y: 0, W: lay.Gutter, H: d.Height})
}
