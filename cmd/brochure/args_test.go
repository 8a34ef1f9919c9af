package main

import (
	"strings"
	"testing"
)

func TestInterspersed(t *testing.T) {
	tests := []struct{ in, want string }{
		{"brochure build sre --lang fr --layout a4 --out d", "brochure build --lang fr --layout a4 --out d sre"},
		{"brochure --content c build sre --out=d", "brochure --content c build --out=d sre"},
		{"brochure build --lang en sre", "brochure build --lang en sre"},
		{"brochure build sre -- --odd", "brochure build sre --odd"},
		{"brochure list", "brochure list"},
		{"brochure --content c", "brochure --content c"},
		{"brochure lint sre --help", "brochure lint --help sre"},
		{"brochure build sre --content c --lang fr", "brochure --content c build --lang fr sre"},
		{"brochure lint --messages=github sre --content=c", "brochure --messages=github --content=c lint sre"},
		{"brochure --content a serve --content b", "brochure --content a --content b serve"},
	}
	for _, tt := range tests {
		got := strings.Join(interspersed(strings.Fields(tt.in)), " ")
		if got != tt.want {
			t.Errorf("%q\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}
