package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/licensure/licensure/internal/build"
	"github.com/licensure/licensure/internal/synth/synthtest"
)

// probe times, in the page, the first keystroke in the header's box: from
// its keydown to the frame after the first suggestion is in the list.
const probe = `(() => {
	const box = document.getElementById('site-search');
	window.keystroke = { start: 0, shown: 0 };
	box.addEventListener('keydown', () => { if (!keystroke.start) keystroke.start = performance.now(); }, { capture: true });
	new MutationObserver(() => {
		if (keystroke.start && !keystroke.shown && document.querySelector('#site-search-listbox [role=option]') &&
			!document.getElementById('site-search-popup').hidden) {
			keystroke.shown = -1;
			requestAnimationFrame(() => { keystroke.shown = performance.now(); });
		}
	}).observe(box.form, { childList: true, subtree: true, attributes: true });
})()`

// BenchmarkFirstKeystroke builds a site of 10,000 synthetic licenses and
// measures, with Chromium's CPU slowed four times as a stand-in for a
// phone, how long the first keystroke in the header's box takes to show
// suggestions: "cold" types as the box gets the focus, so the index is
// fetched and read in that time; "warm" types once the focus has loaded
// it. It reports ms/keystroke, the mean over b.N page loads.
//
//	go test -run '^$' -bench FirstKeystroke -benchtime 5x ./internal/browsertest
func BenchmarkFirstKeystroke(b *testing.B) {
	s := setup(b)
	out := filepath.Join(b.TempDir(), "public")
	if _, err := build.Build(context.Background(), build.Dirs(root, synthtest.Folder(b, 10000), out)); err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(siteHandler(out))
	defer srv.Close()
	for _, mode := range []string{"cold", "warm"} {
		b.Run(mode, func(b *testing.B) {
			tb := s.newTab(b, light)
			if _, err := chromedp.Call(tb.ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 4}); err != nil {
				b.Fatal(err)
			}
			if _, err := chromedp.Call(tb.ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
				b.Fatal(err)
			}
			var total time.Duration
			for b.Loop() {
				total += firstKeystroke(b, tb, srv.URL+"/about/", mode == "warm")
			}
			b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms/keystroke")
		})
	}
}

// firstKeystroke loads url, types one letter into the header's box and
// returns how long the suggestions took to show.
func firstKeystroke(b *testing.B, tb *tab, url string, warm bool) time.Duration {
	b.Helper()
	if _, err := chromedp.Run(tb.ctx, chromedp.Navigate(url)); err != nil {
		b.Fatal(err)
	}
	tb.waitFor(b, "the combobox", `document.getElementById('site-search').getAttribute('role') === 'combobox'`)
	eval[chromedp.Void](b, tb, probe)
	if warm {
		tb.do(b, "focusing the box", chromedp.Focus(chromedp.ID("site-search")))
		eval[bool](b, tb, `licensureSearch.load().then(() => true)`, chromedp.EvalAwaitPromise)
	}
	tb.do(b, "typing", chromedp.SendKeys(chromedp.ID("site-search"), "r"))
	tb.waitFor(b, "the suggestions", `keystroke.shown > 0`)
	ms := eval[float64](b, tb, `keystroke.shown - keystroke.start`)
	tb.check(b)
	return time.Duration(ms * float64(time.Millisecond))
}

// TestSearchSplitIndex searches a site of 1,000 synthetic licenses, whose
// index is split: a query naming a state and a specialty must find the
// license, which sits in the state's file that loads after the first
// results.
func TestSearchSplitIndex(t *testing.T) {
	s := setup(t)
	t.Parallel()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(context.Background(), build.Dirs(root, synthtest.Folder(t, 1000), out)); err != nil {
		t.Fatal(err)
	}
	var index struct {
		States      [][]any    `json:"states"`
		Specialties [][]string `json:"specialties"`
	}
	readJSON(t, filepath.Join(out, "search", "index.json"), &index)
	st := slices.IndexFunc(index.States, func(s []any) bool { return len(s[3].([]any)) > 0 })
	if st < 0 {
		t.Fatal("the index is not split by state")
	}
	var shard struct{ Entries [][]any }
	readJSON(t, filepath.Join(out, filepath.FromSlash(index.States[st][3].([]any)[0].(string))), &shard)
	count := map[float64]int{}
	for _, row := range shard.Entries {
		if row[0] == float64(0) {
			count[row[7].(float64)]++
		}
	}
	var want string
	var spec float64
	for _, row := range shard.Entries {
		if row[0] == float64(0) && count[row[7].(float64)] == 1 {
			want, spec = "/licenses/"+row[1].(string), row[7].(float64)
			break
		}
	}
	if want == "" {
		t.Skip("no specialty with a single license in the state's file")
	}
	srv := httptest.NewServer(siteHandler(out))
	defer srv.Close()
	tb := s.newTab(t, light)
	query := index.Specialties[int(spec)][0] + " " + index.States[st][1].(string)
	if _, err := chromedp.Run(tb.ctx, chromedp.Navigate(srv.URL+"/about/")); err != nil {
		t.Fatal(err)
	}
	tb.do(t, "typing "+query, chromedp.SendKeys(chromedp.ID("site-search"), query))
	tb.waitFor(t, query+" to lead to "+want, fmt.Sprintf(
		`(() => { const o = document.querySelector('#site-search-listbox [role=option]'); return o && o.getAttribute('data-href') === %q; })()`, want))
	tb.check(t)
}

func readJSON(t *testing.T, name string, v any) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}
