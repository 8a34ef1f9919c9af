package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A section of a role that no layout lists is an error, whichever layout
// is built; one that only a later layout lists is not, though the layout
// built shows every other section (the other layouts are then read until
// every section is found).
func TestUnshownSections(t *testing.T) {
	tests := []struct {
		name    string
		without []string // layouts whose sections list drops "careers"
		want    string   // in the error; "" for none
	}{
		{"every layout shows every section", nil, ""},
		{"only later layouts show careers", []string{"a4"}, ""},
		{"only the last layout shows careers", []string{"a4", "a5-booklet", "bilingual", "flyer", "letter", "side-by-side"}, ""},
		{"no layout shows careers", []string{"a4", "a5-booklet", "bilingual", "flyer", "letter", "side-by-side", "trifold"},
			`section "careers": no layout shows it`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyContent(t)
			layouts := filepath.Join(filepath.Dir(dir), "layouts")
			if err := os.MkdirAll(layouts, 0o755); err != nil {
				t.Fatal(err)
			}
			for _, name := range tt.without {
				data, err := os.ReadFile(filepath.Join("..", "..", "layouts", name+".toml"))
				if err != nil {
					t.Fatal(err)
				}
				text := string(data)
				for _, drop := range []string{`, "careers"`, `"careers", `} {
					text = strings.Replace(text, drop, "", 1)
				}
				if strings.Contains(text, `"careers"`) {
					t.Fatalf("%s: careers still listed", name)
				}
				if err := os.WriteFile(filepath.Join(layouts, name+".toml"), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			p, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			_, err = p.Jobs(Selection{Roles: []string{testRole}, Layouts: []string{"a4"}, Langs: []string{"en"}})
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Jobs: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("Jobs: %v, want an error with %q", err, tt.want)
			}
		})
	}
}
