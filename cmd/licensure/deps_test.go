package main

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// allowed lists every module the licensure command may depend on, each
// for a reason. A new dependency must be added here, deliberately.
var allowed = []string{
	"github.com/licensure/licensure",
	"github.com/yuin/goldmark",        // Markdown
	"github.com/alecthomas/chroma/v2", // code highlighting
	"github.com/dlclark/regexp2/v2",   // chroma's lexers
	"gopkg.in/yaml.v3",                // content, with positions
	"github.com/fsnotify/fsnotify",    // serve: watching files
	"golang.org/x/sys",                // fsnotify's system calls; the output's atomic swap
}

func TestDependencies(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{with .Module}}{{.Path}}{{end}}", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, mod := range strings.Fields(string(out)) {
		if !slices.Contains(allowed, mod) {
			t.Errorf("cmd/licensure depends on %s, which is not in the allow-list", mod)
		}
	}
}
