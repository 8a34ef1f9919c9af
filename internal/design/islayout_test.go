package design

import "testing"

func TestIsLayout(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{"[page]\nsize = \"A4\"\n", true},
		{"description = \"x\"\n  [ page ]\n", true},
		{"[page.margins]\ntop = \"1mm\"\n", true},
		{"page = { size = \"A4\" }\n", true},
		{"page.size = \"A4\"\n", true},
		{"\tpage\t= {}\n", true},
		{"name = \"Northlight\"\n[palette.primary]\nrgb = \"#123456\"\n", false},
		{"pages = 2\n", false},
		{"[pages]\n", false},
		{"# [page]\n", false},
		{"x = \"[page]\"\n", false},
		{"page", false},
		{"", false},
	} {
		if got := isLayout([]byte(tc.src)); got != tc.want {
			t.Errorf("isLayout(%q) = %v, want %v", tc.src, got, tc.want)
		}
	}
}
