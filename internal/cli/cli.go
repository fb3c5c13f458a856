// Package cli implements the licensure command line. Run parses arguments
// and dispatches to one command; main does nothing else, so every command
// can be tested in-process.
//
// Exit codes are a contract: 0 success, 1 content errors (or a failed
// build), 2 a usage error.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
)

// Exit codes.
const (
	ExitOK      = 0
	ExitFailed  = 1
	ExitUsage   = 2
	programName = "licensure"
)

// errUsage marks an error the user makes in calling the command.
var errUsage = errors.New("usage")

type command struct {
	name, summary string
	run           func(ctx context.Context, env *env, args []string) error
}

// env is what a command may touch besides its arguments.
type env struct {
	stdout, stderr io.Writer
}

func commands() []command {
	return []command{
		{"build", "validate the content and write the site", runBuild},
		{"check", "validate the content without writing anything", runCheck},
		{"serve", "build, serve on loopback and rebuild on every change", runServe},
		{"new", "write a new record with every required field", runNew},
		{"schema", "write the JSON Schema of each record kind", runSchema},
		{"diff", "list the pages added, removed and changed between two builds", runDiff},
		{"synth", "write a synthetic content folder of any size", runSynth},
		{"version", "print the version", runVersion},
	}
}

// Run executes the command line args (without the program name) and
// returns the process exit code.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	if len(args) == 0 || isHelp(args[0]) {
		usage(stderr)
		if len(args) == 0 {
			return ExitUsage
		}
		return ExitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return exitCode(c.run(ctx, e, args[1:]), stderr)
		}
	}
	fmt.Fprintf(stderr, "%s: unknown command %q\n", programName, args[0])
	usage(stderr)
	return ExitUsage
}

func isHelp(a string) bool { return a == "-h" || a == "-help" || a == "--help" || a == "help" }

func exitCode(err error, stderr io.Writer) int {
	switch {
	case err == nil || errors.Is(err, flag.ErrHelp):
		return ExitOK
	case errors.Is(err, errUsage):
		return ExitUsage
	case errors.Is(err, errReported):
		return ExitFailed
	}
	fmt.Fprintf(stderr, "%s: %v\n", programName, err)
	return ExitFailed
}

// errReported means the command already printed why it failed.
var errReported = errors.New("failed")

func usage(w io.Writer) {
	fmt.Fprintf(w, "%s turns YAML records about occupational licenses into a static site.\n\nUsage:\n  %s <command> [flags]\n\nCommands:\n", programName, programName)
	cs := commands()
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nRun '%s <command> -h' for a command's flags.\n", programName)
}

// newFlags returns a flag set that prints a usage text naming the command.
func newFlags(e *env, name, synopsis, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: %s %s %s\n\n%s\n\nFlags:\n", programName, name, synopsis, about)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags, wherever they come among the arguments, turning a
// parse error into a usage error, and refuses positional arguments.
func parse(fs *flag.FlagSet, args []string) error {
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		fmt.Fprintf(fs.Output(), "%s %s: unexpected argument %q\n", programName, fs.Name(), pos[0])
		return errUsage
	}
	return nil
}

// parseInterspersed parses flags that may come before, between or after
// positional arguments, as in "new license oh-x --state OH", and returns
// the positional ones. Everything after "--" is positional.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errUsage
		}
		rest := fs.Args()
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = slices.Clone(rest[1:])
	}
}

func runVersion(_ context.Context, e *env, args []string) error {
	fs := newFlags(e, "version", "", "Print the version of licensure.")
	if err := parse(fs, args); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s %s\n", programName, Version())
	return nil
}

// Version is the module version, or the VCS revision of a development
// build.
func Version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value[:min(12, len(s.Value))]
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if rev == "" {
		return "devel"
	}
	return "devel " + rev + dirty
}

func join(parts []string) string { return strings.Join(parts, ", ") }
