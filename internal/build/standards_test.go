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

// ghostscript runs Ghostscript on a PDF, drawing nothing, with the
// file's output intent as the output profile (-dUsePDFX3Profile, so that
// the profile is read), and stops on the first warning as on an error:
// it returns what it said and its error.
func ghostscript(t *testing.T, path string) (string, error) {
	out, errOut, err := toolResult(t, "gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=nullpage",
		"-dPDFSTOPONERROR", "-dPDFSTOPONWARNING", "-dUsePDFX3Profile=0", path)
	return out + errOut, err
}

// TestGhostscriptEveryFile renders every brochure, screen, print and
// imposed, with Ghostscript, which must say nothing: no warning, no
// error, no repaired file. Damaged files show that it would: one whose
// startxref is wrong, one whose output intent's profile is not one.
func TestGhostscriptEveryFile(t *testing.T) {
	needTool(t, "gs", "qpdf")
	paths := everyPDF(t)
	dir := t.TempDir()
	data, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	at := strings.LastIndex(string(data), "startxref")
	badXref := append(data[:at:at], "startxref\n123\n%%EOF\n"...)
	// The profile's signature, once the streams are uncompressed.
	tool(t, "qpdf", "--stream-data=uncompress", "--object-streams=disable", paths[0], filepath.Join(dir, "plain.pdf"))
	plain, err := os.ReadFile(filepath.Join(dir, "plain.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	badProfile := []byte(strings.Replace(string(plain), "acsp", "xxxx", 1))
	for name, b := range map[string][]byte{"startxref": badXref, "profile": badProfile} {
		p := filepath.Join(dir, name+".pdf")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := ghostscript(t, p); err == nil && out == "" {
			t.Fatalf("Ghostscript says nothing about a file whose %s is damaged: the test would not see a warning", name)
		}
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
// files and imposed booklets PDF/A-2 (level a) and PDF/UA-1, print files
// PDF/X-4 and PDF/UA-1.
func TestEveryFileClaimsItsStandard(t *testing.T) {
	for _, p := range everyPDF(t) {
		name := filepath.Base(p)
		// Every file is tagged: PDF/UA-1 too.
		want := []string{"PDF/UA-1", "PDF/A-2 "}
		if strings.HasSuffix(name, "-print.pdf") {
			want = []string{"PDF/UA-1", "PDF/X-4 "}
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
