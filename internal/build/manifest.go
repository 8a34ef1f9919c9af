package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/brochure-dev/brochure/internal/content"
	"github.com/brochure-dev/brochure/internal/safefile"
	"github.com/brochure-dev/brochure/internal/team"
	"github.com/brochure-dev/brochure/internal/version"
)

// ManifestFile is the manifest's name in the output folder.
const ManifestFile = "manifest.json"

// Manifest records, for every PDF in an output folder, what it was made
// from and what it is, so that a build can skip what is up to date.
type Manifest struct {
	Version int `json:"version"`
	// Outputs by file name; JSON writes them sorted.
	Outputs map[string]Entry `json:"outputs"`

	// changed is set when Outputs is no longer what the file holds: a
	// manifest read from no file, or one a build changed.
	changed bool
}

// Entry is one output of the manifest.
type Entry struct {
	Role   string `json:"role"`
	Lang   string `json:"lang"`
	Layout string `json:"layout"`
	// Variant is "screen", "print" or "imposed".
	Variant string `json:"variant"`
	// Client is a personal edition's client; "" for a generic one.
	Client string `json:"client,omitempty"`
	// Inputs is the SHA-256 of everything the output was made from: the
	// role's files, the layout with its brand, logo and fonts, the tool,
	// SOURCE_DATE_EPOCH, and a personal edition's fields with the
	// salesperson's details and photo.
	Inputs string `json:"inputs"`
	SHA256 string `json:"sha256"`
	Pages  int    `json:"pages"`
	Bytes  int    `json:"bytes"`
}

// ReadManifest reads dir's manifest; a missing one is empty.
func ReadManifest(dir string) (*Manifest, error) {
	m := &Manifest{Version: 1, Outputs: map[string]Entry{}}
	data, err := safefile.ReadPath(filepath.Join(dir, ManifestFile), safefile.Manifest)
	if errors.Is(err, fs.ErrNotExist) {
		m.changed = true
		return m, nil
	}
	if err != nil {
		return nil, fmt.Errorf("manifest: %w", err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		// Cut to nothing by a crash soon after it was written (outputs
		// are not synced to disk): everything is rebuilt, as with none.
		m.changed = true
		return m, nil
	}
	if err := unmarshalManifest(data, m); err != nil {
		return nil, fmt.Errorf("%s: %v (delete it to rebuild everything)", filepath.Join(dir, ManifestFile), err)
	}
	if m.Outputs == nil {
		m.Outputs = map[string]Entry{}
	}
	return m, nil
}

// writeChanged writes the manifest into dir if it is not what the file
// holds already: a build that changed no output (all up to date, or
// rebuilt the same) leaves the file alone, and a manifest of thousands of
// outputs takes milliseconds to write.
func (m *Manifest) writeChanged(dir string) error {
	if !m.changed {
		return nil
	}
	return m.Write(dir)
}

// Write writes the manifest into dir, atomically.
func (m *Manifest) Write(dir string) error {
	return writeAtomic(filepath.Join(dir, ManifestFile), append(marshalManifest(m), '\n'))
}

// inputs is the digest of a job's inputs.
func (p *Project) inputs(j Job) (string, error) {
	role, err := p.roleDigest(j.Role, strings.Split(j.Lang, "+"))
	if err != nil {
		return "", err
	}
	lay, err := p.designs.Layout(j.Layout)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "tool %s\nrole %s\nlang %s\nlayout %s %s\nvariant %s\ndate %v\n", toolVersion(), role, j.Lang, j.Layout, lay.Digest(), j.Variant, p.date.Unix())
	if e := j.Personal; e != nil {
		fmt.Fprintf(h, "client %q\ncontact %q\nnote %q\nedition date %v\n", e.Client, e.Contact, e.Note, e.Date.Unix())
		if m := e.By; m != nil {
			fmt.Fprintf(h, "by %q %q %q %q %v\n", m.ID, m.Name, m.Email, m.Phone, m.Titles)
			if ph := m.Photo; ph != nil {
				fmt.Fprintf(h, "photo %q %s\n", ph.File, p.photoSum(ph))
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// photoSum is the SHA-256 of a team photo's file, made once.
func (p *Project) photoSum(ph *team.Photo) string {
	if s, ok := p.photoSums.Load(ph); ok {
		return s.(string)
	}
	sum := sha256.Sum256(ph.Data)
	s := hex.EncodeToString(sum[:])
	p.photoSums.Store(ph, s)
	return s
}

// roleDigest hashes the files of a role that an edition in langs (one
// language, or a bilingual edition's two) is made from: role.toml, the
// reference language's file, which every language is checked against,
// and the languages' own, in the order of their names, each one's name,
// size and SHA-256 (the role's load has their sums). The role's other
// languages are none of its inputs: a French brochure neither shows nor
// checks the German text. (Hashing every language file, a build of one
// language read the role's other five to hash them: 0.6 ms of a
// one-brochure build.) A role that does not load has no digest: its
// error is the job's.
func (p *Project) roleDigest(id string, langs []string) (string, error) {
	r, err := p.Role(id)
	if err != nil {
		return "", err
	}
	names := []string{content.FactsFile}
	if ref := r.Reference(); ref != "" {
		names = append(names, ref+".toml")
	}
	for _, l := range langs {
		names = append(names, l+".toml")
	}
	slices.Sort(names)
	h := sha256.New()
	for _, name := range slices.Compact(names) {
		s, ok := r.Sums[name]
		if !ok { // a language the role does not list: rendering says so
			fmt.Fprintf(h, "%s not read\n", name)
			continue
		}
		fmt.Fprintf(h, "%s %d %x\n", name, s.Size, s.SHA256)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// toolVersion identifies this build of the tool, for the manifest: the
// version stamped at build time, not a digest of the executable, so that
// the manifest depends on the inputs and the version only. A version with
// uncommitted changes, or none, names every program built from that state
// of the work tree: the program's build ID is added, so that changing the
// tool's code rebuilds the outputs.
func toolVersion() string { return toolVersionOf(version.String(), version.BuildID) }

// toolVersionOf is toolVersion for the version v, buildID giving the
// program's build ID.
func toolVersionOf(v string, buildID func() string) string {
	if strings.HasSuffix(v, "dirty") || strings.HasPrefix(v, "(devel)") {
		if id := buildID(); id != "" {
			return v + " build " + id
		}
	}
	return v
}
