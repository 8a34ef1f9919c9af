package main

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// TestHelpAsTheLibraryWritesIt runs every way of asking for help and
// checks that writeHelp writes what the CLI library's templates write,
// byte for byte, and that it wrote the help each way asked for.
func TestHelpAsTheLibraryWritesIt(t *testing.T) {
	silence(t)
	written := map[string]bool{} // the first line after NAME:, by writeHelp
	wrote := false               // by the last run
	help = func(w io.Writer, templ string, data any) bool {
		var fast, slow bytes.Buffer
		if !writeHelp(&fast, templ, data) {
			return false
		}
		helpPrinter(&slow, templ, data)
		if fast.String() != slow.String() {
			t.Errorf("writeHelp wrote\n%s\nthe library's template\n%s", fast.String(), slow.String())
		}
		name, _, _ := strings.Cut(strings.TrimPrefix(fast.String(), "NAME:\n   "), " - ")
		written[name] = true
		wrote = true
		_, _ = w.Write(fast.Bytes())
		return true
	}
	defer func() { help = writeHelp }()

	commands := []string{"build", "lint", "list", "watch", "serve", "preflight", "version", "completion"}
	runs := [][]string{{"--help"}, {"-h"}, {"help"}, {}}
	for _, c := range commands {
		runs = append(runs, []string{c, "--help"}, []string{"help", c})
	}
	for _, args := range runs {
		wrote = false
		if code := run(append([]string{"brochure"}, args...)); code != exitOK {
			t.Errorf("brochure %s: exit %d", strings.Join(args, " "), code)
		}
		if !wrote {
			t.Errorf("brochure %s: writeHelp left the help to the library", strings.Join(args, " "))
		}
	}
	for _, name := range append([]string{"brochure"}, commands...) {
		if name != "brochure" {
			name = "brochure " + name
		}
		if !written[name] {
			t.Errorf("writeHelp left the help of %q to the library", name)
		}
	}
}
