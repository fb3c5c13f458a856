package schema

import "github.com/licensure/licensure/internal/model"

// TypeName names the type of a field's values in words, as the scaffold's
// comments, the /schema/ page and the data dictionary say it: "text",
// "URL", "whole number", "number", "date (YYYY-MM-DD)", "board ID",
// "list of occupation IDs", "mapping".
func TypeName(f Field) string { return typeName(f.Type, f.Ref) }

func typeName(t *Type, ref string) string {
	switch t.Shape {
	case Int:
		return "whole number"
	case Number:
		return "number"
	case Struct:
		return "mapping"
	case List:
		return "list of " + typeName(t.Elem, ref) + "s"
	}
	if ref != "" && t.Format != StateCode {
		if k, ok := model.KindNamed(ref); ok {
			return k.Singular + " ID"
		}
	}
	return formatNames[t.Format]
}

var formatNames = map[Format]string{
	Plain: "text", URL: "URL", Date: "date (YYYY-MM-DD)", Markdown: "Markdown",
	StateCode: "state code", SOCCode: "O*NET-SOC code", Path: "site path",
}

// PathField is a field with the path that names it among every key of a
// record: "exam" inside "requirements" is requirements.exam, and "url" in
// each of "sources" is sources[].url.
type PathField struct {
	Path string
	Field
}

// Flatten lists every key of a mapping, each nested mapping's keys right
// after the key that holds it, named by their paths.
func Flatten(t *Type) []PathField { return flatten(t, "") }

func flatten(t *Type, prefix string) []PathField {
	var out []PathField
	for _, f := range t.Fields {
		path := prefix + f.Name
		out = append(out, PathField{path, f})
		switch {
		case f.Type.Shape == Struct:
			out = append(out, flatten(f.Type, path+".")...)
		case f.Type.Shape == List && f.Type.Elem.Shape == Struct:
			out = append(out, flatten(f.Type.Elem, path+"[].")...)
		}
	}
	return out
}
