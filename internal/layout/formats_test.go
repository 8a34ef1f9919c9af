package layout

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/content"
	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/units"
)

// layNamed lays out a role in a language with a named layout.
func layNamed(t *testing.T, r *content.Role, lang, name string) *frame.Document {
	t.Helper()
	d, err := layWith(t, r, lang, name)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// texts joins the text items of a page with a tag ("" for all).
func texts(pg *frame.Page, tag string) string {
	var b strings.Builder
	for _, it := range pg.Items {
		if t, ok := it.(*frame.Text); ok && (tag == "" || t.Tag == tag) {
			b.WriteString(t.Text + " ")
		}
	}
	return b.String()
}

func TestBooklet(t *testing.T) {
	l, err := loader.Layout("a5-booklet")
	if err != nil {
		t.Fatal(err)
	}
	// Text keeps the inside margin from the spine, and that is at least
	// 10 mm.
	spine := l.Margins.Left
	if !l.Mirror || spine < float64(10*units.Mm) {
		t.Fatalf("inside margin %.1f mm, mirrored %v", units.Length(spine).Millimetres(), l.Mirror)
	}
	for _, tc := range []struct {
		name string
		role func(*testing.T, string) *content.Role
	}{
		{"sre", func(t *testing.T, _ string) *content.Role { return sre(t) }},
		{"sections twice as long", func(t *testing.T, lang string) *content.Role {
			r := twice(sre(t), lang)
			r.Texts[lang].Intro = sre(t).Texts[lang].Intro // the cover is one page
			return r
		}},
	} {
		for _, lang := range []string{"en", "fr"} {
			t.Run(tc.name+"/"+lang, func(t *testing.T) {
				d := layNamed(t, tc.role(t, lang), lang, "a5-booklet")
				n := len(d.Pages)
				if n < 4 || n%4 != 0 {
					t.Fatalf("%d pages: a saddle-stitched booklet needs a multiple of 4", n)
				}
				if !strings.Contains(texts(d.Pages[0], "title"), "Site Reliability Engineer") {
					t.Error("page 1 is not the cover")
				}
				if texts(d.Pages[n-1], "cta") == "" {
					t.Error("the last page has no call to action")
				}
				notes, content := 0, 0
				for i, pg := range d.Pages {
					if len(pg.Items) == 0 || texts(pg, "") == "" {
						t.Errorf("page %d is blank", i+1)
					}
					if strings.Contains(texts(pg, "heading"), "Notes") {
						notes++
					} else if i > 0 && i < n-1 {
						if notes > 0 {
							t.Errorf("page %d: sections after a notes page", i+1)
						}
						content++
					}
					// The spine is on the left of recto pages (1, 3, …),
					// on the right of verso ones.
					for _, it := range pg.Items {
						tx, ok := it.(*frame.Text)
						if !ok {
							continue
						}
						gap := tx.X
						if i%2 == 1 {
							gap = d.Width - tx.X - tx.Width
						}
						if gap < spine-0.01 {
							t.Errorf("page %d: %q is %.1f mm from the spine, want ≥ %.1f mm", i+1, tx.Text, units.Length(gap).Millimetres(), units.Length(spine).Millimetres())
						}
					}
				}
				// Padding never takes a whole sheet: fewer than four
				// pages are padded.
				if pad := n - 2 - content; pad >= 4 || notes < pad {
					t.Errorf("%d pages of sections, %d pages with notes in %d pages", content, notes, n)
				}
			})
		}
	}
}

func TestImpose(t *testing.T) {
	doc := func(n int) *frame.Document {
		d := &frame.Document{Width: float64(148 * units.Mm), Height: float64(210 * units.Mm)}
		for i := 1; i <= n; i++ {
			d.Pages = append(d.Pages, &frame.Page{Items: []frame.Item{&frame.Text{X: 20, Y: 30, Text: strconv.Itoa(i), Tag: "folio", Face: nil}}})
		}
		return d
	}
	// sides reads each imposed side back as [left page, right page].
	sides := func(t *testing.T, d *frame.Document) [][2]int {
		var out [][2]int
		for _, pg := range d.Pages {
			var side [2]int
			for _, it := range pg.Items {
				tx := it.(*frame.Text)
				n, _ := strconv.Atoi(tx.Text)
				if tx.X < d.Width/2 {
					side[0] = n
				} else {
					side[1] = n
				}
			}
			out = append(out, side)
		}
		return out
	}
	// For 8 pages, as printers expect: sheet 1 front [8|1], back [2|7];
	// sheet 2 front [6|3], back [4|5].
	got := sides(t, mustImpose(t, doc(8)))
	want := [][2]int{{8, 1}, {2, 7}, {6, 3}, {4, 5}}
	if len(got) != len(want) {
		t.Fatalf("%d sides, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("side %d: %v, want %v", i+1, got[i], want[i])
		}
	}
	// Any booklet: folding the stack gives the pages in order.
	for _, n := range []int{4, 12, 16} {
		s := sides(t, mustImpose(t, doc(n)))
		for i, side := range s {
			if side[0]+side[1] != n+1 {
				t.Errorf("%d pages, side %d: %v do not face each other", n, i+1, side)
			}
			inner := side[1] // front: the right page is the recto
			if i%2 == 1 {
				inner = side[0]
			}
			if want := i + 1; inner != want {
				t.Errorf("%d pages, side %d: %v, want page %d nearest the cover", n, i+1, side, want)
			}
		}
	}
	im := mustImpose(t, doc(8))
	if math.Abs(im.Width-float64(297*units.Mm)) > 0.1 || math.Abs(im.Height-float64(210*units.Mm)) > 0.1 {
		t.Errorf("sheet %.1f × %.1f pt, want A4 landscape", im.Width, im.Height)
	}
	if _, err := Impose(doc(6)); err == nil || !strings.Contains(err.Error(), "multiple of 4 pages, not 6") {
		t.Errorf("6 pages: error %v", err)
	}
}

func mustImpose(t *testing.T, d *frame.Document) *frame.Document {
	t.Helper()
	out, err := Impose(d)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestTrifoldPanels(t *testing.T) {
	mm := float64(units.Mm)
	for _, lang := range []string{"en", "fr"} {
		t.Run(lang, func(t *testing.T) {
			d := layNamed(t, sre(t), lang, "trifold")
			if len(d.Pages) != 2 || math.Abs(d.Width-297*mm) > 0.1 || math.Abs(d.Height-210*mm) > 0.1 {
				t.Fatalf("%d pages of %.1f × %.1f mm, want 2 of A4 landscape", len(d.Pages), d.Width/mm, d.Height/mm)
			}
			// Panel edges: outside flap | back | cover = 97 | 100 | 100;
			// inside mirrored, 100 | 100 | 97.
			for i, want := range [][]float64{{97, 100, 100}, {100, 100, 97}} {
				folds := d.Pages[i].Folds
				if len(folds) != 2 {
					t.Fatalf("page %d: folds %v", i+1, folds)
				}
				edges := []float64{0, folds[0], folds[1], d.Width}
				for k, w := range want {
					if got := (edges[k+1] - edges[k]) / mm; math.Abs(got-w) > 0.01 {
						t.Errorf("page %d, panel %d: %.2f mm wide, want %.0f", i+1, k+1, got, w)
					}
				}
				// Every text stays in one panel, 8 mm from its folds and
				// edges.
				for _, it := range d.Pages[i].Items {
					tx, ok := it.(*frame.Text)
					if !ok {
						continue
					}
					in := false
					for k := 0; k < 3; k++ {
						in = in || tx.X >= edges[k]+8*mm-0.01 && tx.X+tx.Width <= edges[k+1]-8*mm+0.01
					}
					if !in {
						t.Errorf("page %d: %q at %.1f–%.1f mm crosses a fold or its margin", i+1, tx.Text, tx.X/mm, (tx.X+tx.Width)/mm)
					}
				}
			}
			out := d.Pages[0]
			panelOf := func(tag string) int {
				for _, it := range out.Items {
					if tx, ok := it.(*frame.Text); ok && tx.Tag == tag {
						return int(tx.X / (99 * mm))
					}
				}
				return -1
			}
			for tag, want := range map[string]int{"intro": 0, "cta": 1, "title": 2} {
				if got := panelOf(tag); got != want {
					t.Errorf("outside: %s in panel %d, want %d (flap, back, cover)", tag, got+1, want+1)
				}
			}
			if texts(d.Pages[1], "heading") == "" {
				t.Error("nothing inside")
			}
		})
	}
}

// TestDisplayLinesBalanced checks that titles and taglines that take
// several lines break into lines of about the same length, not a full
// line and a runt.
func TestDisplayLinesBalanced(t *testing.T) {
	for _, name := range []string{"a4", "letter", "a5-booklet", "trifold", "poster"} {
		for _, lang := range []string{"en", "fr"} {
			d := layNamed(t, sre(t), lang, name)
			for _, tag := range []string{"title", "tagline"} {
				// Line extents by baseline.
				lines := map[float64][2]float64{}
				for _, it := range d.Pages[0].Items {
					tx, ok := it.(*frame.Text)
					if !ok || tx.Tag != tag {
						continue
					}
					e, ok := lines[tx.Y]
					if !ok {
						e = [2]float64{tx.X, tx.X + tx.Width}
					}
					lines[tx.Y] = [2]float64{min(e[0], tx.X), max(e[1], tx.X+tx.Width)}
				}
				if len(lines) < 2 {
					continue
				}
				short, long := math.Inf(1), 0.0
				for _, e := range lines {
					short, long = min(short, e[1]-e[0]), max(long, e[1]-e[0])
				}
				if short < 0.5*long {
					t.Errorf("%s %s: %s lines from %.0f to %.0f pt long: unbalanced", name, lang, tag, short, long)
				}
			}
		}
	}
}

// TestFooterLinks checks that the web address in the footer is a link
// to the brand's site, on every page.
func TestFooterLinks(t *testing.T) {
	l, err := loader.Layout("a4")
	if err != nil {
		t.Fatal(err)
	}
	d := layNamed(t, sre(t), "en", "a4")
	for i, pg := range d.Pages {
		found := false
		for _, it := range pg.Items {
			if ln, ok := it.(*frame.Link); ok && ln.URI == l.Brand.Web && ln.Y > d.Height-l.Margins.Bottom {
				found = true
			}
		}
		if !found {
			t.Errorf("page %d: the footer's web address is not a link to %s", i+1, l.Brand.Web)
		}
	}
}

// TestTextLanguages checks that every text knows its language: in the
// side-by-side edition, each column's text is in its column's language.
func TestTextLanguages(t *testing.T) {
	d, _ := layParallel(t, sre(t), sideBySide(t))
	mid := d.Width / 2
	n := 0
	for i, pg := range d.Pages {
		for _, it := range pg.Items {
			tx, ok := it.(*frame.Text)
			if !ok || tx.Tag == "band" {
				continue
			}
			want := "en"
			if tx.X >= mid {
				want = "fr"
			}
			if tx.Lang != want {
				t.Errorf("page %d: %q at x %.0f is marked %q, want %q", i+1, tx.Text, tx.X, tx.Lang, want)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no text")
	}
}

// TestFormatsGeometry runs the geometry checks on every one-language
// format.
func TestFormatsGeometry(t *testing.T) {
	for _, name := range []string{"letter", "a5-booklet", "trifold", "poster"} {
		for _, lang := range []string{"en", "fr"} {
			t.Run(name+"/"+lang, func(t *testing.T) {
				l, err := loader.Layout(name)
				if err != nil {
					t.Fatal(err)
				}
				checkGeometry(t, layNamed(t, sre(t), lang, name), l, nil)
			})
		}
	}
}

// TestTrifoldColourOffFolds checks that no filled area of the tri-fold
// ends within 2 mm of a fold: colour that meets a fold runs past it, so
// that a fold off its mark shows no sliver of paper or of the next
// panel's colour.
func TestTrifoldColourOffFolds(t *testing.T) {
	mm := float64(units.Mm)
	for _, lang := range []string{"en", "fr"} {
		d := layNamed(t, sre(t), lang, "trifold")
		for i, pg := range d.Pages {
			for _, it := range pg.Items {
				b, ok := it.(*frame.Box)
				if !ok || b.Fill == nil {
					continue
				}
				for _, f := range pg.Folds {
					for _, edge := range []float64{b.X, b.X + b.W} {
						if math.Abs(edge-f) < 2*mm {
							t.Errorf("%s page %d: the %s box's edge at %.1f mm is %.1f mm from the fold at %.1f mm", lang, i+1, b.Tag, edge/mm, math.Abs(edge-f)/mm, f/mm)
						}
					}
				}
			}
		}
	}
}

// TestSeparatorLists checks the inline list of sectors in the
// at-a-glance panel: no line ends on its separator, and the last line is
// not one item alone.
func TestSeparatorLists(t *testing.T) {
	for _, name := range []string{"a4", "letter", "a5-booklet", "trifold", "poster"} {
		for _, lang := range []string{"en", "fr"} {
			role := sre(t)
			sectors := role.Texts[lang].Glance.Sectors
			d := layNamed(t, role, lang, name)
			var lines []string
			for _, it := range d.Pages[0].Items {
				tx, ok := it.(*frame.Text)
				if !ok || tx.Tag != "glance" {
					continue
				}
				for _, s := range sectors {
					if strings.Contains(tx.Text, s) {
						lines = append(lines, strings.TrimSpace(tx.Text))
						break
					}
				}
			}
			if len(lines) == 0 {
				t.Fatalf("%s %s: no sectors in the panel", name, lang)
			}
			for _, l := range lines {
				if strings.HasSuffix(l, "·") || strings.HasPrefix(l, "·") {
					t.Errorf("%s %s: the line %q starts or ends on a separator", name, lang, l)
				}
			}
			if last := lines[len(lines)-1]; len(lines) > 1 && !strings.Contains(last, "·") {
				t.Errorf("%s %s: %q alone on the last line of %q", name, lang, last, lines)
			}
		}
	}
}

// TestLastPageFilled checks that the columns of a guide's last page run
// down to the call to action, with no hole above it: each column's last
// line ends less than maxHole above the box.
func TestLastPageFilled(t *testing.T) {
	const maxHole = 12 * units.Mm
	for _, name := range []string{"a4", "letter"} {
		for _, lang := range []string{"en", "fr"} {
			d := layNamed(t, sre(t), lang, name)
			last := d.Pages[len(d.Pages)-1]
			ctaTop := -1.0
			for _, it := range last.Items {
				if b, ok := it.(*frame.Box); ok && b.Tag == "cta" {
					ctaTop = b.Y
				}
			}
			if ctaTop < 0 {
				t.Fatalf("%s %s: no call to action on the last page", name, lang)
			}
			bottoms := [2]float64{}
			for _, it := range last.Items {
				tx, ok := it.(*frame.Text)
				if !ok || tx.Y > ctaTop || tx.Tag == "header" {
					continue
				}
				col := 0
				if tx.X > d.Width/2 {
					col = 1
				}
				bottoms[col] = max(bottoms[col], tx.Bounds().Y+tx.Bounds().H)
			}
			for col, b := range bottoms {
				if hole := ctaTop - b; hole > float64(maxHole) {
					t.Errorf("%s %s: column %d ends %.1f mm above the call to action", name, lang, col+1, hole/float64(units.Mm))
				}
			}
		}
	}
}
