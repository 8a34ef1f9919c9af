package lang

import "golang.org/x/text/language"

// The no-break spaces.
const (
	nbsp  = "\u00a0"
	nnbsp = "\u202f"
)

// The languages. A regional entry exists only where the region differs
// from its base; the reasons are given beside it.
func init() {
	register(&Language{
		Tag: language.English, Name: "English",
		Notes: "Notes", PreparedFor: "Prepared for", Attention: "for the attention of", PreparedBy: "Prepared by",
		Months: [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		Money:  "prefix",
		Quotes: Quotes{Open: "“", Close: "”", Openers: "“", Closers: "”"},
		// British spelling, as in our brochures, for "en" and every
		// region but the United States.
		Hyphenation: Hyphenation{Patterns: "hyph-en-gb.tex", LeftMin: 2, RightMin: 3},
	})
	region("en", "en-US", func(l *Language) {
		l.Hyphenation.Patterns = "hyph-en-us.tex"
	})
	register(&Language{
		Tag: language.French, Name: "Français",
		Notes: "Notes", PreparedFor: "Préparé pour", Attention: "à l’attention de", PreparedBy: "Préparé par",
		Months: [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		// Thousands with U+202F, as the Imprimerie nationale and CLDR
		// since version 34 write them (golang.org/x/text still has
		// U+00A0).
		Group:   nnbsp,
		Money:   "suffix",
		Quotes:  Quotes{Open: "«", Close: "»", Openers: "“«", Closers: "”»", Inner: true},
		Spacing: French,
		// The file asks for 2/2; 2/3 avoids lines starting with a
		// two-letter fragment such as "té".
		Hyphenation: Hyphenation{Patterns: "hyph-fr.tex", LeftMin: 2, RightMin: 3},
	})
	register(&Language{
		Tag: language.German, Name: "Deutsch",
		Notes: "Notizen", PreparedFor: "Erstellt für", Attention: "zu Händen von", PreparedBy: "Erstellt von",
		Months: [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
		// "45–55 k€", as German job ads write pay: CLDR's compact
		// German has no form for thousands, and full amounts do not
		// fit a pay table's column.
		Money: "suffix",
		// Duden: „…“ (low-9 opening, high-6 closing); no space before
		// punctuation.
		Quotes: Quotes{Open: "„", Close: "“"},
		// The 1996 (reformed) patterns; the file asks for 2/2, 2/3 as
		// for the others. Nouns are capitalised and hyphenate.
		Hyphenation: Hyphenation{Patterns: "hyph-de-1996.tex", LeftMin: 2, RightMin: 3, Capitalised: true},
	})
	region("de", "de-AT", func(l *Language) {
		// "Jänner" is Austrian for January; CLDR groups with a space.
		l.Months[0] = "Jänner"
		l.Decimal, l.Group = cldrSeparators(l.Tag)
	})
	region("de", "de-CH", func(l *Language) {
		// Swiss German: guillemets without spaces (Schweizer
		// Orthographische Konferenz), thousands with ’ (CLDR).
		l.Quotes = Quotes{Open: "«", Close: "»", Openers: "«", Closers: "»"}
		l.Decimal, l.Group = cldrSeparators(l.Tag)
	})
}
