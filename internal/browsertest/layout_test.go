package browsertest

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// layoutWidths are the viewport widths the layout must fit: three phones
// and a desktop.
var layoutWidths = []int64{320, 360, 390, 1280}

// controlColours reports the controls whose colours ignore the scheme: in
// the dark scheme a text box must be dark with light text, in the light
// scheme the reverse; in the dark scheme no button may be a light patch.
// Check boxes and radio buttons are drawn by the browser in the page's
// color-scheme, so only their accent is styled.
const controlColours = `((dark) => {
	const lum = (c) => {
		const m = c.match(/[\d.]+/g);
		if (!m) return 1;
		const [r, g, b] = m.slice(0, 3).map(Number).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
		return 0.2126 * r + 0.7152 * g + 0.0722 * b;
	};
	const out = [];
	for (const el of document.querySelectorAll('input:not([type=checkbox]):not([type=radio]):not([type=hidden]), select, textarea')) {
		const cs = getComputedStyle(el);
		const bg = lum(cs.backgroundColor), fg = lum(cs.color);
		if (dark ? !(bg < 0.2 && fg > 0.5) : !(bg > 0.5 && fg < 0.2)) {
			out.push((el.id || el.name || el.tagName) + ' ' + cs.backgroundColor + ' / ' + cs.color);
		}
	}
	for (const el of dark ? document.querySelectorAll('button, summary') : []) {
		const cs = getComputedStyle(el);
		if (!/rgba\(.*, 0\)$/.test(cs.backgroundColor) && lum(cs.backgroundColor) > 0.5) {
			out.push(el.tagName + ' "' + el.textContent.trim() + '" ' + cs.backgroundColor);
		}
	}
	return out;
})`

// TestLayout loads a page of every kind at phone and desktop widths, in
// the light and the dark scheme, and checks that nothing is wider than
// the viewport (with the search panel closed and open), that the header
// stays under about 100px on a phone with all its links in view and that
// the controls follow the scheme. With the panel open it runs axe as well,
// and on the pages of axeAtWidth at 390 and 1280px.
func TestLayout(t *testing.T) {
	s := setup(t)
	t.Parallel()
	for _, cs := range []scheme{light, dark} {
		t.Run(string(cs), func(t *testing.T) {
			t.Parallel()
			for _, width := range layoutWidths {
				tb := s.newTab(t, cs) // a tab per width: each has its own time limit
				phone := width < 800
				var opts []chromedp.EmulateViewportOption
				if phone {
					opts = append(opts, chromedp.EmulateMobile)
				}
				tb.do(t, "setting the viewport", chromedp.EmulateViewport(width, 800, opts...))
				for _, pc := range s.pages() {
					t.Run(fmt.Sprintf("%d/%s", width, pc.kind), func(t *testing.T) {
						if status := tb.visit(t, pc.path); status != pc.status {
							t.Fatalf("%s: HTTP %d, want %d", pc.path, status, pc.status)
						}
						fits(t, tb, pc.path+", panel closed", width)
						if h := eval[float64](t, tb, `document.querySelector('.site-header').getBoundingClientRect().height`); phone && h > 100 {
							t.Errorf("%s: the header is %.0fpx tall at %dpx", pc.path, h, width)
						}
						if eval[bool](t, tb, `(() => { const u = document.querySelector('.site-header nav ul'); return u.scrollWidth > u.clientWidth; })()`) {
							t.Errorf("%s: the header's links do not fit at %dpx", pc.path, width)
						}
						if bad := eval[[]string](t, tb, controlColours+fmt.Sprintf("(%v)", cs == dark)); len(bad) > 0 {
							t.Errorf("%s: controls ignore the %s scheme: %q", pc.path, cs, bad)
						}
						if axeAtWidth[pc.kind] && (width == 390 || width == 1280) {
							for _, v := range tb.axe(t) {
								t.Errorf("%s (%s, %dpx): %s", pc.path, cs, width, v)
							}
						}
						if eval[bool](t, tb, `!!document.getElementById('site-search')`) {
							tb.do(t, "typing", chromedp.SendKeys(chromedp.ID("site-search"), "respiratory care"))
							tb.waitFor(t, "the panel", `!document.getElementById('site-search-popup').hidden`)
							fits(t, tb, pc.path+", panel open", width)
							if r := eval[[]float64](t, tb, `(() => { const r = document.getElementById('site-search-popup').getBoundingClientRect(); return [r.left, r.right]; })()`); r[0] < 0 || r[1] > float64(width) {
								t.Errorf("%s: the panel spans %.0f to %.0fpx at %dpx", pc.path, r[0], r[1], width)
							}
							if pc.kind == "home" {
								for _, v := range tb.axe(t) {
									t.Errorf("%s with the panel open (%s, %dpx): %s", pc.path, cs, width, v)
								}
							}
						}
						tb.check(t)
					})
				}
			}
		})
	}
}

// axeAtWidth are the page kinds axe checks at a phone's and a desktop's
// width as well, besides TestAccessibility's run: the pages a person
// moving between states reads.
var axeAtWidth = map[string]bool{"license": true, "permit": true, "state": true, "compare": true, "compact": true, "move": true}

// fits fails t when the page is wider than the viewport.
func fits(t *testing.T, tb *tab, what string, width int64) {
	t.Helper()
	if w := eval[int64](t, tb, `document.documentElement.scrollWidth`); w > width {
		t.Errorf("%s scrolls sideways at %dpx: it is %dpx wide (%s)", what, width, w, eval[string](t, tb, widest))
	}
}
