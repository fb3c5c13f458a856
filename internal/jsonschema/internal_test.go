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
	Must   string   `yaml:"must" check:"required,enum=a|b"`
}

func TestOptionalRules(t *testing.T) {
	squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
	got := squash(string(encode(structure(schema.For[optional]()))))
	for _, want := range []string{
		// The loader skips an empty optional value, so null is allowed;
		// completion offers the enum but not null.
		`"choice": {"description": "An optional choice.", "anyOf": [{}, {"enum": ["a", "b"]}], "if": {"type": "null"}, "else": {"type": "string", "enum": ["a", "b"]}}`,
		// List items are never empty, and take the field's enum.
		`"codes": {"if": {"type": "null"}, "else": {"type": "array", "minItems": 2, "errorMessage": "codes: expected a list of at least 2", "items": {"type": "string", "enum": ["x", "y"]}}}`,
		// An empty required value gets one error, as check words it.
		`"then": {"type": "string", "errorMessage": "required field \"must\" has no value"}`,
	} {
		if !strings.Contains(got, squash(want)) {
			t.Errorf("schema lacks %s in\n%s", want, got)
		}
	}
}
