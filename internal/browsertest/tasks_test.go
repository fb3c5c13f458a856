package browsertest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/licensure/licensure/internal/model"
)

// The tasks of the public, each carried out from the home page in at most
// two steps (a step is a click, or a form filled in and sent), as a person
// would, asserting the answer the page then shows. They run on the shipped
// content, so they also fail when a fact they need goes missing from it.

// follow clicks the element sel selects and waits for the page it opens.
func (tb *tab) follow(t *testing.T, what string, sel chromedp.JSPath) {
	t.Helper()
	if _, err := chromedp.Run(tb.ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(sel))); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// linkTo selects the first link whose text is text, inside scope.
func linkTo(scope, text string) chromedp.JSPath {
	return chromedp.JSPath(fmt.Sprintf(`[...document.querySelectorAll(%q)].find(a => a.textContent.trim() === %q)`, scope+" a", text))
}

// moveFrom fills in the home page's moving form and sends it: one step.
func (tb *tab) moveFrom(t *testing.T, specialty, from, to string) {
	t.Helper()
	eval[bool](t, tb, fmt.Sprintf(`(() => {
		const f = document.querySelector('form.move-form');
		f.elements.specialty.value = %q; f.elements.from.value = %q; f.elements.to.value = %q;
		return true })()`, specialty, from, to))
	tb.follow(t, "sending the moving form", `document.querySelector('form.move-form button[type=submit]')`)
}

// compareCell is the text of the visible cell of a compare row for a
// state: the cell under the head of the state's column.
func compareCell(row, state string) string {
	return fmt.Sprintf(`(() => {
		const head = document.querySelector('#compare thead th[data-state=%q]');
		const c = head && document.querySelector('#row-%s').cells[head.cellIndex];
		return c && !c.hidden ? c.textContent.trim() : '' })()`, state, row)
}

func TestMoverTasks(t *testing.T) {
	s := setup(t)
	t.Parallel()

	t.Run("an Ohio respiratory therapist moving to Texas", func(t *testing.T) {
		tb := s.newTab(t, light)
		tb.mustVisit(t, "/")
		tb.moveFrom(t, "respiratory-care", "oh", "tx")
		if got := eval[string](t, tb, `location.pathname + location.search`); !strings.HasPrefix(got, "/specialties/respiratory-care/compare/?states=oh%2Ctx") && !strings.HasPrefix(got, "/specialties/respiratory-care/compare/?states=oh,tx") {
			t.Fatalf("the form led to %s", got)
		}
		shown := eval[[]string](t, tb, `[...document.querySelectorAll('#compare thead th[data-state]')].filter(th => !th.hidden).map(th => th.dataset.state)`)
		if strings.Join(shown, ",") != "oh,tx" {
			t.Errorf("the compare table shows %q, want Ohio and Texas only", shown)
		}
		if got := eval[string](t, tb, `document.querySelector('#compare thead th[data-state=tx] a').getAttribute('href')`); got != "/licenses/tx-respiratory-care-practitioner/" {
			t.Errorf("the Texas column links to %q", got)
		}
		for _, c := range []struct{ row, want string }{
			{"board_name", "Texas Medical Board"},
			{"fee_renewal", "$"},
			{"endorsement", ""},
			{"temporary_permit", ""},
			{"compacts", "Respiratory Care Interstate Compact"},
		} {
			got := eval[string](t, tb, compareCell(c.row, "tx"))
			if got == "" || got == "—" || !strings.Contains(got, c.want) {
				t.Errorf("Texas, %s: %q, want a fact containing %q", c.row, got, c.want)
			}
		}
		// Texas's application fee is the one fact of this task no source
		// reached documents: its row must say so rather than be missing.
		for _, row := range []string{"fee_application", "fee_initial"} {
			if got := eval[string](t, tb, compareCell(row, "tx")); got != "—" && !strings.HasPrefix(got, "$") {
				t.Errorf("Texas, %s: %q, want an amount or the not-documented mark", row, got)
			}
		}
		if got := eval[string](t, tb, compareCell("fee_application", "oh")); !strings.HasPrefix(got, "$") {
			t.Errorf("Ohio, application fee: %q, want an amount", got)
		}
		if got := eval[string](t, tb, compareCell("compacts", "oh")); !strings.Contains(got, "Respiratory Care Interstate Compact") {
			t.Errorf("Ohio's compact standing: %q", got)
		}
		tb.check(t)
	})

	t.Run("which states license perfusionists, as a spreadsheet too", func(t *testing.T) {
		tb := s.newTab(t, light)
		tb.mustVisit(t, "/")
		tb.follow(t, "opening Perfusion", linkTo(".cards", "Perfusion"))
		licensed := eval[[]string](t, tb, `[...document.querySelectorAll('table.coverage tbody tr')].filter(tr => tr.querySelector('.badge.licensed')).map(tr => tr.cells[0].textContent.trim())`)
		if len(licensed) < 15 {
			t.Fatalf("%d states marked as issuing a credential, want at least 15", len(licensed))
		}
		csv := eval[string](t, tb, `(async () => { const a = [...document.querySelectorAll('a')].find(a => a.getAttribute('href') === location.pathname + 'licenses.csv'); return a ? await (await fetch(a.href)).text() : '' })()`,
			chromedp.EvalAwaitPromise)
		if csv == "" {
			t.Fatal("no link to the specialty's licenses.csv")
		}
		for _, st := range licensed {
			if !strings.Contains(csv, ","+st+",") {
				t.Errorf("%s is licensed on the page but not in licenses.csv", st)
			}
		}
		tb.check(t)
	})

	t.Run("does California credential dialysis technicians, and with which certifications", func(t *testing.T) {
		tb := s.newTab(t, light)
		tb.mustVisit(t, "/")
		tb.follow(t, "opening California on the map", `document.querySelector('#map-national a[href="/states/ca/"]')`)
		tb.follow(t, "opening its dialysis credential", `[...document.querySelectorAll('#licenses + ul li')].find(li => li.textContent.includes('Dialysis')).querySelector('a')`)
		if got := eval[string](t, tb, `document.querySelector('.kicker').textContent`); !strings.Contains(got, "California") || !strings.Contains(got, "Dialysis") {
			t.Errorf("the page's kicker says %q", got)
		}
		certs := eval[[]string](t, tb, `[...document.querySelectorAll('.cert-roles li')].map(li => li.textContent.replace(/\s+/g, ' ').trim())`)
		if len(certs) == 0 {
			t.Fatal("the license names no certification")
		}
		for _, c := range certs {
			if !showsRole(c) {
				t.Errorf("certification %q shows no role", c)
			}
		}
		tb.check(t)
	})

	t.Run("Ohio and Texas respiratory care side by side", func(t *testing.T) {
		tb := s.newTab(t, dark)
		tb.mustVisit(t, "/")
		tb.moveFrom(t, "respiratory-care", "oh", "tx")
		tb.waitFor(t, "the picker to show two states", `document.getElementById('picker-status').textContent.includes('2 states')`)
		// Adding a third state in the picker updates the table and the address.
		tb.do(t, "opening the picker", chromedp.Click(chromedp.JSPath(`document.querySelector('#state-picker summary')`)))
		tb.do(t, "ticking California", chromedp.Click(chromedp.JSPath(`document.querySelector('#state-picker input[value=ca]')`)))
		if got := eval[string](t, tb, `document.getElementById('picker-status').textContent`); !strings.Contains(got, "California") || !strings.Contains(got, "3 states") {
			t.Errorf("the picker says %q after ticking California", got)
		}
		if got := eval[string](t, tb, `new URLSearchParams(location.search).get('states')`); got != "oh,tx,ca" && got != "ca,oh,tx" {
			t.Errorf("the address records %q", got)
		}
		if n := eval[int](t, tb, `[...document.querySelectorAll('#compare thead th[data-state]')].filter(th => !th.hidden).length`); n < 3 {
			t.Errorf("%d columns shown after ticking California", n)
		}
		tb.check(t)
	})

	t.Run("which states require or accept the NBRC RRT", func(t *testing.T) {
		tb := s.newTab(t, light)
		tb.mustVisit(t, "/")
		tb.follow(t, "opening the certifications index", linkTo(".site-header", "Certifications"))
		tb.follow(t, "opening the RRT", `document.querySelector('a[href="/certifications/nbrc-rrt/"]')`)
		rows := eval[[]string](t, tb, `[...document.querySelectorAll('#licenses + ul li')].map(li => li.textContent.replace(/\s+/g, ' ').trim())`)
		if len(rows) < 20 {
			t.Fatalf("%d licenses name the RRT, want at least 20", len(rows))
		}
		for _, r := range rows {
			if !showsRole(r) {
				t.Errorf("%q shows no role", r)
			}
		}
		tb.check(t)
	})

	t.Run("which states have enacted the Respiratory Care Interstate Compact", func(t *testing.T) {
		tb := s.newTab(t, light)
		tb.mustVisit(t, "/")
		tb.follow(t, "opening the compact", `document.querySelector('#compacts + ul a')`)
		if got := eval[string](t, tb, `document.querySelector('h1').textContent`); !strings.Contains(got, "Respiratory Care Interstate Compact") {
			t.Fatalf("opened %q", got)
		}
		enacted := eval[[]string](t, tb, `[...document.querySelectorAll('#members ~ .table-scroll tbody tr')].filter(tr => tr.cells[1].textContent.includes('Enacted')).map(tr => tr.cells[0].textContent.trim())`)
		if len(enacted) == 0 {
			t.Fatal("no state shown as having enacted the compact")
		}
		tiles := eval[int](t, tb, `document.querySelectorAll('#map-compact .standing-enacted').length`)
		if tiles != len(enacted) {
			t.Errorf("the map marks %d states as enacted, the table %d", tiles, len(enacted))
		}
		tb.check(t)
	})
}

// showsRole reports whether text names a certification's role in a
// license, in the model's words for it.
func showsRole(text string) bool {
	for _, role := range model.CertRoles() {
		if strings.Contains(text, model.CertRoleLabel(role)) {
			return true
		}
	}
	return false
}
