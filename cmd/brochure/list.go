package main

import (
	"fmt"
	"strings"
	"sync"

	"github.com/urfave/cli/v2"

	"github.com/brochure-dev/brochure/internal/build"
)

func listCommand() *cli.Command {
	return &cli.Command{
		Name:  "list",
		Usage: "show the roles with their languages, and the layouts",
		// Listing reads what it shows (a role's languages and title, a
		// layout's description) and checks nothing more: lint does.
		Action: func(c *cli.Context) error {
			p, err := build.Open(c.String("content"))
			if err != nil {
				return err
			}
			roles, err := p.Roles()
			if err != nil {
				return err
			}
			heads, herrs := p.Headings(roles)
			w := c.App.Writer
			fmt.Fprintln(w, "roles:")
			for i, id := range roles {
				h, err := heads[i], herrs[i]
				if err != nil {
					fmt.Fprintf(w, "  %s\t(has problems: run brochure lint %s)\n", id, id)
					continue
				}
				fmt.Fprintf(w, "  %s\t%s\t%s\n", id, strings.Join(h.Languages, ", "), h.Title)
			}
			layouts, err := p.Layouts()
			if err != nil {
				return err
			}
			// Each description is a whole TOML file to decode: side by side.
			descs, errs := make([]string, len(layouts)), make([]error, len(layouts))
			var wg sync.WaitGroup
			for i, name := range layouts {
				wg.Go(func() { descs[i], errs[i] = p.Description(name) })
			}
			wg.Wait()
			fmt.Fprintln(w, "layouts:")
			for i, name := range layouts {
				desc, err := descs[i], errs[i]
				if err != nil {
					fmt.Fprintf(w, "  %s\t(has problems: run brochure lint)\n", name)
					continue
				}
				fmt.Fprintf(w, "  %s\t%s\n", name, desc)
			}
			return nil
		},
	}
}
