package main

import "strings"

// valueFlags are the flags that take a value as their next argument.
var valueFlags = map[string]bool{"content": true, "lang": true, "layout": true, "out": true, "jobs": true, "j": true, "shard": true, "json": true, "for": true, "first": true, "edition": true, "bleed": true, "safe": true, "standard": true,
	"client": true, "contact": true, "by": true, "note": true, "date": true, "recipients": true, "format": true,
	"addr": true, "auth": true, "renders": true, "messages": true}

// interspersed moves the flags that follow a command's arguments before
// them, so that "build sre --lang fr" means "build --lang fr sre" (the
// flag parser stops at the first argument). "--" ends the flags.
func interspersed(args []string) []string {
	// Find the command: the first argument that is not a global flag or
	// its value.
	cmd := -1
	for i := 1; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") {
			cmd = i
			break
		}
		if takesValue(a) {
			i++
		}
	}
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
			if takesValue(a) && i+1 < len(rest) {
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

// takesValue reports whether a flag argument such as "--out" expects its
// value in the next argument (not "--out=dir").
func takesValue(a string) bool {
	name := strings.TrimLeft(a, "-")
	return !strings.Contains(name, "=") && valueFlags[name]
}
