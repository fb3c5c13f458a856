//go:build unix

package safefs

import "syscall"

// openFlags keep an open from blocking on a FIFO.
const openFlags = syscall.O_NONBLOCK
