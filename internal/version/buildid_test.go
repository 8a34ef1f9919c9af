package version

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestFindBuildID finds the ID in an ELF note and in the string other
// formats carry, and nothing elsewhere.
func TestFindBuildID(t *testing.T) {
	id := "iqlMexJj4lm4O6wlMxdu/mBZ6XWec1bWuA6VrsZfA/jHfHVas7ONPKnfMfTJZx/xDihJlaUJP8C3X97C99e"
	note := "\x04\x00\x00\x00" + "\x53\x00\x00\x00" + "\x04\x00\x00\x00Go\x00\x00" + id + "\x00"
	tests := []struct{ name, data, want string }{
		{"ELF note", "\x7fELF padding" + note + "more", id},
		{"a false start before the note", "\x09\x00\x00\x00\x00\x00\x00\x00\x04\x00\x00\x00Go\x00\x00junk" + note, id},
		{"string", "\x00\x00\xff Go build ID: \"" + id + "\"\n \xff", id},
		{"none", "\x7fELF nothing here", ""},
		{"note cut short", "\x04\x00\x00\x00\x53\x00\x00\x00\x04\x00\x00\x00Go\x00\x00abc", ""},
	}
	for _, tt := range tests {
		if got := findBuildID([]byte(tt.data)); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestBuildID reads the running test program's build ID as go tool
// buildid reads it.
func TestBuildID(t *testing.T) {
	self, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	out, err := exec.Command("go", "tool", "buildid", self).Output()
	if err != nil {
		t.Skipf("go tool buildid: %v", err)
	}
	if got, want := BuildID(), strings.TrimSpace(string(out)); got != want || want == "" {
		t.Errorf("BuildID() = %q, go tool buildid says %q", got, want)
	}
}
