package lang

import "golang.org/x/text/language"

// The no-break spaces.
const (
	nbsp  = "\u00a0"
	nnbsp = "\u202f"
)

// table registers the languages. A regional entry exists only where the
// region differs from its base; the reasons are given beside it.
func table() {
	register(&Language{
		Tag: language.English, Name: "English",
		Notes: "Notes", PreparedFor: "Prepared for", Attention: "for the attention of", PreparedBy: "Prepared by", Imposed: "Booklet imposed for office printing: print both sides, flipping on the short edge, and fold the stack in the middle.",
		Months:  [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		Decimal: ".", Group: ",",
		Money: "prefix", Thousands: "K", Million: "M", More: "+",
		YearOne: "year", YearMany: "years", YearsSpan: "%d–%d %s", YearsOpen: "%d+ years",
		Date:   "%s" + nbsp + "%s %s",
		Quotes: Quotes{Open: "“", Close: "”", Openers: "“", Closers: "”"},
		// British spelling, as in our brochures, for "en" and every
		// region but the United States.
		Hyphenation: Hyphenation{Patterns: "hyph-en-gb.tex", LeftMin: 2, RightMin: 3},
	})
	region("en", "en-US", func(l *Language) {
		// Knuth's patterns miss or misplace breaks in many words that
		// Webster's divides; TUGboat's hyphenation exception log lists
		// them (ushyphex.tex, which US TeX users \input).
		l.Hyphenation.Patterns = "hyph-en-us.tex"
		l.Hyphenation.Exceptions = "ushyphex.tex"
	})
	region("en", "en-GB", func(l *Language) {
		// British job ads write "£45k–£55k".
		l.Thousands = "k"
	})
	register(&Language{
		Tag: language.French, Name: "Français",
		Notes: "Notes", PreparedFor: "Préparé pour", Attention: "à l’attention de", PreparedBy: "Préparé par", Imposed: "Livret imposé pour une imprimante de bureau\u00a0: imprimer en recto verso, retournement sur le bord court, puis plier la liasse en son milieu.",
		Months: [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		// Thousands with U+202F, as the Imprimerie nationale and CLDR
		// since version 34 write them (golang.org/x/text still has
		// U+00A0).
		Decimal: ",", Group: nnbsp,
		Money: "suffix", Thousands: "k", Million: "M", More: " et plus",
		YearOne: "an", YearMany: "ans", YearsSpan: "%d–%d" + nbsp + "%s", YearsOpen: "%d" + nbsp + "ans et plus",
		Date: "%s" + nbsp + "%s %s", FirstDay: "1er",
		Quotes:  Quotes{Open: "«", Close: "»", Openers: "“«", Closers: "”»", Inner: true},
		Spacing: French,
		// The file asks for 2/2; 2/3 avoids lines starting with a
		// two-letter fragment such as "té".
		Hyphenation: Hyphenation{Patterns: "hyph-fr.tex", LeftMin: 2, RightMin: 3},
	})
	region("fr", "fr-CA", func(l *Language) {
		// Quebec job ads write pay in full, the symbol after a space,
		// as the OQLF recommends: "45 000–55 000 $", not "45–55 k$".
		l.Money = "full"
		l.Group = nnbsp // as in France (CLDR's fr-CA has U+00A0)
	})
	register(&Language{
		Tag: language.German, Name: "Deutsch",
		Notes: "Notizen", PreparedFor: "Erstellt für", Attention: "zu Händen", PreparedBy: "Erstellt von", Imposed: "Für den Bürodrucker ausgeschossene Broschüre: beidseitig drucken, an der kurzen Kante wenden, den Stapel in der Mitte falzen.",
		Months: [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
		// "45–55 k€", as German job ads write pay: CLDR's compact
		// German has no form for thousands, and full amounts do not
		// fit a pay table's column.
		Decimal: ",", Group: ".",
		Money: "suffix", Thousands: "k", Million: "Mio." + nbsp, More: " und" + nbsp + "mehr",
		// "7+ Jahre", as German job ads write it.
		YearOne: "Jahr", YearMany: "Jahre", YearsSpan: "%d–%d" + nbsp + "%s", YearsOpen: "%d+ Jahre",
		Date: "%s." + nbsp + "%s %s",
		// Duden: „…“ (low-9 opening, high-6 closing); no space before
		// punctuation.
		Quotes: Quotes{Open: "„", Close: "“"},
		// The 1996 (reformed) patterns; the file asks for 2/2, 2/3 as
		// for the others. Nouns are capitalised and hyphenate.
		Hyphenation: Hyphenation{Patterns: "hyph-de-1996.tex", LeftMin: 2, RightMin: 3, Capitalised: true, CompoundParts: true},
	})
	region("de", "de-AT", func(l *Language) {
		// "Jänner" is Austrian for January; CLDR groups thousands with
		// a no-break space.
		l.Months[0] = "Jänner"
		l.Group = nbsp
	})
	region("de", "de-CH", func(l *Language) {
		// Swiss German: guillemets without spaces (Schweizer
		// Orthographische Konferenz), thousands with ’ and a decimal
		// point (CLDR).
		l.Quotes = Quotes{Open: "«", Close: "»", Openers: "«", Closers: "»"}
		l.Decimal, l.Group = ".", "’"
	})
	register(&Language{
		Tag: language.Spanish, Name: "Español",
		Notes: "Notas", PreparedFor: "Preparado para", Attention: "a la atención de", PreparedBy: "Preparado por", Imposed: "Folleto imposado para impresora de oficina: imprimir a doble cara, volteando por el borde corto, y doblar el montón por la mitad.",
		Months:  [12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
		Decimal: ",", Group: ".",
		Money: "suffix", Thousands: "k", Million: "M", More: " o" + nbsp + "más",
		YearOne: "año", YearMany: "años", YearsSpan: "%d–%d" + nbsp + "%s", YearsOpen: "%d+" + nbsp + "años",
		Date: "%s de %s de %s",
		// RAE: comillas angulares « » first, without spaces; ¿ and ¡
		// are the author's to type (where a question starts is not
		// ours to guess).
		Quotes:      Quotes{Open: "«", Close: "»", Openers: "«", Closers: "»"},
		Hyphenation: Hyphenation{Patterns: "hyph-es.tex", LeftMin: 2, RightMin: 3},
	})
	register(&Language{
		Tag: language.Italian, Name: "Italiano",
		Notes: "Note", PreparedFor: "Preparato per", Attention: "alla cortese attenzione di", PreparedBy: "Preparato da", Imposed: "Libretto imposto per la stampante d’ufficio: stampare fronte e retro, capovolgendo sul lato corto, e piegare la pila a metà.",
		Months: [12]string{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
		// "Mln", CLDR's Italian abbreviation of millions.
		Decimal: ",", Group: ".",
		Money: "suffix", Thousands: "k", Million: "Mln" + nbsp, More: " e" + nbsp + "oltre",
		YearOne: "anno", YearMany: "anni", YearsSpan: "%d–%d" + nbsp + "%s", YearsOpen: "%d+" + nbsp + "anni",
		Date: "%s" + nbsp + "%s %s",
		// Caporali « » without spaces; apostrophes of elision
		// (dell’infrastruttura) hyphenate after the apostrophe.
		Quotes:      Quotes{Open: "«", Close: "»", Openers: "«", Closers: "»"},
		Hyphenation: Hyphenation{Patterns: "hyph-it.tex", LeftMin: 2, RightMin: 3},
	})
	register(&Language{
		Tag: language.Dutch, Name: "Nederlands",
		Notes: "Notities", PreparedFor: "Opgesteld voor", Attention: "ter attentie van", PreparedBy: "Opgesteld door", Imposed: "Boekje ingeschoten voor de kantoorprinter: dubbelzijdig afdrukken, kantelen over de korte zijde, en de stapel in het midden vouwen.",
		Months: [12]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
		// "mln.", CLDR's Dutch abbreviation of millions; "€ 45K" is
		// also seen, but "45–55 k€" reads as the rest of Europe.
		Decimal: ",", Group: ".",
		Money: "suffix", Thousands: "k", Million: "mln." + nbsp, More: " en" + nbsp + "meer",
		YearOne: "jaar", YearMany: "jaar", YearsSpan: "%d–%d" + nbsp + "%s", YearsOpen: "%d+" + nbsp + "jaar",
		Date: "%s" + nbsp + "%s %s",
		// CLDR: “ ”, and ‘ ’ inside; ’ in auto’s.
		Quotes:      Quotes{Open: "“", Close: "”", Openers: "“", Closers: "”"},
		Hyphenation: Hyphenation{Patterns: "hyph-nl.tex", LeftMin: 2, RightMin: 3},
	})
	register(&Language{
		Tag: language.Portuguese, Name: "Português",
		Notes: "Notas", PreparedFor: "Preparado para", Attention: "aos cuidados de", PreparedBy: "Preparado por", Imposed: "Livreto imposto para impressora de escritório: imprimir frente e verso, virando pelo lado curto, e dobrar o maço ao meio.",
		Months: [12]string{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"},
		// "mi", CLDR's Brazilian abbreviation of millions.
		Decimal: ",", Group: ".",
		Money: "suffix", Thousands: "k", Million: "mi" + nbsp, More: " ou" + nbsp + "mais",
		YearOne: "ano", YearMany: "anos", YearsSpan: "%d–%d" + nbsp + "%s", YearsOpen: "%d+" + nbsp + "anos",
		Date: "%s de %s de %s",
		// Brazil (CLDR's "pt"): “ ”.
		Quotes:      Quotes{Open: "“", Close: "”", Openers: "“", Closers: "”"},
		Hyphenation: Hyphenation{Patterns: "hyph-pt.tex", LeftMin: 2, RightMin: 3},
	})
	region("pt", "pt-PT", func(l *Language) {
		// Portugal: « » (CLDR), "M" for millions, thousands with a
		// no-break space.
		l.Quotes = Quotes{Open: "«", Close: "»", Openers: "«", Closers: "»"}
		l.Million = "M"
		l.Group = nbsp
	})
}
