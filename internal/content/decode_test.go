package content_test

import "testing"

// TestDecodeErrors covers what the TOML decoder finds: bad syntax, keys
// that are not in the schema, values of the wrong type.
func TestDecodeErrors(t *testing.T) {
	runErrCases(t, []errCase{
		{
			name:    "unterminated string",
			changes: []change{{"fr.toml", `kicker = "Fiche métier · Tech"`, `kicker = "Fiche métier · Tech`}},
			want:    `brochures/sre/fr.toml:⟨kicker⟩:32: kicker: basic strings cannot have new lines`,
		},
		{
			name:    "unclosed table header",
			changes: []change{{"fr.toml", "[glance]", "[glance"}},
			want:    `brochures/sre/fr.toml:⟨[glance⟩:8: expected ']' to close table name`,
		},
		{
			name:    "unknown key",
			changes: []change{{"fr.toml", "tagline =", "taglin ="}},
			want: `brochures/sre/fr.toml: missing tagline
brochures/sre/fr.toml:⟨taglin =⟩:1: unknown key "taglin"`,
		},
		{
			name:    "unknown key in a section",
			changes: []change{{"fr.toml", "[sections.role]\nheading", "[sections.role]\n  headng"}},
			want: `brochures/sre/fr.toml:⟨[sections.role]⟩:1: missing sections.role.heading
brochures/sre/fr.toml:⟨headng⟩:3: unknown key "sections.role.headng"`,
		},
		{
			name:    "unknown key in role.toml",
			changes: []change{{"role.toml", "key_tools =", "key_tool ="}},
			want: `brochures/sre/role.toml: missing key_tools
brochures/sre/role.toml:⟨key_tool =⟩:1: unknown key "key_tool"`,
		},
		{
			name:    "unknown key in an array of tables",
			changes: []change{{"fr.toml", `label = "Scripting"`, `lable = "Scripting"`}},
			want: `brochures/sre/fr.toml:⟨[[sections.skills.groups]]|5⟩:1: section "skills": group "scripting": missing label
brochures/sre/fr.toml:⟨lable⟩:1: unknown key "sections.skills.groups.lable"`,
		},
		{
			name: "unknown key in two tables of an array",
			changes: []change{
				{"role.toml", "years_max = 3", "years_mx = 3"},
				{"role.toml", "max_open = true", "max_opne = true"},
				{"role.toml", "years_max = 6", "years_mx = 6"},
			},
			want: `brochures/sre/role.toml:⟨[[salary.levels]]|1⟩:1: salary level 1 ("junior"): only the last level may be open-ended (no years_max)
brochures/sre/role.toml:⟨years_mx = 3⟩:1: unknown key "salary.levels.years_mx"
brochures/sre/role.toml:⟨[[salary.levels]]|2⟩:1: salary level 2 ("mid"): only the last level may be open-ended (no years_max)
brochures/sre/role.toml:⟨years_mx = 6⟩:1: unknown key "salary.levels.years_mx"
brochures/sre/role.toml:⟨max_opne⟩:1: unknown key "salary.levels.max_opne"`,
		},
		{
			name:    "a number where a string is wanted",
			changes: []change{{"fr.toml", `title = "Site Reliability Engineer"`, `title = 42`}},
			want:    `brochures/sre/fr.toml:⟨title = 42⟩:1: title: want a string, not an integer`,
		},
		{
			name:    "a string where a list is wanted",
			changes: []change{{"en.toml", `sectors = [`, `sectors = "SaaS"` + "\nsectors_list = ["}},
			want: `brochures/sre/en.toml:⟨sectors = "SaaS"⟩:1: glance.sectors: want an array, not a string
brochures/sre/en.toml:⟨sectors_list⟩:1: unknown key "glance.sectors_list"`,
		},
		{
			// The decoder places this error at the last [[salary.levels]];
			// the message must point at the first, where the error is.
			name:    "a string where a number is wanted, in an array of tables",
			changes: []change{{"role.toml", "min = 45000", `min = "45000"`}},
			want:    `brochures/sre/role.toml:⟨min = "45000"⟩:1: salary.levels.min: want an integer, not a string`,
		},
		{
			name:    "a string where a date is wanted",
			changes: []change{{"role.toml", "updated = 2026-11-21", `updated = "2026-11-21"`}},
			want:    `brochures/sre/role.toml:⟨updated⟩:12: updated: want a date, not a string (write it without quotes, like 2026-11-21)`,
		},
	})
}
