//go:build !linux

package build

// exchange reports false: files are replaced by a rename (see the Linux
// version).
func exchange(tmp, path string) (bool, error) { return false, nil }
