package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"github.com/brochure-dev/brochure/internal/problem"
	"github.com/brochure-dev/brochure/internal/render"
)

// maxBody caps a request's body: an edition's fields are a few hundred
// bytes.
const maxBody = 16 << 10

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", s.page)
	m.HandleFunc("GET /app.js", static("app.js", "text/javascript; charset=utf-8"))
	m.HandleFunc("GET /app.css", static("app.css", "text/css; charset=utf-8"))
	m.HandleFunc("GET /healthz", s.health)
	m.HandleFunc("GET /api/roles", s.list(func(c *catalog) any { return c.Roles }))
	m.HandleFunc("GET /api/layouts", s.list(func(c *catalog) any { return c.Layouts }))
	m.HandleFunc("GET /api/team", s.list(func(c *catalog) any { return c.Team }))
	m.HandleFunc("POST /api/render", s.renderJSON)
	m.HandleFunc("GET /api/preview", s.preview)
	m.HandleFunc("GET /download", s.download)
	s.mux = m
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v) // the client may have gone
}

// fail answers the problems of a request as JSON.
func fail(w http.ResponseWriter, status int, err error) {
	writeJSON(w, status, map[string]any{"errors": problem.List(err)})
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	st := s.state.Load()
	out := map[string]any{"status": "ok", "roles": len(st.catalog.Roles), "layouts": len(st.catalog.Layouts)}
	if st.err != nil {
		out["content_errors"] = problem.List(st.err)
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) list(of func(*catalog) any) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, of(s.state.Load().catalog))
	}
}

// renderJSON makes the PDF of the edition a JSON body asks for.
func (s *Server) renderJSON(w http.ResponseWriter, r *http.Request) {
	var req request
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			fail(w, http.StatusRequestEntityTooLarge, errors.New("the request is larger than "+strconv.Itoa(maxBody)+" bytes"))
			return
		}
		fail(w, http.StatusBadRequest, errors.New("the body is not an edition as JSON: "+err.Error()))
		return
	}
	if req.Variant == "" {
		req.Variant = "screen"
	}
	s.pdf(w, r, req)
}

// download makes the PDF of the edition the page's query asks for.
func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	s.pdf(w, r, fromQuery(r.URL.Query()).withDefaults(s.state.Load().catalog))
}

// pdf renders the edition and sends it as a file to save, under the name
// the command line gives it; its problems are 422 with the messages the
// command line prints.
func (s *Server) pdf(w http.ResponseWriter, r *http.Request, req request) {
	st := s.state.Load()
	job, err := req.job(st)
	if err != nil {
		fail(w, http.StatusUnprocessableEntity, err)
		return
	}
	if !s.acquire(w, r) {
		return
	}
	defer s.release()
	in, opt, err := st.project.Input(job)
	if err != nil {
		fail(w, http.StatusUnprocessableEntity, err)
		return
	}
	var buf bytes.Buffer
	if _, err := render.Render(r.Context(), &buf, in, opt); err != nil {
		if errors.Is(err, context.Canceled) {
			return // the client left
		}
		fail(w, http.StatusUnprocessableEntity, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", `attachment; filename="`+job.File()+`"`)
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	h.Set("Cache-Control", "no-store")
	_, _ = w.Write(buf.Bytes())
}
