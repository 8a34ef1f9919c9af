package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// DirFS returns the folder dir as a file system, like os.DirFS, but one
// that opens a name only if it resolves inside dir (links within dir are
// followed; a link out of it, or an absolute link, is an error naming the
// link and its target) and is a regular file or a folder: a named pipe or
// a device is refused before it is opened, so that nothing blocks. dir
// itself may be a link, and names it in messages.
//
// It implements fs.StatFS and fs.ReadLinkFS: Stat and Lstat report what
// a name is without opening it. Files are opened through os.Root, so the check holds even if the
// tree changes while it is read.
func DirFS(dir string) fs.FS { return &dirFS{dir: dir} }

// dirFS is a folder opened, on first use, as an os.Root that every call
// shares: opening the folder for each file cost two system calls of the
// dozen a read takes. The root stays open while the dirFS is in use (the
// os package closes it when it is no longer reachable), and it is the
// folder found at dir then: one put in its place afterwards is read by a
// new dirFS (a build, a watch's rebuild and a server's reload each open
// the project afresh).
type dirFS struct {
	dir  string
	mu   sync.Mutex
	root *os.Root
}

// open returns the folder's root, opening it if it is not yet: a failure
// is not kept, so that a folder made since is found.
func (d *dirFS) open() (*os.Root, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.root == nil {
		root, err := os.OpenRoot(d.dir)
		if err != nil {
			return nil, err
		}
		d.root = root
	}
	return d.root, nil
}

// Open opens name, a regular file or a folder inside the folder.
func (d *dirFS) Open(name string) (fs.File, error) {
	root, st, err := d.stat("open", name)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return root.Open(name)
	}
	if !st.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: &NotRegularError{st.Mode()}}
	}
	// Without blocking, in case a pipe took the file's place since.
	f, err := root.OpenFile(name, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, d.explain(root, "open", name, err)
	}
	if err := sameFile(f, st); err != nil {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return f, nil
}

// Stat describes name, following links inside the folder.
func (d *dirFS) Stat(name string) (fs.FileInfo, error) {
	_, st, err := d.stat("stat", name)
	if err != nil {
		return nil, err
	}
	return st, nil
}

// Lstat describes name without following it if it is a link (links
// before it, inside the folder, are followed).
func (d *dirFS) Lstat(name string) (st fs.FileInfo, err error) {
	err = d.inRoot("lstat", name, func(root *os.Root) error {
		st, err = root.Lstat(name)
		return err
	})
	return st, err
}

// ReadLink returns the target of the link name.
func (d *dirFS) ReadLink(name string) (target string, err error) {
	err = d.inRoot("readlink", name, func(root *os.Root) error {
		target, err = root.Readlink(name)
		return err
	})
	return target, err
}

// inRoot runs op on name in the folder opened as an os.Root, and
// explains its error.
func (d *dirFS) inRoot(op, name string, run func(*os.Root) error) error {
	if !fs.ValidPath(name) {
		return &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	root, err := d.open()
	if err != nil {
		return &fs.PathError{Op: op, Path: name, Err: err}
	}
	if err := run(root); err != nil {
		return d.explain(root, op, name, err)
	}
	return nil
}

// stat describes name in the folder's root, and returns the root. op
// names the operation in errors.
func (d *dirFS) stat(op, name string) (*os.Root, fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	root, err := d.open()
	if err != nil {
		return nil, nil, &fs.PathError{Op: op, Path: name, Err: err}
	}
	st, err := root.Stat(name)
	if err != nil {
		return nil, nil, d.explain(root, op, name, err)
	}
	return root, st, nil
}

// sameFile checks that the open file f is the regular file st described.
func sameFile(f *os.File, st fs.FileInfo) error {
	now, err := f.Stat()
	if err != nil {
		return err
	}
	if !now.Mode().IsRegular() {
		return &NotRegularError{now.Mode()}
	}
	if !os.SameFile(st, now) {
		return errors.New("changed while it was opened")
	}
	return nil
}

// OutsideError is a name that leads out of its folder through a link,
// or through an absolute link, which os.Root refuses even when it points
// back inside.
type OutsideError struct {
	// Link is the link's name in the folder; Target is what it holds.
	Link, Target string
	// Dir is the folder as its user named it.
	Dir string
	// Name is the name asked for, when it is not the link itself.
	Name string
	// Inside is set for an absolute link to a place inside the folder.
	Inside bool
}

func (e *OutsideError) Error() string {
	what := "a link"
	if e.Name != "" && e.Name != e.Link {
		what = path.Join(e.Dir, e.Link) + " is a link"
	}
	if e.Inside {
		return fmt.Sprintf("%s to %s: a link inside %s must be relative", what, e.Target, e.Dir)
	}
	return fmt.Sprintf("%s to %s, outside %s", what, e.Target, e.Dir)
}

// explain turns an error of os.Root into one that says which link leads
// out of the folder, when one does.
func (d *dirFS) explain(root *os.Root, op, name string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
	}
	if out := d.escape(root, name, 0); out != nil {
		out.Name = name
		return &fs.PathError{Op: op, Path: name, Err: out}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &fs.PathError{Op: op, Path: name, Err: err}
}

// escape finds the link by which name leads out of the folder, following
// links that stay inside (at most 40, as the kernel does).
func (d *dirFS) escape(root *os.Root, name string, depth int) *OutsideError {
	if depth > 40 {
		return nil
	}
	parts := strings.Split(name, "/")
	for i := range parts {
		p := strings.Join(parts[:i+1], "/")
		st, err := root.Lstat(p)
		if err != nil || st.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		target, err := root.Readlink(p)
		if err != nil {
			return nil
		}
		if filepath.IsAbs(target) {
			return &OutsideError{Link: p, Target: target, Dir: d.shown(), Inside: d.holds(target)}
		}
		next := path.Join(path.Dir(p), target)
		if next == ".." || strings.HasPrefix(next, "../") {
			return &OutsideError{Link: p, Target: target, Dir: d.shown()}
		}
		rest := append([]string{next}, parts[i+1:]...)
		return d.escape(root, path.Join(rest...), depth+1)
	}
	return nil
}

// shown is the folder's name for messages.
func (d *dirFS) shown() string { return filepath.ToSlash(filepath.Clean(d.dir)) }

// holds reports whether the absolute path target is inside the folder.
func (d *dirFS) holds(target string) bool {
	dir, err := filepath.Abs(d.dir)
	if err == nil {
		dir, err = filepath.EvalSymlinks(dir)
	}
	if err != nil {
		return false
	}
	if t, err := filepath.EvalSymlinks(target); err == nil {
		target = t
	}
	rel, err := filepath.Rel(dir, target)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
