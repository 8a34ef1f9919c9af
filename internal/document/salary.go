package document

import (
	"math"
	"sort"

	"github.com/brochure-dev/brochure/internal/content"
	"github.com/brochure-dev/brochure/internal/locale"
)

// moneyFormats returns how a role's figures are written: yearly pay in
// thousands ("€45K", "45 k€"), monthly pay in full ("£3,500", "3 500 €").
func moneyFormats(loc *locale.Locale, pay content.Salary) (one func(int, string) string, span func(int, int, string, bool) string) {
	if pay.Period == "month" {
		return loc.Money, loc.MoneyRange
	}
	return loc.MoneyK, loc.MoneyRangeK
}

// salary formats the pay levels and chooses the chart's scale.
func salary(s *content.Section, pay content.Salary, loc *locale.Locale) *Salary {
	money, moneyRange := moneyFormats(loc, pay)
	out := &Salary{}
	copy(out.Columns[:], s.Columns)
	lo, hi := pay.Levels[0].Min, pay.Levels[0].Max
	for _, l := range pay.Levels {
		out.Rows = append(out.Rows, SalaryRow{
			Label: s.Levels[l.ID],
			Years: loc.Years(l.YearsMin, l.YearsMax),
			Pay:   moneyRange(l.Min, l.Max, pay.Currency, l.MaxOpen),
			Min:   l.Min, Max: l.Max, Open: l.MaxOpen,
		})
		lo, hi = min(lo, l.Min), max(hi, l.Max)
	}
	// Labels show a tenth of a thousand, or a hundredth of a million.
	least := 100
	if hi >= 1_000_000 {
		least = 10_000
	}
	step := tickStep(hi-lo, least)
	out.ScaleMin = lo / step * step
	out.ScaleMax = (hi + step - 1) / step * step
	if pay.Levels[len(pay.Levels)-1].MaxOpen && out.ScaleMax == hi {
		out.ScaleMax += step // room for the arrow of an open top
	}
	if out.ScaleMax == out.ScaleMin { // every level the same single figure
		out.ScaleMax += step
	}
	for v := out.ScaleMin; v <= out.ScaleMax; v += step {
		out.Ticks = append(out.Ticks, Tick{Value: v, Label: money(v, pay.Currency)})
	}
	return out
}

// tickStep picks a round step (1, 2, 2.5 or 5 times a power of ten, at
// least least and never 2.5 times it, which the labels cannot show)
// giving at most five intervals plus the rounding at both ends, whatever
// the span: the loop runs once per power of ten, not once per step.
func tickStep(span, least int) int {
	for p := least; p <= math.MaxInt/10; p *= 10 {
		for _, m := range [...]int{10, 20, 25, 50} {
			s := p * m / 10
			if m == 25 && p == least {
				continue
			}
			if span/s <= 4 {
				return s
			}
		}
	}
	return math.MaxInt / 10
}

// salarySpan is the whole pay span: lowest minimum to highest maximum.
func salarySpan(loc *locale.Locale, pay content.Salary) string {
	if len(pay.Levels) == 0 {
		return ""
	}
	lo, hi, open := pay.Levels[0].Min, 0, false
	for _, l := range pay.Levels {
		lo = min(lo, l.Min)
		if l.Max >= hi {
			hi, open = l.Max, l.MaxOpen
		}
	}
	_, moneyRange := moneyFormats(loc, pay)
	return moneyRange(lo, hi, pay.Currency, open)
}

func sortStrings(s []string) { sort.Strings(s) }
