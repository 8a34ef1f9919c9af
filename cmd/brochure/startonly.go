//go:build startonly

package main

import "os"

// Built with the tag startonly, as make bench does, brochure exits once
// it is initialised, before main runs: timed beside the real commands, it
// tells what starting brochure costs (the Go runtime, for a program of
// this size, and the initialisation of every package it links, with the
// heap reserved for the command line given) from what a command does.
func init() { os.Exit(0) }
