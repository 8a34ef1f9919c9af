package build

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/brochure-dev/brochure/internal/team"
)

// Watch builds the selection into out, then again whenever a file of the
// content folder dir, or of the layouts/ and fonts/ folders beside it,
// changes, until ctx ends. It polls every interval. Only the outputs
// whose inputs changed are rebuilt (the manifest says which), and a
// broken file never replaces a good PDF: its error is reported and the
// last good file stays. report is called after each build.
func Watch(ctx context.Context, dir string, sel Selection, out string, opt BatchOptions, interval time.Duration, report func(*Summary, error)) {
	var last string
	for {
		if snap := Snapshot(dir); snap != last {
			last = snap
			report(buildOnce(dir, sel, out, opt))
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(interval):
		}
	}
}

// buildOnce opens the project afresh, so that changed files are read
// again, and builds what changed.
func buildOnce(dir string, sel Selection, out string, opt BatchOptions) (*Summary, error) {
	p, err := Open(dir)
	if err != nil {
		return nil, err
	}
	jobs, err := p.Jobs(sel)
	if err != nil {
		return nil, err
	}
	return p.Batch(jobs, out, opt, nil)
}

// Snapshot lists every file that a build of the content folder dir reads
// (its roles, and the layouts/ and fonts/ folders and the team file
// beside it), with its size and time: two snapshots differ when a file
// changed. (*Project).Snapshot adds the team's photos.
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

// Snapshot is the content folder's Snapshot with the files of the
// team's photos, as the team was read.
func (p *Project) Snapshot() string {
	s := Snapshot(p.Dir)
	t, _ := p.Team()
	if t == nil {
		return s
	}
	parent := filepath.Dir(filepath.Clean(p.Dir))
	for _, name := range t.Photos() {
		path := filepath.Join(parent, filepath.FromSlash(name))
		if info, err := os.Stat(path); err == nil {
			s += fmt.Sprintf("%s %d %d\n", path, info.Size(), info.ModTime().UnixNano())
		} else {
			s += path + " missing\n"
		}
	}
	return s
}
