// Package diag carries the problems found in content and templates, each
// at its file, line and column, to the edge of the program, where it is
// printed as "path:line:col: message". A build collects every problem in a
// List rather than stopping at the first, so an editor sees all at once.
package diag

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Pos is a place in a file. Line and Col count from 1, Col in characters
// as editors do. A zero Line, the whole file, prints as 1:1 for tools that
// expect a line.
type Pos struct {
	Path string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.Path + ":1:1"
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.Path, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.Path, p.Line, p.Col)
}

// Error is one problem at one place.
type Error struct {
	Pos Pos
	Msg string
	// Warning marks a problem that does not fail the build.
	Warning bool
}

func (e *Error) Error() string {
	if e.Warning {
		return e.Pos.String() + ": warning: " + e.Msg
	}
	return e.Pos.String() + ": " + e.Msg
}

// Errorf returns an Error at pos.
func Errorf(pos Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// List collects problems. The zero value is ready; not for concurrent use.
type List struct {
	errs []*Error
}

// Add appends the problems.
func (l *List) Add(es ...*Error) { l.errs = append(l.errs, es...) }

// Addf appends a problem at pos.
func (l *List) Addf(pos Pos, format string, args ...any) {
	l.Add(Errorf(pos, format, args...))
}

// AddAll appends the problems of err (an Errors or *Error) and returns
// nil; any other error is returned for the caller to stop with.
func (l *List) AddAll(err error) error {
	es := AsList(err)
	if err != nil && es == nil {
		return err
	}
	l.Add(es...)
	return nil
}

// Merge appends every problem of m.
func (l *List) Merge(m *List) { l.errs = append(l.errs, m.errs...) }

// Len counts the problems, warnings included.
func (l *List) Len() int { return len(l.errs) }

// All returns the problems sorted by file, line and column.
func (l *List) All() []*Error {
	out := slices.Clone(l.errs)
	slices.SortStableFunc(out, func(a, b *Error) int {
		return cmp.Or(
			cmp.Compare(a.Pos.Path, b.Pos.Path),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			strings.Compare(a.Msg, b.Msg),
		)
	})
	return slices.CompactFunc(out, func(a, b *Error) bool { return *a == *b })
}

// Warnings returns the warnings, sorted.
func (l *List) Warnings() []*Error {
	return slices.DeleteFunc(l.All(), func(e *Error) bool { return !e.Warning })
}

// Err returns nil if no error (warnings aside) was collected, and otherwise
// every problem, warnings too, sorted: a failed build shows its warnings
// with its errors rather than hiding them until the errors are fixed.
func (l *List) Err() error {
	all := l.All()
	if !slices.ContainsFunc(all, func(e *Error) bool { return !e.Warning }) {
		return nil
	}
	return Errors(all)
}

// Count returns how many of es are errors and how many warnings.
func Count(es []*Error) (errs, warnings int) {
	for _, e := range es {
		if e.Warning {
			warnings++
		} else {
			errs++
		}
	}
	return errs, warnings
}

// Errors is the error a failed step returns: every problem it found.
type Errors []*Error

func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// AsList returns the problems of an Errors or *Error, or nil.
func AsList(err error) []*Error {
	var es Errors
	if errors.As(err, &es) {
		return es
	}
	var e *Error
	if errors.As(err, &e) {
		return []*Error{e}
	}
	return nil
}

// Lines maps byte offsets in a file's text to positions, safe for
// concurrent use. The table of line starts is made on first use: a file
// with no problem asks for no position.
type Lines struct {
	path  string
	src   []byte
	once  sync.Once
	start []int // byte offset of the start of each line
}

// NewLines returns the positions of src, the text of the file at path.
func NewLines(path string, src []byte) *Lines {
	return &Lines{path: path, src: src}
}

func (l *Lines) index() {
	l.start = make([]int, 1, 1+bytes.Count(l.src, newline))
	for i, c := range l.src {
		if c == '\n' {
			l.start = append(l.start, i+1)
		}
	}
}

var newline = []byte{'\n'}

// Path returns the file's path.
func (l *Lines) Path() string { return l.path }

// Offset returns the offset of line (from 1), or the text's length past it.
func (l *Lines) Offset(line int) int {
	l.once.Do(l.index)
	if line < 1 {
		return 0
	}
	if line > len(l.start) {
		return len(l.src)
	}
	return l.start[line-1]
}

// Pos returns the position of the byte at offset.
func (l *Lines) Pos(offset int) Pos {
	l.once.Do(l.index)
	offset = max(0, min(offset, len(l.src)))
	i, found := slices.BinarySearch(l.start, offset)
	if !found {
		i--
	}
	col := utf8.RuneCount(l.src[l.start[i]:offset]) + 1
	return Pos{Path: l.path, Line: i + 1, Col: col}
}
