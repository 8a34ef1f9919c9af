package layout

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/content"
	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/document"
	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/hyphen"
	"github.com/brochure-dev/brochure/internal/units"
)

var loader = design.NewLoader(os.DirFS("../../layouts"), os.DirFS("../../fonts"), "layouts")

// sre loads the real SRE role, freshly, so a test may change it.
func sre(t testing.TB) *content.Role {
	t.Helper()
	r, err := content.Load(os.DirFS("../../brochures"), "brochures", "sre")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func a4(t testing.TB) *design.Layout {
	t.Helper()
	lay, err := loader.Layout("a4")
	if err != nil {
		t.Fatal(err)
	}
	return lay
}

func lay(t testing.TB, r *content.Role, lang string) (*frame.Document, error) {
	t.Helper()
	return layWith(t, r, lang, "a4")
}

// layWith lays out a role in a language with a named layout.
func layWith(t testing.TB, r *content.Role, lang, name string) (*frame.Document, error) {
	t.Helper()
	d, _, err := layReport(t, r, lang, name)
	return d, err
}

// layReport lays out a role in a language with a named layout, and says
// what the layout did.
func layReport(t testing.TB, r *content.Role, lang, name string) (*frame.Document, *Report, error) {
	t.Helper()
	l, err := loader.Layout(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := document.Build(r, lang, l)
	if err != nil {
		t.Fatal(err)
	}
	h, err := hyphen.For(lang)
	if err != nil {
		t.Fatal(err)
	}
	return Lay(doc, l, h)
}

// flowTags are the texts that flow in the columns.
var flowTags = map[string]bool{"body": true, "heading": true, "group": true, "note": true, "table": true, "chart": true}

func TestA4Geometry(t *testing.T) {
	for _, lang := range []string{"en", "fr"} {
		t.Run(lang, func(t *testing.T) {
			d, err := lay(t, sre(t), lang)
			if err != nil {
				t.Fatal(err)
			}
			l := a4(t)
			if len(d.Pages) != 2 {
				t.Fatalf("%d pages, want 2", len(d.Pages))
			}
			checkGeometry(t, d, l, nil)
		})
	}
}

// checkGeometry checks that everything is on the page, text in the safe
// zone, flowing text inside the page's margins (mirrored on a booklet's
// versos) and clear of the gutter when there is one, no two texts
// overlapping, no text across a box's edge.
func checkGeometry(t *testing.T, d *frame.Document, lay *design.Layout, gutter *frame.Rect) {
	t.Helper()
	page := frame.Rect{W: d.Width, H: d.Height}
	safe := page.Inset(float64(5 * units.Mm))
	m := lay.Margins
	for p, pg := range d.Pages {
		left, right := m.Left, m.Right
		if lay.Mirror && p%2 == 1 {
			left, right = right, left
		}
		live := frame.Rect{X: left, Y: m.Top, W: d.Width - left - right, H: d.Height - m.Top - m.Bottom}
		var texts []*frame.Text
		var boxes []*frame.Box
		for _, it := range pg.Items {
			if !page.Contains(it.Bounds()) {
				t.Errorf("page %d: %s %v is outside the page", p+1, it.Kind(), it.Bounds())
			}
			switch it := it.(type) {
			case *frame.Text:
				texts = append(texts, it)
				if !safe.Contains(it.Bounds()) {
					t.Errorf("page %d: text %q %v is outside the 5 mm safe zone", p+1, it.Text, it.Bounds())
				}
				if gutter != nil && it.Tag != "band" && it.Tag != "header" && it.Tag != "footer" && it.Bounds().Overlaps(*gutter) {
					t.Errorf("page %d: %s text %q %v is in the gutter", p+1, it.Tag, it.Text, it.Bounds())
				}
				if flowTags[it.Tag] && !live.Contains(it.Bounds()) {
					t.Errorf("page %d: %s text %q %v is outside the margins", p+1, it.Tag, it.Text, it.Bounds())
				}
			case *frame.Box:
				boxes = append(boxes, it)
				if gutter != nil && it.Tag != "band" && it.Overlaps(*gutter) {
					t.Errorf("page %d: %s box %v is in the gutter", p+1, it.Tag, it.Rect)
				}
			}
		}
		for i, a := range texts {
			for _, b := range texts[i+1:] {
				if a.Bounds().Overlaps(b.Bounds()) {
					t.Errorf("page %d: texts overlap: %q %v and %q %v", p+1, a.Text, a.Bounds(), b.Text, b.Bounds())
				}
			}
			// A text is inside a box or clear of it, never across its edge.
			for _, b := range boxes {
				if a.Bounds().Overlaps(b.Rect) && !b.Rect.Contains(a.Bounds()) {
					t.Errorf("page %d: text %q %v crosses the edge of %s box %v", p+1, a.Text, a.Bounds(), b.Tag, b.Rect)
				}
			}
		}
	}
}

// TestHeadingsKeepWithNext checks that a heading is followed, in the same
// column of the same page, by the text it introduces.
func TestHeadingsKeepWithNext(t *testing.T) {
	for _, lang := range []string{"en", "fr"} {
		d, err := lay(t, sre(t), lang)
		if err != nil {
			t.Fatal(err)
		}
		for p, pg := range d.Pages {
			for i, it := range pg.Items {
				h, ok := it.(*frame.Text)
				if !ok || h.Tag != "heading" {
					continue
				}
				var next *frame.Text
				for _, later := range pg.Items[i+1:] {
					if t, ok := later.(*frame.Text); ok && t.Tag != "heading" {
						next = t
						break
					}
				}
				if next == nil || next.Y <= h.Y || next.X < h.X-1 || next.X > h.X+200 || next.Y-h.Y > 80 {
					t.Errorf("%s page %d: heading %q is not followed in its column by its text (next: %+v)", lang, p+1, h.Text, next)
				}
			}
		}
	}
}

func TestBookmarks(t *testing.T) {
	r := sre(t)
	for _, lang := range []string{"en", "fr"} {
		d, err := lay(t, r, lang)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, pg := range d.Pages {
			for _, b := range pg.Bookmarks {
				got = append(got, b.Title)
			}
		}
		want := []string{r.Texts[lang].Title}
		for _, id := range a4(t).Sections {
			want = append(want, r.Texts[lang].Sections[id].Heading)
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s bookmarks\n got %q\nwant %q", lang, got, want)
		}
	}
}

// twice makes every text of a language twice as long.
func twice(r *content.Role, lang string) *content.Role {
	tx := r.Texts[lang]
	tx.Intro = append(tx.Intro, tx.Intro...)
	for _, s := range tx.Sections {
		s.Items = append(s.Items, s.Items...)
		s.Body = append(s.Body, s.Body...)
		for i := range s.Groups {
			s.Groups[i].Items = append(s.Groups[i].Items, s.Groups[i].Items...)
		}
		if s.Note != "" {
			s.Note += " " + s.Note
		}
	}
	return r
}

func TestOverflowSaysWhereAndHowMuch(t *testing.T) {
	_, err := lay(t, twice(sre(t), "en"), "en")
	if err == nil {
		t.Fatal("no error for content twice as long")
	}
	msg := err.Error()
	for _, want := range []string{"layout a4, role sre (en): 2 pages: does not fit: from section \"", " mm (about ", " lines of body text) too long"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
}

// TestMissingGlyph: text that reaches the frames with characters the
// fonts lack (content is checked before, in document.Build) still fails.
func TestMissingGlyph(t *testing.T) {
	l := a4(t)
	doc, err := document.Build(sre(t), "fr", l)
	if err != nil {
		t.Fatal(err)
	}
	doc.Tagline += " ☃ 😀"
	_, _, err = Lay(doc, l, nil)
	want := "layout a4, role sre (fr): character '☃' (U+2603) in "
	if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), "has no glyph for it") ||
		!strings.Contains(err.Error(), "(U+1F600)") {
		t.Errorf("error %v, want one starting %q that names both characters", err, want)
	}
}

func TestDeterministicFrames(t *testing.T) {
	a, err := lay(t, sre(t), "fr")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := lay(t, sre(t), "fr")
	if Dump(a) != Dump(b) {
		t.Error("two layouts of the same document differ")
	}
}

func TestCopyFit(t *testing.T) {
	l := a4(t)
	if !l.Shrink {
		t.Fatal("the A4 layout does not allow shrinking")
	}
	// Every list twice as long: fits, smaller.
	r := sre(t)
	for _, s := range r.Texts["en"].Sections {
		s.Items = append(s.Items, s.Items...)
	}
	doc, err := document.Build(r, "en", l)
	if err != nil {
		t.Fatal(err)
	}
	h, _ := hyphen.For("en")
	d, rep, err := Lay(doc, l, h)
	if err != nil {
		t.Fatalf("twice the list items do not fit: %v", err)
	}
	if len(d.Pages) != 2 || rep.Scale >= 1 || rep.Scale*l.Styles["body"].Size < l.MinBody-1e-9 {
		t.Errorf("%d pages at scale %.2f, want 2 pages below 100 %% and a body ≥ %.1fpt", len(d.Pages), rep.Scale, l.MinBody)
	}
	if !strings.Contains(rep.String(), "type scale ") {
		t.Errorf("report lacks the type scale:\n%s", rep)
	}
	// Everything twice as long: fails, saying where, by how much, and the
	// floor.
	doc, _ = document.Build(twice(sre(t), "en"), "en", l)
	_, _, err = Lay(doc, l, h)
	if err == nil || !strings.Contains(err.Error(), "too long (even with the body shrunk to 8.5pt)") {
		t.Errorf("twice the text: error %v", err)
	}
	t.Logf("lists twice as long: scale %.0f %%; everything twice as long: %v", rep.Scale*100, err)
}

var update = flag.Bool("update", false, "rewrite the golden frame dumps")

// TestGoldenFrames compares the laid-out pages with a reviewed dump:
// positions, line breaks and hyphens. A change in line breaking shows up
// here line by line. Run with -update to accept a change after looking at
// the pages.
func TestGoldenFrames(t *testing.T) {
	for _, lang := range []string{"en", "fr"} {
		d, err := lay(t, sre(t), lang)
		if err != nil {
			t.Fatal(err)
		}
		golden(t, Dump(d), "sre-"+lang+"-a4.frames")
	}
}

// TestGoldenStructure compares the structure of the French A4 (what a
// screen reader follows, with each element's text) with a reviewed dump,
// and checks it.
func TestGoldenStructure(t *testing.T) {
	d, err := lay(t, sre(t), "fr")
	if err != nil {
		t.Fatal(err)
	}
	if err := frame.CheckStructure(d); err != nil {
		t.Error(err)
	}
	golden(t, d.StructureText(), "sre-fr-a4.structure")
}

// golden compares a dump with testdata/name, or rewrites the file with
// -update, and reports the first line that differs.
func golden(t *testing.T, got, name string) {
	t.Helper()
	file := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := range max(len(gl), len(wl)) {
		g, w := "", ""
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Errorf("frames differ from %s at line %d:\n got %s\nwant %s\n(look at the pages, then go test -update)", file, i+1, g, w)
			return
		}
	}
}
