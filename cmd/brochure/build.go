package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/brochure-dev/brochure/internal/build"
	"github.com/brochure-dev/brochure/internal/problem"
)

func selectionFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "lang", Usage: "only these `LANGS` (comma-separated, like en,fr)"},
		&cli.StringSliceFlag{Name: "layout", Usage: "only these `LAYOUTS` (comma-separated, like a4)"},
		&cli.StringFlag{Name: "edition", Usage: "make the bilingual, side-by-side and flyer editions in `LANGS`, in order, like fr+de, instead of each layout's languages (other layouts: in each of them)"},
		&cli.StringFlag{Name: "first", Usage: "start bilingual editions with `LANG` (their first pages, left column or front side), whatever the layout's order"},
		&cli.StringSliceFlag{Name: "for", Usage: "make `VARIANTS`: screen (RGB, small; the default), print (CMYK, bleed, crop marks; files named …-print.pdf), or screen,print"},
		&cli.BoolFlag{Name: "report", Usage: "say what the layout did: type scale, spacing of justified and hyphenated paragraphs, blocks pushed to the next column"},
		&cli.StringFlag{Name: "client", Category: "Personal editions:", Usage: "make personal editions prepared for the `COMPANY` (files named …-<company>.pdf)"},
		&cli.StringFlag{Name: "contact", Category: "Personal editions:", Usage: "for the attention of `NAME`, at the client"},
		&cli.StringFlag{Name: "by", Category: "Personal editions:", Usage: "sent by the salesperson `ID` of team.toml (beside the content folder), shown in the call to action"},
		&cli.StringFlag{Name: "note", Category: "Personal editions:", Usage: "a short personal `TEXT` (at most 300 characters), in the edition's language"},
		&cli.StringFlag{Name: "date", Category: "Personal editions:", Usage: "date the edition `YYYY-MM-DD`"},
		&cli.StringFlag{Name: "recipients", Category: "Personal editions:", Usage: "one personal edition per row of the CSV `FILE` (columns role, lang, edition, layout, variant, client, contact, by, note, date; missing ones take the flags)"},
	}
}

// report prints a job's layout report when asked, and its warnings
// always (on standard error).
func report(c *cli.Context, r build.Result) {
	if r.Report == nil {
		return
	}
	if c.Bool("report") {
		w := human(c)
		fmt.Fprintf(w, "%s:\n", r.Job.File())
		for _, line := range strings.Split(strings.TrimSpace(r.Report.String()), "\n") {
			fmt.Fprintf(w, "  %s\n", line)
		}
		return
	}
	seen := map[string]bool{} // a bilingual file's languages may say the same
	for _, w := range r.Report.Warnings {
		if seen[w] {
			continue
		}
		seen[w] = true
		if messages == "github" {
			fmt.Fprintln(c.App.Writer, problem.Problem{File: r.Job.File(), Message: w}.GitHub("warning"))
		} else {
			fmt.Fprintf(c.App.ErrWriter, "%s: warning: %s\n", r.Job.File(), w)
		}
	}
}

// selection reads the roles (arguments) and the --lang and --layout flags.
func selection(c *cli.Context) build.Selection {
	return build.Selection{
		Roles:    c.Args().Slice(),
		Langs:    splitList(c.StringSlice("lang")),
		Layouts:  splitList(c.StringSlice("layout")),
		Variants: splitList(c.StringSlice("for")),
		First:    c.String("first"),
		Edition:  splitEdition(c.String("edition")),
		Fields: build.Fields{
			Client: c.String("client"), Contact: c.String("contact"), By: c.String("by"),
			Note: c.String("note"), Date: c.String("date"),
		},
	}
}

// splitEdition splits "fr+de" (or "fr,de") into its languages.
func splitEdition(s string) []string {
	if s == "" {
		return nil
	}
	return strings.FieldsFunc(s, func(r rune) bool { return r == '+' || r == ',' || r == ' ' })
}

// project opens the content folder and lists the jobs the command line
// selects. A mistake in the selection stops everything (p is nil). Other
// problems, such as a role's that make no job or the bad rows of a
// recipients file, come back with the jobs that can be made, to be
// reported after them.
func project(c *cli.Context) (*build.Project, []build.Job, error) {
	p, err := build.Open(c.String("content"))
	if err != nil {
		return nil, nil, err
	}
	var jobs []build.Job
	var usage build.UsageError
	if file := c.String("recipients"); file != "" {
		// A bad row stops only itself.
		if jobs, err = p.RecipientJobs(file, selection(c)); errors.As(err, &usage) && len(jobs) == 0 {
			return nil, nil, err
		}
		return p, jobs, err
	}
	sel := selection(c)
	p.OnlyLanguages(sel.Languages()) // the others are neither read nor checked
	if jobs, err = p.Jobs(sel); errors.As(err, &usage) {
		return nil, nil, err
	}
	return p, jobs, err
}

func buildCommand() *cli.Command {
	return &cli.Command{
		Name:      "build",
		Usage:     "make the PDFs: every role × language × layout unless told otherwise",
		ArgsUsage: "[ROLE...]",
		Description: "Writes <role>-<lang>-<layout>.pdf files into the output folder on a pool of\n" +
			"workers, and out/manifest.json, which records each output's inputs: a file\n" +
			"whose inputs have not changed is not built again. A file is replaced only\n" +
			"by a good one; a broken role fails the build (exit 1) after the others are\n" +
			"built, and every error is listed at the end.",
		Flags: append(selectionFlags(),
			&cli.StringFlag{Name: "out", Value: "out", Usage: "write PDFs into `DIR`"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "build `N` brochures at once", DefaultText: "one per CPU"},
			&cli.BoolFlag{Name: "force", Usage: "rebuild even what is up to date"},
			&cli.BoolFlag{Name: "prune", Usage: "remove outputs whose role, language or layout is gone"},
			&cli.StringFlag{Name: "shard", Usage: "build only part `K/N` of the jobs (for N parallel CI jobs)"},
			&cli.StringFlag{Name: "json", Usage: "write a summary for machines to `FILE` (- for standard output)"},
			formatFlag,
		),
		Action: buildAction,
	}
}

func lintCommand() *cli.Command {
	return &cli.Command{
		Name:      "lint",
		Usage:     "check content and layouts without writing PDFs, listing every problem",
		ArgsUsage: "[ROLE...]",
		Flags: append(selectionFlags(),
			&cli.StringFlag{Name: "json", Usage: "write the results for machines to `FILE` (- for standard output)"},
		),
		Action: func(c *cli.Context) error {
			start := time.Now()
			p, jobs, jobsErr := project(c)
			if p == nil {
				return jobsErr
			}
			errs := []error{jobsErr} // problems that make no job: a role's, a recipients row's
			sum := summary{Jobs: []jobJSON{}, Errors: problem.List(jobsErr)}
			if sum.Errors == nil {
				sum.Errors = []problem.Problem{}
			}
			checkAll(p, jobs, func(i int, ch checked) {
				ch.r.Job = jobs[i]
				status := "checked"
				if ch.err != nil {
					status = "failed"
					sum.Failed++
					errs = append(errs, ch.err)
				} else {
					sum.Checked++
					report(c, ch.r)
				}
				sum.Jobs = append(sum.Jobs, jobOf(ch.r, status, ch.err))
			})
			sum.MS = time.Since(start).Milliseconds()
			if path := c.String("json"); path != "" {
				if err := writeJSON(c, path, sum); err != nil {
					return err
				}
			}
			if err := errors.Join(errs...); err != nil {
				return err
			}
			fmt.Fprintf(human(c), "%s checked, no problems\n", count(len(jobs), "brochure"))
			return nil
		},
	}
}
