package build

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/brochure-dev/brochure/internal/preflight"
)

// TestOutputIntentChosen sets a layout's print condition to uncoated
// offset and checks the print file: its output intent names FOGRA29 and
// embeds that profile (pdfinfo and preflight read it), while the screen
// file keeps sRGB.
func TestOutputIntentChosen(t *testing.T) {
	content := copyContent(t)
	layouts := filepath.Join(filepath.Dir(content), "layouts")
	if err := os.CopyFS(layouts, os.DirFS("../../layouts")); err != nil {
		t.Fatal(err)
	}
	edit(t, filepath.Join(layouts, "a4.toml"), "[header]", "[print]\nstandard = \"PDF/X-4\"\noutput_intent = \"FOGRA29\"\n\n[header]")
	p, err := Open(content)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		variant, intent, standard string
	}{
		{"print", `FOGRA29, "Uncoated FOGRA29 (ISO 12647-2:2004)" profile, 4 components`, preflight.CheckX4Intent},
		{"screen", `sRGB IEC61966-2.1, "sRGB" profile, 3 components`, preflight.CheckA2Intent},
	} {
		r, err := p.Build(Job{Role: testRole, Lang: "fr", Layout: "a4", Variant: tt.variant}, t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		rep, err := preflight.Check(r.Path, preflight.Options{Print: tt.variant == "print"})
		if err != nil {
			t.Fatal(err)
		}
		if c := rep.Find(tt.standard); c == nil || !c.OK || c.Detail != tt.intent {
			t.Errorf("%s: %+v, want %s", tt.variant, c, tt.intent)
		}
	}
}
