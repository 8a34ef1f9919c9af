// Package locale formats numbers, money and spans of years the way each
// supported language writes them (CLDR conventions, French typography as
// the Imprimerie nationale sets it).
package locale

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// No-break spaces used by French typography.
const (
	NBSP  = "\u00a0" // before ":" and units, between number and currency
	NNBSP = "\u202f" // before ";", "!", "?", inside « », thousands
)

// Locale formats figures for one language.
type Locale struct {
	// Lang is the language code, like "en" or "fr".
	Lang string
	// Name is the language's name in itself: "English", "Français".
	Name string
	// Notes heads a booklet's pages left for the reader's notes.
	Notes string
	// Words of a personal edition: "Prepared for" the client, "for the
	// attention of" a contact, "Prepared by" a salesperson.
	PreparedFor, Attention, PreparedBy string
	months                             [12]string
	// decimal is the decimal separator; group separates thousands.
	decimal, group string
	// moneyK writes an amount in thousands or millions, the figure
	// already formatted and the unit "K" or "M": "€45K" or "45 k€".
	moneyK func(v, unit, symbol string) string
	// rangeK joins two amounts already formatted without symbol.
	rangeK func(min, minUnit, max, maxUnit, symbol string, open bool) string
	// years formats a span of years of experience; max < 0 is open-ended.
	years func(min, max int) string
}

var locales = map[string]*Locale{
	"en": {
		Lang:        "en",
		Name:        "English",
		Notes:       "Notes",
		months:      [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		PreparedFor: "Prepared for", Attention: "for the attention of", PreparedBy: "Prepared by",
		decimal: ".",
		group:   ",",
		moneyK:  func(v, unit, sym string) string { return sym + v + unit },
		rangeK: func(min, minUnit, max, maxUnit, sym string, open bool) string {
			s := sym + min + minUnit + "–" + sym + max + maxUnit
			if open {
				s += "+"
			}
			return s
		},
		years: func(min, max int) string {
			switch {
			case max < 0:
				return fmt.Sprintf("%d+ years", min)
			case max == 1 && min == 0:
				return "0–1 year"
			}
			return fmt.Sprintf("%d–%d years", min, max)
		},
	},
	"fr": {
		Lang:        "fr",
		Name:        "Français",
		Notes:       "Notes",
		months:      [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		PreparedFor: "Préparé pour", Attention: "à l’attention de", PreparedBy: "Préparé par",
		decimal: ",",
		group:   NNBSP,
		moneyK:  func(v, unit, sym string) string { return v + NBSP + frUnit(unit) + sym },
		rangeK: func(min, minUnit, max, maxUnit, sym string, open bool) string {
			s := min + "–" + max + NBSP + frUnit(maxUnit) + sym
			if minUnit != maxUnit {
				s = min + NBSP + frUnit(minUnit) + sym + "–" + max + NBSP + frUnit(maxUnit) + sym
			}
			if open {
				s += " et plus"
			}
			return s
		},
		years: func(min, max int) string {
			if max < 0 {
				return fmt.Sprintf("%d%sans et plus", min, NBSP)
			}
			unit := "ans"
			if max <= 1 {
				unit = "an"
			}
			return fmt.Sprintf("%d–%d%s%s", min, max, NBSP, unit)
		},
	},
}

var symbols = map[string]string{"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF", "CAD": "CA$"}

// For returns the locale of a language code ("fr-CA" falls back to "fr").
func For(lang string) (*Locale, error) {
	if l, ok := locales[lang]; ok {
		return l, nil
	}
	if base, _, ok := strings.Cut(lang, "-"); ok {
		if l, ok := locales[base]; ok {
			return l, nil
		}
	}
	return nil, fmt.Errorf("language %q: no number formats for it (supported: %s)", lang, strings.Join(Supported(), ", "))
}

// Supported lists the language codes with number formats, sorted.
func Supported() []string {
	var s []string
	for k := range locales {
		s = append(s, k)
	}
	sort.Strings(s)
	return s
}

// frUnit is the French abbreviation: "k" for thousands, "M" for millions.
func frUnit(unit string) string {
	if unit == "K" {
		return "k"
	}
	return unit
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
	return strings.Replace(s, ".", l.decimal, 1), unit
}

// MoneyK formats an amount in thousands, or millions from a million on:
// "€45K", "€1.5M", "45 k€", "1,5 M€".
func (l *Locale) MoneyK(v int, currency string) string {
	n, unit := l.short(v)
	return l.moneyK(n, unit, symbols[currency])
}

// MoneyRangeK formats a pay span in thousands (or millions): "€45K–€55K"
// or "45–55 k€"; open adds "+" for a top that is exceeded.
func (l *Locale) MoneyRangeK(min, max int, currency string, open bool) string {
	a, au := l.short(min)
	b, bu := l.short(max)
	return l.rangeK(a, au, b, bu, symbols[currency], open)
}

// Money formats an amount in full, its thousands grouped: "€3,500",
// "3 500 €" (U+202F between the thousands, U+00A0 before the symbol).
func (l *Locale) Money(v int, currency string) string {
	return l.moneyK(l.grouped(v), "", symbols[currency])
}

// MoneyRange formats a pay span in full: "€3,500–€4,200" or
// "3 500–4 200 €"; open adds "+" ("et plus") for a top that is exceeded.
func (l *Locale) MoneyRange(min, max int, currency string, open bool) string {
	return l.rangeK(l.grouped(min), "", l.grouped(max), "", symbols[currency], open)
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
			b.WriteString(l.group)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Years formats a span of years of experience: "3–6 years", "7+ years",
// "7 ans et plus". A nil max is open-ended.
func (l *Locale) Years(min int, max *int) string {
	if max == nil {
		return l.years(min, -1)
	}
	return l.years(min, *max)
}

// Date writes a date out: "4 December 2026", "4 décembre 2026" (French
// writes the first of the month "1er").
func (l *Locale) Date(t time.Time) string {
	day := strconv.Itoa(t.Day())
	if l.Lang == "fr" && t.Day() == 1 {
		day = "1er"
	}
	return day + NBSP + l.months[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// PageOf formats a folio: "1 / 2".
func (l *Locale) PageOf(n, total int) string {
	return fmt.Sprintf("%d%s/%s%d", n, NNBSP, NNBSP, total)
}
