package build

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/brochure-dev/brochure/internal/svg"
)

// SVGFiles are the files BuildSVG writes for a job of n pages:
// <file-base>-1.svg to <file-base>-n.svg, where the PDF would be
// <file-base>.pdf.
func (j Job) SVGFiles(n int) []string {
	base := strings.TrimSuffix(j.File(), ".pdf")
	names := make([]string, n)
	for i := range names {
		names[i] = base + "-" + strconv.Itoa(i+1) + ".svg"
	}
	return names
}

// BuildSVG draws the job's pages as SVG pictures (internal/svg) into dir,
// one file per page named as SVGFiles says, each written atomically. The
// result's Path is the first page's file and Bytes the sum of all. SVG
// files are not recorded in the manifest.
func (p *Project) BuildSVG(j Job, dir string) (Result, error) {
	start := time.Now()
	fr, rep, err := p.Frames(j)
	if err != nil {
		return Result{Job: j}, err
	}
	names := j.SVGFiles(len(fr.Pages))
	pages := make([][]byte, len(names))
	total := 0
	for i := range pages {
		var buf bytes.Buffer
		if err := svg.Page(&buf, fr, i, svg.Options{}); err != nil {
			return Result{Job: j}, fmt.Errorf("%s: %w", names[i], err)
		}
		pages[i] = buf.Bytes()
		total += buf.Len()
	}
	for i, data := range pages {
		if err := writeAtomic(filepath.Join(dir, names[i]), data); err != nil {
			return Result{Job: j}, err
		}
	}
	return Result{Job: j, Path: filepath.Join(dir, names[0]), Pages: len(pages), Bytes: total, Duration: time.Since(start), Report: rep}, nil
}
