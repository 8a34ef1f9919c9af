package pdf

import (
	"hash/maphash"
	"sync"
)

// programs keeps the compressed font programs of recent subsets, by
// their content. Compressing a subset is the largest part of writing a
// PDF, and documents often embed the very same subset: a brochure's
// screen and print files, a batch of roles in one language. A hit gives
// exactly the bytes compressing the program would: output never depends
// on what was built before.
var programs = programCache{byKey: map[programKey][]byte{}}

// programCacheSize bounds the cache: about 30 kB a program.
const programCacheSize = 64

// programKey names a program by two independent 64-bit hashes of it,
// seeded at random for each process, and its length: programs that differ
// share a key with a chance of 2⁻¹²⁸, and no file can be made to, since
// the seeds are unknown. It costs a twentieth of the SHA-256 the cache
// used to take (a one-brochure build compresses every program once).
type programKey struct {
	a, b uint64
	n    int
}

var programSeeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

func keyOf(program []byte) programKey {
	return programKey{maphash.Bytes(programSeeds[0], program), maphash.Bytes(programSeeds[1], program), len(program)}
}

type programCache struct {
	mu    sync.Mutex
	byKey map[programKey][]byte
	order []programKey // oldest first
}

// deflate returns program compressed, from the cache when it can. The
// result is shared: callers copy it, never change it.
func (c *programCache) deflate(program []byte) []byte {
	key := keyOf(program)
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
