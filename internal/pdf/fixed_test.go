package pdf

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestAppendFixed: appendFixed writes what strconv.AppendFloat writes
// with 'f', for every precision it takes: special values, ties and the
// floats beside them, the colour components pages hold, and a million
// numbers drawn at random over many magnitudes.
func TestAppendFixed(t *testing.T) {
	check := func(v float64, prec int) {
		t.Helper()
		want := strconv.AppendFloat(nil, v, 'f', prec, 64)
		if got := appendFixed(nil, v, prec); string(got) != string(want) {
			t.Fatalf("appendFixed(%v (%x), %d) = %s, want %s", v, math.Float64bits(v), prec, got, want)
		}
	}
	special := []float64{
		0, math.Copysign(0, -1), 1e-300, -1e-300, 0.5, 1.5, 2.5, -2.5, 0.0005, 0.0015, 0.00005,
		0.125, 0.375, 1e6, 1<<52 - 0.5, 1 << 52, 1 << 53, 1e20, -1e20, math.MaxFloat64,
		math.SmallestNonzeroFloat64, math.Inf(1), math.Inf(-1), math.NaN(), 595.28, 841.89, 372.27717,
	}
	for prec := range len(pow10) {
		for _, v := range special {
			check(v, prec)
			check(math.Nextafter(v, math.Inf(1)), prec)
			check(math.Nextafter(v, math.Inf(-1)), prec)
		}
		for c := range 256 {
			check(float64(c)/255, prec)
			check(float64(c)/100, prec)
		}
		// Ties at this precision, and the floats beside them.
		for k := range 2000 {
			v := (float64(k) + 0.5) / pow10[prec]
			for _, w := range []float64{v, -v, math.Nextafter(v, 0), math.Nextafter(v, math.Inf(1))} {
				check(w, prec)
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 1_000_000 {
		prec := r.IntN(len(pow10))
		v := math.Ldexp(r.Float64(), r.IntN(80)-30) // 1e-9 to 1e15
		if r.IntN(2) == 0 {
			v = -v
		}
		if r.IntN(4) == 0 { // a few decimals, as layouts write them
			v = math.Round(v*1000) / 1000
		}
		check(v, prec)
	}
}

func BenchmarkAppendFixed(b *testing.B) {
	vs := []float64{372.27717, 647.68898, 0.929, 45.35, 548.1304, 0.07}
	buf := make([]byte, 0, 64)
	b.Run("appendFixed", func(b *testing.B) {
		for b.Loop() {
			for _, v := range vs {
				buf = appendFixed(buf[:0], v, 5)
			}
		}
	})
	b.Run("strconv", func(b *testing.B) {
		for b.Loop() {
			for _, v := range vs {
				buf = strconv.AppendFloat(buf[:0], v, 'f', 5, 64)
			}
		}
	})
}
