package hyphen

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/brochure-dev/brochure/internal/lang"
)

func TestParseTeX(t *testing.T) {
	src := `% a comment with \patterns{ inside
\message{Loading test patterns}
\lccode` + "`" + `\'=` + "`" + `\' % apostrophe is a letter
\patterns{ % just type <return>
.ab4i 1ba
  ’a4   % typographic apostrophe, read as '
é1
\relax
zz2 zz3 % duplicate: the higher value wins
}
\hyphenation{ % exceptions
ta-ble
present
Uni-ver-sity}
\endinput
`
	f, err := parseBlocks(src)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i := range f.patterns.len() {
		letters, values := f.patterns.at(i)
		got = append(got, fmt.Sprintf("%s%v", string(letters), values))
	}
	want := []string{".abi[0 0 0 4 0]", "ba[1 0 0]", "'a[0 0 4]", "é[0 1]", "zz[0 0 2]", "zz[0 0 3]"}
	if !slices.Equal(got, want) {
		t.Errorf("patterns = %v, want %v", got, want)
	}
	if e := f.exceptions; len(e) != 3 || !slices.Equal(e["table"], []uint8{2}) ||
		len(e["present"]) != 0 || !slices.Equal(e["university"], []uint8{3, 6}) {
		t.Errorf("exceptions = %v", e)
	}
	tr, err := buildTrie(&f.patterns)
	if err != nil {
		t.Fatal(err)
	}
	w := []byte{tr.dot, tr.alpha.code('z'), tr.alpha.code('z'), tr.alpha.code('é'), tr.dot}
	levels := make([]uint8, len(w)+1)
	tr.apply(w, levels)
	if want := []uint8{0, 0, 0, 3, 1, 0}; !slices.Equal(levels, want) {
		t.Errorf("levels of .zzé. = %v, want %v", levels, want)
	}
}

func TestParseErrors(t *testing.T) {
	for _, src := range []string{
		"no patterns here",
		`\patterns{ab1c`,
		`\patterns{a+b}`,
		`\patterns{12}`,
		`\patterns{ab}\hyphenation{-ab}`,
		`\patterns{ab}\hyphenation{a1b}`,
		"\\patterns{a\xffb}",
	} {
		if _, err := compileTeX(src); err == nil {
			t.Errorf("compileTeX(%q) succeeded", src)
		}
	}
	var many patternList
	for r := rune(0x4E00); r < 0x4E00+70; r++ { // CJK ideographs are letters
		if err := many.add(string(r) + "1"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := buildTrie(&many); err == nil {
		t.Error("buildTrie with 70 letters succeeded")
	}
}

// update rewrites compiled/ from patterns/: go test ./internal/hyphen -run
// CompiledFiles -update.
var update = flag.Bool("update", false, "write compiled/ from patterns/")

// TestCompiledFiles checks that the pattern file of every language of
// internal/lang, and its file of further exceptions, is in patterns/ with
// its licence header, and that compiled/ holds what it compiles to: the
// binary reads the compiled files, so an edit to a pattern file (or to
// how they are compiled) must be followed by -update.
func TestCompiledFiles(t *testing.T) {
	seen := map[string]bool{}
	for _, code := range lang.Supported() {
		ll, _ := lang.Match(code)
		for _, file := range []string{ll.Hyphenation.Patterns, ll.Hyphenation.Exceptions} {
			if file == "" || seen[file] {
				continue
			}
			seen[file] = true
			src, err := os.ReadFile(filepath.Join("patterns", file))
			if err != nil {
				t.Fatalf("%s: %v", code, err)
			}
			head := string(src[:min(len(src), 3000)])
			if !strings.Contains(head, "% licence:") && !strings.Contains(head, "notice") && !strings.Contains(head, "Copyright") {
				t.Errorf("%s: licence header missing", file)
			}
			f, err := parseBlocks(string(src))
			if err != nil {
				t.Fatal(err)
			}
			if file == ll.Hyphenation.Patterns && f.patterns.len() < 300 { // Italian's are few and general
				t.Errorf("%s: only %d patterns", file, f.patterns.len())
			}
			t.Logf("%s: %d patterns, %d exceptions", file, f.patterns.len(), len(f.exceptions))
			compiled, err := compileTeX(string(src))
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("compiled", strings.TrimSuffix(file, ".tex")+".bin")
			if *update {
				if err := os.WriteFile(path, compiled, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if have, err := os.ReadFile(path); err != nil || !bytes.Equal(have, compiled) {
				t.Errorf("%s is not what %s compiles to (%v): run go test ./internal/hyphen -run CompiledFiles -update", path, file, err)
			}
		}
	}
	files, _ := filepath.Glob(filepath.Join("compiled", "*.bin"))
	if len(files) != len(seen) {
		t.Errorf("compiled/ has %d files for %d pattern files in use", len(files), len(seen))
	}
}

// TestCompiledRoundTrip checks that a compiled file decodes to the trie
// and exceptions it was made from, and that damaged files are refused.
func TestCompiledRoundTrip(t *testing.T) {
	for _, file := range []string{"hyph-fr.tex", "hyph-de-1996.tex", "hyph-en-us.tex", "ushyphex.tex"} {
		src, err := os.ReadFile(filepath.Join("patterns", file))
		if err != nil {
			t.Fatal(err)
		}
		f, err := parseBlocks(string(src))
		if err != nil {
			t.Fatal(err)
		}
		var want *trie
		if f.patterns.len() > 0 {
			if want, err = buildTrie(&f.patterns); err != nil {
				t.Fatal(err)
			}
		}
		compiled, err := compileTeX(string(src))
		if err != nil {
			t.Fatal(err)
		}
		got, exc, err := decodeCompiled(compiled)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the decoded trie differs from the one built", file)
		}
		if !reflect.DeepEqual(exc, f.exceptions) {
			t.Errorf("%s: the decoded exceptions differ: %d, want %d", file, len(exc), len(f.exceptions))
		}
		for _, cut := range []int{0, 3, len(compiledMagic) + 1, len(compiled) / 2, len(compiled) - 1} {
			if _, _, err := decodeCompiled(compiled[:cut]); err == nil {
				t.Errorf("%s cut to %d bytes: decoded", file, cut)
			}
		}
		if _, _, err := decodeCompiled(append(slices.Clone(compiled), 0)); err == nil {
			t.Errorf("%s with a byte more: decoded", file)
		}
		if want != nil {
			// The last pattern's values one short: its node's first value
			// is there, its last not.
			short := *want
			short.vals = short.vals[:len(short.vals)-1]
			if _, _, err := decodeCompiled(short.appendCompiled([]byte(compiledMagic), nil)); err == nil {
				t.Errorf("%s with its last value missing: decoded", file)
			}
		}
	}
}

// TestLoadOnce checks that concurrent first uses of a language parse its
// file once and share the result.
func TestLoadOnce(t *testing.T) {
	l := &language{file: "hyph-fr.tex"}
	sets := make([]*patternSet, 8)
	var wg sync.WaitGroup
	for i := range sets {
		wg.Go(func() {
			s, err := l.load()
			if err != nil {
				t.Error(err)
			}
			sets[i] = s
		})
	}
	wg.Wait()
	for _, s := range sets {
		if s == nil || s != sets[0] {
			t.Fatal("load returned different pattern sets")
		}
	}
}
