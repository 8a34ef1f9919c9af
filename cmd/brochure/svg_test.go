package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestBuildSVG runs "build --format svg" as a user would: one picture per
// page, named after the PDF it stands for, the same bytes each time, and
// no PDF.
func TestBuildSVG(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"A4 in French", []string{"sre", "--lang", "fr", "--layout", "a4"}, []string{"sre-fr-a4-1.svg", "sre-fr-a4-2.svg"}},
		{"print", []string{"sre", "--lang", "en", "--layout", "trifold", "--for", "print"}, []string{"sre-en-trifold-print-1.svg", "sre-en-trifold-print-2.svg"}},
		{"personal edition", []string{"sre", "--lang", "fr", "--layout", "a4", "--client", "Société Générale", "--by", "jdoe"},
			[]string{"sre-fr-a4-societe-generale-1.svg", "sre-fr-a4-societe-generale-2.svg"}},
		{"side by side", []string{"sre", "--layout", "side-by-side"}, []string{"sre-en-fr-side-by-side-1.svg", "sre-en-fr-side-by-side-2.svg", "sre-en-fr-side-by-side-3.svg"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var first map[string][]byte
			for range 2 {
				out := t.TempDir()
				args := append([]string{"--content", contentDir, "build", "--format", "svg", "--out", out}, tt.args...)
				r := brochure(t, t.TempDir(), args...)
				if r.code != 0 {
					t.Fatalf("brochure %s:\n%s", strings.Join(args, " "), r)
				}
				entries, err := os.ReadDir(out)
				if err != nil {
					t.Fatal(err)
				}
				var names []string
				files := map[string][]byte{}
				for _, e := range entries {
					names = append(names, e.Name())
					files[e.Name()], _ = os.ReadFile(filepath.Join(out, e.Name()))
				}
				if !slices.Equal(names, tt.want) {
					t.Fatalf("files %v, want %v", names, tt.want)
				}
				for name, data := range files {
					if !bytes.HasPrefix(data, []byte("<svg ")) || !bytes.HasSuffix(data, []byte("</svg>\n")) || !bytes.Contains(data, []byte("<use ")) {
						t.Errorf("%s is not a page of text in SVG: %.80q", name, data)
					}
				}
				if !strings.Contains(r.stdout, filepath.Join(out, tt.want[0])) || !strings.Contains(r.stdout, "1 brochure drawn, 0 failed") {
					t.Errorf("output does not list the pictures:\n%s", r.stdout)
				}
				if first == nil {
					first = files
					continue
				}
				for name, data := range files {
					if !bytes.Equal(data, first[name]) {
						t.Errorf("%s differs from one build to the next", name)
					}
				}
			}
		})
	}
}

func TestBuildSVGErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown format", []string{"build", "sre", "--format", "png"}, 2, `--format "png": want pdf or svg`},
		{"unknown role", []string{"build", "nobody", "--format", "svg"}, 2, `nobody`},
		{"bad shard", []string{"build", "--format", "svg", "--shard", "3/2"}, 2, `--shard "3/2"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			args := append([]string{"--content", contentDir}, append(tt.args, "--out", out)...)
			r := brochure(t, t.TempDir(), args...)
			if r.code != tt.code || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("want exit %d and %q on standard error, got\n%s", tt.code, tt.want, r)
			}
			if entries, _ := os.ReadDir(out); len(entries) != 0 {
				t.Errorf("wrote %d files", len(entries))
			}
		})
	}
}
