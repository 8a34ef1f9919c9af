package content_test

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/brochure-dev/brochure/internal/content"
)

// FuzzLoadRole feeds arbitrary role.toml and fr.toml to Load, beside the
// real en.toml: it must return a role or an error, never panic, and say
// the same thing twice.
func FuzzLoadRole(f *testing.F) {
	files := sreFiles(f)
	f.Add(files["sre/role.toml"].Data, files["sre/fr.toml"].Data)
	f.Add(files["sre/role.toml"].Data, files["sre/en.toml"].Data)
	f.Add([]byte("id = \"sre\"\nlanguages = [\"fr\", \"en\"]\n[[salary.levels]]\nid = 3\n"), []byte("[[sections.x.groups]]\n[[sections.x.groups]]\nid = \"\"\n"))
	f.Add([]byte("languages = [\"en\", \"en\", \"fr\"]\n[tools]\n\"\" = [\"\"]\n"), []byte("[sections.salary.levels]\n\"\" = \"\"\n"))
	f.Add([]byte("[[salary.levels]]\nyears_min = -1\nyears_max = -2\n"), []byte("title = \"\"\"\n[x]\n\"\"\"\nintro = [\n [\"]\"],\n]\n"))
	f.Fuzz(func(t *testing.T, role, fr []byte) {
		// The fuzzer does not notice a hang: make one a crash, which
		// it records with its input.
		hang := time.AfterFunc(10*time.Second, func() { panic("Load hangs") })
		defer hang.Stop()
		files := fstest.MapFS{
			"sre/role.toml": {Data: role},
			"sre/en.toml":   files["sre/en.toml"],
			"sre/fr.toml":   {Data: fr},
		}
		r, err := content.Load(files, "brochures", "sre")
		if (r == nil) == (err == nil) {
			t.Fatalf("Load gave role %v and error %v", r != nil, err)
		}
		_, again := content.Load(files, "brochures", "sre")
		if (err == nil) != (again == nil) || err != nil && err.Error() != again.Error() {
			t.Fatalf("Load said\n%v\nthen\n%v", err, again)
		}
	})
}
