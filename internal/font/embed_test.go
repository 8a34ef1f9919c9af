package font

import (
	"bytes"
	"encoding/binary"
	"os"
	"strings"
	"sync"
	"testing"
)

func TestEmbeddingInter(t *testing.T) {
	tests := []struct {
		name  string
		flags int
		angle float64
		stemV int
	}{
		// StemV: 50 + (weight/65)², weights 400, 400, 600, 700.
		{"Inter-Regular", flagSymbolic, 0, 87},
		{"Inter-Italic", flagSymbolic | flagItalic, -9.398, 87},
		{"Inter-SemiBold", flagSymbolic | flagForceBold, 0, 135},
		{"Inter-Bold", flagSymbolic | flagForceBold, 0, 165},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := inter(t, tt.name)
			e, err := f.Embedding()
			if err != nil {
				t.Fatal(err)
			}
			if e.PostScriptName != tt.name {
				t.Errorf("PostScriptName = %q, want %q", e.PostScriptName, tt.name)
			}
			if e.Flags != tt.flags {
				t.Errorf("Flags = %#x, want %#x", e.Flags, tt.flags)
			}
			if d := e.ItalicAngle - tt.angle; d > 0.001 || d < -0.001 {
				t.Errorf("ItalicAngle = %v, want %v", e.ItalicAngle, tt.angle)
			}
			if e.StemV != tt.stemV {
				t.Errorf("StemV = %d, want %d", e.StemV, tt.stemV)
			}
			// Inter: ascender 1984, descender -494, sCapHeight 1490, 2048 units.
			if e.Ascent != 969 || e.Descent != -241 || e.CapHeight != 728 {
				t.Errorf("Ascent, Descent, CapHeight = %d, %d, %d; want 969, -241, 728", e.Ascent, e.Descent, e.CapHeight)
			}
			if e.BBox[0] >= 0 || e.BBox[1] >= 0 || e.BBox[2] <= 1000 || e.BBox[3] <= e.Ascent {
				t.Errorf("BBox = %v", e.BBox)
			}
			// Every rune: the glyph's width is the face's advance, and a
			// glyph exactly when the face has the rune.
			for r := rune(0); r <= 0x10FFFF; r++ {
				if r == 0x30000 {
					r = 0xE0000 // no font maps the planes between
				}
				g := e.Glyph(r)
				if (g != 0) != f.Has(r) {
					t.Fatalf("Glyph(%U) = %d, but Has = %v", r, g, f.Has(r))
				}
				if w := e.Width(g); w != f.Advance(r) {
					t.Fatalf("Width(Glyph(%U)) = %d, want Advance = %d", r, w, f.Advance(r))
				}
			}
			if again, _ := f.Embedding(); again != e {
				t.Errorf("a second call made a new Embedding")
			}
		})
	}
}

// TestEmbeddingConcurrent asks many goroutines for the same faces'
// embeddings and subsets at once (run it with -race).
func TestEmbeddingConcurrent(t *testing.T) {
	data, err := os.ReadFile("../../fonts/Inter-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	face, err := Parse("Inter-Regular.ttf", data) // a face of its own: no embedding yet
	if err != nil {
		t.Fatal(err)
	}
	const n = 8
	got := make([]*Embedding, n)
	fonts := make([][]byte, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			e, err := face.Embedding()
			if err != nil {
				t.Error(err)
				return
			}
			got[i] = e
			sub := e.NewSubset()
			for _, r := range "Concurrent subsets’ʼ" {
				sub.CID(r)
			}
			fonts[i], err = sub.Font()
			if err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for i := 1; i < n; i++ {
		if got[i] != got[0] {
			t.Errorf("goroutine %d got another Embedding", i)
		}
		if !bytes.Equal(fonts[i], fonts[0]) {
			t.Errorf("goroutine %d made another font program", i)
		}
	}
}

func TestEmbeddingDamaged(t *testing.T) {
	withGlyf := func(edit func(s *synth)) []byte {
		s := basic()
		s.extra = map[string][]byte{}
		s.extra["glyf"], s.extra["loca"] = glyfLoca(simpleGlyph(1), simpleGlyph(1), compositeGlyph(component{0, 1}), nil, nil)
		edit(&s)
		return s.build()
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"loca too short", withGlyf(func(s *synth) { s.extra["loca"] = s.extra["loca"][:6] }), "font bad: table \"loca\" is 6 bytes, 5 glyphs need 12"},
		{"loca past glyf", withGlyf(func(s *synth) { be16(s.extra["loca"], 4, 0x7000) }), "font bad: glyph 1: table \"loca\" gives bytes 10 to 57344"},
		{"loca format", withGlyf(func(s *synth) {
			head := make([]byte, 54)
			be16(head, 18, 1000)
			be16(head, 50, 7)
			s.extra["head"] = head
		}), "font bad: table \"head\" gives indexToLocFormat 7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse("bad", tt.data)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			_, err = f.Embedding()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Embedding() error = %v, want %q", err, tt.want)
			}
			if _, again := f.Embedding(); again == nil || again.Error() != err.Error() {
				t.Errorf("second call: %v, want the same error", again)
			}
		})
	}
}

// TestDamagedGlyphInSubset checks that a damaged composite glyph fails
// the subsets that use it, naming it, and no others: glyphs are read as
// a subset needs them.
func TestDamagedGlyphInSubset(t *testing.T) {
	s := basic()
	s.extra = map[string][]byte{}
	g, _ := glyfLoca(simpleGlyph(1), simpleGlyph(1), compositeGlyph(component{0, 1}), nil, nil)
	s.extra["glyf"], s.extra["loca"] = glyfLoca(simpleGlyph(1), simpleGlyph(1), g[20:33], nil, nil) // glyph 2 ('B') is cut short
	f, err := Parse("bad", s.build())
	if err != nil {
		t.Fatal(err)
	}
	e, err := f.Embedding()
	if err != nil {
		t.Fatalf("Embedding() = %v, want no error: glyph 2 is not read until a subset needs it", err)
	}
	for _, tt := range []struct {
		text, want string
	}{
		{"A", ""},
		{"AB", "glyph 2: composite glyph is truncated"},
	} {
		sub := e.NewSubset()
		for _, r := range tt.text {
			sub.CID(r)
		}
		_, err := sub.Font()
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("subset of %q: %v", tt.text, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "font ")):
			t.Errorf("subset of %q: error %v, want one naming the font and %q", tt.text, err, tt.want)
		}
	}
}

// nameTable builds a 'name' table of (platform, encoding, language,
// nameID, bytes) records.
func nameTable(recs ...[5]any) []byte {
	var storage []byte
	b := make([]byte, 6+12*len(recs))
	be16(b, 2, len(recs))
	be16(b, 4, len(b))
	for i, r := range recs {
		rec := 6 + 12*i
		for k := range 4 {
			be16(b, rec+2*k, r[k].(int))
		}
		s := r[4].([]byte)
		be16(b, rec+8, len(s))
		be16(b, rec+10, len(storage))
		storage = append(storage, s...)
	}
	return append(b, storage...)
}

func utf16Bytes(s string) []byte {
	var b []byte
	for _, r := range s {
		b = binary.BigEndian.AppendUint16(b, uint16(r))
	}
	return b
}

func TestPostScriptName(t *testing.T) {
	win := func(lang int, s string) [5]any { return [5]any{3, 1, lang, 6, utf16Bytes(s)} }
	mac := func(s string) [5]any { return [5]any{1, 0, 0, 6, []byte(s)} }
	tests := []struct {
		name  string
		table []byte
		file  string
		want  string
	}{
		{"Windows US English", nameTable(mac("MacName"), win(0x40C, "French"), win(0x409, "Inter-Bold")), "x.ttf", "Inter-Bold"},
		{"any Windows", nameTable(mac("MacName"), win(0x40C, "Inter-Fr")), "x.ttf", "Inter-Fr"},
		{"Macintosh", nameTable(mac("Inter-Mac"), [5]any{3, 1, 0x409, 4, utf16Bytes("Full Name")}), "x.ttf", "Inter-Mac"},
		{"cleaned", nameTable(win(0x409, "My Font/Bold (1)#%")), "x.ttf", "MyFontBold1"},
		{"nothing usable", nameTable(win(0x409, "()[]"), [5]any{0, 3, 0, 6, utf16Bytes("Unicode")}), "Fallback Face.ttf", "FallbackFace"},
		{"no table", nil, "dir/Inter_Display-1.2.ttf", "Inter_Display-1.2"},
		{"nothing at all", nil, "(((.ttf", "Font"},
		{"too long", nameTable(win(0x409, strings.Repeat("A", 100))), "x.ttf", strings.Repeat("A", maxPSName)},
		{"record past the table", nameTable(win(0x409, "Cut"))[:20], "cut.ttf", "cut"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := postScriptName(tt.table, tt.file); got != tt.want {
				t.Errorf("postScriptName() = %q, want %q", got, tt.want)
			}
		})
	}
}
