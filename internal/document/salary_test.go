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
