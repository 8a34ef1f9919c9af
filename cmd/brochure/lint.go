package main

import (
	"runtime"
	"sync"

	"github.com/brochure-dev/brochure/internal/build"
)

// checked is one job's lint result.
type checked struct {
	r   build.Result
	err error
}

// checkAll lays out every job without writing it, on one worker per CPU,
// and returns the results in the jobs' order, so that what lint prints
// does not depend on which finished first.
func checkAll(p *build.Project, jobs []build.Job) []checked {
	out := make([]checked, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.NumCPU(), len(jobs)) {
		wg.Go(func() {
			for i := range next {
				out[i].r, out[i].err = p.Check(jobs[i])
			}
		})
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}
