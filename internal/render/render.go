// Package render runs the whole pipeline on inputs already in memory: a
// loaded role, a compiled layout and an edition in, a PDF out. It reads
// no folder and no environment. The command line's batches
// (internal/build) and the web server are faces of the same call, so the
// same inputs give the same bytes whichever is used.
package render

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/brochure-dev/brochure/internal/content"
	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/edition"
	"github.com/brochure-dev/brochure/internal/layout"
	"github.com/brochure-dev/brochure/internal/pdf"
	"github.com/brochure-dev/brochure/internal/preflight"
)

// Input is one brochure to make.
type Input struct {
	Role   *content.Role
	Layout *design.Layout
	// Langs are the edition's languages: one, or a bilingual layout's
	// two in the order their pages (columns, sides) come.
	Langs []string
	// Personal makes a personal edition; nil for the generic one.
	Personal *edition.Personal
	// Date, when not zero, dates the PDF instead of the role's date
	// (SOURCE_DATE_EPOCH). A personal edition's own date wins over both.
	Date time.Time
}

// Options say what kind of file to make.
type Options struct {
	// Variant is "screen" (or ""), "print" (CMYK, bleed, marks; checked
	// by preflight before anything is written) or "imposed" (a
	// booklet's pages two-up in printing order).
	Variant string
}

// Result says what was made.
type Result struct {
	Pages int
	Bytes int
	// Warnings are the layout's warnings, also in Report.
	Warnings []string
	// Report says what the layout did.
	Report *layout.Report
}

// Render makes the PDF and writes it to w, whole or not at all: nothing
// is written when rendering fails or ctx is cancelled first.
func Render(ctx context.Context, w io.Writer, in Input, opt Options) (Result, error) {
	l, err := Lay(ctx, in, opt)
	if err != nil {
		return Result{}, err
	}
	return l.Render(ctx, w, opt.Variant)
}

// Render makes the variant's PDF from the pages laid out, and writes it
// to w as Render does.
func (l *Laid) Render(ctx context.Context, w io.Writer, variant string) (Result, error) {
	fr, rep, err := l.Frames(ctx, variant)
	if err != nil {
		return Result{}, err
	}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, fr); err != nil {
		return Result{}, fmt.Errorf("%s: %w", l.in.name(), err)
	}
	if fr.Print != nil {
		if err := check(l.in, buf.Bytes()); err != nil {
			return Result{}, err
		}
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return Result{}, err
	}
	return Result{Pages: len(fr.Pages), Bytes: buf.Len(), Warnings: rep.Warnings, Report: rep}, nil
}

// name names the input in messages: "layout a4, role sre (fr)".
func (in Input) name() string {
	return fmt.Sprintf("layout %s, role %s (%s)", in.Layout.Name, in.Role.ID, strings.Join(in.Langs, "+"))
}

// check runs a print file through preflight, as a print shop would, with
// the standards it claims (PDF/X-4); a file that fails is an error.
func check(in Input, data []byte) error {
	lay := in.Layout
	rep, err := preflight.CheckBytes(in.name(), data, preflight.Options{Print: true, Bleed: lay.Bleed, Safe: lay.Safe})
	if err != nil {
		return fmt.Errorf("%s: preflight: %w", in.name(), err)
	}
	if rep.OK() {
		return nil
	}
	var failed []string
	for _, line := range strings.Split(strings.TrimSpace(rep.String()), "\n") {
		if strings.HasPrefix(line, "✗") {
			failed = append(failed, line)
		}
	}
	return fmt.Errorf("%s: preflight failed: %s", in.name(), strings.Join(failed, "; "))
}
