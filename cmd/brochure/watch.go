package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/brochure-dev/brochure/internal/build"
)

func watchCommand() *cli.Command {
	return &cli.Command{
		Name:      "watch",
		Usage:     "build, then rebuild what a saved file affects, until interrupted",
		ArgsUsage: "[ROLE...]",
		Description: "Watches the content folder and the layouts/ and fonts/ folders beside it.\n" +
			"Broken content is reported and the last good PDF kept.",
		Flags: append(selectionFlags(),
			&cli.StringFlag{Name: "out", Value: "out", Usage: "write PDFs into `DIR`"},
		),
		Action: func(c *cli.Context) error {
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
			defer stop()
			w := c.App.Writer
			fmt.Fprintf(w, "watching %s (Ctrl-C to stop)\n", c.String("content"))
			broken := map[string]bool{} // outputs whose last build failed
			// Each job is printed as it is done, and its layout report let
			// go: a first build of every role keeps none to its end.
			done := func(o build.Outcome, _, _ int) {
				stamp := time.Now().Format("15:04:05")
				name := o.Job.File()
				switch o.Status {
				case build.Built:
					fmt.Fprintf(w, "%s %s\t%s\t%d ms\n", stamp, o.Path, pages(o.Pages), o.Duration.Milliseconds())
					if broken[name] {
						delete(broken, name)
						fmt.Fprintf(w, "%s %s\tfixed: built again\n", stamp, name)
					}
					report(c, o.Result)
				case build.UpToDate:
					if broken[name] { // mended back to what the last good file was made from
						delete(broken, name)
						fmt.Fprintf(w, "%s %s\tfixed: the last good file is up to date\n", stamp, name)
					}
				case build.Failed:
					broken[name] = true
					fmt.Fprintf(w, "%s %s\tkept the last good file\n", stamp, name)
					printProblems(w, c.App.ErrWriter, "error", o.Err)
				}
			}
			build.Watch(ctx, c.String("content"), selection(c), c.String("out"), build.BatchOptions{}, 50*time.Millisecond, done,
				func(_ *build.Summary, err error) {
					if err != nil {
						printProblems(w, c.App.ErrWriter, "error", err)
					}
				})
			return nil
		},
	}
}
