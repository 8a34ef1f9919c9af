package main

import (
	"github.com/urfave/cli/v2"
)

// versionCommand prints the version, like --version: the one the
// Makefile stamps from git describe, which PDFs carry as their Creator
// and the manifest records.
func versionCommand() *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print the version",
		Action: func(c *cli.Context) error {
			cli.ShowVersion(c)
			return nil
		},
	}
}
