package cmdline

import "testing"

func TestCommand(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"brochure"}, -1},
		{[]string{"brochure", "build"}, 1},
		{[]string{"brochure", "--content", "x", "build"}, 3},
		{[]string{"brochure", "--content=x", "build"}, 2},
		{[]string{"brochure", "--messages", "github", "lint", "--lang", "fr"}, 3},
		{[]string{"brochure", "--help"}, -1},
		{[]string{"brochure", "--content", "build", "list"}, 3}, // a folder named build
		{[]string{"brochure", "", "build"}, 1},
	} {
		if got := Command(tc.args); got != tc.want {
			t.Errorf("Command(%q) = %d, want %d", tc.args, got, tc.want)
		}
	}
}

func TestTakesValue(t *testing.T) {
	for a, want := range map[string]bool{"--out": true, "-j": true, "--out=dir": false, "--force": false, "--lang": true, "-": false} {
		if got := TakesValue(a); got != want {
			t.Errorf("TakesValue(%q) = %v, want %v", a, got, want)
		}
	}
}
