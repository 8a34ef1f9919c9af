package layout

import (
	"fmt"
	"testing"
)

// TestBoundary checks that boundary finds the first scale that fits, as
// trying every scale from the top does, wherever it is among up to 25
// (none fitting included), trying no scale twice, the two either side of
// it always, and few: two, then the halvings of those left.
func TestBoundary(t *testing.T) {
	for n := 1; n <= 25; n++ {
		for b := 0; b <= n; b++ { // b == n: it never fits
			t.Run(fmt.Sprintf("%d of %d", b, n), func(t *testing.T) {
				tried := map[int]bool{}
				got := boundary(n, func(i int) bool {
					if i < 0 || i >= n || tried[i] {
						t.Fatalf("tried scale %d (of %d, after %v)", i, n, tried)
					}
					tried[i] = true
					return i >= b
				})
				if got != b {
					t.Fatalf("boundary = %d, want %d (tried %v)", got, b, tried)
				}
				if b < n && !tried[b] || b > 0 && !tried[b-1] {
					t.Errorf("the scales either side of the boundary were not both tried: %v", tried)
				}
				if b <= 1 && len(tried) != min(b+1, n) {
					t.Errorf("%d tries for a boundary at %d: %v; want %d, as from the top", len(tried), b, tried, b+1)
				}
				if max := 2 + bitsOf(n-1); len(tried) > max {
					t.Errorf("%d tries for %d scales: %v; want %d at most", len(tried), n, tried, max)
				}
			})
		}
	}
}

// bitsOf is how many halvings of n scales leave one.
func bitsOf(n int) int {
	k := 0
	for ; n > 1; n = (n + 1) / 2 {
		k++
	}
	return k
}

// TestAttemptsShareACache gives the first attempt at a layout no cache,
// and every later one the same.
func TestAttemptsShareACache(t *testing.T) {
	var a attempts
	if c := a.next(); c != nil {
		t.Fatal("the first attempt has a cache")
	}
	second, third := a.next(), a.next()
	if second == nil || third != second {
		t.Errorf("later attempts: %p and %p, want one cache", second, third)
	}
}
