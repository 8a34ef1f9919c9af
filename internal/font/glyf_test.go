package font

import (
	"encoding/binary"
	"slices"
	"strings"
	"testing"
)

// simpleGlyph returns a glyph description with n contours and filler
// bytes standing for its points: the subsetter copies it as it is.
func simpleGlyph(n int, filler ...byte) []byte {
	b := make([]byte, 10)
	be16(b, 0, n)
	return append(b, filler...)
}

// component is one part of a composite glyph.
type component struct {
	flags, glyph int
}

// compositeGlyph returns a composite glyph description of the components,
// with the argument and transform bytes their flags call for.
func compositeGlyph(parts ...component) []byte {
	b := make([]byte, 10)
	be16(b, 0, -1)
	for i, p := range parts {
		flags := p.flags
		if i < len(parts)-1 {
			flags |= moreComponents
		}
		b = binary.BigEndian.AppendUint16(b, uint16(flags))
		b = binary.BigEndian.AppendUint16(b, uint16(p.glyph))
		n := 2
		if flags&argsAreWords != 0 {
			n = 4
		}
		switch {
		case flags&haveScale != 0:
			n += 2
		case flags&haveXYScale != 0:
			n += 4
		case flags&have2x2 != 0:
			n += 8
		}
		b = append(b, make([]byte, n)...)
	}
	return b
}

// glyfLoca lays glyphs out as 'glyf' and a short-format 'loca' (each
// glyph padded to an even length).
func glyfLoca(glyphs ...[]byte) (glyf, loca []byte) {
	loca = make([]byte, 2*(len(glyphs)+1))
	for i, g := range glyphs {
		be16(loca, 2*i, len(glyf)/2)
		glyf = append(glyf, g...)
		if len(glyf)%2 != 0 {
			glyf = append(glyf, 0)
		}
	}
	be16(loca, 2*len(glyphs), len(glyf)/2)
	return glyf, loca
}

func TestComponents(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want []uint16
		err  string
	}{
		{"empty", nil, nil, ""},
		{"simple", simpleGlyph(2, 1, 2, 3), nil, ""},
		{"one byte-args component", compositeGlyph(component{0, 7}), []uint16{7}, ""},
		{"every kind of component", compositeGlyph(
			component{argsAreWords, 3},
			component{haveScale, 4},
			component{argsAreWords | haveXYScale, 5},
			component{have2x2, 6},
		), []uint16{3, 4, 5, 6}, ""},
		{"short header", []byte{0xFF, 0xFF, 0}, nil, "shorter than its 10-byte header"},
		{"no component", simpleGlyph(-1), nil, "truncated at byte 10"},
		{"truncated arguments", compositeGlyph(component{argsAreWords, 3})[:15], nil, "component 1 ends at byte 18"},
		{"more components promised", compositeGlyph(component{moreComponents, 3}), nil, "truncated at byte 16"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := appendComponents(nil, tt.data)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("appendComponents() error = %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil || !slices.Equal(got, tt.want) {
				t.Errorf("appendComponents() = %v, %v; want %v", got, err, tt.want)
			}
		})
	}
}

func TestReadOutlines(t *testing.T) {
	glyf, loca := glyfLoca(simpleGlyph(1), nil, simpleGlyph(2, 9))
	head := func(format int) []byte {
		h := make([]byte, 54)
		be16(h, 50, format)
		return h
	}
	long := make([]byte, 16)
	for i, off := range []int{0, 10, 10, 22} {
		be32(long, 4*i, off)
	}
	tests := []struct {
		name       string
		head, loca []byte
		n          int
		err        string
	}{
		{"short", head(0), loca, 3, ""},
		{"long", head(1), long, 3, ""},
		{"unknown format", head(2), loca, 3, "indexToLocFormat 2"},
		{"loca too short", head(0), loca[:6], 3, "3 glyphs need 8"},
		{"long loca too short", head(1), long[:12], 3, "3 glyphs need 16"},
		{"offsets decrease", head(0), []byte{0, 5, 0, 2, 0, 5, 0, 11}, 3, "glyph 0: table \"loca\" gives bytes 10 to 4"},
		{"past glyf", head(0), []byte{0, 0, 0, 5, 0, 5, 0, 12}, 3, "glyph 2: table \"loca\" gives bytes 10 to 24 of the 22-byte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := readOutlines(tt.head, tt.loca, glyf, tt.n)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("readOutlines() error = %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := [][]byte{simpleGlyph(1), {}, append(simpleGlyph(2, 9), 0)}
			for g, w := range want {
				if got := o.glyph(g); !slices.Equal(got, w) {
					t.Errorf("glyph(%d) = %v, want %v", g, got, w)
				}
			}
			for _, g := range []int{-1, 3, 1000} {
				if got := o.glyph(g); got != nil {
					t.Errorf("glyph(%d) = %v, want nil", g, got)
				}
			}
		})
	}
}

// appendComponents appends to dst the glyph ids a composite glyph
// description refers to, in order (see eachComponent); nothing for a
// simple or empty glyph.
func appendComponents(dst []uint16, data []byte) ([]uint16, error) {
	err := eachComponent(data, func(at int) { dst = append(dst, uint16(u16(data, at))) })
	return dst, err
}
