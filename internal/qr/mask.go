package qr

// Penalty weights of ISO/IEC 18004, 7.8.3 (evaluation of masking results).
const (
	penaltyN1 = 3  // a run of 5 same-colour modules in a row or column, +1 per module beyond 5
	penaltyN2 = 3  // each 2×2 block of one colour (overlapping blocks count separately)
	penaltyN3 = 40 // each 1:1:3:1:1 finder-like pattern with 4 light modules on one side
	penaltyN4 = 10 // each full 5% that the dark proportion lies away from 50%
)

// finderLike are the two 11-module sequences that rule N3 penalises
// (dark = true): 1011101 followed or preceded by 0000.
var finderLike = [2][11]bool{
	{true, false, true, true, true, false, true, false, false, false, false},
	{false, false, false, false, true, false, true, true, true, false, true},
}

// penalty scores a whole symbol (function patterns and format information
// included, as the standard asks) of size × size modules by the four rules
// N1–N4; the encoder keeps the mask with the lowest score. Only modules
// inside the symbol count, as in ZXing's encoder.
func penalty(size int, dark func(x, y int) bool) int {
	m := make([][]bool, size)
	for y := range m {
		m[y] = make([]bool, size)
		for x := range m[y] {
			m[y][x] = dark(x, y)
		}
	}
	// at reads row-wise (t=false) or column-wise (t=true).
	at := func(t bool, i, j int) bool {
		if t {
			return m[j][i]
		}
		return m[i][j]
	}
	score, darkCount := 0, 0
	for _, t := range [2]bool{false, true} {
		for i := 0; i < size; i++ {
			// N1: runs of five or more.
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
			// N3: finder-like patterns.
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
			// N2: 2×2 blocks of one colour.
			if x+1 < size && y+1 < size {
				c := m[y][x]
				if m[y][x+1] == c && m[y+1][x] == c && m[y+1][x+1] == c {
					score += penaltyN2
				}
			}
		}
	}
	// N4: balance of dark and light; the deviation in whole 5% steps.
	// |dark/total − 1/2| / 5% = |2·dark − total|·10 / total, rounded down.
	total := size * size
	dev := 2*darkCount - total
	if dev < 0 {
		dev = -dev
	}
	score += dev * 10 / total * penaltyN4
	return score
}
