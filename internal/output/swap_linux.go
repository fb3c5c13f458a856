package output

import (
	"errors"

	"golang.org/x/sys/unix"
)

// exchangeFolders swaps a and b with renameat2(RENAME_EXCHANGE), atomic
// on every local Linux file system; errNoExchange where the kernel or the
// file system lacks it.
func exchangeFolders(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EINVAL) || errors.Is(err, unix.EOPNOTSUPP) {
		return errNoExchange
	}
	return err
}
