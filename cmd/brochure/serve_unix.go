//go:build unix

package main

import (
	"fmt"
	"os"
	"syscall"
)

// serverName is the server program's file name.
const serverName = "brochure-serve"

// runServer replaces this process with the server, so that signals reach
// it and its exit code is the command's.
func runServer(path string, args []string) error {
	if err := syscall.Exec(path, args, os.Environ()); err != nil {
		return fmt.Errorf("serve: running %s: %w", path, err)
	}
	return nil // not reached
}
