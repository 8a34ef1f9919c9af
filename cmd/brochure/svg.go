package main

import (
	"errors"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/brochure-dev/brochure/internal/build"
)

// formatFlag chooses what build writes: PDFs, or SVG pictures of the
// pages.
var formatFlag = &cli.StringFlag{Name: "format", Value: "pdf", Usage: "write `FORMAT`: pdf, or svg for a picture of each page (<file>-<page>.svg, drawn from the same pages as the PDF)"}

// buildAction runs the build in the format asked for.
func buildAction(c *cli.Context) error {
	switch f := c.String("format"); f {
	case "pdf":
		return runBuild(c)
	case "svg":
		return runSVG(c)
	default:
		return build.UsageError{Err: fmt.Errorf("--format %q: want pdf or svg", f)}
	}
}

// runSVG writes a picture of every page of the selected jobs, one job
// after the other, and lists the files. Pictures are always made again
// and are not recorded in the manifest; --shard applies, the other batch
// flags are for PDFs.
func runSVG(c *cli.Context) error {
	k, n, err := parseShard(c.String("shard"))
	if err != nil {
		return err
	}
	p, jobs, rows := project(c)
	if p == nil {
		return rows
	}
	if n > 0 {
		jobs = build.ShardOf(jobs, k, n)
	}
	w := c.App.Writer
	errs := []error{rows}
	built := 0
	for _, j := range jobs {
		r, err := p.BuildSVG(j, c.String("out"))
		if err != nil {
			errs = append(errs, err)
			fmt.Fprintf(w, "%s\tfailed\n", j.File())
			continue
		}
		built++
		fmt.Fprintf(w, "%s\t%s\t%.1f kB\t%d ms\n", r.Path, pages(r.Pages), float64(r.Bytes)/1000, r.Duration.Milliseconds())
		report(c, r)
	}
	fmt.Fprintf(w, "%s drawn, %d failed\n", count(built, "brochure"), len(jobs)-built)
	return errors.Join(errs...)
}
