package qr

// Penalty weights of ISO/IEC 18004, 7.8.3 (evaluation of masking results).
const (
	penaltyN1 = 3  // a run of 5 same-colour modules in a row or column, +1 per module beyond 5
	penaltyN2 = 3  // each 2×2 block of one colour (overlapping blocks count separately)
	penaltyN3 = 40 // each 1:1:3:1:1 finder-like pattern with 4 light modules on one side
	penaltyN4 = 10 // each full 5% that the dark proportion lies away from 50%
)

// finderLike are the two 11-module sequences that rule N3 penalises, as
// 11-bit windows (dark = 1, first module highest): 1011101 followed or
// preceded by 0000.
const (
	finderThenLight = 0b10111010000
	lightThenFinder = 0b00001011101
)

// penalty scores a whole symbol (function patterns and format information
// included, as the standard asks) of size × size modules by the four rules
// N1–N4; the encoder keeps the mask with the lowest score. Only modules
// inside the symbol count, as in ZXing's encoder.
//
// It reads the modules once into a grid and scans each row and column
// with an 11-module window kept as bits: the encoder scores eight masks of
// every code it makes, and reading the modules through dark at each step
// of each rule took a sixth of lint's time.
func penalty(size int, dark func(x, y int) bool) int {
	m := make([]bool, size*size) // row-major
	darkCount := 0
	for y := range size {
		for x := range size {
			if dark(x, y) {
				m[y*size+x] = true
				darkCount++
			}
		}
	}
	score := 0
	// Rows (a step of 1 along a line, size between lines), then columns.
	for _, dir := range [2][2]int{{1, size}, {size, 1}} {
		step, next := dir[0], dir[1]
		for i := range size {
			at := i * next
			run, window := 0, 0
			for j := range size {
				c := m[at+j*step]
				// N1: runs of five or more.
				if j > 0 && c == m[at+(j-1)*step] {
					run++
				} else {
					if run >= 5 {
						score += penaltyN1 + run - 5
					}
					run = 1
				}
				// N3: finder-like patterns, the window ending here.
				window = window<<1&0x7FF | b2i(c)
				if j >= 10 && (window == finderThenLight || window == lightThenFinder) {
					score += penaltyN3
				}
			}
			if run >= 5 {
				score += penaltyN1 + run - 5
			}
		}
	}
	// N2: 2×2 blocks of one colour.
	for y := 0; y+1 < size; y++ {
		for x := 0; x+1 < size; x++ {
			c := m[y*size+x]
			if m[y*size+x+1] == c && m[(y+1)*size+x] == c && m[(y+1)*size+x+1] == c {
				score += penaltyN2
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

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
