package build

import (
	"bytes"

	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/edition"
	"github.com/brochure-dev/brochure/internal/layout"
	"golang.org/x/text/unicode/norm"
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
	return batchDone(t, content, out, opt, nil)
}

// batchDone is batch with done given to Batch.
func batchDone(t *testing.T, content, out string, opt BatchOptions, done func(Outcome, int, int)) *Summary {
	t.Helper()
	p, err := Open(content)
	if err != nil {
		t.Fatal(err)
	}
	// One layout keeps the counts simple; layouts are all alike here.
	jobs, err := p.Jobs(Selection{Layouts: []string{"a4"}, Langs: enFR})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := p.Batch(jobs, out, opt, done)
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

// TestBatchReports checks that done sees each job's whole layout report,
// and that the summary then keeps its scale and warnings only; without
// done, the summary keeps the whole report.
func TestBatchReports(t *testing.T) {
	content := withRoles(t)
	seen := map[string]*layout.Report{}
	sum := batchDone(t, content, t.TempDir(), BatchOptions{}, func(o Outcome, _, _ int) { seen[o.Job.File()] = o.Report })
	for _, o := range sum.Outcomes {
		whole := seen[o.Job.File()]
		switch {
		case whole == nil || len(whole.Paragraphs) == 0:
			t.Errorf("%s: done saw no paragraphs in the report", o.Job.File())
		case o.Report == nil || len(o.Report.Paragraphs) != 0 || o.Report.Scale != whole.Scale || !slices.Equal(o.Report.Warnings, whole.Warnings):
			t.Errorf("%s: the summary's report is %+v, want the scale and warnings of %+v only", o.Job.File(), o.Report, whole)
		}
	}
	for _, o := range batch(t, content, t.TempDir(), BatchOptions{}).Outcomes {
		if o.Report == nil || len(o.Report.Paragraphs) == 0 {
			t.Errorf("%s: without done, the summary's report has no paragraphs", o.Job.File())
		}
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
	// A change in the French file is an input of the French edition
	// only: English, the reference, is not checked against French.
	edit(t, filepath.Join(content, "sre", "fr.toml"), "Rémunération", "Salaires")
	s := batch(t, content, out, BatchOptions{})
	if s.Count(Built) != 1 || s.Count(UpToDate) != 1 {
		t.Errorf("after a change to fr.toml: %d built, %d up to date; want 1, 1", s.Count(Built), s.Count(UpToDate))
	}
	after := hashes(t, out)
	if after["sre-fr-a4.pdf"] == before["sre-fr-a4.pdf"] || after["sre-en-a4.pdf"] != before["sre-en-a4.pdf"] {
		t.Error("the French PDF should change and the English one stay the same")
	}
	// The reference is an input of every edition, which is checked
	// against it.
	edit(t, filepath.Join(content, "sre", "en.toml"), "title = ", "# a comment\ntitle = ")
	if s := batch(t, content, out, BatchOptions{}); s.Count(Built) != 2 {
		t.Errorf("after a change to en.toml: %d built, want 2", s.Count(Built))
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

// TestBatchSubsetLeavesTheRest builds a subset (a role, a language, a
// layout, a shard, a client) into a folder that holds a full build, with
// and without --prune: every other file and its manifest entry stay, and
// nothing is called gone. A role whose folder is removed is.
func TestBatchSubsetLeavesTheRest(t *testing.T) {
	content, out := withRoles(t, "sre2"), t.TempDir()
	p, err := Open(content)
	if err != nil {
		t.Fatal(err)
	}
	all, err := p.Jobs(Selection{Layouts: []string{"a4", "poster"}, Langs: enFR})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Batch(all, out, BatchOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	full := hashes(t, out)
	fullMan, _ := ReadManifest(out)
	acme, err := p.Personal(Fields{Client: "Acme Corp"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		sel   Selection
		shard int
	}{
		{"one role", Selection{Roles: []string{"sre2"}}, 0},
		{"one language", Selection{Langs: []string{"fr"}}, 0},
		{"one layout", Selection{Layouts: []string{"a4"}}, 0},
		{"a shard", Selection{Layouts: []string{"a4", "poster"}}, 2},
		{"a client", Selection{Roles: []string{"sre"}, Layouts: []string{"a4"}, Fields: Fields{Client: acme.Client}}, 0},
	} {
		for _, prune := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/prune=%v", tc.name, prune), func(t *testing.T) {
				jobs, err := p.Jobs(tc.sel)
				if err != nil {
					t.Fatal(err)
				}
				opt := BatchOptions{Prune: prune}
				if tc.shard > 0 {
					opt.Shard, opt.Shards = tc.shard, 3
				}
				s, err := p.Batch(jobs, out, opt, nil)
				if err != nil {
					t.Fatal(err)
				}
				if len(s.Stale) > 0 || len(s.Pruned) > 0 {
					t.Errorf("stale %q, pruned %q", s.Stale, s.Pruned)
				}
				now := hashes(t, out)
				man, _ := ReadManifest(out)
				for name, h := range full {
					if now[name] != h || man.Outputs[name] != fullMan.Outputs[name] {
						t.Errorf("%s changed or went", name)
					}
				}
			})
		}
	}
	// A real orphan: the role's folder is gone.
	var want []string
	for name := range hashes(t, out) {
		if strings.HasPrefix(name, "sre2-") {
			want = append(want, name)
		}
	}
	slices.Sort(want)
	if err := os.RemoveAll(filepath.Join(content, "sre2")); err != nil {
		t.Fatal(err)
	}
	p, _ = Open(content)
	jobs, _ := p.Jobs(Selection{Layouts: []string{"a4"}, Langs: enFR})
	s, err := p.Batch(jobs, out, BatchOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 4 || !slices.Equal(s.Stale, want) || len(s.Pruned) > 0 {
		t.Errorf("without --prune: stale %q, pruned %q; want %q, none", s.Stale, s.Pruned, want)
	}
	if s, _ = p.Batch(jobs, out, BatchOptions{Prune: true}, nil); !slices.Equal(s.Pruned, want) {
		t.Errorf("with --prune: pruned %q, want %q", s.Pruned, want)
	}
	if _, err := os.Stat(filepath.Join(out, "sre-en-a4-acme-corp.pdf")); err != nil {
		t.Error("pruning removed a personal edition")
	}
}

// TestDecomposedAccents builds a role whose French text has every accent
// typed as a combining mark (NFD, as some editors and macOS file systems
// write it): the PDF is byte for byte the one from composed text.
func TestDecomposedAccents(t *testing.T) {
	content := copyContent(t)
	file := filepath.Join(content, "sre", "fr.toml")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	nfd := norm.NFD.Bytes(data)
	if bytes.Equal(nfd, data) {
		t.Fatal("fr.toml has no accents to decompose")
	}
	j := Job{Role: testRole, Lang: "fr", Layout: testLayout}
	composed := readPDF(t, buildJob(t, j))
	if err := os.WriteFile(file, nfd, 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Open(content)
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := p.Render(j)
	if err != nil {
		t.Fatal(err)
	}
	if d := firstDiff(composed, got); d != "" {
		t.Errorf("decomposed accents give another PDF: %s", d)
	}
}

// TestBatchWritesManifestWhateverFails builds a batch where one role has
// a figure that once crashed the layout (a salary of the largest 64-bit
// integer): whether that role fails or builds, the others are built and
// the manifest records them.
func TestBatchWritesManifestWhateverFails(t *testing.T) {
	content, out := withRoles(t, "huge"), t.TempDir()
	edit(t, filepath.Join(content, "huge", "role.toml"), "max = 100000", "max = 9223372036854775807")
	s := batch(t, content, out, BatchOptions{Jobs: 2})
	if s.Count(Built)+s.Count(Failed) != 4 || s.Count(Built) < 2 {
		t.Fatalf("%d built, %d failed", s.Count(Built), s.Count(Failed))
	}
	m, err := ReadManifest(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"sre-en-a4.pdf", "sre-fr-a4.pdf"} {
		if _, ok := m.Outputs[name]; !ok {
			t.Errorf("the manifest lacks %s", name)
		}
	}
	for _, o := range s.Outcomes {
		if o.Err != nil && !strings.Contains(o.Err.Error(), "huge") {
			t.Errorf("the error does not name the role: %v", o.Err)
		}
	}
}

// enFR selects the SRE role's English and French editions, which the
// counts of these tests assume (it has German too).
var enFR = []string{"en", "fr"}

// TestRoleDigest checks that the digest of a role for an edition is the
// same whether the role's load read every language or the edition's only,
// that it changes with role.toml, the reference language's file and the
// edition's, and not with another language's, and that a role that does
// not load has none.
func TestRoleDigest(t *testing.T) {
	content := withRoles(t)
	digest := func(only []string, langs ...string) string {
		t.Helper()
		p, err := Open(content)
		if err != nil {
			t.Fatal(err)
		}
		if only != nil {
			p.OnlyLanguages(only)
		}
		d, err := p.roleDigest("sre", langs)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	fr := digest([]string{"fr"}, "fr")
	if all := digest(nil, "fr"); all != fr {
		t.Errorf("digest %s with every language loaded, %s with French only", all, fr)
	}
	de := digest(nil, "de")
	if de == fr {
		t.Errorf("the German and French editions share a digest: %s", de)
	}
	if enFR := digest(nil, "en", "fr"); enFR != fr {
		t.Errorf("the English-French edition's digest %s is not the French one's %s: both read role.toml, en.toml and fr.toml", enFR, fr)
	}
	tests := []struct {
		file, old, new string
		frChanges      bool
	}{
		{"de.toml", "title = ", "# a comment\ntitle = ", false}, // German: not the French edition's input
		{"fr.toml", "title = ", "# a comment\ntitle = ", true},
		{"en.toml", "title = ", "# a comment\ntitle = ", true}, // the reference
		{"role.toml", "id = ", "# a comment\nid = ", true},
	}
	for _, tt := range tests {
		edit(t, filepath.Join(content, "sre", tt.file), tt.old, tt.new)
		if got := digest([]string{"fr"}, "fr"); (got != fr) != tt.frChanges {
			t.Errorf("after a change to %s, the French edition's digest changed: %v, want %v", tt.file, got != fr, tt.frChanges)
		}
		if got := digest(nil, "de"); tt.file != "fr.toml" && got == de {
			t.Errorf("after a change to %s, the German edition's digest is the same", tt.file)
		}
		edit(t, filepath.Join(content, "sre", tt.file), tt.new, tt.old)
	}
	edit(t, filepath.Join(content, "sre", "role.toml"), "id = ", "idd = ")
	p, err := Open(content)
	if err != nil {
		t.Fatal(err)
	}
	if d, err := p.roleDigest("sre", []string{"fr"}); err == nil {
		t.Errorf("a role that does not load has digest %s", d)
	}
}

// TestBatchVariantsFromOneLayout builds the screen, print and imposed
// files of a booklet and the screen and print files of a poster, for a
// generic and a personal edition, in a batch that lays each edition out
// once for all its variants, and checks that each file is the one the
// job makes on its own.
func TestBatchVariantsFromOneLayout(t *testing.T) {
	p, err := Open(contentDir)
	if err != nil {
		t.Fatal(err)
	}
	var jobs []Job
	for _, fields := range []Fields{{}, {Client: "Acme", By: "jdoe", Note: "Bonjour"}} {
		js, err := p.Jobs(Selection{Roles: []string{"sre"}, Layouts: []string{"a5-booklet", "poster"}, Langs: []string{"fr"}, Variants: Variants, Fields: fields})
		if err != nil {
			t.Fatal(err)
		}
		jobs = append(jobs, js...)
	}
	if us := units(jobs, 1); len(us) != 6 || len(jobs) != 10 {
		t.Fatalf("%d jobs in %d units, want 10 in 6: %v", len(jobs), len(us), us)
	}
	out := t.TempDir()
	sum, err := p.Batch(jobs, out, BatchOptions{Jobs: 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range sum.Outcomes {
		if o.Err != nil {
			t.Fatal(o.Err)
		}
		alone, _, err := p.Render(o.Job)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(o.Path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, alone) {
			t.Errorf("%s differs from the job made on its own", o.Job.File())
		}
	}
}

// TestUnits: the jobs of one layout make a unit, in job order; a personal
// edition's screen file is laid out apart from its print files (its call
// to action differs); fewer units than workers give a unit per job.
func TestUnits(t *testing.T) {
	personal := &edition.Personal{}
	jobs := []Job{
		{Role: "sre", Lang: "fr", Layout: "a5-booklet", Variant: "screen"},
		{Role: "sre", Lang: "fr", Layout: "a5-booklet", Variant: "print"},
		{Role: "sre", Lang: "fr", Layout: "a5-booklet", Variant: "imposed"},
		{Role: "sre", Lang: "en", Layout: "a5-booklet", Variant: "screen"},
		{Role: "sre", Lang: "fr", Layout: "a4", Variant: "screen", Personal: personal},
		{Role: "sre", Lang: "fr", Layout: "a4", Variant: "print", Personal: personal},
		{Role: "sre", Lang: "fr", Layout: "a4", Variant: "screen"},
		{Role: "sre", Lang: "en", Layout: "a5-booklet", Variant: "print"},
	}
	for _, tc := range []struct {
		workers int
		want    string
	}{
		{1, "[[0 1 2] [3 7] [4] [5] [6]]"},
		{5, "[[0 1 2] [3 7] [4] [5] [6]]"},
		{6, "[[0] [1] [2] [3] [4] [5] [6] [7]]"},
	} {
		if got := fmt.Sprint(units(jobs, tc.workers)); got != tc.want {
			t.Errorf("units(%d workers) = %s, want %s", tc.workers, got, tc.want)
		}
	}
}

// A build that names a role looks only at that role's outputs for stale
// ones: those of a deleted role are neither reported nor pruned by it,
// and a build of every role reports them.
func TestStaleOfNamedRoles(t *testing.T) {
	content, out := withRoles(t, "gone"), t.TempDir()
	batch(t, content, out, BatchOptions{})
	if err := os.RemoveAll(filepath.Join(content, "gone")); err != nil {
		t.Fatal(err)
	}
	p, err := Open(content)
	if err != nil {
		t.Fatal(err)
	}
	jobs, err := p.Jobs(Selection{Roles: []string{"sre"}, Layouts: []string{"a4"}, Langs: enFR})
	if err != nil {
		t.Fatal(err)
	}
	s, err := p.Batch(jobs, out, BatchOptions{Prune: true, Roles: []string{"sre"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Stale) > 0 || len(s.Pruned) > 0 {
		t.Errorf("a build of sre: stale %q, pruned %q; want none", s.Stale, s.Pruned)
	}
	if _, err := os.Stat(filepath.Join(out, "gone-en-a4.pdf")); err != nil {
		t.Errorf("a build of sre removed another role's output: %v", err)
	}
	want := []string{"gone-en-a4.pdf", "gone-fr-a4.pdf"}
	if s := batch(t, content, out, BatchOptions{}); !slices.Equal(s.Stale, want) {
		t.Errorf("a build of every role: stale %q, want %q", s.Stale, want)
	}
}

// TestManifestRewrittenOnChange writes the manifest only when a build
// changed what it records: not when every output is up to date or
// rebuilt the same, as a forced rebuild of unchanged content is.
func TestManifestRewrittenOnChange(t *testing.T) {
	content, out := withRoles(t, "gone"), t.TempDir()
	manifest := filepath.Join(out, ManifestFile)
	// written reports whether the manifest is a file other than the
	// one last seen, and remembers it.
	var last os.FileInfo
	written := func() bool {
		t.Helper()
		st, err := os.Stat(manifest)
		if err != nil {
			t.Fatal(err)
		}
		changed := last == nil || !os.SameFile(st, last)
		last = st
		return changed
	}
	steps := []struct {
		name  string
		do    func()
		opt   BatchOptions
		write bool
	}{
		{"first build", func() {}, BatchOptions{}, true},
		{"all up to date", func() {}, BatchOptions{}, false},
		{"forced, the same outputs", func() {}, BatchOptions{Force: true}, false},
		{"a content change", func() { edit(t, filepath.Join(content, "sre", "fr.toml"), "Rémunération", "Salaires") }, BatchOptions{}, true},
		{"a role gone, reported only", func() { os.RemoveAll(filepath.Join(content, "gone")) }, BatchOptions{}, false},
		{"a role gone, pruned", func() {}, BatchOptions{Prune: true}, true},
	}
	for _, s := range steps {
		s.do()
		batch(t, content, out, s.opt)
		if got := written(); got != s.write {
			t.Errorf("%s: manifest written %v, want %v", s.name, got, s.write)
		}
	}
	m, err := ReadManifest(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := m.Outputs["gone-en-a4.pdf"]; ok || len(m.Outputs) != 2 {
		t.Errorf("manifest after pruning: %d outputs, gone-en-a4.pdf among them: %v; want sre's 2 alone", len(m.Outputs), ok)
	}
}
