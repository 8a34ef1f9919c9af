package hyphen

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// The files under testdata/authors/ hold hyphenations published by the
// authors of each language's patterns, or by their projects: one word a
// line as the source hyphenates it, '-' at each break. Each file names its
// source and licence in its header (lines starting with '#').
//
// We expect the source's breaks less those our minimum fragments forbid
// (internal/lang: 2 letters before a break, 3 after, for every language,
// where most sources allow 2 after). Where we break otherwise for another
// reason, the line says so: "source | ours | why", and the test checks
// ours. A line may not give "ours" without a reason.

// authorCase is one line of an authors' list.
type authorCase struct {
	line   int
	source string // the source's hyphenation
	ours   string // ours when it differs for a stated reason, else ""
	why    string
}

func readAuthors(t *testing.T, file string) []authorCase {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "authors", file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []authorCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "|")
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		c := authorCase{line: n, source: parts[0]}
		switch len(parts) {
		case 1:
		case 3:
			c.ours, c.why = parts[1], parts[2]
			if c.why == "" || strings.ReplaceAll(c.ours, "-", "") != strings.ReplaceAll(c.source, "-", "") {
				t.Fatalf("%s:%d: %q: ours must be the same word, with a reason", file, n, line)
			}
		default:
			t.Fatalf("%s:%d: %q: want \"source\" or \"source | ours | why\"", file, n, line)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// withinMins returns the source's hyphenation with only the breaks that
// leave at least left runes before and right runes after.
func withinMins(source string, left, right int) string {
	n := utf8.RuneCountInString(strings.ReplaceAll(source, "-", ""))
	var b strings.Builder
	k := 0
	for _, r := range source {
		if r == '-' {
			if k >= left && n-k >= right {
				b.WriteByte('-')
			}
			continue
		}
		b.WriteRune(r)
		k++
	}
	return b.String()
}

func TestAuthorsLists(t *testing.T) {
	for _, tc := range []struct {
		file string
		tags []string
		min  int // the fewest entries the list must have
	}{
		{"de-1996.txt", []string{"de", "de-AT", "de-CH"}, 30},
		{"en-us.txt", []string{"en-US"}, 40},
		{"en-gb.txt", []string{"en-GB", "en"}, 8},
		{"fr.txt", []string{"fr", "fr-CA"}, 30},
		{"es.txt", []string{"es", "es-MX"}, 30},
		{"it.txt", []string{"it", "it-CH"}, 19},
		{"nl.txt", []string{"nl", "nl-BE"}, 40},
		{"pt.txt", []string{"pt", "pt-PT"}, 40},
	} {
		t.Run(tc.file, func(t *testing.T) {
			cases := readAuthors(t, tc.file)
			if len(cases) < tc.min {
				t.Errorf("%d entries, want at least %d", len(cases), tc.min)
			}
			for _, tag := range tc.tags {
				h := mustFor(t, tag)
				for _, c := range cases {
					word := strings.ReplaceAll(c.source, "-", "")
					want := c.ours
					if want == "" {
						want = withinMins(c.source, h.LeftMin, h.RightMin)
					}
					if got := h.Hyphenate(word); got != want {
						t.Errorf("%s:%d: %s: Hyphenate(%q) = %q, want %q (the list: %q)", tc.file, c.line, tag, word, got, want, c.source)
					}
				}
			}
		})
	}
}

func TestWithinMins(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"in-fra-struc-ture", "in-fra-struc-ture"},
		{"ta-ble", "ta-ble"},
		{"ro-le", "role"},
		{"qua-li-tà", "qua-lità"},
		{"a-bend", "abend"},
		{"Ab-fahrt", "Ab-fahrt"},
	} {
		if got := withinMins(c.in, 2, 3); got != c.want {
			t.Errorf("withinMins(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
