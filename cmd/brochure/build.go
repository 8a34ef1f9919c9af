package main

import (
	"errors"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/brochure-dev/brochure/internal/build"
)

func selectionFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "lang", Usage: "only these `LANGS` (comma-separated, like en,fr)"},
		&cli.StringSliceFlag{Name: "layout", Usage: "only these `LAYOUTS` (comma-separated, like a4)"},
	}
}

// selection reads the roles (arguments) and the --lang and --layout flags.
func selection(c *cli.Context) build.Selection {
	return build.Selection{
		Roles:   c.Args().Slice(),
		Langs:   splitList(c.StringSlice("lang")),
		Layouts: splitList(c.StringSlice("layout")),
	}
}

// project opens the content folder and lists the jobs the command line
// selects; a mistake in the selection stops everything.
func project(c *cli.Context) (*build.Project, []build.Job, error) {
	p, err := build.Open(c.String("content"))
	if err != nil {
		return nil, nil, err
	}
	jobs, err := p.Jobs(selection(c))
	return p, jobs, err
}

func buildCommand() *cli.Command {
	return &cli.Command{
		Name:      "build",
		Usage:     "make the PDFs: every role × language × layout unless told otherwise",
		ArgsUsage: "[ROLE...]",
		Description: "Writes <role>-<lang>-<layout>.pdf files into the output folder, one line per file:\n" +
			"path, pages, size and time. A file is replaced only by a good one.",
		Flags: append(selectionFlags(),
			&cli.StringFlag{Name: "out", Value: "out", Usage: "write PDFs into `DIR`"},
		),
		Action: func(c *cli.Context) error {
			p, jobs, err := project(c)
			if err != nil {
				return err
			}
			var errs []error
			for _, j := range jobs {
				r, err := p.Build(j, c.String("out"))
				if err != nil {
					errs = append(errs, err)
					continue
				}
				fmt.Fprintf(c.App.Writer, "%s\t%d pages\t%.1f kB\t%d ms\n", r.Path, r.Pages, float64(r.Bytes)/1000, r.Duration.Milliseconds())
			}
			return errors.Join(errs...)
		},
	}
}

func lintCommand() *cli.Command {
	return &cli.Command{
		Name:      "lint",
		Usage:     "check content and layouts without writing PDFs, listing every problem",
		ArgsUsage: "[ROLE...]",
		Flags:     selectionFlags(),
		Action: func(c *cli.Context) error {
			p, jobs, err := project(c)
			if err != nil {
				return err
			}
			var errs []error
			for _, j := range jobs {
				if _, err := p.Check(j); err != nil {
					errs = append(errs, err)
				}
			}
			if err := errors.Join(errs...); err != nil {
				return err
			}
			fmt.Fprintf(c.App.Writer, "%d brochures checked, no problems\n", len(jobs))
			return nil
		},
	}
}
