package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/brochure-dev/brochure/internal/build"
)

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print the shell completion script for bash, zsh or fish",
		ArgsUsage: "bash|zsh|fish",
		Description: "Completes commands and their flags. To install:\n" +
			"  bash: brochure completion bash > /etc/bash_completion.d/brochure\n" +
			"  zsh:  brochure completion zsh > \"${fpath[1]}/_brochure\"\n" +
			"  fish: brochure completion fish > ~/.config/fish/completions/brochure.fish",
		Action: func(c *cli.Context) error {
			write := map[string]func(io.Writer, *cli.App){"bash": bashCompletion, "zsh": zshCompletion, "fish": fishCompletion}[c.Args().First()]
			if write == nil || c.NArg() != 1 {
				return build.UsageError{Err: fmt.Errorf("completion: name one shell: bash, zsh or fish")}
			}
			write(c.App.Writer, c.App)
			return nil
		},
	}
}

// flagNames lists a set of flags as typed: "--lang", "-j".
func flagNames(flags []cli.Flag) []string {
	var out []string
	for _, f := range flags {
		for _, n := range f.Names() {
			if len(n) == 1 {
				out = append(out, "-"+n)
			} else {
				out = append(out, "--"+n)
			}
		}
	}
	sort.Strings(out)
	return out
}

func commands(app *cli.App) []*cli.Command {
	var out []*cli.Command
	for _, c := range app.Commands {
		if !c.Hidden && c.Name != "help" {
			out = append(out, c)
		}
	}
	return out
}

func bashCompletion(w io.Writer, app *cli.App) {
	var names []string
	for _, c := range commands(app) {
		names = append(names, c.Name)
	}
	fmt.Fprintf(w, `# bash completion for brochure
_brochure() {
	local cur=${COMP_WORDS[COMP_CWORD]} cmd="" i
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--content|--messages) ((i++)) ;;
		-*) ;;
		*) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done
	local words
	case $cmd in
	"") words=%q ;;
`, strings.Join(append(names, append(flagNames(app.Flags), "--help", "--version")...), " "))
	for _, c := range commands(app) {
		fmt.Fprintf(w, "\t%s) words=%q ;;\n", c.Name, strings.Join(append(flagNames(c.Flags), "--help"), " "))
	}
	fmt.Fprint(w, `	esac
	case $cur in
	-*|"") COMPREPLY=($(compgen -W "$words" -- "$cur")) ;;
	*) [ -z "$cmd" ] && COMPREPLY=($(compgen -W "$words" -- "$cur")) ;;
	esac
}
complete -o default -F _brochure brochure
`)
}

func zshCompletion(w io.Writer, app *cli.App) {
	fmt.Fprint(w, "#compdef brochure\n# zsh completion for brochure, through zsh's bash completion support\nautoload -U +X bashcompinit && bashcompinit\n")
	bashCompletion(w, app)
}

func fishCompletion(w io.Writer, app *cli.App) {
	fmt.Fprintln(w, "# fish completion for brochure")
	fmt.Fprintln(w, "complete -c brochure -f")
	for _, f := range app.Flags {
		fmt.Fprintf(w, "complete -c brochure -n __fish_use_subcommand -l %s%s -d %s\n", f.Names()[0], fishArg(f), fishQuote(usage(f)))
	}
	for _, c := range commands(app) {
		fmt.Fprintf(w, "complete -c brochure -n __fish_use_subcommand -a %s -d %s\n", c.Name, fishQuote(c.Usage))
		for _, f := range c.Flags {
			fmt.Fprintf(w, "complete -c brochure -n '__fish_seen_subcommand_from %s' -l %s%s -d %s\n", c.Name, f.Names()[0], fishArg(f), fishQuote(usage(f)))
		}
	}
}

// fishArg says that a flag takes a value, unless it is a switch.
func fishArg(f cli.Flag) string {
	if _, ok := f.(*cli.BoolFlag); ok {
		return ""
	}
	return " -r"
}

// usage is a flag's help text, without the placeholder's back quotes.
func usage(f cli.Flag) string {
	if d, ok := f.(cli.DocGenerationFlag); ok {
		return strings.ReplaceAll(d.GetUsage(), "`", "")
	}
	return ""
}

func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
}
