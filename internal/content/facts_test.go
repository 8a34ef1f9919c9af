package content_test

import "testing"

// TestFactsErrors covers the checks of role.toml, and of the language
// files against it.
func TestFactsErrors(t *testing.T) {
	runErrCases(t, []errCase{
		{
			name:    "id not the folder name",
			changes: []change{{"role.toml", `id = "sre"`, `id = "devops"`}},
			want:    `brochures/sre/role.toml:⟨id = "devops"⟩:1: id "devops" does not match the folder name "sre"`,
		},
		{
			name:    "missing id",
			changes: []change{{"role.toml", `id = "sre"`, ``}},
			want:    `brochures/sre/role.toml: missing id (the role's folder name, "sre")`,
		},
		{
			name:    "bad language code",
			changes: []change{{"role.toml", `languages = ["en", "fr"]`, `languages = ["en", "French"]`}},
			want:    `brochures/sre/role.toml:⟨languages⟩:1: languages: "French" is not a language code like "en" or "fr-CA"`,
		},
		{
			name:    "bad e-mail",
			changes: []change{{"role.toml", `email = "sre@northlight-talent.example"`, `email = "sre at northlight-talent.example"`}},
			want:    `brochures/sre/role.toml:⟨email⟩:1: contact.email: "sre at northlight-talent.example" is not an e-mail address`,
		},
		{
			name:    "e-mail with a name",
			changes: []change{{"role.toml", `email = "sre@northlight-talent.example"`, `email = "SRE <sre@northlight-talent.example>"`}},
			want:    `brochures/sre/role.toml:⟨email⟩:1: contact.email: "SRE <sre@northlight-talent.example>" is not an e-mail address`,
		},
		{
			name:    "missing e-mail",
			changes: []change{{"role.toml", `email = "sre@northlight-talent.example"`, ``}},
			want:    `brochures/sre/role.toml:⟨[contact]⟩:1: missing contact.email (the address for candidates' clients)`,
		},
		{
			name:    "web address without scheme",
			changes: []change{{"role.toml", `web = "https://`, `web = "`}},
			want:    `brochures/sre/role.toml:⟨web =⟩:1: contact.web: "northlight-talent.example/roles/sre" is not a web address (https://...)`,
		},
		{
			name:    "unknown currency",
			changes: []change{{"role.toml", `currency = "EUR"`, `currency = "EURO"`}},
			want:    `brochures/sre/role.toml:⟨currency⟩:1: salary.currency: "EURO" is not one of EUR, USD, GBP, CHF, CAD`,
		},
		{
			name:    "unknown period",
			changes: []change{{"role.toml", `period = "year"`, `period = "annual"`}},
			want:    `brochures/sre/role.toml:⟨period⟩:1: salary.period: "annual" is not "year" or "month"`,
		},
		{
			name:    "min above max",
			changes: []change{{"role.toml", "min = 55000\nmax = 70000", "min = 75000\nmax = 70000"}},
			want:    `brochures/sre/role.toml:⟨min = 75000⟩:1: salary level 2 ("mid"): min 75000 and max 70000: want min ≤ max`,
		},
		{
			name:    "largest 64-bit integer as a salary",
			changes: []change{{"role.toml", "max = 100000\n", "max = 9223372036854775807\n"}},
			want:    `brochures/sre/role.toml:⟨max = 9223372036854775807⟩:1: salary.levels[2].max: 9223372036854775807 is not a plausible yearly salary (at most 100000000)`,
		},
		{
			name:    "ten thousand billion a year",
			changes: []change{{"role.toml", "min = 70000\n", "min = 10000000000000\n"}},
			want:    `brochures/sre/role.toml:⟨min = 10000000000000⟩:1: salary.levels[2].min: 10000000000000 is not a plausible yearly salary (at most 100000000)`,
		},
		{
			name:    "a monthly salary of a year's pay",
			changes: []change{{"role.toml", `period = "year"`, `period = "month"`}, {"role.toml", "min = 45000\n", "min = 45\n"}},
			want:    `brochures/sre/role.toml:⟨min = 45⟩:1: salary.levels[0].min: 45 is not a plausible monthly salary (at least 100)`,
		},
		{
			name:    "negative salary",
			changes: []change{{"role.toml", "min = 45000\n", "min = -45000\n"}},
			want:    `brochures/sre/role.toml:⟨min = -45000⟩:1: salary.levels[0].min: -45000 is not a plausible yearly salary (at least 1000)`,
		},
		{
			name:    "a century of experience",
			changes: []change{{"role.toml", "years_min = 7\n", "years_min = 100\n"}},
			want:    `brochures/sre/role.toml:⟨years_min = 100⟩:1: salary.levels[2].years_min: 100 is not a plausible number of years of experience (at most 60)`,
		},
		{
			name:    "years_max below years_min",
			changes: []change{{"role.toml", "years_min = 3\nyears_max = 6", "years_min = 6\nyears_max = 3"}},
			want:    `brochures/sre/role.toml:⟨years_min = 6⟩:1: salary level 2 ("mid"): years_min and years_max: want years_min ≤ years_max`,
		},
		{
			name:    "open-ended level that is not the last",
			changes: []change{{"role.toml", "years_max = 6\n", ""}},
			want:    `brochures/sre/role.toml:⟨[[salary.levels]]|2⟩:1: salary level 2 ("mid"): only the last level may be open-ended (no years_max)`,
		},
		{
			name:    "level id used twice",
			changes: []change{{"role.toml", `id = "mid"`, `id = "junior"`}},
			want: `brochures/sre/role.toml:⟨id = "junior"|2⟩:1: salary level 2 ("junior"): id used twice
brochures/sre/en.toml:⟨mid =⟩:1: section "salary": levels: "mid" is not a salary level of role.toml (levels: junior, junior, senior)
brochures/sre/fr.toml:⟨mid =⟩:1: section "salary": levels: "mid" is not a salary level of role.toml (levels: junior, junior, senior)`,
		},
		{
			name:    "salary level label missing in a language",
			changes: []change{{"fr.toml", "mid = \"Confirmé\"\n", ""}},
			want:    `brochures/sre/fr.toml:⟨[sections.salary.levels]⟩:1: section "salary": levels: no label for salary level "mid"`,
		},
		{
			name:    "levels key that is not a level",
			changes: []change{{"fr.toml", "mid = \"Confirmé\"\n", "mid = \"Confirmé\"\nlead = \"Lead\"\n"}},
			want:    `brochures/sre/fr.toml:⟨lead =⟩:1: section "salary": levels: "lead" is not a salary level of role.toml (levels: junior, mid, senior)`,
		},
		{
			name:    "tools group that no language file has",
			changes: []change{{"role.toml", "[tools]\n", "[tools]\ndata = [\"Kafka\", \"Spark\"]\n"}},
			want:    `brochures/sre/role.toml:⟨data =⟩:1: tools.data: no group "data" to show these tools in brochures/sre/en.toml, brochures/sre/fr.toml`,
		},
		{
			name:    "empty tools list",
			changes: []change{{"role.toml", `cloud = ["AWS", "GCP", "Azure"]`, `cloud = []`}},
			want: `brochures/sre/role.toml:⟨cloud = []⟩:1: tools.cloud: empty list
brochures/sre/en.toml:⟨[[sections.skills.groups]]⟩:1: section "skills": group "cloud" has neither items nor tools in role.toml [tools]
brochures/sre/fr.toml:⟨[[sections.skills.groups]]⟩:1: section "skills": group "cloud" has neither items nor tools in role.toml [tools]`,
		},
		{
			name: "empty entry",
			changes: []change{
				{"en.toml", `"Cloud Architect",`, `"",`},
				{"en.toml", "items = [\n  \"Engineering Manager", "items = [ # careers\n  \"Engineering Manager"},
			},
			want: `brochures/sre/en.toml:⟨# careers⟩:1: sections.careers.items: entry 2 is empty`,
		},
		{
			name: "group id used twice",
			changes: []change{
				{"en.toml", `id = "certifications"`, `id = "cloud"`},
				{"fr.toml", `id = "certifications"`, `id = "cloud"`},
			},
			want: `brochures/sre/role.toml:⟨certifications =⟩:1: tools.certifications: no group "certifications" to show these tools in brochures/sre/en.toml, brochures/sre/fr.toml
brochures/sre/en.toml:⟨id = "cloud"|2⟩:1: section "training": group 1: id "cloud" is also used in section "skills"
brochures/sre/fr.toml:⟨id = "cloud"|2⟩:1: section "training": group 1: id "cloud" is also used in section "skills"`,
		},
	})
}
