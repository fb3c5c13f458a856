package cli_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/licensure/licensure/internal/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"licensure": func() { os.Exit(cli.Run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the small sites of testdata/script: each archive holds a
// content folder and the commands to run on it, with the lines their output
// must and must not contain. Sites without their own templates and static
// folders get the repository's, and so does a site without content (the
// README's examples run on the shipped content). The commands readme and
// readme-exec check the README's examples (readme_test.go).
func TestScripts(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	readme := filepath.Join(repo, "README.md")
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join(repo, "testdata", "script"),
		RequireExplicitExec: true,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"readme":      readmeCmd(readme),
			"readme-exec": readmeExecCmd(readme),
		},
		Setup: func(env *testscript.Env) error {
			for _, dir := range []string{"templates", "static", "content"} {
				if _, err := os.Stat(filepath.Join(env.WorkDir, dir)); err == nil {
					continue
				}
				if err := os.CopyFS(filepath.Join(env.WorkDir, dir), os.DirFS(filepath.Join(repo, dir))); err != nil {
					return err
				}
			}
			return nil
		},
	})
}
