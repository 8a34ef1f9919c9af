package pdf

import (
	"crypto/sha256"
	"sync"
)

// programs keeps the compressed font programs of recent subsets, by
// their content. Compressing a subset is the largest part of writing a
// PDF, and documents often embed the very same subset: a brochure's
// screen and print files, a batch of roles in one language. The key is
// the program's SHA-256, so a hit gives exactly the bytes compressing it
// would: output never depends on what was built before.
var programs = programCache{byKey: map[[sha256.Size]byte][]byte{}}

// programCacheSize bounds the cache: about 30 kB a program.
const programCacheSize = 64

type programCache struct {
	mu    sync.Mutex
	byKey map[[sha256.Size]byte][]byte
	order [][sha256.Size]byte // oldest first
}

// deflate returns program compressed, from the cache when it can. The
// result is shared: callers copy it, never change it.
func (c *programCache) deflate(program []byte) []byte {
	key := sha256.Sum256(program)
	c.mu.Lock()
	z, ok := c.byKey[key]
	c.mu.Unlock()
	if ok {
		return z
	}
	z = deflate(program)
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byKey[key]; !ok {
		c.byKey[key] = z
		c.order = append(c.order, key)
		if len(c.order) > programCacheSize {
			delete(c.byKey, c.order[0])
			c.order = c.order[1:]
		}
	}
	return z
}
