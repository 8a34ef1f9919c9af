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
)

// benchTitles and benchPlaces make the roles' titles differ, and with
// them the glyphs each embeds: a batch whose documents all embedded the
// same subsets would flatter the writer.
var (
	benchTitles = []string{"Site Reliability Engineer", "Platform Engineer", "Cloud Architect", "Data Engineer",
		"Security Engineer", "DevOps Lead", "Network Engineer", "Backend Developer", "QA Automation Engineer", "Infrastructure Manager"}
	benchPlaces = []string{"Lyon", "Zürich", "Kraków", "Québec", "Bordeaux", "Växjö", "Oslo", "Wellington", "Jyväskylä", "Montréal"}
)

// roles makes n roles in a temporary content folder, each a copy of the
// SRE role under its own id and title, and returns the folder.
func roles(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "brochures")
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("role%03d", i)
		if err := os.CopyFS(filepath.Join(dir, id), os.DirFS(filepath.Join(contentDir, "sre"))); err != nil {
			b.Fatal(err)
		}
		for _, f := range []string{"role.toml", "en.toml", "fr.toml"} {
			p := filepath.Join(dir, id, f)
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			s := strings.Replace(string(data), `id = "sre"`, fmt.Sprintf("id = %q", id), 1)
			title := fmt.Sprintf("%s, %s", benchTitles[i%len(benchTitles)], benchPlaces[i/len(benchTitles)%len(benchPlaces)])
			s = strings.Replace(s, `title = "Site Reliability Engineer"`, fmt.Sprintf("title = %q", title), 1)
			if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
				b.Fatal(err)
			}
		}
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

// BenchmarkBatch200 builds 200 brochures (100 roles × 2 languages) with
// the real command: cold (empty output folder) and warm (nothing
// changed), reporting brochures per second and peak RSS.
func BenchmarkBatch200(b *testing.B) {
	content := roles(b, 100)
	const n = 200
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
		fmt.Fprintf(&csv, "%s %s %d;Contact %d;%s;%s\r\n", benchPlaces[i%len(benchPlaces)], benchTitles[i/len(benchPlaces)%len(benchTitles)], i, i, []string{"jdoe", "mmartin"}[i%2], note)
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
