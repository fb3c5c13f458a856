package cli_test

import (
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

// The README's examples are kept true by testdata/script/readme.txtar: a
// fenced block of README.md that follows a line <!-- readme: NAME --> is
// either output, which the script's "readme NAME" compares with what the
// command before it printed, or commands, which "readme-exec NAME" runs.
// With -update, "readme NAME" rewrites the block instead.

// readmeBlock returns the lines of the block NAME of the README and where
// they start and end in its lines.
func readmeBlock(lines []string, name string) (start, end int, err error) {
	marker := "<!-- readme: " + name + " -->"
	for i, l := range lines {
		if l != marker {
			continue
		}
		if i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "```") {
			return 0, 0, fmt.Errorf("README.md: %s is not followed by a fenced block", marker)
		}
		for j := i + 2; j < len(lines); j++ {
			if lines[j] == "```" {
				return i + 2, j, nil
			}
		}
		return 0, 0, fmt.Errorf("README.md: the block after %s does not end", marker)
	}
	return 0, 0, fmt.Errorf("README.md has no %s", marker)
}

// duration is how long a command took, at the end of its summary line.
var duration = regexp.MustCompile(`; [0-9.]+(µs|ms|s)$`)

func normalizeDurations(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = duration.ReplaceAllString(l, "; TIME")
	}
	return out
}

// readmeCmd compares the output of the last command, standard output then
// standard error, with the README's block args[0].
func readmeCmd(readme string) func(ts *testscript.TestScript, neg bool, args []string) {
	return func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 1 {
			ts.Fatalf("usage: readme NAME")
		}
		src, err := os.ReadFile(readme)
		ts.Check(err)
		lines := strings.Split(string(src), "\n")
		start, end, err := readmeBlock(lines, args[0])
		ts.Check(err)
		got := strings.Split(strings.TrimRight(ts.ReadFile("stdout")+ts.ReadFile("stderr"), "\n"), "\n")
		want := lines[start:end]
		if strings.Join(normalizeDurations(got), "\n") == strings.Join(normalizeDurations(want), "\n") {
			return
		}
		if *update {
			lines = append(lines[:start], append(got, lines[end:]...)...)
			ts.Check(os.WriteFile(readme, []byte(strings.Join(lines, "\n")), 0o644))
			ts.Logf("rewrote the README's block %s", args[0])
			return
		}
		ts.Fatalf("the README's block %s is not what the tool prints; run go test ./internal/cli -run TestScripts/readme -update\nREADME:\n%s\ntool:\n%s",
			args[0], strings.Join(want, "\n"), strings.Join(got, "\n"))
	}
}

// readmeExecCmd runs each command of the README's block args[0] that names
// no placeholder (an upper-case word such as DIR, or a [bracketed] option), as
// "go run ./cmd/licensure ARGS" is run from the repository.
func readmeExecCmd(readme string) func(ts *testscript.TestScript, neg bool, args []string) {
	return func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 1 {
			ts.Fatalf("usage: readme-exec NAME")
		}
		src, err := os.ReadFile(readme)
		ts.Check(err)
		lines := strings.Split(string(src), "\n")
		start, end, err := readmeBlock(lines, args[0])
		ts.Check(err)
		ran := 0
		for _, l := range lines[start:end] {
			l, _, _ = strings.Cut(l, "#")
			rest, ok := strings.CutPrefix(strings.TrimSpace(l), "go run ./cmd/licensure ")
			if !ok || placeholder.MatchString(rest) {
				continue
			}
			ts.Logf("> licensure %s", rest)
			ts.Check(ts.Exec("licensure", strings.Fields(rest)...))
			ran++
		}
		if ran == 0 {
			ts.Fatalf("the README's block %s has no command to run", args[0])
		}
	}
}

var placeholder = regexp.MustCompile(`\[|\b[A-Z]{3,}\b`)
