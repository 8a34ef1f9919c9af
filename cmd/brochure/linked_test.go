package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNotLinked: packages whose initialisation every start of the command
// would pay, for nothing it uses, are not linked into it. Go initialises
// every package a program links, at each start.
func TestNotLinked(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-tags", "urfave_cli_no_docs", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	linked := map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		linked[p] = true
	}
	if !linked["codeberg.org/go-pdf/fpdf"] || !linked["github.com/urfave/cli/v2"] {
		t.Fatalf("go list does not list the command's dependencies:\n%s", out)
	}
	for pkg, why := range map[string]string{
		"encoding/gob":                  "fpdf's template serialisation (third_party/fpdf/README.md)",
		"net/http":                      "the server, which is brochure-serve",
		"golang.org/x/text/message":     "CLDR's formats, written out in internal/lang and internal/locale",
		"golang.org/x/text/currency":    "CLDR's currency symbols, written out in internal/locale",
		"github.com/mattn/go-runewidth": "the CLI library's Markdown docs (urfave_cli_no_docs)",
	} {
		if linked[pkg] {
			t.Errorf("%s is linked into brochure; it came with %s", pkg, why)
		}
	}
}
