package svg

import (
	"math"
	"strconv"
)

// pow10 are the scales of appendNum's precisions.
var pow10 = [...]float64{1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9}

// appendNum appends v rounded to prec decimals (at most 9), in as few
// digits as that takes, and without a minus sign for zero: the same value
// is always written the same way.
func appendNum(b []byte, v float64, prec int) []byte {
	v = math.Round(v*pow10[prec]) / pow10[prec]
	if v == 0 {
		v = 0 // not -0
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}
