// Package units holds the length type every stage of the pipeline uses.
//
// A Length is a distance in PostScript points (1/72 inch), the unit of PDF
// user space. Layout files write lengths with a unit ("12mm", "0.125in",
// "9.5pt", "1.2cm"); Length implements encoding.TextUnmarshaler so that a
// TOML decoder reports a bad length at its file, line and column.
package units

import (
	"fmt"
	"strconv"
	"strings"
)

// Length is a distance in points (1/72 inch).
type Length float64

// Units a Length can be written in, as multiples of a point.
const (
	Pt Length = 1
	In Length = 72
	Mm Length = 72 / 25.4
	Cm Length = 720 / 25.4
)

var suffixes = []struct {
	name string
	unit Length
}{{"mm", Mm}, {"cm", Cm}, {"in", In}, {"pt", Pt}}

// Parse reads a length such as "12mm", "0.125in", "9.5pt" or "1.2cm".
// The unit is required, except for zero.
func Parse(s string) (Length, error) {
	t := strings.TrimSpace(s)
	for _, u := range suffixes {
		num, ok := strings.CutSuffix(t, u.name)
		if !ok {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
		if err != nil || v != v || v > 1e6 || v < -1e6 {
			return 0, fmt.Errorf("bad length %q: want a number and a unit (mm, cm, in, pt), like \"12mm\"", s)
		}
		return Length(v) * u.unit, nil
	}
	if t == "0" {
		return 0, nil
	}
	return 0, fmt.Errorf("bad length %q: want a number and a unit (mm, cm, in, pt), like \"12mm\"", s)
}

// UnmarshalText implements encoding.TextUnmarshaler with Parse.
func (l *Length) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// MarshalText writes the length in points, for round trips.
func (l Length) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// String gives the length in points with at most three decimals.
func (l Length) String() string {
	return strconv.FormatFloat(float64(l), 'f', -1, 64) + "pt"
}

// Pt returns the length as a number of points.
func (l Length) Pt() float64 { return float64(l) }

// Millimetres returns the length in millimetres.
func (l Length) Millimetres() float64 { return float64(l / Mm) }
