package font

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
)

// checkSumMagic is what the checksum of a whole font file must come to
// (OpenType, 'head' table, checksumAdjustment).
const checkSumMagic = 0xB1B0AFBA

// newSFNT lays out a TrueType font file for tables with the given tags
// and lengths: the table directory, sorted by tag, then each table at a
// four-byte boundary. It returns the file and each table's bytes within
// it, zeros, in the order given, for the caller to fill in before calling
// sealSFNT.
func newSFNT(tags []string, lengths []int) (out []byte, tables [][]byte) {
	n := len(tags)
	order := make([]int, n) // indices of tags, sorted by tag
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(tags[a], tags[b]) })
	size := 12 + 16*n
	for _, l := range lengths {
		size += pad4(l)
	}
	out = make([]byte, size)
	binary.BigEndian.PutUint32(out, tagTrueType)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	entrySelector := 0
	if n > 0 {
		entrySelector = bits.Len(uint(n)) - 1
	}
	searchRange := 16 << entrySelector
	binary.BigEndian.PutUint16(out[6:], uint16(searchRange))
	binary.BigEndian.PutUint16(out[8:], uint16(entrySelector))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-searchRange))
	tables = make([][]byte, n)
	off := 12 + 16*n
	for k, i := range order {
		rec := out[12+16*k:]
		copy(rec, tags[i])
		binary.BigEndian.PutUint32(rec[8:], uint32(off))
		binary.BigEndian.PutUint32(rec[12:], uint32(lengths[i]))
		tables[i] = out[off : off+lengths[i] : off+lengths[i]]
		off += pad4(lengths[i])
	}
	return out, tables
}

// sealSFNT fills in the checksum of every table of the font file out,
// laid out by newSFNT, and the 'head' table's checksumAdjustment, which
// must be at least 12 bytes long.
func sealSFNT(out []byte) {
	n := u16(out, 4)
	head := -1
	for k := range n {
		rec := out[12+16*k:]
		off, length := int(u32(rec, 8)), int(u32(rec, 12))
		if string(rec[:4]) == "head" {
			head = off
			clear(out[off+8 : off+12]) // counts as 0 in the checksums
		}
		binary.BigEndian.PutUint32(rec[4:], checkSum(out[off:off+pad4(length)]))
	}
	if head >= 0 {
		binary.BigEndian.PutUint32(out[head+8:], checkSumMagic-checkSum(out))
	}
}

// checkSum adds up b as big-endian 32-bit words, a short last word padded
// with zeros.
func checkSum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	var last [4]byte
	copy(last[:], b)
	return sum + binary.BigEndian.Uint32(last[:])
}

func pad4(n int) int { return (n + 3) &^ 3 }
