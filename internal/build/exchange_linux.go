package build

import (
	"errors"
	"fmt"

	"golang.org/x/sys/unix"
)

// exchange puts the file tmp at path in one step, swapping the two, and
// removes what was at path, now at tmp. It reports false, having changed
// nothing, when path does not exist or the file system cannot swap
// files: the caller renames tmp then.
//
// A rename over an existing file makes ext4 start writing the new file
// to disk at once (its auto_da_alloc heuristic), and the old file, when
// the last build started writing it, waits for that write before it is
// freed: 0.5 ms of every rebuild. A swap starts no write, and freeing the
// old file afterwards takes 0.04 ms.
//
// A folder put at path since the caller looked is swapped back, and tmp
// is the caller's file again: unlink, unlike os.Remove, never removes a
// folder.
func exchange(tmp, path string) (bool, error) {
	if unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, path, unix.RENAME_EXCHANGE) != nil {
		return false, nil
	}
	err := unix.Unlink(tmp)
	switch {
	case errors.Is(err, unix.EISDIR):
		if err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, path, unix.RENAME_EXCHANGE); err != nil {
			return true, fmt.Errorf("a folder took its place, now at %s: %w", tmp, err)
		}
		return true, errFolderInTheWay
	case err != nil && !errors.Is(err, unix.ENOENT):
		return true, fmt.Errorf("remove the file it replaced: %w", err)
	}
	return true, nil
}
