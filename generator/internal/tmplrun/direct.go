package tmplrun

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"sync"
)

// A Direct is a method that compiled templates call as Go code rather
// than through reflection, which costs several times the work of a short
// method and allocates its arguments and results. Make one with Method,
// MethodErr, Method1, Method1Err, Method2Err or Variadic1Err from a method
// expression such as (*Page).URL, and give it to Register before templates
// run. A method not registered is still called through reflection, with
// the same result.
type Direct struct {
	recv  reflect.Type
	name  string
	nargs int
	call  func(recv reflect.Value, args directArgs) (reflect.Value, error)
}

// directArgs are a call's arguments, the first four held in place: passed
// by value, they cost no allocation, where a slice given to a function
// value would be moved to the heap on every call.
type directArgs struct {
	n     int
	first [4]reflect.Value
	more  []reflect.Value // all of them, once there are more than four
}

func (a *directArgs) add(v reflect.Value) {
	if a.more == nil && a.n < len(a.first) {
		a.first[a.n] = v
	} else {
		if a.more == nil {
			a.more = append([]reflect.Value(nil), a.first[:]...)
		}
		a.more = append(a.more, v)
	}
	a.n++
}

// all is the arguments as a slice, for a call through reflection.
func (a *directArgs) all() []reflect.Value {
	if a.more != nil {
		return a.more
	}
	return a.first[:a.n]
}

func (a directArgs) at(i int) reflect.Value {
	if a.more != nil {
		return a.more[i]
	}
	return a.first[i]
}

type directKey struct {
	recv reflect.Type
	name string
}

var directs sync.Map // directKey to *Direct

// Register makes compiled templates call each d directly.
func Register(ds ...Direct) {
	for _, d := range ds {
		directs.Store(directKey{d.recv, d.name}, &d)
	}
}

func directOf(recv reflect.Type, name string) *Direct {
	d, _ := directs.Load(directKey{recv, name})
	p, _ := d.(*Direct)
	return p
}

// Method is a method without arguments: f is its method expression.
func Method[T, R any](f func(T) R) Direct {
	return newDirect(f, 0, func(recv reflect.Value, _ directArgs) (reflect.Value, error) {
		return reflect.ValueOf(f(recv.Interface().(T))), nil
	})
}

// MethodErr is a method without arguments that returns an error too.
func MethodErr[T, R any](f func(T) (R, error)) Direct {
	return newDirect(f, 0, func(recv reflect.Value, _ directArgs) (reflect.Value, error) {
		r, err := f(recv.Interface().(T))
		return reflect.ValueOf(r), err
	})
}

// Method1 is a method of one argument.
func Method1[T, A, R any](f func(T, A) R) Direct {
	return newDirect(f, 1, func(recv reflect.Value, args directArgs) (reflect.Value, error) {
		return reflect.ValueOf(f(recv.Interface().(T), argOf[A](args.at(0)))), nil
	})
}

// Method1Err is a method of one argument that returns an error too.
func Method1Err[T, A, R any](f func(T, A) (R, error)) Direct {
	return newDirect(f, 1, func(recv reflect.Value, args directArgs) (reflect.Value, error) {
		r, err := f(recv.Interface().(T), argOf[A](args.at(0)))
		return reflect.ValueOf(r), err
	})
}

// Method2Err is a method of two arguments that returns an error too.
func Method2Err[T, A, B, R any](f func(T, A, B) (R, error)) Direct {
	return newDirect(f, 2, func(recv reflect.Value, args directArgs) (reflect.Value, error) {
		r, err := f(recv.Interface().(T), argOf[A](args.at(0)), argOf[B](args.at(1)))
		return reflect.ValueOf(r), err
	})
}

// Variadic1Err is a method of one argument and any number more of one
// type (func(T, A, ...V)) that returns an error too.
func Variadic1Err[T, A, V, R any](f func(T, A, ...V) (R, error)) Direct {
	return newDirect(f, variadic, func(recv reflect.Value, args directArgs) (reflect.Value, error) {
		// Never nil, as through reflection.
		more := make([]V, args.n-1)
		for i := range more {
			more[i] = argOf[V](args.at(i + 1))
		}
		r, err := f(recv.Interface().(T), argOf[A](args.at(0)), more...)
		return reflect.ValueOf(r), err
	})
}

// variadic is the nargs of a Direct that takes one argument or more.
const variadic = -1

// takes reports whether d can be called with n arguments.
func (d *Direct) takes(n int) bool {
	if d.nargs == variadic {
		return n >= 1
	}
	return n == d.nargs
}

// argOf is v as an A. A string is read without Interface, which would copy
// it to the heap.
func argOf[A any](v reflect.Value) A {
	var a A
	if s, ok := any(&a).(*string); ok {
		*s = v.String()
		return a
	}
	return v.Interface().(A)
}

// newDirect checks that f, of nargs arguments after the receiver, is a
// method expression of its first parameter's type, and names it after
// that method: a Direct can only ever stand for the method it calls.
func newDirect(f any, nargs int, call func(reflect.Value, directArgs) (reflect.Value, error)) Direct {
	fv := reflect.ValueOf(f)
	recv := fv.Type().In(0)
	full := runtime.FuncForPC(fv.Pointer()).Name()
	name := full[strings.LastIndexByte(full, '.')+1:]
	m, ok := recv.MethodByName(name)
	if !ok || m.Func.Pointer() != fv.Pointer() || m.Type != fv.Type() {
		panic(fmt.Sprintf("tmplrun: %s is not a method expression of %s", full, recv))
	}
	// reflect.ValueOf would give an interface's dynamic type, where a call
	// through reflection gives the interface type itself.
	if fv.Type().Out(0).Kind() == reflect.Interface {
		panic(fmt.Sprintf("tmplrun: %s returns an interface; leave it to reflection", full))
	}
	return Direct{recv: recv, name: name, nargs: nargs, call: call}
}
