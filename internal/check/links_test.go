package check

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/licensure/licensure/internal/sitetest"
)

// TestRecordLinksInEveryForm writes links in each form Markdown has into
// a page body (which starts on line 5): every record link is checked and
// every refused scheme reported, at the link, with a "did you mean".
func TestRecordLinksInEveryForm(t *testing.T) {
	const at = "content/pages/about.md:5:"
	for _, tc := range []struct{ name, body, want string }{
		{"inline", "See [x](license:oh-rpc).", at + `9: unknown license "oh-rpc" in record link (did you mean "oh-rcp"?)`},
		{"inline in angles", "See [x](<license:oh rcp>).", at + `10: unknown license "oh rcp" in record link (did you mean "oh-rcp"?)`},
		{"reference style", "See [x][r].\n\n[r]: license:oh-rpc", "content/pages/about.md:7:6: unknown license \"oh-rpc\" in record link (did you mean \"oh-rcp\"?)"},
		{"reference in angles", "See [x][r].\n\n[r]: <license:oh-rpc>", "content/pages/about.md:7:7: unknown license \"oh-rpc\" in record link (did you mean \"oh-rcp\"?)"},
		{"image", "See ![x](board:oh-bord).", at + `10: unknown board "oh-bord" in record link (did you mean "oh-board"?)`},
		{"autolink", "See <license:oh-rpc>.", at + `6: unknown license "oh-rpc" in record link (did you mean "oh-rcp"?)`},
		{"dots in the ID", "See [x](license:../oh-rcp).", at + `9: unknown license "../oh-rcp" in record link (did you mean "oh-rcp"?)`},
		{"entity in the scheme", "See [x](license&#58;oh-rpc).", at + `9: unknown license "oh-rpc" in record link (did you mean "oh-rcp"?)`},
		{"kind in capitals", "See [x](License:oh-rcp).", at + `9: body: link scheme "License" is not allowed (did you mean "license:"?)`},
		{"plural kind", "See [x](licenses:oh-rcp).", at + `9: body: link scheme "licenses" is not allowed (did you mean "license:"?)`},
		{"unknown kind", "See [x](page:about).", at + `9: body: link scheme "page" is not allowed (use http, https, mailto, a site path, or a record link such as license:ID)`},
		{"javascript", "See [x](javascript:alert(1)).", at + `9: body: link scheme "javascript" is not allowed (use http, https, mailto, a site path, or a record link such as license:ID)`},
		{"entity-encoded scheme", "See [x](ms-msdt&#58;/id).", at + `9: body: link scheme "ms-msdt" is not allowed (use http, https, mailto, a site path, or a record link such as license:ID)`},
		{"autolink ftp", "See <ftp://x.org/a>.", at + `6: body: link scheme "ftp" is not allowed (use http, https, mailto, a site path, or a record link such as license:ID)`},
		{"autolink data", "See <data:text/html,hi>.", at + `6: body: link scheme "data" is not allowed (use http, https, mailto, a site path, or a record link such as license:ID)`},
		{"reference to ms-msdt", "See [x][r].\n\n[r]: ms-msdt:/id", "content/pages/about.md:7:6: body: link scheme \"ms-msdt\" is not allowed (use http, https, mailto, a site path, or a record link such as license:ID)"},
		{"image of data", "![x](data:image/png;base64,AA)", at + `6: body: link scheme "data" is not allowed (use http, https, mailto, a site path, or a record link such as license:ID)`},
		{"allowed forms", "[a](https://x.org/a?b=1&c=2) <https://x.org> [b](/licenses/) [c](mailto:a@x.org) <a@x.org> [d](license:oh-rcp) <state:OH> a <b> c", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := sitetest.Base()
			files["pages/about.md"] = "---\ntitle: About\ndescription: d\n---\n" + tc.body + "\n"
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

// TestRecordLinksInYAMLProse puts a reference-style record link and a
// refused autolink into a license's summary, a YAML block scalar: each is
// reported at its own line and column of the record file.
func TestRecordLinksInYAMLProse(t *testing.T) {
	files := sitetest.Base()
	files["licenses/oh-rcp.yaml"] = strings.Replace(files["licenses/oh-rcp.yaml"],
		"summary: |\n  Issued by [the board](board:oh-board).\n",
		"summary: |\n  Issued by [the board][b].\n  See <ms-msdt:/id>.\n\n  [b]: board:oh-bord\n", 1)
	want := []string{
		`content/licenses/oh-rcp.yaml:9:8: summary: link scheme "ms-msdt" is not allowed (use http, https, mailto, a site path, or a record link such as license:ID)`,
		`content/licenses/oh-rcp.yaml:11:8: unknown board "oh-bord" in record link (did you mean "oh-board"?)`,
	}
	if diff := cmp.Diff(want, run(files, Options{})); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}
