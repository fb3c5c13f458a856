package browsertest

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// pageCase is one page of each kind the site has.
type pageCase struct {
	kind   string
	path   string
	status int64
	// optional pages are checked only when the build has them.
	optional bool
}

var pageCases = []pageCase{
	{kind: "home", path: "/"},
	{kind: "license", path: "/licenses/oh-respiratory-care-professional/"},
	{kind: "board", path: "/boards/oh-state-medical-board/"},
	{kind: "certification", path: "/certifications/nbrc-rrt/"},
	{kind: "issuer", path: "/issuers/nbrc/"},
	{kind: "specialty", path: "/specialties/respiratory-care/"},
	{kind: "family", path: "/families/cardiopulmonary/"},
	{kind: "occupation", path: "/occupations/29-1126.00/"},
	{kind: "state", path: "/states/oh/"},
	{kind: "index", path: "/licenses/"},
	{kind: "page", path: "/about/"},
	{kind: "search", path: "/search/"},
	{kind: "data", path: "/data/"},
	{kind: "not-found", path: "/no-such-page/", status: http.StatusNotFound},
	{kind: "maintainers", path: "/maintainers/"},
	{kind: "matrix", path: "/matrix/", optional: true},
	{kind: "schema", path: "/schema/", optional: true},
	{kind: "compare", path: "/specialties/respiratory-care/compare/?states=oh,tx"},
	{kind: "compact", path: "/compacts/respiratory-care-interstate-compact/"},
	{kind: "move", path: "/move/"},
	{kind: "permit", path: "/licenses/oh-respiratory-care-limited-permit/"},
}

// pages returns the page cases the built site has.
func (s *suite) pages() []pageCase {
	var out []pageCase
	for _, pc := range pageCases {
		if pc.optional {
			if _, err := os.Stat(filepath.Join(s.site, filepath.FromSlash(pc.path), "index.html")); err != nil {
				continue
			}
		}
		if pc.status == 0 {
			pc.status = http.StatusOK
		}
		out = append(out, pc)
	}
	return out
}

// axeTags are the rule sets the site must pass: WCAG 2.0 and 2.1, levels
// A and AA.
const axeTags = `['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']`

type axeNode struct {
	Target  []string `json:"target"`
	HTML    string   `json:"html"`
	Summary string   `json:"summary"`
}

type axeViolation struct {
	ID      string    `json:"id"`
	Impact  string    `json:"impact"`
	Help    string    `json:"help"`
	HelpURL string    `json:"helpUrl"`
	Nodes   []axeNode `json:"nodes"`
}

func (v axeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s [%d nodes] %s", v.ID, v.Impact, v.Help, len(v.Nodes), v.HelpURL)
	for i, n := range v.Nodes {
		if i == 3 {
			fmt.Fprintf(&b, "\n\t… and %d more", len(v.Nodes)-i)
			break
		}
		html := n.HTML
		if len(html) > 160 {
			html = html[:160] + "…"
		}
		fmt.Fprintf(&b, "\n\t%s\n\t\t%s", strings.Join(n.Target, " "), html)
		if n.Summary != "" {
			fmt.Fprintf(&b, "\n\t\t%s", strings.ReplaceAll(n.Summary, "\n", "\n\t\t"))
		}
	}
	return b.String()
}

// axe injects axe-core into the tab's page and returns its violations.
func (tb *tab) axe(t *testing.T) []axeViolation {
	t.Helper()
	if !eval[bool](t, tb, `typeof axe === "object"`) {
		eval[chromedp.Void](t, tb, tb.s.axe)
	}
	return eval[[]axeViolation](t, tb, `axe.run(document, {
		runOnly: {type: 'tag', values: `+axeTags+`},
		resultTypes: ['violations']
	}).then(r => r.violations.map(v => ({
		id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
		nodes: v.nodes.map(n => ({target: n.target.map(String), html: n.html, summary: n.failureSummary || ''}))
	})))`, chromedp.EvalAwaitPromise)
}

// TestAccessibility runs axe-core on a page of every kind, in the light
// and the dark colour scheme, and requires no WCAG 2.1 A or AA violation.
// Loading each page also checks that no request leaves the site, that no
// subresource fails and that no script throws.
func TestAccessibility(t *testing.T) {
	s := setup(t)
	t.Parallel()
	for _, cs := range []scheme{light, dark} {
		t.Run(string(cs), func(t *testing.T) {
			t.Parallel()
			tb := s.newTab(t, cs)
			for _, pc := range s.pages() {
				t.Run(pc.kind, func(t *testing.T) {
					if status := tb.visit(t, pc.path); status != pc.status {
						t.Fatalf("%s: HTTP %d, want %d", pc.path, status, pc.status)
					}
					for _, v := range tb.axe(t) {
						t.Errorf("%s (%s scheme): %s", pc.path, cs, v)
					}
					tb.check(t)
				})
			}
		})
	}
}

// TestSearch types into the search page's box and the header's combobox.
func TestSearch(t *testing.T) {
	s := setup(t)
	t.Parallel()

	// shown lists the links of the records the search page shows.
	const shown = `[...document.querySelectorAll('#search-all li')]
		.filter(li => !li.hidden && !li.closest('section').hidden)
		.map(li => li.querySelector('a').getAttribute('href'))`
	// firstInGroup is the first shown link of the group holding href.
	firstInGroup := func(href string) string {
		return fmt.Sprintf(`(() => {
			const a = document.querySelector('#search-all a[href=%q]');
			if (!a) return '';
			const li = [...a.closest('ul').children].find(li => !li.hidden);
			return li ? li.querySelector('a').getAttribute('href') : '';
		})()`, href)
	}

	t.Run("page", func(t *testing.T) {
		tb := s.newTab(t, light)
		tb.mustVisit(t, "/search/")
		for _, c := range []struct{ query, want, notWant string }{
			{"RRT", "/certifications/nbrc-rrt/", "/states/tx/"},
			{"Texas", "/states/tx/", "/certifications/nbrc-rrt/"},
		} {
			// chromedp.Clear empties the value attribute, not what the
			// reader typed.
			eval[chromedp.Void](t, tb, `document.getElementById('search-page-q').value = ''`)
			tb.do(t, "typing "+c.query, chromedp.SendKeys(chromedp.ID("search-page-q"), c.query))
			tb.waitFor(t, fmt.Sprintf("%q to show %s and hide %s", c.query, c.want, c.notWant), fmt.Sprintf(
				`(() => { const s = %s; return document.getElementById('search-status').textContent.includes(%q) && s.includes(%q) && !s.includes(%q) })()`,
				shown, c.query, c.want, c.notWant))
			if got := eval[string](t, tb, firstInGroup(c.want)); got != c.want {
				t.Errorf("%q: first result of its group is %s, want %s", c.query, got, c.want)
			}
			if got := eval[string](t, tb, `location.search`); got != "?q="+c.query {
				t.Errorf("%q: the address's query is %q, want ?q=%s", c.query, got, c.query)
			}
		}
		tb.check(t)
	})

	t.Run("deep link", func(t *testing.T) {
		tb := s.newTab(t, light)
		tb.mustVisit(t, "/search/?q=RRT")
		tb.waitFor(t, "/search/?q=RRT to filter", fmt.Sprintf(
			`(() => { const s = %s; return s.includes('/certifications/nbrc-rrt/') && !s.includes('/states/tx/') })()`, shown))
		if got := eval[string](t, tb, `document.getElementById('search-page-q').value`); got != "RRT" {
			t.Errorf("the search box holds %q, want RRT", got)
		}
		tb.check(t)
	})

	// The header's box is a combobox on every page: the arrow keys choose a
	// suggestion and Enter opens it.
	for _, c := range []struct{ query, want string }{
		{"RRT", "/certifications/nbrc-rrt/"},
		{"Texas", "/states/tx/"},
	} {
		t.Run("combobox "+c.query, func(t *testing.T) {
			tb := s.newTab(t, light)
			tb.mustVisit(t, "/")
			tb.do(t, "typing "+c.query, chromedp.SendKeys(chromedp.ID("site-search"), c.query))
			tb.waitFor(t, "suggestions", `(() => {
				const box = document.getElementById('site-search');
				const list = document.getElementById(box.getAttribute('aria-controls'));
				return box.getAttribute('aria-expanded') === 'true' && list && !list.hidden && list.querySelector('[role=option]');
			})()`)
			tb.do(t, "pressing ArrowDown", chromedp.KeyEvent(kb.ArrowDown))
			active := eval[string](t, tb, `(() => {
				const box = document.getElementById('site-search');
				const o = document.getElementById(box.getAttribute('aria-activedescendant'));
				return o && o.getAttribute('aria-selected') === 'true' && o === o.parentNode.firstElementChild ? o.textContent : '';
			})()`)
			if active == "" {
				t.Fatal("ArrowDown did not make the first suggestion the active descendant with aria-selected=true")
			}
			_, err := chromedp.Run(tb.ctx, chromedp.WaitEvent(page.LoadEventFired, nil, pressEnter))
			if err != nil {
				t.Fatalf("pressing Enter on %q: %v", active, err)
			}
			if got := eval[string](t, tb, `location.pathname`); got != c.want {
				t.Errorf("%q, ArrowDown, Enter opened %s (suggestion %q), want %s", c.query, got, active, c.want)
			}
			tb.check(t)
		})
	}
}

// TestSort sorts the licenses table of a specialty by its State column.
func TestSort(t *testing.T) {
	s := setup(t)
	t.Parallel()
	tb := s.newTab(t, light)
	tb.mustVisit(t, "/specialties/respiratory-care/")
	const table = `document.querySelector('section[aria-labelledby="licenses"] table.sortable')`
	tb.waitFor(t, "the sort buttons", table+`.tHead.querySelector('th button.sort')`)
	if got := eval[string](t, tb, table+`.tHead.rows[0].cells[0].textContent.trim()`); got != "State" {
		t.Fatalf("the licenses table's first column is %q, want State", got)
	}
	states := func() []string {
		return eval[[]string](t, tb, `[...`+table+`.tBodies[0].rows].map(r => r.cells[0].textContent.trim())`)
	}
	sorts := func() []string {
		return eval[[]string](t, tb, `[...`+table+`.tHead.rows[0].cells].map(th => th.getAttribute('aria-sort') || '')`)
	}
	click := func(want string) []string {
		t.Helper()
		tb.do(t, "clicking State", chromedp.Click(chromedp.JSPath(table+`.tHead.rows[0].cells[0].querySelector('button')`)))
		got := sorts()
		if got[0] != want {
			t.Errorf("after a click, the State heading has aria-sort=%q, want %q", got[0], want)
		}
		for i, v := range got[1:] {
			if v != "" {
				t.Errorf("column %d keeps aria-sort=%q", i+2, v)
			}
		}
		return states()
	}

	before := states()
	if len(before) < 3 {
		t.Fatalf("the table has %d rows; want a few to sort", len(before))
	}
	if got := sorts(); slices.ContainsFunc(got, func(s string) bool { return s != "" }) {
		t.Errorf("before any click, aria-sort is %q", got)
	}
	asc := click("ascending")
	if !slices.IsSortedFunc(asc, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) }) {
		t.Errorf("ascending order is not sorted: %q", asc)
	}
	desc := click("descending")
	if asc[0] == desc[0] {
		t.Errorf("the first row is %s in both orders", asc[0])
	}
	rev := slices.Clone(desc)
	slices.Reverse(rev)
	if !slices.Equal(asc, rev) {
		t.Errorf("descending order is not ascending reversed:\nascending  %q\ndescending %q", asc, desc)
	}
	if again := click("ascending"); !slices.Equal(again, asc) {
		t.Errorf("a third click gives %q, want the ascending order again", again)
	}
	// The buttons work from the keyboard as well.
	tb.do(t, "pressing Enter on State",
		chromedp.Focus(chromedp.JSPath(table+`.tHead.rows[0].cells[0].querySelector('button')`)),
		pressEnter)
	if got := sorts()[0]; got != "descending" {
		t.Errorf("Enter on the focused button gave aria-sort=%q, want descending", got)
	}
	tb.check(t)
}

// pressEnter presses Enter as a keyboard does: one keyDown event carrying
// the text, which the browser turns into a keypress only when the keydown
// is not cancelled, then keyUp. chromedp.KeyEvent(kb.Enter) sends the
// keypress as an event of its own, which submits a form even when the
// page's keydown handler cancelled it.
var pressEnter = chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
	for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeKeyDown, input.DispatchKeyEventTypeKeyUp} {
		p := input.DispatchKeyEventParams{Type: typ, Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 13, NativeVirtualKeyCode: 13}
		if typ == input.DispatchKeyEventTypeKeyDown {
			p.Text, p.UnmodifiedText = "\r", "\r"
		}
		if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, p); err != nil {
			return err
		}
	}
	return nil
})

// TestOnSite checks the test of a request's address that every tab makes.
func TestOnSite(t *testing.T) {
	for _, c := range []struct {
		url  string
		want bool
	}{
		{"http://127.0.0.1:4321/", true},
		{"http://127.0.0.1:4321/search/index.json", true},
		{"http://localhost:8080/x", true},
		{"http://[::1]:80/", true},
		{"data:image/svg+xml,<svg/>", true},
		{"blob:http://127.0.0.1:1/abc", true},
		{"about:blank", true},
		{"https://example.org/", false},
		{"http://10.0.0.1/", false},
		{"http://127.0.0.1.example.org/", false},
		{"//cdn.example/x.js", false},
		{"ftp://127.0.0.1/", false},
	} {
		if got := onSite(c.url); got != c.want {
			t.Errorf("onSite(%q) = %v, want %v", c.url, got, c.want)
		}
	}
}
