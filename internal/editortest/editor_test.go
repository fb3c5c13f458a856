package editortest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

// root is the repository, seen from this package's folder.
const root = "../.."

// serverPath is the script that `npm ci --prefix .ci/yamlls` installs.
var serverPath = filepath.Join(root, ".ci", "yamlls", "node_modules", "yaml-language-server", "bin", "yaml-language-server")

// licenseFile is the shipped record the test opens.
const licenseFile = "content/licenses/oh-respiratory-care-professional.yaml"

// settings are an editor's: validation, completion and hover on, and no
// schema store, which would be fetched from the network.
var settings = map[string]any{
	"yaml": map[string]any{
		"validate":    true,
		"completion":  true,
		"hover":       true,
		"format":      map[string]any{"enable": false},
		"schemaStore": map[string]any{"enable": false},
	},
	"http": map[string]any{"proxy": "", "proxyStrictSSL": true},
}

// settle is how long the server must stay quiet after its last
// diagnostics of a document for them to count as its verdict.
const settle = 400 * time.Millisecond

// editor is one yaml-language-server session on a copy of the
// repository's content and schemas.
type editor struct {
	t       *testing.T
	ctx     context.Context
	c       *client
	uri     string
	version int
}

func newEditor(t *testing.T) *editor {
	t.Helper()
	node, err := exec.LookPath("node")
	if _, serr := os.Stat(serverPath); err != nil || serr != nil {
		msg := "yaml-language-server is not installed; to run this test: npm ci --prefix .ci/yamlls"
		if err != nil {
			msg = "node is not installed; to run this test install Node.js, then: npm ci --prefix .ci/yamlls"
		}
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	clone := t.TempDir()
	for _, dir := range []string{"content", "static/schema"} {
		if err := os.CopyFS(filepath.Join(clone, dir), os.DirFS(filepath.Join(root, dir))); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	server, err := filepath.Abs(serverPath)
	if err != nil {
		t.Fatal(err)
	}
	c, err := start(ctx, settings, node, server, "--stdio")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.close)
	rootURI := fileURI(clone)
	init := map[string]any{
		"processId": os.Getpid(),
		"rootUri":   rootURI,
		"capabilities": map[string]any{
			"workspace": map[string]any{"configuration": true},
			"textDocument": map[string]any{
				"completion":         map[string]any{"completionItem": map[string]any{"documentationFormat": []string{"plaintext"}}},
				"publishDiagnostics": map[string]any{},
			},
		},
		"workspaceFolders": []map[string]any{{"uri": rootURI, "name": "licensure"}},
	}
	if err := c.call(ctx, "initialize", init, nil); err != nil {
		t.Fatal(err)
	}
	if err := c.notify("initialized", map[string]any{}); err != nil {
		t.Fatal(err)
	}
	if err := c.notify("workspace/didChangeConfiguration", map[string]any{"settings": settings}); err != nil {
		t.Fatal(err)
	}
	return &editor{t: t, ctx: ctx, c: c, uri: fileURI(filepath.Join(clone, filepath.FromSlash(licenseFile)))}
}

func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// show puts text in the license file's editor, as an editor does while
// the file is edited (the first time, by opening the file), and returns
// the server's diagnostics of it.
func (e *editor) show(text string) []diagnostic {
	e.t.Helper()
	e.version++
	doc := map[string]any{"uri": e.uri, "version": e.version}
	if e.version == 1 {
		doc["languageId"], doc["text"] = "yaml", text
		e.c.notify("textDocument/didOpen", map[string]any{"textDocument": doc})
	} else {
		e.c.notify("textDocument/didChange", map[string]any{"textDocument": doc, "contentChanges": []map[string]any{{"text": text}}})
	}
	d, err := e.c.diagnostics(e.ctx, e.uri, settle)
	if err != nil {
		e.t.Fatal(err)
	}
	return d
}

// complete returns the completion items at line and character (0-based)
// of the open document.
func (e *editor) complete(line, char int) []completionItem {
	e.t.Helper()
	var res struct {
		Items []completionItem `json:"items"`
	}
	params := map[string]any{"textDocument": map[string]any{"uri": e.uri}, "position": position{line, char}}
	if err := e.c.call(e.ctx, "textDocument/completion", params, &res); err != nil {
		e.t.Fatal(err)
	}
	return res.Items
}

func shipped(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(licenseFile)))
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// replaceLine replaces the line that starts with prefix.
func replaceLine(t *testing.T, text, prefix, with string) (string, int) {
	t.Helper()
	lines := strings.Split(text, "\n")
	i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, prefix) })
	if i < 0 {
		t.Fatalf("%s has no line starting %q", licenseFile, prefix)
	}
	lines[i] = with
	return strings.Join(lines, "\n"), i
}

func describe(ds []diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "\n  %d:%d: %s", d.Range.Start.Line+1, d.Range.Start.Character+1, d.Message)
	}
	return b.String()
}

// TestEditor edits a shipped license as a person would and checks what
// the editor shows.
func TestEditor(t *testing.T) {
	e := newEditor(t)
	text := shipped(t)
	if ds := e.show(text); len(ds) != 0 {
		t.Errorf("%s as shipped: want no diagnostics, got %d:%s", licenseFile, len(ds), describe(ds))
	}

	for _, tc := range []struct {
		name, prefix, line string
		want               []string // the messages on the edited line
	}{
		{"misspelt key", "board:", "baord: oh-state-medical-board", []string{"Property baord is not allowed."}},
		{"wrong type", "occupations:", "occupations: 5", []string{"occupations: expected a list of at least 1"}},
		{"empty required", "board:", "board:", []string{`required field "board" has no value`}},
		{"empty enum", "credential:", "credential:", []string{`required field "credential" has no value`}},
		{"unknown board", "board:", "board: oh-medical-bord", []string{"unknown board: content/boards/ has no such ID"}},
		{"malformed board", "board:", "board: Oh_Board", []string{
			"want an ID in lower-case kebab case: letters, digits and single hyphens, such as oh-state-medical-board",
			"unknown board: content/boards/ has no such ID",
		}},
		{"unknown state", "state:", "state: ZZ", []string{"unknown state: content/states.yaml has no such code"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			edited, line := replaceLine(t, text, tc.prefix, tc.line)
			var got []string
			for _, d := range e.show(edited) {
				if d.Range.Start.Line == line {
					got = append(got, d.Message)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("%q: got messages %q on its line, want %q", tc.line, got, tc.want)
			}
		})
	}

	t.Run("hover", func(t *testing.T) {
		line := slices.IndexFunc(strings.Split(text, "\n"), func(l string) bool { return strings.HasPrefix(l, "board:") })
		e.show(text)
		var res struct {
			Contents struct {
				Value string `json:"value"`
			} `json:"contents"`
		}
		params := map[string]any{"textDocument": map[string]any{"uri": e.uri}, "position": position{line, 1}}
		if err := e.c.call(e.ctx, "textDocument/hover", params, &res); err != nil {
			t.Fatal(err)
		}
		if want := "The board or agency that issues it."; !strings.Contains(res.Contents.Value, want) {
			t.Errorf("hover on board: got %q, want it to contain %q", res.Contents.Value, want)
		}
	})

	for _, tc := range []struct {
		name, prefix, line string
		dir                string // the records that must be offered, by file
		key                string // the key that names them to readers
	}{
		{"complete board", "board:", "board: ", "boards/*.yaml", "name"},
		{"complete certification", "    - id:", "    - id: ", "certifications/*.yaml", "name"},
		{"complete occupation", "occupations:", "occupations: [", "occupations/*.yaml", "title"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			edited, line := replaceLine(t, text, tc.prefix, tc.line)
			e.show(edited)
			offered := map[string]string{}
			for _, it := range e.complete(line, len(tc.line)) {
				var doc string
				json.Unmarshal(it.Documentation, &doc)
				offered[it.Label] = doc
			}
			records := shippedRecords(t, tc.dir, tc.key)
			for id, title := range records {
				if doc, ok := offered[id]; !ok {
					t.Errorf("%s is not offered", id)
				} else if doc != title {
					t.Errorf("%s is offered as %q, want its title %q", id, doc, title)
				}
			}
			for label := range offered {
				// In a list the server also offers a new item, as it
				// does for any list.
				if _, ok := records[label]; !ok && !strings.HasPrefix(label, "- (array item)") {
					t.Errorf("%q is offered, which is not a record of %s", label, tc.dir)
				}
			}
		})
	}
}

// shippedRecords reads the ID and title (under key) of every shipped
// record of the files matching glob under content/.
func shippedRecords(t *testing.T, glob, key string) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(root, "content", filepath.FromSlash(glob)))
	if err != nil || len(files) == 0 {
		t.Fatalf("no content/%s: %v", glob, err)
	}
	out := map[string]string{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var r map[string]any
		if err := yaml.Unmarshal(src, &r); err != nil {
			t.Fatal(err)
		}
		title, _ := r[key].(string)
		out[strings.TrimSuffix(filepath.Base(f), ".yaml")] = title
	}
	return out
}
