package content_test

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/brochure-dev/brochure/internal/content"
	"github.com/brochure-dev/brochure/internal/safefile"
)

func TestLoadSRE(t *testing.T) {
	role, err := content.Load(sreFiles(t), "brochures", "sre")
	if err != nil {
		t.Fatal(err)
	}
	if role.ID != "sre" || role.Dir != "brochures/sre" {
		t.Errorf("role %q in %q", role.ID, role.Dir)
	}
	for _, lang := range []string{"en", "fr"} {
		if role.Texts[lang] == nil || role.Texts[lang].Title == "" {
			t.Errorf("no %s text", lang)
		}
	}
	if len(role.Texts) != 2 {
		t.Errorf("%d languages, want 2", len(role.Texts))
	}
	if n := len(role.Facts.Salary.Levels); n != 3 {
		t.Errorf("%d salary levels, want 3", n)
	}
}

func TestLoadMissing(t *testing.T) {
	files := sreFiles(t)
	if _, err := content.Load(files, "brochures", "qa"); err == nil || err.Error() != `role "qa": no folder brochures/qa` {
		t.Errorf("unknown role: %v", err)
	}
	delete(files, "sre/role.toml")
	if _, err := content.Load(files, "brochures", "sre"); err == nil || err.Error() != `brochures/sre/role.toml: missing file` {
		t.Errorf("no role.toml: %v", err)
	}
}

func TestList(t *testing.T) {
	files := sreFiles(t)
	files["devops/role.toml"] = &fstest.MapFile{Data: []byte(`id = "devops"`)}
	files["drafts/notes.toml"] = &fstest.MapFile{Data: []byte(`x = 1`)} // no role.toml
	files["role.toml"] = &fstest.MapFile{Data: []byte(`id = "x"`)}      // not in a folder
	files["empty"] = &fstest.MapFile{Mode: 0o755 | 1<<31}               // a folder
	roles, err := content.List(files)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"devops", "sre"}; !reflect.DeepEqual(roles, want) {
		t.Errorf("List = %q, want %q", roles, want)
	}
}

// TestHas: Has answers for one name what List says of the folder, links
// and unreadable files included, on the folder the tool reads through.
func TestHas(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	write("sre/role.toml", `id = "sre"`)
	write("drafts/notes.toml", `x = 1`) // no role.toml
	write("role.toml", `id = "x"`)      // not in a folder
	write("file", "")
	link("sre", "alias") // a link to a role: not listed
	write("abs/x", "")
	link(filepath.Join(dir, "sre", "role.toml"), "abs/role.toml") // an absolute link: there, refused when read
	fsys := safefile.DirFS(dir)
	listed, err := content.List(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"sre", "drafts", "role.toml", "file", "alias", "abs", "none", "sre/", "sre/role.toml", "..", ".", "", "/sre"} {
		if got, want := content.Has(fsys, id), slices.Contains(listed, id); got != want {
			t.Errorf("Has(%q) = %v; List = %q", id, got, listed)
		}
	}
	if !content.Has(fsys, "abs") {
		t.Errorf("Has(abs) = false, want true like List (%q): its role.toml is there, a link refused when read", listed)
	}
}

// several makes problems in every file, many found by iterating over
// maps (tools, sections, levels).
var several = []change{
	{"role.toml", `currency = "EUR"`, `currency = "EURO"`},
	{"role.toml", "[tools]\n", "[tools]\nstreaming = [\"Kafka\"]\ndata = [\"Spark\"]\n"},
	{"role.toml", `email = "sre@northlight-talent.example"`, `email = "sre"`},
	{"en.toml", "[sections.careers]", "[sections.paths]"},
	{"fr.toml", "tagline =", "taglin ="},
	{"fr.toml", "[sections.why]", "[sections.pourquoi]"},
	{"fr.toml", "mid = \"Confirmé\"\n", "lead = \"Lead\"\nmedior = \"Medior\"\n"},
}

const severalWant = `brochures/sre/role.toml:⟨email⟩:1: contact.email: "sre" is not an e-mail address
brochures/sre/role.toml:⟨streaming =⟩:1: tools.streaming: no group "streaming" to show these tools in brochures/sre/en.toml, brochures/sre/fr.toml
brochures/sre/role.toml:⟨data =⟩:1: tools.data: no group "data" to show these tools in brochures/sre/en.toml, brochures/sre/fr.toml
brochures/sre/role.toml:⟨currency⟩:1: salary.currency: "EURO" is not one of EUR, USD, GBP, CHF, CAD
brochures/sre/fr.toml: missing tagline
brochures/sre/fr.toml: section "paths" is missing (brochures/sre/en.toml has it)
brochures/sre/fr.toml: section "why" is missing (brochures/sre/en.toml has it)
brochures/sre/fr.toml:⟨taglin⟩:1: unknown key "taglin"
brochures/sre/fr.toml:⟨[sections.pourquoi]⟩:1: section "pourquoi" is not in brochures/sre/en.toml
brochures/sre/fr.toml:⟨[sections.salary.levels]⟩:1: section "salary": levels: no label for salary level "mid"
brochures/sre/fr.toml:⟨lead =⟩:1: section "salary": levels: "lead" is not a salary level of role.toml (levels: junior, mid, senior)
brochures/sre/fr.toml:⟨medior =⟩:1: section "salary": levels: "medior" is not a salary level of role.toml (levels: junior, mid, senior)
brochures/sre/fr.toml:⟨[sections.careers]⟩:1: section "careers" is not in brochures/sre/en.toml`

// TestSeveralProblems checks that every problem is listed, file by file
// (role.toml, then the languages in their order) and line by line.
func TestSeveralProblems(t *testing.T) {
	runErrCases(t, []errCase{{name: "several", changes: several, want: severalWant}})
}

// TestBadValueHidesNothing checks that a value of the wrong type in
// role.toml does not stop the checks of it and of the other files, and
// that the checks do not repeat it.
func TestBadValueHidesNothing(t *testing.T) {
	runErrCases(t, []errCase{{
		name: "bad value",
		changes: []change{
			{"role.toml", "years_min = 0\n", "years_min = \"zero\"\n"},
			{"role.toml", `currency = "EUR"`, `currency = "EURO"`},
			{"fr.toml", "\nkicker = ", "\ncolour = \"bleu\"\nkicker = "},
			{"fr.toml", `title = "Site Reliability Engineer"`, `title = ["Site Reliability Engineer"]`},
		},
		want: `brochures/sre/role.toml:⟨currency⟩:1: salary.currency: "EURO" is not one of EUR, USD, GBP, CHF, CAD
brochures/sre/role.toml:⟨"zero"⟩:1: salary.levels.years_min: want an integer, not a string
brochures/sre/fr.toml:⟨title =⟩:1: title: want a string, not an array
brochures/sre/fr.toml:⟨colour⟩:1: unknown key "colour"`,
	}})
}

// TestDeterministic loads a role with many problems 20 times: the
// message must not depend on the order of map iteration.
func TestDeterministic(t *testing.T) {
	files := edited(t, several...)
	_, first := content.Load(files, "brochures", "sre")
	if first == nil {
		t.Fatal("no error")
	}
	for range 20 {
		if _, err := content.Load(files, "brochures", "sre"); err == nil || err.Error() != first.Error() {
			t.Fatalf("error changed:\n%v\nthen:\n%v", first, err)
		}
	}
}

// TestRealRole loads the real SRE role in all its languages and checks
// that an unsupported language is refused where role.toml lists it.
func TestRealRole(t *testing.T) {
	role, err := content.Load(os.DirFS("../../brochures"), "brochures", "sre")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "fr", "de", "es", "it", "nl", "pt-PT"} {
		if role.Texts[lang] == nil || role.Texts[lang].Title == "" {
			t.Errorf("no %s text", lang)
		}
	}
	files := edited(t, change{"role.toml", `languages = ["en", "fr"]`, `languages = ["en", "fr", "sv"]`})
	files["sre/sv.toml"] = files["sre/fr.toml"]
	_, err = content.Load(files, "brochures", "sre")
	want := `brochures/sre/role.toml:5:1: languages: language "sv" cannot be typeset: no typographic rules, hyphenation patterns, number formats or words for it (languages: de, de-AT, de-CH, en, en-GB, en-US, es, fr, fr-CA, it, nl, pt, pt-PT)`
	if err == nil || err.Error() != want {
		t.Errorf("Load with it:\n got %v\nwant %s", err, want)
	}
}
