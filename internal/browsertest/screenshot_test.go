package browsertest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// viewports are the widths the screenshots are taken at.
var viewports = []struct {
	name          string
	width, height int64
	mobile        bool
}{
	{"phone", 390, 844, true},
	{"desktop", 1280, 800, false},
}

var screenshotPages = []struct{ name, path string }{
	{"home", "/"},
	{"specialty", "/specialties/respiratory-care/"},
	{"license", "/licenses/oh-respiratory-care-professional/"},
	{"state", "/states/oh/"},
	{"compare", "/specialties/respiratory-care/compare/?states=oh,tx&to=tx"},
	{"compact", "/compacts/respiratory-care-interstate-compact/"},
	{"move", "/move/"},
}

var pngMagic = []byte("\x89PNG\r\n\x1a\n")

// TestScreenshots saves full-page PNGs of a few pages at phone and desktop
// widths into LICENSURE_SCREENSHOTS (a temporary folder when unset), and
// checks that no page scrolls sideways on a phone. With
// LICENSURE_SCREENSHOTS set it also saves the dark scheme, and for the
// README: readme-home.png, readme-specialty.png, readme-license.png and
// readme-compare.png (Ohio and Texas), the first screen of those pages at
// desktop width; readme-home-phone.png and
// readme-search-phone.png (a search with typos), the first screen at
// 390px; and readme-specialty-phone.png, the specialty page's state by
// state section at 390px, its table opened.
func TestScreenshots(t *testing.T) {
	s := setup(t)
	t.Parallel()
	dir, keep := os.LookupEnv("LICENSURE_SCREENSHOTS")
	keep = keep && dir != ""
	if keep {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	} else {
		dir = t.TempDir()
	}
	schemes := []scheme{light}
	if keep {
		schemes = append(schemes, dark)
	}
	save := func(t *testing.T, name string, png []byte) {
		t.Helper()
		if !bytes.HasPrefix(png, pngMagic) {
			t.Fatalf("%s: not a PNG", name)
		}
		if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	for _, cs := range schemes {
		t.Run(string(cs), func(t *testing.T) {
			tb := s.newTab(t, cs)
			for _, vp := range viewports {
				var opts []chromedp.EmulateViewportOption
				if vp.mobile {
					opts = append(opts, chromedp.EmulateMobile)
				}
				tb.do(t, "setting the viewport", chromedp.EmulateViewport(vp.width, vp.height, opts...))
				for _, pg := range screenshotPages {
					t.Run(vp.name+"/"+pg.name, func(t *testing.T) {
						tb.mustVisit(t, pg.path)
						if vp.mobile {
							if w := eval[int64](t, tb, `document.documentElement.scrollWidth`); w > vp.width {
								t.Errorf("%s scrolls sideways at %dpx: it is %dpx wide (%s)", pg.path, vp.width, w,
									eval[string](t, tb, widest))
							}
						}
						png, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
						if err != nil {
							t.Fatalf("screenshot of %s: %v", pg.path, err)
						}
						name := pg.name + "-" + vp.name
						if cs != light {
							name += "-" + string(cs)
						}
						save(t, name+".png", png)
						if keep && cs == light && !vp.mobile && (pg.name == "home" || pg.name == "specialty" || pg.name == "compare" || pg.name == "license") {
							shot, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
							if err != nil {
								t.Fatalf("screenshot of %s: %v", pg.path, err)
							}
							save(t, "readme-"+pg.name+".png", shot)
						}
						tb.check(t)
					})
				}
			}
		})
	}
	if keep {
		t.Run("readme/phone", func(t *testing.T) {
			tb := s.newTab(t, light)
			tb.do(t, "setting the viewport", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
			shoot := func(name string) {
				t.Helper()
				png, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
				if err != nil {
					t.Fatalf("screenshot %s: %v", name, err)
				}
				save(t, name, png)
			}
			tb.mustVisit(t, "/")
			shoot("readme-home-phone.png")
			if got := typeQuery(t, tb, "/", "respiratry texsa"); !strings.Contains(got.Note, "Showing results for") {
				t.Errorf("the search with typos shows %q", got.Note)
			}
			shoot("readme-search-phone.png")
			tb.mustVisit(t, "/specialties/respiratory-care/")
			// The state-by-state section, its table opened.
			eval[chromedp.Void](t, tb, `document.querySelector('#coverage ~ details').open = true;
				window.scrollTo({top: document.getElementById('coverage').getBoundingClientRect().top + window.scrollY - 8, behavior: 'instant'})`)
			shoot("readme-specialty-phone.png")
			tb.check(t)
		})
		t.Logf("screenshots are in %s", dir)
	}
}

// widest names the elements that stick out past the viewport's right edge.
const widest = `(() => {
	const w = document.documentElement.clientWidth, out = [];
	for (const el of document.body.querySelectorAll('*')) {
		const r = el.getBoundingClientRect();
		if (r.right > w + 1 && !el.closest('.table-scroll, pre')) {
			out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '') + ' ' + Math.round(r.right) + 'px');
		}
		if (out.length === 5) break;
	}
	return out.join(', ') || 'nothing found outside a scroll box';
})()`
