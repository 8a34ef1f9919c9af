package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadManifest reads a manifest left empty by a crash as no
// manifest, and refuses one that is damaged otherwise, saying what to do.
func TestReadManifest(t *testing.T) {
	tests := []struct {
		name, text string
		outputs    int
		wantErr    string
	}{
		{"empty", "", 0, ""},
		{"blank", " \n", 0, ""},
		{"one output", `{"version": 1, "outputs": {"sre-en-a4.pdf": {"role": "sre", "lang": "en", "layout": "a4", "bytes": 3}}}`, 1, ""},
		{"cut short", `{"version": 1, "outputs": {`, 0, "delete it to rebuild everything"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, ManifestFile), []byte(tt.text), 0o644); err != nil {
				t.Fatal(err)
			}
			m, err := ReadManifest(dir)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("error %v, want one saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(m.Outputs) != tt.outputs {
				t.Errorf("%d outputs, want %d", len(m.Outputs), tt.outputs)
			}
		})
	}
}

// TestToolVersion adds the build ID to a version that names many
// programs (uncommitted changes, or no version), and to no other.
func TestToolVersion(t *testing.T) {
	id := func() string { return "abc/def" }
	tests := []struct{ version, want string }{
		{"v1.2.0", "v1.2.0"},
		{"v1.2.0-3-gabc1234", "v1.2.0-3-gabc1234"},
		{"a2b0ff4-dirty", "a2b0ff4-dirty build abc/def"},
		{"v0.0.0-20261204225700-c4e16c3a1b2c+dirty", "v0.0.0-20261204225700-c4e16c3a1b2c+dirty build abc/def"},
		{"(devel)", "(devel) build abc/def"},
		{"(devel) c4e16c3a1b2c", "(devel) c4e16c3a1b2c build abc/def"},
	}
	for _, tt := range tests {
		if got := toolVersionOf(tt.version, id); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.version, got, tt.want)
		}
	}
	if got := toolVersionOf("a2b0ff4-dirty", func() string { return "" }); got != "a2b0ff4-dirty" {
		t.Errorf("no build ID: %q", got)
	}
}
