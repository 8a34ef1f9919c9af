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
// and hands each result to use, from one goroutine at a time, in the
// jobs' order, so that what lint prints does not depend on which
// finished first: a result waits only for those before it, and is let
// go once used (a lint of thousands of brochures held every layout
// report to its end).
func checkAll(p *build.Project, jobs []build.Job, use func(i int, ch checked)) {
	done := make([]*checked, len(jobs))
	var mu sync.Mutex
	first := 0 // the first job not used yet
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) { // follows a container's CPU limit
		wg.Go(func() {
			for i := range next {
				r, err := p.Check(jobs[i])
				mu.Lock()
				done[i] = &checked{r, err}
				for ; first < len(jobs) && done[first] != nil; first++ {
					use(first, *done[first])
					done[first] = nil
				}
				mu.Unlock()
			}
		})
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
}
