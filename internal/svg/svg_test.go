package svg_test

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/build"
	"github.com/brochure-dev/brochure/internal/color"
	"github.com/brochure-dev/brochure/internal/font"
	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/svg"
)

// frames lays out the SRE role with the real content.
func frames(t testing.TB, lang, layout, variant string) *frame.Document {
	t.Helper()
	p, err := build.Open("../../brochures")
	if err != nil {
		t.Fatal(err)
	}
	jobs, err := p.Jobs(build.Selection{Roles: []string{"sre"}, Langs: strings.Split(lang, "+"), Layouts: []string{layout}, Variants: []string{variant}})
	if err != nil || len(jobs) == 0 {
		t.Fatalf("jobs: %v (%d)", err, len(jobs))
	}
	d, _, err := p.Frames(jobs[0])
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func page(t testing.TB, d *frame.Document, i int, opt svg.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := svg.Page(&buf, d, i, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// element is an SVG element as decoded: its name, attributes and
// children.
type element struct {
	name     string
	attr     map[string]string // xlink:href as "href"
	children []*element
}

// parse decodes an SVG document, failing the test if it is not
// well-formed XML with an <svg> root.
func parse(t testing.TB, data []byte) *element {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	var stack []*element
	var root *element
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			el := &element{name: tok.Name.Local, attr: map[string]string{}}
			for _, a := range tok.Attr {
				el.attr[a.Name.Local] = a.Value
			}
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.children = append(top.children, el)
			} else {
				root = el
			}
			stack = append(stack, el)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
	if root == nil || root.name != "svg" {
		t.Fatal("no <svg> root")
	}
	return root
}

func num(t testing.TB, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("bad number %q", s)
	}
	return v
}

// TestGlyphsWhereThePDFPutsThem reads back every text run of real pages
// and checks each glyph against the layout's own measure: the glyph of
// the rune (Embedding.Glyph), at the kerned width of the text before it
// (Face.KernedWidth) plus the tracking after each glyph before it, from
// the run's start, the kerning with the glyph before it included. Glyphs without outline (spaces) are not drawn.
func TestGlyphsWhereThePDFPutsThem(t *testing.T) {
	for _, tc := range []struct{ lang, layout string }{{"en", "a4"}, {"fr", "a4"}, {"fr", "trifold"}} {
		d := frames(t, tc.lang, tc.layout, "screen")
		// The same face has the same id on every page; two faces have
		// different ones.
		faceIDs := map[*font.Face]string{}
		for i, pg := range d.Pages {
			t.Run(fmt.Sprintf("%s-%s-%d", tc.lang, tc.layout, i+1), func(t *testing.T) {
				root := parse(t, page(t, d, i, svg.Options{}))
				defined := map[string]bool{}
				var groups []*element
				for _, el := range root.children {
					switch el.name {
					case "defs":
						for _, p := range el.children {
							defined[p.attr["id"]] = true
						}
					case "g":
						groups = append(groups, el)
					}
				}
				runs, glyphs := 0, 0
				for _, it := range pg.Items {
					tx, ok := it.(*frame.Text)
					if !ok || tx.Text == "" {
						continue
					}
					if runs >= len(groups) {
						t.Fatalf("%d text runs but %d groups", runs+1, len(groups))
					}
					g := groups[runs]
					runs++
					var x, y, k float64
					if _, err := fmt.Sscanf(g.attr["transform"], "translate(%g %g) scale(%g)", &x, &y, &k); err != nil {
						t.Fatalf("transform %q: %v", g.attr["transform"], err)
					}
					if math.Abs(x-tx.X) > 0.005 || math.Abs(y-tx.Y) > 0.005 || math.Abs(k*float64(tx.Face.UnitsPerEm())/tx.Size-1) > 1e-5 {
						t.Errorf("%q: transform %q, want the run at (%.2f, %.2f), %g pt", tx.Text, g.attr["transform"], tx.X, tx.Y, tx.Size)
					}
					if want := "#" + hex(tx.Color.RGB); g.attr["fill"] != want {
						t.Errorf("%q: fill %s, want %s", tx.Text, g.attr["fill"], want)
					}
					emb, err := tx.Face.Embedding()
					if err != nil {
						t.Fatal(err)
					}
					uses := g.children
					n := 0
					for at, r := range tx.Text {
						gid := emb.Glyph(r)
						o, err := tx.Face.Outline(gid)
						if err != nil {
							t.Fatal(err)
						}
						if len(o) == 0 {
							n++
							continue
						}
						if len(uses) == 0 {
							t.Fatalf("%q: no glyph drawn for %q", tx.Text, r)
						}
						u := uses[0]
						uses = uses[1:]
						face, id, _ := strings.Cut(strings.TrimPrefix(u.attr["href"], "#"), "-")
						if id != strconv.Itoa(int(gid)) || !defined[face+"-"+id] {
							t.Fatalf("%q: %q drawn with %q, want glyph %d, defined", tx.Text, r, u.attr["href"], gid)
						}
						if prev, ok := faceIDs[tx.Face]; ok && prev != face || !ok && slicesContain(faceIDs, face) {
							t.Fatalf("%q: face %s named %q and %q", tx.Text, tx.Face.Name(), prev, face)
						}
						faceIDs[tx.Face] = face
						gx := 0.0
						if s, ok := u.attr["x"]; ok {
							gx = num(t, s) * k
						}
						// The kerned width up to this glyph, less its advance:
						// the kerning with the glyph before it included.
						want := tx.Face.KernedWidth(tx.Text[:at+utf8.RuneLen(r)], tx.Size) - float64(tx.Face.Advance(r))*tx.Size/1000 + float64(n)*tx.Tracking
						if math.Abs(gx-want) > 0.01 {
							t.Errorf("%q: glyph %d (%q) at %.3f pt from the start, want %.3f", tx.Text, n, r, gx, want)
						}
						n++
						glyphs++
					}
					if len(uses) != 0 {
						t.Errorf("%q: %d glyphs too many", tx.Text, len(uses))
					}
				}
				if runs != len(groups) || runs < 20 || glyphs < 500 {
					t.Errorf("%d runs, %d groups, %d glyphs: want one group per run, and a page of them", runs, len(groups), glyphs)
				}
			})
		}
	}
}

func slicesContain(m map[*font.Face]string, v string) bool {
	for _, s := range m {
		if s == v {
			return true
		}
	}
	return false
}

func hex(c color.RGB) string { return fmt.Sprintf("%02x%02x%02x", c.R, c.G, c.B) }

// TestDefsMatchUses checks every page of every layout, screen and print:
// well-formed, each glyph defined once and used, each use defined.
func TestDefsMatchUses(t *testing.T) {
	for _, tc := range []struct{ lang, layout, variant string }{
		{"en", "a4", "screen"}, {"fr", "a4", "print"}, {"en", "a5-booklet", "screen"}, {"fr", "poster", "screen"},
		{"en", "letter", "print"}, {"en+fr", "side-by-side", "screen"}, {"en", "trifold", "print"},
	} {
		d := frames(t, tc.lang, tc.layout, tc.variant)
		for i := range d.Pages {
			data := page(t, d, i, svg.Options{})
			root := parse(t, data)
			defs := map[string]int{}
			used := map[string]bool{}
			var walk func(*element)
			walk = func(el *element) {
				if el.name == "use" {
					used[strings.TrimPrefix(el.attr["href"], "#")] = true
				}
				for _, c := range el.children {
					if el.name == "defs" {
						defs[c.attr["id"]]++
					}
					walk(c)
				}
			}
			walk(root)
			for id, n := range defs {
				if n != 1 || !used[id] {
					t.Errorf("%s %s %s page %d: glyph %s defined %d times, used: %v", tc.lang, tc.layout, tc.variant, i+1, id, n, used[id])
				}
			}
			for id := range used {
				if defs[id] == 0 {
					t.Errorf("%s %s %s page %d: %s used, not defined", tc.lang, tc.layout, tc.variant, i+1, id)
				}
			}
			if len(defs) < 10 {
				t.Errorf("%s %s page %d: %d glyphs", tc.lang, tc.layout, i+1, len(defs))
			}
		}
	}
}

// TestDeterministic draws the same pages again, after others and from
// several goroutines at once: the same bytes every time.
func TestDeterministic(t *testing.T) {
	d := frames(t, "fr", "a4", "screen")
	other := frames(t, "en", "a5-booklet", "screen")
	want := [][]byte{page(t, d, 0, svg.Options{}), page(t, d, 1, svg.Options{})}
	if bytes.Equal(want[0], want[1]) {
		t.Fatal("pages 1 and 2 are the same")
	}
	again := frames(t, "fr", "a4", "screen") // laid out anew
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range 4 {
				var buf bytes.Buffer
				if err := svg.Page(&buf, other, (g+n)%len(other.Pages), svg.Options{}); err != nil {
					errs <- err.Error()
				}
				i := (g + n) % 2
				buf.Reset()
				if err := svg.Page(&buf, again, i, svg.Options{}); err != nil {
					errs <- err.Error()
				} else if !bytes.Equal(buf.Bytes(), want[i]) {
					errs <- fmt.Sprintf("page %d drawn again differs", i+1)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestItems checks how each kind of item is written.
func TestItems(t *testing.T) {
	blue := color.Color{RGB: color.RGB{R: 0x12, G: 0x3f, B: 0x6d}}
	gold := color.Color{RGB: color.RGB{R: 0xf2, G: 0xa9}}
	face := interFace(t)
	png := []byte("\x89PNG\r\n\x1a\n fake pixels")
	tests := []struct {
		name string
		item frame.Item
		want string // "": nothing drawn
	}{
		{"rounded box, radius at most half a side", &frame.Box{Rect: frame.Rect{X: 10, Y: 20.004, W: 30, H: 40}, Fill: &blue, Radius: 50},
			`<rect x="10" y="20" width="30" height="40" rx="15" fill="#123f6d"/>`},
		{"stroked box", &frame.Box{Rect: frame.Rect{X: 1.25, Y: 2, W: 3, H: 4}, Stroke: &gold, LineWidth: 0.5},
			`<rect x="1.25" y="2" width="3" height="4" fill="none" stroke="#f2a900" stroke-width="0.5"/>`},
		{"box filled and stroked", &frame.Box{Rect: frame.Rect{W: 3, H: 4}, Fill: &blue, Stroke: &gold, LineWidth: 1},
			`<rect x="0" y="0" width="3" height="4" fill="#123f6d" stroke="#f2a900" stroke-width="1"/>`},
		{"box neither filled nor stroked", &frame.Box{Rect: frame.Rect{W: 3, H: 4}}, ""},
		{"rule", &frame.Rule{X1: 1, Y1: 2, X2: 300.5, Y2: 2, Color: gold, Width: 0.75},
			`<line x1="1" y1="2" x2="300.5" y2="2" stroke="#f2a900" stroke-width="0.75"/>`},
		{"path", &frame.Path{Fill: gold, Segs: []frame.Seg{
			{Op: frame.MoveTo, Pts: [3]frame.Point{{X: 1, Y: 2}}},
			{Op: frame.LineTo, Pts: [3]frame.Point{{X: 3, Y: -4}}},
			{Op: frame.CurveTo, Pts: [3]frame.Point{{X: 5, Y: 6}, {X: -7, Y: 8}, {X: 9.125, Y: 10}}},
			{Op: frame.Close},
		}}, `<path d="M1 2L3-4C5 6-7 8 9.13 10Z" fill="#f2a900"/>`},
		{"image", &frame.Image{Rect: frame.Rect{X: 5, Y: 6, W: 70, H: 80}, Data: png, Format: "png"},
			`<image x="5" y="6" width="70" height="80" preserveAspectRatio="none" xlink:href="data:image/png;base64,` + base64.StdEncoding.EncodeToString(png) + `"/>`},
		{"link", &frame.Link{Rect: frame.Rect{W: 10, H: 10}, URI: "https://example.com/"}, ""},
		{"spaces", &frame.Text{X: 10, Y: 20, Text: "  ", Face: face, Size: 10, Color: blue},
			`<g fill="#123f6d" transform="translate(10 20) scale(0.004882813)"></g>`},
		{"empty text", &frame.Text{X: 10, Y: 20, Face: face, Size: 10, Color: blue}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &frame.Document{Width: 100, Height: 200, Pages: []*frame.Page{{Items: []frame.Item{tt.item}}}}
			got := string(page(t, d, 0, svg.Options{}))
			head := `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="100pt" height="200pt" viewBox="0 0 100 200">` + "\n"
			paper := `<rect width="100" height="200" fill="#fff"/>` + "\n"
			want := head + paper + tt.want
			if tt.want != "" {
				want += "\n"
			}
			want += "</svg>\n"
			if got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
			parse(t, []byte(got))
		})
	}
}

func interFace(t testing.TB) *font.Face {
	t.Helper()
	data, err := fonts.FS.ReadFile("Inter-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	f, err := font.Parse("Inter-Regular.ttf", data)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestText checks a run's glyphs, their definitions and their order.
func TestText(t *testing.T) {
	face := interFace(t)
	emb, err := face.Embedding()
	if err != nil {
		t.Fatal(err)
	}
	black := color.Color{RGB: color.RGB{}}
	d := &frame.Document{Width: 100, Height: 100, Pages: []*frame.Page{{Items: []frame.Item{
		&frame.Text{X: 10, Y: 50, Text: "AVA A", Face: face, Size: 20.48, Color: black},
		&frame.Text{X: 10, Y: 80, Text: "Ax\U0001F600", Face: face, Size: 20.48, Color: black, Tracking: 1},
	}}}}
	got := string(page(t, d, 0, svg.Options{}))
	a, v, x, notdef := emb.Glyph('A'), emb.Glyph('V'), emb.Glyph('x'), emb.Glyph('\U0001F600')
	if notdef != 0 {
		t.Fatalf("Inter has U+1F600")
	}
	// 20.48 pt: 1/100 pt per font unit, so the x of each glyph is its
	// position in points times 100.
	kav, kva := face.Kern('A', 'V'), face.Kern('V', 'A')
	if kav == 0 || kva == 0 {
		t.Fatal("no kerning between A and V")
	}
	wa, wv, wsp := face.Advance('A'), face.Advance('V'), face.Advance(' ')
	at := func(thousandths int) string {
		return strconv.Itoa(int(math.Round(float64(thousandths) * 20.48 / 1000 * 100)))
	}
	// The face's id: "g" and four characters of the FNV-1a hash of its
	// PostScript name, five bits each, the lowest first.
	h := fnv.New32a()
	h.Write([]byte(emb.PostScriptName))
	sum := h.Sum32()
	const digits = "0123456789abcdefghijklmnopqrstuv"
	id := string([]byte{'g', digits[sum&31], digits[sum>>5&31], digits[sum>>10&31], digits[sum>>15&31]})
	want := fmt.Sprintf(`<g fill="#000000" transform="translate(10 50) scale(0.01)"><use xlink:href="#ID-%d"/><use xlink:href="#ID-%d" x="%s"/><use xlink:href="#ID-%d" x="%s"/><use xlink:href="#ID-%d" x="%s"/></g>`,
		a, v, at(wa+kav), a, at(wa+kav+wv+kva), a, at(wa+kav+wv+kva+wa+wsp))
	want = strings.ReplaceAll(want, "ID", id)
	if !strings.Contains(got, want) {
		t.Errorf("first run: want\n%s\nin\n%s", want, got)
	}
	want = fmt.Sprintf(`<g fill="#000000" transform="translate(10 80) scale(0.01)"><use xlink:href="#ID-%d"/><use xlink:href="#ID-%d" x="%s"/><use xlink:href="#ID-0" x="%s"/></g>`,
		a, x, strconv.Itoa(int(math.Round(float64(wa)*20.48/10+100))), strconv.Itoa(int(math.Round(float64(wa+face.Advance('x'))*20.48/10+200))))
	want = strings.ReplaceAll(want, "ID", id)
	if !strings.Contains(got, want) {
		t.Errorf("second run: want\n%s\nin\n%s", want, got)
	}
	var defs []string
	for _, line := range strings.Split(got, "\n") {
		if strings.HasPrefix(line, `<path id="`) {
			defs = append(defs, strings.Split(line, `"`)[1])
		}
	}
	ids := []uint16{0, a, v, x}
	var wantDefs []string
	for _, g := range sortedIDs(ids) {
		wantDefs = append(wantDefs, fmt.Sprintf("%s-%d", id, g))
	}
	if strings.Join(defs, " ") != strings.Join(wantDefs, " ") {
		t.Errorf("defs %v, want %v (in increasing glyph id, once each, no space)", defs, wantDefs)
	}
}

func sortedIDs(ids []uint16) []uint16 {
	out := append([]uint16(nil), ids...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestOptionsWidth(t *testing.T) {
	d := &frame.Document{Width: 595.28, Height: 841.89, Pages: []*frame.Page{{}}}
	got := string(page(t, d, 0, svg.Options{Width: 400}))
	if !strings.Contains(got, `width="400" height="565.71" viewBox="0 0 595.28 841.89"`) {
		t.Errorf("Width 400: %s", got)
	}
}

func TestErrors(t *testing.T) {
	one := []*frame.Page{{}}
	tests := []struct {
		name string
		d    *frame.Document
		i    int
		want string
	}{
		{"page before the first", &frame.Document{Width: 10, Height: 10, Pages: one}, -1, "svg: page 0 of a 1-page document"},
		{"page past the last", &frame.Document{Width: 10, Height: 10, Pages: one}, 1, "svg: page 2 of a 1-page document"},
		{"no size", &frame.Document{Pages: one}, 0, "svg: page size 0 × 0 pt"},
		{"image in another format", &frame.Document{Width: 10, Height: 10, Pages: []*frame.Page{{Items: []frame.Item{
			&frame.Image{Rect: frame.Rect{W: 5, H: 5}, Data: []byte("GIF89a"), Format: "gif", Where: "team.toml:3:1"},
		}}}}, 0, `svg: page 1: image team.toml:3:1: format "gif" is not jpeg or png`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := svg.Page(&buf, tt.d, tt.i, svg.Options{})
			if err == nil || err.Error() != tt.want {
				t.Errorf("error %v, want %q", err, tt.want)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes", buf.Len())
			}
		})
	}
}

// BenchmarkPage draws the French A4 pages: run with -benchmem for the
// allocations.
func BenchmarkPage(b *testing.B) {
	d := frames(b, "fr", "a4", "screen")
	for i := range d.Pages {
		b.Run(strconv.Itoa(i+1), func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				var buf bytes.Buffer
				if err := svg.Page(&buf, d, i, svg.Options{}); err != nil {
					b.Fatal(err)
				}
				n = buf.Len()
			}
			b.ReportMetric(float64(n), "bytes/page")
		})
	}
}
