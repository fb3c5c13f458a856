//go:build !linux

package output

// exchangeFolders has no atomic exchange to call on this system.
func exchangeFolders(a, b string) error { return errNoExchange }
