package hyphen

import (
	"github.com/brochure-dev/brochure/internal/lang"

	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
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
	f, err := parseTeX(src)
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
		if _, err := parseTeX(src); err == nil {
			t.Errorf("parseTeX(%q) succeeded", src)
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

// TestEmbeddedFiles checks that the pattern file of every language of
// internal/lang is embedded with its licence header and parses.
func TestEmbeddedFiles(t *testing.T) {
	seen := map[string]bool{}
	for _, code := range lang.Supported() {
		ll, _ := lang.Match(code)
		if seen[ll.Hyphenation.Patterns] {
			continue
		}
		seen[ll.Hyphenation.Patterns] = true
		l := &language{file: ll.Hyphenation.Patterns}
		src, err := patternFiles.ReadFile("patterns/" + l.file)
		if err != nil {
			t.Fatalf("%s: %v", code, err)
		}
		head := string(src[:min(len(src), 3000)])
		if !strings.Contains(head, "% title: Hyphenation patterns for") ||
			!strings.Contains(head, "% licence:") && !strings.Contains(head, "notice") {
			t.Errorf("%s: licence header missing", l.file)
		}
		f, err := parseTeX(string(src))
		if err != nil {
			t.Fatal(err)
		}
		if f.patterns.len() < 300 { // Italian's are few and general
			t.Errorf("%s: only %d patterns", l.file, f.patterns.len())
		}
		t.Logf("%s: %d patterns, %d exceptions", l.file, f.patterns.len(), len(f.exceptions))
		if e := ll.Hyphenation.Exceptions; e != "" && !seen[e] {
			seen[e] = true
			src, err := patternFiles.ReadFile("patterns/" + e)
			if err != nil {
				t.Fatalf("%s: %v", code, err)
			}
			if head := string(src[:min(len(src), 1000)]); !strings.Contains(head, "Copyright") {
				t.Errorf("%s: licence header missing", e)
			}
			more, err := parseExceptions(string(src))
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d exceptions", e, len(more))
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
