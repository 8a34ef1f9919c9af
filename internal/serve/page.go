package serve

import (
	"bytes"
	"context"
	"embed"
	"encoding/base64"
	"errors"
	"html/template"
	"net/http"
	"strings"
	"sync"

	"github.com/brochure-dev/brochure/internal/edition"
	"github.com/brochure-dev/brochure/internal/locale"
	"github.com/brochure-dev/brochure/internal/problem"
	"github.com/brochure-dev/brochure/internal/render"
	"github.com/brochure-dev/brochure/internal/svg"
)

//go:embed web
var web embed.FS

// pageTemplate is parsed when first used, not at every start of the
// command.
var pageTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page.html").Funcs(template.FuncMap{
		"title": func(r roleInfo, lang string) string {
			if t, ok := r.Titles[lang]; ok {
				return t
			}
			return r.Titles[r.Languages[0]]
		},
		"join": strings.Join,
		"inc":  func(i int) int { return i + 1 },
		// dataURL passes the previews, which the server draws itself, as
		// image URLs.
		"dataURL": func(s string) template.URL {
			if strings.HasPrefix(s, "data:image/svg+xml;base64,") {
				return template.URL(s)
			}
			return ""
		},
	}).ParseFS(web, "web/page.html"))
})

// static serves an embedded file.
func static(name, kind string) http.HandlerFunc {
	data, err := web.ReadFile("web/" + name)
	if err != nil {
		panic(err) // embedded at build time
	}
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", kind)
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(data)
	}
}

// previewResult is an edition's preview: its pages as images, what the
// layout warns about, or why it cannot be made.
type previewResult struct {
	File     string            `json:"file,omitempty"`
	Pages    []string          `json:"pages"` // data: URLs of SVG images
	Warnings []string          `json:"warnings"`
	Errors   []problem.Problem `json:"errors"`
}

// makePreview lays the edition out and draws its pages.
func (s *Server) makePreview(ctx context.Context, st *state, req request) previewResult {
	out := previewResult{Pages: []string{}, Warnings: []string{}, Errors: []problem.Problem{}}
	job, err := req.job(st)
	if err != nil {
		out.Errors = problem.List(err)
		return out
	}
	out.File = job.File()
	in, opt, err := st.project.Input(job)
	if err == nil {
		opt.Variant = "screen" // previews show the trim; print files differ in ink only
		var pages []string
		var warnings []string
		pages, warnings, err = drawPages(ctx, in, opt)
		out.Pages, out.Warnings = pages, append(out.Warnings, warnings...)
	}
	if err != nil {
		out.Errors = problem.List(err)
	}
	return out
}

// previewWidth is the width of a preview page in CSS pixels; the page
// scales it to fit.
const previewWidth = 600

// drawPages renders the frames of an input and draws each page as an
// SVG image's data URL.
func drawPages(ctx context.Context, in render.Input, opt render.Options) ([]string, []string, error) {
	fr, rep, err := render.Frames(ctx, in, opt)
	if err != nil {
		return nil, nil, err
	}
	pages := make([]string, len(fr.Pages))
	var buf bytes.Buffer
	for i := range fr.Pages {
		buf.Reset()
		if err := svg.Page(&buf, fr, i, svg.Options{Width: previewWidth}); err != nil {
			return nil, nil, err
		}
		pages[i] = "data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString(buf.Bytes())
	}
	return pages, rep.Warnings, nil
}

// preview answers the page's script: the preview of the edition its
// query asks for, as JSON.
func (s *Server) preview(w http.ResponseWriter, r *http.Request) {
	st := s.state.Load()
	req := fromQuery(r.URL.Query()).withDefaults(st.catalog)
	if !s.acquire(w, r) {
		return
	}
	defer s.release()
	p := s.makePreview(r.Context(), st, req)
	if errors.Is(r.Context().Err(), context.Canceled) {
		return
	}
	writeJSON(w, http.StatusOK, p)
}

// pageData is what the page template shows.
type pageData struct {
	Catalog *catalog
	Req     request
	Query   string
	Preview previewResult
	// ContentErrors are the problems of the content as last edited,
	// while the last good content is served.
	ContentErrors []problem.Problem
	Limits        map[string]int
	// Langs are every role's languages, with their names.
	Langs []langInfo
}

type langInfo struct{ Code, Name string }

// languages lists the languages of the roles, in the order they come,
// named in themselves.
func languages(c *catalog) []langInfo {
	var out []langInfo
	seen := map[string]bool{}
	for _, r := range c.Roles {
		for _, l := range r.Languages {
			if seen[l] {
				continue
			}
			seen[l] = true
			name := l
			if loc, err := locale.For(l); err == nil {
				name = loc.Name
			}
			out = append(out, langInfo{l, name})
		}
	}
	return out
}

// page serves the page, with the preview of the edition its query asks
// for: it works without its script, which only makes it update as the
// user types.
func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	st := s.state.Load()
	req := fromQuery(r.URL.Query()).withDefaults(st.catalog)
	data := pageData{Catalog: st.catalog, Req: req, Query: req.query(),
		Limits: map[string]int{"client": edition.MaxClient, "contact": edition.MaxContact, "note": edition.MaxNote},
		Langs:  languages(st.catalog)}
	if st.err != nil {
		data.ContentErrors = problem.List(st.err)
	}
	if !s.acquire(w, r) {
		return
	}
	data.Preview = s.makePreview(r.Context(), st, req)
	s.release()
	var buf bytes.Buffer
	if err := pageTemplate().Execute(&buf, data); err != nil {
		http.Error(w, "the page could not be made", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(buf.Bytes())
}
