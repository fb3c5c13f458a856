package jsonschema

import (
	"strings"
	"testing"

	"github.com/licensure/licensure/internal/schema"
)

// optional holds rules no model type uses yet, so that their schemas are
// tested before one does.
type optional struct {
	Choice string   `yaml:"choice" check:"enum=a|b" doc:"An optional choice."`
	Codes  []string `yaml:"codes" check:"enum=x|y,min=2"`
}

func TestOptionalRules(t *testing.T) {
	squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
	got := squash(string(encode(structure(schema.For[optional](), true))))
	for _, want := range []string{
		`"type": ["object", "null"]`,
		// The loader skips an empty optional value, so null is allowed,
		// and enum must list it too.
		`"choice": {"description": "An optional choice.", "type": ["string", "null"], "enum": ["a", "b", null]}`,
		// List items are never empty, and take the field's enum.
		`"codes": {"type": ["array", "null"], "minItems": 2, "items": {"type": "string", "enum": ["x", "y"]}}`,
	} {
		if !strings.Contains(got, squash(want)) {
			t.Errorf("schema lacks %s in\n%s", want, got)
		}
	}
}
