package preflight

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/color"
	"github.com/brochure-dev/brochure/internal/font"
	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/pdf"
)

func TestReadToUnicode(t *testing.T) {
	cmap := `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar
<0003> <0020>
<0112> <00E9>
<0200> <D83DDE00>
endbfchar
2 beginbfrange
<0010> <0012> <0041>
<0020> <0021> [<0078> <2019>]
endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`
	m := readToUnicode([]byte(cmap))
	for code, want := range map[int]rune{3: ' ', 0x112: 'é', 0x200: '😀', 0x10: 'A', 0x12: 'C', 0x20: 'x', 0x21: '’'} {
		if got, _ := m.lookup(code); got != want {
			t.Errorf("code %04X: %q, want %q", code, got, want)
		}
	}
	for _, code := range []int{0, 2, 4, 0xF, 0x13, 0x1F, 0x22, 0x201} {
		if r, ok := m.lookup(code); ok {
			t.Errorf("code %04X: %q, want none", code, r)
		}
	}
	if m := readToUnicode([]byte("<0001> <0041> endbfchar <00> endbfrange [")); len(m.codes) != 1 || len(m.ranges) != 0 {
		t.Errorf("damaged map: %+v", m)
	}
	// A range of four billion codes mapped to an empty array: it must
	// end at once, with nothing.
	if m := readToUnicode([]byte("<00000000> <FFFFFFFF> [] endbfrange")); len(m.codes) != 0 || len(m.ranges) != 0 {
		t.Errorf("huge empty range: %+v", m)
	}
}

// TestToUnicodeRanges: ranges onto strings are kept whole, so that a
// CMap of a few bytes never costs 65,536 entries (FuzzReadToUnicode spent
// 45 s shrinking such an input, 30 ms a try); overlapping ranges are cut
// so that the first one wins.
func TestToUnicodeRanges(t *testing.T) {
	tests := []struct {
		cmap   string
		ranges int
		want   map[int]rune // code → character; 0: none
	}{
		{"<0000> <FFFF> <0041> endbfrange", 1, map[int]rune{0: 'A', 1: 'B', 0xFFFF: 0x10040}},
		{strings.Repeat("<0000> <FFFF> <0041> ", 300) + "endbfrange", 1, map[int]rune{5: 'F'}},
		{"<0010> <0020> <0061> <0018> <0030> <0041> <0015> <0016> <0030> endbfrange", 2, map[int]rune{0x10: 'a', 0x18: 'i', 0x20: 'q', 0x21: 'J', 0x30: 'Y', 0x31: 0}},
		{"<0005> <0001> <0041> endbfrange", 0, map[int]rune{3: 0}},
		{"<00000000> <FFFFFFFF> <DBFFDFFF> endbfrange", 1, map[int]rune{0: unicode.MaxRune, 1: unicode.ReplacementChar}},
		{"1 beginbfchar <0003> <0020> endbfchar 1 beginbfrange <0000> <0009> <0030> endbfrange", 1, map[int]rune{2: '2', 3: ' ', 4: '4'}},
	}
	for _, tt := range tests {
		m := readToUnicode([]byte(tt.cmap))
		if len(m.ranges) != tt.ranges {
			t.Errorf("%.40s: %d ranges, want %d", tt.cmap, len(m.ranges), tt.ranges)
		}
		for code, want := range tt.want {
			if got, ok := m.lookup(code); got != want || ok != (want != 0) {
				t.Errorf("%.40s: code %X: %q %v, want %q", tt.cmap, code, got, ok, want)
			}
		}
	}
}

// TestOurTextNearTrim checks a print file as our writer makes it, whose
// CIDs are glyph ids: the safe-zone message quotes the real text, and
// spaces around it do not count as ink.
func TestOurTextNearTrim(t *testing.T) {
	face := interRegular(t)
	mm := ptPerMM
	text := func(x float64, s string) *frame.Text {
		return &frame.Text{X: x, Y: 100, Text: s, Face: face, Size: 10, Color: color.Black, Width: face.KernedWidth(s, 10)}
	}
	for _, tc := range []struct {
		name string
		text *frame.Text
		want []string // empty: the file passes
	}{
		{"far from the trim", text(20*mm, "Site Reliability Engineer"), nil},
		{"spaces reach the safe zone, ink does not", text(20*mm-face.KernedWidth("\u00a0\u00a0\u00a0", 10), "\u00a0\u00a0\u00a0Ingénieur"), nil},
		{"2 mm from the left edge", text(2*mm, "Ingénieur fiabilité"), []string{`"Ingénieur fiabilité"`, "2.0 mm from the left edge"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := &frame.Document{Width: 210 * mm, Height: 297 * mm, Print: &frame.Print{Bleed: 3 * mm, CropMarks: true},
				Pages: []*frame.Page{{Items: []frame.Item{tc.text}}}}
			var buf bytes.Buffer
			if err := pdf.Write(&buf, d); err != nil {
				t.Fatal(err)
			}
			r, err := CheckBytes("test.pdf", buf.Bytes(), Options{Print: true, Bleed: 3 * mm, Safe: 5 * mm})
			if err != nil {
				t.Fatal(err)
			}
			var safe Result
			for _, c := range r.Checks {
				if c.Name == CheckSafeZone {
					safe = c
				}
			}
			if len(tc.want) == 0 {
				if !safe.OK {
					t.Errorf("safe zone fails: %v", safe)
				}
				return
			}
			if safe.OK {
				t.Fatal("safe zone passes")
			}
			for _, w := range tc.want {
				if !strings.Contains(safe.Detail, w) {
					t.Errorf("message %q lacks %q", safe.Detail, w)
				}
			}
		})
	}
}

// FuzzReadToUnicode feeds arbitrary CMaps to the reader: it must never
// panic, and keep to its bound.
func FuzzReadToUnicode(f *testing.F) {
	f.Add([]byte("1 beginbfchar <0003> <0020> endbfchar 1 beginbfrange <0010> <0012> <0041> endbfrange"))
	f.Add([]byte("1 beginbfrange <0000> <FFFF> [<00> <D83D> <DE00DE00>] endbfrange"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m := readToUnicode(data)
		if len(m.codes) > maxCIDEntries || len(m.ranges) > maxCIDEntries {
			t.Fatalf("%d codes, %d ranges", len(m.codes), len(m.ranges))
		}
		// Cut apart, the ranges can be searched.
		for k := 1; k < len(m.ranges); k++ {
			if m.ranges[k].lo <= m.ranges[k-1].hi || m.ranges[k].lo > m.ranges[k].hi {
				t.Fatalf("ranges %d and %d overlap: %+v", k-1, k, m.ranges)
			}
		}
	})
}

// interRegular is the built-in Inter Regular face, for files made by our
// writer in tests.
func interRegular(t *testing.T) *font.Face {
	t.Helper()
	data, err := fonts.FS.ReadFile("Inter-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	face, err := font.Parse("Inter-Regular.ttf", data)
	if err != nil {
		t.Fatal(err)
	}
	return face
}
