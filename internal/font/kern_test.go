package font

import (
	"bufio"
	"bytes"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

func TestKernInter(t *testing.T) {
	tests := []struct {
		pair string
		neg  bool // kerns negatively; else 0
	}{
		{"AV", true}, {"Te", true}, {"Vo", true}, {"Ty", true}, {"LT", true},
		{"P.", true}, {"Wa", true}, {"To", true}, {"Yo", true},
		{"r,", true}, {"’s", true}, {"«A", true},
		{"ll", false}, {"mn", false}, {"oo", false}, {"HH", false},
		{"II", false}, {"nn", false}, {"1.", false}, {"ée", false},
	}
	for _, name := range []string{"Inter-Regular", "Inter-Bold"} {
		f := inter(t, name)
		if !f.HasKerning() {
			t.Fatalf("%s: HasKerning() = false", name)
		}
		for _, tt := range tests {
			a, n := utf8.DecodeRuneInString(tt.pair)
			b, _ := utf8.DecodeRuneInString(tt.pair[n:])
			got := f.Kern(a, b)
			if tt.neg && got >= 0 || !tt.neg && got != 0 {
				t.Errorf("%s: Kern(%q, %q) = %d, want %s", name, a, b, got, map[bool]string{true: "< 0", false: "0"}[tt.neg])
			}
		}
		// Unmapped runes, and runes out of range, never kern.
		for _, r := range []rune{0x4E2D, 0, 0xFFFF, -1, 0x1F600, 0x110000} {
			if f.Kern('A', r) != 0 || f.Kern(r, 'V') != 0 {
				t.Errorf("%s: Kern('A', %U), Kern(%U, 'V') = %d, %d; want 0", name, r, r, f.Kern('A', r), f.Kern(r, 'V'))
			}
		}
	}
}

// TestKernOracle compares Kern with the adjustments fontTools gives (see
// testdata/kernref.py).
func TestKernOracle(t *testing.T) {
	for _, name := range []string{"Inter-Regular", "Inter-Bold"} {
		f := inter(t, name)
		data, err := os.ReadFile("testdata/kern-" + name + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		lines, kerned := 0, 0
		for sc.Scan() {
			fields := strings.Split(sc.Text(), " ")
			if len(fields) != 4 {
				t.Fatalf("%s: bad line %q", name, sc.Text())
			}
			a, _ := utf8.DecodeRuneInString(fields[0])
			b, _ := utf8.DecodeRuneInString(fields[1])
			units, err1 := strconv.Atoi(fields[2])
			want, err2 := strconv.Atoi(fields[3])
			if err1 != nil || err2 != nil {
				t.Fatalf("%s: bad line %q", name, sc.Text())
			}
			if r := int(math.Round(1000.0 / 2048 * float64(units))); r != want {
				t.Fatalf("%s: line %q: %d units round to %d", name, sc.Text(), units, r)
			}
			if got := f.Kern(a, b); got != want {
				t.Errorf("%s: Kern(%q, %q) = %d, want %d (%d units)", name, a, b, got, want, units)
			}
			lines++
			if want != 0 {
				kerned++
			}
		}
		if lines < 200 || kerned < 100 {
			t.Errorf("%s: %d reference pairs, %d kerned; want at least 200 and 100", name, lines, kerned)
		}
	}
}

func TestKernedWidth(t *testing.T) {
	for _, name := range []string{"Inter-Regular", "Inter-Bold"} {
		f := inter(t, name)
		for _, s := range []string{"", "A", "AV", "AVA", "To: « Yves » – L’été", benchSentence, "A\U0001F850V\xffV"} {
			for _, size := range []float64{1, 10.5, 12} {
				want := f.Width(s, size)
				runes := []rune(s)
				for i := 1; i < len(runes); i++ {
					want += float64(f.Kern(runes[i-1], runes[i])) * size / 1000
				}
				if got := f.KernedWidth(s, size); math.Abs(got-want) > 1e-9 {
					t.Errorf("%s: KernedWidth(%q, %v) = %v, want %v", name, s, size, got, want)
				}
			}
		}
		if got, want := f.KernedWidth("AV", 12), f.Width("AV", 12)+float64(f.Kern('A', 'V'))*12/1000; math.Abs(got-want) > 1e-9 || got >= f.Width("AV", 12) {
			t.Errorf("%s: KernedWidth(AV) = %v, want %v, less than Width", name, got, want)
		}
	}
}

// TestKernEach checks that KernEach gives each rune with Kern's kerning
// before it, and KernedWidth's width to the bit, in a face with kerning
// and one without.
func TestKernEach(t *testing.T) {
	data, err := os.ReadFile("../../fonts/Inter-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	plain, err := Parse("Inter-Regular", withTable(t, data, "GPOS", func(_, rec []byte) { copy(rec, "gpos") }))
	if err != nil || plain.HasKerning() {
		t.Fatal(err, plain.HasKerning())
	}
	faces := map[string]*Face{"Inter-Regular": inter(t, "Inter-Regular"), "Inter-Bold": inter(t, "Inter-Bold"), "without kerning": plain}
	for name, f := range faces {
		for _, s := range []string{"", "A", "AV", "AVA", "To: « Yves » – L’été", benchSentence, "A\U0001F850V\xffV"} {
			var runes []rune
			var kerns []int
			width := f.KernEach(s, 10.5, func(r rune, kern int) {
				runes = append(runes, r)
				kerns = append(kerns, kern)
			})
			if want := f.KernedWidth(s, 10.5); width != want {
				t.Errorf("%s: KernEach(%q) width %v, KernedWidth %v", name, s, width, want)
			}
			if want := []rune(s); !slices.Equal(runes, want) {
				t.Errorf("%s: KernEach(%q) gave runes %q, want %q", name, s, runes, want)
			}
			for i, k := range kerns {
				want := 0
				if i > 0 {
					want = f.Kern(runes[i-1], runes[i])
				}
				if k != want {
					t.Errorf("%s: KernEach(%q): kerning %d before rune %d, Kern gives %d", name, s, k, i, want)
				}
			}
		}
	}
}

func TestKernDoesNotAllocate(t *testing.T) {
	f := inter(t, "Inter-Regular")
	if n := testing.AllocsPerRun(100, func() { f.KernedWidth(benchSentence+"\U0001F850", 10) }); n != 0 {
		t.Errorf("KernedWidth allocates %v times per call, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() { f.Kern('A', 'V') }); n != 0 {
		t.Errorf("Kern allocates %v times per call, want 0", n)
	}
}

// withTable returns a copy of font data whose table tag is edited, in
// place, by edit, which gets the table's bytes and directory record.
func withTable(tb testing.TB, data []byte, tag string, edit func(table, rec []byte)) []byte {
	tb.Helper()
	data = bytes.Clone(data)
	for i := range int(u16(data, 4)) {
		rec := data[12+16*i : 12+16*i+16]
		if string(rec[:4]) == tag {
			off, n := u32(rec, 8), u32(rec, 12)
			edit(data[off:off+n], rec)
			return data
		}
	}
	tb.Fatalf("no table %q", tag)
	return nil
}

// truncatedGPOS returns Inter Regular with its GPOS table cut to keep bytes.
func truncatedGPOS(tb testing.TB, keep int) []byte {
	data, err := os.ReadFile("../../fonts/Inter-Regular.ttf")
	if err != nil {
		tb.Fatal(err)
	}
	return withTable(tb, data, "GPOS", func(_, rec []byte) { be32(rec, 12, keep) })
}

// A damaged GPOS table loses (some) kerning, never the font.
func TestKernDamagedInter(t *testing.T) {
	intact := inter(t, "Inter-Regular")
	cases := map[string][]byte{}
	for _, keep := range []int{0, 9, 10, 100, 1000, 5000, 20000, 60000} {
		cases["GPOS cut to "+strconv.Itoa(keep)] = truncatedGPOS(t, keep)
	}
	data, _ := os.ReadFile("../../fonts/Inter-Regular.ttf")
	cases["GPOS zeroed from 1000"] = withTable(t, data, "GPOS", func(tb, _ []byte) { clear(tb[1000:]) })
	cases["GPOS 0xFF from 5000"] = withTable(t, data, "GPOS", func(tb, _ []byte) {
		for i := 5000; i < len(tb); i++ {
			tb[i] = 0xFF
		}
	})
	for name, data := range cases {
		f, err := Parse("damaged", data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		checkFlat(t, name, data)
		s := benchSentence + " AVATAR Type"
		if f.Width(s, 10) != intact.Width(s, 10) {
			t.Errorf("%s: Width changed", name)
		}
		kw := f.KernedWidth(s, 10)
		for _, p := range []string{"AV", "To", "ll"} {
			f.Kern(rune(p[0]), rune(p[1]))
		}
		t.Logf("%s: HasKerning %v, KernedWidth %v (intact %v)", name, f.HasKerning(), kw, intact.KernedWidth(s, 10))
	}
}

// mergeKeys merges in place: every key once, sorted, whatever the overlap.
func TestMergeKeys(t *testing.T) {
	tests := []struct {
		name        string
		keys, pairs []uint32
		want        []uint32
	}{
		{"into nothing", nil, []uint32{1, 5, 9}, []uint32{1, 5, 9}},
		{"nothing in", []uint32{1, 5}, nil, []uint32{1, 5}},
		{"interleaved", []uint32{2, 4, 6}, []uint32{1, 3, 5, 7}, []uint32{1, 2, 3, 4, 5, 6, 7}},
		{"all shared", []uint32{2, 4, 6}, []uint32{2, 4, 6}, []uint32{2, 4, 6}},
		{"some shared", []uint32{1, 2, 3, 8}, []uint32{0, 2, 8, 9}, []uint32{0, 1, 2, 3, 8, 9}},
		{"all before", []uint32{10, 11}, []uint32{1, 2}, []uint32{1, 2, 10, 11}},
		{"all after", []uint32{1, 2}, []uint32{10, 11}, []uint32{1, 2, 10, 11}},
		{"shared at the ends", []uint32{1, 5, 9}, []uint32{1, 9}, []uint32{1, 5, 9}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pairs := make([]pairRec, len(tt.pairs))
			for i, k := range tt.pairs {
				pairs[i] = pairRec{key: k}
			}
			keys := append(make([]uint32, 0, len(tt.keys)+len(pairs)), tt.keys...)
			got := mergeKeys(keys, pairs)
			if !slices.Equal(got, tt.want) {
				t.Errorf("mergeKeys(%v, %v) = %v, want %v", tt.keys, tt.pairs, got, tt.want)
			}
		})
	}
}

// Rows made by concurrent first uses of a face give what rows made one
// at a time give (go test -race checks the sharing).
func TestKernConcurrentFirstUse(t *testing.T) {
	want := inter(t, "Inter-Regular")
	data, err := os.ReadFile("../../fonts/Inter-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse("Inter-Regular", data)
	if err != nil {
		t.Fatal(err)
	}
	kern := map[[2]rune]int{}
	for a := rune('A'); a <= 'z'; a++ {
		for b := rune('A'); b <= 'z'; b++ {
			kern[[2]rune{a, b}] = want.Kern(a, b)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for range 4 {
		wg.Go(func() {
			for a := rune('A'); a <= 'z'; a++ {
				for b := rune('A'); b <= 'z'; b++ {
					if got, w := f.Kern(a, b), kern[[2]rune{a, b}]; got != w {
						errs <- fmt.Sprintf("Kern(%q, %q) = %d, want %d", a, b, got, w)
						return
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
