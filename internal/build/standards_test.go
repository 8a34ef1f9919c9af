package build

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/brochure-dev/brochure/internal/preflight"
)

// ghostscript runs Ghostscript on a PDF, drawing nothing, and stops on
// the first warning as on an error: it returns what it said and its
// error.
func ghostscript(t *testing.T, path string) (string, error) {
	out, errOut, err := toolResult(t, "gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=nullpage",
		"-dPDFSTOPONERROR", "-dPDFSTOPONWARNING", path)
	return out + errOut, err
}

// TestGhostscriptEveryFile renders every brochure, screen, print and
// imposed, with Ghostscript, which must say nothing: no warning, no
// error, no repaired file. A damaged file shows that it would.
func TestGhostscriptEveryFile(t *testing.T) {
	needTool(t, "gs")
	paths := everyPDF(t)
	data, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	damaged := filepath.Join(t.TempDir(), "damaged.pdf")
	at := strings.LastIndex(string(data), "startxref")
	if err := os.WriteFile(damaged, append(data[:at:at], "startxref\n123\n%%EOF\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := ghostscript(t, damaged); err == nil && out == "" {
		t.Fatal("Ghostscript says nothing about a file whose startxref is wrong: the test would not see a warning")
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for _, p := range paths {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			if out, err := ghostscript(t, p); err != nil || out != "" {
				t.Errorf("gs %s: %v\n%s", filepath.Base(p), err, out)
			}
		}()
	}
	wg.Wait()
}

// TestEveryFileClaimsItsStandard checks what every brochure claims in its
// XMP, and that it passes preflight's checks of it and qpdf's: screen
// files and imposed booklets PDF/A-2, print files PDF/X-4.
func TestEveryFileClaimsItsStandard(t *testing.T) {
	for _, p := range everyPDF(t) {
		name := filepath.Base(p)
		want := []string{"PDF/A-2 "}
		if strings.HasSuffix(name, "-print.pdf") {
			want = []string{"PDF/X-4 "}
		}
		r, err := preflight.Check(p, preflight.Options{Print: strings.HasSuffix(name, "-print.pdf")})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range r.Checks {
			if !strings.HasPrefix(c.Name, "PDF/") {
				continue
			}
			if prefix := c.Name[:8]; !slices.Contains(got, prefix) {
				got = append(got, prefix)
			}
			if !c.OK {
				t.Errorf("%s: %s: %s", name, c.Name, c.Detail)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: checked as %q, want %q", name, got, want)
		}
		if out, errOut, err := toolResult(t, "qpdf", "--check", p); err != nil || errOut != "" || !strings.Contains(out, "No syntax or stream encoding errors") {
			t.Errorf("qpdf --check %s: %v\n%s%s", name, err, out, errOut)
		}
	}
}
