package build

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"explainer/generator/internal/picture/picturetest"

	"golang.org/x/tools/txtar"
)

// A test site is testdata/base.txtar with one case's files on top, written
// into a temporary folder next to a copy of the repository's templates/.
//
// A case's comment may hold lines that change the files before the build:
//
//	rm PATH      remove a file of the base site
//	crlf PATH    turn the file's line endings into CRLF
//	bom PATH     put a UTF-8 byte order mark before the file's text
//	picture FORMAT PATH WxH
//	             write a picture file of W×H pixels in FORMAT (png, jpeg,
//	             webp or avif; see package picturetest), whatever the
//	             extension of PATH
//
// In file text, {xNN} stands for the byte with the hex value NN ({x00} for
// a zero byte), which a text fixture cannot show.
//
// Sections that are not files: "stderr" (the exact problems a build
// reports, one per line) and "contains PATH" (lines that must appear in the
// built file PATH, relative to the output folder; a line starting with "! "
// must not appear).

var byteRE = regexp.MustCompile(`\{x[0-9A-Fa-f]{2}\}`)

// writeSite writes the test site of the case archive ar (on top of
// testdata/base.txtar) into a new temporary folder and returns it.
func writeSite(t *testing.T, ar *txtar.Archive) string {
	t.Helper()
	base, err := txtar.ParseFile(filepath.Join("testdata", "base.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	return writeArchive(t, append(base.Files, ar.Files...), ar.Comment)
}

// writeWhole writes a case archive that is a whole site by itself, with
// no base site under it.
func writeWhole(t *testing.T, archive string) (string, *txtar.Archive) {
	t.Helper()
	ar, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	return writeArchive(t, ar.Files, ar.Comment), ar
}

// writeArchive writes files (sections left out) and the repository's
// templates (which files may override) into a new temporary folder, then
// applies the rm, crlf and bom lines of comment.
func writeArchive(t *testing.T, files []txtar.File, comment []byte) string {
	t.Helper()
	dir := t.TempDir()
	copyDir(t, filepath.Join("..", "..", "..", "templates"), filepath.Join(dir, "templates"))
	for _, f := range files {
		if f.Name == "stderr" || strings.HasPrefix(f.Name, "contains ") {
			continue
		}
		data := byteRE.ReplaceAllFunc(f.Data, func(m []byte) []byte {
			b, _ := hex.DecodeString(string(m[2:4]))
			return b
		})
		writeFile(t, filepath.Join(dir, f.Name), data)
	}
	for _, line := range strings.Split(string(comment), "\n") {
		verb, name, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok {
			continue
		}
		if verb == "picture" {
			writePicture(t, dir, name)
			continue
		}
		p := filepath.Join(dir, name)
		switch verb {
		case "rm":
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
		case "crlf", "bom":
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if verb == "crlf" {
				data = bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
			} else {
				data = append([]byte("\xEF\xBB\xBF"), data...)
			}
			writeFile(t, p, data)
		}
	}
	return dir
}

// writePicture writes the picture that args ("FORMAT PATH WxH") describe
// into dir.
func writePicture(t *testing.T, dir, args string) {
	t.Helper()
	var format, name string
	var w, h int
	if _, err := fmt.Sscanf(args, "%s %s %dx%d", &format, &name, &w, &h); err != nil {
		t.Fatalf("picture %s: %v", args, err)
	}
	var data []byte
	switch format {
	case "png":
		data = picturetest.PNG(w, h)
	case "jpeg":
		data = picturetest.JPEG(w, h)
	case "webp":
		data = picturetest.WebP(w, h)
	case "avif":
		data = picturetest.AVIF(w, h, false)
	default:
		t.Fatalf("picture %s: unknown format %q", args, format)
	}
	writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), data)
}

func writeFile(t *testing.T, p string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		writeFile(t, filepath.Join(to, rel), data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// section returns the text of the archive's section name, and whether
// there is one.
func section(ar *txtar.Archive, name string) (string, bool) {
	for _, f := range ar.Files {
		if f.Name == name {
			return string(f.Data), true
		}
	}
	return "", false
}

// cases returns the archives of testdata/<dir>/*.txtar by name.
func cases(t *testing.T, dir string) map[string]*txtar.Archive {
	t.Helper()
	names, err := filepath.Glob(filepath.Join("testdata", dir, "*.txtar"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no cases in testdata/%s: %v", dir, err)
	}
	out := make(map[string]*txtar.Archive)
	for _, n := range names {
		ar, err := txtar.ParseFile(n)
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimSuffix(filepath.Base(n), ".txtar")] = ar
	}
	return out
}

// checkContains checks the "contains PATH" sections of ar against the site
// built in out, and returns how many there were.
func checkContains(t *testing.T, out string, ar *txtar.Archive) int {
	t.Helper()
	checked := 0
	for _, f := range ar.Files {
		rel, ok := strings.CutPrefix(f.Name, "contains ")
		if !ok {
			continue
		}
		checked++
		page, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
		if err != nil {
			t.Error(err)
			continue
		}
		for _, line := range strings.Split(strings.TrimSpace(string(f.Data)), "\n") {
			if absent, ok := strings.CutPrefix(line, "! "); ok {
				if bytes.Contains(page, []byte(absent)) {
					t.Errorf("%s contains %q", rel, absent)
				}
			} else if !bytes.Contains(page, []byte(line)) {
				t.Errorf("%s does not contain %q", rel, line)
			}
		}
	}
	return checked
}
