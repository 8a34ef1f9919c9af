package document

import (
	"os"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/content"
	"github.com/brochure-dev/brochure/internal/design"
)

func load(t *testing.T) (*content.Role, *design.Layout) {
	t.Helper()
	r, err := content.Load(os.DirFS("../../brochures"), "brochures", "sre")
	if err != nil {
		t.Fatal(err)
	}
	lay, err := design.NewLoader(os.DirFS("../../layouts"), os.DirFS("../../fonts"), "layouts").Layout("a4")
	if err != nil {
		t.Fatal(err)
	}
	return r, lay
}

// TestTypography checks that plain typed text is set by the language's
// rules, that correct text is kept, and that a layout can switch it off.
func TestTypography(t *testing.T) {
	r, lay := load(t)
	r.Texts["fr"].Tagline = "Pourquoi recruter un SRE ? Pour dormir: \"by design\", à 99,9% !"
	r.Texts["en"].Tagline = "Why hire an SRE ? Sleep: \"by design\", don't worry."
	tests := []struct {
		lang, want string
	}{
		{"fr", "Pourquoi recruter un SRE\u202f? Pour dormir\u00a0: «\u202fby design\u202f», à 99,9\u00a0%\u202f!"},
		{"en", "Why hire an SRE? Sleep: “by design”, don’t worry."},
	}
	for _, tt := range tests {
		d, err := Build(r, tt.lang, lay)
		if err != nil {
			t.Fatal(err)
		}
		if d.Tagline != tt.want {
			t.Errorf("%s tagline\n got %q\nwant %q", tt.lang, d.Tagline, tt.want)
		}
		// Text that is already right is kept as it is.
		for _, s := range d.Sections {
			for i, item := range s.Items {
				if src := r.Texts[tt.lang].Sections[s.ID].Items[i]; item != src {
					t.Errorf("%s: correct text changed: %q → %q", tt.lang, src, item)
				}
			}
		}
	}
	off := *lay
	off.Typography = false
	d, err := Build(r, "fr", &off)
	if err != nil {
		t.Fatal(err)
	}
	if d.Tagline != r.Texts["fr"].Tagline {
		t.Errorf("typography off: tagline changed to %q", d.Tagline)
	}
	if !strings.Contains(d.Tagline, "SRE ?") {
		t.Errorf("typography off: %q", d.Tagline)
	}
}
