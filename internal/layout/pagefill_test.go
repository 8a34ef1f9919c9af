package layout

import (
	"math"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/document"
	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/units"
)

// flowLayouts are the layouts whose sections flow through columns or
// panels, one language at a time.
var flowLayouts = []string{"a4", "letter", "a5-booklet", "trifold", "flyer"}

// layDoc lays out the SRE role in a language with a named layout, and
// returns the document laid out too.
func layDoc(t *testing.T, lang, name string) (*frame.Document, *document.Doc, *design.Layout) {
	t.Helper()
	doc, l := builtDoc(t, lang, name)
	d, _, err := layReport(t, sre(t), lang, name)
	if err != nil {
		t.Fatal(err)
	}
	return d, doc, l
}

// builtDoc is the SRE role's document in a language for a named layout,
// with the layout.
func builtDoc(t *testing.T, lang, name string) (*document.Doc, *design.Layout) {
	t.Helper()
	l, err := loader.Layout(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := document.Build(sre(t), lang, l)
	if err != nil {
		t.Fatal(err)
	}
	return doc, l
}

// place is where a list item's bullet is: its page and its column (the
// bullet's left edge).
type place struct {
	page int
	x    float64
}

// A list never breaks leaving one item alone on either side, and a list
// of up to four items breaks at all only in its middle, two and two
// (the booklet set a four-item career list 1 / 3 across pages, the flyer
// too across columns).
func TestListsKeepTogether(t *testing.T) {
	for _, name := range flowLayouts {
		for _, lang := range []string{"en", "fr", "de"} {
			t.Run(name+"/"+lang, func(t *testing.T) {
				d, doc, _ := layDoc(t, lang, name)
				var bullets []place
				for i, pg := range d.Pages {
					for _, it := range pg.Items {
						if b, ok := it.(*frame.Box); ok && b.Tag == "bullet" {
							bullets = append(bullets, place{i, math.Round(b.X)})
						}
					}
				}
				var lists [][]string
				for _, s := range doc.Sections {
					lists = append(lists, s.Items)
					for _, g := range s.Groups {
						lists = append(lists, g.Items)
					}
				}
				n := 0
				for _, l := range lists {
					n += len(l)
				}
				if n != len(bullets) {
					t.Fatalf("%d bullets for %d list items", len(bullets), n)
				}
				at := 0
				for _, items := range lists {
					where := bullets[at : at+len(items)]
					at += len(items)
					var runs []int // items per column, in order
					for i := range where {
						if i == 0 || where[i] != where[i-1] {
							runs = append(runs, 0)
						}
						runs[len(runs)-1]++
					}
					for _, r := range runs {
						if r < 2 && len(runs) > 1 {
							t.Errorf("a list of %d items (%q…) breaks %v across columns: one item alone", len(items), items[0], runs)
							break
						}
					}
					if len(items) <= 4 && len(runs) > 2 {
						t.Errorf("a list of %d items (%q…) breaks %v", len(items), items[0], runs)
					}
				}
			})
		}
	}
}

// A column that the flow leaves for the next one ends at its foot: what
// keep rules send on leaves no hole, the room being spread between its
// blocks (vertical justification), within limits.
func TestColumnsEndAtTheirFoot(t *testing.T) {
	const maxHole = 15 * units.Mm // about three lines of body text
	for _, name := range flowLayouts {
		for _, lang := range []string{"en", "fr", "de"} {
			t.Run(name+"/"+lang, func(t *testing.T) {
				d, _, l := layDoc(t, lang, name)
				foot := d.Height - l.Margins.Bottom
				// The lowest flow text or tag of each column, in reading
				// order.
				type column struct {
					place
					end float64
				}
				var cols []column
				last := -1 // the last column with body text: notes follow it
				pages := d.Pages
				if l.Kind == "guide" {
					pages = pages[:len(pages)-1] // the call to action's page: TestLastPageFilled
				}
				for i, pg := range pages {
					var panels []frame.Rect
					for _, it := range pg.Items {
						if b, ok := it.(*frame.Box); ok && b.Tag == "panel" {
							panels = append(panels, b.Rect)
						}
					}
					for _, it := range pg.Items {
						ok := false
						switch it := it.(type) {
						case *frame.Text:
							ok = flowTags[it.Tag] && it.Tag != "heading" || it.Tag == "body"
						case *frame.Box:
							ok = it.Tag == "chip" || it.Tag == "bullet"
							for _, p := range panels {
								ok = ok && !inside(it.Rect, p)
							}
						}
						if !ok {
							continue
						}
						b := it.Bounds()
						x := columnOf(d, l, i, b.X)
						k := -1
						for j, c := range cols {
							if c.place == (place{i, x}) {
								k = j
							}
						}
						if k < 0 {
							cols = append(cols, column{place: place{i, x}})
							k = len(cols) - 1
						}
						cols[k].end = max(cols[k].end, b.Y+b.H)
						if t, ok := it.(*frame.Text); ok && t.Tag == "body" {
							last = max(last, k)
						}
					}
				}
				// Every column but the last, whose room belongs to what
				// follows the flow.
				for _, c := range cols[:max(0, last)] {
					if hole := foot - c.end; hole > float64(maxHole) {
						t.Errorf("page %d, column at %.0f pt: ends %.1f mm above its foot", c.page+1, c.x, units.Length(hole).Millimetres())
					}
				}
			})
		}
	}
}

// columnOf is the left edge of the column or panel of page i that x
// lies in.
func columnOf(d *frame.Document, l *design.Layout, i int, x float64) float64 {
	edges := append(append([]float64{0}, d.Pages[i].Folds...), d.Width)
	if len(edges) > 2 {
		for k := len(edges) - 2; k >= 0; k-- {
			if x >= edges[k] {
				return edges[k]
			}
		}
	}
	if l.Columns > 1 && x > d.Width/2 {
		return d.Width / 2
	}
	return 0
}

// A section of groups does not open at the foot of a column with its
// first group alone before going on overleaf (the A4's "Skills to look
// for" and its cloud tools, at the foot of page 1).
func TestSectionOpensWithTwoGroups(t *testing.T) {
	for _, name := range flowLayouts {
		for _, lang := range []string{"en", "fr", "de"} {
			d, doc, l := layDoc(t, lang, name)
			find := func(text, tag string) (place, bool) {
				for i, pg := range d.Pages {
					for _, it := range pg.Items {
						if tx, ok := it.(*frame.Text); ok && tx.Tag == tag && strings.TrimSpace(tx.Text) == text {
							return place{i, columnOf(d, l, i, tx.X)}, true
						}
					}
				}
				return place{}, false
			}
			for _, s := range doc.Sections {
				if len(s.Groups) < 2 {
					continue
				}
				h, ok1 := find(s.Heading, "heading")
				g, ok2 := find(s.Groups[1].Label, "group")
				if !ok1 || !ok2 {
					t.Fatalf("%s %s: no heading %q or group %q", name, lang, s.Heading, s.Groups[1].Label)
				}
				if h != g {
					t.Errorf("%s %s: %q opens on page %d with its first group alone; the second is on page %d", name, lang, s.Heading, h.page+1, g.page+1)
				}
			}
		}
	}
}
