// Command gen writes N distinct roles made from one into a content
// folder, for make bench: go run ./internal/benchroles/gen DST N [SRC].
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/brochure-dev/brochure/internal/benchroles"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: gen DST N [SRC (default brochures/sre)]")
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[2])
	if err != nil || n < 1 {
		fmt.Fprintln(os.Stderr, "gen: N must be a positive number")
		os.Exit(2)
	}
	src := "brochures/sre"
	if len(os.Args) > 3 {
		src = os.Args[3]
	}
	if _, err := benchroles.Write(os.Args[1], src, n); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
