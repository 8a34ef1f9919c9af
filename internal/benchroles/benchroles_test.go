package benchroles

import (
	"os"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/content"
)

// TestWrite makes roles from the SRE role and loads them as a build would:
// each must be valid, and differ from the others in what it shows.
func TestWrite(t *testing.T) {
	dir := t.TempDir()
	const n = 3
	ids, err := Write(dir, "../../brochures/sre", n)
	if err != nil {
		t.Fatal(err)
	}
	src, err := content.Load(os.DirFS("../../brochures"), "brochures", "sre")
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]bool{}
	for i, id := range ids {
		r, err := content.Load(os.DirFS(dir), dir, id)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		for _, lang := range r.Facts.Languages {
			text := r.Texts[lang]
			if titles[text.Title] {
				t.Errorf("%s (%s): title %q used twice", id, lang, text.Title)
			}
			titles[text.Title] = true
			if !strings.Contains(text.Kicker, "Ref. ") {
				t.Errorf("%s (%s): kicker %q has no reference", id, lang, text.Kicker)
			}
			items := text.Sections["missions"].Items
			want := src.Texts[lang].Sections["missions"].Items
			if len(items) != len(want) || items[0] != want[i%len(want)] {
				t.Errorf("%s (%s): missions start with %q, want %q (rotated by %d)", id, lang, items[0], want[i%len(want)], i)
			}
		}
	}
	if len(ids) != n {
		t.Errorf("%d roles, want %d", len(ids), n)
	}
}
