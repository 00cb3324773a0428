package tmplrun

import (
	"bytes"
	"errors"
	"reflect"
	"sync/atomic"
	"text/template/parse"
)

// errFallback ends a compiled execution that met something it leaves to
// html/template, which then makes the whole output again.
var errFallback = errors.New("left to html/template")

// maxDepth bounds nested template calls; text/template reports an error
// past a depth of its own (100,000), so deeper calls are left to it.
const maxDepth = 10000

// state is one execution: the output and the frames of the templates
// running, one after another in stack.
type state struct {
	w     *bytes.Buffer
	vars  []reflect.Value // the running template's frame
	stack []reflect.Value
	depth int
}

// dataValue is the value data is executed on, as text/template takes it.
func dataValue(data any) reflect.Value {
	if v, ok := data.(reflect.Value); ok {
		return v
	}
	return reflect.ValueOf(data)
}

// exec runs code on dot; a panic, from a method or from reflect, falls
// back to html/template, which reports it as an error.
func (s *state) exec(code *tmplCode, dot reflect.Value) (err error) {
	defer func() {
		if recover() != nil {
			err = errFallback
		}
	}()
	return s.run(code, dot)
}

// run runs code in a frame of its own, with dot as both "." and "$".
func (s *state) run(code *tmplCode, dot reflect.Value) error {
	if s.depth >= maxDepth {
		return errFallback
	}
	s.depth++
	saved, base := s.vars, len(s.stack)
	for range code.slots {
		s.stack = append(s.stack, reflect.Value{})
	}
	s.vars = s.stack[base : base+code.slots : base+code.slots]
	s.vars[0] = dot
	err := code.body(s, dot)
	clear(s.stack[base:])
	s.stack, s.vars = s.stack[:base], saved
	s.depth--
	return err
}

// A field is one name of a chain (.Entry.Meta.Title): a method, a struct
// field or a map key, worked out for the type it meets and kept for the
// next value of that type.
type field struct {
	name string
	last atomic.Pointer[lookup]
}

// lookup is what a field's name is in one type.
type lookup struct {
	typ  reflect.Type
	addr bool // the value was addressable: its pointer's methods count
	kind lookupKind

	index   []int          // a struct field's
	method  int            // a method's index in the method set
	onPtr   bool           // the method is called on the value's address
	in      []reflect.Type // a method's parameters
	varargs bool
	errOut  bool // the method returns an error after its value
	direct  *Direct
	key     reflect.Value
}

type lookupKind int

const (
	unknown lookupKind = iota // left to html/template
	methodKind
	fieldKind
	mapKind
)

var (
	errorType        = reflect.TypeFor[error]()
	reflectValueType = reflect.TypeFor[reflect.Value]()
)

// look works out what f's name is in values of type typ.
func (f *field) look(typ reflect.Type, addr bool) *lookup {
	l := &lookup{typ: typ, addr: addr}
	ptr := typ
	if typ.Kind() != reflect.Interface && typ.Kind() != reflect.Pointer && addr {
		ptr = reflect.PointerTo(typ)
		l.onPtr = true
	}
	if m, ok := ptr.MethodByName(f.name); ok {
		ft := m.Type // with the receiver first
		switch {
		case ft.NumOut() == 1:
		case ft.NumOut() == 2 && ft.Out(1) == errorType:
			l.errOut = true
		default:
			return l
		}
		l.kind, l.method, l.varargs = methodKind, m.Index, ft.IsVariadic()
		l.direct = directOf(ptr, f.name)
		for i := 1; i < ft.NumIn(); i++ {
			l.in = append(l.in, ft.In(i))
		}
		return l
	}
	switch typ.Kind() {
	case reflect.Struct:
		if sf, ok := typ.FieldByName(f.name); ok && sf.IsExported() {
			l.kind, l.index = fieldKind, sf.Index
		}
	case reflect.Map:
		if k := reflect.ValueOf(f.name); k.Type().AssignableTo(typ.Key()) {
			l.kind, l.key = mapKind, k
		}
	}
	return l
}

// arg is a compiled argument: its expression, and for a constant its
// value (text/template converts a constant to the parameter's type, and
// any other value only if it is assignable).
type arg struct {
	e     expr
	konst reflect.Value
}

// eval is f of recv, with args and final if it is a method.
func (f *field) eval(s *state, dot, recv reflect.Value, args []arg, final reflect.Value) (reflect.Value, error) {
	r, isNil := indirect(recv)
	if !recv.IsValid() || isNil {
		return reflect.Value{}, errFallback
	}
	addr := r.CanAddr()
	l := f.last.Load()
	if l == nil || l.typ != r.Type() || l.addr != addr {
		l = f.look(r.Type(), addr)
		f.last.Store(l)
	}
	switch l.kind {
	case methodKind:
		if l.onPtr {
			r = r.Addr()
		}
		return s.call(r, l, dot, args, final)
	case fieldKind:
		if len(args) > 0 || final.IsValid() {
			return reflect.Value{}, errFallback
		}
		v, err := r.FieldByIndexErr(l.index)
		if err != nil {
			return reflect.Value{}, errFallback
		}
		return v, nil
	case mapKind:
		if len(args) > 0 || final.IsValid() {
			return reflect.Value{}, errFallback
		}
		if v := r.MapIndex(l.key); v.IsValid() {
			return v, nil
		}
	}
	return reflect.Value{}, errFallback
}

// call calls the method of r that l describes, with args and final.
func (s *state) call(r reflect.Value, l *lookup, dot reflect.Value, args []arg, final reflect.Value) (reflect.Value, error) {
	n := len(args)
	if final.IsValid() {
		n++
	}
	fixed := len(l.in)
	if l.varargs {
		fixed--
		if n < fixed {
			return reflect.Value{}, errFallback
		}
	} else if n != fixed {
		return reflect.Value{}, errFallback
	}
	param := func(i int) reflect.Type {
		if l.varargs && i >= fixed {
			return l.in[len(l.in)-1].Elem()
		}
		return l.in[i]
	}
	var in directArgs
	for i, a := range args {
		v, err := s.argument(a, dot, param(i))
		if err != nil {
			return v, err
		}
		in.add(v)
	}
	if final.IsValid() {
		v, ok := assign(final, param(n-1))
		if !ok {
			return reflect.Value{}, errFallback
		}
		in.add(v)
	}
	var v reflect.Value
	if d := l.direct; d != nil && d.takes(in.n) {
		var err error
		if v, err = d.call(r, in); err != nil {
			return reflect.Value{}, errFallback
		}
	} else {
		out := r.Method(l.method).Call(in.all())
		if l.errOut && !out[1].IsNil() {
			return reflect.Value{}, errFallback
		}
		v = out[0]
	}
	if v.Type() == reflectValueType {
		v = v.Interface().(reflect.Value)
	}
	return v, nil
}

// argument evaluates a as a value of type t.
func (s *state) argument(a arg, dot reflect.Value, t reflect.Type) (reflect.Value, error) {
	if k := a.konst; k.IsValid() {
		switch {
		case k.Type() == t:
			return k, nil
		case t.Kind() == reflect.Interface && t.NumMethod() == 0:
			return k, nil
		case k.Kind() == reflect.String && t.Kind() == reflect.String,
			k.Kind() == reflect.Int && isInt(t.Kind()),
			k.Kind() == reflect.Bool && t.Kind() == reflect.Bool:
			return k.Convert(t), nil
		}
		return reflect.Value{}, errFallback
	}
	v, err := a.e(s, dot, reflect.Value{})
	if err != nil {
		return v, err
	}
	v, ok := assign(v, t)
	if !ok {
		return v, errFallback
	}
	return v, nil
}

// assign is v as a value of type t, if it can be without a conversion.
func assign(v reflect.Value, t reflect.Type) (reflect.Value, bool) {
	if !v.IsValid() {
		return v, false
	}
	if v.Type().AssignableTo(t) {
		return v, true
	}
	if v.Kind() == reflect.Interface && !v.IsNil() && v.Elem().Type().AssignableTo(t) {
		return v.Elem(), true
	}
	return v, false
}

func isInt(k reflect.Kind) bool {
	return k >= reflect.Int && k <= reflect.Int64
}

func isUint(k reflect.Kind) bool {
	return k >= reflect.Uint && k <= reflect.Uintptr
}

// fieldChain compiles .A.B.C, on dot when recv is nil, or on recv's
// value; the last name takes args.
func (c *compiler) fieldChain(recv expr, names []string, args []parse.Node) (expr, error) {
	fields := make([]*field, len(names))
	for i, n := range names {
		fields[i] = &field{name: n}
	}
	compiled, err := c.args(args)
	if err != nil {
		return nil, err
	}
	last := len(fields) - 1
	return func(s *state, dot, final reflect.Value) (reflect.Value, error) {
		v := dot
		if recv != nil {
			var err error
			if v, err = recv(s, dot, reflect.Value{}); err != nil {
				return v, err
			}
		}
		for _, f := range fields[:last] {
			var err error
			if v, err = f.eval(s, dot, v, nil, reflect.Value{}); err != nil {
				return v, err
			}
		}
		return fields[last].eval(s, dot, v, compiled, final)
	}, nil
}

func (c *compiler) args(nodes []parse.Node) ([]arg, error) {
	var args []arg
	for _, n := range nodes {
		if v, err := c.constant(n); err == nil {
			args = append(args, arg{konst: v})
			continue
		}
		e, err := c.operand(n)
		if err != nil {
			return nil, err
		}
		args = append(args, arg{e: e})
	}
	return args, nil
}

// indirect follows pointers and interfaces to the value they hold; isNil
// says it met a nil one, which it returns.
func indirect(v reflect.Value) (rv reflect.Value, isNil bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

// indirectInterface is the value inside an interface.
func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface || v.IsNil() {
		return v
	}
	return v.Elem()
}

// isTrue is text/template's truth: not the zero value, not empty. ok is
// false for a value that has no truth (a func, say).
func isTrue(v reflect.Value) (truth, ok bool) {
	if !v.IsValid() {
		return false, true
	}
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() > 0, true
	case reflect.Bool:
		return v.Bool(), true
	case reflect.Complex64, reflect.Complex128:
		return v.Complex() != 0, true
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.Interface:
		return !v.IsNil(), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() != 0, true
	case reflect.Float32, reflect.Float64:
		return v.Float() != 0, true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() != 0, true
	case reflect.Struct:
		return true, true
	}
	return false, false
}
