package check

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/sitetest"
)

func run(files map[string]string, opts Options) []string {
	c, diags := load.Load(sitetest.FS(files), "content/")
	Check(c, opts, diags)
	var out []string
	for _, d := range diags.Items() {
		out = append(out, d.String())
	}
	return out
}

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change map[string]string // files to add or replace; "" deletes
		opts   Options
		want   []string
	}{
		{name: "base site is clean"},
		{name: "unknown reference with suggestion",
			change: map[string]string{"licenses/tx-rcp.yaml": "title: RCP\nstate: TX\nspecialty: respiratory-cre\nboard: oh-bord\noccupations: [29-1126.00]\ncredential: license\nsummary: s\nsources: [{title: t, url: \"https://x.org\"}]\nreviewed: 2026-11-24\n"},
			want: []string{
				`content/licenses/tx-rcp.yaml:3:12: unknown specialty "respiratory-cre" (did you mean "respiratory-care"?)`,
				`content/licenses/tx-rcp.yaml:4:8: unknown board "oh-bord" (did you mean "oh-board"?)`,
			}},
		{name: "a mistyped board suggests the license's state first",
			change: map[string]string{
				"boards/tx-medical-board.yaml":       "name: Texas Medical Board\nstate: TX\nurl: https://tx.example\nsources: [{title: t, url: \"https://tx.example\"}]\nreviewed: 2026-11-24\n",
				"boards/oh-state-medical-board.yaml": "name: State Medical Board of Ohio\nstate: OH\nurl: https://oh.example\nsources: [{title: t, url: \"https://oh.example\"}]\nreviewed: 2026-11-24\n",
				"licenses/oh-rcp-2.yaml":             "title: Other\nstate: OH\nspecialty: respiratory-care\nboard: oh-medical-bord\noccupations: [29-1126.00]\ncredential: license\nsummary: s\nsources: [{title: t, url: \"https://x.org\"}]\nreviewed: 2026-11-24\n",
			},
			want: []string{
				`content/boards/oh-state-medical-board.yaml:1:1: warning: no record refers to this board`,
				`content/boards/tx-medical-board.yaml:1:1: warning: no record refers to this board`,
				`content/licenses/oh-rcp-2.yaml:4:8: unknown board "oh-medical-bord" (did you mean "oh-state-medical-board"?)`,
			}},
		{name: "a mistyped certification suggests the license's specialty first",
			change: map[string]string{
				"specialties/perfusion.yaml":  "name: Perfusion\nfamily: cardio\nsummary: Blood.\n",
				"certifications/abc-crt.yaml": "name: Perfusion CRT\nissuer: nbrc\nspecialties: [perfusion]\nsummary: s\nsources: [{title: t, url: \"https://o.example\"}]\nreviewed: 2026-11-24\n",
				"certifications/abc-rrt.yaml": "name: Respiratory RRT\nissuer: nbrc\nspecialties: [respiratory-care]\nsummary: s\nsources: [{title: t, url: \"https://o.example\"}]\nreviewed: 2026-11-24\n",
				"licenses/oh-rcp-2.yaml":      "title: Other\nstate: OH\nspecialty: respiratory-care\nboard: oh-board\noccupations: [29-1126.00]\ncredential: license\nsummary: s\nrequirements:\n  certifications: [{id: abc-xrt, role: required}]\nsources: [{title: t, url: \"https://x.org\"}]\nreviewed: 2026-11-24\n",
			},
			want: []string{
				`content/licenses/oh-rcp-2.yaml:9:25: unknown certification "abc-xrt" (did you mean "abc-rrt"?)`,
			}},
		{name: "board in another state",
			change: map[string]string{"licenses/tx-rcp.yaml": "title: RCP\nstate: TX\nspecialty: respiratory-care\nboard: oh-board\noccupations: [29-1126.00]\ncredential: license\nsummary: s\nsources: [{title: t, url: \"https://x.org\"}]\nreviewed: 2026-11-24\n"},
			want:   []string{`content/licenses/tx-rcp.yaml:4:8: board "oh-board" is in OH, but the license is in TX`}},
		{name: "duplicate title in a state",
			change: map[string]string{"licenses/oh-rcp-2.yaml": "title: Respiratory  care professional\nstate: OH\nspecialty: respiratory-care\nboard: oh-board\noccupations: [29-1126.00]\ncredential: license\nsummary: s\nsources: [{title: t, url: \"https://x.org\"}]\nreviewed: 2026-11-24\n"},
			want:   []string{`content/licenses/oh-rcp-2.yaml:1:8: license "Respiratory  care professional" has the same title as content/licenses/oh-rcp.yaml (give each a distinct title)`}},
		{name: "same certification name from two issuers is fine",
			change: map[string]string{
				"issuers/other.yaml":            "name: Other\nurl: https://o.example\nsources: [{title: t, url: \"https://o.example\"}]\nreviewed: 2026-11-24\n",
				"certifications/other-rrt.yaml": "name: Registered Respiratory Therapist\nissuer: other\nspecialties: [respiratory-care]\nsummary: s\nsources: [{title: t, url: \"https://o.example\"}]\nreviewed: 2026-11-24\n",
			}},
		{name: "certification without issuer or note",
			change: map[string]string{"certifications/x.yaml": "name: X\nspecialties: [respiratory-care]\nsummary: s\nsources: [{title: t, url: \"https://o.example\"}]\nreviewed: 2026-11-24\n"},
			want:   []string{`content/certifications/x.yaml:1:7: certification has no issuer (name it in issuer, or say in issuer_note why none can be established)`}},
		{name: "permit without leads_to",
			change: map[string]string{"licenses/oh-permit.yaml": "title: Limited Permit\nstate: OH\nspecialty: respiratory-care\nboard: oh-board\noccupations: [29-1126.00]\ncredential: permit\nsummary: s\nsources: [{title: t, url: \"https://x.org\"}]\nreviewed: 2026-11-24\n"},
			want:   []string{`content/licenses/oh-permit.yaml:6:13: a permit names the full license it leads to (add leads_to: the ID of the license of the same state and specialty)`}},
		{name: "permit leading to another state's license",
			change: map[string]string{
				"boards/tx-board.yaml":    "name: Texas Board\nstate: TX\nurl: https://tx.example\nsources: [{title: t, url: \"https://tx.example\"}]\nreviewed: 2026-11-24\n",
				"licenses/tx-permit.yaml": "title: Temporary Permit\nstate: TX\nspecialty: respiratory-care\nboard: tx-board\noccupations: [29-1126.00]\ncredential: permit\nleads_to: oh-rcp\nsummary: s\nsources: [{title: t, url: \"https://x.org\"}]\nreviewed: 2026-11-24\n",
			},
			want: []string{`content/licenses/tx-permit.yaml:7:11: leads_to "oh-rcp" is a respiratory-care license of OH, but this one is a respiratory-care license of TX`}},
		{name: "permit leading to itself or nowhere",
			change: map[string]string{
				"licenses/oh-permit.yaml":  "title: Limited Permit\nstate: OH\nspecialty: respiratory-care\nboard: oh-board\noccupations: [29-1126.00]\ncredential: permit\nleads_to: oh-permit\nsummary: s\nsources: [{title: t, url: \"https://x.org\"}]\nreviewed: 2026-11-24\n",
				"licenses/oh-permit2.yaml": "title: Student Permit\nstate: OH\nspecialty: respiratory-care\nboard: oh-board\noccupations: [29-1126.00]\ncredential: permit\nleads_to: oh-rpc\nsummary: s\nsources: [{title: t, url: \"https://x.org\"}]\nreviewed: 2026-11-24\n",
			},
			want: []string{
				`content/licenses/oh-permit.yaml:7:11: leads_to names the license itself`,
				`content/licenses/oh-permit2.yaml:7:11: unknown license "oh-rpc" (did you mean "oh-rcp"?)`,
			}},
		{name: "compact with an unknown and a repeated member",
			change: map[string]string{"compacts/rcic.yaml": "name: Respiratory Care Interstate Compact\nspecialties: [respiratory-care]\nsummary: s\nmodel_legislation: https://c.example\nactivation_threshold: 7\nstatus: gathering-members\n" +
				"members:\n  - {state: OH, status: enacted, law: HB 1, date: 2025-01-01, source: {title: t, url: \"https://x.org\"}}\n  - {state: OX, status: pending, law: HB 2, date: 2025-01-01, source: {title: t, url: \"https://x.org\"}}\n  - {state: OH, status: pending, law: HB 3, date: 2025-01-01, source: {title: t, url: \"https://x.org\"}}\n" +
				"sources: [{title: t, url: \"https://x.org\"}]\nreviewed: 2026-11-24\n"},
			want: []string{
				`content/compacts/rcic.yaml:9:13: unknown state "OX" (did you mean "OH"?)`,
				`content/compacts/rcic.yaml:10:13: OH is listed twice among the members (first as members[0])`,
			}},
		{name: "unused board warns",
			change: map[string]string{"boards/tx-board.yaml": "name: Texas Board\nstate: TX\nurl: https://tx.example\nsources: [{title: t, url: \"https://tx.example\"}]\nreviewed: 2026-11-24\n"},
			want:   []string{`content/boards/tx-board.yaml:1:1: warning: no record refers to this board`}},
		{name: "broken link in a page",
			change: map[string]string{"pages/about.md": "---\ntitle: About\ndescription: d\n---\nText\n\nSee [Texas](state:TX) and [x](license:oh-rpc).\n"},
			want:   []string{`content/pages/about.md:7:31: unknown license "oh-rpc" in record link (did you mean "oh-rcp"?)`}},
		{name: "stale review",
			opts:   Options{Today: time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC), MaxAge: 12},
			change: map[string]string{"licenses/oh-rcp.yaml": ""},
			want: []string{
				`content/boards/oh-board.yaml:1:1: warning: no record refers to this board`,
				`content/boards/oh-board.yaml:5:11: warning: reviewed 2026-11-24, more than 12 months ago`,
				`content/certifications/nbrc-rrt.yaml:7:11: warning: reviewed 2026-11-24, more than 12 months ago`,
				`content/families/cardio.yaml:6:11: warning: reviewed 2026-11-24, more than 12 months ago`,
				`content/issuers/nbrc.yaml:5:11: warning: reviewed 2026-11-24, more than 12 months ago`,
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := sitetest.Base()
			for name, data := range tc.change {
				if data == "" {
					delete(files, name)
				} else {
					files[name] = data
				}
			}
			if diff := cmp.Diff(tc.want, run(files, tc.opts)); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}
