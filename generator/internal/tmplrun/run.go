// Package tmplrun executes html/template templates faster than
// html/template does, with the same output.
//
// html/template stays the parser and the escaper: it parses the theme, and
// on the first execution of a template it works out the context of every
// action and adds the escaping functions to the template's tree. A Set
// lets html/template make that first execution of each template name,
// then compiles the escaped tree into Go closures and runs those for
// every later execution. The closures look each field and method up once
// per type rather than on every action, call the escaping functions
// directly rather than through reflection, and allocate little; a page's
// templates run several times faster. Methods are still called through
// reflection, unless their package registers them as Directs (direct.go):
// a method of no argument or one, given by its method expression, which
// the closures then call as Go code.
//
// What the closures do not cover, html/template still does, so nothing is
// lost: a template using a construct the compiler does not know (a
// function of a FuncMap, break and continue, range over a map or a
// number, a template called in a context that html/template makes a copy
// of it for) is executed by html/template every time; and an execution
// that meets anything unexpected while it runs (an error from a method,
// a nil pointer, a missing map key, a value of a type an escaper does not
// know) is thrown away and made again by html/template, which then
// reports its own error, with its own position. A template whose compiled
// executions fall back more often than not is left to html/template from
// then on. The escaping functions (escape.go) are held to html/template's
// own by tests that feed both the same values.
//
// A Set is for a template set without a FuncMap: the compiler takes every
// function name for html/template's.
package tmplrun

import (
	"bytes"
	"errors"
	"html/template"
	"io"
	"maps"
	"sync"
	"sync/atomic"
)

// Set executes the templates of one html/template set.
type Set struct {
	t *template.Template

	// ready holds each name's program once it is settled (a nil *program:
	// html/template runs it), read without a lock on every execution.
	ready sync.Map

	mu      sync.Mutex
	escaped map[string]bool // names html/template has executed without error
	// compiled holds the templates compiled so far, for calls between
	// templates (a template's program calls its callee's).
	compiled map[string]*tmplCode

	// Standard makes every execution html/template's, for tests that
	// compare the two.
	Standard bool

	fallbacks atomic.Int64
}

// program is a name's compiled template, with how often it has run and
// fallen back.
type program struct {
	code            *tmplCode
	runs, fallbacks atomic.Int64
}

// maxFallbacks is how many fallbacks a program may have before the rule
// that leaves a name to html/template when more than half of its
// executions fall back applies: an execution that falls back costs both.
const maxFallbacks = 8

// New returns a Set for t. t must not be changed afterwards.
func New(t *template.Template) *Set {
	return &Set{t: t, escaped: map[string]bool{}, compiled: map[string]*tmplCode{}}
}

// buffers hold the output of compiled executions until they finish, so an
// execution that falls back leaves nothing behind in a writer that cannot
// be cut back.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Execute writes the template name, executed on data, to w.
func (s *Set) Execute(w io.Writer, name string, data any) error {
	p := s.program(name)
	if p == nil {
		err := s.t.ExecuteTemplate(w, name, data)
		if err == nil {
			s.ran(name)
		}
		return err
	}
	p.runs.Add(1)
	// The output goes straight into a bytes.Buffer, which is cut back if
	// the execution falls back, and into a pooled one for any other w.
	b, direct := w.(*bytes.Buffer)
	if !direct {
		b = buffers.Get().(*bytes.Buffer)
		b.Reset()
	}
	start := b.Len()
	st := state{w: b}
	err := st.exec(p.code, dataValue(data))
	if direct {
		if err != nil {
			b.Truncate(start)
		}
	} else {
		if err == nil {
			_, err = w.Write(b.Bytes())
		}
		if b.Cap() <= 1<<20 {
			buffers.Put(b)
		}
	}
	if errors.Is(err, errFallback) {
		s.fallbacks.Add(1)
		if f := p.fallbacks.Add(1); f >= maxFallbacks && 2*f > p.runs.Load() {
			s.ready.Store(name, (*program)(nil))
		}
		return s.t.ExecuteTemplate(w, name, data)
	}
	return err
}

// program returns the compiled program of name, or nil while html/template
// is to run it: always when Standard is set or the template cannot be
// compiled, and until html/template has executed it once without an
// error, which leaves its tree (and those of the templates it calls)
// escaped.
func (s *Set) program(n string) *program {
	if s.Standard {
		return nil
	}
	if p, ok := s.ready.Load(n); ok {
		return p.(*program)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if p, ok := s.ready.Load(n); ok {
		return p.(*program)
	}
	if !s.escaped[n] {
		return nil
	}
	// The templates compiled on the way are kept only if all are.
	var p *program
	c := &compiler{set: s, compiled: maps.Clone(s.compiled)}
	if code, err := c.template(n); err == nil {
		p, s.compiled = &program{code: code}, c.compiled
	}
	s.ready.Store(n, p)
	return p
}

// ran records that html/template has executed name without an error.
func (s *Set) ran(n string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.escaped[n] = true
}

// Fallbacks is the number of compiled executions that have been thrown
// away and made again by html/template.
func (s *Set) Fallbacks() int64 { return s.fallbacks.Load() }

// Compiled reports whether name runs compiled: for tests, which check that
// the templates they mean to compare do.
func (s *Set) Compiled(n string) bool {
	p, _ := s.ready.Load(n)
	return p != nil && p.(*program) != nil
}
