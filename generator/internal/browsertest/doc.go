// Package browsertest checks the built site as readers get it: in Chromium,
// driven headless with chromedp, against the site served on a loopback
// address under a sub-path (/explainer/), as GitHub Pages serves a project
// site. It has no code of its own outside its tests.
//
// The tests build the site for real, with the real templates. The content
// is, in order: the folder named by -content or EXPLAINER_CONTENT; the
// repository's content/ when it has the home page in every language; else
// the small bilingual set in testdata/site.txtar.
//
// What they check:
//
//   - budgets (no browser needed): page, CSS and JS sizes, no inline script,
//     event-handler or style attribute, no request to another host, hashed
//     asset names (budget_test.go); every page points at its language's
//     search index and draws its figures as charts (built_test.go);
//   - every page, loaded once for all of these: no wider than 320px; no
//     console errors or failed requests; axe-core finds no accessibility
//     violation in the light and the dark theme; its link-preview picture
//     decodes at 1200×630; its footnotes lead there and back; its language
//     switcher lands on the counterpart page; and, from what the pages
//     showed, previous and next follow the barrier index
//     (everypage_test.go);
//   - Tab reaches every link with a visible focus, the skip link works
//     (navigation_test.go);
//   - the reader's conveniences: the language switch keeps the #anchor
//     both ways, the menu marks the section of barrier and sector pages,
//     a heading's "#" shows on focus and its copy button puts the address
//     with the anchor in the clipboard and confirms it (reader_test.go);
//   - search finds pages in English and Korean with the same results as
//     the Go reference: a Korean word with a particle as without it, a
//     compound with and without its space, an editor's synonym, a glossary
//     term at its #anchor; the keyboard (/, arrows, Enter, Escape), the
//     counts in words, axe with the results open, and the search page
//     without JavaScript (search_test.go);
//   - with $EXPLAINER_SCREENSHOTS set (make screenshots), screenshots at
//     375px and 1280px in both languages, written to testdata/screenshots/
//     at the repository root for review (screenshot_test.go).
//
// One Chromium serves every test. The browser tests run in parallel, each
// in tabs of its own, two a core unless -parallel says otherwise: they
// mostly wait for Chromium. TestEveryPage deals the pages out to several
// tabs (eachPage). A page is narrowed or widened in place rather than
// loaded again: the site's scripts never look at the window's width. axe-core
// is served from the test server and cached, so that Chromium compiles it
// once, not on every page.
//
// Chromium is looked for as $CHROMIUM, then chromium-headless-shell (the
// same Blink without the browser's interface, the lightest), chromium,
// chromium-browser and google-chrome on the PATH; axe-core as
// $AXE_CORE_JS, then node_modules/axe-core/axe.min.js in this folder
// (.ci/run installs both).
// Without them the browser tests skip, saying why, unless CI is set: there
// a missing browser or axe-core fails the run.
package browsertest
