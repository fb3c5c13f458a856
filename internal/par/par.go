// Package par runs independent calls of one function on several
// goroutines.
//
// ForEach calls fn(w, i) once for every i from 0 to n-1, on at most
// workers goroutines (one if workers is less than 1, and never more than
// n), and returns when every call has returned. Indexes are handed out in
// increasing order. w, from 0 to workers-1, names the goroutine that makes
// the call: calls with the same w never overlap, so fn may keep state per
// goroutine (a buffer) in a slice of workers elements, without locks.
//
// Once a call returns an error, no new call starts; ForEach returns the
// error of the lowest index that failed, or nil. With one worker every
// call is made on the calling goroutine.
package par

import (
	"sync"
	"sync/atomic"
)

// ForEach calls fn(w, i) for i in [0, n) on up to workers goroutines (see
// the package doc).
func ForEach(n, workers int, fn func(w, i int) error) error {
	workers = max(1, min(workers, n))
	errs := make([]error, workers) // each worker's first error, at most one
	at := make([]int, workers)     // the index that failed
	var next atomic.Int64
	var failed atomic.Bool
	work := func(w int) {
		for !failed.Load() {
			i := int(next.Add(1)) - 1
			if i >= n {
				return
			}
			if err := fn(w, i); err != nil {
				errs[w], at[w] = err, i
				failed.Store(true)
				return
			}
		}
	}
	if workers == 1 {
		work(0)
	} else {
		var wg sync.WaitGroup
		for w := range workers {
			wg.Go(func() { work(w) })
		}
		wg.Wait()
	}
	var first error
	lowest := n
	for w, err := range errs {
		if err != nil && at[w] < lowest {
			first, lowest = err, at[w]
		}
	}
	return first
}
