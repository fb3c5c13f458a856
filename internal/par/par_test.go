package par

import (
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
)

// worker is the state of one goroutine in the tests: it says whether a
// call is running on it.
type worker struct{ busy atomic.Bool }

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
			var states atomic.Int32
			err := ForEach(tc.n, tc.workers, func() *worker { states.Add(1); return new(worker) }, func(w *worker, i int) error {
				if w.busy.Swap(true) {
					return fmt.Errorf("two calls at once with one state")
				}
				defer w.busy.Store(false)
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
			if s, most := int(states.Load()), max(1, min(tc.workers, tc.n)); s > most {
				t.Errorf("%d states made, want at most %d", s, most)
			}
		})
	}
}

func TestForEachStopsAtAnError(t *testing.T) {
	var calls atomic.Int32
	errA, errB := errors.New("a"), errors.New("b")
	err := ForEach(100000, 4, nil, func(_ struct{}, i int) error {
		calls.Add(1)
		switch i {
		case 10:
			return errB
		case 3:
			return errA
		}
		return nil
	})
	// Whether index 10 has started when index 3 fails depends on
	// scheduling; 3 is the lower either way.
	if err != errA {
		t.Errorf("err = %v, want %v", err, errA)
	}
	if c := calls.Load(); c == 100000 {
		t.Error("every index ran after an error")
	}
}

func TestForEachOneWorkerRunsInOrderOnTheCaller(t *testing.T) {
	var got []int
	err := ForEach(5, 1, nil, func(_ struct{}, i int) error {
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
