// Package recent keeps the values made for the last keys made, a bounded
// number of them, the oldest made going first (a hit does not keep a key
// longer): for pure work that one process is often asked to do again (a
// font program compressed, a link's QR code).
package recent

import "sync"

// Cache keeps the values of the last Size keys made, dropping the oldest
// first. It is safe for concurrent use. Values are shared: callers never
// change them.
type Cache[K comparable, V any] struct {
	size  int
	mu    sync.Mutex
	byKey map[K]V
	order []K // oldest first
}

// New returns an empty cache of size keys at most.
func New[K comparable, V any](size int) *Cache[K, V] {
	return &Cache[K, V]{size: size, byKey: map[K]V{}}
}

// Get returns the value of key: kept, or made by make and kept unless it
// fails. make runs outside the lock, so that keys are made side by side;
// two callers may make one key at once, and the first value kept is the
// one both get.
func (c *Cache[K, V]) Get(key K, make func() (V, error)) (V, error) {
	c.mu.Lock()
	v, ok := c.byKey[key]
	c.mu.Unlock()
	if ok {
		return v, nil
	}
	v, err := make()
	if err != nil {
		return v, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if kept, ok := c.byKey[key]; ok {
		return kept, nil
	}
	c.byKey[key] = v
	c.order = append(c.order, key)
	if len(c.order) > c.size {
		delete(c.byKey, c.order[0])
		c.order = c.order[1:]
	}
	return v, nil
}
