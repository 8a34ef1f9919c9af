package typeset

import "testing"

func TestIsAddress(t *testing.T) {
	for _, tc := range []struct {
		w    string
		want bool
	}{
		{"https://northlight.example/jobs", true},
		{"www.northlight.example", true},
		{"WWW.Northlight.example", true},
		{"jobs@northlight.example", true},
		{"jobs@northlight", false},
		{"@handle.x", false},
		{"www", false},
		{"wwwé.example", false},
		{"infrastructure", false},
		{"", false},
	} {
		if got := isAddress(tc.w); got != tc.want {
			t.Errorf("isAddress(%q) = %v, want %v", tc.w, got, tc.want)
		}
	}
}
