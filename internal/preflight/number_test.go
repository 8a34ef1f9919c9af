package preflight

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestParseNumber checks that PDF numbers read as strconv.ParseFloat reads
// them, bit for bit, and malformed ones as 0.
func TestParseNumber(t *testing.T) {
	cases := []string{"0", "-0", "+0", "12", "-12", "12.5", "-.5", ".5", "5.", "0.001",
		"595.2756", "841.8898", "123456789012345", "1234567890123456", "0.1234567890123456",
		"1e5", "--5", "1.2.3", "+", "-", ".", "99999999999999999999", "-0.000000000000001"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		cases = append(cases, strconv.FormatFloat((r.Float64()-0.5)*2000, 'f', r.IntN(7), 64))
	}
	for _, s := range cases {
		want, err := strconv.ParseFloat(s, 64)
		if err != nil {
			want = 0
		}
		if got := parseNumber([]byte(s)); math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("parseNumber(%q) = %v, want %v", s, got, want)
		}
	}
}
