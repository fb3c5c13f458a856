package browsertest

import (
	"context"
	"net/http/httptest"
	"path/filepath"
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
