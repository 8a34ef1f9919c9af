package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/layout"
	"github.com/brochure-dev/brochure/internal/render"
)

// Result is what a job produced.
type Result struct {
	Job   Job
	Path  string // where the PDF was written; "" when only checked
	Pages int
	Bytes int
	// SHA256 is the file's digest, hex; "" when only checked.
	SHA256   string
	Duration time.Duration
	// Report says what the layout did.
	Report *layout.Report
}

// Input gathers what the job is made from, for internal/render: the
// server renders with it, so that its requests can be cancelled.
func (p *Project) Input(j Job) (render.Input, render.Options, error) {
	opt := render.Options{Variant: j.Variant}
	role, err := p.Role(j.Role)
	if err != nil {
		return render.Input{}, opt, err
	}
	lay, err := p.designs.Layout(j.Layout)
	if err != nil {
		return render.Input{}, opt, err
	}
	return render.Input{Role: role, Layout: lay, Langs: strings.Split(j.Lang, "+"), Personal: j.Personal, Date: p.date}, opt, nil
}

// Frames runs the pipeline up to the laid-out pages, and says what the
// layout did.
func (p *Project) Frames(j Job) (*frame.Document, *layout.Report, error) {
	in, opt, err := p.Input(j)
	if err != nil {
		return nil, nil, err
	}
	return render.Frames(context.Background(), in, opt)
}

// Render makes the job's PDF in memory.
func (p *Project) Render(j Job) ([]byte, render.Result, error) {
	return p.renderLaid(j, func() (*render.Laid, error) { return p.Lay(j) })
}

// Lay lays the job out, for its variant and those made from the same
// layout (render.Laid).
func (p *Project) Lay(j Job) (*render.Laid, error) {
	in, opt, err := p.Input(j)
	if err != nil {
		return nil, err
	}
	return render.Lay(context.Background(), in, opt)
}

// renderLaid makes the job's PDF in memory from the layout lay gives,
// laid out for a job of the same unit (see units).
func (p *Project) renderLaid(j Job, lay func() (*render.Laid, error)) ([]byte, render.Result, error) {
	l, err := lay()
	if err != nil {
		return nil, render.Result{}, err
	}
	var buf bytes.Buffer
	res, err := l.Render(context.Background(), &buf, j.Variant)
	if err != nil {
		return nil, res, err
	}
	return buf.Bytes(), res, nil
}

// Build renders the job and writes it into dir. The file appears whole or
// not at all: it is written to a temporary file and renamed, so a failed
// build never leaves a partial PDF nor replaces a good one.
func (p *Project) Build(j Job, dir string) (Result, error) {
	start := time.Now()
	data, res, err := p.Render(j)
	if err != nil {
		return Result{Job: j}, err
	}
	path := filepath.Join(dir, j.File())
	if err := writeAtomic(path, data); err != nil {
		return Result{Job: j}, err
	}
	return Result{Job: j, Path: path, Pages: res.Pages, Bytes: len(data), Duration: time.Since(start), Report: res.Report}, nil
}

// Check runs the job without writing anything.
func (p *Project) Check(j Job) (Result, error) {
	start := time.Now()
	fr, rep, err := p.Frames(j)
	if err != nil {
		return Result{Job: j}, err
	}
	return Result{Job: j, Pages: len(fr.Pages), Duration: time.Since(start), Report: rep}, nil
}

// writeAtomic writes data to path through a temporary file in the same
// folder, which takes path's place in one step: a reader sees the old
// file or the new one, never a part. Like a rename, it replaces a link
// at path, not the file the link leads to.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("output folder %s: %w", dir, unwrapPath(err))
	}
	tmp, err := os.CreateTemp(dir, ".brochure-*.pdf.tmp")
	if err != nil {
		return fmt.Errorf("output folder %s: %w", dir, unwrapPath(err))
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, errFolderInTheWay)
	}
	if swapped, err := exchange(tmp.Name(), path); swapped {
		if errors.Is(err, errFolderInTheWay) {
			os.Remove(tmp.Name())
		}
		if err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	return nil
}

// errFolderInTheWay is the error of an output whose name a folder has.
var errFolderInTheWay = errors.New("a folder of that name is in the way")

// unwrapPath drops the path from an error: the message names it already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
