package icc

import (
	"bytes"
	"compress/zlib"

	"io"
	"strings"
	"testing"

	kzlib "github.com/klauspost/compress/zlib"
)

// TestBuiltInHeaders checks the headers written out in the package
// against what Parse reads from the profiles.
func TestBuiltInHeaders(t *testing.T) {
	for _, p := range builtIn {
		h, err := Parse(p.Data)
		if err != nil {
			t.Errorf("%s: %v", p.Identifier, err)
		} else if h != p.Header {
			t.Errorf("%s: header %+v, the profile says %+v", p.Identifier, p.Header, h)
		}
	}
}

// TestProfiles checks the shipped profiles' headers: what the output
// intents of screen and print files promise about them.
func TestProfiles(t *testing.T) {
	tests := []struct {
		p           *Profile
		class, desc string
		n           int
	}{
		{SRGB, "mntr", "sRGB", 3},
		{FOGRA39, "prtr", "Coated FOGRA39 (ISO 12647-2:2004)", 4},
		{FOGRA29, "prtr", "Uncoated FOGRA29 (ISO 12647-2:2004)", 4},
	}
	for _, tt := range tests {
		t.Run(tt.p.Identifier, func(t *testing.T) {
			if tt.p.Class != tt.class || tt.p.N != tt.n || tt.p.Description != tt.desc {
				t.Errorf("class %q, %d components, description %q; want %q, %d, %q",
					tt.p.Class, tt.p.N, tt.p.Description, tt.class, tt.n, tt.desc)
			}
			if tt.p.Version[0] != 2 && tt.p.Version[0] != 4 {
				t.Errorf("ICC version %v", tt.p.Version)
			}
			// A profile in every print file must stay small (README.md).
			if len(tt.p.Data) > 32<<10 {
				t.Errorf("%d bytes: more than 32 kB", len(tt.p.Data))
			}
		})
	}
}

func TestForPrint(t *testing.T) {
	tests := []struct {
		id, want, err string
	}{
		{"FOGRA39", "FOGRA39", ""},
		{"fogra29", "FOGRA29", ""},
		{"GRACoL2006", "", `unknown print condition "GRACoL2006" (known: "FOGRA39" (Coated`},
	}
	for _, tt := range tests {
		p, err := ForPrint(tt.id)
		switch {
		case tt.err != "":
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ForPrint(%q): error %v, want %q", tt.id, err, tt.err)
			}
		case err != nil || p.Identifier != tt.want:
			t.Errorf("ForPrint(%q) = %v, %v; want %s", tt.id, p, err, tt.want)
		}
	}
}

func TestParseBad(t *testing.T) {
	good := SRGB.Data
	tests := []struct {
		name string
		data []byte
		err  string
	}{
		{"short", good[:100], "shorter than its header"},
		{"no signature", append([]byte("xxxx"), good[4:]...), "says it has"},
		{"cut", good[:len(good)-10], "says it has"},
		{"not icc", make([]byte, 200), "no 'acsp'"},
	}
	for _, tt := range tests {
		if _, err := Parse(tt.data); err == nil || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.err)
		}
	}
}

// Each profile's Deflated is its Data compressed in the zlib format at the
// best level (go generate writes them): it inflates to Data, and
// compressing Data again gives the same bytes.
func TestDeflated(t *testing.T) {
	for _, p := range append([]*Profile{SRGB}, Print...) {
		zr, err := zlib.NewReader(bytes.NewReader(p.Deflated))
		if err != nil {
			t.Fatalf("%s: %v", p.Identifier, err)
		}
		got, err := io.ReadAll(zr)
		if err != nil || !bytes.Equal(got, p.Data) {
			t.Errorf("%s: Deflated inflates to %d bytes (%v), want the profile's %d: run go generate", p.Identifier, len(got), err, len(p.Data))
		}
		var b bytes.Buffer
		zw, _ := kzlib.NewWriterLevel(&b, kzlib.BestCompression)
		zw.Write(p.Data)
		zw.Close()
		if !bytes.Equal(b.Bytes(), p.Deflated) {
			t.Errorf("%s: Deflated is not what compressing the profile gives: run go generate", p.Identifier)
		}
	}
}
