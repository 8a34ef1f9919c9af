package build

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/brochure-dev/brochure/internal/content"
	"github.com/brochure-dev/brochure/internal/edition"
	"github.com/brochure-dev/brochure/internal/layout"
	"github.com/brochure-dev/brochure/internal/render"
)

// BatchOptions control a batch build.
type BatchOptions struct {
	Jobs  int  // workers; 0 means one per CPU the process may use (GOMAXPROCS, which follows a container's CPU limit)
	Force bool // rebuild even what is up to date
	Prune bool // remove outputs whose role, language or layout is gone
	// Roles are the roles the build names: the outputs of other roles
	// are left out of the stale check, which reads the role.toml of each
	// role it looks at. None: every output of the manifest is checked.
	Roles []string
	// Shard K of N (1-based) builds every Nth job from the Kth; N = 0
	// builds all.
	Shard, Shards int
}

// Status says what became of a job.
type Status string

// Statuses of a job.
const (
	Built    Status = "built"
	UpToDate Status = "up to date"
	Failed   Status = "failed"
)

// Outcome is a job's result in a batch.
type Outcome struct {
	Result
	Status Status
	Err    error
}

// Summary is what a batch did.
type Summary struct {
	Outcomes []Outcome // in job order
	// Stale are outputs in the manifest whose role, language or layout
	// is gone.
	Stale []string
	// Pruned are the stale outputs removed.
	Pruned   []string
	Duration time.Duration
}

// Count returns how many outcomes have the status.
func (s *Summary) Count(st Status) int {
	n := 0
	for _, o := range s.Outcomes {
		if o.Status == st {
			n++
		}
	}
	return n
}

// ShardOf returns the jobs of shard k of n (1-based): every nth job from
// the kth, so shards differ in size by one at most and together hold
// every job once.
func ShardOf(jobs []Job, k, n int) []Job {
	if n <= 1 {
		return jobs
	}
	var out []Job
	for i := k - 1; i < len(jobs); i += n {
		out = append(out, jobs[i])
	}
	return out
}

// Batch builds jobs into dir on a pool of workers, skipping those whose
// inputs have not changed since the manifest says they were built.
// Each worker holds one PDF at a time. done, if not nil, is called after
// each job, from one goroutine at a time, with its whole layout report;
// the summary then keeps only the report's scale and warnings, which a
// batch of thousands would otherwise hold every paragraph's figures of
// to its end. The manifest is updated with what was built; outputs whose
// role, language or layout is gone are reported, and removed when
// opt.Prune is set.
func (p *Project) Batch(jobs []Job, dir string, opt BatchOptions, done func(Outcome, int, int)) (*Summary, error) {
	start := time.Now()
	jobs = ShardOf(jobs, opt.Shard, opt.Shards)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("output folder %s: %w", dir, unwrapPath(err))
	}
	man, err := ReadManifest(dir)
	if err != nil {
		return nil, err
	}
	workers := opt.Jobs
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	sum := &Summary{Outcomes: make([]Outcome, len(jobs))}
	var mu sync.Mutex // guards man, done and the count
	finished := 0
	units := units(jobs, workers)
	next := make(chan []int)
	var wg sync.WaitGroup
	for w := 0; w < min(workers, max(len(units), 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for unit := range next {
				lay := sync.OnceValues(func() (*render.Laid, error) { return p.Lay(jobs[unit[0]]) })
				for _, i := range unit {
					o := p.batchJob(jobs[i], dir, opt.Force, man, &mu, lay)
					mu.Lock()
					finished++
					if done != nil {
						done(o, finished, len(jobs))
						if r := o.Report; r != nil {
							o.Report = &layout.Report{Scale: r.Scale, Warnings: r.Warnings}
						}
					}
					sum.Outcomes[i] = o
					mu.Unlock()
				}
			}
		}()
	}
	for _, unit := range units {
		next <- unit
	}
	close(next)
	wg.Wait()

	sum.Stale = p.stale(man, opt.Roles)
	if opt.Prune {
		for _, name := range sum.Stale {
			if err := os.Remove(filepath.Join(dir, name)); err == nil || os.IsNotExist(err) {
				delete(man.Outputs, name)
				man.changed = true
				sum.Pruned = append(sum.Pruned, name)
			}
		}
	}
	if err := man.writeChanged(dir); err != nil {
		return nil, err
	}
	sum.Duration = time.Since(start)
	return sum, nil
}

// units groups the jobs made from one layout, a unit of work for one
// worker: the screen file, print file and imposed booklet of an edition
// (see render.Laid). A batch of every layout and variant lays each
// brochure out once, where it did two or three times. The units and the
// jobs in each are in job order. With fewer units than workers, each job
// is a unit of its own, so that the workers share them: two variants of
// one brochure side by side take less time than one after the other.
func units(jobs []Job, workers int) [][]int {
	type key struct {
		role, lang, layout string
		personal           *edition.Personal
		medium             string // a personal edition's (render.Medium)
	}
	of := map[key]int{}
	var out [][]int
	for i, j := range jobs {
		k := key{role: j.Role, lang: j.Lang, layout: j.Layout, personal: j.Personal}
		if j.Personal != nil {
			k.medium = render.Medium(j.Variant)
		}
		u, ok := of[k]
		if !ok {
			u = len(out)
			of[k] = u
			out = append(out, nil)
		}
		out[u] = append(out[u], i)
	}
	if len(out) >= workers {
		return out
	}
	out = out[:0]
	for i := range jobs {
		out = append(out, []int{i})
	}
	return out
}

// stale lists the outputs of the manifest whose role, language or layout
// is gone, sorted. What a build did not select (other roles, languages,
// layouts, clients, shards) is out of its scope, never stale. When only
// is set, the outputs of other roles are not looked at: a build of one
// role into the folder of 200 read every role.toml of the manifest, 90 of
// its 110 ms.
func (p *Project) stale(man *Manifest, only []string) []string {
	// Whether each role and layout of the manifest is there, asked once.
	roles, layouts := map[string]bool{}, map[string]bool{}
	var out []string
	for name, e := range man.Outputs {
		if len(only) > 0 && !slices.Contains(only, e.Role) {
			continue
		}
		hasRole, asked := roles[e.Role]
		if !asked {
			hasRole = content.Has(p.content, e.Role)
			roles[e.Role] = hasRole
		}
		hasLayout, asked := layouts[e.Layout]
		if !asked {
			hasLayout = p.designs.Has(e.Layout)
			layouts[e.Layout] = hasLayout
		}
		gone := !hasRole || !hasLayout
		if !gone {
			langs, err := p.languages(e.Role)
			for _, l := range strings.Split(e.Lang, "+") {
				gone = gone || (err == nil && !slices.Contains(langs, l))
			}
		}
		if gone {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// batchJob builds one job unless the manifest says it is up to date. A
// panic is the job's failure, not the batch's: the others are built and
// the manifest written.
func (p *Project) batchJob(j Job, dir string, force bool, man *Manifest, mu *sync.Mutex, lay func() (*render.Laid, error)) (o Outcome) {
	start := time.Now()
	defer func() {
		if r := recover(); r != nil {
			o = Outcome{Result: Result{Job: j, Duration: time.Since(start)}, Status: Failed, Err: fmt.Errorf("%s: internal error (please report it): %v", j.File(), r)}
		}
	}()
	path := filepath.Join(dir, j.File())
	mu.Lock()
	prev, known := man.Outputs[j.File()]
	mu.Unlock()
	var inputs string
	var ierr error
	var wg sync.WaitGroup
	if force || !known {
		// Built whatever its inputs: their digest, which only the
		// manifest needs, is made while the job renders.
		wg.Go(func() { inputs, ierr = p.inputs(j) })
	} else {
		if inputs, ierr = p.inputs(j); ierr != nil {
			return Outcome{Result: Result{Job: j, Duration: time.Since(start)}, Status: Failed, Err: ierr}
		}
		if prev.Inputs == inputs && fileHas(path, prev.Bytes) {
			return Outcome{Result: Result{Job: j, Path: path, Pages: prev.Pages, Bytes: prev.Bytes, SHA256: prev.SHA256, Duration: time.Since(start)}, Status: UpToDate}
		}
	}
	data, res, err := p.renderLaid(j, lay)
	wg.Wait()
	if err = cmp.Or(ierr, err); err != nil {
		return Outcome{Result: Result{Job: j, Duration: time.Since(start)}, Status: Failed, Err: err}
	}
	if err := writeAtomic(path, data); err != nil {
		return Outcome{Result: Result{Job: j, Duration: time.Since(start)}, Status: Failed, Err: err}
	}
	sha := sha256.Sum256(data)
	e := Entry{Role: j.Role, Lang: j.Lang, Layout: j.Layout, Variant: j.Variant, Client: client(j), Inputs: inputs, SHA256: hex.EncodeToString(sha[:]), Pages: res.Pages, Bytes: len(data)}
	mu.Lock()
	if prev, ok := man.Outputs[j.File()]; !ok || prev != e {
		man.Outputs[j.File()] = e
		man.changed = true
	}
	mu.Unlock()
	return Outcome{Result: Result{Job: j, Path: path, Pages: e.Pages, Bytes: e.Bytes, SHA256: e.SHA256, Duration: time.Since(start), Report: res.Report}, Status: Built}
}

// fileHas reports whether path is a file of n bytes.
func fileHas(path string, n int) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular() && st.Size() == int64(n)
}

// client is a job's client, for the manifest.
func client(j Job) string {
	if j.Personal == nil {
		return ""
	}
	return j.Personal.Client
}
