package main

import (
	"bytes"
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
		var mu sync.Mutex
		var lat []time.Duration
		refused, failed := 0, 0
		next := make(chan int)
		var wg sync.WaitGroup
		start := time.Now()
		for range clients {
			wg.Go(func() {
				for n := range next {
					body := fmt.Sprintf(`{"role":"sre","lang":"%s","layout":"a4","client":"%s %d","contact":"Contact %d","by":"jdoe"}`,
						[]string{"en", "fr"}[n%2], benchClients[n%len(benchClients)], n, n)
					t := time.Now()
					res, err := http.Post(base+"/api/render", "application/json", strings.NewReader(body))
					d := time.Since(t)
					status := 0
					if err == nil {
						var buf bytes.Buffer
						io.Copy(&buf, res.Body)
						res.Body.Close()
						status = res.StatusCode
					}
					mu.Lock()
					switch status {
					case 200:
						lat = append(lat, d)
					case 503:
						refused++
					default:
						failed++
					}
					mu.Unlock()
				}
			})
		}
		for n := range requests {
			next <- n
		}
		close(next)
		wg.Wait()
		total := time.Since(start)
		if failed > 0 {
			b.Fatalf("%d requests failed", failed)
		}
		slices.Sort(lat)
		b.ReportMetric(float64(len(lat))/total.Seconds(), "renders/s")
		b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
		b.ReportMetric(float64(refused), "503s")
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
