package overlay

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

func TestOverlay(t *testing.T) {
	upper := fstest.MapFS{"a.toml": {Data: []byte("upper")}, "c.toml": {Data: []byte("c")}}
	lower := fstest.MapFS{"a.toml": {Data: []byte("lower")}, "b.toml": {Data: []byte("b")}}
	o := New(upper, nil, lower)
	tests := []struct{ name, want string }{{"a.toml", "upper"}, {"b.toml", "b"}, {"c.toml", "c"}}
	for _, tt := range tests {
		got, err := fs.ReadFile(o, tt.name)
		if err != nil || string(got) != tt.want {
			t.Errorf("%s = %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
	if _, err := fs.ReadFile(o, "d.toml"); err == nil {
		t.Error("d.toml: no error")
	}
	entries, err := fs.ReadDir(o, ".")
	if err != nil || len(entries) != 3 || entries[0].Name() != "a.toml" || entries[2].Name() != "c.toml" {
		t.Errorf("ReadDir = %v, %v", entries, err)
	}
}
