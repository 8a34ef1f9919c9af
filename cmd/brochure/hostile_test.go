package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/brochure-dev/brochure/internal/anchor"
	"github.com/brochure-dev/brochure/internal/content"
	"github.com/brochure-dev/brochure/internal/design"
)

// hostileErrors are the problems the roles of testdata/hostile must give,
// and no others: content errors in full, placed by anchors ("⟨text⟩": the
// line of the file holding text), and layouts' overflow errors by their
// beginning. Every other brochure of the corpus must be built, its text
// holding every word of what its layout shows.
var hostileErrors = []string{
	`hostile/cjk/fr.toml:⟨tagline =⟩:12: U+6570 '数' is not in Inter-Bold (used 2 times)`,
	`hostile/cjk/fr.toml:⟨tagline =⟩:15: U+636E '据' is not in Inter-Bold (used 2 times)`,
	`hostile/cjk/fr.toml:⟨tagline =⟩:18: U+53EF '可' is not in Inter-Bold (used once)`,
	`hostile/cjk/fr.toml:⟨tagline =⟩:21: U+9760 '靠' is not in Inter-Bold (used once)`,
	`hostile/cjk/fr.toml:⟨tagline =⟩:24: U+6027 '性' is not in Inter-Bold (used once)`,
	`hostile/control-chars/en.toml:⟨title =⟩:26: title: a tab (U+0009): this field is one line`,
	`hostile/emoji-rtl/en.toml:⟨title =⟩:36: U+1F680 '🚀' is not in Inter-Bold (used once)`,
	`hostile/emoji-rtl/en.toml:⟨מהנדס⟩:4: U+05DE 'מ' is not in Inter-Bold (used 2 times)`,
	`hostile/emoji-rtl/en.toml:⟨מהנדס⟩:6: U+05D4 'ה' is not in Inter-Bold (used once)`,
	`hostile/emoji-rtl/en.toml:⟨מהנדס⟩:8: U+05E0 'נ' is not in Inter-Bold (used 2 times)`,
	`hostile/emoji-rtl/en.toml:⟨מהנדס⟩:10: U+05D3 'ד' is not in Inter-Bold (used once)`,
	`hostile/emoji-rtl/en.toml:⟨מהנדס⟩:12: U+05E1 'ס' is not in Inter-Bold (used once)`,
	`hostile/emoji-rtl/en.toml:⟨מהנדס⟩:15: U+05D0 'א' is not in Inter-Bold (used once)`,
	`hostile/emoji-rtl/en.toml:⟨מהנדס⟩:19: U+05D9 'י' is not in Inter-Bold (used once)`,
	`hostile/emoji-rtl/en.toml:⟨מהנדס⟩:23: U+05D5 'ו' is not in Inter-Bold (used once)`,
	`hostile/emoji-rtl/en.toml:⟨מהנדס⟩:25: U+05EA 'ת' is not in Inter-Bold (used once)`,
	`hostile/no-languages/role.toml:⟨languages = []⟩:1: languages: list at least one language, like ["en", "fr"]`,
	`hostile/salary-huge/role.toml:⟨min = 10000000000000⟩:1: salary.levels[2].min: 10000000000000 is not a plausible yearly salary (at most 100000000)`,
	`hostile/salary-huge/role.toml:⟨max = 10000000000000⟩:1: salary.levels[2].max: 10000000000000 is not a plausible yearly salary (at most 100000000)`,
	`hostile/salary-max/role.toml:⟨max = 9223372036854775807⟩:1: salary.levels[2].max: 9223372036854775807 is not a plausible yearly salary (at most 100000000)`,
	`hostile/unshown-section/en.toml:⟨[sections.benefits]⟩:1: section "benefits": no layout shows it (add it to a layout's sections)`,
	// Too much text for a fixed page count is said, with where and how
	// much; the layouts without one (booklet, side by side) set it all.
	`layout a4, role huge-paragraph (en): 2 pages: does not fit`,
	`layout a4, role huge-paragraph (fr): 2 pages: does not fit`,
	`layout bilingual, role huge-paragraph (en): 2 pages: does not fit`,
	`layout letter, role huge-paragraph (en): 2 pages: does not fit`,
	`layout letter, role huge-paragraph (fr): 2 pages: does not fit`,
	`layout trifold, role huge-paragraph (en): 2 pages: does not fit`,
	`layout trifold, role huge-paragraph (fr): 2 pages: does not fit`,
	`layout a4, role many-items (en): 2 pages: does not fit`,
	`layout a4, role many-items (fr): 2 pages: does not fit`,
	`layout bilingual, role many-items (en): 2 pages: does not fit`,
	`layout flyer, role many-items (fr): 1 pages: does not fit`,
	`layout letter, role many-items (en): 2 pages: does not fit`,
	`layout letter, role many-items (fr): 2 pages: does not fit`,
	`layout poster, role many-items (en): 1 page: does not fit`,
	`layout poster, role many-items (fr): 1 page: does not fit`,
	`layout trifold, role many-items (en): 2 pages: does not fit`,
	`layout trifold, role many-items (fr): 2 pages: does not fit`,
	// A title that cannot fit says so.
	`layout a5-booklet, role long-title (en): 1 pages: does not fit: from section "intro"`,
	`layout a5-booklet, role long-title (fr): 1 pages: does not fit: from section "intro"`,
	`layout flyer, role long-title (fr): 1 pages: does not fit`,
	`layout poster, role long-title (en): 1 page: does not fit`,
	`layout poster, role long-title (fr): 1 page: does not fit`,
	`layout trifold, role long-title (en): 2 pages: does not fit: from section "cover"`,
	`layout trifold, role long-title (fr): 2 pages: does not fit: from section "cover"`,
}

// hostileWarnings must each be printed for some file.
var hostileWarnings = []string{
	`warning: "Pneumonoultramicroscopicsilicovolcanoco…" is wider than its line: broken between letters`,
	`warning: "ContinuousDeploymentOrchestrationPlatfo…" is wider than its line: broken between letters`,
	`warning: the header "Senior Staff Site Reliability Engineer …" is too long for one line: cut short`,
}

var anchorRE = regexp.MustCompile(`^(hostile/[\w./-]+):⟨([^⟩]*)⟩`)

// TestHostileCorpus builds the roles of testdata/hostile (see its
// README.md), written to break things, in every layout and both
// variants: nothing panics or hangs, every problem is the one expected,
// at its place, and every other brochure is built with all its words.
func TestHostileCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds about 450 brochures")
	}
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	r := brochure(t, dir, "--content", "hostile", "build", "--for", "screen,print", "--out", out, "--jobs", "2")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1:\n%s", r.code, r.stderr)
	}
	var want []string
	for _, w := range hostileErrors {
		want = append(want, expandAnchor(t, dir, w))
	}
	var got, warnings []string
	for _, line := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
		if strings.Contains(line, ": warning: ") {
			warnings = append(warnings, line)
		} else {
			got = append(got, line)
		}
	}
	for _, g := range got {
		if !slices.ContainsFunc(want, func(w string) bool { return strings.HasPrefix(g, w) }) {
			t.Errorf("unexpected error: %s", g)
		}
	}
	for _, w := range want {
		if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, w) }) {
			t.Errorf("missing error: %s", w)
		}
	}
	for _, w := range hostileWarnings {
		if !slices.ContainsFunc(warnings, func(g string) bool { return strings.HasSuffix(g, w) }) {
			t.Errorf("missing warning: %s", w)
		}
	}
	checkHostileWords(t, dir, r.stdout)
}

// expandAnchor replaces a message's ⟨text⟩ by the line holding text.
func expandAnchor(t *testing.T, dir, msg string) string {
	t.Helper()
	m := anchorRE.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	data, err := os.ReadFile(filepath.Join(dir, m[1]))
	if err != nil {
		t.Fatal(err)
	}
	n, ok := anchor.Line(data, m[2])
	if !ok {
		t.Fatalf("%s: no line with %q", m[1], m[2])
	}
	return m[1] + ":" + strconv.Itoa(n) + msg[len(m[0]):]
}

// checkHostileWords reads back every PDF the build made (but the imposed
// sheets, two pages a side) and looks for every word of the title and of
// the sections its layout shows, in every language it has.
func checkHostileWords(t *testing.T, dir, stdout string) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		pdftotext(t, "") // skips, or fails under CI
	}
	loader := design.NewLoader(os.DirFS("../../layouts"), os.DirFS("../../fonts"), "layouts")
	roles, err := content.List(os.DirFS(filepath.Join(dir, "hostile")))
	if err != nil {
		t.Fatal(err)
	}
	layouts, err := loader.List()
	if err != nil {
		t.Fatal(err)
	}
	built := 0
	for _, line := range strings.Split(stdout, "\n") {
		path, status, ok := strings.Cut(line, "\t")
		if !ok || status == "failed" || !strings.HasSuffix(path, ".pdf") || strings.HasSuffix(path, "-imposed.pdf") {
			continue
		}
		built++
		name := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(path), ".pdf"), "-print")
		role, langs, layoutName := splitName(name, roles, layouts)
		if role == "" {
			t.Errorf("%s: cannot tell its role and layout", path)
			continue
		}
		r, err := content.Load(os.DirFS(filepath.Join(dir, "hostile")), "hostile", role)
		if err != nil {
			t.Errorf("%s was built from a role with errors: %v", path, err)
			continue
		}
		lay, err := loader.Layout(layoutName)
		if err != nil {
			t.Fatal(err)
		}
		text := letters(pdftotextRaw(t, path))
		for _, lang := range langs {
			tx := r.Texts[lang]
			fields := []string{tx.Title}
			for _, id := range lay.Sections {
				s := tx.Sections[id]
				fields = append(fields, s.Heading, s.Note)
				fields = append(append(fields, s.Body...), s.Items...)
				for _, g := range s.Groups {
					fields = append(append(fields, g.Label), g.Items...)
				}
			}
			missing := 0
			for _, f := range fields {
				for _, w := range strings.Fields(f) {
					if lw := letters(w); lw != "" && !strings.Contains(text, lw) {
						if missing++; missing <= 3 {
							t.Errorf("%s: %s word %q is not in the text", filepath.Base(path), lang, w)
						}
					}
				}
			}
		}
	}
	if built < 250 {
		t.Errorf("%d PDFs built, want the whole corpus but its errors (250 or more)", built)
	}
}

// splitName reads "<role>-<lang>[-<lang>]-<layout>" knowing the roles and
// layouts, which may hold hyphens themselves.
func splitName(name string, roles, layouts []string) (role string, langs []string, layout string) {
	for _, r := range roles {
		for _, l := range layouts {
			rest, ok := strings.CutPrefix(name, r+"-")
			if !ok {
				continue
			}
			if mid, ok := strings.CutSuffix(rest, "-"+l); ok && len(mid) >= 2 && len(r) > len(role) {
				role, langs, layout = r, strings.Split(mid, "-"), l
			}
		}
	}
	return role, langs, layout
}

// letters keeps the letters and digits of s, lower-case: what survives
// line breaks, hyphens added or removed, and typographic punctuation.
func letters(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// pdftotextRaw is a PDF's text in reading order.
func pdftotextRaw(t *testing.T, path string) string {
	t.Helper()
	b, err := exec.Command("pdftotext", "-raw", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(b)
}
