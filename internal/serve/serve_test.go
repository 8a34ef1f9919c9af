package serve

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/brochure-dev/brochure/internal/problem"
)

// project copies the real content and team file into a folder, so that
// a test may edit them, and returns the content folder.
func project(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	content := filepath.Join(dir, "brochures")
	if err := os.CopyFS(content, os.DirFS("../../brochures")); err != nil {
		t.Fatal(err)
	}
	team, err := os.ReadFile("../../team.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "team.toml"), team, 0o644); err != nil {
		t.Fatal(err)
	}
	return content
}

func server(t *testing.T, opt Options) (*Server, *httptest.Server) {
	t.Helper()
	return serverFor(t, project(t), opt)
}

// serverFor serves a content folder, reloading it only when asked.
func serverFor(t *testing.T, content string, opt Options) (*Server, *httptest.Server) {
	t.Helper()
	opt.Reload = -1
	s, err := New(content, opt)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts
}

// breakContent makes the French text of the SRE role unreadable, and
// returns what it held.
func breakContent(t *testing.T, content string) []byte {
	t.Helper()
	fr := filepath.Join(content, "sre", "fr.toml")
	data, err := os.ReadFile(fr)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(fr, []byte(strings.Replace(string(data), "[cta]", "[cta\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return data
}

type answer struct {
	status int
	header http.Header
	body   []byte
}

func do(t *testing.T, req *http.Request) answer {
	t.Helper()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return answer{res.StatusCode, res.Header, body}
}

func get(t *testing.T, u string) answer {
	req, _ := http.NewRequest("GET", u, nil)
	return do(t, req)
}

func post(t *testing.T, u, body string) answer {
	req, _ := http.NewRequest("POST", u, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	return do(t, req)
}

func TestAPILists(t *testing.T) {
	_, ts := server(t, Options{})
	var roles []roleInfo
	if a := get(t, ts.URL+"/api/roles"); a.status != 200 || json.Unmarshal(a.body, &roles) != nil || len(roles) != 1 || roles[0].Titles["fr"] != "Site Reliability Engineer" {
		t.Errorf("roles: %d %s", a.status, a.body)
	}
	var layouts []layoutInfo
	if a := get(t, ts.URL+"/api/layouts"); a.status != 200 || json.Unmarshal(a.body, &layouts) != nil || len(layouts) < 8 {
		t.Errorf("layouts: %d %s", a.status, a.body)
	}
	for _, l := range layouts {
		if l.Name == "a4" && (l.WidthMM != 210 || l.HeightMM != 297) {
			t.Errorf("a4 is %g × %g mm", l.WidthMM, l.HeightMM)
		}
	}
	var team []personInfo
	if a := get(t, ts.URL+"/api/team"); a.status != 200 || json.Unmarshal(a.body, &team) != nil || len(team) != 2 || team[0].ID != "jdoe" {
		t.Errorf("team: %d %s", a.status, a.body)
	}
	if a := get(t, ts.URL+"/healthz"); a.status != 200 || !bytes.Contains(a.body, []byte(`"status": "ok"`)) {
		t.Errorf("healthz: %d %s", a.status, a.body)
	}
}

// TestAPIRender asks for PDFs and for editions that cannot be made.
func TestAPIRender(t *testing.T) {
	_, ts := server(t, Options{})
	a := post(t, ts.URL+"/api/render", `{"role":"sre","lang":"fr","layout":"a4","variant":"print","client":"Société Générale","by":"jdoe"}`)
	if a.status != 200 || a.header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(a.body, []byte("%PDF-")) {
		t.Fatalf("render: %d %s", a.status, a.header)
	}
	if got := a.header.Get("Content-Disposition"); got != `attachment; filename="sre-fr-a4-societe-generale-print.pdf"` {
		t.Errorf("Content-Disposition %q", got)
	}
	for _, tc := range []struct {
		name, body string
		status     int
		want       string
	}{
		{"path as a role", `{"role":"../../etc/passwd","lang":"fr","layout":"a4"}`, 422, `role: unknown (roles: sre)`},
		{"path as a layout", `{"role":"sre","lang":"fr","layout":"../layouts/a4"}`, 422, `layout: unknown`},
		{"path as a person", `{"role":"sre","lang":"fr","layout":"a4","client":"A","by":"../team"}`, 422, `by: no such person`},
		{"unknown language", `{"role":"sre","lang":"de-CH","layout":"a4"}`, 422, `lang: role sre has no such language (its languages: en, fr, de, es, it, nl, pt-PT)`},
		{"a bilingual layout in a third language", `{"role":"sre","lang":"de","layout":"bilingual"}`, 422, `lang: layout bilingual is in en and fr`},
		{"no client", `{"role":"sre","lang":"fr","layout":"a4","contact":"Marie"}`, 422, `client: missing`},
		{"long client", `{"role":"sre","lang":"fr","layout":"a4","client":"` + strings.Repeat("Acme ", 40) + `"}`, 422, `client: 199 characters, more than the 120`},
		{"a character the font lacks", `{"role":"sre","lang":"fr","layout":"a4","client":"Acme 株式会社"}`, 422, `client: '株' (U+682A) is not in the font`},
		{"unknown field", `{"role":"sre","lang":"fr","layout":"a4","clinet":"Acme"}`, 400, `unknown field "clinet"`},
		{"not JSON", `role=sre`, 400, `not an edition as JSON`},
		{"too large", `{"role":"sre","note":"` + strings.Repeat("x", maxBody) + `"}`, 413, `larger than 16384 bytes`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := post(t, ts.URL+"/api/render", tc.body)
			var got struct{ Errors []problem.Problem }
			var all []string
			if json.Unmarshal(a.body, &got) == nil {
				for _, p := range got.Errors {
					all = append(all, p.Message)
				}
			}
			if a.status != tc.status || !strings.Contains(strings.Join(all, "\n"), tc.want) {
				t.Errorf("%d %s\nwant %d and %q", a.status, a.body, tc.status, tc.want)
			}
			if tc.status == 422 && strings.Contains(string(a.body), "etc/passwd") {
				t.Error("the answer repeats the path it was given")
			}
		})
	}
}

// TestAPIRenderLocated checks that an error in a file comes with its
// file, line and column, as the command line prints it: a salesperson
// whose job title the team file lacks in the brochure's language.
func TestAPIRenderLocated(t *testing.T) {
	content := project(t)
	team := "[ann]\nname = \"Ann Lee\"\nemail = \"ann@example.com\"\ntitle = { en = \"Partner\" }\n"
	if err := os.WriteFile(filepath.Join(filepath.Dir(content), "team.toml"), []byte(team), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := New(content, Options{Reload: -1})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	a := post(t, ts.URL+"/api/render", `{"role":"sre","lang":"fr","layout":"a4","client":"Acme","by":"ann"}`)
	var got struct{ Errors []problem.Problem }
	if err := json.Unmarshal(a.body, &got); a.status != 422 || err != nil || len(got.Errors) != 1 {
		t.Fatalf("%d %s", a.status, a.body)
	}
	want := problem.Problem{Message: "ann.title: no fr title (title.fr), needed for a brochure in fr", File: "team.toml", Line: 4, Col: 1}
	if p := got.Errors[0]; p.Message != want.Message || !strings.HasSuffix(p.File, want.File) || p.Line != want.Line || p.Col != want.Col {
		t.Errorf("problem %+v, want %+v", p, want)
	}
}

// TestBusy fills the render slots and the queue: the next request is
// answered 503 with Retry-After at once.
func TestBusy(t *testing.T) {
	s, ts := server(t, Options{Renders: 1, Queue: 1})
	s.slots <- struct{}{}
	s.queue <- struct{}{}
	s.queue <- struct{}{}
	start := time.Now()
	a := post(t, ts.URL+"/api/render", `{"role":"sre","lang":"fr","layout":"a4"}`)
	if a.status != 503 || a.header.Get("Retry-After") != "1" || time.Since(start) > time.Second {
		t.Errorf("%d %s after %v", a.status, a.header, time.Since(start))
	}
	<-s.slots
	<-s.queue
	<-s.queue
	if a := post(t, ts.URL+"/api/render", `{"role":"sre","lang":"fr","layout":"a4"}`); a.status != 200 {
		t.Errorf("after the load: %d", a.status)
	}
}

func TestAuth(t *testing.T) {
	_, ts := server(t, Options{Auth: "ann:s3cret"})
	for _, tc := range []struct {
		name   string
		set    func(*http.Request)
		status int
	}{
		{"none", func(*http.Request) {}, 401},
		{"wrong password", func(r *http.Request) { r.SetBasicAuth("ann", "guess") }, 401},
		{"basic", func(r *http.Request) { r.SetBasicAuth("ann", "s3cret") }, 200},
		{"bearer", func(r *http.Request) { r.Header.Set("Authorization", "Bearer ann:s3cret") }, 200},
	} {
		req, _ := http.NewRequest("GET", ts.URL+"/api/roles", nil)
		tc.set(req)
		if a := do(t, req); a.status != tc.status {
			t.Errorf("%s: %d, want %d", tc.name, a.status, tc.status)
		}
	}
	if a := get(t, ts.URL+"/healthz"); a.status != 200 {
		t.Errorf("healthz behind auth: %d", a.status)
	}
}

// TestPage checks the page: its fields have labels, what the user typed
// comes back escaped, and the headers forbid what the page does not do.
func TestPage(t *testing.T) {
	_, ts := server(t, Options{})
	q := url.Values{"role": {"sre"}, "lang": {"fr"}, "layout": {"a4"}, "client": {`<script>alert(1)</script>`}, "note": {`"><img src=x onerror=alert(1)>`}}
	a := get(t, ts.URL+"/?"+q.Encode())
	page := string(a.body)
	if a.status != 200 || strings.Contains(page, "<script>alert") || strings.Contains(page, "<img src=x") {
		t.Errorf("%d: input reflected unescaped", a.status)
	}
	for _, id := range []string{"role", "lang", "layout", "client", "contact", "by", "note"} {
		if !strings.Contains(page, `<label for="`+id+`"`) || !strings.Contains(page, `id="`+id+`"`) {
			t.Errorf("no labelled field %s", id)
		}
	}
	for h, want := range map[string]string{"Content-Security-Policy": "frame-ancestors 'none'", "X-Content-Type-Options": "nosniff"} {
		if !strings.Contains(a.header.Get(h), want) {
			t.Errorf("%s: %q", h, a.header.Get(h))
		}
	}
	if a := get(t, ts.URL+"/../../etc/passwd"); a.status != 404 || strings.Contains(string(a.body), "passwd") {
		t.Errorf("a path out: %d %s", a.status, a.body)
	}
}

// TestReload edits the content under a running server: a broken edit
// keeps the last good content and shows its located error; a good one
// is served.
func TestReload(t *testing.T) {
	content := project(t)
	s, ts := serverFor(t, content, Options{})
	fr := filepath.Join(content, "sre", "fr.toml")
	data := breakContent(t, content)
	s.Reload()
	page := string(get(t, ts.URL+"/?lang=fr").body)
	if !strings.Contains(page, "the last good version is shown") || !strings.Contains(page, "brochures/sre/fr.toml:") {
		t.Errorf("the page does not show the content's error")
	}
	if a := post(t, ts.URL+"/api/render", `{"role":"sre","lang":"fr","layout":"a4"}`); a.status != 200 {
		t.Errorf("the last good content is not served: %d %s", a.status, a.body)
	}
	fixed := strings.Replace(string(data), `title = "Site Reliability Engineer"`, `title = "Ingénieur SRE"`, 1)
	if err := os.WriteFile(fr, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	s.Reload()
	var roles []roleInfo
	json.Unmarshal(get(t, ts.URL+"/api/roles").body, &roles)
	if len(roles) != 1 || roles[0].Titles["fr"] != "Ingénieur SRE" {
		t.Errorf("the fixed content is not served: %+v", roles)
	}
	if strings.Contains(string(get(t, ts.URL+"/").body), "the last good version is shown") {
		t.Error("the error is still shown")
	}
}
