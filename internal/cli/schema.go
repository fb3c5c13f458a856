package cli

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"

	"github.com/licensure/licensure/internal/jsonschema"
	"github.com/licensure/licensure/internal/load"
)

const schemaAbout = `Write the JSON Schema (draft 2020-12) of each kind of content file, one file
each: family.json, specialty.json, occupation.json, license.json, board.json,
certification.json, issuer.json, site.json, states.json and page.json (the
front matter of content/pages/*.md), and under refs/ one list of the IDs of
each kind of record a reference may name, from the content. The schemas are
generated from the Go types of internal/model into static/schema, which the
repository keeps and the site publishes as /schema/. The first line of each
content file, "# yaml-language-server: $schema=PATH", names its schema by a
path relative to the file, so that an editor's YAML language server
completes and checks the record against the schema of the same checkout.
With --headers, the first line of every content file is made that line.
Existing files of those names are replaced.`

func runSchema(_ context.Context, e *env, args []string) error {
	var root, out string
	var headers bool
	fs := newFlags(e, "schema", "[flags]", schemaAbout)
	fs.StringVar(&root, "root", ".", "site root holding content/")
	fs.StringVar(&out, "out", "", "folder to write the schemas to, created if need be (default ROOT/"+jsonschema.Dir+")")
	fs.BoolVar(&headers, "headers", false, "also rewrite the first line of every content file that does not name its schema")
	if err := parse(fs, args); err != nil {
		return err
	}
	if out == "" {
		out = filepath.Join(root, filepath.FromSlash(jsonschema.Dir))
	}
	dir := filepath.Join(root, "content")
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		fmt.Fprintf(fs.Output(), "%s schema: no content folder at %s (use --root to name the site root)\n", programName, filepath.ToSlash(dir))
		return errReported
	}
	content, _ := load.Load(os.DirFS(dir), "content/")
	files := jsonschema.Files(jsonschema.Entries(content))
	names := slices.Sorted(maps.Keys(files))
	for _, name := range names {
		p := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("schema: %w", err)
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return fmt.Errorf("schema: %w", err)
		}
	}
	lists := len(jsonschema.RefKinds())
	fmt.Fprintf(e.stderr, "wrote %d schemas and %d lists of records to %s\n", len(names)-lists, lists, filepath.ToSlash(out))
	if !headers {
		return nil
	}
	n, err := fixHeaders(root)
	if err != nil {
		return fmt.Errorf("schema: %w", err)
	}
	fmt.Fprintf(e.stderr, "rewrote the first line of %d content files\n", n)
	return nil
}

// fixHeaders makes the first line of every content file under root name
// its schema, and returns how many files it changed.
func fixHeaders(root string) (int, error) {
	n := 0
	err := fs.WalkDir(os.DirFS(root), "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() || path.Ext(p) != ".yaml" {
			return err
		}
		file := filepath.Join(root, filepath.FromSlash(p))
		src, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		fixed, changed := jsonschema.FixHeader(p, src)
		if !changed {
			return nil
		}
		n++
		return os.WriteFile(file, fixed, 0o644)
	})
	return n, err
}
