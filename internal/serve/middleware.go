package serve

import (
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"strings"
	"time"
)

// secure sets the headers every answer carries: no framing, no
// content sniffing, no referrer, and a policy that lets the page load
// only its own script and style, and images from itself and data URLs
// (the previews).
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		next.ServeHTTP(w, r)
	})
}

// authorised lets a request through when the server has no access
// control, or when it gives the token (Authorization: Bearer TOKEN) or
// the credentials (basic auth, "user:password"). The comparison takes
// the same time whatever the secret. /healthz is always open.
func (s *Server) authorised(next http.Handler) http.Handler {
	if s.opt.Auth == "" {
		return next
	}
	want := []byte(s.opt.Auth)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/healthz" {
			next.ServeHTTP(w, r)
			return
		}
		var got []byte
		auth := r.Header.Get("Authorization")
		if tok, ok := strings.CutPrefix(auth, "Bearer "); ok {
			got = []byte(tok)
		} else if enc, ok := strings.CutPrefix(auth, "Basic "); ok {
			got, _ = base64.StdEncoding.DecodeString(enc)
		}
		if subtle.ConstantTimeCompare(got, want) != 1 {
			w.Header().Set("WWW-Authenticate", `Basic realm="brochure", charset="UTF-8"`)
			http.Error(w, "authorisation required", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// recorder remembers an answer's status and size, for the log.
type recorder struct {
	http.ResponseWriter
	status, bytes int
}

func (r *recorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	return n, err
}

// logged writes one line per request: method, path (without its query,
// which holds personal fields), status, milliseconds and bytes.
func (s *Server) logged(next http.Handler) http.Handler {
	if s.opt.Log == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		s.opt.Log.Info("request", "method", r.Method, "path", r.URL.Path, "status", rec.status,
			"ms", float64(time.Since(start).Microseconds())/1000, "bytes", rec.bytes)
	})
}
