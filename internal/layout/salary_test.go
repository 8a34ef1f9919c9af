package layout

import (
	"strings"
	"testing"
)

// TestChartFigures lays out salary charts for spans from a monthly pay
// to tens of millions in every format: the frame check fails any layout
// whose tick labels or table figures overlap.
func TestChartFigures(t *testing.T) {
	for _, tt := range []struct {
		name   string
		period string
		levels [3][2]int
	}{
		{"thousands to millions", "year", [3][2]int{{1_000, 1_000_000}, {1_000_000, 2_000_000}, {2_000_000, 2_500_000}}},
		{"nine to twenty-five million", "year", [3][2]int{{9_000_000, 12_000_000}, {12_000_000, 18_000_000}, {18_000_000, 25_000_000}}},
		{"the whole plausible range", "year", [3][2]int{{1_000, 2_000}, {2_000, 50_000_000}, {50_000_000, 100_000_000}}},
		{"a monthly pay", "month", [3][2]int{{2_100, 2_300}, {2_300, 2_450}, {2_450, 2_600}}},
		{"one figure", "year", [3][2]int{{50_000, 50_000}, {50_000, 50_000}, {50_000, 50_000}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := sre(t)
			r.Facts.Salary.Period = tt.period
			for i, l := range tt.levels {
				r.Facts.Salary.Levels[i].Min, r.Facts.Salary.Levels[i].Max = l[0], l[1]
			}
			for _, name := range []string{"a4", "letter", "trifold", "a5-booklet"} {
				for _, lang := range []string{"en", "fr"} {
					if _, err := layWith(t, r, lang, name); err != nil {
						t.Errorf("%s %s: %v", name, lang, err)
					}
				}
			}
		})
	}
}

// TestMonthlyTable: monthly pay, written in full, is wider than yearly
// pay in thousands; the experience column keeps room for its heading and
// entries (no word broken between letters), and the pay wraps instead.
func TestMonthlyTable(t *testing.T) {
	r := sre(t)
	r.Facts.Salary.Period = "month"
	for i, l := range [3][2]int{{2_100, 2_300}, {2_300, 2_450}, {2_450, 2_600}} {
		r.Facts.Salary.Levels[i].Min, r.Facts.Salary.Levels[i].Max = l[0], l[1]
	}
	for _, name := range []string{"a4", "letter", "trifold", "a5-booklet"} {
		for _, lang := range []string{"en", "fr"} {
			_, rep, err := layReport(t, r, lang, name)
			if err != nil {
				t.Fatalf("%s %s: %v", name, lang, err)
			}
			for _, w := range rep.Warnings {
				if strings.Contains(w, "between letters") {
					t.Errorf("%s %s: %s", name, lang, w)
				}
			}
		}
	}
}
