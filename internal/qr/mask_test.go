package qr

import (
	"testing"

	"rsc.io/qr/coding"
)

// TestMaskIsLowestPenalty checks Encode keeps the mask that scores lowest.
func TestMaskIsLowestPenalty(t *testing.T) {
	c, err := Encode(sreURL)
	if err != nil {
		t.Fatal(err)
	}
	got := penalty(c.Size(), c.Dark)
	for m := coding.Mask(0); m < 8; m++ {
		p, err := coding.NewPlan(4, coding.M, m)
		if err != nil {
			t.Fatal(err)
		}
		alt, err := p.Encode(coding.String(sreURL))
		if err != nil {
			t.Fatal(err)
		}
		if s := penalty(alt.Size, alt.Black); s < got {
			t.Errorf("mask %d scores %d, lower than the chosen code's %d", m, s, got)
		}
	}
}

// TestEveryMaskDecodes reads back the SRE URL under each of the 8 masks, as
// other texts pick other masks; this checks the library's mask patterns and
// format bits for all of them, not only the one Encode picks for this text.
func TestEveryMaskDecodes(t *testing.T) {
	for m := coding.Mask(0); m < 8; m++ {
		p, err := coding.NewPlan(4, coding.M, m)
		if err != nil {
			t.Fatal(err)
		}
		cc, err := p.Encode(coding.String(sreURL))
		if err != nil {
			t.Fatal(err)
		}
		if got := decode(t, &Code{c: cc}, 8).GetText(); got != sreURL {
			t.Errorf("mask %d: decoded %q", m, got)
		}
	}
}

func TestPenaltyRules(t *testing.T) {
	// All light, 11×11: N1 22 runs of 11 → 22·(3+6); N2 100 blocks · 3;
	// N3 none; N4 100% away from dark 50% → 10 steps · 10.
	if got, want := penalty(11, func(x, y int) bool { return false }), 22*9+300+100; got != want {
		t.Errorf("all light: %d, want %d", got, want)
	}
	// A checkerboard has no runs, blocks or finder patterns, and 61 of 121 dark.
	if got := penalty(11, func(x, y int) bool { return (x+y)%2 == 0 }); got != 0 {
		t.Errorf("checkerboard: %d, want 0", got)
	}
	// A checkerboard with one finder-like row (1011101 0000), or column,
	// in the middle: no run reaches 5, no 2×2 block appears and 61 modules
	// stay dark, so only N3 scores.
	row := finderLike[0]
	rowForm := penalty(11, func(x, y int) bool {
		if y == 5 {
			return row[x]
		}
		return (x+y)%2 == 0
	})
	colForm := penalty(11, func(x, y int) bool {
		if x == 5 {
			return row[y]
		}
		return (x+y)%2 == 0
	})
	if rowForm != penaltyN3 || colForm != penaltyN3 {
		t.Errorf("finder-like row scored %d, column %d, want %d", rowForm, colForm, penaltyN3)
	}
}
