//go:build unix

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/licensure/licensure/internal/synth"
)

func TestMain(m *testing.M) {
	if os.Getenv("LICENSURE_TEST_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// licensure returns the command licensure with args, run by this test
// binary as the program itself.
func licensure(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "LICENSURE_TEST_MAIN=1")
	return cmd
}

// TestSignalStopsBuild sends SIGINT and SIGTERM to a build while it
// renders: it must exit 1, leave the previous site as it was and remove
// its temporary folder.
func TestSignalStopsBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site of 2,000 licenses")
	}
	dir := t.TempDir()
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	if _, err := synth.Write(content, synth.Options{Licenses: 2000, Seed: 1, Today: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	args := []string{"build", "--quiet", "--root", "../..", "--content", content, "--out", out}
	if b, err := licensure(args...).CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, b)
	}
	before, err := os.ReadFile(filepath.Join(out, "licenses", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd := licensure(args...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			waitForRendering(t, dir)
			sent := time.Now()
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			t.Logf("exited %v after the signal: %s", time.Since(sent).Round(time.Millisecond), stderr.String())
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 1 {
				t.Fatalf("exit: %v, want status 1", err)
			}
			after, err := os.ReadFile(filepath.Join(out, "licenses", "index.html"))
			if err != nil || !bytes.Equal(before, after) {
				t.Errorf("the previous site changed: %v", err)
			}
			entries, _ := os.ReadDir(dir)
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			if diff := cmp.Diff([]string{"content", "public"}, names); diff != "" {
				t.Errorf("left beside the output (-want +got):\n%s", diff)
			}
		})
	}
}

// waitForRendering returns once a build writing beside dir/public has
// started writing license pages.
func waitForRendering(t *testing.T, dir string) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		if m, _ := filepath.Glob(filepath.Join(dir, ".public.tmp-*", "licenses", "*")); len(m) > 0 {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatal("the build never started rendering")
}
