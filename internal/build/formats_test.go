package build

import (
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/preflight"
)

// buildJob makes one job with a new project into a temporary folder and
// returns its path.
func buildJob(t *testing.T, j Job) string {
	t.Helper()
	p, err := Open(contentDir)
	if err != nil {
		t.Fatal(err)
	}
	r, err := p.Build(j, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return r.Path
}

// pageText is pdftotext's text of page n (from 1), or of an area of it
// in points, spaces normalised.
func pageText(t *testing.T, path string, n int, area ...float64) string {
	t.Helper()
	opts := []string{"-raw", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n)}
	if len(area) == 4 {
		for i, flag := range []string{"-x", "-y", "-W", "-H"} {
			opts = append(opts, flag, strconv.Itoa(int(math.Round(area[i]))))
		}
	}
	return normSpace(pdftotext(t, path, opts...))
}

// boxes reads pdfinfo's page boxes of page 1: name → llx lly urx ury.
func boxes(t *testing.T, path string) map[string][4]float64 {
	t.Helper()
	out := map[string][4]float64{}
	for _, line := range strings.Split(tool(t, "pdfinfo", "-box", path), "\n") {
		name, rest, ok := strings.Cut(line, ":")
		if !ok || !strings.HasSuffix(name, "Box") {
			continue
		}
		var b [4]float64
		if _, err := fmt.Sscan(rest, &b[0], &b[1], &b[2], &b[3]); err == nil {
			out[name] = b
		}
	}
	return out
}

// TestImposedBooklet prints the booklet's imposed file and reads each
// half sheet back: it must show the reading-order file's pages in
// printing order, sheet 1 front [8|1], back [2|7], sheet 2 front [6|3],
// back [4|5], on A4 landscape.
func TestImposedBooklet(t *testing.T) {
	needTool(t, "pdftotext", "pdfinfo")
	for _, lang := range []string{"en", "fr"} {
		t.Run(lang, func(t *testing.T) {
			pages := buildJob(t, Job{Role: testRole, Lang: lang, Layout: "a5-booklet", Variant: "print"})
			imposed := buildJob(t, Job{Role: testRole, Lang: lang, Layout: "a5-booklet", Variant: "imposed"})
			if filepath.Base(imposed) != "sre-"+lang+"-a5-booklet-imposed.pdf" {
				t.Errorf("imposed file named %s", filepath.Base(imposed))
			}
			if n := pdfinfo(t, pages)["Pages"]; n != "8" {
				t.Fatalf("the booklet has %s pages; this test expects 8", n)
			}
			b := boxes(t, imposed)["MediaBox"]
			w, h := b[2]-b[0], b[3]-b[1]
			if math.Abs(w-841.89) > 0.1 || math.Abs(h-595.28) > 0.1 {
				t.Fatalf("imposed sheet %.2f × %.2f pt, want A4 landscape", w, h)
			}
			want := [][2]int{{8, 1}, {2, 7}, {6, 3}, {4, 5}}
			for side, pair := range want {
				for half, page := range pair {
					got := pageText(t, imposed, side+1, float64(half)*w/2, 0, w/2, h)
					// The reading-order file is the print one: its page
					// sits inside the bleed and marks.
					pb := boxes(t, pages)["TrimBox"]
					ph := boxes(t, pages)["MediaBox"][3]
					wantText := pageText(t, pages, page, pb[0], ph-pb[3], pb[2]-pb[0], pb[3]-pb[1])
					if got != wantText {
						t.Errorf("sheet %d %s, %s half: %.60q…, want page %d: %.60q…",
							side/2+1, [2]string{"front", "back"}[side%2], [2]string{"left", "right"}[half], got, page, wantText)
					}
				}
			}
		})
	}
}

// TestTrifold checks the leaflet's print file: panel order on the
// outside (flap, back, cover), panel widths, and dashed fold marks above
// and below each fold, outside the trim.
func TestTrifold(t *testing.T) {
	needTool(t, "pdftotext", "pdftoppm", "pdfinfo")
	path := buildJob(t, Job{Role: testRole, Lang: "en", Layout: "trifold", Variant: "print"})
	bx := boxes(t, path)
	trim, media := bx["TrimBox"], bx["MediaBox"]
	mm := 72 / 25.4
	if w, h := trim[2]-trim[0], trim[3]-trim[1]; math.Abs(w-297*mm) > 0.1 || math.Abs(h-210*mm) > 0.1 {
		t.Fatalf("TrimBox %.1f × %.1f mm, want A4 landscape", w/mm, h/mm)
	}
	top := media[3] - trim[3] // from the media box's top to the trim's
	panel := func(page int, x0, x1 float64) string {
		return pageText(t, path, page, trim[0]+x0*mm, top, (x1-x0)*mm, 210*mm)
	}
	role, _ := source(t)
	en := role.Texts["en"]
	for _, tc := range []struct {
		what   string
		x0, x1 float64
		want   string
	}{
		{"flap (97 mm)", 0, 97, en.Intro[0][:40]},
		{"back (100 mm)", 97, 197, en.CTA.Heading},
		{"cover (100 mm)", 197, 297, en.Title},
	} {
		if got := panel(1, tc.x0, tc.x1); !strings.Contains(got, normSpace(tc.want)) {
			t.Errorf("outside, %s: %q lacks %q", tc.what, got, tc.want)
		}
	}
	if got := panel(1, 197, 297); strings.Contains(got, normSpace(en.CTA.Heading)) {
		t.Error("the cover shows the back's call to action")
	}

	// Fold marks: ink above the trim at each fold, and none between.
	dpi := 144.0
	img := rasterPage(t, path, dpi, 1)
	px := func(pt float64) int { return int(math.Round(pt / 72 * dpi)) }
	inkAbove := func(x float64) bool {
		for y := px(1 * mm); y < px(top-3*mm); y++ {
			for dx := -1; dx <= 1; dx++ {
				r, g, b, _ := img.At(px(trim[0]+x)+dx, y).RGBA()
				if r+g+b < 3*0x8000 {
					return true
				}
			}
		}
		return false
	}
	for _, fold := range []float64{97, 197} {
		if !inkAbove(fold * mm) {
			t.Errorf("no fold mark above the fold at %.0f mm", fold)
		}
	}
	for _, x := range []float64{50, 150, 250} {
		if inkAbove(x * mm) {
			t.Errorf("a mark above the trim at %.0f mm, where there is no fold", x)
		}
	}
}

// rasterPage renders page n of a PDF at dpi.
func rasterPage(t *testing.T, path string, dpi float64, n int) image.Image {
	t.Helper()
	dir := t.TempDir()
	tool(t, "pdftoppm", "-r", strconv.Itoa(int(dpi)), "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), "-singlefile", "-png", path, filepath.Join(dir, "page"))
	f, err := os.Open(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// TestFlyer checks the recto-verso flyer: one sheet, French on the
// front, English on the back.
func TestFlyer(t *testing.T) {
	needTool(t, "pdftotext", "pdfinfo")
	path := buildJob(t, Job{Role: testRole, Lang: "fr+en", Layout: "flyer", Variant: "print"})
	if n := pdfinfo(t, path)["Pages"]; n != "2" {
		t.Fatalf("%s pages, want 2 (one sheet)", n)
	}
	role, _ := source(t)
	for page, lang := range map[int]string{1: "fr", 2: "en"} {
		other := map[string]string{"fr": "en", "en": "fr"}[lang]
		text := pageText(t, path, page)
		if !strings.Contains(text, normSpace(role.Texts[lang].Sections["missions"].Heading)) {
			t.Errorf("page %d lacks the %s missions heading", page, lang)
		}
		if strings.Contains(text, normSpace(role.Texts[other].Sections["missions"].Heading)) {
			t.Errorf("page %d shows the %s missions heading", page, other)
		}
	}
}

// TestPageBoxes builds every layout for screen and print and checks the
// page boxes: screen files are their trim size; print files have the
// layout's bleed on every side and room for marks around it.
func TestPageBoxes(t *testing.T) {
	needTool(t, "pdfinfo")
	p, err := Open(contentDir)
	if err != nil {
		t.Fatal(err)
	}
	jobs, err := p.Jobs(Selection{Variants: Variants})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	seen := map[string]bool{}
	for _, j := range jobs {
		if seen[j.Layout+j.Variant] {
			continue // one language is enough for boxes
		}
		seen[j.Layout+j.Variant] = true
		t.Run(strings.TrimSuffix(j.File(), ".pdf"), func(t *testing.T) {
			r, err := p.Build(j, dir)
			if err != nil {
				t.Fatal(err)
			}
			lay, err := p.designs.Layout(j.Layout)
			if err != nil {
				t.Fatal(err)
			}
			bx := boxes(t, r.Path)
			media, bleed, trim := bx["MediaBox"], bx["BleedBox"], bx["TrimBox"]
			w, h := lay.Width, lay.Height
			if j.Variant == "imposed" {
				w, h = 841.89, 595.28
			}
			if tw, th := trim[2]-trim[0], trim[3]-trim[1]; math.Abs(tw-w) > 0.02 || math.Abs(th-h) > 0.02 {
				t.Errorf("TrimBox %.2f × %.2f, want %.2f × %.2f", tw, th, w, h)
			}
			for i, sign := range []float64{-1, -1, 1, 1} {
				switch j.Variant {
				case "print":
					if d := (bleed[i] - trim[i]) * sign; math.Abs(d-lay.Bleed) > 0.02 {
						t.Errorf("bleed on side %d: %.2f pt, want %.2f", i, d, lay.Bleed)
					}
					if lay.CropMarks && (media[i]-bleed[i])*sign < 6*72/25.4 {
						t.Errorf("side %d: no room for marks outside the bleed", i)
					}
				default:
					if media[i] != trim[i] || bleed[i] != trim[i] {
						t.Errorf("side %d: a %s file has no bleed: media %v, bleed %v, trim %v", i, j.Variant, media, bleed, trim)
					}
				}
			}
		})
	}
	for _, want := range []string{"a5-booklet" + "imposed", "trifold" + "print", "flyer" + "print", "poster" + "screen"} {
		if !seen[want] {
			t.Errorf("no job for %s", want)
		}
	}
}

// TestFirstLanguage checks --first: a bilingual edition starts with the
// language asked for, whatever its layout's order, and says so in its
// name; its first page is in that language.
func TestFirstLanguage(t *testing.T) {
	p, err := Open(contentDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		layout, first, want string
	}{
		{"bilingual", "", "en+fr"},
		{"bilingual", "fr", "fr+en"},
		{"bilingual", "en", "en+fr"},
		{"flyer", "", "fr+en"},
		{"flyer", "en", "en+fr"},
		{"side-by-side", "fr", "fr+en"},
		{"a4", "fr", "en"}, // one language per file: nothing to reorder
	} {
		jobs, err := p.Jobs(Selection{Layouts: []string{tc.layout}, First: tc.first})
		if err != nil {
			t.Fatal(err)
		}
		if len(jobs) == 0 || jobs[0].Lang != tc.want {
			t.Errorf("%s, first %q: jobs %v, want the first in %s", tc.layout, tc.first, jobs, tc.want)
		}
	}
	if _, err := p.Jobs(Selection{First: "sv"}); err == nil || !strings.Contains(err.Error(), `--first: language "sv"`) {
		t.Errorf("--first sv: error %v", err)
	}
	needTool(t, "pdftotext")
	path := buildJob(t, Job{Role: testRole, Lang: "fr+en", Layout: "bilingual"})
	if filepath.Base(path) != "sre-fr-en-bilingual.pdf" {
		t.Errorf("file %s", filepath.Base(path))
	}
	role, _ := source(t)
	if text := pageText(t, path, 1); !strings.Contains(text, normSpace(role.Texts["fr"].Sections["missions"].Heading)) {
		t.Error("page 1 of the French-first edition is not in French")
	}
}

// TestOtherLanguageMarked checks that a bilingual edition says which
// language each part is in: the second language's part of the structure
// tree carries its /Lang (the first's is the document's), so a screen
// reader switches voice there.
func TestOtherLanguageMarked(t *testing.T) {
	for _, tc := range []struct{ lang, layout, other string }{
		{"en+fr", "bilingual", "fr"},
		{"fr+en", "flyer", "en"},
		{"en+fr", "side-by-side", "fr"},
	} {
		data, err := os.ReadFile(buildJob(t, Job{Role: testRole, Lang: tc.lang, Layout: tc.layout}))
		if err != nil {
			t.Fatal(err)
		}
		tree, err := preflight.StructureText(data)
		if err != nil {
			t.Fatal(err)
		}
		var parts []string
		for _, line := range strings.Split(tree, "\n") {
			if strings.HasPrefix(line, "  Part") {
				head, _, _ := strings.Cut(line, ":")
				parts = append(parts, strings.TrimSpace(head))
			}
		}
		if want := []string{"Part", "Part lang=" + tc.other}; !slices.Equal(parts, want) {
			t.Errorf("%s: parts %q, want %q", tc.layout, parts, want)
		}
	}
}
