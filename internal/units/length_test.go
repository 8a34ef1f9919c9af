package units

import (
	"math"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want float64 // points
	}{
		{"10pt", 10},
		{"1in", 72},
		{"0.125in", 9},
		{"25.4mm", 72},
		{"2.54cm", 72},
		{" 3mm ", 3 * 72 / 25.4},
		{"0", 0},
		{"-2pt", -2},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if math.Abs(got.Pt()-tt.want) > 1e-9 {
			t.Errorf("Parse(%q) = %v, want %vpt", tt.in, got, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{"", "12", "12 furlongs", "mm", "1.2.3mm", "NaNmm", "1e9mm", "12px"} {
		_, err := Parse(in)
		if err == nil {
			t.Errorf("Parse(%q): no error", in)
			continue
		}
		want := `bad length "` + in + `": want a number and a unit (mm, cm, in, pt), like "12mm"`
		if err.Error() != want {
			t.Errorf("Parse(%q) error\n got %s\nwant %s", in, err, want)
		}
	}
}

func TestA4(t *testing.T) {
	w, h := 210*Mm, 297*Mm
	if math.Abs(w.Pt()-595.28) > 0.005 || math.Abs(h.Pt()-841.89) > 0.005 {
		t.Errorf("A4 = %v × %v, want 595.28 × 841.89 pt", w, h)
	}
}
