// Package browsertest holds the browser tests of the shipped site: it builds
// the site from the repository's content, serves it on the loopback
// interface and drives Debian's Chromium through chromedp. The tests check
// every kind of page with axe-core (WCAG 2.1 A and AA, light and dark colour
// schemes), search as you type, sortable tables, that no request leaves the
// site, and take screenshots at phone and desktop widths.
//
// They need Chromium and the axe-core package of .ci/browser:
//
//	apt-get install chromium
//	npm ci --prefix .ci/browser
//
// Without them the tests are skipped, except when the environment variable
// CI is set, where they fail. LICENSURE_CHROMIUM names another browser
// binary; LICENSURE_SCREENSHOTS names a folder to keep the screenshots in,
// with README-ready pictures of the home and a specialty page.
//
// The package has no code of its own; everything is in its tests.
package browsertest
