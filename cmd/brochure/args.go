package main

import (
	"strings"

	"github.com/brochure-dev/brochure/internal/cmdline"
)

// interspersed moves the flags that follow a command's arguments before
// them, so that "build sre --lang fr" means "build --lang fr sre" (the
// flag parser stops at the first argument). "--" ends the flags.
func interspersed(args []string) []string {
	cmd := cmdline.Command(args)
	if cmd < 0 {
		return args
	}
	global := append([]string(nil), args[:cmd]...)
	var flags, positional []string
	rest := args[cmd+1:]
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		switch {
		case a == "--":
			positional = append(positional, rest[i+1:]...)
			i = len(rest)
		case strings.HasPrefix(a, "-") && a != "-":
			to := &flags
			if globalFlags[flagName(a)] {
				to = &global // "build --content DIR" means "--content DIR build"
			}
			*to = append(*to, a)
			if cmdline.TakesValue(a) && i+1 < len(rest) {
				*to = append(*to, rest[i+1])
				i++
			}
		default:
			positional = append(positional, a)
		}
	}
	out := append(append(global, args[cmd]), flags...)
	return append(out, positional...)
}

// globalFlags are the flags of the program, not of a command: given
// after the command, they are moved before it.
var globalFlags = map[string]bool{"content": true, "messages": true}

// flagName is the name of a flag argument: "--content=x" gives "content".
func flagName(a string) string {
	name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
	return name
}
