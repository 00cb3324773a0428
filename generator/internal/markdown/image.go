package markdown

import (
	"bytes"
	"cmp"
	"path"
	"strconv"
	"strings"

	"explainer/generator/internal/diag"

	"github.com/yuin/goldmark/ast"
)

// PictureDir is the folder of the content folder that holds the picture
// files pages show.
const PictureDir = "pictures"

// Picture is a picture file as a page shows it.
type Picture struct {
	// URL is its address, root-relative (/base/assets/pictures/x.0123456789.png).
	URL           string
	Width, Height int
}

// image checks a markdown image, ![alt](../pictures/x.png), and makes it
// show the picture file: its address becomes the published file's, and it
// gains the picture's width and height (so the text does not move when it
// arrives), loading="lazy" and decoding="async". A picture must be a file
// of the content folder's pictures/ folder, with alt text: one from
// another site would break the pages' promise to load nothing from
// elsewhere (and their Content-Security-Policy, img-src 'self'). Every
// problem is an error at the image's "!".
func (st *state) image(n *ast.Image, src []byte) {
	p := st.page
	pos := imagePos(n, src, p.Lines)
	written := string(n.Destination)
	n.Destination = nil // unless the picture is found
	example := "../" + PictureDir + "/name.png"
	if path.Dir(p.Name) == "." {
		example = PictureDir + "/name.png"
	}
	hasAlt := strings.TrimSpace(altText(n, src)) != ""
	if !hasAlt {
		st.errorf(pos, "picture %q has no alt text: say what it shows between the brackets, ![what it shows](%s), in the page's language", written, cmp.Or(written, example))
	}
	switch dest := rendered(written); {
	case dest == "":
		st.errorf(pos, "picture has no file: write its file name between the parentheses, as in ![what it shows](%s)", example)
		return
	case badScheme(dest) != "":
		st.errorf(pos, "image address scheme %q is not allowed; a picture is a file of the content folder's %s/ folder, such as %s", badScheme(dest), PictureDir, example)
		return
	case isExternal(dest):
		st.errorf(pos, "picture %q is on another site, and pages load nothing from other sites; save the file in %s and write its path, such as %s", written, st.shownPictureDir(), example)
		return
	case strings.HasPrefix(dest, "/"):
		st.errorf(pos, "picture %q: write the file's path from this page's file, such as %s", written, example)
		return
	}
	file, _, _ := strings.Cut(written, "#")
	file, _, _ = strings.Cut(file, "?")
	name := path.Join(path.Dir(p.Name), unescape(rendered(file)))
	switch {
	case name == ".." || strings.HasPrefix(name, "../"):
		st.errorf(pos, "picture %q is outside the content folder; put the file in %s", written, st.shownPictureDir())
		return
	case !strings.HasPrefix(name, PictureDir+"/"):
		st.errorf(pos, "picture %q is not in the %s/ folder; put the file in %s and write %s", written, PictureDir, st.shownPictureDir(), strings.Replace(example, "name.png", path.Base(name), 1))
		return
	case p.Picture == nil:
		st.errorf(pos, "picture %q: this text cannot show pictures", written)
		return
	}
	pic, err := p.Picture(name)
	if err != nil {
		st.errorf(pos, "picture %q: %v", written, err)
		return
	}
	if !hasAlt {
		return // the build fails; the page shows no picture meanwhile
	}
	n.Destination = []byte(pic.URL)
	n.SetAttributeString("width", []byte(strconv.Itoa(pic.Width)))
	n.SetAttributeString("height", []byte(strconv.Itoa(pic.Height)))
	n.SetAttributeString("loading", []byte("lazy"))
	n.SetAttributeString("decoding", []byte("async"))
}

// shownPictureDir is the pictures folder as messages show it, with the
// content folder's path (content/pictures/).
func (st *state) shownPictureDir() string {
	dir := strings.TrimSuffix(st.page.Lines.Path(), st.page.Name)
	return dir + PictureDir + "/"
}

// altText is the text goldmark writes into an image's alt attribute: the
// text of everything between the brackets, without its markup.
func altText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// imagePos is where an image starts, at its "!". goldmark keeps no
// position for an image, and one with empty brackets has no text to take
// it from: it is the first "![" after the end of the text before it (in
// its parent, or before its parent, as for an image inside a link), or
// after the start of its paragraph.
func imagePos(n ast.Node, src []byte, lines *diag.Lines) diag.Pos {
	from := -1
	var block ast.Node
	for c := n; c != nil && block == nil && from < 0; c = c.Parent() {
		for prev := c.PreviousSibling(); prev != nil && from < 0; prev = prev.PreviousSibling() {
			from = lastStop(prev)
		}
		if p := c.Parent(); p != nil && p.Type() == ast.TypeBlock {
			block = p
		}
	}
	for ; block != nil && block.Lines().Len() == 0; block = block.Parent() {
	}
	if from < 0 && block != nil {
		from = block.Lines().At(0).Start
	}
	if from >= 0 && from <= len(src) {
		if i := bytes.Index(src[from:], []byte("![")); i >= 0 {
			from += i
		}
		return lines.Pos(from)
	}
	return diag.Pos{Path: lines.Path(), Line: 1, Col: 1}
}

// lastStop is the end of the last text in n, or -1 if it has none.
func lastStop(n ast.Node) int {
	stop := -1
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			stop = max(stop, t.Segment.Stop)
		case *ast.RawHTML:
			if k := t.Segments.Len(); k > 0 {
				stop = max(stop, t.Segments.At(k-1).Stop)
			}
		}
		return ast.WalkContinue, nil
	})
	return stop
}
