package layout

import (
	"slices"
	"testing"
)

func TestSeparatedLines(t *testing.T) {
	measure := func(s string) float64 { return float64(len([]rune(s))) } // one point a character
	tests := []struct {
		items []string
		width float64
		want  []string
	}{
		{[]string{"SaaS", "Fintech", "AI"}, 40, []string{"SaaS · Fintech · AI"}},
		// "Cloud ·" does not end the first line, nor "AI" stand alone.
		{[]string{"SaaS", "Fintech", "E-commerce", "Cloud", "AI"}, 37, []string{"SaaS · Fintech · E-commerce", "Cloud · AI"}},
		// Two items on the line before: it keeps them.
		{[]string{"Fintech", "E-commerce", "AI"}, 20, []string{"Fintech · E-commerce", "AI"}},
		// An item wider than the line is a line of its own.
		{[]string{"Telecommunications", "AI"}, 10, []string{"Telecommunications", "AI"}},
		{nil, 10, []string{}},
	}
	for _, tt := range tests {
		if got := separatedLines(tt.items, tt.width, measure); !slices.Equal(got, tt.want) {
			t.Errorf("separatedLines(%q, %g) = %q, want %q", tt.items, tt.width, got, tt.want)
		}
	}
}
