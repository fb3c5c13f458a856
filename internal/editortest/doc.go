// Package editortest holds the editor test of the shipped content: it
// starts yaml-language-server, the engine behind VS Code's YAML extension
// and several other editors, speaks the Language Server Protocol to it over
// standard input and output, and opens a shipped license file in place in
// a copy of the repository, as an editor would. The server finds the schema
// from the file's first line, a relative path into static/schema/, so the
// test needs no network: it checks that the shipped file has no
// diagnostics, that a misspelt key and a value of the wrong type are
// flagged naming the field, and that board IDs complete from the content.
//
// It needs Node.js and the yaml-language-server package of .ci/yamlls:
//
//	npm ci --prefix .ci/yamlls
//
// Without them the test is skipped, except when the environment variable
// CI is set, where it fails.
//
// The package has no code of its own; everything is in its tests.
package editortest
