// Package locale formats numbers, money and spans of years the way each
// language writes them. What a language is (its words, its separators
// from CLDR, its money style) is in internal/lang; this package turns it
// into figures. The compact money styles are ours, since CLDR has no
// recruiting forms (its compact German has no form for thousands, and
// full amounts, "70.000–100.000 €", do not fit a pay table's column):
// "€45K" in English, "45 k€" in the other languages, as job ads write
// it, and from a million on "€1.5M", "1,5 M€", "1,5 Mio. €" (CLDR's
// abbreviation in each language). Decimal separators and currency
// symbols are CLDR's; the words ("years", "Jahre", "et plus") are
// internal/lang's. The symbols are written out in symbols.go (go
// generate writes it from golang.org/x/text) for the currencies content
// may name.
package locale

//go:generate go run ./internal/gensymbols

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/brochure-dev/brochure/internal/lang"
)

// No-break spaces used by French typography.
const (
	NBSP  = "\u00a0" // before ":" and units, between number and currency
	NNBSP = "\u202f" // before ";", "!", "?", inside « », thousands
)

// Locale formats figures for one language.
type Locale struct {
	// Lang is the language code asked for, like "en" or "fr-CA".
	Lang string
	// Name is the language's name in itself: "English", "Français".
	Name string
	// Notes heads a booklet's pages left for the reader's notes.
	Notes string
	// Words of a personal edition: "Prepared for" the client, "for the
	// attention of" a contact, "Prepared by" a salesperson.
	PreparedFor, Attention, PreparedBy string

	lang *lang.Language
	// symbols is the tag currency symbols are looked up by: the
	// language and region, "fr-CA", or "fr" for a tag without a region.
	symbols string
}

// For returns the locale of a language tag, matched by lang.Match
// ("fr-CA" takes French's words and CLDR's Canadian currency symbols).
func For(code string) (*Locale, error) {
	l, err := lang.Match(code)
	if err != nil {
		return nil, err
	}
	tag, _ := language.Parse(code) // it parses: Match took it
	base, _ := tag.Base()
	symbols := base.String()
	if r, conf := tag.Region(); conf == language.Exact {
		symbols += "-" + r.String()
	}
	return &Locale{
		Lang: code, Name: l.Name, Notes: l.Notes,
		PreparedFor: l.PreparedFor, Attention: l.Attention, PreparedBy: l.PreparedBy,
		lang: l, symbols: symbols,
	}, nil
}

// Supported lists the language tags with an entry, sorted.
func Supported() []string { return lang.Supported() }

// symbol returns the currency's symbol as CLDR writes it in the locale's
// language and region: "€", "$" in fr-CA, "CA$" in English, "EUR" in
// de-CH; the code itself for a currency content may not name.
func (l *Locale) symbol(code string) string {
	if s, ok := lookSymbol(l.symbols + " " + code); ok {
		return s
	}
	if i := strings.IndexByte(l.symbols, '-'); i > 0 {
		if s, ok := lookSymbol(l.symbols[:i] + " " + code); ok {
			return s
		}
	}
	return code
}

// lookSymbol finds key ("fr-CA CAD") in symbols.
func lookSymbol(key string) (string, bool) {
	i, ok := slices.BinarySearchFunc(symbols[:], key, func(e struct{ key, symbol string }, key string) int {
		return strings.Compare(e.key, key)
	})
	if !ok {
		return "", false
	}
	return symbols[i].symbol, true
}

// short writes v in thousands with at most one decimal, 45000 → "45" and
// 52500 → "52.5" (English) or "52,5" (French), or from a million on in
// millions with at most two, 1250000 → "1.25", and gives the unit, "K"
// or "M".
func (l *Locale) short(v int) (string, string) {
	div, prec, unit := 1000.0, 1, "K"
	if v >= 1_000_000 {
		div, prec, unit = 1e6, 2, "M"
	}
	s := strconv.FormatFloat(float64(v)/div, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
	}
	return strings.Replace(s, ".", l.lang.Decimal, 1), unit
}

// abbr is the language's abbreviation of a unit, "K" or "M": "K" in
// English, "k" in British English and the other languages; "M",
// "Mio. " in German.
func (l *Locale) abbr(unit string) string {
	if unit == "K" {
		return l.lang.Thousands
	}
	return l.lang.Million
}

// unit is how an amount's unit is written after it, with the symbol:
// "k€" and "M€" in French, "k€" and "Mio. €" in German.
func (l *Locale) unit(unit, sym string) string { return l.abbr(unit) + sym }

// MoneyK formats an amount in thousands, or millions from a million on:
// "€45K", "€1.5M", "45 k€", "1,5 M€", "1,5 Mio. €"; in full where the
// language writes pay so ("45 000 $" in fr-CA).
func (l *Locale) MoneyK(v int, currency string) string {
	if l.lang.Money == "full" {
		return l.Money(v, currency)
	}
	n, unit := l.short(v)
	sym := l.symbol(currency)
	if l.lang.Money == "prefix" {
		return sym + n + l.abbr(unit)
	}
	return n + NBSP + l.unit(unit, sym)
}

// MoneyRangeK formats a pay span in thousands (or millions): "€45K–€55K",
// "45–55 k€"; open adds "+" for a top that is
// exceeded ("et plus", "und mehr").
func (l *Locale) MoneyRangeK(min, max int, currency string, open bool) string {
	if l.lang.Money == "full" {
		return l.MoneyRange(min, max, currency, open)
	}
	a, au := l.short(min)
	b, bu := l.short(max)
	sym := l.symbol(currency)
	if l.lang.Money == "prefix" {
		s := sym + a + l.abbr(au) + "–" + sym + b + l.abbr(bu)
		if open {
			s += l.lang.More
		}
		return s
	}
	s := a + "–" + b + NBSP + l.unit(bu, sym)
	if au != bu {
		s = a + NBSP + l.unit(au, sym) + "–" + b + NBSP + l.unit(bu, sym)
	}
	if open {
		s += l.lang.More
	}
	return s
}

// Money formats an amount in full, its thousands grouped as the
// language groups them: "€3,500", "3 500 €" (U+202F between the
// thousands in French, U+00A0 before the symbol). Monthly pay is written
// so.
func (l *Locale) Money(v int, currency string) string {
	sym := l.symbol(currency)
	if l.lang.Money == "prefix" {
		return sym + l.grouped(v)
	}
	return l.grouped(v) + NBSP + sym
}

// MoneyRange formats a pay span in full: "€3,500–€4,200", "3 500–4 200 €";
// open adds "+" ("et plus", "und mehr") for a top that is exceeded.
func (l *Locale) MoneyRange(min, max int, currency string, open bool) string {
	sym := l.symbol(currency)
	s := l.grouped(min) + "–" + l.grouped(max) + NBSP + sym
	if l.lang.Money == "prefix" {
		s = sym + l.grouped(min) + "–" + sym + l.grouped(max)
	}
	if open {
		s += l.lang.More
	}
	return s
}

// grouped writes v with its thousands separated: 1234567 → "1,234,567".
func (l *Locale) grouped(v int) string {
	s := strconv.Itoa(v)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(l.lang.Group)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Years formats a span of years of experience: "3–6 years", "7+ years",
// "7 ans et plus", "3–6 Jahre". A nil max is open-ended.
func (l *Locale) Years(min int, max *int) string {
	if max == nil {
		return fmt.Sprintf(l.lang.YearsOpen, min)
	}
	unit := l.lang.YearMany
	if *max <= 1 {
		unit = l.lang.YearOne
	}
	return fmt.Sprintf(l.lang.YearsSpan, min, *max, unit)
}

// Date writes a date out: "4 December 2026", "4 décembre 2026" (French
// writes the first of the month "1er"), "4. Dezember 2026".
func (l *Locale) Date(t time.Time) string {
	day := strconv.Itoa(t.Day())
	if t.Day() == 1 && l.lang.FirstDay != "" {
		day = l.lang.FirstDay
	}
	return fmt.Sprintf(l.lang.Date, day, l.lang.Months[t.Month()-1], strconv.Itoa(t.Year()))
}

// PageOf formats a folio: "1 / 2".
func (l *Locale) PageOf(n, total int) string {
	return fmt.Sprintf("%d%s/%s%d", n, NNBSP, NNBSP, total)
}
