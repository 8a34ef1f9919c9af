//go:build unix

package safefile

import "syscall"

// nonBlock opens a file without waiting: opening a named pipe for reading
// otherwise blocks until a writer comes.
const nonBlock = syscall.O_NONBLOCK
