package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/brochure-dev/brochure/internal/build"
)

// runBuild builds the selected jobs and reports on them.
func runBuild(c *cli.Context) error {
	k, n, err := parseShard(c.String("shard"))
	if err != nil {
		return err
	}
	p, jobs, jobsErr := project(c)
	if p == nil {
		return jobsErr
	}
	w := human(c)
	tty := isTerminal(w) && os.Getenv("CI") == ""
	opt := build.BatchOptions{Jobs: c.Int("jobs"), Force: c.Bool("force"), Prune: c.Bool("prune"), Shard: k, Shards: n, Roles: selection(c).Roles}
	sum, err := p.Batch(jobs, c.String("out"), opt, func(o build.Outcome, done, total int) {
		if tty {
			fmt.Fprintf(w, "\r\033[K")
		}
		switch {
		case o.Status == build.Built:
			fmt.Fprintf(w, "%s\t%s\t%.1f kB\t%d ms\n", o.Path, pages(o.Pages), float64(o.Bytes)/1000, o.Duration.Milliseconds())
			report(c, o.Result)
		case o.Status == build.UpToDate && !tty:
			fmt.Fprintf(w, "%s\tup to date\n", o.Path)
		case o.Status == build.Failed && !tty:
			fmt.Fprintf(w, "%s\tfailed\n", o.Job.File())
		}
		if tty {
			fmt.Fprintf(w, "[%d/%d] %s", done, total, o.Job.File())
		}
	})
	if err != nil {
		return err
	}
	if tty {
		fmt.Fprintf(w, "\r\033[K")
	}
	for _, name := range sum.Stale {
		if contains(sum.Pruned, name) {
			fmt.Fprintf(w, "%s\tremoved: no job makes it any more\n", name)
		} else {
			fmt.Fprintf(c.App.ErrWriter, "%s: no role, language or layout makes it any more (--prune removes it)\n", name)
		}
	}
	fmt.Fprintf(w, "%d built, %d up to date, %d failed, in %d ms\n",
		sum.Count(build.Built), sum.Count(build.UpToDate), sum.Count(build.Failed), sum.Duration.Milliseconds())
	if path := c.String("json"); path != "" {
		if err := writeJSON(c, path, summaryJSON(sum, jobsErr)); err != nil {
			return err
		}
	}
	errs := []error{jobsErr} // problems that make no job: a role's, a recipients row's
	for _, o := range sum.Outcomes {
		errs = append(errs, o.Err)
	}
	return errors.Join(errs...)
}

// parseShard reads "K/N"; "" means everything.
func parseShard(s string) (int, int, error) {
	if s == "" {
		return 0, 0, nil
	}
	a, b, ok := strings.Cut(s, "/")
	k, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || n < 1 || k < 1 || k > n {
		return 0, 0, build.UsageError{Err: fmt.Errorf("--shard %q: want K/N with 1 ≤ K ≤ N, like 2/4", s)}
	}
	return k, n, nil
}

// isTerminal reports whether w is a terminal that understands escape
// codes: not a file, a pipe or /dev/null, and not TERM=dumb.
func isTerminal(w io.Writer) bool {
	if c, ok := w.(*checkedWriter); ok {
		w = c.w
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd())) && os.Getenv("TERM") != "dumb"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// pages says "1 page" or "2 pages".
func pages(n int) string { return count(n, "page") }

// count says "1 brochure" or "2 brochures".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// clientOf is a personal edition's client, "" for a generic one.
func clientOf(j build.Job) string {
	if j.Personal == nil {
		return ""
	}
	return j.Personal.Client
}
