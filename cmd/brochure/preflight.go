package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/brochure-dev/brochure/internal/build"
	"github.com/brochure-dev/brochure/internal/preflight"
	"github.com/brochure-dev/brochure/internal/problem"
	"github.com/brochure-dev/brochure/internal/units"
)

func preflightCommand() *cli.Command {
	return &cli.Command{
		Name:      "preflight",
		Usage:     "check PDFs as a print shop would: trim, bleed, boxes, fonts, colours, images, safe zone",
		ArgsUsage: "FILE.pdf...",
		Description: "Reports every check of every file and exits 1 when one fails. A file is\n" +
			"checked as a print file when its name ends in -print.pdf, unless --for says,\n" +
			"and against the standards its XMP metadata claims, unless --standard says.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "for", Usage: "check as `screen` or print files", DefaultText: "from the file name"},
			&cli.StringFlag{Name: "bleed", Value: "3mm", Usage: "the bleed print files must have on every side, a `LENGTH`"},
			&cli.StringFlag{Name: "safe", Value: "5mm", Usage: "how far text must keep inside the trim, a `LENGTH`"},
			&cli.StringFlag{Name: "standard", Usage: "check against `STANDARDS`, comma-separated: ua-1 (PDF/UA-1), a-2 (PDF/A-2), x-4 (PDF/X-4)", DefaultText: "those the file claims"},
			&cli.StringFlag{Name: "json", Usage: "write the reports for machines to `FILE` (- for standard output)"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return build.UsageError{Err: fmt.Errorf("preflight: name the PDF files to check")}
			}
			bleed, err := units.Parse(c.String("bleed"))
			if err != nil {
				return build.UsageError{Err: fmt.Errorf("--bleed: %w", err)}
			}
			safe, err := units.Parse(c.String("safe"))
			if err != nil {
				return build.UsageError{Err: fmt.Errorf("--safe: %w", err)}
			}
			variant := c.String("for")
			if variant != "" && variant != "screen" && variant != "print" {
				return build.UsageError{Err: fmt.Errorf("--for %q: want screen or print", variant)}
			}
			var standards []preflight.Standard
			if v := c.String("standard"); v != "" {
				for _, s := range strings.Split(v, ",") {
					st := preflight.Standard(strings.ToLower(strings.TrimSpace(s)))
					if st != preflight.UA1 && st != preflight.A2 && st != preflight.X4 {
						return build.UsageError{Err: fmt.Errorf("--standard %q: want ua-1, a-2 or x-4", s)}
					}
					standards = append(standards, st)
				}
			}
			var errs []error
			type checkJSON struct {
				Name   string `json:"name"`
				OK     bool   `json:"ok"`
				Warn   bool   `json:"warn,omitempty"`
				Detail string `json:"detail"`
			}
			type fileJSON struct {
				File   string            `json:"file"`
				Kind   string            `json:"kind"`
				Pages  int               `json:"pages"`
				OK     bool              `json:"ok"`
				Checks []checkJSON       `json:"checks"`
				Errors []problem.Problem `json:"errors"`
			}
			files := []fileJSON{}
			for _, file := range c.Args().Slice() {
				print := variant == "print" || variant == "" && strings.HasSuffix(file, "-print.pdf")
				opt := preflight.Options{Print: print, Safe: safe.Pt(), Standards: standards}
				if print {
					opt.Bleed = bleed.Pt()
				}
				kind := "screen"
				if print {
					kind = "print"
				}
				rep, err := preflight.Check(file, opt)
				if err != nil {
					errs = append(errs, err)
					files = append(files, fileJSON{File: file, Kind: kind, Checks: []checkJSON{}, Errors: problem.List(err)})
					continue
				}
				fmt.Fprintf(human(c), "%s (%s, %s)\n%s", file, kind, pages(rep.Pages), rep.String())
				f := fileJSON{File: file, Kind: kind, Pages: rep.Pages, OK: rep.OK(), Checks: []checkJSON{}, Errors: []problem.Problem{}}
				for _, ch := range rep.Checks {
					f.Checks = append(f.Checks, checkJSON{ch.Name, ch.OK, ch.Warn, ch.Detail})
				}
				files = append(files, f)
				if !rep.OK() {
					errs = append(errs, fmt.Errorf("%s: preflight failed", file))
				}
			}
			if path := c.String("json"); path != "" {
				if err := writeJSON(c, path, files); err != nil {
					return err
				}
			}
			return errors.Join(errs...)
		},
	}
}
