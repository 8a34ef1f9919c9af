package typography

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tomlTexts returns the text of a TOML file an author wrote: the basic
// strings ("…") and the comments of each line, with their line numbers.
// It is a line scan, not a TOML parser: enough for our content files.
func tomlTexts(t *testing.T, path string) (lines []int, texts []string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("no content file: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		for i := 0; i < len(line); i++ {
			switch line[i] {
			case '#':
				lines, texts = append(lines, n), append(texts, strings.TrimSpace(line[i+1:]))
				i = len(line)
			case '"':
				var b strings.Builder
				for i++; i < len(line) && line[i] != '"'; i++ {
					if line[i] == '\\' && i+1 < len(line) {
						i++
					}
					b.WriteByte(line[i])
				}
				lines, texts = append(lines, n), append(texts, b.String())
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines, texts
}

// TestRealContent applies the rules to the SRE brochure's text in each of
// its languages: Apply is idempotent on it, and the lines it changes are
// logged (the content is meant to be correct already, so few or none).
func TestRealContent(t *testing.T) {
	dir := filepath.Join("..", "..", "brochures", "sre")
	for _, lang := range []string{"fr", "en", "de", "es", "it", "nl", "pt-PT"} {
		r := mustFor(t, lang)
		lines, texts := tomlTexts(t, filepath.Join(dir, lang+".toml"))
		changed := 0
		for k, s := range texts {
			once := r.Apply(s)
			if twice := r.Apply(once); twice != once {
				t.Errorf("%s.toml:%d: not idempotent: %s → %s", lang, lines[k], show(once), show(twice))
			}
			if once != s {
				changed++
				t.Logf("%s.toml:%d: %s\n\t→ %s", lang, lines[k], show(s), show(once))
			}
			if w := r.WithoutNarrowSpace().Apply(s); strings.Contains(w, nn) {
				t.Errorf("%s.toml:%d: U+202F left without narrow space: %s", lang, lines[k], show(w))
			}
		}
		t.Logf("%s.toml: %d texts, %d changed by Apply", lang, len(texts), changed)
		if len(texts) < 50 {
			t.Errorf("%s.toml: only %d texts found; is the scan broken?", lang, len(texts))
		}
	}
}

// TestRealContentTyped degrades the SRE brochure's text to what an author
// types on a plain keyboard (spaces, straight quotes and apostrophes) and
// checks that Apply restores it.
func TestRealContentTyped(t *testing.T) {
	dir := filepath.Join("..", "..", "brochures", "sre")
	typed := map[string]*strings.Replacer{
		"fr": strings.NewReplacer("«"+nn, `"`, nn+"»", `"`, nb, " ", nn, " ", "’", "'"),
		"en": strings.NewReplacer("“", `"`, "”", `"`, "’", "'"),
	}
	for _, lang := range []string{"fr", "en"} {
		r := mustFor(t, lang)
		lines, texts := tomlTexts(t, filepath.Join(dir, lang+".toml"))
		for k, s := range texts {
			in := typed[lang].Replace(s)
			if got := r.Apply(in); got != s {
				t.Errorf("%s.toml:%d: Apply(%q)\n got %s\nwant %s", lang, lines[k], in, show(got), show(s))
			}
		}
	}
}
