package build

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// hashes returns the SHA-256 of every PDF in dir, by name.
func hashes(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = fmt.Sprintf("%x", sha256.Sum256(data))
	}
	return out
}

// withRoles copies the content and adds copies of sre under other names.
func withRoles(t *testing.T, names ...string) string {
	t.Helper()
	dir := copyContent(t)
	for _, n := range names {
		if err := os.CopyFS(filepath.Join(dir, n), os.DirFS(filepath.Join(dir, "sre"))); err != nil {
			t.Fatal(err)
		}
		edit(t, filepath.Join(dir, n, "role.toml"), `id = "sre"`, fmt.Sprintf("id = %q", n))
	}
	return dir
}

func edit(t *testing.T, file, old, new string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil || !strings.Contains(string(data), old) {
		t.Fatalf("%s: cannot edit %q (%v)", file, old, err)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func batch(t *testing.T, content, out string, opt BatchOptions) *Summary {
	t.Helper()
	p, err := Open(content)
	if err != nil {
		t.Fatal(err)
	}
	// One layout keeps the counts simple; layouts are all alike here.
	jobs, err := p.Jobs(Selection{Layouts: []string{"a4"}})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := p.Batch(jobs, out, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

func TestBatchSameBytesWhateverTheJobs(t *testing.T) {
	content := withRoles(t, "sre2", "sre3")
	one, four := t.TempDir(), t.TempDir()
	s1 := batch(t, content, one, BatchOptions{Jobs: 1})
	s4 := batch(t, content, four, BatchOptions{Jobs: 4})
	if s1.Count(Built) != 6 || s4.Count(Built) != 6 {
		t.Fatalf("built %d and %d, want 6", s1.Count(Built), s4.Count(Built))
	}
	h1, h4 := hashes(t, one), hashes(t, four)
	if len(h1) != 6 || fmt.Sprint(h1) != fmt.Sprint(h4) {
		t.Errorf("--jobs 1 and --jobs 4 differ:\n%v\n%v", h1, h4)
	}
	m1, _ := os.ReadFile(filepath.Join(one, ManifestFile))
	m4, _ := os.ReadFile(filepath.Join(four, ManifestFile))
	if string(m1) != string(m4) {
		t.Error("the manifests differ")
	}
}

func TestBatchIncremental(t *testing.T) {
	content, out := withRoles(t), t.TempDir()
	if s := batch(t, content, out, BatchOptions{}); s.Count(Built) != 2 {
		t.Fatalf("first build: %d built", s.Count(Built))
	}
	before := hashes(t, out)
	if s := batch(t, content, out, BatchOptions{}); s.Count(UpToDate) != 2 || s.Count(Built) != 0 {
		t.Errorf("second build: %d up to date, %d built; want 2, 0", s.Count(UpToDate), s.Count(Built))
	}
	// A change in a language file is an input of every language of the
	// role (they are checked against each other): both are rebuilt, and
	// only the French one comes out different.
	edit(t, filepath.Join(content, "sre", "fr.toml"), "Rémunération", "Salaires")
	s := batch(t, content, out, BatchOptions{})
	if s.Count(Built) != 2 {
		t.Errorf("after a content change: %d built, want 2", s.Count(Built))
	}
	after := hashes(t, out)
	if after["sre-fr-a4.pdf"] == before["sre-fr-a4.pdf"] || after["sre-en-a4.pdf"] != before["sre-en-a4.pdf"] {
		t.Error("the French PDF should change and the English one stay the same")
	}
	// A missing output is rebuilt; --force rebuilds everything.
	os.Remove(filepath.Join(out, "sre-en-a4.pdf"))
	if s := batch(t, content, out, BatchOptions{}); s.Count(Built) != 1 {
		t.Errorf("after deleting a PDF: %d built, want 1", s.Count(Built))
	}
	if s := batch(t, content, out, BatchOptions{Force: true}); s.Count(Built) != 2 {
		t.Errorf("--force: %d built, want 2", s.Count(Built))
	}
	// SOURCE_DATE_EPOCH is an input too.
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	if s := batch(t, content, out, BatchOptions{}); s.Count(Built) != 2 {
		t.Errorf("new SOURCE_DATE_EPOCH: %d built, want 2", s.Count(Built))
	}
}

func TestBatchPrune(t *testing.T) {
	content, out := withRoles(t, "gone"), t.TempDir()
	batch(t, content, out, BatchOptions{})
	os.RemoveAll(filepath.Join(content, "gone"))
	s := batch(t, content, out, BatchOptions{})
	want := []string{"gone-en-a4.pdf", "gone-fr-a4.pdf"}
	if !slices.Equal(s.Stale, want) || len(s.Pruned) != 0 {
		t.Errorf("stale %q pruned %q, want %q and none", s.Stale, s.Pruned, want)
	}
	s = batch(t, content, out, BatchOptions{Prune: true})
	if !slices.Equal(s.Pruned, want) {
		t.Errorf("pruned %q, want %q", s.Pruned, want)
	}
	if _, err := os.Stat(filepath.Join(out, "gone-en-a4.pdf")); err == nil {
		t.Error("pruned file still there")
	}
	m, _ := ReadManifest(out)
	if _, ok := m.Outputs["gone-en-a4.pdf"]; ok || len(m.Outputs) != 2 {
		t.Errorf("manifest after prune: %v", m.Outputs)
	}
}

func TestBatchBrokenRoleDoesNotStopOthers(t *testing.T) {
	content, out := withRoles(t, "broken"), t.TempDir()
	edit(t, filepath.Join(content, "broken", "fr.toml"), "[cta]", "[cta\n")
	s := batch(t, content, out, BatchOptions{Jobs: 2})
	if s.Count(Built) != 2 || s.Count(Failed) != 2 {
		t.Fatalf("%d built, %d failed; want 2 and 2", s.Count(Built), s.Count(Failed))
	}
	for _, o := range s.Outcomes {
		if o.Status == Failed && !strings.Contains(o.Err.Error(), "broken/fr.toml:") {
			t.Errorf("%s: error %v does not name the file", o.Job.File(), o.Err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "broken-en-a4.pdf")); err == nil {
		t.Error("a PDF of the broken role was written")
	}
}

func TestShards(t *testing.T) {
	var jobs []Job
	for i := 0; i < 23; i++ {
		jobs = append(jobs, Job{Role: fmt.Sprint(i), Lang: "en", Layout: "a4"})
	}
	for n := 1; n <= 6; n++ {
		seen := map[Job]int{}
		sizes := []int{}
		for k := 1; k <= n; k++ {
			part := ShardOf(jobs, k, n)
			sizes = append(sizes, len(part))
			for _, j := range part {
				seen[j]++
			}
		}
		if len(seen) != len(jobs) {
			t.Errorf("%d shards build %d of %d jobs", n, len(seen), len(jobs))
		}
		for j, c := range seen {
			if c != 1 {
				t.Errorf("%d shards build %v %d times", n, j, c)
			}
		}
		if slices.Max(sizes)-slices.Min(sizes) > 1 {
			t.Errorf("%d shards of sizes %v: uneven", n, sizes)
		}
	}
	// Real shards into their own folders make every PDF once.
	content := withRoles(t, "sre2")
	a, b := t.TempDir(), t.TempDir()
	batch(t, content, a, BatchOptions{Shard: 1, Shards: 2})
	batch(t, content, b, BatchOptions{Shard: 2, Shards: 2})
	ha, hb := hashes(t, a), hashes(t, b)
	if len(ha)+len(hb) != 4 {
		t.Errorf("shards made %d and %d files, want 4 in all", len(ha), len(hb))
	}
	for f := range ha {
		if _, dup := hb[f]; dup {
			t.Errorf("%s built by both shards", f)
		}
	}
}

// TestBatchDesignChangeRebuilds checks that the layouts' and fonts' files
// are inputs: copied beside the content unchanged they change nothing;
// changed, they rebuild every brochure. Fonts are hashed when the
// manifest first needs them.
func TestBatchDesignChangeRebuilds(t *testing.T) {
	tests := []struct {
		name, dir string
		change    func(t *testing.T, dir string)
	}{
		{"brand", "layouts", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "brand.toml"), "Northlight Talent SAS", "Northlight Talent SA")
		}},
		{"font", "fonts", func(t *testing.T, dir string) {
			// Bytes after the last table: the same glyphs, another file.
			f, err := os.OpenFile(filepath.Join(dir, "Inter-Regular.ttf"), os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if _, err := f.Write(make([]byte, 4)); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			content, out := withRoles(t), t.TempDir()
			batch(t, content, out, BatchOptions{})
			dir := filepath.Join(filepath.Dir(content), tt.dir)
			if err := os.CopyFS(dir, os.DirFS(filepath.Join("../..", tt.dir))); err != nil {
				t.Fatal(err)
			}
			if s := batch(t, content, out, BatchOptions{}); s.Count(UpToDate) != 2 {
				t.Errorf("same %s copied beside the content: %d up to date, want 2", tt.dir, s.Count(UpToDate))
			}
			tt.change(t, dir)
			if s := batch(t, content, out, BatchOptions{}); s.Count(Built) != 2 {
				t.Errorf("after a %s change: %d built, want 2", tt.name, s.Count(Built))
			}
		})
	}
}
