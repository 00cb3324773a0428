package tmplrun

import (
	"fmt"
	"reflect"
	"text/template"
	"text/template/parse"
)

// builtin compiles a call of one of text/template's functions. Those it
// does not know (and a FuncMap's) are left to html/template.
func (c *compiler) builtin(name string, nodes []parse.Node) (expr, error) {
	args, err := c.args(nodes)
	if err != nil {
		return nil, err
	}
	switch name {
	case "and", "or":
		if len(args) == 0 {
			return nil, notCompiled("%s without arguments", name)
		}
		or := name == "or"
		return func(s *state, dot, final reflect.Value) (reflect.Value, error) {
			var v reflect.Value
			for _, a := range args {
				var err error
				if v, err = a.value(s, dot); err != nil {
					return v, err
				}
				if t, _ := isTrue(indirectInterface(v)); t == or {
					return v, nil
				}
			}
			if final.IsValid() {
				v = final
			}
			return v, nil
		}, nil
	case "not", "eq", "ne", "index", "len", "print", "printf", "println", "js":
	default:
		return nil, notCompiled("function %s", name)
	}
	f := builtins[name]
	return func(s *state, dot, final reflect.Value) (reflect.Value, error) {
		var buf [4]reflect.Value
		vals := buf[:0]
		for _, a := range args {
			v, err := a.value(s, dot)
			if err != nil {
				return v, err
			}
			vals = append(vals, v)
		}
		if final.IsValid() {
			vals = append(vals, final)
		}
		v, ok := f(vals)
		if !ok {
			return v, errFallback
		}
		return v, nil
	}, nil
}

// value is the value of a builtin's argument: valid, as text/template
// reports an error for an invalid one.
func (a arg) value(s *state, dot reflect.Value) (reflect.Value, error) {
	if a.konst.IsValid() {
		return a.konst, nil
	}
	v, err := a.e(s, dot, reflect.Value{})
	if err == nil && !v.IsValid() {
		err = errFallback
	}
	return v, err
}

// builtins hold the functions of text/template this package runs itself,
// on valid arguments; false leaves the call to html/template.
var builtins = map[string]func(args []reflect.Value) (reflect.Value, bool){
	"not": func(args []reflect.Value) (reflect.Value, bool) {
		if len(args) != 1 {
			return reflect.Value{}, false
		}
		t, _ := isTrue(indirectInterface(args[0]))
		return reflect.ValueOf(!t), true
	},
	"eq": func(args []reflect.Value) (reflect.Value, bool) {
		if len(args) < 2 {
			return reflect.Value{}, false
		}
		for _, b := range args[1:] {
			eq, ok := equal(args[0], b)
			if !ok {
				return reflect.Value{}, false
			}
			if eq {
				return reflect.ValueOf(true), true
			}
		}
		return reflect.ValueOf(false), true
	},
	"ne": func(args []reflect.Value) (reflect.Value, bool) {
		if len(args) != 2 {
			return reflect.Value{}, false
		}
		eq, ok := equal(args[0], args[1])
		return reflect.ValueOf(!eq), ok
	},
	"index": func(args []reflect.Value) (reflect.Value, bool) {
		item := indirectInterface(args[0])
		for _, x := range args[1:] {
			x = indirectInterface(x)
			var isNil bool
			if item, isNil = indirect(item); isNil {
				return reflect.Value{}, false
			}
			switch item.Kind() {
			case reflect.Slice, reflect.Array:
				if !isInt(x.Kind()) || x.Int() < 0 || x.Int() >= int64(item.Len()) {
					return reflect.Value{}, false
				}
				item = item.Index(int(x.Int()))
			case reflect.Map:
				if !x.Type().AssignableTo(item.Type().Key()) {
					return reflect.Value{}, false
				}
				if v := item.MapIndex(x); v.IsValid() {
					item = v
				} else {
					item = reflect.Zero(item.Type().Elem())
				}
			default:
				return reflect.Value{}, false
			}
		}
		return item, true
	},
	"len": func(args []reflect.Value) (reflect.Value, bool) {
		if len(args) != 1 {
			return reflect.Value{}, false
		}
		item, isNil := indirect(args[0])
		if isNil {
			return reflect.Value{}, false
		}
		switch item.Kind() {
		case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String:
			return reflect.ValueOf(item.Len()), true
		}
		return reflect.Value{}, false
	},
	"print": func(args []reflect.Value) (reflect.Value, bool) {
		return reflect.ValueOf(fmt.Sprint(interfaces(args)...)), true
	},
	"println": func(args []reflect.Value) (reflect.Value, bool) {
		return reflect.ValueOf(fmt.Sprintln(interfaces(args)...)), true
	},
	"printf": func(args []reflect.Value) (reflect.Value, bool) {
		if len(args) == 0 {
			return reflect.Value{}, false
		}
		format, ok := assign(args[0], reflect.TypeFor[string]())
		if !ok {
			return reflect.Value{}, false
		}
		return reflect.ValueOf(fmt.Sprintf(format.String(), interfaces(args[1:])...)), true
	},
	"js": func(args []reflect.Value) (reflect.Value, bool) {
		return reflect.ValueOf(template.JSEscaper(interfaces(args)...)), true
	},
}

func interfaces(args []reflect.Value) []any {
	out := make([]any, len(args))
	for i, a := range args {
		out[i] = a.Interface()
	}
	return out
}

// equal is eq for two strings, two integers (signed or not) or two
// booleans; ok is false for any other pair, which text/template compares
// by rules of its own.
func equal(a, b reflect.Value) (eq, ok bool) {
	a, b = indirectInterface(a), indirectInterface(b)
	switch ka, kb := a.Kind(), b.Kind(); {
	case ka == reflect.String && kb == reflect.String:
		return a.String() == b.String(), true
	case isInt(ka) && isInt(kb):
		return a.Int() == b.Int(), true
	case isUint(ka) && isUint(kb):
		return a.Uint() == b.Uint(), true
	case isInt(ka) && isUint(kb):
		return a.Int() >= 0 && uint64(a.Int()) == b.Uint(), true
	case isUint(ka) && isInt(kb):
		return b.Int() >= 0 && a.Uint() == uint64(b.Int()), true
	case ka == reflect.Bool && kb == reflect.Bool:
		return a.Bool() == b.Bool(), true
	}
	return false, false
}
