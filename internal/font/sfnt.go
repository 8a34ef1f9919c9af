package font

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// sfnt version tags found in the first four bytes of a font file.
const (
	tagTrueType   = 0x00010000 // Microsoft/OpenType TrueType outlines
	tagAppleTrue  = 0x74727565 // "true": Apple TrueType outlines
	tagOpenTypeCF = 0x4F54544F // "OTTO": OpenType with CFF outlines
	tagCollection = 0x74746366 // "ttcf": TrueType/OpenType collection
)

// requiredTables lists the tables Parse cannot do without: the metrics it
// reads, and the glyph outlines the PDF exporter subsets and embeds.
var requiredTables = []string{"head", "hhea", "hmtx", "cmap", "maxp", "loca", "glyf"}

// errCFF is returned for fonts with PostScript (CFF) outlines.
var errCFF = errors.New("CFF (PostScript) outlines are not supported; use a TrueType font with glyf outlines")

// directory maps a table tag to the bytes of that table. Every slice lies
// within the font data; readDirectory checks each offset and length.
type directory map[string][]byte

// readDirectory reads the sfnt header and table directory of data.
func readDirectory(data []byte) (directory, error) {
	if len(data) < 12 {
		return nil, fmt.Errorf("not a TrueType font: file is %d bytes, too short for a font header", len(data))
	}
	switch v := binary.BigEndian.Uint32(data); v {
	case tagTrueType, tagAppleTrue:
	case tagOpenTypeCF:
		return nil, errCFF
	case tagCollection:
		return nil, errors.New("font collections (.ttc) are not supported; use a single TrueType font file")
	default:
		return nil, fmt.Errorf("not a TrueType font (sfnt version %#08x)", v)
	}
	numTables := int(binary.BigEndian.Uint16(data[4:]))
	if end := 12 + 16*numTables; end > len(data) {
		return nil, fmt.Errorf("truncated table directory: %d tables need %d bytes, file has %d", numTables, end, len(data))
	}
	dir := make(directory, numTables)
	for i := range numTables {
		rec := data[12+16*i : 12+16*(i+1)]
		tag := string(rec[0:4])
		off := uint64(binary.BigEndian.Uint32(rec[8:]))
		n := uint64(binary.BigEndian.Uint32(rec[12:]))
		if off+n > uint64(len(data)) {
			return nil, fmt.Errorf("table %q (offset %d, length %d) extends past the end of the %d-byte file", tag, off, n, len(data))
		}
		if _, dup := dir[tag]; !dup {
			dir[tag] = data[off : off+n : off+n]
		}
	}
	if _, ok := dir["glyf"]; !ok {
		if _, cff := dir["CFF "]; cff {
			return nil, errCFF
		}
		if _, cff2 := dir["CFF2"]; cff2 {
			return nil, errCFF
		}
	}
	for _, tag := range requiredTables {
		if _, ok := dir[tag]; !ok {
			return nil, fmt.Errorf("required table %q is missing", tag)
		}
	}
	return dir, nil
}

// u16 reads a big-endian uint16 at off in b, or 0 when it lies outside b.
func u16(b []byte, off int) int {
	if off < 0 || off+2 > len(b) {
		return 0
	}
	return int(binary.BigEndian.Uint16(b[off:]))
}

// i16 reads a big-endian int16 at off in b, or 0 when it lies outside b.
func i16(b []byte, off int) int {
	return int(int16(u16(b, off)))
}

// u32 reads a big-endian uint32 at off in b, or 0 when it lies outside b.
func u32(b []byte, off int) uint32 {
	if off < 0 || off+4 > len(b) {
		return 0
	}
	return binary.BigEndian.Uint32(b[off:])
}
