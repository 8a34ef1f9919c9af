package qr

import (
	"errors"
	"image"
	"image/color"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	gzqr "github.com/makiuchi-d/gozxing/qrcode"
)

const sreURL = "https://northlight-talent.example/roles/sre"

// longURL is a 200-character URL (version 10 at level M, so the code also
// carries version information).
var longURL = func() string {
	s := "https://northlight-talent.example/apply?role=site-reliability-engineer&team=platform&ref="
	return s + strings.Repeat("x", 200-len(s))
}()

// render draws c as a reader would see it printed: pxPerModule pixels per
// module, black on a white background with the QuietZone all round.
func render(c *Code, pxPerModule int) *image.Gray {
	side := (c.Size() + 2*QuietZone) * pxPerModule
	img := image.NewGray(image.Rect(0, 0, side, side))
	for i := range img.Pix {
		img.Pix[i] = 0xFF
	}
	for y := 0; y < c.Size(); y++ {
		for x := 0; x < c.Size(); x++ {
			if !c.Dark(x, y) {
				continue
			}
			for dy := 0; dy < pxPerModule; dy++ {
				for dx := 0; dx < pxPerModule; dx++ {
					img.SetGray((x+QuietZone)*pxPerModule+dx, (y+QuietZone)*pxPerModule+dy, color.Gray{})
				}
			}
		}
	}
	return img
}

// decode reads c back with gozxing's QR reader (its full detector, no hints).
func decode(t *testing.T, c *Code, pxPerModule int) *gozxing.Result {
	t.Helper()
	bmp, err := gozxing.NewBinaryBitmapFromImage(render(c, pxPerModule))
	if err != nil {
		t.Fatalf("binary bitmap: %v", err)
	}
	res, err := gzqr.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Fatalf("gozxing could not decode the code: %v", err)
	}
	return res
}

func TestDecodeRoundTrip(t *testing.T) {
	cases := []struct {
		name, text string
		size       int // expected modules on a side: smallest version at level M
	}{
		{"sre url", sreURL, 33},                                      // 43 bytes: version 4
		{"mailto", "mailto:jobs@northlight-talent.example", 29},      // 37 bytes: version 3
		{"200-char url", longURL, 57},                                // version 10
		{"é and €", "Café Résumé – 30 € Prämie für Bewerbungen", 33}, // 50 bytes: version 4
		{"digits stay in byte mode", "0123456789", 21},
		{"longest", strings.Repeat("a", MaxBytes), 177}, // version 40
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Encode(tc.text)
			if err != nil {
				t.Fatalf("Encode: %v", err)
			}
			if c.Size() != tc.size {
				t.Errorf("Size() = %d, want %d", c.Size(), tc.size)
			}
			px := 8
			if c.Size() > 100 {
				px = 4
			}
			res := decode(t, c, px)
			if got := res.GetText(); got != tc.text {
				t.Errorf("decoded %q, want %q", got, tc.text)
			}
			// gozxing reports byte segments only for byte-mode data.
			if _, ok := res.GetResultMetadata()[gozxing.ResultMetadataType_BYTE_SEGMENTS]; !ok {
				t.Error("no byte segment: not encoded in byte mode")
			}
			if lv := res.GetResultMetadata()[gozxing.ResultMetadataType_ERROR_CORRECTION_LEVEL]; lv != "M" {
				t.Errorf("error correction level %v, want M", lv)
			}
		})
	}
}

func TestRectsCoverDarkModulesExactly(t *testing.T) {
	for _, text := range []string{sreURL, longURL, "x"} {
		c, err := Encode(text)
		if err != nil {
			t.Fatal(err)
		}
		n := c.Size()
		cover := make([][]int, n)
		for y := range cover {
			cover[y] = make([]int, n)
		}
		rects := c.Rects()
		for _, r := range rects {
			if r.W < 1 || r.H < 1 || r.X < 0 || r.Y < 0 || r.X+r.W > n || r.Y+r.H > n {
				t.Fatalf("%q: bad rect %+v in a %d-module code", text, r, n)
			}
			for y := r.Y; y < r.Y+r.H; y++ {
				for x := r.X; x < r.X+r.W; x++ {
					cover[y][x]++
				}
			}
		}
		darkCount := 0
		for y := 0; y < n; y++ {
			for x := 0; x < n; x++ {
				want := 0
				if c.Dark(x, y) {
					want = 1
					darkCount++
				}
				if cover[y][x] != want {
					t.Fatalf("%q: module (%d,%d) covered %d times, dark=%v", text, x, y, cover[y][x], c.Dark(x, y))
				}
			}
		}
		if len(rects) >= darkCount {
			t.Errorf("%q: %d rects for %d dark modules: nothing merged", text, len(rects), darkCount)
		}
		for i := 1; i < len(rects); i++ {
			a, b := rects[i-1], rects[i]
			if a.Y > b.Y || (a.Y == b.Y && a.X >= b.X) {
				t.Fatalf("%q: rects not ordered by Y, X: %+v then %+v", text, a, b)
			}
		}
		t.Logf("%q: %d modules, %d dark, %d rects", text, n*n, darkCount, len(rects))
	}
}

func TestTooLong(t *testing.T) {
	for _, n := range []int{MaxBytes + 1, 10 * MaxBytes} {
		c, err := Encode(strings.Repeat("a", n))
		if err == nil || c != nil {
			t.Errorf("Encode(%d bytes) = %v, %v; want an error", n, c, err)
		}
	}
	// The limit is in bytes: 1000 '€' are 3000 bytes of UTF-8.
	if _, err := Encode(strings.Repeat("€", 1000)); err == nil {
		t.Error("Encode(3000 bytes of €) gave no error")
	}
}

func TestEmpty(t *testing.T) {
	c, err := Encode("")
	if !errors.Is(err, ErrEmpty) || c != nil {
		t.Errorf("Encode(\"\") = %v, %v; want nil, ErrEmpty", c, err)
	}
}

func TestDeterministic(t *testing.T) {
	a, err := Encode(sreURL)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Encode(sreURL)
	if a.Size() != b.Size() {
		t.Fatalf("sizes %d and %d", a.Size(), b.Size())
	}
	for y := 0; y < a.Size(); y++ {
		for x := 0; x < a.Size(); x++ {
			if a.Dark(x, y) != b.Dark(x, y) {
				t.Fatalf("module (%d,%d) differs between two encodings", x, y)
			}
		}
	}
}

func TestDarkOutsideIsLight(t *testing.T) {
	c, err := Encode(sreURL)
	if err != nil {
		t.Fatal(err)
	}
	// (0,0) is the finder pattern's dark corner; the quiet zone is light.
	if !c.Dark(0, 0) || c.Dark(-1, 0) || c.Dark(0, -1) || c.Dark(c.Size(), 0) || c.Dark(0, c.Size()) {
		t.Error("want (0,0) dark and modules outside the code light")
	}
}

func BenchmarkEncode(b *testing.B) {
	for b.Loop() {
		if _, err := encode(sreURL); err != nil { // not the cache
			b.Fatal(err)
		}
	}
}

// TestEncodeRemembers checks that a text encoded again gives the very code
// made the first time.
func TestEncodeRemembers(t *testing.T) {
	first, err := Encode(sreURL)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := Encode(sreURL); again != first {
		t.Error("the same text was encoded again")
	}
	if c, err := Encode(""); c != nil || err != ErrEmpty {
		t.Errorf("empty text: %v, %v; want nil, ErrEmpty", c, err)
	}
}
