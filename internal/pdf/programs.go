package pdf

import (
	"hash/maphash"

	"github.com/brochure-dev/brochure/internal/recent"
)

// programs keeps the compressed font programs of recent subsets, by
// their content, about 30 kB each. Compressing a subset is the largest
// part of writing a PDF, and documents often embed the very same subset:
// a brochure's screen and print files, a batch of roles in one language.
// A hit gives exactly the bytes compressing the program would: output
// never depends on what was built before.
var programs = recent.New[programKey, []byte](64)

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

// deflateProgram returns program compressed, from the cache when it can.
// The result is shared: callers copy it, never change it.
func deflateProgram(program []byte) []byte {
	z, _ := programs.Get(keyOf(program), func() ([]byte, error) { return deflate(program), nil })
	return z
}
