package markdown

import "testing"

// TestHeadingLinks: every heading is followed by its "#" permalink, in a
// wrapper, the id as before; a heading whose id was refused has none.
func TestHeadingLinks(t *testing.T) {
	html, _ := convert(t, "barriers/x.en.md", "## 왜 문제인가\n\n## History {#history}\n\nText.\n\n## !!!\n")
	want := `<div class="heading"><h2 id="왜-문제인가">왜 문제인가</h2>` +
		`<a class="heading-link" href="#왜-문제인가" aria-labelledby="site-heading-link 왜-문제인가">#</a></div>
<div class="heading"><h2 id="history">History</h2>` +
		`<a class="heading-link" href="#history" aria-labelledby="site-heading-link history">#</a></div>
<p>Text.</p>
<h2>!!!</h2>
`
	if html != want {
		t.Errorf("got\n%s\nwant\n%s", html, want)
	}
}

// TestHeadingLinkEscaped: an id written by an editor is escaped where
// the permalink repeats it, as in the heading's own attribute.
func TestHeadingLinkEscaped(t *testing.T) {
	html, res := convert(t, "barriers/x.en.md", "## A {id=\"a<b>&c\"}\n")
	if len(res.Errs) > 0 {
		t.Fatalf("the id is refused: %s", errText(res))
	}
	want := `<div class="heading"><h2 id="a&lt;b&gt;&amp;c">A</h2><a class="heading-link" href="#a&lt;b&gt;&amp;c" aria-labelledby="site-heading-link a&lt;b&gt;&amp;c">#</a></div>` + "\n"
	if html != want {
		t.Errorf("got\n%s\nwant\n%s", html, want)
	}
}

// TestWithoutHeadingLinks: a body copied out of its page (a feed) keeps
// its headings and ids but loses every permalink, escaped ids included.
func TestWithoutHeadingLinks(t *testing.T) {
	html, _ := convert(t, "barriers/x.en.md", "## 왜 문제인가\n\n## A {id=\"a<b>&c\"}\n\nSee [#](#history).\n")
	got := WithoutHeadingLinks(html)
	want := `<div class="heading"><h2 id="왜-문제인가">왜 문제인가</h2></div>
<div class="heading"><h2 id="a&lt;b&gt;&amp;c">A</h2></div>
<p>See <a href="#history">#</a>.</p>
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
