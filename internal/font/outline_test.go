package font

import (
	"encoding/binary"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestOutlineBoundsInter decodes every glyph of the Inter faces and
// checks its outline against the bounding box its description's header
// gives: every point decoded, composites placed where the font's tools
// put them. A simple glyph's box is exact; a composite's may be 1 unit
// off, since the bold faces' tools computed it before rounding the
// components' offsets (250 of Inter SemiBold's composites, 308 of Bold's).
func TestOutlineBoundsInter(t *testing.T) {
	for _, name := range fontFiles {
		t.Run(name, func(t *testing.T) {
			f := inter(t, name)
			e, err := f.Embedding()
			if err != nil {
				t.Fatal(err)
			}
			composites, checked := 0, 0
			for g := range e.out.numGlyphs() {
				o, err := f.Outline(uint16(g))
				if err != nil {
					t.Fatalf("Outline(%d): %v", g, err)
				}
				d := e.out.glyph(g)
				if len(d) == 0 {
					if len(o) != 0 {
						t.Errorf("glyph %d has no description but %d segments", g, len(o))
					}
					continue
				}
				if i16(d, 0) < 0 {
					composites++
				}
				checked++
				header := [4]float64{float64(i16(d, 2)), float64(i16(d, 4)), float64(i16(d, 6)), float64(i16(d, 8))}
				tolerance := 0.0
				if i16(d, 0) < 0 {
					tolerance = 1
				}
				got := o.Bounds()
				for i := range got {
					if got[i] < header[i]-tolerance || got[i] > header[i]+tolerance {
						t.Errorf("glyph %d: outline bounds %v, header says %v", g, got, header)
						break
					}
				}
				if n := i16(d, 0); n > 0 && count(o, MoveTo) != n {
					t.Errorf("glyph %d: %d contours, header says %d", g, count(o, MoveTo), n)
				}
			}
			if composites < 500 || checked < 2000 {
				t.Errorf("checked %d glyphs of which %d composite; want thousands, many composite", checked, composites)
			}
		})
	}
}

func count(o Outline, op SegmentOp) int {
	n := 0
	for _, s := range o {
		if s.Op == op {
			n++
		}
	}
	return n
}

// TestOutlineAccented checks that accented letters, composites in Inter,
// have both their parts: the base letter where it is on its own, and
// the accent above it (or the cedilla below).
func TestOutlineAccented(t *testing.T) {
	f := inter(t, "Inter-Regular")
	e, err := f.Embedding()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		accented, base rune
		above          bool
	}{
		{'é', 'e', true}, {'à', 'a', true}, {'É', 'E', true}, {'ô', 'o', true}, {'ç', 'c', false},
	}
	for _, tt := range tests {
		t.Run(string(tt.accented), func(t *testing.T) {
			g := e.Glyph(tt.accented)
			if len(e.components(g)) < 2 {
				t.Fatalf("%c (glyph %d) is not a composite of two glyphs in this font: %v", tt.accented, g, e.components(g))
			}
			acc, err := f.Outline(g)
			if err != nil {
				t.Fatal(err)
			}
			base, err := f.Outline(e.Glyph(tt.base))
			if err != nil {
				t.Fatal(err)
			}
			if len(acc) <= len(base) || !slices.Equal(acc[:len(base)], base) {
				t.Fatalf("%c does not start with the outline of %c (%d segments, %d)", tt.accented, tt.base, len(acc), len(base))
			}
			mark := acc[len(base):].Bounds()
			bb := base.Bounds()
			if tt.above && mark[3] <= bb[3] || !tt.above && mark[1] >= bb[1] {
				t.Errorf("%c: the mark's box %v is not where it belongs against %c's %v", tt.accented, mark, tt.base, bb)
			}
		})
	}
}

// tp is a point of a synthetic simple glyph.
type tp struct {
	x, y int
	on   bool
}

// simpleOutline encodes contours as a simple glyph description, with
// every coordinate a 16-bit delta.
func simpleOutline(contours ...[]tp) []byte {
	b := make([]byte, 10)
	be16(b, 0, len(contours))
	var pts []tp
	for _, c := range contours {
		pts = append(pts, c...)
		b = binary.BigEndian.AppendUint16(b, uint16(len(pts)-1))
	}
	b = append(b, 0, 0) // no instructions
	for _, p := range pts {
		fl := byte(0)
		if p.on {
			fl = onCurve
		}
		b = append(b, fl)
	}
	prev := tp{}
	for _, p := range pts {
		b = binary.BigEndian.AppendUint16(b, uint16(int16(p.x-prev.x)))
		prev.x = p.x
	}
	for _, p := range pts {
		b = binary.BigEndian.AppendUint16(b, uint16(int16(p.y-prev.y)))
		prev.y = p.y
	}
	return b
}

// part is a component of a synthetic composite glyph: word arguments,
// and the transform its flags call for, in F2Dot14.
type part struct {
	flags, glyph, a1, a2 int
	m                    []float64
}

func compositeOutline(parts ...part) []byte {
	b := make([]byte, 10)
	be16(b, 0, -1)
	for i, p := range parts {
		fl := p.flags | argsAreWords
		if i < len(parts)-1 {
			fl |= moreComponents
		}
		b = binary.BigEndian.AppendUint16(b, uint16(fl))
		b = binary.BigEndian.AppendUint16(b, uint16(p.glyph))
		b = binary.BigEndian.AppendUint16(b, uint16(int16(p.a1)))
		b = binary.BigEndian.AppendUint16(b, uint16(int16(p.a2)))
		for _, v := range p.m {
			b = binary.BigEndian.AppendUint16(b, uint16(int16(v*(1<<14))))
		}
	}
	return b
}

func TestOutlineSynthetic(t *testing.T) {
	on := func(x, y int) tp { return tp{x, y, true} }
	off := func(x, y int) tp { return tp{x, y, false} }
	seg := func(op SegmentOp, xy ...float64) Segment {
		s := Segment{Op: op}
		for i := 0; i < len(xy); i += 2 {
			s.P[i/2] = Point{xy[i], xy[i+1]}
		}
		return s
	}
	square := simpleOutline([]tp{on(0, 0), on(0, 100), on(100, 100), on(100, 0)})
	squareOut := Outline{seg(MoveTo, 0, 0), seg(LineTo, 0, 100), seg(LineTo, 100, 100), seg(LineTo, 100, 0), seg(Close)}
	tests := []struct {
		name   string
		glyphs [][]byte // glyph 0 is the one outlined
		want   Outline
		err    string
	}{
		{"lines", [][]byte{square}, squareOut, ""},
		{"closing point repeated", [][]byte{simpleOutline([]tp{on(0, 0), on(0, 100), on(100, 0), on(0, 0)})},
			Outline{seg(MoveTo, 0, 0), seg(LineTo, 0, 100), seg(LineTo, 100, 0), seg(Close)}, ""},
		{"two off-curve points imply one on the curve", [][]byte{simpleOutline([]tp{on(0, 0), off(0, 100), off(100, 100), on(100, 0)})},
			Outline{seg(MoveTo, 0, 0), seg(QuadTo, 0, 100, 50, 100), seg(QuadTo, 100, 100, 100, 0), seg(Close)}, ""},
		{"curve back to the start", [][]byte{simpleOutline([]tp{on(0, 0), on(100, 0), off(50, 80)})},
			Outline{seg(MoveTo, 0, 0), seg(LineTo, 100, 0), seg(QuadTo, 50, 80, 0, 0), seg(Close)}, ""},
		{"starts off the curve, ends on it", [][]byte{simpleOutline([]tp{off(0, 100), on(100, 100), on(0, 0)})},
			Outline{seg(MoveTo, 0, 0), seg(QuadTo, 0, 100, 100, 100), seg(Close)}, ""},
		{"only off-curve points: a circle", [][]byte{simpleOutline([]tp{off(0, 0), off(0, 100), off(100, 100), off(100, 0)})},
			Outline{seg(MoveTo, 50, 0), seg(QuadTo, 0, 0, 0, 50), seg(QuadTo, 0, 100, 50, 100), seg(QuadTo, 100, 100, 100, 50), seg(QuadTo, 100, 0, 50, 0), seg(Close)}, ""},
		{"two contours", [][]byte{simpleOutline([]tp{on(0, 0), on(0, 10), on(10, 0)}, []tp{on(20, 0), on(20, 10), on(30, 0)})},
			Outline{seg(MoveTo, 0, 0), seg(LineTo, 0, 10), seg(LineTo, 10, 0), seg(Close), seg(MoveTo, 20, 0), seg(LineTo, 20, 10), seg(LineTo, 30, 0), seg(Close)}, ""},
		{"empty glyph", [][]byte{nil}, nil, ""},
		{"component moved", [][]byte{compositeOutline(part{argsAreXY, 1, 10, -20, nil}), square},
			Outline{seg(MoveTo, 10, -20), seg(LineTo, 10, 80), seg(LineTo, 110, 80), seg(LineTo, 110, -20), seg(Close)}, ""},
		{"component scaled; offset not scaled", [][]byte{compositeOutline(part{argsAreXY | haveScale, 1, 10, 10, []float64{0.5}}), square},
			Outline{seg(MoveTo, 10, 10), seg(LineTo, 10, 60), seg(LineTo, 60, 60), seg(LineTo, 60, 10), seg(Close)}, ""},
		{"component scaled with its offset", [][]byte{compositeOutline(part{argsAreXY | haveScale | scaledOffset, 1, 10, 10, []float64{0.5}}), square},
			Outline{seg(MoveTo, 5, 5), seg(LineTo, 5, 55), seg(LineTo, 55, 55), seg(LineTo, 55, 5), seg(Close)}, ""},
		{"x and y scales", [][]byte{compositeOutline(part{argsAreXY | haveXYScale, 1, 0, 0, []float64{1, -1}}), square},
			Outline{seg(MoveTo, 0, 0), seg(LineTo, 0, -100), seg(LineTo, 100, -100), seg(LineTo, 100, 0), seg(Close)}, ""},
		{"2×2: a quarter turn", [][]byte{compositeOutline(part{argsAreXY | have2x2, 1, 0, 0, []float64{0, 1, -1, 0}}), square},
			Outline{seg(MoveTo, 0, 0), seg(LineTo, -100, 0), seg(LineTo, -100, 100), seg(LineTo, 0, 100), seg(Close)}, ""},
		{"points matched", [][]byte{compositeOutline(part{argsAreXY, 1, 0, 0, nil}, part{0, 1, 2, 0, nil}), square},
			append(append(Outline{}, squareOut...), seg(MoveTo, 100, 100), seg(LineTo, 100, 200), seg(LineTo, 200, 200), seg(LineTo, 200, 100), seg(Close)), ""},
		{"nested composite", [][]byte{compositeOutline(part{argsAreXY, 1, 5, 5, nil}), compositeOutline(part{argsAreXY, 2, 5, 5, nil}), square},
			Outline{seg(MoveTo, 10, 10), seg(LineTo, 10, 110), seg(LineTo, 110, 110), seg(LineTo, 110, 10), seg(Close)}, ""},
		{"contains itself", [][]byte{compositeOutline(part{argsAreXY, 0, 0, 0, nil})}, nil, "nested more than 8 deep"},
		{"components without end", [][]byte{
			compositeOutline(slices.Repeat([]part{{argsAreXY, 1, 0, 0, nil}}, 200)...),
			compositeOutline(slices.Repeat([]part{{argsAreXY, 2, 0, 0, nil}}, 200)...),
			square}, nil, "more than 65536 points"},
		{"points that do not exist", [][]byte{compositeOutline(part{argsAreXY, 1, 0, 0, nil}, part{0, 1, 9, 0, nil}), square}, nil, "matches points 9 and 0"},
		{"truncated simple glyph", [][]byte{square[:len(square)-3]}, nil, "truncated"},
		{"truncated composite", [][]byte{compositeOutline(part{argsAreXY, 1, 0, 0, nil})[:13], square}, nil, "truncated"},
		{"contours out of order", [][]byte{func() []byte {
			b := simpleOutline([]tp{on(0, 0), on(1, 1)}, []tp{on(2, 2)})
			be16(b, 10, 2)
			return b
		}()}, nil, "before the previous contour's end"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			glyf, loca := glyfLoca(tt.glyphs...)
			head := make([]byte, 54)
			o, err := readOutlines(head, loca, glyf, len(tt.glyphs))
			if err != nil {
				t.Fatal(err)
			}
			var gp glyphPoints
			err = gp.add(o, 0, 0)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error = %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := gp.outline(); !slices.Equal(got, tt.want) {
				t.Errorf("outline =\n%v\nwant\n%v", got, tt.want)
			}
		})
	}
}

// TestOutlineDamaged checks that a damaged glyph description is an
// error naming the font and the glyph, and that ids past the font's
// glyphs have no outline.
func TestOutlineDamaged(t *testing.T) {
	data, err := os.ReadFile("../../fonts/Inter-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	good := inter(t, "Inter-Regular")
	e, err := good.Embedding()
	if err != nil {
		t.Fatal(err)
	}
	g := e.Glyph('e')
	off := e.out.loca[g]
	damaged := withTable(t, data, "glyf", func(table, _ []byte) {
		be16(table, int(off), 30000) // contours past the description's end
	})
	f, err := Parse("damaged.ttf", damaged)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("font damaged.ttf: glyph %d: simple glyph is truncated", g)
	if _, err := f.Outline(g); err == nil || err.Error() != want {
		t.Errorf("Outline of a damaged glyph: error %v, want %q", err, want)
	}
	if o, err := f.Outline(e.Glyph('a')); err != nil || len(o) == 0 {
		t.Errorf("Outline of an intact glyph of the same font = %d segments, %v", len(o), err)
	}
	if o, err := good.Outline(60000); err != nil || len(o) != 0 {
		t.Errorf("Outline of a glyph id past the font = %v, %v; want empty, nil", o, err)
	}
}

// FuzzOutline decodes arbitrary glyph descriptions, as glyph 0 of a font
// whose glyph 1 is a square: an error or an outline, never a panic, and
// an outline is closed contours.
func FuzzOutline(f *testing.F) {
	on := func(x, y int) tp { return tp{x, y, true} }
	square := simpleOutline([]tp{on(0, 0), on(0, 100), on(100, 100), on(100, 0)})
	f.Add(square)
	f.Add(simpleOutline([]tp{{0, 0, false}, {0, 100, false}}, []tp{on(5, 5)}))
	f.Add(compositeOutline(part{argsAreXY | have2x2, 1, 3, 4, []float64{0, 1, -1, 0}}, part{0, 1, 2, 0, nil}))
	f.Add(compositeOutline(part{argsAreXY, 0, 0, 0, nil}))
	f.Fuzz(func(t *testing.T, data []byte) {
		glyf, loca := glyfLoca(data, square)
		o, err := readOutlines(make([]byte, 54), loca, glyf, 2)
		if err != nil {
			t.Fatal(err)
		}
		var gp glyphPoints
		if err := gp.add(o, 0, 0); err != nil {
			return
		}
		open := false
		for _, s := range gp.outline() {
			if (s.Op == MoveTo) == open {
				t.Fatalf("segment %v where a contour is %v", s, map[bool]string{true: "open", false: "closed"}[open])
			}
			open = s.Op != Close
		}
		if open {
			t.Fatal("the last contour is not closed")
		}
	})
}
