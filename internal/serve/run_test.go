package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestGracefulShutdown stops a server while a render waits for a slot:
// the request in flight is answered, then Run returns.
func TestGracefulShutdown(t *testing.T) {
	s, addr, cancel, ran := running(t, project(t), Options{Renders: 1, Reload: -1})
	s.queue <- struct{}{} // the one render slot is taken: the request waits
	s.slots <- struct{}{}
	answered := make(chan int, 1)
	go func() {
		res, err := http.Post(addr+"/api/render", "application/json", strings.NewReader(`{"role":"sre","lang":"en","layout":"a4"}`))
		if err != nil {
			answered <- 0
			return
		}
		res.Body.Close()
		answered <- res.StatusCode
	}()
	for deadline := time.Now().Add(5 * time.Second); len(s.queue) < 2; time.Sleep(5 * time.Millisecond) { // the slot's holder and the request
		if time.Now().After(deadline) {
			t.Fatal("the request never came")
		}
	}
	cancel()
	time.Sleep(50 * time.Millisecond)
	<-s.slots // the slot frees: the request renders
	<-s.queue
	if code := <-answered; code != 200 {
		t.Errorf("the request in flight got %d", code)
	}
	select {
	case err := <-ran:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Error("Run did not return")
	}
}

// running runs a server of content on a port of its own, until cancel
// or the end of the test; ran gets what Run returns. addr is its URL.
func running(t *testing.T, content string, opt Options) (s *Server, addr string, cancel func(), ran <-chan error) {
	t.Helper()
	s, err := New(content, opt)
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, l) }()
	return s, "http://" + l.Addr().String(), cancel, done
}

// TestAccessLog checks the log's lines: method, path, status, time and
// size, and never the query, which holds clients' names.
func TestAccessLog(t *testing.T) {
	var buf lockedBuffer
	s, err := New(project(t), Options{Reload: -1, Log: slog.New(slog.NewJSONHandler(&buf, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	get(t, ts.URL+"/download?role=sre&lang=en&layout=a4&client=Secret+Client")
	// The line is written once the answer is sent.
	for deadline := time.Now().Add(2 * time.Second); buf.Len() == 0 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	var line struct {
		Method, Path  string
		Status, Bytes int
		MS            float64
	}
	if err := json.Unmarshal([]byte(buf.String()), &line); err != nil {
		t.Fatalf("%v: %s", err, buf.String())
	}
	if line.Method != "GET" || line.Path != "/download" || line.Status != 200 || line.Bytes < 10000 || line.MS <= 0 {
		t.Errorf("log line %+v", line)
	}
	if strings.Contains(buf.String(), "Secret") {
		t.Error("the log holds a personal field")
	}
}

// TestReplicas checks that two servers on the same files give the same
// bytes for the same edition: any replica may answer.
func TestReplicas(t *testing.T) {
	content := project(t)
	var pdfs [2][]byte
	for i := range pdfs {
		s, err := New(content, Options{Reload: -1})
		if err != nil {
			t.Fatal(err)
		}
		ts := httptest.NewServer(s.Handler())
		a := post(t, ts.URL+"/api/render", `{"role":"sre","lang":"fr","layout":"a5-booklet","variant":"print","client":"Acme","by":"jdoe","note":"À bientôt."}`)
		ts.Close()
		if a.status != 200 {
			t.Fatalf("%d %s", a.status, a.body)
		}
		pdfs[i] = a.body
	}
	if !bytes.Equal(pdfs[0], pdfs[1]) {
		t.Error("two servers made different bytes")
	}
}

// lockedBuffer is a buffer the server's goroutines may write while the
// test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Len()
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestReloadOnChange edits the content of a running server that looks
// for changes only once an hour: the system tells it of the edit, and
// the new title is served within a second.
func TestReloadOnChange(t *testing.T) {
	content := project(t)
	_, addr, _, _ := running(t, content, Options{Reload: time.Hour})
	time.Sleep(100 * time.Millisecond) // the watch is set up
	fr := filepath.Join(content, "sre", "fr.toml")
	data, err := os.ReadFile(fr)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), `title = "Site Reliability Engineer"`, `title = "Ingénieur SRE"`, 1)
	if edited == string(data) {
		t.Fatal("fr.toml: no title to edit")
	}
	if err := os.WriteFile(fr, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(time.Second); ; time.Sleep(20 * time.Millisecond) {
		var roles []roleInfo
		json.Unmarshal(get(t, addr+"/api/roles").body, &roles)
		if len(roles) == 1 && roles[0].Titles["fr"] == "Ingénieur SRE" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("a second after the edit, the roles served are %+v", roles)
		}
	}
}
