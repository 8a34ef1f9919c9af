package build

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/brochure-dev/brochure/internal/content"
	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/document"
	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/hyphen"
	"github.com/brochure-dev/brochure/internal/layout"
	"github.com/brochure-dev/brochure/internal/locale"
	"github.com/brochure-dev/brochure/internal/pdf"
	"github.com/brochure-dev/brochure/internal/preflight"
	"github.com/brochure-dev/brochure/internal/safefile"
	"github.com/brochure-dev/brochure/internal/typeset"
)

// Result is what a job produced.
type Result struct {
	Job      Job
	Path     string // where the PDF was written; "" when only checked
	Pages    int
	Bytes    int
	Duration time.Duration
	// Report says what the layout did.
	Report *layout.Report
}

// Frames runs the pipeline up to the laid-out pages, and says what the
// layout did. A bilingual job ("en+fr") lays out each language and joins
// the pages; with a side-by-side layout, it sets them in parallel columns
// of the same pages.
func (p *Project) Frames(j Job) (*frame.Document, *layout.Report, error) {
	if lay, err := p.designs.Layout(j.Layout); err == nil && lay.Kind == "side-by-side" {
		return p.sideBySide(j, lay)
	}
	if strings.Contains(j.Lang, "+") {
		return p.bilingual(j)
	}
	return p.frames(j)
}

// sideBySide lays out the languages of j ("en+fr") in parallel columns,
// the first on the left.
func (p *Project) sideBySide(j Job, lay *design.Layout) (*frame.Document, *layout.Report, error) {
	role, err := p.Role(j.Role)
	if err != nil {
		return nil, nil, err
	}
	var docs []*document.Doc
	var hys []typeset.Hyphenator
	for _, lang := range strings.Split(j.Lang, "+") {
		doc, hy, err := p.document(role, lay, lang)
		if err != nil {
			return nil, nil, err
		}
		docs, hys = append(docs, doc), append(hys, hy)
	}
	fr, rep, err := layout.LayParallel(docs, lay, hys)
	if err != nil {
		return nil, nil, err
	}
	fr, err = variant(j, lay, fr)
	return fr, rep, err
}

// bilingual joins the documents of each language of j, in order. Each
// language keeps its page numbers and its bookmarks, under one bookmark
// named for the language; the metadata are the first language's.
func (p *Project) bilingual(j Job) (*frame.Document, *layout.Report, error) {
	var out *frame.Document
	var rep *layout.Report
	for _, lang := range strings.Split(j.Lang, "+") {
		one := j
		one.Lang = lang
		fr, r, err := p.frames(one)
		if err != nil {
			return nil, nil, err
		}
		loc, _ := locale.For(lang)
		first := fr.Pages[0]
		for _, pg := range fr.Pages {
			for i := range pg.Bookmarks {
				pg.Bookmarks[i].Level++
			}
		}
		first.Bookmarks = append([]frame.Bookmark{{Title: loc.Name, Level: 0}}, first.Bookmarks...)
		if out == nil {
			out, rep = fr, r
			continue
		}
		out.Pages = append(out.Pages, fr.Pages...)
		rep.Warnings = append(rep.Warnings, r.Warnings...)
		rep.Paragraphs = append(rep.Paragraphs, r.Paragraphs...)
		rep.Pushes = append(rep.Pushes, r.Pushes...)
	}
	return out, rep, nil
}

// frames lays out a job in one language.
func (p *Project) frames(j Job) (*frame.Document, *layout.Report, error) {
	role, err := p.Role(j.Role)
	if err != nil {
		return nil, nil, err
	}
	lay, err := p.designs.Layout(j.Layout)
	if err != nil {
		return nil, nil, err
	}
	doc, hy, err := p.document(role, lay, j.Lang)
	if err != nil {
		return nil, nil, err
	}
	fr, rep, err := layout.Lay(doc, lay, hy)
	if err != nil {
		return nil, nil, err
	}
	fr, err = variant(j, lay, fr)
	return fr, rep, err
}

// document builds a role's document in one language for a layout, with
// the hyphenator of that language (nil without typography or patterns).
func (p *Project) document(role *content.Role, lay *design.Layout, lang string) (*document.Doc, typeset.Hyphenator, error) {
	doc, err := document.Build(role, lang, lay)
	if err != nil {
		return nil, nil, err
	}
	if !p.date.IsZero() {
		doc.Date = p.date
	}
	var hy typeset.Hyphenator
	if lay.Typography {
		if h, err := hyphen.For(lang); err == nil {
			hy = h.With(append(append([]string(nil), role.Facts.NeverHyphenate...), lay.NeverHyphenate...))
		}
	}
	return doc, hy, nil
}

// variant turns laid-out pages into the job's variant: a print file's,
// or a booklet's imposed sheets.
func variant(j Job, lay *design.Layout, fr *frame.Document) (*frame.Document, error) {
	switch j.Variant {
	case "print":
		layout.ForPrint(fr, lay)
	case "imposed":
		imposed, err := layout.Impose(fr)
		if err != nil {
			return nil, fmt.Errorf("layout %s, role %s (%s): %w", j.Layout, j.Role, j.Lang, err)
		}
		return imposed, nil
	}
	return fr, nil
}

// Render makes the job's PDF in memory, and says what the layout did.
func (p *Project) Render(j Job) ([]byte, *frame.Document, *layout.Report, error) {
	fr, rep, err := p.Frames(j)
	if err != nil {
		return nil, nil, nil, err
	}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, fr); err != nil {
		return nil, nil, nil, fmt.Errorf("%s: %w", j.File(), err)
	}
	if fr.Print != nil {
		if err := p.preflight(j, buf.Bytes()); err != nil {
			return nil, nil, nil, err
		}
	}
	return buf.Bytes(), fr, rep, nil
}

// Build renders the job and writes it into dir. The file appears whole or
// not at all: it is written to a temporary file and renamed, so a failed
// build never leaves a partial PDF nor replaces a good one.
func (p *Project) Build(j Job, dir string) (Result, error) {
	start := time.Now()
	data, fr, rep, err := p.Render(j)
	if err != nil {
		return Result{Job: j}, err
	}
	path := filepath.Join(dir, j.File())
	if err := writeAtomic(path, data); err != nil {
		return Result{Job: j}, err
	}
	return Result{Job: j, Path: path, Pages: len(fr.Pages), Bytes: len(data), Duration: time.Since(start), Report: rep}, nil
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
// folder.
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
		return fmt.Errorf("write %s: a folder of that name is in the way", path)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	return nil
}

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

// declaredLanguages reads only the languages of a role.toml that has
// other problems, so its jobs can still be listed.
func (p *Project) declaredLanguages(id string) ([]string, error) {
	data, err := safefile.ReadFile(p.content, id+"/role.toml", path.Join(p.Dir, id, "role.toml"), safefile.Content)
	if err != nil {
		return nil, err
	}
	var v struct {
		Languages []string `toml:"languages"`
	}
	if _, err := toml.Decode(string(data), &v); err != nil {
		return nil, err
	}
	return v.Languages, nil
}

// preflight checks a print file as a print shop would before it is
// written; a file that fails is not written.
func (p *Project) preflight(j Job, data []byte) error {
	lay, err := p.designs.Layout(j.Layout)
	if err != nil {
		return err
	}
	rep, err := preflight.CheckBytes(j.File(), data, preflight.Options{Print: true, Bleed: lay.Bleed, Safe: lay.Safe})
	if err != nil {
		return fmt.Errorf("%s: preflight: %w", j.File(), err)
	}
	if !rep.OK() {
		var failed []string
		for _, line := range strings.Split(strings.TrimSpace(rep.String()), "\n") {
			if strings.HasPrefix(line, "✗") {
				failed = append(failed, line)
			}
		}
		return fmt.Errorf("%s: preflight failed: %s", j.File(), strings.Join(failed, "; "))
	}
	return nil
}
