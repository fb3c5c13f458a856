package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/scaffold"
	"github.com/licensure/licensure/internal/suggest"
)

const newAbout = `Write content/KINDS/ID.yaml: a new record whose every required field is
empty, each under a comment saying what it holds, and whose optional fields
follow commented out. licensure check fails on the file until every empty
field is filled in. KIND is singular or plural (license or licenses); ID is
lower-case kebab case, or the O*NET-SOC code of an occupation. An existing
file is never overwritten. Prints the new file's path.`

func runNew(_ context.Context, e *env, args []string) error {
	var root, state, specialty string
	fs := newFlags(e, "new", "KIND ID [flags]", newAbout)
	fs.StringVar(&root, "root", ".", "site root holding content/")
	fs.StringVar(&state, "state", "", "fill in the record's state: a code in content/states.yaml, such as OH")
	fs.StringVar(&specialty, "specialty", "", "fill in the record's specialty: the ID of a file in content/specialties/")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	say := func(format string, args ...any) {
		fmt.Fprintf(e.stderr, "%s new: %s\n", programName, fmt.Sprintf(format, args...))
	}
	usageErr := func(format string, args ...any) error {
		say(format, args...)
		return errUsage
	}
	failed := func(format string, args ...any) error {
		say(format, args...)
		return errReported
	}
	if len(pos) != 2 {
		fs.Usage()
		return usageErr("want KIND and ID, got %d argument(s)", len(pos))
	}
	kind, ok := model.KindNamed(pos[0])
	if !ok || kind.Name == model.StatesKind.Name {
		return usageErr("unknown kind %q (want one of %s)", pos[0], kindNames())
	}
	id := pos[1]
	if !scaffold.ValidID(kind, id) {
		return usageErr("invalid ID %q: %s", id, scaffold.IDHint(kind))
	}
	state = strings.ToUpper(state)
	data, err := scaffold.Template(kind, scaffold.Options{State: state, Specialty: specialty})
	if errors.Is(err, scaffold.ErrOption) {
		return usageErr("%v", err)
	} else if err != nil {
		return err
	}

	content := filepath.Join(root, "content")
	if info, err := os.Stat(content); err != nil || !info.IsDir() {
		return failed("no content folder at %s (use --root to name the site root)", filepath.ToSlash(content))
	}
	if state != "" {
		if problem, err := checkState(content, state); err != nil {
			return failed("cannot check --state: %v", err)
		} else if problem != "" {
			return usageErr("%s", problem)
		}
	}
	if specialty != "" {
		if err := checkSpecialty(content, specialty); err != nil {
			return usageErr("%v", err)
		}
	}

	dir := filepath.Join(content, kind.Name)
	file := filepath.Join(dir, id+".yaml")
	display := filepath.ToSlash(file)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return failed("%v", err)
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return failed("%s already exists; new never overwrites a record (edit it, or choose another ID)", display)
	} else if err != nil {
		return failed("%v", err)
	}
	_, werr := f.Write(data)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(file)
		return failed("write %s: %v", display, werr)
	}
	fmt.Fprintln(e.stdout, display)
	fmt.Fprintf(e.stderr, "Fill in the empty fields of %s, then run %s check.\n", display, programName)
	return nil
}

// kindNames lists the record kinds new accepts, by singular name.
func kindNames() string {
	var names []string
	for _, k := range model.Kinds {
		names = append(names, k.Singular)
	}
	return join(names)
}

// checkState says what is wrong with a --state code, or "" when
// content/states.yaml lists it; err means the file cannot be read.
func checkState(content, code string) (problem string, err error) {
	src, err := os.ReadFile(filepath.Join(content, "states.yaml"))
	if err != nil {
		return "", err
	}
	var states model.States
	if err := yaml.Unmarshal(src, &states); err != nil {
		return "", fmt.Errorf("content/states.yaml: %w", err)
	}
	var codes []string
	for _, s := range states.States {
		if string(s.Code) == code {
			return "", nil
		}
		codes = append(codes, string(s.Code))
	}
	problem = fmt.Sprintf("unknown state %q: content/states.yaml has no such code", code)
	if best := suggest.Closest(code, codes); best != "" {
		problem += fmt.Sprintf(" (did you mean %q?)", best)
	}
	return problem, nil
}

// checkSpecialty reports whether content/specialties holds the record id.
func checkSpecialty(content, id string) error {
	k, _ := model.KindNamed("specialties")
	if !scaffold.ValidID(k, id) {
		return fmt.Errorf("invalid --specialty %q: %s", id, scaffold.IDHint(k))
	}
	if _, err := os.Stat(filepath.Join(content, k.Name, id+".yaml")); err == nil {
		return nil
	}
	msg := fmt.Sprintf("unknown specialty %q: no content/specialties/%s.yaml", id, id)
	entries, _ := os.ReadDir(filepath.Join(content, k.Name))
	var ids []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
			ids = append(ids, name)
		}
	}
	if best := suggest.Closest(id, ids); best != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", best)
	}
	return errors.New(msg)
}
