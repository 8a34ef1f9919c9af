package font

import (
	"bytes"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

// subsetRunes are what the damaged-font tests subset: mapped and unmapped
// runes, above the BMP, and two that share a glyph in Inter.
const subsetRunes = "ABCDZÉé’ʼ€\u00a0\U0001F600\xff"

// trySubset embeds and subsets face, and checks that what comes out, if
// anything, is a font program that reads back. It must not panic. It
// reports whether there was a font program.
func trySubset(t *testing.T, face *Face) bool {
	t.Helper()
	e, err := face.Embedding()
	if err != nil {
		if !strings.HasPrefix(err.Error(), "font "+face.Name()+": ") {
			t.Fatalf("error %q lacks the prefix", err)
		}
		return false
	}
	sub := e.NewSubset()
	for _, r := range subsetRunes {
		if c := sub.CID(r); sub.Width(c) != face.Advance(r) {
			t.Fatalf("Width(CID(%U)) = %d, want Advance %d", r, sub.Width(c), face.Advance(r))
		}
	}
	sub.Tag()
	data, err := sub.Font()
	if err != nil {
		return false
	}
	dir, err := readSubsetDirectory(data)
	if err != nil {
		t.Fatalf("the subset does not read back: %v", err)
	}
	if _, err := readOutlines(dir["head"], dir["loca"], dir["glyf"], u16(dir["maxp"], 4)); err != nil {
		t.Fatalf("the subset's outlines do not read back: %v", err)
	}
	return true
}

// readSubsetDirectory reads a table directory like readDirectory, which
// also wants tables a subset leaves out.
func readSubsetDirectory(data []byte) (directory, error) {
	dir := directory{}
	n := u16(data, 4)
	for i := range n {
		rec := 12 + 16*i
		off, length := int(u32(data, rec+8)), int(u32(data, rec+12))
		if off+length > len(data) {
			return nil, os.ErrInvalid
		}
		dir[string(data[rec:rec+4])] = data[off : off+length]
	}
	return dir, nil
}

// TestSubsetCorrupted damages Inter's outline and metric tables at random
// places: embedding and subsetting fail with an error or make a font that
// reads back, and never panic.
func TestSubsetCorrupted(t *testing.T) {
	inter, err := os.ReadFile("../../fonts/Inter-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	dir, err := readDirectory(inter)
	if err != nil {
		t.Fatal(err)
	}
	offset := func(tag string) int { // the table's offset in the file
		return bytes.Index(inter, dir[tag][:min(64, len(dir[tag]))])
	}
	rng := rand.New(rand.NewPCG(1, 2))
	tags := []string{"loca", "glyf", "head", "hhea", "maxp", "hmtx", "name", "post", "OS/2"}
	fonts, failed := 0, 0
	for i := range 300 {
		data := bytes.Clone(inter)
		tag := tags[i%len(tags)]
		base, size := offset(tag), len(dir[tag])
		for range 1 + rng.IntN(8) {
			data[base+rng.IntN(size)] = byte(rng.IntN(256))
		}
		face, err := Parse("corrupt.ttf", data)
		if err != nil {
			continue
		}
		if trySubset(t, face) {
			fonts++
		} else {
			failed++
		}
	}
	if fonts < 100 || failed < 10 {
		t.Errorf("%d subsets made, %d refused: the damage does not exercise both", fonts, failed)
	}
	t.Logf("%d subsets made, %d refused", fonts, failed)
}

func FuzzSubset(f *testing.F) {
	s := basic()
	s.extra = map[string][]byte{}
	s.extra["glyf"], s.extra["loca"] = glyfLoca(simpleGlyph(1, 1), simpleGlyph(1, 2),
		compositeGlyph(component{argsAreWords, 1}, component{haveScale, 4}), simpleGlyph(0),
		compositeGlyph(component{have2x2, 2}, component{0, 4})) // glyph 4 is part of itself

	f.Add(s.build())
	f.Add(basic().build())
	f.Fuzz(func(t *testing.T, data []byte) {
		face, err := Parse("fuzz", data)
		if err != nil {
			return
		}
		trySubset(t, face)
	})
}
