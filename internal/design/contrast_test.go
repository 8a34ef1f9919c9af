package design_test

import "testing"

// TestContrastErrors checks that a text colour that does not stand out
// from what it is set on, or a tag that cannot be seen, is an error at
// the layout line that chose it.
func TestContrastErrors(t *testing.T) {
	runErrCases(t, []errCase{
		{
			name:    "kicker in the bright accent",
			changes: []change{{"a4.toml", `size = "8.5pt", leading = "12pt", color = "accent_text"`, `size = "8.5pt", leading = "12pt", color = "accent"`}},
			want: `layouts/a4.toml:⟨color = "accent" }⟩:65: text.kicker: accent (#e8a317) on the panel, tint (#edf2f7) is 1.93:1; 8.5 pt text needs 4.5:1 (WCAG 2.2 AA): choose a darker or lighter palette colour
layouts/a4.toml:⟨color = "accent" }⟩:65: text.kicker: accent (#e8a317) on the paper (#ffffff) is 2.17:1; 8.5 pt text needs 4.5:1 (WCAG 2.2 AA): choose a darker or lighter palette colour`,
		},
		{
			name:    "large bold text needs 3:1",
			changes: []change{{"a4.toml", `heading = { face = "bold", size = "14.5pt", leading = "18pt", color = "primary" }`, `heading = { face = "bold", size = "14.5pt", leading = "18pt", color = "rule" }`}},
			want:    `layouts/a4.toml:⟨color = "rule" }⟩:63: text.heading: rule (#c8d2de) on the paper (#ffffff) is 1.53:1; 14.5 pt text needs 3:1 (WCAG 2.2 AA): choose a darker or lighter palette colour`,
		},
		{
			name:    "links too dark for the navy",
			changes: []change{{"a4.toml", `link = "accent"`, `link = "muted"`}},
			want:    `layouts/a4.toml:⟨link =⟩:1: colors.link: muted (#566577) on the cta, primary (#123f6d) is 1.80:1; 9.5 pt text needs 4.5:1 (WCAG 2.2 AA): choose a darker or lighter palette colour`,
		},
		{
			name:    "chips the panel's colour",
			changes: []change{{"a4.toml", `chip = "rule"`, `chip = "tint"`}},
			want: `layouts/a4.toml:⟨chip = "tint"⟩:1: colors.chip: tint (#edf2f7) on the panel, tint (#edf2f7) is 1.00:1: the tags cannot be seen; want 1.25:1 or more
layouts/a4.toml:⟨chip = "tint"⟩:1: colors.chip: tint (#edf2f7) on the paper (#ffffff) is 1.13:1: the tags cannot be seen; want 1.25:1 or more`,
		},
	})
}
