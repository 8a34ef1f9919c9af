//go:build unix

package preflight

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestCheckReadsOnlyFiles: a PDF named on the command line that is a
// device or a pipe is refused at once, not read for ever.
func TestCheckReadsOnlyFiles(t *testing.T) {
	pipe := filepath.Join(t.TempDir(), "pipe.pdf")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(t.TempDir(), "big.pdf")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, 600<<20); err != nil {
		t.Fatal(err)
	}
	none := filepath.Join(t.TempDir(), "none.pdf")
	tests := []struct{ path, want string }{
		{"/dev/zero", "/dev/zero: a device, not a file"},
		{pipe, pipe + ": a named pipe, not a file"},
		{big, big + ": 600 MB, more than the 512 MB a PDF may be"},
		{none, none + ": no such file"},
	}
	for _, tt := range tests {
		done := make(chan error, 1)
		go func() {
			_, err := Check(tt.path, Options{})
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || err.Error() != tt.want {
				t.Errorf("Check(%s): error %v, want %q", tt.path, err, tt.want)
			}
		case <-time.After(time.Second):
			t.Fatalf("Check(%s) still reading after a second", tt.path)
		}
	}
}
