package build

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/brochure-dev/brochure/internal/team"
)

// Watch builds the selection into out, then again whenever a file of the
// content folder dir, of the layouts/ and fonts/ folders beside it, the
// team file or a photo it names changes, until ctx ends. It is told of
// changes by the system (inotify and the like), and looks again every
// few seconds in case it missed one; where the system cannot tell it, it
// polls every interval. Only the outputs whose inputs changed are rebuilt (the
// manifest says which), and a broken file never replaces a good PDF: its
// error is reported and the last good file stays. done, if not nil, is
// called after each job as Batch calls it (the summary then keeps less of
// each job's layout report); report is called after each build.
func Watch(ctx context.Context, dir string, sel Selection, out string, opt BatchOptions, interval time.Duration, done func(Outcome, int, int), report func(*Summary, error)) {
	changes := Changes(ctx, dir)
	var last string
	var photos []string // the team's photos, as the last build read the team
	for {
		files := Snapshot(dir)
		if snap := files + snapshotFiles(photos); snap != last {
			var sum *Summary
			var err error
			sum, photos, err = buildOnce(dir, sel, out, opt, done)
			// The photos as they are now: the team may name others.
			last = files + snapshotFiles(photos)
			report(sum, err)
		}
		wait := interval
		if changes != nil {
			wait = SafetyLook
		}
		select {
		case <-ctx.Done():
			return
		case <-changes:
			// An editor saves in several steps: let it finish.
			time.Sleep(interval)
		case <-time.After(wait):
		}
	}
}

// SafetyLook is how often to look at the files when the system tells of
// changes (see Changes), in case it missed one.
const SafetyLook = 3 * time.Second

// Changes asks the system to tell of changes in the folders a build of
// the content folder dir reads, until ctx ends: a value comes on the
// channel after one or more changes. It is nil when the system cannot
// tell (the caller then polls). New role folders are watched as they
// appear.
func Changes(ctx context.Context, dir string) <-chan struct{} {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil
	}
	parent := filepath.Dir(filepath.Clean(dir))
	for _, d := range []string{dir, parent, filepath.Join(parent, "layouts"), filepath.Join(parent, "fonts")} {
		_ = w.Add(d) // a folder that is not there is not watched
	}
	if entries, err := os.ReadDir(dir); err == nil {
		for _, e := range entries {
			if e.IsDir() {
				_ = w.Add(filepath.Join(dir, e.Name()))
			}
		}
	}
	changes := make(chan struct{}, 1)
	go func() {
		defer w.Close()
		for {
			select {
			case <-ctx.Done():
				return
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if ev.Has(fsnotify.Create) && filepath.Dir(ev.Name) == filepath.Clean(dir) {
					_ = w.Add(ev.Name) // a new role folder
				}
				select {
				case changes <- struct{}{}:
				default:
				}
			case <-w.Errors:
			}
		}
	}()
	return changes
}

// buildOnce opens the project afresh, so that changed files are read
// again, and builds what changed. photos are the files of the team's
// photos, for personal editions (the others show none).
func buildOnce(dir string, sel Selection, out string, opt BatchOptions, done func(Outcome, int, int)) (sum *Summary, photos []string, err error) {
	p, err := Open(dir)
	if err != nil {
		return nil, nil, err
	}
	p.OnlyLanguages(sel.Languages())
	if sel.Fields != (Fields{}) {
		photos = p.photoFiles()
	}
	jobs, err := p.Jobs(sel)
	if err != nil {
		return nil, photos, err
	}
	opt.Roles = sel.Roles
	sum, err = p.Batch(jobs, out, opt, done)
	return sum, photos, err
}

// Snapshot lists every file that a build of the content folder dir reads
// (its roles, and the layouts/ and fonts/ folders and the team file
// beside it), with its size and time: two snapshots differ when a file
// changed. (*Project).PhotosSnapshot lists the team's photos alike.
func Snapshot(dir string) string {
	parent := filepath.Dir(filepath.Clean(dir))
	var b []byte
	for _, root := range []string{dir, filepath.Join(parent, "layouts"), filepath.Join(parent, "fonts"), filepath.Join(parent, team.File)} {
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err == nil {
				b = fmt.Appendf(b, "%s %d %d\n", path, info.Size(), info.ModTime().UnixNano())
			}
			return nil
		})
	}
	if _, err := os.Stat(dir); err != nil {
		b = append(b, "missing"...)
	}
	return string(b)
}

// PhotosSnapshot lists the files of the team's photos, as the team was
// read, as Snapshot lists files: with the content folder's Snapshot, it
// tells when anything a server shows changed.
func (p *Project) PhotosSnapshot() string { return snapshotFiles(p.photoFiles()) }

// photoFiles are the paths of the team's photos, as the team was read.
func (p *Project) photoFiles() []string {
	t, _ := p.Team()
	if t == nil {
		return nil
	}
	var paths []string
	parent := filepath.Dir(filepath.Clean(p.Dir))
	for _, name := range t.Photos() {
		paths = append(paths, filepath.Join(parent, filepath.FromSlash(name)))
	}
	return paths
}

// snapshotFiles lists files as Snapshot does.
func snapshotFiles(paths []string) string {
	var s string
	for _, path := range paths {
		if info, err := os.Stat(path); err == nil {
			s += fmt.Sprintf("%s %d %d\n", path, info.Size(), info.ModTime().UnixNano())
		} else {
			s += path + " missing\n"
		}
	}
	return s
}
