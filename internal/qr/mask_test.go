package qr

import (
	"fmt"
	"math/rand/v2"
	"strings"
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
	row := [11]bool{true, false, true, true, true, false, true, false, false, false, false}
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

// TestPenaltyAsBefore compares penalty with the plain reading of the
// rules it replaced, on every mask of codes of several versions and on
// random grids.
func TestPenaltyAsBefore(t *testing.T) {
	check := func(name string, size int, dark func(x, y int) bool) {
		t.Helper()
		if got, want := penalty(size, dark), plainPenalty(size, dark); got != want {
			t.Errorf("%s: penalty %d, want %d", name, got, want)
		}
	}
	for _, text := range []string{sreURL, "https://example.com/", strings.Repeat("brochure ", 30)} {
		enc := coding.String(text)
		v := coding.Version(coding.MinVersion)
		for enc.Bits(v) > v.DataBytes(coding.M)*8 {
			v++
		}
		for m := coding.Mask(0); m < 8; m++ {
			p, err := coding.NewPlan(v, coding.M, m)
			if err != nil {
				t.Fatal(err)
			}
			c, err := p.Encode(enc)
			if err != nil {
				t.Fatal(err)
			}
			check(fmt.Sprintf("%q, mask %d", text, m), c.Size, c.Black)
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for k := range 50 {
		size := 11 + r.IntN(40)
		bits := make([]bool, size*size)
		for i := range bits {
			bits[i] = r.IntN(3) == 0
		}
		check(fmt.Sprintf("random grid %d", k), size, func(x, y int) bool { return bits[y*size+x] })
	}
}

// plainPenalty is the rules of ISO/IEC 18004, 7.8.3, read plainly: what
// penalty computed before it read the grid with a window.
func plainPenalty(size int, dark func(x, y int) bool) int {
	finderLike := [2][11]bool{
		{true, false, true, true, true, false, true, false, false, false, false},
		{false, false, false, false, true, false, true, true, true, false, true},
	}
	m := make([][]bool, size)
	for y := range m {
		m[y] = make([]bool, size)
		for x := range m[y] {
			m[y][x] = dark(x, y)
		}
	}
	at := func(t bool, i, j int) bool {
		if t {
			return m[j][i]
		}
		return m[i][j]
	}
	score, darkCount := 0, 0
	for _, t := range [2]bool{false, true} {
		for i := 0; i < size; i++ {
			run := 1
			for j := 1; j <= size; j++ {
				if j < size && at(t, i, j) == at(t, i, j-1) {
					run++
					continue
				}
				if run >= 5 {
					score += penaltyN1 + run - 5
				}
				run = 1
			}
			for j := 0; j+11 <= size; j++ {
				for _, pat := range finderLike {
					k := 0
					for k < 11 && at(t, i, j+k) == pat[k] {
						k++
					}
					if k == 11 {
						score += penaltyN3
					}
				}
			}
		}
	}
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			if m[y][x] {
				darkCount++
			}
			if x+1 < size && y+1 < size {
				c := m[y][x]
				if m[y][x+1] == c && m[y+1][x] == c && m[y+1][x+1] == c {
					score += penaltyN2
				}
			}
		}
	}
	total := size * size
	dev := 2*darkCount - total
	if dev < 0 {
		dev = -dev
	}
	score += dev * 10 / total * penaltyN4
	return score
}
