package font

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
)

// sfntTable is a table to write into a font file.
type sfntTable struct {
	tag  string
	data []byte
}

// checkSumMagic is what the checksum of a whole font file must come to
// (OpenType, 'head' table, checksumAdjustment).
const checkSumMagic = 0xB1B0AFBA

// writeSFNT lays out a TrueType font file: the table directory, sorted by
// tag, then each table padded to four bytes, with every table's checksum
// and the 'head' table's checksumAdjustment filled in. The 'head' table's
// data must be at least 12 bytes; writeSFNT does not change the caller's.
func writeSFNT(tables []sfntTable) []byte {
	tables = slices.Clone(tables)
	slices.SortFunc(tables, func(a, b sfntTable) int { return strings.Compare(a.tag, b.tag) })
	n := len(tables)
	size := 12 + 16*n
	for _, t := range tables {
		size += pad4(len(t.data))
	}
	out := make([]byte, size)
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
	off, headAt := 12+16*n, -1
	for i, t := range tables {
		data := out[off : off+len(t.data)]
		copy(data, t.data)
		if t.tag == "head" {
			headAt = off
			clear(data[8:12]) // checksumAdjustment counts as 0
		}
		rec := out[12+16*i:]
		copy(rec, t.tag)
		binary.BigEndian.PutUint32(rec[4:], checkSum(out[off:off+pad4(len(t.data))]))
		binary.BigEndian.PutUint32(rec[8:], uint32(off))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t.data)))
		off += pad4(len(t.data))
	}
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], checkSumMagic-checkSum(out))
	}
	return out
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
