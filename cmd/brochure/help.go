package main

import (
	"bytes"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"
)

// writeHelp writes the help of the program (data an *cli.App) or of a
// command (a *cli.Command) as the CLI library's templates (templ) do,
// and reports whether it did: the library parses and runs its templates
// at each call, a tenth of the time of --help (and a quarter of that of
// "build --help"). Any other template or data, a command with
// subcommands of its own for one, is left to the library.
// TestHelpAsTheLibraryWritesIt compares the two for every command.
func writeHelp(w io.Writer, templ string, data any) bool {
	var b strings.Builder
	switch d := data.(type) {
	case *cli.App:
		if templ != cli.AppHelpTemplate || d.UsageText != "" || len(d.Authors) > 0 || d.Copyright != "" {
			return false
		}
		appHelp(&b, d)
	case *cli.Command:
		// The template shows no subcommands: the library gives a command
		// with subcommands of its own SubcommandHelpTemplate, and one
		// asked for with --help a "help" subcommand.
		if templ != cli.CommandHelpTemplate || d.UsageText != "" {
			return false
		}
		commandHelp(&b, d)
	default:
		return false
	}
	// The library writes through a tabwriter, which aligns the columns
	// of the flags (name, then usage after a tab).
	var out bytes.Buffer
	tw := tabwriter.NewWriter(&out, 1, 8, 2, ' ', 0)
	_, _ = tw.Write([]byte(b.String()))
	_ = tw.Flush()
	_, _ = w.Write(out.Bytes()) // w records its errors
	return true
}

// appHelp is cli.AppHelpTemplate for an app without usage text, authors
// or copyright.
func appHelp(b *strings.Builder, a *cli.App) {
	b.WriteString("NAME:\n   ")
	helpName(b, a.HelpName, a.Usage)
	b.WriteString("\n\nUSAGE:\n   " + a.HelpName + " ")
	if len(a.VisibleFlags()) > 0 {
		b.WriteString("[global options]")
	}
	if len(a.Commands) > 0 {
		b.WriteString(" command [command options]")
	}
	usageArgs(b, a.ArgsUsage, a.Args)
	if a.Version != "" && !a.HideVersion {
		b.WriteString("\n\nVERSION:\n   " + a.Version)
	}
	if a.Description != "" {
		b.WriteString("\n\nDESCRIPTION:\n   " + wrap(a.Description, 3))
	}
	if cmds := a.VisibleCommands(); len(cmds) > 0 {
		b.WriteString("\n\nCOMMANDS:")
		for _, cat := range a.VisibleCategories() {
			if cat.Name() != "" {
				b.WriteString("\n   " + cat.Name() + ":")
				for _, c := range cat.VisibleCommands() {
					b.WriteString("\n     " + strings.Join(c.Names(), ", ") + "\t" + c.Usage)
				}
				continue
			}
			commandList(b, cat.VisibleCommands())
		}
	}
	flagSections(b, "GLOBAL OPTIONS:", a.VisibleFlagCategories(), a.VisibleFlags())
	b.WriteString("\n")
}

// commandHelp is cli.CommandHelpTemplate for a command without usage
// text.
func commandHelp(b *strings.Builder, c *cli.Command) {
	b.WriteString("NAME:\n   ")
	helpName(b, c.HelpName, c.Usage)
	b.WriteString("\n\nUSAGE:\n   " + c.HelpName)
	if len(c.VisibleFlags()) > 0 {
		b.WriteString(" [command options]")
	}
	usageArgs(b, c.ArgsUsage, c.Args)
	if c.Category != "" {
		b.WriteString("\n\nCATEGORY:\n   " + c.Category)
	}
	if c.Description != "" {
		b.WriteString("\n\nDESCRIPTION:\n   " + wrap(c.Description, 3))
	}
	flagSections(b, "OPTIONS:", c.VisibleFlagCategories(), c.VisibleFlags())
	b.WriteString("\n")
}

// helpName is the library's helpNameTemplate.
func helpName(b *strings.Builder, name, usage string) {
	b.WriteString(wrap(name, 3))
	if usage != "" {
		b.WriteString(" - " + wrap(usage, len(name)+6))
	}
}

// usageArgs ends a usage line with what the arguments are.
func usageArgs(b *strings.Builder, argsUsage string, args bool) {
	switch {
	case argsUsage != "":
		b.WriteString(" " + argsUsage)
	case args:
		b.WriteString(" [arguments...]")
	}
}

// commandList is the library's visibleCommandTemplate: names, then usage
// aligned after the longest names.
func commandList(b *strings.Builder, cmds []*cli.Command) {
	width := 0
	for _, c := range cmds {
		width = max(width, len(strings.Join(c.Names(), ", ")))
	}
	width += 5
	for _, c := range cmds {
		names := strings.Join(c.Names(), ", ")
		b.WriteString("\n   " + names + strings.Repeat(" ", max(0, width-len(names)-3)) + wrap(c.Usage, width))
	}
}

// flagSections is the library's visibleFlagCategoryTemplate when there
// are categories, else its visibleFlagTemplate, under title.
func flagSections(b *strings.Builder, title string, cats []cli.VisibleFlagCategory, flags []cli.Flag) {
	switch {
	case len(cats) > 0:
		b.WriteString("\n\n" + title)
		for _, cat := range cats {
			b.WriteString("\n   ")
			if cat.Name() != "" {
				b.WriteString(cat.Name() + "\n\n   ")
			}
			fs := cat.Flags()
			for i, f := range fs {
				b.WriteString(flagText(f))
				if i == len(fs)-1 {
					b.WriteString("\n")
				} else {
					b.WriteString("\n   ")
				}
			}
		}
	case len(flags) > 0:
		b.WriteString("\n\n" + title)
		for _, f := range flags {
			b.WriteString("\n   " + wrap(flagText(f), 6))
		}
	}
}

// flagText is what the templates print for a flag: its String.
func flagText(f cli.Flag) string {
	if s, ok := f.(interface{ String() string }); ok {
		return s.String()
	}
	return ""
}

// wrap is the library's wrap at its line length of 10,000 columns: the
// lines after the first of input indented by offset.
func wrap(input string, offset int) string {
	lines := strings.Split(input, "\n")
	pad := strings.Repeat(" ", offset)
	for i, line := range lines {
		if i > 0 && line != "" {
			lines[i] = pad + line
		}
	}
	return strings.Join(lines, "\n")
}
