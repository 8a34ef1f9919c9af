// Package lang is the one place that knows the languages brochures are
// written in. For each BCP 47 tag it gives the language's name in itself,
// the words of the brochure's furniture, its number symbols (CLDR's,
// written out in table.go and checked against golang.org/x/text by the
// tests), its typographic conventions and its
// hyphenation patterns. The packages that format figures
// (internal/locale), set typography (internal/typography) and hyphenate
// (internal/hyphen) all find a language through Match, so that a tag means
// the same thing everywhere.
//
// Tags are matched with fallback along CLDR's parent chain: "fr-CH" has
// entries of its own where Swiss usage differs, "fr-BE" has none and is
// French; "en-US" has American patterns, "en-CA" falls back to "en". A
// language without an entry is an error that says what it lacks: a
// brochure in a language we cannot set correctly is refused, never set
// with another language's rules.
package lang

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"
)

// Quotes are a language's quotation marks, as straight quotes typed by an
// author become.
type Quotes struct {
	// Open and Close are the marks of a quotation: "„" and "“" in German.
	Open, Close string
	// Openers and Closers are curly marks an author may have typed that
	// are set as Open and Close ("“«" and "”»" in French).
	Openers, Closers string
	// Inner is the space inside the marks: U+202F in French, "" elsewhere.
	Inner bool
}

// Spacing is how a language spaces the marks ":" ";" "!" "?".
type Spacing int

const (
	// Tight: no space before ":" ";" "!" "?" (English, German).
	Tight Spacing = iota
	// French: U+00A0 before ":", U+202F before ";" "!" "?" (France,
	// Belgium, Canada by the OQLF's preference, Switzerland by
	// Groupe de Lausanne's guide for ":").
	French
)

// Hyphenation is how a language hyphenates.
type Hyphenation struct {
	// Patterns is the TeX pattern file under internal/hyphen/patterns.
	Patterns string
	// Exceptions, when set, is a TeX file of further \hyphenation words
	// under internal/hyphen/patterns, read after Patterns (TUGboat's
	// ushyphex.tex for American English).
	Exceptions string
	// LeftMin and RightMin are the fewest letters before and after a
	// hyphen.
	LeftMin, RightMin int
	// Capitalised allows words with an initial capital and no other one
	// ("Infrastrukturverantwortung"): German capitalises every noun.
	// Elsewhere a capital marks a name, which is never hyphenated.
	Capitalised bool
	// CompoundParts hyphenates the parts of a compound written with a
	// hyphen ("Cloud-In-fra-struk-tur"), as German does with its long
	// nouns. Elsewhere such a compound breaks only at its own hyphen:
	// "e-com-merce" reads badly in French and English.
	CompoundParts bool
}

// Language is what a brochure needs to know of one language.
type Language struct {
	// Tag is the entry's tag: "de-CH".
	Tag language.Tag
	// Name is the language's name in itself, for bookmarks: "Deutsch".
	Name string
	// Words of the furniture: a booklet's notes pages, a personal
	// edition's "Prepared for" the client, "for the attention of" a
	// contact, "Prepared by" a salesperson.
	Notes, PreparedFor, Attention, PreparedBy string
	// Imposed starts the description of a booklet imposed for an office
	// printer: how to print and fold it.
	Imposed string
	// Months are the month names, January first, as written in a date.
	Months [12]string
	// Decimal and Group are the decimal and thousands separators, as
	// CLDR gives them unless table.go says why not: "," and "." in
	// German, "." and "’" in Swiss German. They are written in the
	// table rather than read from golang.org/x/text's CLDR data, whose
	// formatting packages would be initialised at every start of the
	// command (0.6 ms); TestSeparatorsAreCLDRs compares them.
	Decimal, Group string
	// Money is the style of amounts in pay ranges: "prefix" ("€45K"),
	// "suffix" ("45 k€", as French and German recruiting prose write), or
	// "full" ("45 000–55 000 $", as Quebec writes them).
	Money string
	// Thousands abbreviates thousands: "K" ("€45K"), "k" ("£45k",
	// "45 k€").
	Thousands string
	// Million is written before the currency symbol of amounts from a
	// million on, in the suffix style: "M" ("1,5 M€"), "Mio. " in German
	// ("1,5 Mio. €", CLDR's abbreviation).
	Million string
	// More follows an open-ended pay range: "+" ("€70K–€100K+"),
	// " et plus", " und mehr".
	More string
	// Years of experience: YearOne and YearMany are the unit's singular
	// and plural; YearsSpan formats a span from its bounds and unit
	// ("%d–%d %s": "3–6 years"); YearsOpen an open-ended one from its
	// lower bound ("%d+ years", "%d ans et plus").
	YearOne, YearMany, YearsSpan, YearsOpen string
	// Date formats a date from its day, month name and year ("%s %s %s":
	// "4 December 2026"; "%s. %s %s" in German); FirstDay, when set,
	// is how the first of the month is written ("1er" in French).
	Date, FirstDay string
	// Quotes and Spacing are the typographic conventions.
	Quotes  Quotes
	Spacing Spacing
	// Hyphenation gives the patterns and minimum fragments.
	Hyphenation Hyphenation
}

// Code returns the entry's tag as a string: "de-CH".
func (l *Language) Code() string { return l.Tag.String() }

// entries holds every language, by tag string; regional entries are
// copies of their base with what differs changed (see table.go). It is
// filled when first needed, not at every start of the command.
var entries map[string]*Language

var loadEntries sync.Once

// all returns every language, filling the table on first use.
func all() map[string]*Language {
	loadEntries.Do(func() {
		entries = map[string]*Language{}
		table()
	})
	return entries
}

// Match returns the language of a BCP 47 tag: its own entry, or the
// nearest one along CLDR's parent chain ("fr-BE" → "fr", "en-CA" →
// "en-001" → "en"). A tag that does not parse, or a language with no
// entry, is an error naming what is missing.
func Match(tag string) (*Language, error) {
	t, err := language.Parse(tag)
	if err != nil {
		return nil, fmt.Errorf("language %q: not a BCP 47 tag like \"en\" or \"fr-CA\"", tag)
	}
	// "en-Latn-US" is "en-US": the script is the language's own.
	if r, conf := t.Region(); conf == language.Exact {
		b, _ := t.Base()
		if c, err := language.Compose(b, r); err == nil {
			t = c
		}
	}
	for ; ; t = t.Parent() {
		if l, ok := all()[t.String()]; ok {
			return l, nil
		}
		if t == language.Und {
			break
		}
	}
	return nil, fmt.Errorf("language %q cannot be typeset: no typographic rules, hyphenation patterns, number formats or words for it (languages: %s)",
		tag, strings.Join(Supported(), ", "))
}

// Supported lists the tags with an entry, sorted.
func Supported() []string {
	var s []string
	for k := range all() {
		s = append(s, k)
	}
	slices.Sort(s)
	return s
}

// register adds an entry.
func register(l *Language) { entries[l.Tag.String()] = l }

// region registers a copy of the entry base for tag, changed by edit.
func region(base, tag string, edit func(*Language)) {
	l := *entries[base]
	l.Tag = language.MustParse(tag)
	if edit != nil {
		edit(&l)
	}
	register(&l)
}
