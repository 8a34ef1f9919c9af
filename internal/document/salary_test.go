package document

import (
	"math"
	"testing"

	"github.com/brochure-dev/brochure/internal/content"
	"github.com/brochure-dev/brochure/internal/locale"
)

// TestSalaryScale checks the chart's axis for spans from a few hundred a
// month to the largest int: a handful of round, distinct ticks covering
// every level, found at once.
func TestSalaryScale(t *testing.T) {
	loc, err := locale.For("en")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name     string
		min, max int
		open     bool
	}{
		{"the SRE span", 45000, 100000, true},
		{"monthly", 2100, 2600, false},
		{"one figure", 50000, 50000, false},
		{"a thousand thousands", 1000, 1000000, false},
		{"one to two million", 1000000, 2000000, true},
		{"nine to twenty-five million", 9000000, 25000000, false},
		{"the plausible maximum", content.MinYearlyPay, content.MaxYearlyPay, true},
		{"ten thousand billion", 10_000_000_000_000, 10_000_000_000_001, false},
		{"the largest int", 1000, math.MaxInt / 2, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			pay := content.Salary{Currency: "EUR", Levels: []content.Level{{ID: "a", Min: tt.min, Max: tt.max, MaxOpen: tt.open}}}
			s := salary(&content.Section{Levels: map[string]string{"a": "A"}}, pay, loc)
			if n := len(s.Ticks); n < 2 || n > 8 {
				t.Fatalf("%d ticks, want 2 to 8: %v", n, s.Ticks)
			}
			if s.ScaleMin > tt.min || s.ScaleMax < tt.max || s.ScaleMin >= s.ScaleMax {
				t.Errorf("scale %d–%d does not cover %d–%d", s.ScaleMin, s.ScaleMax, tt.min, tt.max)
			}
			if tt.open && s.ScaleMax == tt.max {
				t.Errorf("open top at the end of the scale %d", s.ScaleMax)
			}
			labels := map[string]bool{}
			for i, tk := range s.Ticks {
				if i > 0 && tk.Value <= s.Ticks[i-1].Value {
					t.Errorf("ticks not increasing: %v", s.Ticks)
				}
				if labels[tk.Label] {
					t.Errorf("label %q twice: %v", tk.Label, s.Ticks)
				}
				labels[tk.Label] = true
			}
		})
	}
}

// TestSalaryPeriod: yearly pay is written in thousands, monthly pay in
// full, in the table, the chart's labels and the at-a-glance span.
func TestSalaryPeriod(t *testing.T) {
	levels := []content.Level{{ID: "a", Min: 3500, Max: 4200}, {ID: "b", Min: 4200, Max: 5000, MaxOpen: true}}
	for _, tt := range []struct {
		lang, period, currency string
		rows                   []string
		span, firstTick        string
	}{
		{"en", "month", "GBP", []string{"£3,500–£4,200", "£4,200–£5,000+"}, "£3,500–£5,000+", "£3,500"},
		{"fr", "month", "EUR", []string{"3\u202f500–4\u202f200\u00a0€", "4\u202f200–5\u202f000\u00a0€ et plus"}, "3\u202f500–5\u202f000\u00a0€ et plus", "3\u202f500\u00a0€"},
		{"en", "year", "GBP", []string{"£3.5K–£4.2K", "£4.2K–£5K+"}, "£3.5K–£5K+", "£3.5K"},
		{"fr", "year", "EUR", []string{"3,5–4,2\u00a0k€", "4,2–5\u00a0k€ et plus"}, "3,5–5\u00a0k€ et plus", "3,5\u00a0k€"},
	} {
		t.Run(tt.lang+" "+tt.period, func(t *testing.T) {
			loc, err := locale.For(tt.lang)
			if err != nil {
				t.Fatal(err)
			}
			pay := content.Salary{Currency: tt.currency, Period: tt.period, Levels: levels}
			s := salary(&content.Section{Levels: map[string]string{"a": "A", "b": "B"}}, pay, loc)
			for i, row := range s.Rows {
				if row.Pay != tt.rows[i] {
					t.Errorf("row %d: %q, want %q", i+1, row.Pay, tt.rows[i])
				}
			}
			if got := salarySpan(loc, pay); got != tt.span {
				t.Errorf("span %q, want %q", got, tt.span)
			}
			if got := s.Ticks[0].Label; got != tt.firstTick {
				t.Errorf("first tick %q, want %q", got, tt.firstTick)
			}
		})
	}
}
