package content

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"

	"explainer/generator/internal/diag"
)

// The limits on one file: far above what a page needs (a long entry is
// 50 KiB), and low enough that no file makes a build slow or hungry. The
// parsers' time grows faster than the input with nesting and some unclosed
// constructs, hence the bounds on depth and paragraphs; README.md
// ("Security") gives the worst cases measured.
const (
	// MaxFileSize is the largest file read from the content folder.
	MaxFileSize = 1 << 20
	// MaxParagraph bounds a run of markdown lines without a blank line
	// (fenced code aside): some take time in its square.
	MaxParagraph = 8 << 10
	// MaxYAMLSize is the largest front matter block or YAML file.
	MaxYAMLSize = 256 << 10
	// MaxYAMLDepth is how deep [lists] and {mappings} may nest in YAML.
	MaxYAMLDepth = 32
	// MaxBlockDepth is how many block quotes and list items one line of
	// markdown may open (> - > 1. ...).
	MaxBlockDepth = 32
	// MaxIndent is the widest indentation of a markdown line, in columns.
	MaxIndent = 256
)

// readLimited reads a file of at most MaxFileSize bytes into buf (nil for a
// new one); a larger one is an error at shown.
func readLimited(fsys fs.FS, name, shown string, buf *bytes.Buffer) ([]byte, *diag.Error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, diag.Errorf(diag.Pos{Path: shown}, "cannot read: %v", unwrapPathError(err))
	}
	defer f.Close()
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	buf.Reset()
	// Sized from the file's size, as os.ReadFile does.
	if st, err := f.Stat(); err == nil && st.Size() <= MaxFileSize {
		buf.Grow(int(st.Size()) + bytes.MinRead)
	}
	_, err = buf.ReadFrom(io.LimitReader(f, MaxFileSize+1))
	b := buf.Bytes()
	if err != nil {
		return nil, diag.Errorf(diag.Pos{Path: shown}, "cannot read: %v", unwrapPathError(err))
	}
	if len(b) > MaxFileSize {
		size := fmt.Sprintf("more than %s", mib(MaxFileSize))
		if st, err := f.Stat(); err == nil {
			size = mib(st.Size())
		}
		return nil, diag.Errorf(diag.Pos{Path: shown}, "file is %s; the limit is %s per file: split it into smaller pages", size, mib(MaxFileSize))
	}
	return b, nil
}

func mib(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

// checkYAMLSize reports YAML text too large, or nesting [ and { too deep
// (outside quotes and comments), at the first bracket too deep.
func (d *yamlDoc) checkYAMLSize(src []byte) bool {
	if len(src) > MaxYAMLSize {
		d.errs.Addf(diag.Pos{Path: d.path, Line: d.line + 1, Col: 1}, "YAML block is %s; the limit is %s", mib(int64(len(src))), mib(MaxYAMLSize))
		return false
	}
	// Only [ and { open a level: text with no more of them than the limit
	// (front matter has one flow list or none) cannot pass it.
	if bytes.Count(src, []byte("["))+bytes.Count(src, []byte("{")) <= MaxYAMLDepth {
		return true
	}
	depth, line, col := 0, 1, 0
	var quote byte
	comment := false
	for i, c := range src {
		col++
		switch {
		case c == '\n':
			line, col, comment = line+1, 0, false
			if quote == '\'' || quote == '"' {
				continue // quoted scalars may span lines
			}
		case comment:
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '#' && (col == 1 || src[i-1] == ' ' || src[i-1] == '\t'):
			comment = true
		case c == '"' || c == '\'':
			quote = c
		case c == '[' || c == '{':
			depth++
			if depth > MaxYAMLDepth {
				d.errs.Addf(d.tokenPos(line, col), "YAML nests lists and mappings more than %d deep", MaxYAMLDepth)
				return false
			}
		case c == ']' || c == '}':
			depth = max(0, depth-1)
		}
	}
	return true
}

// checkBody reports the first markdown line beyond MaxBlockDepth,
// MaxIndent or MaxParagraph; fenced code is not parsed, so exempt.
func checkBody(src []byte, lines *diag.Lines) *diag.Error {
	var fence []byte // the open code fence, if any
	para := 0        // bytes of the paragraph so far
	next := 0        // the offset of the next line
	for line := range bytes.Lines(src) {
		pos := next
		next += len(line)
		line = bytes.TrimSuffix(line, []byte("\n"))
		if f := FenceOf(line); f != nil && (fence == nil || bytes.HasPrefix(f, fence) && len(bytes.TrimSpace(line)) == len(f)) {
			if fence == nil {
				fence = f
			} else {
				fence = nil
			}
			para = 0
			continue
		}
		if fence != nil {
			continue
		}
		if len(bytes.TrimSpace(line)) == 0 {
			para = 0
			continue
		}
		para += len(line) + 1
		depth, indent := lineNesting(line)
		switch {
		case depth > MaxBlockDepth:
			return diag.Errorf(lines.Pos(pos), "this line nests block quotes and lists %d deep; the limit is %d", depth, MaxBlockDepth)
		case indent > MaxIndent:
			return diag.Errorf(lines.Pos(pos), "this line is indented %d columns; the limit is %d", indent, MaxIndent)
		case para > MaxParagraph:
			return diag.Errorf(lines.Pos(pos), "this paragraph (or table) is more than %s without a blank line; the limit is %s: break it up", mib(MaxParagraph), mib(MaxParagraph))
		}
	}
	return nil
}

// FenceOf returns the run of ` or ~ (three or more, indented three spaces
// at most) that opens or closes fenced code in line, or nil.
func FenceOf(line []byte) []byte {
	t := bytes.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return nil
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 {
		return nil
	}
	return t[:n]
}

// lineNesting counts the container markers (>, -, *, +, 1.) at the start of
// a line, and the widest run of indentation among them.
func lineNesting(line []byte) (depth, indent int) {
	i, width := 0, 0
	for i < len(line) {
		switch c := line[i]; {
		case c == ' ':
			width++
			i++
		case c == '\t':
			width += 4
			i++
		case c == '>':
			depth, width = depth+1, 0
			i++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
			depth, width = depth+1, 0
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 10 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j+1 < len(line) && (line[j] == '.' || line[j] == ')') && (line[j+1] == ' ' || line[j+1] == '\t') {
				depth, width, i = depth+1, 0, j+1
				continue
			}
			return depth, max(indent, width)
		default:
			return depth, max(indent, width)
		}
		indent = max(indent, width)
	}
	return depth, indent
}
