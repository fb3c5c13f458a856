package par

import (
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
)

func TestForEachCallsEveryIndexOnce(t *testing.T) {
	for _, tc := range []struct {
		name       string
		n, workers int
	}{
		{"none", 0, 4}, {"one worker", 10, 1}, {"no workers asked", 10, 0},
		{"more workers than work", 3, 8}, {"many", 1000, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			calls := make([]atomic.Int32, tc.n)
			busy := make([]atomic.Bool, max(tc.workers, 1))
			err := ForEach(tc.n, tc.workers, func(w, i int) error {
				if w < 0 || w >= max(1, min(tc.workers, tc.n)) {
					return fmt.Errorf("worker %d of %d", w, tc.workers)
				}
				if busy[w].Swap(true) {
					return fmt.Errorf("two calls at once on worker %d", w)
				}
				defer busy[w].Store(false)
				calls[i].Add(1)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			for i := range calls {
				if c := calls[i].Load(); c != 1 {
					t.Errorf("index %d: %d calls, want 1", i, c)
				}
			}
		})
	}
}

func TestForEachStopsAtAnError(t *testing.T) {
	var calls atomic.Int32
	errA, errB := errors.New("a"), errors.New("b")
	err := ForEach(100000, 4, func(_, i int) error {
		calls.Add(1)
		switch i {
		case 10:
			return errB
		case 3:
			return errA
		}
		return nil
	})
	// Index 3 fails before index 10 on whichever worker, but whether 10
	// has started by then depends on scheduling; 3 is the lower either way.
	if err != errA {
		t.Errorf("err = %v, want %v", err, errA)
	}
	if c := calls.Load(); c == 100000 {
		t.Error("every index ran after an error")
	}
}

func TestForEachOneWorkerRunsInOrderOnTheCaller(t *testing.T) {
	var got []int
	err := ForEach(5, 1, func(w, i int) error {
		got = append(got, i) // no lock: one goroutine
		if i == 3 {
			return errors.New("stop")
		}
		return nil
	})
	if err == nil || fmt.Sprint(got) != "[0 1 2 3]" {
		t.Errorf("calls %v, err %v; want [0 1 2 3] and an error", got, err)
	}
}
