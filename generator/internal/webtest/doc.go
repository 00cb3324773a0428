// Package webtest holds the tests that look at a built site the way the web
// does: served over real HTTP under a project subpath (/REPO/, as GitHub
// Pages serves a project site) and at a domain root, crawled link by link;
// its sitemap, feeds and JSON-LD checked against the pages; every page run
// through an HTML validator; and the deployment workflow checked.
//
// The tests build the real templates with a small fixture content set in
// both languages (testdata/site.txtar), and again, as a second subtest,
// with the real content folder once it holds the site's text
// (content/summary.en.md exists), or with any folder given as -content:
//
//	go test ./generator/internal/webtest -content /path/to/content
//
// The HTML validator is the npm package html-validate, which .ci/run
// installs into .ci/node_modules. Without it the validator test is skipped,
// except when the environment variable CI is set, where it fails.
package webtest
