package recent

import (
	"errors"
	"sync"
	"testing"
)

func TestCache(t *testing.T) {
	c := New[int, *int](3)
	made := 0
	get := func(k int) *int {
		t.Helper()
		v, err := c.Get(k, func() (*int, error) { made++; n := k; return &n, nil })
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	first := get(1)
	if again := get(1); again != first || made != 1 {
		t.Errorf("key 1 asked twice: the same value %v, made %d times; want true, 1", again == first, made)
	}
	get(2)
	get(3)
	get(4) // drops 1, the oldest
	if len(c.byKey) != 3 || len(c.order) != 3 {
		t.Errorf("%d keys kept (%d in order), want 3", len(c.byKey), len(c.order))
	}
	if get(1) == first || made != 5 {
		t.Errorf("key 1 should have been dropped and made again (made %d times)", made)
	}
	boom := errors.New("boom")
	if _, err := c.Get(9, func() (*int, error) { return nil, boom }); err != boom {
		t.Errorf("error %v, want boom", err)
	}
	tries := 0
	v, err := c.Get(9, func() (*int, error) { tries++; n := 9; return &n, nil })
	if err != nil || tries != 1 || v == nil || *v != 9 {
		t.Errorf("a key whose making failed is made again: got %v, %v after %d tries; want 9, nil after 1", v, err, tries)
	}
}

// TestCacheConcurrent asks for the same keys from many goroutines (run
// with -race): every caller of a key gets the one value kept.
func TestCacheConcurrent(t *testing.T) {
	c := New[int, *int](8)
	var wg sync.WaitGroup
	got := make([]*int, 64)
	for i := range got {
		wg.Go(func() {
			got[i], _ = c.Get(i%4, func() (*int, error) { n := i % 4; return &n, nil })
		})
	}
	wg.Wait()
	for i := range got {
		if got[i] != got[i%4] {
			t.Fatalf("callers of key %d got different values", i%4)
		}
	}
}
