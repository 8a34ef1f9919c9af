package build

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// every holds every role × language × layout × variant, built once.
var every struct {
	once  sync.Once
	paths []string
	err   error
}

// everyPDF builds every brochure of the real content, screen, print and
// imposed, once, and returns their paths.
func everyPDF(t testing.TB) []string {
	t.Helper()
	every.once.Do(func() {
		p, err := Open(contentDir)
		if err != nil {
			every.err = err
			return
		}
		jobs, err := p.Jobs(Selection{Variants: Variants})
		if err != nil {
			every.err = err
			return
		}
		out := filepath.Join(scratch, "every")
		sum, err := p.Batch(jobs, out, BatchOptions{}, nil)
		if err != nil {
			every.err = err
			return
		}
		for _, o := range sum.Outcomes {
			if o.Err != nil {
				every.err = o.Err
				return
			}
			every.paths = append(every.paths, o.Path)
		}
	})
	if every.err != nil {
		t.Fatalf("building every brochure: %v", every.err)
	}
	return every.paths
}

// strictConfig is pdfcpu's strict validation, built by hand: the default
// configuration writes a folder into the home directory.
func strictConfig() *model.Configuration {
	return &model.Configuration{
		Reader15:                  true,
		ValidationMode:            model.ValidationStrict,
		UnsupportedResourcePolicy: model.UnsupportedResourceSkip,
		Eol:                       types.EolLF,
		Limits:                    model.DefaultResourceLimits(),
	}
}

// TestStrictValidation runs pdfcpu's strict validation (pdfcpu validate
// -m strict) on every layout and variant.
func TestStrictValidation(t *testing.T) {
	paths := everyPDF(t)
	if len(paths) < 28 {
		t.Fatalf("%d files, want every layout in both variants (28)", len(paths))
	}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := api.Validate(bytes.NewReader(data), strictConfig()); err != nil {
			t.Errorf("%s: %v", filepath.Base(path), err)
		}
	}
}

// TestLinksOnScreenOnly checks that screen files have their links as
// annotations and print files none: PDF/X allows no annotation but
// printer's marks inside the bleed box.
func TestLinksOnScreenOnly(t *testing.T) {
	for _, path := range everyPDF(t) {
		name := filepath.Base(path)
		q := qdf(t, path)
		links := strings.Count(q, "/Subtype /Link")
		annots := strings.Count(q, "/Annots")
		switch {
		case strings.HasSuffix(name, "-print.pdf") && (links > 0 || annots > 0):
			t.Errorf("%s: %d links, %d /Annots: want none in a print file", name, links, annots)
		case !strings.HasSuffix(name, "-print.pdf") && !strings.HasSuffix(name, "-imposed.pdf") && links == 0:
			t.Errorf("%s: no link annotations", name)
		}
	}
}
