package cli

import (
	"os"
	"runtime/debug"
)

// buildMemoryLimit is the soft memory limit of a build, unless GOMEMLIMIT
// sets another. The Go collector lets the heap grow to twice what is live
// before it runs; at 100,000 licenses that is more than 1.4 GiB, most of it
// garbage. Under the limit it runs sooner instead, so the largest sites
// stay under 1 GiB at a small cost in time, and smaller sites, whose heap
// never nears it, are not affected (docs/performance.md).
const buildMemoryLimit = 900 << 20

// limitMemory sets the build's soft memory limit.
func limitMemory() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(buildMemoryLimit)
	}
}
