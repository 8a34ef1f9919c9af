// Package edition holds what makes a brochure personal: the client
// company it is prepared for, the person there to attend to it, the
// salesperson who sends it, a short note and a date. A generic brochure
// has none of them.
package edition

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/brochure-dev/brochure/internal/team"
)

// Limits on the personal fields, in characters. A client's or a
// contact's name longer than these is a mistake (a pasted paragraph, a
// whole address); a longer note would not fit the call to action.
const (
	MaxClient  = 120
	MaxContact = 80
	MaxNote    = 300
)

// Personal is a personal edition's fields. Client is required; the
// others may be empty.
type Personal struct {
	// Client is the company the brochure is prepared for.
	Client string
	// Contact is the person at the client to whose attention it is.
	Contact string
	// By is the salesperson who sends it; nil: the brand's contact.
	By *team.Member
	// Note is a short personal message, in the edition's (first)
	// language.
	Note string
	// Date dates the edition; zero: the content's date.
	Date time.Time
}

// Field is a problem with one personal field, named as the user typed it
// ("client", "note"), so that the command line can say "--client" and a
// recipients file its column.
type Field struct {
	Name string
	Err  error
}

// Error gives "name: problem".
func (f *Field) Error() string { return f.Name + ": " + f.Err.Error() }

// Unwrap returns the problem.
func (f *Field) Unwrap() error { return f.Err }

// Normalize cleans a field's text as it is read: Unicode NFC (so "e" and
// a combining accent become "é"), runs of spaces to one, no spaces at
// either end. Newlines in a note become spaces (a CRM's multi-line
// field); in other fields they are refused by Check.
func Normalize(s string, paragraph bool) string {
	s = norm.NFC.String(s)
	if paragraph {
		s = strings.Map(func(r rune) rune {
			if r == '\n' || r == '\r' || r == '\t' {
				return ' '
			}
			return r
		}, s)
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' }), " ")
}

// Check returns every problem of the fields, each a *Field.
func (p *Personal) Check() error {
	var errs []error
	add := func(name string, err error) {
		if err != nil {
			errs = append(errs, &Field{Name: name, Err: err})
		}
	}
	if strings.TrimSpace(p.Client) == "" {
		add("client", errors.New("missing: a personal edition names the client it is prepared for"))
	} else {
		add("client", checkText(p.Client, MaxClient))
	}
	add("contact", checkText(p.Contact, MaxContact))
	add("note", checkText(p.Note, MaxNote))
	return errors.Join(errs...)
}

// checkText refuses text longer than max characters, and characters
// that have no place in a line of a brochure: control characters
// (tabs, newlines, escapes) and the invisible ones that reorder or hide
// text (bidirectional overrides and isolates, byte order marks).
func checkText(s string, max int) error {
	if !utf8.ValidString(s) {
		return errors.New("not valid UTF-8 text")
	}
	if n := utf8.RuneCountInString(s); n > max {
		return fmt.Errorf("%d characters, more than the %d it may have", n, max)
	}
	for i, r := range s {
		n := utf8.RuneCountInString(s[:i]) + 1
		if unicode.IsControl(r) || unicode.In(r, unicode.Bidi_Control) || r == '\ufeff' || unicode.Is(unicode.Co, r) {
			return fmt.Errorf("character %d is U+%04X, a control or invisible character: type the text without it", n, r)
		}
		for name, script := range unsupported {
			if unicode.Is(script, r) {
				return fmt.Errorf("character %d is %q (U+%04X), in %s script, which needs a right-to-left or shaped layout the typesetter does not do yet", n, r, r, name)
			}
		}
	}
	return nil
}

// unsupported are the scripts written right to left or whose letters
// join and reorder (shaping): set as plain left-to-right glyphs, they
// would be wrong, so they are refused.
var unsupported = map[string]*unicode.RangeTable{
	"the Arabic": unicode.Arabic, "the Hebrew": unicode.Hebrew, "the Syriac": unicode.Syriac, "the Thaana": unicode.Thaana,
	"the N'Ko": unicode.Nko, "the Devanagari": unicode.Devanagari, "the Bengali": unicode.Bengali, "the Gurmukhi": unicode.Gurmukhi,
	"the Gujarati": unicode.Gujarati, "the Oriya": unicode.Oriya, "the Tamil": unicode.Tamil, "the Telugu": unicode.Telugu,
	"the Kannada": unicode.Kannada, "the Malayalam": unicode.Malayalam, "the Sinhala": unicode.Sinhala, "the Thai": unicode.Thai,
	"the Lao": unicode.Lao, "the Tibetan": unicode.Tibetan, "the Myanmar": unicode.Myanmar, "the Khmer": unicode.Khmer,
}
