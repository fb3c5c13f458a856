// Package par runs independent calls of one function on several
// goroutines.
//
// ForEach calls fn(s, i) once for every i from 0 to n-1, on at most
// workers goroutines (one if workers is less than 1, and never more than
// n), and returns when every call has returned. Indexes are handed out in
// increasing order. Each goroutine first calls newState, if it is not nil,
// and passes what it returns to each of its calls (otherwise the zero S):
// state per goroutine, such as a buffer, that no other call touches, made
// by the goroutine that uses it so that two goroutines' states never share
// a cache line.
//
// Once a call returns an error, no new call starts; ForEach returns the
// error of the lowest index that failed, or nil. With one worker every
// call is made on the calling goroutine.
package par

import (
	"sync"
	"sync/atomic"
)

// ForEach calls fn(s, i) for i in [0, n) on up to workers goroutines,
// each with its own s (see the package doc).
func ForEach[S any](n, workers int, newState func() S, fn func(s S, i int) error) error {
	workers = max(1, min(workers, n))
	errs := make([]error, workers) // each worker's first error, at most one
	at := make([]int, workers)     // the index that failed
	var next atomic.Int64
	var failed atomic.Bool
	work := func(w int) {
		var s S
		if newState != nil {
			s = newState()
		}
		for !failed.Load() {
			i := int(next.Add(1)) - 1
			if i >= n {
				return
			}
			if err := fn(s, i); err != nil {
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
