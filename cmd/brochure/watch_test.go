package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestWatchCommand runs brochure watch, breaks a file and mends it: the
// last good PDF is kept with the error shown, then a line says the file
// is built again; --report prints what the layout did.
func TestWatchCommand(t *testing.T) {
	cwd := t.TempDir()
	content := copyContent(t, cwd)
	cmd := exec.Command(bin, "watch", "sre", "--lang", "fr", "--layout", "a4", "--report", "--out", filepath.Join(cwd, "out"))
	cmd.Dir = cwd
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() }()
	lines := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	wait := func(want string) {
		t.Helper()
		timeout := time.After(20 * time.Second)
		for {
			select {
			case line, ok := <-lines:
				if !ok {
					t.Fatalf("watch ended before %q", want)
				}
				if strings.Contains(line, want) {
					return
				}
			case <-timeout:
				t.Fatalf("no line with %q", want)
			}
		}
	}
	wait("sre-fr-a4.pdf\t2 pages")
	wait("scale") // --report
	fr := filepath.Join(content, "sre", "fr.toml")
	data, _ := os.ReadFile(fr)
	os.WriteFile(fr, []byte(strings.Replace(string(data), "[cta]", "[cta\n", 1)), 0o644)
	wait("kept the last good file")
	wait("fr.toml:")
	os.WriteFile(fr, data, 0o644)
	wait("sre-fr-a4.pdf\tfixed: the last good file is up to date")
}
