package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/brochure-dev/brochure/internal/font"
	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/preflight"
)

// taggedDoc is a three-page tagged document: a cover with a heading
// and a paragraph whose link wraps over two lines; two columns drawn
// right one first; a paragraph going on to the next page; a list; a
// table with header cells; a figure; a part in English; a note; running
// footers and a band, which are artifacts; and an element with no
// content, which the file leaves out.
func taggedDoc(t testing.TB) *frame.Document {
	t.Helper()
	regular, bold := face(t, "Inter-Regular"), face(t, "Inter-Bold")
	d := &frame.Document{
		Width: 595.28, Height: 841.89,
		Meta: frame.Meta{Title: "Ingénieur fiabilité", Author: "Northlight", Creator: "brochure", Lang: "fr",
			Date: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)},
		Structure: frame.NewTree(),
	}
	run := func(x, y float64, s string, f *font.Face, size float64, n *frame.Node) *frame.Text {
		return &frame.Text{X: x, Y: y, Text: s, Face: f, Size: size, Color: ink, Width: f.KernedWidth(s, size), Struct: n}
	}
	root := d.Structure
	cover := root.Add(frame.RoleSect)
	h1 := cover.AddHeading(1)
	intro := cover.Add(frame.RoleP)
	link := intro.Add(frame.RoleLink)
	cols := root.Add(frame.RoleSect)
	left, right := cols.Add(frame.RoleSect), cols.Add(frame.RoleSect)
	lh, lp := left.AddHeading(2), left.Add(frame.RoleP)
	rh := right.AddHeading(2)
	list := right.Add(frame.RoleL)
	item := list.Add(frame.RoleLI)
	lbl, body := item.Add(frame.RoleLbl), item.Add(frame.RoleLBody)
	pay := root.Add(frame.RoleSect)
	ph := pay.AddHeading(2)
	table := pay.Add(frame.RoleTable)
	head, row := table.Add(frame.RoleTR), table.Add(frame.RoleTR)
	th1, th2 := head.AddHeader(frame.ScopeColumn), head.AddHeader(frame.ScopeColumn)
	td1, td2 := row.Add(frame.RoleTD), row.Add(frame.RoleTD)
	fig := pay.AddFigure("Salaires de 45 à 55 k€ selon l’expérience")
	note := pay.Add(frame.RoleNote)
	en := root.Add(frame.RolePart)
	en.Lang = "en"
	eh, ep := en.AddHeading(2), en.Add(frame.RoleP)

	p1 := &frame.Page{}
	line1 := []*frame.Text{run(45, 160, "Postulez sur ", regular, 10, intro)}
	line1 = append(line1, run(45+line1[0].Width+2.5, 160, "notre", regular, 10, link))
	line2 := []*frame.Text{run(45, 173, "page carrières", regular, 10, link)}
	line2 = append(line2, run(45+line2[0].Width, 173, " dès aujourd’hui.", regular, 10, intro))
	p1.Add(
		&frame.Box{Rect: frame.Rect{W: 595.28, H: 60}, Fill: &grey, Struct: frame.Artifact},
		run(45, 120, "Ingénieur fiabilité", bold, 24, h1),
		line1[0], line1[1],
		&frame.Link{Rect: frame.Rect{X: line1[1].X, Y: 150, W: line1[1].Width, H: 13}, URI: "https://example.com/carrieres", Struct: link},
		line2[0], line2[1],
		&frame.Link{Rect: frame.Rect{X: 45, Y: 163, W: line2[0].Width, H: 13}, URI: "https://example.com/carrieres", Struct: link},
		// The right column is drawn first.
		run(320, 220, "Profil", bold, 14, rh),
		run(320, 240, "•", regular, 10, lbl),
		run(332, 240, "Curiosité", regular, 10, body),
		&frame.Rule{X1: 45, Y1: 205, X2: 280, Y2: 205, Color: grey, Width: 0.5},
		run(45, 220, "Missions", bold, 14, lh),
		run(45, 240, "Automatiser l’exploitation", regular, 10, lp),
		&frame.Text{X: 45, Y: 253, Text: "DevOps", Face: regular, Size: 10, Color: ink, Width: regular.KernedWidth("DevOps", 10), Lang: "en", Struct: lp},
		&frame.Text{X: 45, Y: 820, Text: "1", Face: regular, Size: 8, Color: grey, Width: regular.KernedWidth("1", 8), Tag: "folio", Struct: frame.Pagination},
	)
	p2 := &frame.Page{}
	p2.Add(
		run(45, 60, "et garder un œil sur les systèmes.", regular, 10, lp),
		run(45, 100, "Rémunération", bold, 14, ph),
		run(45, 120, "Niveau", bold, 10, th1),
		run(200, 120, "Salaire", bold, 10, th2),
		run(45, 135, "Junior", regular, 10, td1),
		run(200, 135, "45 k€", regular, 10, td2),
		&frame.Box{Rect: frame.Rect{X: 45, Y: 160, W: 120, H: 40}, Fill: &accent, Struct: fig},
		&frame.Path{Fill: ink, Struct: fig, Segs: []frame.Seg{
			{Op: frame.MoveTo, Pts: [3]frame.Point{{X: 45, Y: 200}}},
			{Op: frame.LineTo, Pts: [3]frame.Point{{X: 200, Y: 200}}},
			{Op: frame.LineTo, Pts: [3]frame.Point{{X: 200, Y: 210}}},
			{Op: frame.Close},
		}},
		run(45, 230, "Brut annuel.", regular, 8, note),
		&frame.Text{X: 45, Y: 820, Text: "2", Face: regular, Size: 8, Color: grey, Width: regular.KernedWidth("2", 8), Tag: "folio", Struct: frame.Pagination},
	)
	p3 := &frame.Page{}
	p3.Add(
		run(45, 100, "Site Reliability Engineer", bold, 14, eh),
		&frame.Text{X: 45, Y: 120, Text: "Keeps systems running.", Face: regular, Size: 10, Color: ink,
			Width: regular.KernedWidth("Keeps systems running.", 10), Lang: "en", Struct: ep},
	)
	d.Pages = []*frame.Page{p1, p2, p3}
	return d
}

// taggedTree is the structure of taggedDoc as preflight.StructureText
// reads it back: reading order, whatever the drawing order.
const taggedTree = `Document: Ingénieur fiabilité Postulez sur notre page carrières dès aujourd’hui. Missions Automatiser l’exploitation DevOps et garder un œil sur les systèmes. Profil • Curiosité Rémunération Niveau Salaire Junior 45 k€ Brut annuel. Site Reliability Engineer Keeps systems running.
  Sect: Ingénieur fiabilité Postulez sur notre page carrières dès aujourd’hui.
    H1: Ingénieur fiabilité
    P: Postulez sur notre page carrières dès aujourd’hui.
      Link annotations=2: notre page carrières
  Sect: Missions Automatiser l’exploitation DevOps et garder un œil sur les systèmes. Profil • Curiosité
    Sect: Missions Automatiser l’exploitation DevOps et garder un œil sur les systèmes.
      H2: Missions
      P: Automatiser l’exploitation DevOps et garder un œil sur les systèmes.
    Sect: Profil • Curiosité
      H2: Profil
      L: • Curiosité
        LI: • Curiosité
          Lbl: •
          LBody: Curiosité
  Sect: Rémunération Niveau Salaire Junior 45 k€ Brut annuel.
    H2: Rémunération
    Table: Niveau Salaire Junior 45 k€
      TR: Niveau Salaire
        TH scope=Column: Niveau
        TH scope=Column: Salaire
      TR: Junior 45 k€
        TD: Junior
        TD: 45 k€
    Figure alt="Salaires de 45 à 55 k€ selon l’expérience"
    Note: Brut annuel.
  Part lang=en: Site Reliability Engineer Keeps systems running.
    H2: Site Reliability Engineer
    P: Keeps systems running.
`

// TestTaggedTree reads the structure of a tagged file back: every
// element in reading order with the text of its content.
func TestTaggedTree(t *testing.T) {
	data := write(t, taggedDoc(t))
	got, err := preflight.StructureText(data)
	if err != nil {
		t.Fatal(err)
	}
	if got != taggedTree {
		t.Errorf("structure tree:\n%s\nwant:\n%s", got, taggedTree)
	}
	f := readPDF(t, data)
	root := mustObject(t, f, ref(t, f.trailer, "Root"))
	for _, want := range []string{"/MarkInfo <</Marked true>>", "/StructTreeRoot ", "/ViewerPreferences <</DisplayDocTitle true>>", "/Lang (fr)"} {
		if !strings.Contains(root, want) {
			t.Errorf("catalog %q: no %s", root, want)
		}
	}
	content := string(pageContent(t, f, 0))
	for _, want := range []string{"/Artifact BMC\n", "/Artifact <</Type /Pagination>> BDC\n", "/H1 <</MCID 0>> BDC\n", "/P <</MCID 8>> BDC\n", "/P <</MCID 9 /Lang (en)>> BDC\n"} {
		if !strings.Contains(content, want) {
			t.Errorf("page 1 content has no %q:\n%s", want, content)
		}
	}
	if strings.Contains(content, "/Span") {
		t.Errorf("page 1 marks a language with /Span besides its MCIDs:\n%s", content)
	}
}

// TestTaggedPassesPreflight checks the tagged file against PDF/UA-1:
// every check passes, the XMP metadata's included.
func TestTaggedPassesPreflight(t *testing.T) {
	for _, print := range []bool{false, true} {
		d := taggedDoc(t)
		if print {
			d.Print = &frame.Print{Bleed: 8.5, CropMarks: true}
			d.Pages[0].Folds = []float64{297.64}
		}
		rep, err := preflight.CheckBytes("tagged.pdf", write(t, d), preflight.Options{Standards: []preflight.Standard{preflight.UA1}})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, c := range rep.Checks {
			if !strings.HasPrefix(c.Name, "PDF/UA-1") {
				continue
			}
			n++
			if !c.OK {
				t.Errorf("print=%v: %s: %s", print, c.Name, c.Detail)
			}
		}
		if n < 10 {
			t.Errorf("print=%v: %d PDF/UA-1 checks", print, n)
		}
	}
}

// TestUntagged checks that a document without a structure is not
// tagged, and that its items pointing at elements change nothing.
func TestUntagged(t *testing.T) {
	// Items pointing at elements change nothing in a document without
	// a tree.
	d := taggedDoc(t)
	d.Structure = nil
	data := write(t, d)
	for _, pg := range d.Pages {
		for _, it := range pg.Items {
			switch it := it.(type) {
			case *frame.Text:
				it.Struct = nil
			case *frame.Box:
				it.Struct = nil
			case *frame.Path:
				it.Struct = nil
			case *frame.Rule:
				it.Struct = nil
			case *frame.Link:
				it.Struct = nil
			}
		}
	}
	if !bytes.Equal(data, write(t, d)) {
		t.Errorf("a document without a tree is written otherwise when its items point at elements")
	}
	f := readPDF(t, data)
	root := mustObject(t, f, ref(t, f.trailer, "Root"))
	for _, key := range []string{"/StructTreeRoot", "/MarkInfo"} {
		if strings.Contains(root, key) {
			t.Errorf("a document without structure has %s: %q", key, root)
		}
	}
}

// TestTaggedBadTree checks that an item pointing at an element outside
// the tree fails the Write, naming the page.
func TestTaggedBadTree(t *testing.T) {
	d := taggedDoc(t)
	stray := &frame.Node{Role: frame.RoleP}
	d.Pages[1].Add(&frame.Box{Rect: frame.Rect{W: 10, H: 10}, Fill: &grey, Struct: stray})
	err := Write(&bytes.Buffer{}, d)
	if err == nil || !strings.Contains(err.Error(), "page 2: a box item belongs to a P element outside the tree") {
		t.Errorf("Write() error = %v", err)
	}
}

// needTool returns the path of a tool the test needs, or skips the test
// (fails it under CI).
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if v := os.Getenv("CI"); v != "" && v != "0" && v != "false" {
			t.Fatalf("needs %s (make tools installs it)", name)
		}
		t.Skipf("needs %s (make tools installs it)", name)
	}
	return p
}

// TestTaggedPoppler checks the tagged file with poppler's structure
// reader: pdfinfo -struct-text shows every element with its text, in
// reading order; with qpdf --check; and that pdftoppm renders it as the
// same file untagged.
func TestTaggedPoppler(t *testing.T) {
	pdfinfo := needTool(t, "pdfinfo")
	qpdf := needTool(t, "qpdf")
	path := filepath.Join(t.TempDir(), "tagged.pdf")
	if err := os.WriteFile(path, write(t, taggedDoc(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdfinfo, "-struct-text", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo -struct-text: %v\n%s", err, out)
	}
	// A line's last word is followed by a space, which pdfinfo shows.
	got := strings.ReplaceAll(string(out), " \"\n", "\"\n")
	// pdfinfo prints each element on a line, indented two spaces a
	// level, and the text of its marked content quoted under it (the
	// link's two lines are one sequence, which it prints as one string),
	// and a link's annotations as objects.
	want := []string{
		"Document", "  Sect", "    H1", `      "Ingénieur fiabilité"`,
		"    P", `      "Postulez sur"`, "      Link", `        "notre`, "        Object ", "        Object ", `      " dès aujourd’hui."`,
		"      H2", `        "Missions"`, "      P", `        "Automatiser l’exploitation"`, `        "DevOps"`, `        "et garder un œil sur les systèmes."`,
		"      H2", `        "Profil"`, "      L", "        LI", "          Lbl", "          LBody", `            "Curiosité"`,
		"    Table", "      TR", "        TH", "           /Scope /Column", `          "Niveau"`, "        TH", "      TR", "        TD", "        TD", `          "45 k€"`,
		"    Figure", "       /BBox [45 631.89 200 681.89]", "    Note", `      "Brut annuel."`,
		"  Part", "    H2", `      "Site Reliability Engineer"`, "    P", `      "Keeps systems running."`,
	}
	lines := strings.Split(got, "\n")
	k := 0
	for _, l := range lines {
		if k < len(want) && strings.HasPrefix(l, want[k]) {
			k++
		}
	}
	if k < len(want) {
		t.Errorf("pdfinfo -struct-text: no line %q in order after %q:\n%s", want[k], want[max(0, k-1)], got)
	}
	if out, err := exec.Command(qpdf, "--check", path).CombinedOutput(); err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	// Tagging changes no pixel.
	pdftoppm := needTool(t, "pdftoppm")
	d := taggedDoc(t)
	d.Structure = nil
	untagged := filepath.Join(t.TempDir(), "untagged.pdf")
	if err := os.WriteFile(untagged, write(t, d), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{path, untagged} {
		if out, err := exec.Command(pdftoppm, "-r", "40", "-png", f, f).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v\n%s", err, out)
		}
	}
	for page := 1; page <= 3; page++ {
		a, errA := os.ReadFile(fmt.Sprintf("%s-%d.png", path, page))
		b, errB := os.ReadFile(fmt.Sprintf("%s-%d.png", untagged, page))
		if errA != nil || errB != nil || !bytes.Equal(a, b) {
			t.Errorf("page %d: the tagged file renders otherwise than the untagged one (%v, %v)", page, errA, errB)
		}
	}
}

// TestTaggedPDFJS reads the tagged file with Mozilla's pdf.js
// (testdata/pdfjs/structtree.mjs, run with Node): each page's structure
// tree, with the text of its marked content, the figure's alternative
// text, the part's language and the link annotations' /Contents.
func TestTaggedPDFJS(t *testing.T) {
	node := needTool(t, "node")
	if _, err := os.Stat("testdata/pdfjs/node_modules/pdfjs-dist"); err != nil {
		if v := os.Getenv("CI"); v != "" && v != "0" && v != "false" {
			t.Fatal("needs pdfjs-dist in testdata/pdfjs/node_modules (make tools runs npm ci there)")
		}
		t.Skip("needs pdfjs-dist in testdata/pdfjs/node_modules (make tools runs npm ci there)")
	}
	path := filepath.Join(t.TempDir(), "tagged.pdf")
	if err := os.WriteFile(path, write(t, taggedDoc(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "testdata/pdfjs/structtree.mjs", path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdf.js: %v\n%s", err, stderr.String())
	}
	// pdf.js names a link's annotation "annotation" or "object",
	// depending on whether it has parsed the page's annotations first.
	got := strings.ReplaceAll(string(out), `object "`, `annotation "`)
	want := []string{
		"page 1", "  Root", "    Document", "      Sect", "        H1", `          "Ingénieur fiabilité"`,
		"        P", `          "Postulez sur"`, "          Link", `            "notre page carrières"`,
		`            annotation "notre page carrières"`, `            annotation "notre page carrières"`, `          "dès aujourd’hui."`,
		"      Sect", "        Sect", "          H2", `            "Missions"`, "          P", `            "Automatiser l’exploitation"`, `            "DevOps"`,
		"        Sect", "          H2", `            "Profil"`, "          L", "            LI", "              Lbl", `                "•"`, "              LBody", `                "Curiosité"`,
		"page 2", "          P", `            "et garder un œil sur les systèmes."`,
		"        H2", `          "Rémunération"`, "        Table", "          TR", "            TH", `              "Niveau"`, "            TH", `              "Salaire"`,
		"          TR", "            TD", `              "Junior"`, "            TD", `              "45 k€"`,
		`        Figure alt="Salaires de 45 à 55 k€ selon l’expérience"`, "        Note", `          "Brut annuel."`,
		"page 3", "      Part lang=en", "        H2", `          "Site Reliability Engineer"`, "        P", `          "Keeps systems running."`,
	}
	k := 0
	for _, l := range strings.Split(got, "\n") {
		if k < len(want) && l == want[k] {
			k++
		}
	}
	if k < len(want) {
		t.Errorf("pdf.js: no line %q in order after %q:\n%s", want[k], want[max(0, k-1)], got)
	}
}

// TestTaggedStrict runs pdfcpu's strict validation (pdfcpu validate -m
// strict), which reads the structure tree, on the tagged file, screen
// and print.
func TestTaggedStrict(t *testing.T) {
	conf := &model.Configuration{
		Reader15:                  true,
		ValidationMode:            model.ValidationStrict,
		UnsupportedResourcePolicy: model.UnsupportedResourceSkip,
		Eol:                       types.EolLF,
		Limits:                    model.DefaultResourceLimits(),
	}
	for _, print := range []bool{false, true} {
		d := taggedDoc(t)
		if print {
			d.Print = &frame.Print{Bleed: 8.5, CropMarks: true}
			d.Pages[0].Folds = []float64{297.64}
		}
		if err := api.Validate(bytes.NewReader(write(t, d)), conf); err != nil {
			t.Errorf("print=%v: %v", print, err)
		}
	}
}
