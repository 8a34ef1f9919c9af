package typeset

import (
	"strings"
	"testing"
	"time"
)

// TestHugeInput: a paragraph of tens of thousands of characters, one
// word or many, is set in time proportional to its length.
func TestHugeInput(t *testing.T) {
	st := inter(t)
	for _, tt := range []struct {
		name string
		text string
	}{
		{"one word of 20,000 letters", strings.Repeat("abcdefghij", 2000)},
		{"a URL of 20,000 characters", "https://example.com/" + strings.Repeat("abc/def.", 2500)},
		{"5,000 words", strings.Repeat("word ", 5000)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, align := range []Align{Left, Justify} {
				start := time.Now()
				p := Set([]Span{{Text: tt.text, Style: st}}, Options{Width: 200, Align: align})
				if d := time.Since(start); d > 2*time.Second {
					t.Errorf("align %d: %v to set %d lines", align, d, len(p.Lines))
				}
				for _, l := range p.Lines {
					if l.Width > 200.01 {
						t.Fatalf("line %q is %.1f wide", l.Text(), l.Width)
					}
				}
			}
		})
	}
}
