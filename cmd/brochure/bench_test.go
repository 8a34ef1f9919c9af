package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/brochure-dev/brochure/internal/benchroles"
)

// roles makes n distinct roles from the SRE role in a temporary content
// folder (see internal/benchroles: titles, places, reference codes and
// the order of lists differ, so font subsets and compressed programs
// differ), and returns the folder.
func roles(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "brochures")
	if _, err := benchroles.Write(dir, filepath.Join(contentDir, "sre"), n); err != nil {
		b.Fatal(err)
	}
	return dir
}

// timed times one brochure build and reads its peak resident memory.
func timed(b *testing.B, args ...string) (time.Duration, float64) {
	b.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "CI=true")
	start := time.Now()
	out, err := cmd.CombinedOutput()
	d := time.Since(start)
	if err != nil {
		b.Fatalf("brochure %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	rss := float64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss) / 1024 // KiB to MiB
	return d, rss
}

// BenchmarkBatch400 builds 400 brochures (200 roles × 2 languages) with
// the real command: cold (empty output folder) and warm (nothing
// changed), reporting brochures per second and peak RSS.
func BenchmarkBatch400(b *testing.B) {
	content := roles(b, 200)
	const n = 400
	b.Run("cold", func(b *testing.B) {
		var total time.Duration
		var rss float64
		for i := 0; i < b.N; i++ {
			d, r := timed(b, "--content", content, "build", "--layout", "a4", "--out", b.TempDir())
			total += d
			rss = max(rss, r)
		}
		b.ReportMetric(float64(n*b.N)/total.Seconds(), "brochures/s")
		b.ReportMetric(rss, "peak-RSS-MiB")
	})
	b.Run("warm", func(b *testing.B) {
		out := b.TempDir()
		timed(b, "--content", content, "build", "--layout", "a4", "--out", out)
		var total time.Duration
		var rss float64
		for i := 0; i < b.N; i++ {
			d, r := timed(b, "--content", content, "build", "--layout", "a4", "--out", out)
			total += d
			rss = max(rss, r)
		}
		b.ReportMetric(total.Seconds()/float64(b.N)*1000, "ms/rebuild")
		b.ReportMetric(rss, "peak-RSS-MiB")
	})
}
