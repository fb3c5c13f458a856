package check

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/licensure/licensure/internal/sitetest"
)

// TestAliasesNameOnlyFreePaths gives a board aliases that name files the
// build writes: each is an error at the alias.
func TestAliasesNameOnlyFreePaths(t *testing.T) {
	for _, tc := range []struct{ alias, want string }{
		{"/index.html", `content/boards/oh-board.yaml:8:5: alias "/index.html" is a path the build writes`},
		{"/", `content/boards/oh-board.yaml:8:5: alias "/" is a path the build writes`},
		{"/feed.xml", `content/boards/oh-board.yaml:8:5: alias "/feed.xml" is a path the build writes`},
		{"/_headers", `content/boards/oh-board.yaml:8:5: alias "/_headers" is a path the build writes`},
		{"/_redirects", `content/boards/oh-board.yaml:8:5: alias "/_redirects" is a path the build writes`},
		{"/data/licenses.csv", `content/boards/oh-board.yaml:8:5: alias "/data/licenses.csv" is a path the build writes`},
		{"/css/site.css", `content/boards/oh-board.yaml:8:5: alias "/css/site.css" is a path the build writes`},
		{"/licenses/oh-rcp/index.html", `content/boards/oh-board.yaml:8:5: alias "/licenses/oh-rcp/index.html" is a path the build writes`},
		{"/licenses/oh-rcp", `content/boards/oh-board.yaml:8:5: alias "/licenses/oh-rcp" is a path the build writes`},
		{"/Licenses/OH-RCP/", `content/boards/oh-board.yaml:8:5: alias "/Licenses/OH-RCP/" is a path the build writes`},
		{"/states/tx/", `content/boards/oh-board.yaml:8:5: alias "/states/tx/" is a path the build writes`},
		{"/about/", `content/boards/oh-board.yaml:8:5: alias "/about/" is a path the build writes`},
		{"/licenses/", `content/boards/oh-board.yaml:8:5: alias "/licenses/" is a path the build writes`},
		{"/boards/old-ohio-board/", ""},
		{"/licenses/oh-rcp-old/", ""},
		{"/aboutindex.html", ""},
	} {
		t.Run(tc.alias, func(t *testing.T) {
			files := sitetest.Base()
			files["boards/oh-board.yaml"] = strings.TrimSuffix(files["boards/oh-board.yaml"], "\n") + "\naliases:\n  - /boards/ohio/\n  - \"" + tc.alias + "\"\n"
			var want []string
			if tc.want != "" {
				want = []string{tc.want}
			}
			if diff := cmp.Diff(want, run(files, Options{})); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}
