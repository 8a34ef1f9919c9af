// Package color holds brand colours: each has an RGB value for screens and
// a CMYK value for print, parsed from text so that a TOML decoder reports a
// bad value at its file, line and column.
package color

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// RGB is a screen colour, 8 bits per channel.
type RGB struct{ R, G, B uint8 }

// CMYK is a print colour, each ink in percent (0–100).
type CMYK struct{ C, M, Y, K uint8 }

// Color is a named brand colour with both its screen and print values.
type Color struct {
	Name string
	RGB  RGB
	CMYK CMYK
	// Spot, when set, is the ink print files use for the colour (a PDF
	// Separation), CMYK being its alternate for devices without it.
	Spot string
	// OneInk, when set, is the print colour of type smaller than
	// SmallType: one ink, since fine type in several inks blurs at the
	// slightest misregister. Nil: such type prints in CMYK (or Spot).
	OneInk *CMYK
}

// SmallType is the size, in points, under which type should print in one
// ink, and not be reversed out of several inks unless it is bold.
const SmallType = 10.0

// Inks counts the inks a CMYK colour prints with.
func (c CMYK) Inks() int {
	n := 0
	for _, v := range [4]uint8{c.C, c.M, c.Y, c.K} {
		if v > 0 {
			n++
		}
	}
	return n
}

// Print returns the CMYK value type of size points prints in: OneInk for
// small type, when the colour has one, else CMYK.
func (c Color) Print(size float64) CMYK {
	if c.OneInk != nil && size < SmallType {
		return *c.OneInk
	}
	return c.CMYK
}

// CheckSpot says what is wrong with a spot colour's name: it must be
// printable ASCII, at most 60 characters, and not a name PDF reserves.
func CheckSpot(name string) error {
	if strings.TrimSpace(name) == "" || len(name) > 60 {
		return fmt.Errorf("%q: want an ink's name of 1 to 60 characters, like \"PANTONE 2955 C\"", name)
	}
	for _, r := range name {
		if r < ' ' || r > '~' {
			return fmt.Errorf("%q: want printable ASCII (%q is not)", name, r)
		}
	}
	switch name {
	case "All", "None", "Cyan", "Magenta", "Yellow", "Black":
		return fmt.Errorf("%q is a name PDF reserves for process inks or registration", name)
	}
	return nil
}

// UnmarshalText reads "#rrggbb".
func (c *RGB) UnmarshalText(b []byte) error {
	s := string(b)
	if len(s) != 7 || s[0] != '#' {
		return fmt.Errorf("bad RGB colour %q: want #rrggbb, like \"#1f4e8c\"", s)
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return fmt.Errorf("bad RGB colour %q: want #rrggbb, like \"#1f4e8c\"", s)
	}
	*c = RGB{uint8(v >> 16), uint8(v >> 8), uint8(v)}
	return nil
}

// String gives "#rrggbb".
func (c RGB) String() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// UnmarshalText reads four ink percentages separated by spaces or commas,
// like "100 60 0 20".
func (c *CMYK) UnmarshalText(b []byte) error {
	s := string(b)
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '/' })
	bad := fmt.Errorf("bad CMYK colour %q: want four percentages (0–100), like \"100 60 0 20\"", s)
	if len(f) != 4 {
		return bad
	}
	var v [4]uint8
	for i, p := range f {
		n, err := strconv.ParseUint(strings.TrimSuffix(p, "%"), 10, 8)
		if err != nil || n > 100 {
			return bad
		}
		v[i] = uint8(n)
	}
	*c = CMYK{v[0], v[1], v[2], v[3]}
	return nil
}

// String gives "c m y k".
func (c CMYK) String() string { return fmt.Sprintf("%d %d %d %d", c.C, c.M, c.Y, c.K) }

// Luminance is the relative luminance of an sRGB colour, from 0 (black)
// to 1 (white), as WCAG 2.2 defines it.
func (c RGB) Luminance() float64 {
	lin := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// Contrast is the WCAG 2.2 contrast ratio of two colours, from 1 to 21.
func Contrast(a, b RGB) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Black is 100 % K in print and pure black on screen.
var Black = Color{Name: "black", RGB: RGB{0, 0, 0}, CMYK: CMYK{0, 0, 0, 100}}

// White is paper.
var White = Color{Name: "white", RGB: RGB{255, 255, 255}}
