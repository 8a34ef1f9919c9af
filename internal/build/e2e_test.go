package build

// End-to-end tests: the real content folder is rendered to PDF and the
// files are read back with poppler-utils, qpdf and pdfminer, so that what
// a reader sees (text, fonts, metadata, bookmarks, links, pages) is
// checked against the source files.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brochure-dev/brochure/internal/content"
	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/locale"
	"github.com/brochure-dev/brochure/internal/version"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// contentDir is the project's real content folder.
const contentDir = "../../brochures"

const (
	testRole   = "sre"
	testLayout = "a4"
)

var testLangs = []string{"en", "fr", "de"}

// scratch is a folder for the whole test binary, removed by TestMain.
var scratch string

func TestMain(m *testing.M) {
	// The PDFs' dates must come from the content, whatever the caller's
	// environment says; the tests that want SOURCE_DATE_EPOCH set it.
	os.Unsetenv("SOURCE_DATE_EPOCH")
	dir, err := os.MkdirTemp("", "brochure-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	scratch = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// shared holds the PDFs built once from the real content and read by
// most tests.
var shared struct {
	once sync.Once
	p    *Project
	pdf  map[string]string // path by language
	err  error
}

// sharedPDFs builds sre in every language with layout a4, once.
func sharedPDFs(t testing.TB) (*Project, map[string]string) {
	t.Helper()
	shared.once.Do(func() {
		p, err := Open(contentDir)
		if err != nil {
			shared.err = err
			return
		}
		shared.p, shared.pdf = p, map[string]string{}
		out := filepath.Join(scratch, "shared")
		for _, lang := range testLangs {
			r, err := p.Build(Job{Role: testRole, Lang: lang, Layout: testLayout}, out)
			if err != nil {
				shared.err = err
				return
			}
			shared.pdf[lang] = r.Path
		}
	})
	if shared.err != nil {
		t.Fatalf("building the shared PDFs: %v", shared.err)
	}
	return shared.p, shared.pdf
}

// source returns the loaded role and layout the shared PDFs come from.
func source(t testing.TB) (*content.Role, *design.Layout) {
	t.Helper()
	p, _ := sharedPDFs(t)
	role, err := p.Role(testRole)
	if err != nil {
		t.Fatal(err)
	}
	lay, err := p.Layout(testLayout)
	if err != nil {
		t.Fatal(err)
	}
	return role, lay
}

// pdftotext returns the text of a PDF, cached by path and options. With
// "-raw" it is in the order the PDF draws it, which is reading order;
// without, poppler guesses the order from positions, and may interleave
// the lines of two justified columns.
var textCache sync.Map

func pdftotext(t testing.TB, path string, opts ...string) string {
	t.Helper()
	key := path + strings.Join(opts, " ")
	if s, ok := textCache.Load(key); ok {
		return s.(string)
	}
	args := append(append([]string{"-enc", "UTF-8"}, opts...), path, "-")
	s := tool(t, "pdftotext", args...)
	textCache.Store(key, s)
	return s
}

// fact is a string of the source that the PDF must show.
type fact struct {
	what, text string
	// fold compares without case: the layout sets these in capitals.
	fold bool
}

// sourceFacts lists what the brochure in lang must show, taken from the
// loaded role and layout, with figures formatted by the locale.
func sourceFacts(t testing.TB, lang string) []fact {
	t.Helper()
	role, lay := source(t)
	text := role.Texts[lang]
	if text == nil {
		t.Fatalf("role %s has no %s text", role.ID, lang)
	}
	loc, err := locale.For(lang)
	if err != nil {
		t.Fatal(err)
	}
	f := role.Facts
	facts := []fact{
		{what: "title", text: text.Title},
		{what: "kicker", text: text.Kicker, fold: true},
		{what: "tagline", text: text.Tagline},
		{what: "glance heading", text: text.Glance.Heading, fold: true},
		{what: "glance salary label", text: text.Glance.SalaryLabel, fold: true},
		{what: "glance tools label", text: text.Glance.ToolsLabel, fold: true},
		{what: "glance sectors label", text: text.Glance.SectorsLabel, fold: true},
		{what: "CTA heading", text: text.CTA.Heading},
		{what: "CTA body", text: text.CTA.Body},
		{what: "CTA e-mail label", text: text.CTA.EmailLabel},
		{what: "CTA web label", text: text.CTA.WebLabel},
		{what: "e-mail address", text: f.Contact.Email},
		// The web address is shown without its scheme.
		{what: "web address", text: strings.TrimPrefix(f.Contact.Web, "https://")},
		{what: "brand", text: lay.Brand.Name},
	}
	for _, p := range text.Intro {
		facts = append(facts, fact{what: "intro", text: p})
	}
	for _, s := range text.Glance.Sectors {
		facts = append(facts, fact{what: "sector", text: s})
	}
	for _, tl := range f.KeyTools {
		facts = append(facts, fact{what: "key tool", text: tl})
	}
	for group, tools := range f.Tools {
		for _, tl := range tools {
			facts = append(facts, fact{what: "tool of " + group, text: tl})
		}
	}
	for _, id := range lay.Sections {
		s := text.Sections[id]
		if s == nil {
			t.Fatalf("layout %s shows section %q that %s.toml lacks", lay.Name, id, lang)
		}
		add := func(what, s string, fold bool) {
			facts = append(facts, fact{what: id + " " + what, text: s, fold: fold})
		}
		add("heading", s.Heading, false)
		for _, b := range s.Body {
			add("body", b, false)
		}
		for _, it := range s.Items {
			add("item", it, false)
		}
		for _, g := range s.Groups {
			add("group label", g.Label, false)
			for _, it := range g.Items {
				add(g.ID+" item", it, false)
			}
		}
		for _, c := range s.Columns {
			add("column", c, true)
		}
		for _, l := range s.Levels {
			add("level", l, false)
		}
		if s.Note != "" {
			add("note", s.Note, false)
		}
	}
	if s := text.Sections["salary"]; s != nil && slices.Contains(lay.Sections, "salary") {
		lo, hi, open := f.Salary.Levels[0].Min, 0, false
		for _, l := range f.Salary.Levels {
			facts = append(facts,
				fact{what: "salary of " + l.ID, text: loc.MoneyRangeK(l.Min, l.Max, f.Salary.Currency, l.MaxOpen)},
				fact{what: "years of " + l.ID, text: loc.Years(l.YearsMin, l.YearsMax)},
			)
			lo = min(lo, l.Min)
			if l.Max >= hi {
				hi, open = l.Max, l.MaxOpen
			}
		}
		facts = append(facts, fact{what: "glance salary span", text: loc.MoneyRangeK(lo, hi, f.Salary.Currency, open)})
	}
	return facts
}

// joinHyphens joins words broken at a line-end hyphen, keeping the hyphen
// or not, and words broken at a soft hyphen, the hyphen a tagged file's
// line breaker added, without it.
func joinHyphens(s string, keep bool) string {
	lines := strings.Split(s, "\n")
	var b strings.Builder
	for i, l := range lines {
		if w, ok := strings.CutSuffix(l, "\u00ad"); ok && i+1 < len(lines) {
			b.WriteString(w)
			continue
		}
		if strings.HasSuffix(l, "-") && i+1 < len(lines) && lines[i+1] != "" {
			if keep {
				b.WriteString(l)
			} else {
				b.WriteString(strings.TrimSuffix(l, "-"))
			}
			continue
		}
		b.WriteString(l)
		b.WriteString("\n")
	}
	return b.String()
}

func noHyphens(s string) string { return strings.ReplaceAll(s, "-", "") }

// TestPDFText checks that each PDF shows every fact of its source, in
// its language.
func TestPDFText(t *testing.T) {
	needTool(t, "pdftotext")
	_, pdfs := sharedPDFs(t)
	for _, lang := range testLangs {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			// A line may end with a hyphen the typesetter added
			// ("infra-" / "structure") or with one that is part of the
			// word ("post-" / "mortem"): join the lines and compare
			// without hyphens.
			got := noHyphens(normSpace(joinHyphens(pdftotext(t, pdfs[lang], "-raw"), false)))
			folded := strings.ToUpper(got)
			facts := sourceFacts(t, lang)
			if len(facts) < 50 {
				t.Fatalf("only %d facts taken from the source; the test lost its way", len(facts))
			}
			for _, f := range facts {
				want := noHyphens(normSpace(f.text))
				if want == "" {
					t.Errorf("%s: empty in the source", f.what)
					continue
				}
				in := got
				if f.fold {
					in, want = folded, strings.ToUpper(want)
				}
				if !strings.Contains(in, want) {
					t.Errorf("%s %s: the PDF text lacks %q", lang, f.what, want)
				}
			}
			if t.Failed() {
				t.Logf("pdftotext -raw of %s:\n%s", pdfs[lang], pdftotext(t, pdfs[lang], "-raw"))
			}
		})
	}
}

// TestPDFLanguagesDoNotMix checks that a brochure does not show the
// other language's missions, reasons or soft skills.
func TestPDFLanguagesDoNotMix(t *testing.T) {
	needTool(t, "pdftotext")
	_, pdfs := sharedPDFs(t)
	role, _ := source(t)
	for _, lang := range testLangs {
		got := normSpace(pdftotext(t, pdfs[lang]))
		for _, other := range testLangs {
			if other == lang {
				continue
			}
			mine := func(tx *content.Text) []string {
				out := append([]string{tx.Tagline, tx.CTA.Heading}, tx.Sections["missions"].Items...)
				out = append(out, tx.Sections["why"].Items...)
				for _, g := range tx.Sections["skills"].Groups {
					if g.ID == "soft" {
						out = append(out, g.Items...)
					}
				}
				return out
			}
			own, foreign := mine(role.Texts[lang]), mine(role.Texts[other])
			if len(foreign) < 12 {
				t.Fatalf("%s.toml: only %d texts to look for", other, len(foreign))
			}
			for _, s := range foreign {
				if slices.Contains(own, s) {
					continue // the same words in both languages
				}
				if strings.Contains(got, normSpace(s)) {
					t.Errorf("the %s PDF shows %s text %q", lang, other, s)
				}
			}
		}
	}
}

// TestPDFAccents checks that French letters, the typographic apostrophe
// and the euro sign come out of the French PDF as they went in.
func TestPDFAccents(t *testing.T) {
	needTool(t, "pdftotext")
	_, pdfs := sharedPDFs(t)
	got := pdftotext(t, pdfs["fr"])
	all := strings.Join(sourceTexts(t, "fr"), " ")
	for _, r := range []string{"é", "è", "à", "ç", "œ", "’", "€", "É", "À", "ê", "î", "ô", "û", "â", "«", "»"} {
		if !strings.Contains(all, r) {
			if strings.ContainsAny(r, "éèàœ’€") {
				t.Errorf("the French content has no %q: the test lost its way", r)
			} else {
				t.Logf("the French content has no %q; not looked for", r)
			}
			continue
		}
		if !strings.Contains(got, r) {
			t.Errorf("pdftotext of the French PDF has no %q", r)
		}
	}
	for _, word := range []string{"Rémunération", "Perspectives d’évolution", "cœur", "Écrivez-nous", "Compétences recherchées", "Maîtriser"} {
		if !strings.Contains(normSpace(got), word) {
			t.Errorf("pdftotext of the French PDF lacks %q", word)
		}
	}
}

// sourceTexts is every text of the brochure in lang, from the source.
func sourceTexts(t testing.TB, lang string) []string {
	t.Helper()
	var out []string
	for _, f := range sourceFacts(t, lang) {
		out = append(out, f.text)
	}
	return out
}

// pdf2txt returns pdfminer's text of a PDF, which keeps no-break spaces.
func pdf2txt(t testing.TB, path string) string {
	t.Helper()
	bin := needTool(t, "pdf2txt", "pdf2txt.py")
	return tool(t, bin, path)
}

// TestPDFNoBreakSpaces checks with pdfminer that French no-break spaces
// reach the PDF and that no line breaks at one.
func TestPDFNoBreakSpaces(t *testing.T) {
	_, pdfs := sharedPDFs(t)
	role, _ := source(t)
	fr, err := locale.For("fr")
	if err != nil {
		t.Fatal(err)
	}
	got := pdf2txt(t, pdfs["fr"])
	s := role.Facts.Salary
	for _, l := range s.Levels {
		for _, want := range []string{fr.MoneyRangeK(l.Min, l.Max, s.Currency, l.MaxOpen), fr.Years(l.YearsMin, l.YearsMax)} {
			if !strings.Contains(want, locale.NBSP) {
				t.Fatalf("locale fr formats %q without a no-break space", want)
			}
			if !strings.Contains(got, want) {
				t.Errorf("pdf2txt of the French PDF lacks %q (with U+00A0)", want)
			}
		}
	}
	if !strings.Contains(got, "45–55\u00a0k€") {
		t.Errorf("pdf2txt of the French PDF lacks %q", "45–55\u00a0k€")
	}
	if !strings.Contains(got, "\u00a0:") {
		t.Errorf("pdf2txt of the French PDF has no U+00A0 before a colon")
	}
	for i, line := range strings.Split(got, "\n") {
		l := strings.TrimSpace(line)
		for _, bad := range []string{":", ";", "k€", "ans"} {
			if strings.HasPrefix(l, bad) {
				t.Errorf("pdf2txt line %d starts with %q, a break at a no-break space: %q", i+1, bad, line)
			}
		}
	}
}

// TestPDFFonts checks that every font is embedded with a Unicode map.
func TestPDFFonts(t *testing.T) {
	_, pdfs := sharedPDFs(t)
	for _, lang := range testLangs {
		out := tool(t, "pdffonts", pdfs[lang])
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) < 3 {
			t.Fatalf("pdffonts %s: no fonts:\n%s", lang, out)
		}
		head := lines[0]
		emb, sub, uni := strings.Index(head, "emb"), strings.Index(head, "sub"), strings.Index(head, "uni")
		if emb < 0 || sub < 0 || uni < 0 {
			t.Fatalf("pdffonts: unexpected heading %q", head)
		}
		var subs []string
		for _, row := range lines[2:] {
			if len(row) < uni+3 {
				t.Errorf("pdffonts %s: short row %q", lang, row)
				continue
			}
			if got := row[emb : emb+3]; got != "yes" {
				t.Errorf("pdffonts %s: font not embedded (emb=%s): %q", lang, got, row)
			}
			if got := row[uni : uni+3]; got != "yes" {
				t.Errorf("pdffonts %s: font without ToUnicode (uni=%s): %q", lang, got, row)
			}
			subs = append(subs, strings.Fields(row)[0]+" sub="+strings.TrimSpace(row[sub:sub+3]))
		}
		// Faces used: regular, italic, semibold and bold.
		if n := len(lines) - 2; n != 4 {
			t.Errorf("pdffonts %s: %d fonts, want the layout's 4 faces:\n%s", lang, n, out)
		}
		t.Logf("pdffonts %s: %s", lang, strings.Join(subs, ", "))
	}
}

// TestPDFQpdfCheck checks the files' syntax and streams with qpdf.
func TestPDFQpdfCheck(t *testing.T) {
	_, pdfs := sharedPDFs(t)
	for _, lang := range testLangs {
		out, errOut, err := toolResult(t, "qpdf", "--check", pdfs[lang])
		if err != nil {
			t.Errorf("qpdf --check %s: %v\n%s%s", lang, err, out, errOut)
			continue
		}
		if !strings.Contains(out, "No syntax or stream encoding errors found") {
			t.Errorf("qpdf --check %s:\n%s%s", lang, out, errOut)
		}
		if strings.Contains(strings.ToLower(out+errOut), "warning") {
			t.Errorf("qpdf --check %s warns:\n%s%s", lang, out, errOut)
		}
	}
}

// pdfinfo returns pdfinfo's fields by name.
func pdfinfo(t testing.TB, path string, args ...string) map[string]string {
	t.Helper()
	out := tool(t, "pdfinfo", append(append([]string{"-enc", "UTF-8"}, args...), path)...)
	info := map[string]string{}
	for _, line := range strings.Split(out, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if ok {
			info[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return info
}

// TestPDFInfo checks page count, page size and the document information.
func TestPDFInfo(t *testing.T) {
	_, pdfs := sharedPDFs(t)
	role, lay := source(t)
	wantSize := fmt.Sprintf("%.2f x %.2f pts (A4)", lay.Width, lay.Height)
	if wantSize != "595.28 x 841.89 pts (A4)" {
		t.Errorf("layout a4 is %s, not A4", wantSize)
	}
	for _, lang := range testLangs {
		text := role.Texts[lang]
		info := pdfinfo(t, pdfs[lang], "-isodates")
		want := map[string]string{
			"Pages":        fmt.Sprint(lay.Pages),
			"Page size":    wantSize,
			"Author":       lay.Brand.Name,
			"Creator":      "brochure " + version.String(),
			"Subject":      normSpace(text.Tagline),
			"Encrypted":    "no",
			"CreationDate": role.Facts.Updated.UTC().Format(time.RFC3339),
			"ModDate":      role.Facts.Updated.UTC().Format(time.RFC3339),
		}
		for k, v := range want {
			if got := normSpace(info[k]); got != v {
				t.Errorf("pdfinfo %s: %s: %q, want %q", lang, k, got, v)
			}
		}
		if lay.Pages != 2 {
			t.Errorf("layout a4 has %d pages, want 2", lay.Pages)
		}
		if !strings.Contains(info["Title"], "Site Reliability Engineer") || !strings.Contains(info["Title"], text.Title) {
			t.Errorf("pdfinfo %s: Title %q", lang, info["Title"])
		}
		for _, kw := range append([]string{text.Title}, role.Facts.KeyTools...) {
			if !strings.Contains(info["Keywords"], kw) {
				t.Errorf("pdfinfo %s: Keywords %q lack %q", lang, info["Keywords"], kw)
			}
		}
		// Every page, not only the first, is A4.
		pages := pdfinfo(t, pdfs[lang], "-f", "1", "-l", "99")
		for i := 1; i <= lay.Pages; i++ {
			k := fmt.Sprintf("Page %4d size", i)
			if got := pages[k]; got != wantSize {
				t.Errorf("pdfinfo %s: %s: %q, want %q", lang, k, got, wantSize)
			}
		}
	}
}

// qdf returns the PDF rewritten by qpdf in its readable form.
func qdf(t testing.TB, path string) string {
	t.Helper()
	return tool(t, "qpdf", "--qdf", "--object-streams=disable", path, "-")
}

// TestPDFLang checks the catalog's document language.
func TestPDFLang(t *testing.T) {
	_, pdfs := sharedPDFs(t)
	for _, lang := range testLangs {
		q := qdf(t, pdfs[lang])
		langs := regexp.MustCompile(`/Lang \(([^)]*)\)`).FindAllStringSubmatch(q, -1)
		if len(langs) != 1 || langs[0][1] != lang {
			t.Errorf("%s PDF: /Lang entries %q, want one (%s)", lang, langs, lang)
		}
	}
}

// TestPDFOutlines checks the bookmarks: the title, then each section of
// the layout under its heading in the file's language, in order.
func TestPDFOutlines(t *testing.T) {
	_, pdfs := sharedPDFs(t)
	role, lay := source(t)
	for _, lang := range testLangs {
		text := role.Texts[lang]
		want := []string{text.Title}
		for _, id := range lay.Sections {
			want = append(want, text.Sections[id].Heading)
		}
		var doc struct {
			Outlines []struct {
				Title string          `json:"title"`
				Page  int             `json:"destpageposfrom1"`
				Kids  json.RawMessage `json:"kids"`
			} `json:"outlines"`
		}
		out := tool(t, "qpdf", "--json", "--json-key=outlines", pdfs[lang])
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("qpdf --json: %v", err)
		}
		var got []string
		for _, o := range doc.Outlines {
			got = append(got, o.Title)
			if o.Page < 1 || o.Page > lay.Pages {
				t.Errorf("%s bookmark %q points to page %d", lang, o.Title, o.Page)
			}
			if k := strings.TrimSpace(string(o.Kids)); k != "[]" && k != "" && k != "null" {
				t.Errorf("%s bookmark %q has children %s", lang, o.Title, k)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s bookmarks:\n got %q\nwant %q", lang, got, want)
		}
		if len(doc.Outlines) > 0 && doc.Outlines[0].Page != 1 {
			t.Errorf("%s: the title bookmark is on page %d", lang, doc.Outlines[0].Page)
		}
	}
}

// TestPDFLinks checks the link annotations of the call to action.
func TestPDFLinks(t *testing.T) {
	_, pdfs := sharedPDFs(t)
	role, _ := source(t)
	c := role.Facts.Contact
	for _, lang := range testLangs {
		q := qdf(t, pdfs[lang])
		var uris []string
		for _, m := range regexp.MustCompile(`/URI \(([^)]*)\)`).FindAllStringSubmatch(q, -1) {
			uris = append(uris, m[1])
		}
		for _, want := range []string{"mailto:" + c.Email, c.Web} {
			if !slices.Contains(uris, want) {
				t.Errorf("%s PDF: no link to %q; links: %q", lang, want, uris)
			}
		}
		if n, links := len(uris), strings.Count(q, "/Subtype /Link"); n != links {
			t.Errorf("%s PDF: %d link annotations but %d /URI actions", lang, links, n)
		}
		t.Logf("%s links: %q", lang, uris)
	}
}

// readPDF reads a file.
func readPDF(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// firstDiff describes where two files first differ, or returns "".
func firstDiff(a, b []byte) string {
	if bytes.Equal(a, b) {
		return ""
	}
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	snip := func(x []byte) []byte { return x[max(0, i-40):min(len(x), i+40)] }
	return fmt.Sprintf("sizes %d and %d, first difference at byte %d: %q vs %q", len(a), len(b), i, snip(a), snip(b))
}

// TestBuildDeterministic checks that the same content gives the same
// bytes: from two projects, and twice from one.
func TestBuildDeterministic(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	_, pdfs := sharedPDFs(t)
	p2, err := Open(contentDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range testLangs {
		j := Job{Role: testRole, Lang: lang, Layout: testLayout}
		first := readPDF(t, pdfs[lang])
		a, err := p2.Build(j, t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		b, err := p2.Build(j, t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		if d := firstDiff(first, readPDF(t, a.Path)); d != "" {
			t.Errorf("%s: two projects built different bytes: %s", lang, d)
		}
		if d := firstDiff(readPDF(t, a.Path), readPDF(t, b.Path)); d != "" {
			t.Errorf("%s: one project built different bytes twice: %s", lang, d)
		}
		data, _, err := p2.Render(j)
		if err != nil {
			t.Fatal(err)
		}
		if d := firstDiff(first, data); d != "" {
			t.Errorf("%s: Render and Build differ: %s", lang, d)
		}
	}
}

// TestConcurrentRender checks that a Project renders jobs at the same
// time (it says it is safe for concurrent use) with the same result.
func TestConcurrentRender(t *testing.T) {
	_, pdfs := sharedPDFs(t)
	p, err := Open(contentDir)
	if err != nil {
		t.Fatal(err)
	}
	const n = 2
	var wg sync.WaitGroup
	got := make([][]byte, n*len(testLangs))
	errs := make([]error, len(got))
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], _, errs[i] = p.Render(Job{Role: testRole, Lang: testLangs[i%len(testLangs)], Layout: testLayout})
		}()
	}
	wg.Wait()
	for i := range got {
		lang := testLangs[i%len(testLangs)]
		if errs[i] != nil {
			t.Errorf("render %s: %v", lang, errs[i])
		} else if d := firstDiff(readPDF(t, pdfs[lang]), got[i]); d != "" {
			t.Errorf("render %s at the same time as others gave different bytes: %s", lang, d)
		}
	}
}

// TestSourceDateEpoch checks that SOURCE_DATE_EPOCH dates the PDF, and
// still gives the same bytes each time.
func TestSourceDateEpoch(t *testing.T) {
	_, pdfs := sharedPDFs(t)
	const epoch = 1700000000
	t.Setenv("SOURCE_DATE_EPOCH", fmt.Sprint(epoch))
	j := Job{Role: testRole, Lang: "fr", Layout: testLayout}
	var built [][]byte
	var last string
	for range 2 {
		last = buildJob(t, j) // a new project each time
		built = append(built, readPDF(t, last))
	}
	if !bytes.Equal(built[0], built[1]) {
		t.Error("two builds with the same SOURCE_DATE_EPOCH differ")
	}
	if bytes.Equal(built[0], readPDF(t, pdfs["fr"])) {
		t.Error("SOURCE_DATE_EPOCH changed nothing in the PDF")
	}
	info := pdfinfo(t, last, "-isodates")
	want := time.Unix(epoch, 0).UTC().Format(time.RFC3339) // 2023-11-14T22:13:20Z
	for _, k := range []string{"CreationDate", "ModDate"} {
		if info[k] != want {
			t.Errorf("pdfinfo %s: %q, want %q", k, info[k], want)
		}
	}
	plain := pdfinfo(t, last)
	if !strings.Contains(plain["CreationDate"], "2023") {
		t.Errorf("pdfinfo CreationDate %q is not in 2023", plain["CreationDate"])
	}

	for _, bad := range []string{"yesterday", "-5", "1.5"} {
		t.Setenv("SOURCE_DATE_EPOCH", bad)
		if _, err := Open(contentDir); err == nil || !strings.Contains(err.Error(), "SOURCE_DATE_EPOCH") {
			t.Errorf("SOURCE_DATE_EPOCH=%s: Open error %v, want one naming the variable", bad, err)
		}
	}
}

// noTempFiles fails if a build left a temporary file in dir.
func noTempFiles(t testing.TB, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") || strings.HasPrefix(e.Name(), ".brochure-") {
			t.Errorf("%s: temporary file %s left behind", dir, e.Name())
		}
	}
}

// TestBuildUnwritableOutput checks that an output folder that cannot be
// written gives one clear line, and no panic.
func TestBuildUnwritableOutput(t *testing.T) {
	p, err := Open(contentDir)
	if err != nil {
		t.Fatal(err)
	}
	j := Job{Role: testRole, Lang: "en", Layout: testLayout}

	t.Run("parent is a file", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "file")
		if err := os.WriteFile(file, []byte("not a folder"), 0o644); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(file, "sub")
		_, err := p.Build(j, out)
		if err == nil {
			t.Fatalf("build into %s: no error", out)
		}
		msg := err.Error()
		if strings.Contains(msg, "\n") || !strings.Contains(msg, out) || !strings.Contains(msg, "not a directory") {
			t.Errorf("error %q: want one line naming %s and saying why", msg, out)
		}
		if b, _ := os.ReadFile(file); string(b) != "not a folder" {
			t.Errorf("the file in the way was changed")
		}
	})

	t.Run("read-only folder", func(t *testing.T) {
		out := t.TempDir()
		if err := os.Chmod(out, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(out, 0o755) })
		if f, err := os.CreateTemp(out, "probe"); err == nil {
			f.Close()
			os.Remove(f.Name())
			t.Skip("the folder is writable despite chmod 0555 (running as root); see the subtest \"parent is a file\"")
		}
		_, err := p.Build(j, out)
		if err == nil {
			t.Fatalf("build into read-only %s: no error", out)
		}
		if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, out) || !strings.Contains(msg, "permission denied") {
			t.Errorf("error %q: want one line naming %s and saying why", msg, out)
		}
		noTempFiles(t, out)
	})
}

// copyContent copies the real content folder into a new temporary
// folder and returns the copy's path.
func copyContent(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "brochures")
	if err := os.CopyFS(dir, os.DirFS(contentDir)); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestFailedBuildKeepsOldPDF checks that a failed build neither replaces
// nor damages the good PDF already there, nor leaves temporary files.
func TestFailedBuildKeepsOldPDF(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	dir := copyContent(t)
	out := t.TempDir()
	j := Job{Role: testRole, Lang: "fr", Layout: testLayout}
	p, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	good, err := p.Build(j, out)
	if err != nil {
		t.Fatal(err)
	}
	before := readPDF(t, good.Path)
	st, err := os.Stat(good.Path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o644 {
		t.Errorf("%s: mode %v, want 0644", good.Path, st.Mode().Perm())
	}
	if good.Bytes != len(before) || good.Pages != 2 {
		t.Errorf("result says %d bytes, %d pages; the file has %d bytes", good.Bytes, good.Pages, len(before))
	}

	// Break fr.toml: an unterminated string.
	fr := filepath.Join(dir, testRole, "fr.toml")
	src, err := os.ReadFile(fr)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(src), `title = "Site Reliability Engineer"`, `title = "Site Reliability Engineer`, 1)
	if broken == string(src) {
		t.Fatal("fr.toml: no title line to break")
	}
	if err := os.WriteFile(fr, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	p2, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	r, err := p2.Build(j, out)
	if err == nil {
		t.Fatalf("build of a broken fr.toml succeeded: %+v", r)
	}
	if !strings.Contains(err.Error(), "fr.toml") {
		t.Errorf("error %q does not name fr.toml", err)
	}
	if r.Path != "" {
		t.Errorf("failed build reports a path %q", r.Path)
	}
	if !bytes.Equal(before, readPDF(t, good.Path)) {
		t.Error("the failed build changed the good PDF")
	}
	noTempFiles(t, out)

	// A good build again replaces the file in place, leaving no temporary.
	if err := os.WriteFile(fr, src, 0o644); err != nil {
		t.Fatal(err)
	}
	p3, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p3.Build(j, out); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, readPDF(t, good.Path)) {
		t.Error("rebuilding the same content changed the PDF")
	}
	noTempFiles(t, out)
	entries, _ := os.ReadDir(out)
	if len(entries) != 1 {
		t.Errorf("output folder holds %d entries, want 1", len(entries))
	}
}

// TestCheckWritesNothing checks that Check runs the job to pages without
// a file.
func TestCheckWritesNothing(t *testing.T) {
	p, err := Open(contentDir)
	if err != nil {
		t.Fatal(err)
	}
	jobs, err := p.Jobs(Selection{Layouts: []string{"a4"}, Langs: enFR})
	if err != nil {
		t.Fatal(err)
	}
	want := []Job{{Role: "sre", Lang: "en", Layout: "a4", Variant: "screen"}, {Role: "sre", Lang: "fr", Layout: "a4", Variant: "screen"}}
	if !slices.Equal(jobs, want) {
		t.Errorf("Jobs: %v, want %v", jobs, want)
	}
	for _, j := range jobs {
		r, err := p.Check(j)
		if err != nil {
			t.Fatal(err)
		}
		if r.Path != "" || r.Bytes != 0 || r.Pages != 2 {
			t.Errorf("Check(%v) = %+v, want 2 pages and no file", j, r)
		}
		fr, _, err := p.Frames(j)
		if err != nil {
			t.Fatal(err)
		}
		if len(fr.Pages) != r.Pages {
			t.Errorf("Frames has %d pages, Check says %d", len(fr.Pages), r.Pages)
		}
	}
}

// TestPDFRasterise renders each page to PNG: poppler can draw the files
// and the pages are not blank.
func TestPDFRasterise(t *testing.T) {
	_, pdfs := sharedPDFs(t)
	_, lay := source(t)
	for _, lang := range testLangs {
		dir := t.TempDir()
		tool(t, "pdftoppm", "-r", "40", "-png", pdfs[lang], filepath.Join(dir, "page"))
		pngs, err := filepath.Glob(filepath.Join(dir, "page*.png"))
		if err != nil {
			t.Fatal(err)
		}
		if len(pngs) != lay.Pages {
			t.Fatalf("%s: pdftoppm made %d PNG files, want %d", lang, len(pngs), lay.Pages)
		}
		for _, name := range pngs {
			st, err := os.Stat(name)
			if err != nil {
				t.Fatal(err)
			}
			if st.Size() < 10_000 {
				t.Errorf("%s: %s is only %d bytes", lang, filepath.Base(name), st.Size())
			}
			f, err := os.Open(name)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(f)
			f.Close()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			// A4 at 40 dpi is 331 × 468 pixels.
			if b := img.Bounds(); b.Dx() < 300 || b.Dy() < 450 {
				t.Errorf("%s: %s is %v", lang, filepath.Base(name), b)
			}
			if frac := inked(img); frac < 0.05 {
				t.Errorf("%s: %s is %.1f%% inked, nearly blank", lang, filepath.Base(name), 100*frac)
			}
		}
	}
}

// inked is the fraction of pixels that are not white.
func inked(img image.Image) float64 {
	b := img.Bounds()
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r < 0xf000 || g < 0xf000 || bl < 0xf000 {
				n++
			}
		}
	}
	return float64(n) / float64(b.Dx()*b.Dy())
}

// word is a word pdftotext places on a page, in points from the top left.
type word struct {
	text                   string
	xMin, yMin, xMax, yMax float64
}

// bboxPage is a page of pdftotext -bbox.
type bboxPage struct {
	width, height float64
	words         []word
}

var bboxRE = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// pdfWords returns the words of each page with their boxes.
func pdfWords(t testing.TB, path string) []bboxPage {
	t.Helper()
	out := tool(t, "pdftotext", "-bbox", "-enc", "UTF-8", path, "-")
	num := func(s string) float64 {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("pdftotext -bbox: %v", err)
		}
		return f
	}
	var pages []bboxPage
	for _, m := range bboxRE.FindAllStringSubmatch(out, -1) {
		if m[1] != "" {
			pages = append(pages, bboxPage{width: num(m[1]), height: num(m[2])})
			continue
		}
		if len(pages) == 0 {
			t.Fatal("pdftotext -bbox: a word before the first page")
		}
		p := &pages[len(pages)-1]
		p.words = append(p.words, word{html.UnescapeString(m[7]), num(m[3]), num(m[4]), num(m[5]), num(m[6])})
	}
	return pages
}

// TestPDFBookmarkTargets checks that each bookmark leads to its heading:
// the destination is on the heading's page, at most a line above it.
func TestPDFBookmarkTargets(t *testing.T) {
	_, pdfs := sharedPDFs(t)
	for _, lang := range testLangs {
		pages := pdfWords(t, pdfs[lang])
		var doc struct {
			Outlines []struct {
				Title string `json:"title"`
				Page  int    `json:"destpageposfrom1"`
				Dest  []any  `json:"dest"`
			} `json:"outlines"`
		}
		if err := json.Unmarshal([]byte(tool(t, "qpdf", "--json", "--json-key=outlines", pdfs[lang])), &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Outlines) == 0 {
			t.Fatalf("%s: no bookmarks", lang)
		}
		for _, o := range doc.Outlines {
			if o.Page < 1 || o.Page > len(pages) || len(o.Dest) != 5 || o.Dest[1] != "/XYZ" {
				t.Errorf("%s bookmark %q: page %d, destination %v", lang, o.Title, o.Page, o.Dest)
				continue
			}
			y, ok := o.Dest[3].(float64)
			if !ok {
				t.Errorf("%s bookmark %q: destination %v has no top", lang, o.Title, o.Dest)
				continue
			}
			pg := pages[o.Page-1]
			top := pg.height - y // from the top of the page
			want := strings.Fields(o.Title)
			want = want[:min(2, len(want))]
			found := false
			for i := 0; i+len(want) <= len(pg.words) && !found; i++ {
				w := pg.words[i : i+len(want)]
				if d := w[0].yMin - top; d < -1 || d > 20 {
					continue
				}
				found = true
				for k := range want {
					if w[k].text != want[k] || w[k].yMin != w[0].yMin {
						found = false
					}
				}
			}
			if !found {
				t.Errorf("%s bookmark %q: no %q on page %d within a line below its destination (%.1f pt from the top)", lang, o.Title, strings.Join(want, " "), o.Page, top)
			}
		}
	}
}

// TestPDFLinkAreas checks that each link's clickable area covers the
// address it shows, on the same page.
func TestPDFLinkAreas(t *testing.T) {
	_, pdfs := sharedPDFs(t)
	role, _ := source(t)
	for _, lang := range testLangs {
		pages := pdfWords(t, pdfs[lang])
		var doc struct {
			Pages []struct {
				Object string `json:"object"`
			} `json:"pages"`
			QPDF []json.RawMessage `json:"qpdf"`
		}
		if err := json.Unmarshal([]byte(tool(t, "qpdf", "--json", "--json-key=pages", "--json-key=qpdf", pdfs[lang])), &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.QPDF) != 2 || len(doc.Pages) != len(pages) {
			t.Fatalf("qpdf --json: %d pages, %d qpdf entries", len(doc.Pages), len(doc.QPDF))
		}
		var objects map[string]struct {
			Value any `json:"value"`
		}
		if err := json.Unmarshal(doc.QPDF[1], &objects); err != nil {
			t.Fatal(err)
		}
		// resolve follows an indirect reference like "12 0 R".
		resolve := func(v any) any {
			if ref, ok := v.(string); ok && strings.HasSuffix(ref, " R") {
				return objects["obj:"+ref].Value
			}
			return v
		}
		deref := func(v any) map[string]any {
			m, _ := resolve(v).(map[string]any)
			return m
		}
		var uris []string
		links := 0
		for i, pgRef := range doc.Pages {
			page := deref(pgRef.Object)
			annots, _ := resolve(page["/Annots"]).([]any)
			for _, a := range annots {
				an := deref(a)
				if an["/Subtype"] != "/Link" {
					continue
				}
				action := deref(an["/A"])
				links++
				uri := strings.TrimPrefix(fmt.Sprint(action["/URI"]), "u:")
				uris = append(uris, uri)
				shown := strings.TrimPrefix(strings.TrimPrefix(uri, "mailto:"), "https://")
				r, _ := an["/Rect"].([]any)
				if len(r) != 4 {
					t.Errorf("%s page %d link %s: /Rect %v", lang, i+1, uri, an["/Rect"])
					continue
				}
				var v [4]float64
				for k := range r {
					v[k], _ = r[k].(float64)
				}
				h := pages[i].height
				x0, x1 := min(v[0], v[2]), max(v[0], v[2])
				top, bottom := h-max(v[1], v[3]), h-min(v[1], v[3])
				ok := false
				for _, w := range pages[i].words {
					if w.text == shown && w.xMin >= x0-1.5 && w.xMax <= x1+1.5 && w.yMin >= top-1.5 && w.yMax <= bottom+1.5 {
						ok = true
					}
				}
				if !ok {
					t.Errorf("%s page %d: the link to %s (x %.1f–%.1f, y %.1f–%.1f from the top) does not cover the words %q", lang, i+1, uri, x0, x1, top, bottom, shown)
				}
			}
		}
		c := role.Facts.Contact
		for _, want := range []string{"mailto:" + c.Email, c.Web} {
			if !slices.Contains(uris, want) {
				t.Errorf("%s: no link annotation to %s; %d links: %q", lang, want, links, uris)
			}
		}
	}
}

// TestPDFTextPlacement checks that no two words overlap (text set on
// text) and that every word lies on its page.
func TestPDFTextPlacement(t *testing.T) {
	_, pdfs := sharedPDFs(t)
	for _, lang := range testLangs {
		for i, pg := range pdfWords(t, pdfs[lang]) {
			if len(pg.words) < 100 {
				t.Errorf("%s page %d: only %d words", lang, i+1, len(pg.words))
			}
			for a, w := range pg.words {
				if w.xMin < 0 || w.yMin < 0 || w.xMax > pg.width || w.yMax > pg.height {
					t.Errorf("%s page %d: %q lies off the page (%.1f,%.1f–%.1f,%.1f)", lang, i+1, w.text, w.xMin, w.yMin, w.xMax, w.yMax)
				}
				for _, v := range pg.words[a+1:] {
					ox := min(w.xMax, v.xMax) - max(w.xMin, v.xMin)
					oy := min(w.yMax, v.yMax) - max(w.yMin, v.yMin)
					if ox > 0.5 && oy > 0.5 {
						t.Errorf("%s page %d: %q and %q overlap", lang, i+1, w.text, v.text)
					}
				}
			}
		}
	}
}

// TestBuildTargetIsFolder checks that a folder where the PDF should go
// gives an error naming the file, keeps the folder and leaves no
// temporary file.
func TestBuildTargetIsFolder(t *testing.T) {
	p, err := Open(contentDir)
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	j := Job{Role: testRole, Lang: "en", Layout: testLayout}
	inside := filepath.Join(out, j.File(), "keep")
	if err := os.MkdirAll(inside, 0o755); err != nil {
		t.Fatal(err)
	}
	_, err = p.Build(j, out)
	if err == nil {
		t.Fatal("build over a folder: no error")
	}
	if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, filepath.Join(out, j.File())) {
		t.Errorf("error %q: want one line naming %s", msg, filepath.Join(out, j.File()))
	}
	if _, err := os.Stat(inside); err != nil {
		t.Errorf("the folder in the way was damaged: %v", err)
	}
	noTempFiles(t, out)
}

// TestPDFReadingOrder checks that the PDF draws its text in reading
// order: title, tagline, then the sections in the layout's order, then
// the call to action.
func TestPDFReadingOrder(t *testing.T) {
	_, pdfs := sharedPDFs(t)
	role, lay := source(t)
	for _, lang := range testLangs {
		text := normSpace(pdftotext(t, pdfs[lang], "-raw"))
		tx := role.Texts[lang]
		want := []string{tx.Title, tx.Tagline}
		for _, id := range lay.Sections {
			want = append(want, tx.Sections[id].Heading)
		}
		want = append(want, tx.CTA.Heading)
		at := -1
		for _, w := range want {
			i := strings.Index(text[at+1:], normSpace(w))
			if i < 0 {
				t.Errorf("%s: %q is missing or out of order", lang, w)
				continue
			}
			at += 1 + i
		}
	}
}

// TestPrintVariant checks a print file: page boxes nested as printers
// expect (TrimBox ⊂ BleedBox ⊂ MediaBox, 3 mm bleed), CMYK colours only,
// crop marks in the registration colour, and the same words as the
// screen file.
func TestPrintVariant(t *testing.T) {
	p, err := Open(contentDir)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	r, err := p.Build(Job{Role: testRole, Lang: "fr", Layout: testLayout, Variant: "print"}, dir)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(r.Path) != "sre-fr-a4-print.pdf" {
		t.Errorf("file %s, want sre-fr-a4-print.pdf", r.Path)
	}
	box := func(name string) [4]float64 {
		for _, line := range strings.Split(tool(t, "pdfinfo", "-box", r.Path), "\n") {
			if strings.HasPrefix(line, name+":") {
				var b [4]float64
				fmt.Sscan(strings.TrimPrefix(line, name+":"), &b[0], &b[1], &b[2], &b[3])
				return b
			}
		}
		t.Fatalf("pdfinfo shows no %s", name)
		return [4]float64{}
	}
	media, bleed, trim := box("MediaBox"), box("BleedBox"), box("TrimBox")
	mm := 72 / 25.4
	if w, h := trim[2]-trim[0], trim[3]-trim[1]; math.Abs(w-595.28) > 0.02 || math.Abs(h-841.89) > 0.02 {
		t.Errorf("TrimBox %.2f × %.2f, want A4", w, h)
	}
	for i, sign := range []float64{-1, -1, 1, 1} {
		if d := (bleed[i] - trim[i]) * sign; math.Abs(d-3*mm) > 0.02 {
			t.Errorf("bleed on side %d is %.2f pt, want 3 mm", i, d)
		}
		if (media[i]-bleed[i])*sign < 6*mm {
			t.Errorf("side %d: no room for crop marks between BleedBox and MediaBox", i)
		}
	}
	q := qdf(t, r.Path)
	for _, op := range []string{" rg\n", " RG\n"} {
		if strings.Contains(q, op) {
			t.Errorf("the print file uses RGB (%q)", strings.TrimSpace(op))
		}
	}
	if !strings.Contains(q, " k\n") || !strings.Contains(q, "0 0 0 1 k\n") {
		t.Error("the print file has no CMYK fills or no 100 % K text")
	}
	if !regexp.MustCompile(`/Separation\s+/All\s`).MatchString(q) {
		t.Error("no registration colour for the crop marks")
	}
	screen := normSpace(pdftotext(t, sharedPDF(t, "fr"), "-raw"))
	print := normSpace(pdftotext(t, r.Path, "-raw"))
	if screen != print {
		t.Error("the print file's text differs from the screen file's")
	}
}

func sharedPDF(t *testing.T, lang string) string {
	_, pdfs := sharedPDFs(t)
	return pdfs[lang]
}

// TestQRCodes renders the print pages that carry a QR code (the poster,
// the booklet's back cover, the tri-fold's back) to PNG and reads each
// code back: it must give the role's web address, and be large enough to
// scan (a poster's from a distance).
func TestQRCodes(t *testing.T) {
	needTool(t, "pdftoppm")
	role, _ := source(t)
	for _, tc := range qrPages {
		t.Run(tc.layout, func(t *testing.T) {
			path := buildJob(t, Job{Role: testRole, Lang: "en", Layout: tc.layout, Variant: "print"})
			checkQR(t, path, tc.page, tc.minMM, role.Facts.Contact.Web)
		})
	}
}

// qrPages are the pages that carry a QR code, and how far apart their
// finder patterns must be at least.
var qrPages = []struct {
	layout string
	page   int
	minMM  float64 // between the centres of two finder patterns
}{
	{"poster", 1, 15},
	{"a5-booklet", 8, 10},
	{"trifold", 1, 10},
}

// checkQR reads the QR code of page n of a PDF: it must give want, and
// its finder patterns must be at least minMM apart.
func checkQR(t *testing.T, path string, n int, minMM float64, want string) {
	t.Helper()
	img := rasterPage(t, path, 100, n)
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Fatalf("no QR code read from page %d: %v", n, err)
	}
	if res.GetText() != want {
		t.Errorf("QR code gives %q, want %q", res.GetText(), want)
	}
	// Points: bottom-left, top-left, top-right finder centres, 3.5
	// modules in from the code's edges; the code with its quiet zone is
	// wider still.
	if pts := res.GetResultPoints(); len(pts) >= 3 {
		px := math.Hypot(pts[2].GetX()-pts[1].GetX(), pts[2].GetY()-pts[1].GetY())
		if mm := px / 100 * 25.4; mm < minMM {
			t.Errorf("QR finder patterns %.1f mm apart, want at least %.0f mm", mm, minMM)
		}
	}
}

// TestBilingualEdition checks the bilingual A4: one PDF, the English
// pages then the French ones, each numbered on its own, with one bookmark
// per language above its sections.
func TestBilingualEdition(t *testing.T) {
	p, err := Open(contentDir)
	if err != nil {
		t.Fatal(err)
	}
	jobs, err := p.Jobs(Selection{Layouts: []string{"bilingual"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(jobs) != 1 || jobs[0].File() != "sre-en-fr-bilingual.pdf" {
		t.Fatalf("jobs %v, want one sre-en-fr-bilingual.pdf", jobs)
	}
	r, err := p.Build(jobs[0], t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if r.Pages != 4 {
		t.Errorf("%d pages, want 4", r.Pages)
	}
	role, _ := source(t)
	for page, lang := range map[string]string{"1": "en", "3": "fr"} {
		text := normSpace(tool(t, "pdftotext", "-raw", "-f", page, "-l", page, r.Path, "-"))
		if !strings.Contains(text, normSpace(role.Texts[lang].Tagline)) {
			t.Errorf("page %s lacks the %s tagline", page, lang)
		}
		if !strings.Contains(text, "1 / 2") && !strings.Contains(text, "1/2") {
			t.Errorf("page %s is not numbered 1 / 2 in its language", page)
		}
	}
	var doc struct {
		Outlines []struct {
			Title string
			Kids  []struct{ Title string }
		}
	}
	if err := json.Unmarshal([]byte(tool(t, "qpdf", "--json", r.Path)), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Outlines) != 2 || doc.Outlines[0].Title != "English" || doc.Outlines[1].Title != "Français" ||
		len(doc.Outlines[1].Kids) == 0 || doc.Outlines[1].Kids[1].Title != role.Texts["fr"].Sections["role"].Heading {
		t.Errorf("outlines: %+v", doc.Outlines)
	}
}
