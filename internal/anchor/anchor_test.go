package anchor

import "testing"

func TestLine(t *testing.T) {
	data := []byte("a = 1\nb = 2\n[t]\na = 3\nx|y\n")
	for _, tc := range []struct {
		text string
		want int
		ok   bool
	}{
		{"a =", 1, true},
		{"a =|2", 4, true},
		{"a =|3", 0, false},
		{"[t]", 3, true},
		{"x|y", 5, true}, // "|y" is not a count: part of the text
		{"zzz", 0, false},
	} {
		if got, ok := Line(data, tc.text); got != tc.want || ok != tc.ok {
			t.Errorf("Line(%q) = %d, %v, want %d, %v", tc.text, got, ok, tc.want, tc.ok)
		}
	}
}
