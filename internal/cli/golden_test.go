package cli_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/licensure/licensure/internal/cli"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGoldenDiagnostics runs check on a site full of mistakes and compares
// every line it prints, but the timing, with testdata/mistakes.golden.
func TestGoldenDiagnostics(t *testing.T) {
	root := unpack(t, "../../testdata/mistakes.txtar")
	for _, format := range []string{"text", "github"} {
		t.Run(format, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := cli.Run(context.Background(), []string{"check", "--root", root, "--format", format}, &stdout, &stderr)
			if code != cli.ExitFailed {
				t.Errorf("exit code %d, want %d", code, cli.ExitFailed)
			}
			got := normalize(stderr.String())
			golden := "../../testdata/mistakes." + format + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(normalize(string(want)), got); diff != "" {
				t.Errorf("diagnostics differ from %s (-want +got); run go test ./internal/cli -update:\n%s", golden, diff)
			}
		})
	}
}

// normalize trims trailing space and drops the time from the summary line.
func normalize(s string) string {
	var out []string
	for line := range strings.SplitSeq(strings.TrimSpace(s), "\n") {
		line = strings.TrimRight(line, " \t")
		if i := strings.LastIndex(line, " warnings; "); i >= 0 && strings.HasPrefix(line, "records:") {
			line = line[:i] + " warnings; TIME"
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n") + "\n"
}

// unpack writes a txtar archive into a temporary folder and returns it.
func unpack(t *testing.T, archive string) string {
	t.Helper()
	a, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range a.Files {
		path := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
