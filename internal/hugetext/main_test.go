package main

import (
	"bytes"
	"debug/elf"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// hello returns the bytes of a small Go program that prints "hello",
// linked with flags "huge" (segments on 2 MiB) or "small" (the default).
func hello(t *testing.T, flags string) []byte {
	t.Helper()
	programs, err := helloPrograms()
	if err != nil {
		t.Fatal(err)
	}
	return programs[flags]
}

// helloPrograms builds the programs hello returns, once.
var helloPrograms = sync.OnceValues(func() (map[string][]byte, error) {
	dir, err := os.MkdirTemp("", "hugetext-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	src := "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello\") }\n"
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module hello\n\ngo 1.26\n"), 0o644); err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for name, ldflags := range map[string]string{"huge": "-R=0x200000", "small": ""} {
		exe := filepath.Join(dir, name)
		cmd := exec.Command("go", "build", "-ldflags="+ldflags, "-o", exe, ".")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS=linux")
		if msg, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("go build: %v\n%s", err, msg)
		}
		if out[name], err = os.ReadFile(exe); err != nil {
			return nil, err
		}
	}
	return out, nil
})

// loads returns the loadable segments of the ELF program data.
func loads(t *testing.T, data []byte) []*elf.Prog {
	t.Helper()
	f, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var out []*elf.Prog
	for _, p := range f.Progs {
		if p.Type == elf.PT_LOAD {
			out = append(out, p)
		}
	}
	return out
}

// rewritten writes data to a file, runs rewrite on it and returns what
// the file holds then.
func rewritten(t *testing.T, data []byte) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "program")
	if err := os.WriteFile(path, data, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := rewrite(path); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o755 {
		t.Errorf("mode %v after rewrite, want -rwxr-xr-x", st.Mode())
	}
	if m, _ := filepath.Glob(path + ".*"); len(m) > 0 {
		t.Errorf("left behind: %v", m)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS == "linux" { // the program is built for Linux
		if out, err := exec.Command(path).Output(); err != nil || string(out) != "hello\n" {
			t.Errorf("the rewritten program gave %q, %v; want hello", out, err)
		}
	}
	return got
}

// TestRewrite: the read-only segments of a program linked with its
// segments on 2 MiB end on 2 MiB after rewrite, over zeros; nothing else
// in the file changes; the program runs. A program linked otherwise
// keeps its segments.
func TestRewrite(t *testing.T) {
	for _, tc := range []struct {
		name   string
		extend bool
	}{
		{"huge", true},
		{"small", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := hello(t, tc.name)
			after := rewritten(t, before)
			if len(after) != len(before) {
				t.Fatalf("%d bytes after, %d before", len(after), len(before))
			}
			old, got := loads(t, before), loads(t, after)
			extended := 0
			for i, p := range got {
				q := old[i]
				if p.Flags&elf.PF_W != 0 || !tc.extend {
					if p.ProgHeader != q.ProgHeader {
						t.Errorf("segment at %#x changed: %+v, was %+v", p.Off, p.ProgHeader, q.ProgHeader)
					}
					continue
				}
				if (p.Off+p.Filesz)%hugePage != 0 || p.Memsz != p.Filesz {
					t.Errorf("read-only segment at %#x: %#x bytes, %#x in memory; want it to end on 2 MiB", p.Off, p.Filesz, p.Memsz)
				}
				if p.Filesz > q.Filesz {
					extended++
				}
			}
			if tc.extend && extended < 2 {
				t.Errorf("%d read-only segments extended, want the code's and the constants'", extended)
			}
			// Only the sizes in the program headers may differ.
			f, err := elf.NewFile(bytes.NewReader(before))
			if err != nil {
				t.Fatal(err)
			}
			for i := range before {
				if before[i] == after[i] {
					continue
				}
				if !inSizes(t, before, f, i) {
					t.Fatalf("byte %#x changed, outside the segments' sizes", i)
				}
			}
		})
	}
}

// inSizes reports whether offset i of data is in the size fields of a
// program header.
func inSizes(t *testing.T, data []byte, f *elf.File, i int) bool {
	t.Helper()
	for _, p := range f.Progs {
		h, err := progHeader(data, f, p)
		if err != nil {
			t.Fatal(err)
		}
		if i >= h+32 && i < h+48 {
			return true
		}
	}
	return false
}

// TestRewriteKeeps: a segment is not extended over bytes that are not
// zeros.
func TestRewriteKeeps(t *testing.T) {
	data := bytes.Clone(hello(t, "huge"))
	code := loads(t, data)[0]
	data[code.Off+code.Filesz+100] = 0xCC // in the padding after the code
	got := loads(t, rewritten(t, data))
	if got[0].Filesz != code.Filesz {
		t.Errorf("the code's segment became %#x bytes over padding that is not zeros; want %#x", got[0].Filesz, code.Filesz)
	}
	if (got[1].Off+got[1].Filesz)%hugePage != 0 {
		t.Errorf("the constants' segment ends at %#x; want it extended to 2 MiB still", got[1].Off+got[1].Filesz)
	}
}

// TestRewriteOthers: what is no ELF program is left as it is; a file
// that claims to be one but is cut short is an error naming it.
func TestRewriteOthers(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "script")
	if err := os.WriteFile(script, []byte("#!/bin/sh\necho hello\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := rewrite(script); err != nil {
		t.Errorf("a script: %v", err)
	}
	if got, _ := os.ReadFile(script); string(got) != "#!/bin/sh\necho hello\n" {
		t.Errorf("a script became %q", got)
	}
	cut := filepath.Join(dir, "cut")
	if err := os.WriteFile(cut, hello(t, "huge")[:40], 0o755); err != nil {
		t.Fatal(err)
	}
	err := rewrite(cut)
	if err == nil || !strings.Contains(err.Error(), cut) {
		t.Errorf("a program cut short: %v; want an error naming it", err)
	}
	if got, _ := os.ReadFile(cut); len(got) != 40 {
		t.Errorf("a program cut short was rewritten: %d bytes", len(got))
	}
	if err := rewrite(filepath.Join(dir, "missing")); err == nil {
		t.Error("a missing file: no error")
	}
}
