//go:build !unix

package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
)

// serverName is the server program's file name (on Windows).
const serverName = "brochure-serve.exe"

// runServer runs the server where a process cannot be replaced, with
// this one's standard streams, and exits with its exit code. Ctrl-C
// reaches it through the console, as it reaches this process.
func runServer(path string, args []string) error {
	cmd := exec.Command(path, args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		os.Exit(exit.ExitCode())
	}
	if err != nil {
		return fmt.Errorf("serve: running %s: %w", path, err)
	}
	os.Exit(0)
	return nil
}
