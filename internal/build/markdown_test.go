package build

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/licensure/licensure/internal/sitetest"
)

// TestHostileMarkdownBuildsOrIsRefused builds summaries and pages that
// made the renderer quadratic: each is refused with its limit, or builds.
// BenchmarkWorstMarkdown (internal/markdown) measures the slowest text
// that is accepted.
func TestHostileMarkdownBuildsOrIsRefused(t *testing.T) {
	fence := func(lang string, n int) string { return "```" + lang + "\n" + strings.Repeat("s{{", n/3) + "\n```" }
	for _, tc := range []struct {
		name, summary, body, want string
	}{
		{name: "60 KB of emphasis marks", summary: strings.Repeat("*a_", 20_000),
			want: "content/licenses/oh-rcp.yaml:7:10: summary: Markdown text is 60001 bytes, over the limit of 32768"},
		{name: "120 KB of emphasis marks", summary: strings.Repeat("*a_", 40_000),
			want: "content/licenses/oh-rcp.yaml:7:10: summary: Markdown text is 120001 bytes, over the limit of 32768"},
		{name: "200 KB of open links", summary: strings.Repeat("[a](", 50_000),
			want: "content/licenses/oh-rcp.yaml:7:10: summary: Markdown text is 200001 bytes, over the limit of 32768"},
		{name: "30 KB of emphasis marks", summary: strings.Repeat("*a_", 10_000),
			want: "content/licenses/oh-rcp.yaml:7:10: summary: Markdown text has 20000 emphasis and link marks (*, _, ~, [), over the limit of 1000"},
		{name: "60 KB Perl block", body: fence("perl", 60_000),
			want: "content/pages/about.md:5:1: body: Markdown text is 60013 bytes, over the limit of 32768"},
		{name: "9 KB Perl block", body: "Intro.\n\n" + fence("perl", 9_000),
			want: "content/pages/about.md:7:1: body: fenced code block of 9001 bytes, over the limit of 8192"},
		{name: "8 KB Perl block builds", body: fence("perl", 8_000)},
		{name: "1,000 marks build", summary: strings.Repeat("*a_", 333) + "."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := sitetest.Base()
			if tc.summary != "" {
				files["licenses/oh-rcp.yaml"] = strings.Replace(files["licenses/oh-rcp.yaml"], "summary: |\n  Issued by [the board](board:oh-board).\n", "summary: |\n  "+tc.summary+"\n", 1)
			}
			if tc.body != "" {
				files["pages/about.md"] = "---\ntitle: About\ndescription: d\n---\n" + tc.body + "\n"
			}
			res, err := Build(context.Background(), options(t, files, filepath.Join(t.TempDir(), "public")))
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if !errors.Is(err, ErrContent) {
				t.Fatalf("build: %v, want content errors", err)
			}
			var got []string
			for _, d := range res.Diags.Items() {
				got = append(got, d.String())
			}
			if diff := cmp.Diff([]string{tc.want}, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}
