package load_test

import (
	"testing"
	"testing/fstest"

	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/model"
)

func TestZZEmptyList(t *testing.T) {
	fsys := fstest.MapFS{"boards/b.yaml": {Data: []byte("name: x\nstate: OH\nurl: https://x.org\nsources: [{title: t, url: \"https://x.org\"}]\nreviewed: 2026-11-24\naliases: []\n")},
		"issuers/i.yaml": {Data: []byte("name: x\nurl: https://x.org\nsources:\n  - title: t\n    url: https://x.org\nreviewed: 2026-11-24\naliases: []\n")}}
	c, _ := load.Load(fsys, "content/")
	if a := c.Records["boards"][0].Value.(*model.Board).Aliases; a == nil {
		t.Error("nil (slow path)")
	}
	if a := c.Records["issuers"][0].Value.(*model.Issuer).Aliases; a == nil {
		t.Error("nil (fast path)")
	}
	if msg := compareLoads(t, fsys, ""); msg != "" {
		t.Error(msg)
	}
}
