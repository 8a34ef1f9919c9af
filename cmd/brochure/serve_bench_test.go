package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// BenchmarkServe starts the real server and sends it 2,000 render
// requests for personal A4 editions (each for another client) from 8
// clients at once: renders per second, median and 99th-percentile
// latency, refusals (503), and the server's peak RSS.
func BenchmarkServe(b *testing.B) {
	dir := b.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "brochures"), os.DirFS(contentDir)); err != nil {
		b.Fatal(err)
	}
	team, _ := os.ReadFile(filepath.Join(filepath.Dir(contentDir), "team.toml"))
	if err := os.WriteFile(filepath.Join(dir, "team.toml"), team, 0o644); err != nil {
		b.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	srv := exec.Command(bin, "--content", filepath.Join(dir, "brochures"), "serve", "--addr", addr)
	srv.Stderr = io.Discard
	if err := srv.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() { srv.Process.Signal(os.Interrupt); srv.Wait() }()
	base := "http://" + addr
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if res, err := http.Get(base + "/healthz"); err == nil {
			res.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			b.Fatal("the server did not start")
		}
	}
	const requests, clients = 2000, 8
	for i := 0; i < b.N; i++ {
		// As fast as 8 clients can ask: throughput.
		r := load(b, base, requests, clients, 0)
		b.ReportMetric(float64(len(r.lat))/r.total.Seconds(), "renders/s")
		b.ReportMetric(r.percentile(50), "p50-ms")
		b.ReportMetric(r.percentile(99), "p99-ms")
		b.ReportMetric(float64(r.refused), "503s")
		// At 150 renders a second, the rate the server must sustain:
		// latency as a salesperson sees it.
		r = load(b, base, 750, clients, 150)
		b.ReportMetric(r.percentile(50), "p50-ms@150/s")
		b.ReportMetric(r.percentile(99), "p99-ms@150/s")
	}
	b.ReportMetric(peakRSS(b, srv.Process.Pid), "server-peak-RSS-MiB")
}

// peakRSS reads a process's peak resident memory, MiB.
func peakRSS(b *testing.B, pid int) float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		b.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return float64(kb) / 1024
		}
	}
	return 0
}

// loadResult is what a load run measured.
type loadResult struct {
	lat     []time.Duration
	refused int
	total   time.Duration
}

func (r loadResult) percentile(p int) float64 {
	if len(r.lat) == 0 {
		return 0
	}
	return float64(r.lat[(len(r.lat)-1)*p/100].Microseconds()) / 1000
}

// load sends n render requests for personal A4 editions (each for
// another client) from clients goroutines, at most rate a second (0: as
// fast as they can), and fails on any answer but 200 and 503.
func load(b *testing.B, base string, n, clients int, rate float64) loadResult {
	var mu sync.Mutex
	var r loadResult
	next := make(chan int)
	var wg sync.WaitGroup
	start := time.Now()
	failed := 0
	for range clients {
		wg.Go(func() {
			for k := range next {
				body := fmt.Sprintf(`{"role":"sre","lang":"%s","layout":"a4","client":"%s %d","contact":"Contact %d","by":"jdoe"}`,
					[]string{"en", "fr"}[k%2], benchClients[k%len(benchClients)], k, k)
				t := time.Now()
				res, err := http.Post(base+"/api/render", "application/json", strings.NewReader(body))
				status := 0
				if err == nil {
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
					status = res.StatusCode
				}
				d := time.Since(t)
				mu.Lock()
				switch status {
				case 200:
					r.lat = append(r.lat, d)
				case 503:
					r.refused++
				default:
					failed++
				}
				mu.Unlock()
			}
		})
	}
	for k := range n {
		if rate > 0 {
			time.Sleep(time.Until(start.Add(time.Duration(float64(k) / rate * float64(time.Second)))))
		}
		next <- k
	}
	close(next)
	wg.Wait()
	r.total = time.Since(start)
	if failed > 0 {
		b.Fatalf("%d requests failed", failed)
	}
	slices.Sort(r.lat)
	return r
}
