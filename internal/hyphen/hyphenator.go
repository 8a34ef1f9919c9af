package hyphen

import (
	"embed"
	"fmt"
	"maps"
	"strings"
	"sync"

	"github.com/brochure-dev/brochure/internal/lang"
)

// compiledFiles holds the pattern files of patterns/, compiled (see
// compiled.go): file.tex as file.bin.
//
//go:embed compiled/*.bin
var compiledFiles embed.FS

// patternSet is a parsed language, shared by every Hyphenator of it.
type patternSet struct {
	trie       *trie
	exceptions map[string][]uint8
}

// language is a pattern file and an optional file of further exceptions,
// decoded once, on first use.
type language struct {
	file       string // under patterns/
	exceptions string // under patterns/, or ""
	once       sync.Once
	set        *patternSet
	err        error
}

var (
	languagesMu sync.Mutex
	languages   = map[string]*language{} // by file and exceptions file
)

// languageOf returns the language of a pattern file and an exceptions
// file ("" for none), made on first use.
func languageOf(file, exceptions string) *language {
	languagesMu.Lock()
	defer languagesMu.Unlock()
	key := file + "\x00" + exceptions
	l := languages[key]
	if l == nil {
		l = &language{file: file, exceptions: exceptions}
		languages[key] = l
	}
	return l
}

// load returns the language's patterns, parsing them on the first call.
func (l *language) load() (*patternSet, error) {
	l.once.Do(func() { l.set, l.err = loadPatterns(l.file, l.exceptions) })
	return l.set, l.err
}

// loadPatterns reads a compiled pattern file and, unless exceptions is
// "", a compiled file of further \hyphenation words, which take
// precedence over the pattern file's own, as in TeX when the second file
// is read after the first.
func loadPatterns(file, exceptions string) (*patternSet, error) {
	t, exc, err := readCompiled(file)
	if err != nil {
		return nil, err
	}
	if t == nil {
		return nil, fmt.Errorf("hyphen: no \\patterns in %s", file)
	}
	if exceptions != "" {
		_, more, err := readCompiled(exceptions)
		if err != nil {
			return nil, err
		}
		maps.Copy(exc, more)
	}
	return &patternSet{trie: t, exceptions: exc}, nil
}

// readCompiled reads and decodes the compiled form of a file of patterns/.
func readCompiled(file string) (*trie, map[string][]uint8, error) {
	data, err := compiledFiles.ReadFile("compiled/" + strings.TrimSuffix(file, ".tex") + ".bin")
	if err != nil {
		return nil, nil, fmt.Errorf("hyphen: %w", err)
	}
	t, exc, err := decodeCompiled(data)
	if err != nil {
		return nil, nil, fmt.Errorf("hyphen: %s: %w", file, err)
	}
	return t, exc, nil
}

// Hyphenator hyphenates words of one language. Safe for concurrent use:
// its patterns are read-only, and its fields must only be set before it is
// shared. Get one from For (the zero value is not usable); each call of
// For returns a new Hyphenator, so setting LeftMin or RightMin on one does
// not affect others.
type Hyphenator struct {
	// LeftMin is the fewest runes kept before a hyphen, counted in each
	// hyphen- or apostrophe-separated part of a word (values below 1 act
	// as 1).
	LeftMin int
	// RightMin is the fewest runes carried after a hyphen, counted the
	// same way.
	RightMin int

	// capitalised hyphenates words with an initial capital and no other
	// one (German nouns).
	capitalised bool
	// compoundParts hyphenates the parts of a compound written with a
	// hyphen; without it, such a compound breaks only at its hyphen.
	compoundParts bool

	tag   string
	lang  *language
	set   *patternSet
	never map[string]struct{}
}

// For returns a new Hyphenator for a language tag, as internal/lang
// matches it, with its pattern file and minimum fragments: "en" and
// "en-GB" (and other en-* regions) use the British patterns, "en-US" the
// American ones, "fr" and "fr-*" the French ones, "de" and "de-*" the
// German (1996) ones. Patterns are decoded once per file, on the first
// call. A language without an entry is an error naming what it lacks.
func For(code string) (*Hyphenator, error) {
	ll, err := lang.Match(code)
	if err != nil {
		return nil, fmt.Errorf("hyphen: %w", err)
	}
	hy := ll.Hyphenation
	l := languageOf(hy.Patterns, hy.Exceptions)
	set, err := l.load()
	if err != nil {
		return nil, err
	}
	return &Hyphenator{LeftMin: hy.LeftMin, RightMin: hy.RightMin, capitalised: hy.Capitalised, compoundParts: hy.CompoundParts, tag: ll.Code(), lang: l, set: set}, nil
}

// Lang returns the tag of the internal/lang entry whose patterns are in
// use: "en", "en-US", "fr", "de", "de-CH"...
func (h *Hyphenator) Lang() string { return h.tag }

// With returns a copy of h that never hyphenates the given words, compared
// case-insensitively with a whole token, a hyphen-separated part of it or
// an apostrophe-separated part ("kubectl", "d’Artagnan"); ' and ’ match
// each other. The copy shares h's patterns, so it is cheap to make per role
// or per layout; h itself is unchanged.
func (h *Hyphenator) With(never []string) *Hyphenator {
	c := *h
	c.never = make(map[string]struct{}, len(h.never)+len(never))
	maps.Copy(c.never, h.never)
	for _, w := range never {
		core, _ := trimToken(strings.ToLower(w))
		if core == "" {
			continue
		}
		c.never[core] = struct{}{}
		if strings.ContainsAny(core, "'’ʼ") {
			c.never[strings.NewReplacer("’", "'", "ʼ", "'").Replace(core)] = struct{}{}
			c.never[strings.NewReplacer("'", "’", "ʼ", "’").Replace(core)] = struct{}{}
		}
	}
	return &c
}

// Hyphenate returns word with "-" inserted at every point that Points
// returns, e.g. "in-fra-struc-ture" or "d’in-fra-struc-ture"; it is meant
// for tests and reports.
func (h *Hyphenator) Hyphenate(word string) string {
	var buf [32]int
	pts := h.AppendPoints(buf[:0], word)
	if len(pts) == 0 {
		return word
	}
	var b strings.Builder
	b.Grow(len(word) + len(pts))
	last := 0
	for _, p := range pts {
		b.WriteString(word[last:p])
		b.WriteByte('-')
		last = p
	}
	b.WriteString(word[last:])
	return b.String()
}
