package main

import (
	"fmt"
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
			d, r := timed(b, "--content", content, "build", "--lang", "en,fr", "--layout", "a4", "--out", b.TempDir())
			total += d
			rss = max(rss, r)
		}
		b.ReportMetric(float64(n*b.N)/total.Seconds(), "brochures/s")
		b.ReportMetric(rss, "peak-RSS-MiB")
	})
	b.Run("warm", func(b *testing.B) {
		out := b.TempDir()
		timed(b, "--content", content, "build", "--lang", "en,fr", "--layout", "a4", "--out", out)
		var total time.Duration
		var rss float64
		for i := 0; i < b.N; i++ {
			d, r := timed(b, "--content", content, "build", "--lang", "en,fr", "--layout", "a4", "--out", out)
			total += d
			rss = max(rss, r)
		}
		b.ReportMetric(total.Seconds()/float64(b.N)*1000, "ms/rebuild")
		b.ReportMetric(rss, "peak-RSS-MiB")
	})
}

// BenchmarkRecipients500 builds a recipients file of 500 clients (the
// French A4 of the SRE role, a salesperson each, one client in five with
// a note) with the real command, cold, reporting editions per second and
// peak RSS.
func BenchmarkRecipients500(b *testing.B) {
	dir := b.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "brochures"), os.DirFS(contentDir)); err != nil {
		b.Fatal(err)
	}
	team, err := os.ReadFile(filepath.Join(filepath.Dir(contentDir), "team.toml"))
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "team.toml"), team, 0o644); err != nil {
		b.Fatal(err)
	}
	const n = 500
	var csv strings.Builder
	csv.WriteString("client;contact;by;note\r\n")
	for i := 0; i < n; i++ {
		note := ""
		if i%5 == 0 {
			note = fmt.Sprintf("Suite à notre échange n° %d, voici la fiche.", i)
		}
		fmt.Fprintf(&csv, "%s %d;Contact %d;%s;%s\r\n", benchClients[i%len(benchClients)], i, i, []string{"jdoe", "mmartin"}[i%2], note)
	}
	file := filepath.Join(dir, "clients.csv")
	if err := os.WriteFile(file, []byte(csv.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	var total time.Duration
	var rss float64
	for i := 0; i < b.N; i++ {
		d, r := timed(b, "--content", filepath.Join(dir, "brochures"), "build", "sre", "--lang", "fr", "--layout", "a4", "--recipients", file, "--out", b.TempDir())
		total += d
		rss = max(rss, r)
	}
	b.ReportMetric(float64(n*b.N)/total.Seconds(), "editions/s")
	b.ReportMetric(rss, "peak-RSS-MiB")
}

// benchClients are client names of many letters, so that personal
// editions embed different font subsets.
var benchClients = []string{"Lyon Énergie", "Zürich Versicherung", "Kraków Systemy", "Québec Logiciel", "Bordeaux Vins",
	"Växjö Trä", "Oslo Havn", "Wellington Data", "Jyväskylä Oy", "Montréal Médias", "Łódź Tekstylia", "Genève Horlogerie"}
