//go:build !unix

package safefile

// nonBlock is not needed where named pipes cannot be opened as files.
const nonBlock = 0
