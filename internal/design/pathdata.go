package design

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/brochure-dev/brochure/internal/frame"
)

// parsePathData reads SVG path data with the commands M L H V C Z, in
// absolute and relative forms.
func parsePathData(d string) ([]frame.Seg, error) {
	toks := tokenize(d)
	var segs []frame.Seg
	var cur, start frame.Point
	var cmd byte
	i := 0
	num := func() (float64, error) {
		if i >= len(toks) || isCommand(toks[i]) {
			return 0, fmt.Errorf("command %c: missing number", cmd)
		}
		v, err := strconv.ParseFloat(toks[i], 64)
		i++
		return v, err
	}
	point := func(rel bool) (frame.Point, error) {
		x, err := num()
		if err != nil {
			return frame.Point{}, err
		}
		y, err := num()
		if rel {
			x, y = x+cur.X, y+cur.Y
		}
		return frame.Point{X: x, Y: y}, err
	}
	for i < len(toks) {
		if isCommand(toks[i]) {
			cmd = toks[i][0]
			i++
		} else if cmd == 0 {
			return nil, fmt.Errorf("path data must start with a command")
		}
		rel := cmd >= 'a'
		var err error
		switch unicode.ToUpper(rune(cmd)) {
		case 'M':
			cur, err = point(rel)
			start = cur
			segs = append(segs, frame.Seg{Op: frame.MoveTo, Pts: [3]frame.Point{cur}})
			cmd = map[bool]byte{true: 'l', false: 'L'}[rel] // further pairs are lines
		case 'L':
			cur, err = point(rel)
			segs = append(segs, frame.Seg{Op: frame.LineTo, Pts: [3]frame.Point{cur}})
		case 'H', 'V':
			var v float64
			v, err = num()
			switch {
			case cmd == 'H':
				cur.X = v
			case cmd == 'h':
				cur.X += v
			case cmd == 'V':
				cur.Y = v
			default:
				cur.Y += v
			}
			segs = append(segs, frame.Seg{Op: frame.LineTo, Pts: [3]frame.Point{cur}})
		case 'C':
			var p [3]frame.Point
			for k := range p {
				if p[k], err = point(rel); err != nil {
					break
				}
			}
			cur = p[2]
			segs = append(segs, frame.Seg{Op: frame.CurveTo, Pts: p})
		case 'Z':
			// Numbers after it would repeat it for ever.
			if i < len(toks) && !isCommand(toks[i]) {
				return nil, fmt.Errorf("command %c takes no numbers, found %q", cmd, toks[i])
			}
			cur = start
			segs = append(segs, frame.Seg{Op: frame.Close})
		default:
			return nil, fmt.Errorf("unsupported path command %c (supported: M L H V C Z)", cmd)
		}
		if err != nil {
			return nil, err
		}
	}
	return segs, nil
}

func isCommand(t string) bool { return len(t) == 1 && strings.ContainsAny(t, "MmLlHhVvCcZzSsQqTtAa") }

// tokenize splits path data into commands and numbers.
func tokenize(d string) []string {
	var toks []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			toks = append(toks, b.String())
			b.Reset()
		}
	}
	for _, r := range d {
		switch {
		case unicode.IsLetter(r) && r != 'e' && r != 'E':
			flush()
			toks = append(toks, string(r))
		case r == ',' || unicode.IsSpace(r):
			flush()
		case r == '-' && b.Len() > 0 && !strings.HasSuffix(strings.ToLower(b.String()), "e"):
			flush()
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	flush()
	return toks
}
