package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// droidFallback is Debian's fonts-droid-fallback, a TrueType face with
// Chinese, Japanese and Korean (Apache 2.0); the tests install it.
const droidFallback = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"

// TestFallbackFace names a fallback face in a layout beside the content:
// a client's name in Japanese is set in it, embedded as a subset, and
// extracted as typed; the file is named by the name's digest.
func TestFallbackFace(t *testing.T) {
	data, err := os.ReadFile(droidFallback)
	if err != nil {
		if inCI() {
			t.Fatalf("needs %s (fonts-droid-fallback): %v", droidFallback, err)
		}
		t.Skip("needs fonts-droid-fallback")
	}
	content := copyContent(t)
	parent := filepath.Dir(content)
	for _, dir := range []string{"layouts", "fonts"} {
		if err := os.Mkdir(filepath.Join(parent, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(parent, "fonts", "DroidSansFallbackFull.ttf"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	a4, err := os.ReadFile("../../layouts/a4.toml")
	if err != nil {
		t.Fatal(err)
	}
	layout := strings.Replace(string(a4), "\n[faces]\n", "\n[faces]\nfallback = \"DroidSansFallbackFull.ttf\"\n", 1)
	if layout == string(a4) {
		t.Fatal("a4.toml has no [faces] table")
	}
	if err := os.WriteFile(filepath.Join(parent, "layouts", "a4.toml"), []byte(layout), 0o644); err != nil {
		t.Fatal(err)
	}
	team, _ := os.ReadFile("../../team.toml")
	os.WriteFile(filepath.Join(parent, "team.toml"), team, 0o644)
	p, err := Open(content)
	if err != nil {
		t.Fatal(err)
	}
	ed, err := p.Personal(Fields{Client: "株式会社ソニー", Contact: "山田 太郎", By: "jdoe"})
	if err != nil {
		t.Fatal(err)
	}
	r, err := p.Build(Job{Role: testRole, Lang: "fr", Layout: "a4", Personal: ed}, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(filepath.Base(r.Path), "sre-fr-a4-client-") {
		t.Errorf("file %s", r.Path)
	}
	if text := normSpace(pdftotext(t, r.Path)); !strings.Contains(text, "Préparé pour 株式会社ソニー") || !strings.Contains(text, "山田 太郎") {
		t.Errorf("the client's name is not in the text:\n%s", text)
	}
	if fonts := tool(t, "pdffonts", r.Path); !strings.Contains(fonts, "+DroidSansFallback") {
		t.Errorf("the fallback face is not embedded as a subset:\n%s", fonts)
	}
	// Without the fallback face, the same name is refused, naming a
	// character.
	p2, _ := Open("../../brochures")
	ed2, _ := p2.Personal(Fields{Client: "株式会社ソニー"})
	if _, _, err := p2.Frames(Job{Role: testRole, Lang: "fr", Layout: "a4", Personal: ed2}); err == nil || !strings.Contains(err.Error(), "(U+682A) is not in the font") {
		t.Errorf("without a fallback: %v", err)
	}
}
