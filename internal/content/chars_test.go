package content_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/content"
)

// TestControlCharacters: a tab or line break in a one-line field, or any
// other control character, is an error at the character.
func TestControlCharacters(t *testing.T) {
	runErrCases(t, []errCase{
		{
			name:    "tab escape in the title",
			changes: []change{{"en.toml", `title = "Site Reliability Engineer"`, `title = "Site\tReliability Engineer"`}},
			want:    `brochures/sre/en.toml:⟨title = "Site\t⟩:14: title: a tab (U+0009): this field is one line`,
		},
		{
			name:    "raw tab in a heading",
			changes: []change{{"fr.toml", `heading = "Le rôle"`, "heading = \"Le\trôle\""}},
			want:    `brochures/sre/fr.toml:⟨heading = "Le` + "\t" + `rôle"⟩:14: sections.role.heading: a tab (U+0009): this field is one line`,
		},
		{
			name:    "line break in a level's name",
			changes: []change{{"en.toml", `mid = "Mid-level"`, `mid = "Mid-\nlevel"`}},
			want:    `brochures/sre/en.toml:⟨mid = "Mid-\n⟩:12: sections.salary.levels.mid: a line break (U+000A): this field is one line`,
		},
		{
			name:    "a bell in a paragraph",
			changes: []change{{"en.toml", `body = ["Gross annual pay`, `body = ["\u0007Gross annual pay`}},
			want:    `brochures/sre/en.toml:⟨body = ["\u0007⟩:10: sections.salary.body: a control character (U+0007): write it as text`,
		},
	})
}

// TestParagraphBlanks: tabs and line breaks in running text are spaces.
func TestParagraphBlanks(t *testing.T) {
	files := edited(t, change{"en.toml", `body = ["Gross annual pay in France,`, `body = ["Gross\tannual pay\n in France,`})
	r, err := content.Load(files, "brochures", "sre")
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Texts["en"].Sections["salary"].Body[0]; got[:len("Gross annual pay in France,")] != "Gross annual pay in France," {
		t.Errorf("body %q, want tabs and line breaks as single spaces", got)
	}
}

// TestTooManyLevels: more salary levels than a table and a chart hold is
// an error at the levels.
func TestTooManyLevels(t *testing.T) {
	var more strings.Builder
	for i := range 10 {
		fmt.Fprintf(&more, "[[salary.levels]]\nid = \"l%d\"\nyears_min = 7\nyears_max = 8\nmin = 70000\nmax = 80000\n\n", i)
	}
	files := edited(t, change{"role.toml", "[[salary.levels]]\nid = \"junior\"", more.String() + "[[salary.levels]]\nid = \"junior\""})
	_, err := content.Load(files, "brochures", "sre")
	want := expand(t, files, `brochures/sre/role.toml:⟨[[salary.levels]]⟩:1: salary.levels: 13 levels, at most 12 fit a table and a chart`)
	if err == nil || !strings.HasPrefix(err.Error(), want+"\n") {
		t.Errorf("error %v, want one starting %q", err, want)
	}
}
