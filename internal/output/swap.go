package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// errNoExchange means the system cannot exchange two folders atomically.
var errNoExchange = errors.New("atomic exchange not supported")

// exchange swaps the folders at a and b in one step; swap_linux.go has it.
var exchange = exchangeFolders

// The steps of Commit, which InjectStep can fail.
const (
	StepExchange  = "exchange"   // swap the new folder and the old one
	StepMoveAside = "move aside" // without exchange: rename the old folder away
	StepMoveIn    = "move in"    // rename the new folder to the output path
	StepRemoveOld = "remove old" // remove the previous site
)

// InjectStep makes Commit call f before each of its steps and fail there
// when f returns an error; tests use it to break the swap at every point.
func (d *Dir) InjectStep(f func(step string) error) { d.step = f }

func (d *Dir) before(step string) error {
	if d.step == nil {
		return nil
	}
	if err := d.step(step); err != nil {
		return fmt.Errorf("%s: %w", step, err)
	}
	return nil
}

// Commit replaces the output folder with what was written. Where the
// system can, the two folders are exchanged atomically and the old one,
// now at the temporary path, is removed; otherwise the old folder is moved
// aside first and removed only once the new one is in place. A failure
// before the new site is in place leaves the old one and removes the
// temporary folder; what a kill leaves, the next Create removes.
func (d *Dir) Commit() error {
	if _, err := os.Lstat(d.final); errors.Is(err, fs.ErrNotExist) {
		if err := d.before(StepMoveIn); err != nil {
			return errors.Join(err, d.Abort())
		}
		if err := os.Rename(d.tmp, d.final); err != nil {
			return errors.Join(fmt.Errorf("swap in new output: %w", err), d.Abort())
		}
		return nil
	}
	if err := d.before(StepExchange); err != nil {
		return errors.Join(err, d.Abort())
	}
	err := exchange(d.tmp, d.final)
	if errors.Is(err, errNoExchange) {
		return d.moveAside()
	}
	if err != nil {
		return errors.Join(fmt.Errorf("swap in new output: %w", err), d.Abort())
	}
	if err := d.before(StepRemoveOld); err != nil {
		return err
	}
	return d.Abort() // the temporary path now holds the old site
}

// moveAside is Commit without an atomic exchange.
func (d *Dir) moveAside() error {
	old := d.tmp + ".old"
	if err := d.before(StepMoveAside); err != nil {
		return errors.Join(err, d.Abort())
	}
	if err := os.Rename(d.final, old); err != nil {
		return errors.Join(fmt.Errorf("move old output aside: %w", err), d.Abort())
	}
	err := d.before(StepMoveIn)
	if err == nil {
		err = os.Rename(d.tmp, d.final)
	}
	if err != nil {
		return errors.Join(fmt.Errorf("swap in new output: %w", err), os.Rename(old, d.final), d.Abort())
	}
	if err := d.before(StepRemoveOld); err != nil {
		return err
	}
	return os.RemoveAll(old)
}
