package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/licensure/licensure/internal/jsonschema"
)

const schemaAbout = `Write the JSON Schema (draft 2020-12) of each kind of content file, one file
each: family.json, specialty.json, occupation.json, license.json, board.json,
certification.json, issuer.json, site.json, states.json and page.json (the
front matter of content/pages/*.md). The schemas are generated from the Go
types of internal/model, as the site publishes them under /schema/; a YAML
language server that reads the first line of a record file,
"# yaml-language-server: $schema=URL", uses them to complete and check the
record as it is typed. Existing files of those names are replaced.`

func runSchema(_ context.Context, e *env, args []string) error {
	var out string
	fs := newFlags(e, "schema", "[flags]", schemaAbout)
	fs.StringVar(&out, "out", "schema", "folder to write the schemas to, created if need be")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("schema: %w", err)
	}
	names := jsonschema.Names()
	for _, name := range names {
		data, err := jsonschema.Generate(name)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, name+".json"), data, 0o644); err != nil {
			return fmt.Errorf("schema: %w", err)
		}
	}
	fmt.Fprintf(e.stderr, "wrote %d schemas to %s\n", len(names), filepath.ToSlash(out))
	return nil
}
