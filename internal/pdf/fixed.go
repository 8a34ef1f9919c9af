package pdf

import (
	"math"
	"strconv"
)

// appendFixed appends v with prec decimals (0 to 6), the very bytes
// strconv.AppendFloat(b, v, 'f', prec, 64) gives, in half its time
// for the numbers pages hold. AppendFloat works out the exact decimal
// expansion of v; here v·10^prec, rounded once to a float64, gives the
// digits whenever its fraction is far enough from one half that the
// exact product rounds the same way (its error is under half a unit in
// the last place), and AppendFloat is left the rest: ties, near-ties,
// and what is too large, infinite or not a number.
func appendFixed(b []byte, v float64, prec int) []byte {
	scale := pow10[prec]
	y := math.Abs(v) * scale
	if !(y < 1<<52) {
		return strconv.AppendFloat(b, v, 'f', prec, 64)
	}
	n := int64(y)          // y's floor: y ≥ 0
	frac := y - float64(n) // exact: y's bits below the units
	// y is within y·2⁻⁵³ of the exact product; 2⁻⁴⁸ leaves a margin.
	if math.Abs(frac-0.5) <= y*0x1p-48 {
		return strconv.AppendFloat(b, v, 'f', prec, 64)
	}
	r := uint64(n)
	if frac > 0.5 {
		r++
	}
	// The digits, from the last: r/10 is a multiplication.
	var d [24]byte
	i := len(d)
	for range prec {
		i--
		d[i] = byte('0' + r%10)
		r /= 10
	}
	if prec > 0 {
		i--
		d[i] = '.'
	}
	for {
		i--
		d[i] = byte('0' + r%10)
		if r /= 10; r == 0 {
			break
		}
	}
	if math.Signbit(v) {
		i--
		d[i] = '-' // as AppendFloat, for -0 and what rounds to 0 too
	}
	return append(b, d[i:]...)
}

// pow10 holds the powers of ten appendFixed scales by.
var pow10 = [...]float64{1, 10, 100, 1e3, 1e4, 1e5, 1e6}
