package build

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// frenchJobs are every layout's French files (French first in
// bilingual editions), screen, print and imposed.
func frenchJobs(t *testing.T) (*Project, []Job) {
	t.Helper()
	p, err := Open(contentDir)
	if err != nil {
		t.Fatal(err)
	}
	jobs, err := p.Jobs(Selection{Variants: Variants, First: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	var out []Job
	for _, j := range jobs {
		if strings.HasPrefix(j.Lang, "fr") {
			out = append(out, j)
		}
	}
	if len(out) < 16 {
		t.Fatalf("%d French jobs, want every layout in its variants", len(out))
	}
	return p, out
}

var headingLine = regexp.MustCompile(`^\s*(H[1-6])\b`)

// TestTaggedFilesPoppler reads the structure tree of every layout's
// French file, in every variant, with poppler (pdfinfo -struct-text):
// the headings it finds under the Document element, with their text, are
// those the layout set, in their order.
func TestTaggedFilesPoppler(t *testing.T) {
	pdfinfo := needTool(t, "pdfinfo")
	p, jobs := frenchJobs(t)
	dir := t.TempDir()
	for _, j := range jobs {
		d, _, err := p.Frames(j)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, l := range strings.Split(d.StructureText(), "\n") {
			if m := headingLine.FindStringSubmatch(l); m != nil {
				_, text, _ := strings.Cut(l, `"`)
				want = append(want, m[1]+" "+normSpace(strings.TrimSuffix(text, `"`)))
			}
		}
		data, _, err := p.Render(j)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, j.File())
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(pdfinfo, "-struct-text", path).Output()
		if err != nil {
			t.Fatalf("pdfinfo -struct-text %s: %v", j.File(), err)
		}
		lines := strings.Split(string(out), "\n")
		if len(lines) == 0 || lines[0] != "Document" {
			t.Errorf("%s: the tree does not start with Document:\n%s", j.File(), shortText(out))
			continue
		}
		var got []string
		for i, l := range lines {
			if m := headingLine.FindStringSubmatch(l); m != nil && i+1 < len(lines) {
				got = append(got, m[1]+" "+normSpace(strings.Trim(strings.TrimSpace(lines[i+1]), `"`)))
			}
		}
		if len(want) < 5 || !slices.Equal(got, want) {
			t.Errorf("%s: headings in the file\n%q\nwant those the layout set\n%q", j.File(), got, want)
		}
	}
}

// TestTaggedFilesPDFJS reads the French A4 and the side-by-side edition
// with Mozilla's pdf.js: the structure tree of each page, the figures'
// alternative texts (the brand, the pay chart), the second language's
// part with its language.
func TestTaggedFilesPDFJS(t *testing.T) {
	node := needTool(t, "node")
	script := "../pdf/testdata/pdfjs/structtree.mjs"
	if _, err := os.Stat("../pdf/testdata/pdfjs/node_modules/pdfjs-dist"); err != nil {
		if v := os.Getenv("CI"); v != "" && v != "0" && v != "false" {
			t.Fatal("needs pdfjs-dist in internal/pdf/testdata/pdfjs/node_modules (make tools runs npm ci there)")
		}
		t.Skip("needs pdfjs-dist (make tools runs npm ci in internal/pdf/testdata/pdfjs)")
	}
	for _, tc := range []struct {
		job  Job
		want []string
	}{
		{Job{Role: testRole, Lang: "fr", Layout: "a4"}, []string{
			"page 1", "  Root", "    Document", "      Sect", `        Figure alt="Northlight Talent"`,
			"        H1", `          "Site Reliability Engineer"`,
			"page 2", `        Figure alt="Junior: 45–55 k€; Confirmé: 55–70 k€; Senior / Expert: 70–100 k€ et plus"`,
			"          Link", `            annotation "sre@northlight-talent.example"`,
		}},
		{Job{Role: testRole, Lang: "en+fr", Layout: "side-by-side"}, []string{
			"page 1", "  Root", "    Document", "      Part", "        Sect", "          H1", `            "Site Reliability Engineer"`,
			"      Part lang=fr", "        Sect", "          H1", `            "Site Reliability Engineer"`,
		}},
	} {
		path := buildJob(t, tc.job)
		cmd := exec.Command(node, script, path)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("pdf.js on %s: %v\n%s", filepath.Base(path), err, stderr.String())
		}
		got := strings.ReplaceAll(strings.ReplaceAll(string(out), `object "`, `annotation "`), "\u00a0", " ")
		k := 0
		for _, l := range strings.Split(got, "\n") {
			if k < len(tc.want) && l == tc.want[k] {
				k++
			}
		}
		if k < len(tc.want) {
			t.Errorf("pdf.js on %s: no line %q in order after %q:\n%s", filepath.Base(path), tc.want[k], tc.want[max(0, k-1)], shortText([]byte(got)))
		}
	}
}

// shortText is the first 60 lines of out.
func shortText(out []byte) string {
	lines := strings.Split(string(out), "\n")
	return strings.Join(lines[:min(len(lines), 60)], "\n")
}
