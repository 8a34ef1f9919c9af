// Package icc holds the ICC colour profiles PDF files name as their
// output intent, and reads the few fields of a profile's header that a
// PDF's output intent must agree with (ICC.1:2004-10, §7.2, §9).
//
// The profiles, their sources and licences are in this folder's
// README.md: sRGB for screen files, coated and uncoated offset (FOGRA39,
// FOGRA29) for print files.
package icc

import (
	"bytes"
	_ "embed" // the profiles
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf16"
)

//go:generate go run ./internal/deflate

//go:embed sRGB.icc
var srgb []byte

//go:embed FOGRA39.icc
var fogra39 []byte

//go:embed FOGRA29.icc
var fogra29 []byte

// The profiles compressed (go generate writes them).
var (
	//go:embed sRGB.icc.zlib
	srgbZ []byte
	//go:embed FOGRA39.icc.zlib
	fogra39Z []byte
	//go:embed FOGRA29.icc.zlib
	fogra29Z []byte
)

// Profile is a print or display condition and its ICC profile: what an
// output intent dictionary says (ISO 32000-1, §14.11.5).
type Profile struct {
	// Identifier is the OutputConditionIdentifier: the name of the
	// condition in the ICC's registry of characterisations ("FOGRA39").
	Identifier string
	// Condition is the condition for people (OutputCondition).
	Condition string
	// Registry is the RegistryName: where Identifier is defined.
	Registry string
	// Data is the ICC profile.
	Data []byte
	// Deflated is Data compressed in the zlib format at the best level,
	// made ahead of time (go generate) with the compressor the PDF writer
	// uses: compressing a print profile took a twentieth of a print
	// build. Callers must not change it.
	Deflated []byte
	Header
}

// Header is what a profile's header says about it.
type Header struct {
	Class string // device class: "mntr" (display), "prtr" (output), "scnr", …
	Space string // data colour space: "RGB ", "CMYK", "GRAY"
	// N is the number of components of Space: 3, 4 or 1 (0 for others).
	N           int
	Version     [2]int // major, minor
	Description string // the 'desc' tag's text
}

// registry is the ICC's registry of characterisation data, in which the
// conditions below are named.
const registry = "http://www.color.org"

// The profiles brochure ships. Their headers are written out, not read
// from the profiles at start-up: that would touch their pages in every
// process, --help's too (TestBuiltInHeaders checks them against Parse).
var (
	// SRGB is the output intent of screen files: IEC 61966-2.1.
	SRGB = &Profile{Identifier: "sRGB IEC61966-2.1", Condition: "sRGB IEC61966-2.1", Registry: registry, Data: srgb, Deflated: srgbZ,
		Header: Header{Class: "mntr", Space: "RGB ", N: 3, Version: [2]int{4, 2}, Description: "sRGB"}}
	// FOGRA39 is coated offset paper (ISO 12647-2:2004/Amd 1, paper
	// types 1 and 2): the print files' default.
	FOGRA39 = &Profile{Identifier: "FOGRA39", Condition: "Coated FOGRA39 (ISO 12647-2:2004)", Registry: registry, Data: fogra39, Deflated: fogra39Z,
		Header: Header{Class: "prtr", Space: "CMYK", N: 4, Version: [2]int{2, 2}, Description: "Coated FOGRA39 (ISO 12647-2:2004)"}}
	// FOGRA29 is uncoated offset paper (ISO 12647-2:2004, paper type 4).
	FOGRA29 = &Profile{Identifier: "FOGRA29", Condition: "Uncoated FOGRA29 (ISO 12647-2:2004)", Registry: registry, Data: fogra29, Deflated: fogra29Z,
		Header: Header{Class: "prtr", Space: "CMYK", N: 4, Version: [2]int{2, 2}, Description: "Uncoated FOGRA29 (ISO 12647-2:2004)"}}
)

// Print lists the print conditions a layout may name, by identifier.
var Print = []*Profile{FOGRA39, FOGRA29}

// ForPrint returns the print condition named id ("FOGRA39"), or an error
// naming the known ones.
func ForPrint(id string) (*Profile, error) {
	var names []string
	for _, p := range Print {
		if strings.EqualFold(p.Identifier, id) {
			return p, nil
		}
		names = append(names, fmt.Sprintf("%q (%s)", p.Identifier, p.Condition))
	}
	return nil, fmt.Errorf("unknown print condition %q (known: %s)", id, strings.Join(names, ", "))
}

// builtIn lists every profile of the package.
var builtIn = append([]*Profile{SRGB}, Print...)

// Deflated returns the built-in profile whose Deflated is the very
// bytes deflated, or nil: a reader of a file that holds one of them knows
// its header without inflating it (28 kB for each print file's intent).
func Deflated(deflated []byte) *Profile {
	for _, p := range builtIn {
		if bytes.Equal(p.Deflated, deflated) {
			return p
		}
	}
	return nil
}

// Parse reads a profile's header and description. It checks only what
// it reads: the size, the 'acsp' signature and the tag table.
func Parse(data []byte) (Header, error) {
	var h Header
	if len(data) < 132 {
		return h, errors.New("not an ICC profile: shorter than its header")
	}
	if string(data[36:40]) != "acsp" {
		return h, errors.New("not an ICC profile: no 'acsp' signature")
	}
	if size := binary.BigEndian.Uint32(data); int64(size) != int64(len(data)) {
		return h, fmt.Errorf("ICC profile of %d bytes says it has %d", len(data), size)
	}
	h.Version = [2]int{int(data[8]), int(data[9] >> 4)}
	h.Class = string(data[12:16])
	h.Space = string(data[16:20])
	h.N = map[string]int{"RGB ": 3, "CMYK": 4, "GRAY": 1}[h.Space]
	count := int(binary.BigEndian.Uint32(data[128:]))
	if count > (len(data)-132)/12 {
		return h, fmt.Errorf("ICC profile: %d tags do not fit in %d bytes", count, len(data))
	}
	for i := range count {
		e := data[132+12*i:]
		off, size := int(binary.BigEndian.Uint32(e[4:])), int(binary.BigEndian.Uint32(e[8:]))
		if off < 0 || size < 0 || off > len(data) || size > len(data)-off {
			return h, fmt.Errorf("ICC profile: tag %q lies outside the profile", e[:4])
		}
		if string(e[:4]) == "desc" {
			h.Description = description(data[off : off+size])
		}
	}
	return h, nil
}

// description returns the text of a 'desc' tag: a textDescriptionType
// (ICC v2: its ASCII part) or a multiLocalizedUnicodeType (v4: its
// first record), or "".
func description(tag []byte) string {
	if len(tag) < 12 {
		return ""
	}
	switch string(tag[:4]) {
	case "desc":
		n := int(binary.BigEndian.Uint32(tag[8:]))
		if n <= 0 || n > len(tag)-12 {
			return ""
		}
		return strings.TrimRight(string(tag[12:12+n]), "\x00")
	case "mluc":
		if len(tag) < 28 || binary.BigEndian.Uint32(tag[8:]) == 0 {
			return ""
		}
		n, off := int(binary.BigEndian.Uint32(tag[20:])), int(binary.BigEndian.Uint32(tag[24:]))
		if off < 0 || n < 0 || off > len(tag) || n > len(tag)-off {
			return ""
		}
		var u []uint16
		for c := range slices.Chunk(tag[off:off+n], 2) {
			if len(c) == 2 {
				u = append(u, binary.BigEndian.Uint16(c))
			}
		}
		return string(utf16.Decode(u))
	}
	return ""
}
