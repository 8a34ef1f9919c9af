package version

import (
	"runtime/debug"
	"testing"
)

func TestFromBuildInfo(t *testing.T) {
	rev := "c4e16c3a1b2c3d4e5f60718293a4b5c6d7e8f901"
	tests := []struct {
		name     string
		version  string
		settings map[string]string
		want     string
	}{
		{"nothing", "", nil, "(devel)"},
		{"devel", "(devel)", nil, "(devel)"},
		{"release", "v1.2.0", nil, "v1.2.0"},
		{"devel with revision", "(devel)", map[string]string{"vcs.revision": rev, "vcs.modified": "false"}, "(devel) c4e16c3a1b2c"},
		{"devel modified", "(devel)", map[string]string{"vcs.revision": rev, "vcs.modified": "true"}, "(devel) c4e16c3a1b2c+dirty"},
		{"pseudo-version", "v0.0.0-20261204225700-c4e16c3a1b2c+dirty", map[string]string{"vcs.revision": rev, "vcs.modified": "true"}, "v0.0.0-20261204225700-c4e16c3a1b2c+dirty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bi := &debug.BuildInfo{Main: debug.Module{Version: tt.version}}
			for k, v := range tt.settings {
				bi.Settings = append(bi.Settings, debug.BuildSetting{Key: k, Value: v})
			}
			if got := fromBuildInfo(bi); got != tt.want {
				t.Errorf("fromBuildInfo = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestStringIsStable(t *testing.T) {
	a, b := String(), String()
	if a == "" || a != b {
		t.Fatalf("String() = %q then %q: want one non-empty value", a, b)
	}
}
