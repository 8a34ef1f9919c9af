package content_test

import "testing"

// TestTranslationErrors covers a language file that does not match the
// reference language (the first of role.toml's languages, en): every
// message names both files and the section.
func TestTranslationErrors(t *testing.T) {
	runErrCases(t, []errCase{
		{
			name:    "missing section",
			changes: []change{{"fr.toml", "[sections.careers]", "[sections.carreers]"}},
			want: `brochures/sre/fr.toml: section "careers" is missing (brochures/sre/en.toml has it)
brochures/sre/fr.toml:⟨[sections.carreers]⟩:1: section "carreers" is not in brochures/sre/en.toml`,
		},
		{
			name: "missing item of a list",
			changes: []change{
				{"fr.toml", "  \"Cloud Architect\",\n", ""},
				{"fr.toml", "items = [\n  \"Engineering Manager", "items = [ # careers\n  \"Engineering Manager"},
			},
			want: `brochures/sre/fr.toml:⟨# careers⟩:1: section "careers": 3 items where brochures/sre/en.toml has 4`,
		},
		{
			name:    "missing paragraph of the intro",
			changes: []change{{"en.toml", "intro = [\n", "intro = [\n  \"One more.\",\n"}},
			want:    `brochures/sre/fr.toml:⟨intro = [⟩:1: intro: 2 paragraphs where brochures/sre/en.toml has 3`,
		},
		{
			name: "extra group",
			changes: []change{{"fr.toml", "[[sections.skills.groups]]\nid = \"soft\"",
				"[[sections.skills.groups]] # added\nid = \"languages\"\nlabel = \"Langues\"\nitems = [\"Anglais\"]\n\n[[sections.skills.groups]]\nid = \"soft\""}},
			want: `brochures/sre/fr.toml:⟨# added⟩:1: section "skills": group "languages" is not in brochures/sre/en.toml`,
		},
		{
			name:    "missing group",
			changes: []change{{"en.toml", "[[sections.training.groups]]\nid = \"certifications\"", "[[sections.training.groups]]\nid = \"languages\"\nitems = [\"English\"]\n\n[[sections.training.groups]]\nid = \"certifications\""}},
			want: `brochures/sre/en.toml:⟨[[sections.training.groups]]⟩:1: section "training": group "languages": missing label
brochures/sre/fr.toml:⟨[[sections.training.groups]]⟩:1: section "training": group "languages" is missing (brochures/sre/en.toml has it)`,
		},
		{
			name:    "group with fewer items",
			changes: []change{{"fr.toml", "  \"L’esprit d’équipe et le goût de transmettre.\",\n", ""}},
			want:    `brochures/sre/fr.toml:⟨items|4⟩:1: section "skills": group "soft": 3 items where brochures/sre/en.toml has 4`,
		},
		{
			name:    "missing note",
			changes: []change{{"fr.toml", "note = \"Certains SRE", "# note = \"Certains SRE"}},
			want:    `brochures/sre/fr.toml:⟨[sections.training]⟩:1: section "training": note is missing (brochures/sre/en.toml has it)`,
		},
		{
			name: "groups in another order",
			changes: []change{
				{"fr.toml", "id = \"cloud\"\nlabel = \"Cloud\"", "id = \"containers\"\nlabel = \"Conteneurs\""},
				{"fr.toml", "id = \"containers\"\nlabel = \"Conteneurisation", "id = \"cloud\"\nlabel = \"Cloud"},
			},
			want: `brochures/sre/fr.toml:⟨[[sections.skills.groups]]⟩:1: section "skills": group 1 is "containers" where brochures/sre/en.toml has "cloud" (keep the groups in the same order)`,
		},
		{
			name:    "salary table in one language only",
			changes: []change{{"fr.toml", "[sections.salary.levels]\njunior = \"Junior\"\nmid = \"Confirmé\"\nsenior = \"Senior / Expert\"\n", ""}},
			want:    `brochures/sre/fr.toml:⟨[sections.salary]⟩:1: section "salary": levels is missing (brochures/sre/en.toml has it)`,
		},
		{
			name:    "missing language file",
			changes: []change{{"role.toml", `languages = ["en", "fr"]`, `languages = ["en", "fr", "de"]`}},
			want:    `brochures/sre/de.toml: missing file (role.toml lists "de" in languages)`,
		},
	})
}
