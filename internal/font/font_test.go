package font

import (
	"math"
	"os"
	"slices"
	"sync"
	"testing"
)

var fontFiles = []string{"Inter-Regular", "Inter-Italic", "Inter-SemiBold", "Inter-Bold"}

var (
	loadOnce sync.Once
	loaded   map[string]*Face
	loadErr  error
)

// inter returns the parsed font fonts/NAME.ttf, parsing each file once.
func inter(t testing.TB, name string) *Face {
	t.Helper()
	loadOnce.Do(func() {
		loaded = map[string]*Face{}
		for _, n := range fontFiles {
			data, err := os.ReadFile("../../fonts/" + n + ".ttf")
			if err != nil {
				loadErr = err
				return
			}
			if loaded[n], err = Parse(n, data); err != nil {
				loadErr = err
				return
			}
		}
	})
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return loaded[name]
}

func TestParseInter(t *testing.T) {
	for _, name := range fontFiles {
		t.Run(name, func(t *testing.T) {
			f := inter(t, name)
			data, err := os.ReadFile("../../fonts/" + name + ".ttf")
			if err != nil {
				t.Fatal(err)
			}
			if f.Name() != name {
				t.Errorf("Name() = %q, want %q", f.Name(), name)
			}
			if !slices.Equal(f.Data(), data) {
				t.Errorf("Data() differs from the file")
			}
			// Inter: unitsPerEm 2048, ascender 1984, descender -494,
			// lineGap 0, sCapHeight 1490, sxHeight 1118.
			checks := []struct {
				what      string
				got, want float64
			}{
				{"Ascent", f.Ascent(), 1984 * 1000.0 / 2048},
				{"Descent", f.Descent(), -494 * 1000.0 / 2048},
				{"LineGap", f.LineGap(), 0},
				{"CapHeight", f.CapHeight(), 1490 * 1000.0 / 2048},
				{"XHeight", f.XHeight(), 1118 * 1000.0 / 2048},
			}
			for _, c := range checks {
				if math.Abs(c.got-c.want) > 1e-9 {
					t.Errorf("%s() = %v, want %v", c.what, c.got, c.want)
				}
			}
		})
	}
}

func TestWidthAdditive(t *testing.T) {
	f := inter(t, "Inter-Regular")
	pairs := []struct{ a, b string }{
		{"A", "B"},
		{"Hello", ", world"},
		{"Déjà vu", " – « œuvre » à 12 €"},
		{"", "x"},
		{"l’été", "\u00a0!"},
	}
	for _, p := range pairs {
		// At size 1000 widths are whole numbers: the sum is exact.
		if got, want := f.Width(p.a+p.b, 1000), f.Width(p.a, 1000)+f.Width(p.b, 1000); got != want {
			t.Errorf("Width(%q, 1000) = %v, want Width(%q)+Width(%q) = %v", p.a+p.b, got, p.a, p.b, want)
		}
		// At other sizes the two sides round differently in the last bit.
		if got, want := f.Width(p.a+p.b, 11.3), f.Width(p.a, 11.3)+f.Width(p.b, 11.3); math.Abs(got-want) > 1e-9 {
			t.Errorf("Width(%q, 11.3) = %v, want %v", p.a+p.b, got, want)
		}
	}
}

func TestWidthScales(t *testing.T) {
	f := inter(t, "Inter-Bold")
	for _, s := range []string{"m", "Brochure", "Prix : 1 200 € TTC"} {
		w1 := f.Width(s, 1)
		if w1 <= 0 {
			t.Errorf("Width(%q, 1) = %v, want > 0", s, w1)
		}
		if got, want := f.Width(s, 20), 2*f.Width(s, 10); got != want {
			t.Errorf("Width(%q, 20) = %v, want 2*Width(%q, 10) = %v", s, got, s, want)
		}
		for _, size := range []float64{0, 0.5, 7, 9.75, 12, 72} {
			if got, want := f.Width(s, size), w1*size; math.Abs(got-want) > 1e-9*math.Max(1, want) {
				t.Errorf("Width(%q, %v) = %v, want %v", s, size, got, want)
			}
		}
		sum := 0
		for _, r := range s {
			sum += f.Advance(r)
		}
		if got := f.Width(s, 1000); got != float64(sum) {
			t.Errorf("Width(%q, 1000) = %v, want sum of advances %d", s, got, sum)
		}
	}
}

func TestRelations(t *testing.T) {
	for _, name := range fontFiles {
		f := inter(t, name)
		adv := f.Advance
		tests := []struct {
			what string
			ok   bool
		}{
			{"'m' wider than 'i'", adv('m') > adv('i')},
			{"'W' wider than 'l'", adv('W') > adv('l')},
			{"U+00A0 as wide as U+0020", adv('\u00a0') == adv(' ')},
			{"U+202F narrower than U+0020", adv('\u202f') < adv(' ')},
			{"U+202F wider than nothing", adv('\u202f') > 0},
			{"unmapped runes get the .notdef advance", adv(0x4E2D) == adv(0x4E2E) && adv(0x4E2D) > 0},
			{"U+0000 gets the .notdef advance", adv(0) == adv(0x4E2D)},
			{"out-of-range runes get the .notdef advance", adv(-1) == adv(0x4E2D) && adv(0x110000) == adv(0x4E2D)},
			{"Width of empty string is 0", f.Width("", 12) == 0},
		}
		for _, tt := range tests {
			if !tt.ok {
				t.Errorf("%s: %s does not hold", name, tt.what)
			}
		}
	}
}

func TestHas(t *testing.T) {
	f := inter(t, "Inter-Regular")
	tests := []struct {
		r    rune
		want bool
	}{
		{'A', true}, {'z', true}, {' ', true}, {'é', true}, {'è', true},
		{'à', true}, {'ç', true}, {'œ', true}, {'Œ', true}, {'’', true},
		{'«', true}, {'»', true}, {'€', true}, {'–', true}, {'—', true},
		{'\u00a0', true}, {'\u202f', true}, {'…', true},
		{0x1F850, true}, // above the BMP, from the format 12 subtable
		{0x4E2D, false}, // 中
		{0x0000, false},
		{0xFFFF, false},
		{0xD800, false},  // surrogate
		{0x1F600, false}, // 😀
		{-1, false},
		{0x110000, false},
	}
	for _, tt := range tests {
		if got := f.Has(tt.r); got != tt.want {
			t.Errorf("Has(%U) = %v, want %v", tt.r, got, tt.want)
		}
	}
}

func TestMissing(t *testing.T) {
	f := inter(t, "Inter-Regular")
	tests := []struct {
		s    string
		want []rune
	}{
		{"", nil},
		{"Élégant, ça coûte 12 € – « œuvre »", nil},
		{"中", []rune{0x4E2D}},
		{"a中b文中c😀文", []rune{0x4E2D, 0x6587, 0x1F600}},
		{"x\x00y", []rune{0}},
	}
	for _, tt := range tests {
		if got := f.Missing(tt.s); !slices.Equal(got, tt.want) {
			t.Errorf("Missing(%q) = %U, want %U", tt.s, got, tt.want)
		}
	}
}

func TestWidthDoesNotAllocate(t *testing.T) {
	f := inter(t, "Inter-Regular")
	s := "Le cœur de l’été : « déjà » – 12 €\u202f! \U0001F850"
	if n := testing.AllocsPerRun(100, func() { f.Width(s, 10) }); n != 0 {
		t.Errorf("Width allocates %v times per call, want 0", n)
	}
}
