// Package cmdline finds the command in brochure's command line: for the
// CLI, which moves the flags given after a command's arguments before
// them, and for internal/hugeheap, which must know, before most packages
// initialise, whether the process is about to render. It imports nothing,
// so that it is initialised early too.
package cmdline

// Command returns the index in args (the program's name first) of the
// command: the first argument that is neither a flag nor a flag's value;
// -1 when there is none.
func Command(args []string) int {
	for i := 1; i < len(args); i++ {
		a := args[i]
		if a == "" || a[0] != '-' {
			return i
		}
		if TakesValue(a) {
			i++
		}
	}
	return -1
}

// TakesValue reports whether a flag argument such as "--out" expects its
// value in the next argument (not "--out=dir"). The flags are a switch,
// not a map: a map would be made at every start.
func TakesValue(a string) bool {
	name := a
	for len(name) > 0 && name[0] == '-' {
		name = name[1:]
	}
	for i := 0; i < len(name); i++ {
		if name[i] == '=' {
			return false
		}
	}
	switch name {
	case "content", "lang", "layout", "out", "jobs", "j", "shard", "json", "for", "first", "edition", "bleed", "safe", "standard",
		"client", "contact", "by", "note", "date", "recipients", "format", "addr", "auth", "renders", "messages":
		return true
	}
	return false
}
