package tmplrun

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"text/template/parse"
)

// The compiler turns the escaped parse tree of a template into closures: a
// stmt for each node that writes, an expr for each that makes a value.
//
// Variables are resolved as the compiler reads the tree, not looked up by
// name as the template runs: each declaration gets a slot in its
// template's frame, and text/template's scopes (a variable lives to the
// end of the if, with or range it is declared in) are the compiler's.

// stmt writes the output of one node, with dot as ".".
type stmt func(s *state, dot reflect.Value) error

// expr makes a value. final is the value of the previous command of a
// pipeline ("x | f" passes x to f as its last argument), invalid when
// there is none.
type expr func(s *state, dot, final reflect.Value) (reflect.Value, error)

// tmplCode is a compiled template: its body and the size of its frame.
type tmplCode struct {
	body  stmt
	slots int
}

// errNotCompiled says the compiler met a construct it leaves to
// html/template.
var errNotCompiled = errors.New("not compiled")

type compiler struct {
	set      *Set
	compiled map[string]*tmplCode // by name, those compiled or being compiled
	code     *tmplCode            // the template being compiled
	scope    []variable           // its variables in scope, innermost last
}

type variable struct {
	name string
	slot int
}

// template compiles the template named name, or returns the program
// already compiled (or being compiled, for a template that calls itself).
func (c *compiler) template(name string) (*tmplCode, error) {
	if code := c.compiled[name]; code != nil {
		return code, nil
	}
	t := c.set.t.Lookup(name)
	if t == nil || t.Tree == nil || t.Tree.Root == nil {
		return nil, fmt.Errorf("%w: no template %q", errNotCompiled, name)
	}
	code := &tmplCode{slots: 1} // slot 0 is $
	c.compiled[name] = code
	sub := &compiler{set: c.set, compiled: c.compiled, code: code, scope: []variable{{"$", 0}}}
	body, err := sub.list(t.Tree.Root)
	if err != nil {
		return nil, err
	}
	code.body = body
	return code, nil
}

func notCompiled(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errNotCompiled}, args...)...)
}

func (c *compiler) declare(name string) int {
	slot := c.code.slots
	c.code.slots++
	c.scope = append(c.scope, variable{name, slot})
	return slot
}

func (c *compiler) lookup(name string) (int, error) {
	for i := len(c.scope) - 1; i >= 0; i-- {
		if c.scope[i].name == name {
			return c.scope[i].slot, nil
		}
	}
	return 0, notCompiled("undefined variable %s", name)
}

func (c *compiler) list(l *parse.ListNode) (stmt, error) {
	if l == nil {
		return func(*state, reflect.Value) error { return nil }, nil
	}
	var stmts []stmt
	for _, n := range l.Nodes {
		st, err := c.node(n)
		if err != nil {
			return nil, err
		}
		if st != nil {
			stmts = append(stmts, st)
		}
	}
	switch len(stmts) {
	case 0:
		return func(*state, reflect.Value) error { return nil }, nil
	case 1:
		return stmts[0], nil
	}
	return func(s *state, dot reflect.Value) error {
		for _, st := range stmts {
			if err := st(s, dot); err != nil {
				return err
			}
		}
		return nil
	}, nil
}

func (c *compiler) node(n parse.Node) (stmt, error) {
	switch n := n.(type) {
	case *parse.TextNode:
		text := n.Text
		return func(s *state, _ reflect.Value) error {
			s.w.Write(text)
			return nil
		}, nil
	case *parse.CommentNode:
		return nil, nil
	case *parse.ActionNode:
		return c.action(n)
	case *parse.IfNode:
		return c.ifOrWith(&n.BranchNode, false)
	case *parse.WithNode:
		return c.ifOrWith(&n.BranchNode, true)
	case *parse.RangeNode:
		return c.rangeNode(n)
	case *parse.TemplateNode:
		return c.call(n)
	case *parse.ListNode:
		return c.list(n)
	}
	return nil, notCompiled("%s", n)
}

// action is {{pipeline}}: a declaration writes nothing; any other
// pipeline html/template has ended with escaping functions, which the
// action calls itself and writes the string of.
func (c *compiler) action(n *parse.ActionNode) (stmt, error) {
	if len(n.Pipe.Decl) > 0 {
		p, err := c.pipe(n.Pipe)
		if err != nil {
			return nil, err
		}
		return func(s *state, dot reflect.Value) error {
			_, err := p(s, dot, reflect.Value{})
			return err
		}, nil
	}
	cmds := n.Pipe.Cmds
	k := len(cmds)
	for k > 0 && escaperName(cmds[k-1]) != "" {
		k--
	}
	if k == 0 || k == len(cmds) {
		return nil, notCompiled("action %s", n)
	}
	p, err := c.commands(cmds[:k])
	if err != nil {
		return nil, err
	}
	var js bool
	var escs []escaper
	for i, cmd := range cmds[k:] {
		name := escaperName(cmd)
		if name == jsValEscaper {
			if i > 0 {
				return nil, notCompiled("action %s", n)
			}
			js = true
			continue
		}
		escs = append(escs, escapers[name])
	}
	return func(s *state, dot reflect.Value) error {
		v, err := p(s, dot, reflect.Value{})
		if err != nil {
			return err
		}
		var text string
		var kind content
		var ok bool
		if js {
			text, ok = jsValue(v)
		} else {
			text, kind, ok = textOf(v)
		}
		if !ok {
			return errFallback
		}
		for _, esc := range escs {
			if text, ok = esc(text, kind); !ok {
				return errFallback
			}
			kind = plainText
		}
		s.w.WriteString(text)
		return nil
	}, nil
}

func (c *compiler) ifOrWith(n *parse.BranchNode, with bool) (stmt, error) {
	mark := len(c.scope)
	defer func() { c.scope = c.scope[:mark] }()
	p, err := c.pipe(n.Pipe)
	if err != nil {
		return nil, err
	}
	list, elseList, err := c.branches(n)
	if err != nil {
		return nil, err
	}
	return func(s *state, dot reflect.Value) error {
		v, err := p(s, dot, reflect.Value{})
		if err != nil {
			return err
		}
		t, ok := isTrue(indirectInterface(v))
		switch {
		case !ok:
			return errFallback
		case t && with:
			return list(s, v)
		case t:
			return list(s, dot)
		}
		return elseList(s, dot)
	}, nil
}

// branches compiles the lists of an if, with or range; with no else, the
// else list writes nothing.
func (c *compiler) branches(n *parse.BranchNode) (list, elseList stmt, err error) {
	if list, err = c.list(n.List); err != nil {
		return nil, nil, err
	}
	// c.list of a nil list is a statement that writes nothing.
	if elseList, err = c.list(n.ElseList); err != nil {
		return nil, nil, err
	}
	return list, elseList, nil
}

// rangeNode is {{range}} over a slice or an array; any other value falls
// back to html/template.
func (c *compiler) rangeNode(n *parse.RangeNode) (stmt, error) {
	if n.Pipe.IsAssign || len(n.Pipe.Decl) > 2 {
		return nil, notCompiled("%s", n)
	}
	mark := len(c.scope)
	defer func() { c.scope = c.scope[:mark] }()
	decl := n.Pipe.Decl
	p, err := c.commands(n.Pipe.Cmds) // its variables are set below
	if err != nil {
		return nil, err
	}
	// With one variable it takes the element; with two, the index and
	// the element. Before the first element, each holds the whole value,
	// as text/template has it (an else branch sees that).
	var slots []int
	for _, d := range decl {
		slots = append(slots, c.declare(d.Ident[0]))
	}
	list, elseList, err := c.branches(&n.BranchNode)
	if err != nil {
		return nil, err
	}
	return func(s *state, dot reflect.Value) error {
		v, err := p(s, dot, reflect.Value{})
		if err != nil {
			return err
		}
		for _, slot := range slots {
			s.vars[slot] = v
		}
		v, _ = indirect(v)
		switch v.Kind() {
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				elem := v.Index(i)
				switch len(slots) {
				case 1:
					s.vars[slots[0]] = elem
				case 2:
					s.vars[slots[0]] = reflect.ValueOf(i)
					s.vars[slots[1]] = elem
				}
				if err := list(s, elem); err != nil {
					return err
				}
			}
			if v.Len() > 0 {
				return nil
			}
			return elseList(s, dot)
		case reflect.Invalid:
			return elseList(s, dot)
		}
		return errFallback
	}, nil
}

// call is {{template "name" pipeline}}: the callee runs in a frame of its
// own, with the pipeline's value as both dot and $.
func (c *compiler) call(n *parse.TemplateNode) (stmt, error) {
	callee, err := c.template(n.Name)
	if err != nil {
		return nil, err
	}
	var p expr
	if n.Pipe != nil {
		if p, err = c.pipe(n.Pipe); err != nil {
			return nil, err
		}
	}
	return func(s *state, dot reflect.Value) error {
		var v reflect.Value
		if p != nil {
			var err error
			if v, err = p(s, dot, reflect.Value{}); err != nil {
				return err
			}
		}
		return s.run(callee, v)
	}, nil
}

// pipe compiles a pipeline: each command's value is the next one's final
// argument, and the last one's is the pipeline's (and its variable's).
func (c *compiler) pipe(p *parse.PipeNode) (expr, error) {
	if len(p.Decl) > 1 {
		return nil, notCompiled("%s", p)
	}
	cmds, err := c.commands(p.Cmds)
	if err != nil {
		return nil, err
	}
	if len(p.Decl) == 0 {
		return cmds, nil
	}
	slot := -1
	if p.IsAssign {
		slot, err = c.lookup(p.Decl[0].Ident[0])
	} else {
		slot = c.declare(p.Decl[0].Ident[0])
	}
	if err != nil {
		return nil, err
	}
	return func(s *state, dot, _ reflect.Value) (reflect.Value, error) {
		v, err := cmds(s, dot, reflect.Value{})
		if err == nil {
			s.vars[slot] = v
		}
		return v, err
	}, nil
}

// commands compiles the commands of a pipeline, without its variables.
func (c *compiler) commands(list []*parse.CommandNode) (expr, error) {
	cmds := make([]expr, len(list))
	for i, cmd := range list {
		e, err := c.command(cmd)
		if err != nil {
			return nil, err
		}
		cmds[i] = e
	}
	return func(s *state, dot, _ reflect.Value) (reflect.Value, error) {
		var v reflect.Value
		for i, cmd := range cmds {
			if i > 0 && !v.IsValid() {
				// text/template passes a nil on; here an invalid
				// value stands for no final argument.
				return v, errFallback
			}
			var err error
			if v, err = cmd(s, dot, v); err != nil {
				return v, err
			}
			// A value in an empty interface is the value inside.
			if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
				v = reflect.ValueOf(v.Interface())
			}
		}
		return v, nil
	}, nil
}

// command compiles one command of a pipeline: a field chain, a variable, a
// function or a constant, with its arguments.
func (c *compiler) command(cmd *parse.CommandNode) (expr, error) {
	if escaperName(cmd) != "" {
		// Only at the end of an action's pipeline (see action).
		return nil, notCompiled("escaper inside %s", cmd)
	}
	args := cmd.Args[1:]
	switch n := cmd.Args[0].(type) {
	case *parse.FieldNode:
		return c.fieldChain(nil, n.Ident, args)
	case *parse.VariableNode:
		slot, err := c.lookup(n.Ident[0])
		if err != nil {
			return nil, err
		}
		v := func(s *state, _, _ reflect.Value) (reflect.Value, error) { return s.vars[slot], nil }
		if len(n.Ident) == 1 {
			return noArgs(v, args)
		}
		return c.fieldChain(v, n.Ident[1:], args)
	case *parse.ChainNode:
		pn, ok := n.Node.(*parse.PipeNode)
		if !ok {
			return nil, notCompiled("%s", n)
		}
		p, err := c.pipe(pn)
		if err != nil {
			return nil, err
		}
		return c.fieldChain(p, n.Field, args)
	case *parse.IdentifierNode:
		return c.builtin(n.Ident, args)
	case *parse.PipeNode:
		p, err := c.pipe(n)
		if err != nil {
			return nil, err
		}
		return noArgs(p, args)
	case *parse.DotNode:
		return noArgs(func(_ *state, dot, _ reflect.Value) (reflect.Value, error) { return dot, nil }, args)
	}
	v, err := c.constant(cmd.Args[0])
	if err != nil {
		return nil, err
	}
	return noArgs(func(*state, reflect.Value, reflect.Value) (reflect.Value, error) { return v, nil }, args)
}

// noArgs is e for a command that takes no arguments, not even a final one.
func noArgs(e expr, args []parse.Node) (expr, error) {
	if len(args) > 0 {
		return nil, notCompiled("arguments to a value")
	}
	return func(s *state, dot, final reflect.Value) (reflect.Value, error) {
		if final.IsValid() {
			return reflect.Value{}, errFallback
		}
		return e(s, dot, reflect.Value{})
	}, nil
}

// constant is the value of dot-free constants as text/template makes them:
// an int for an integer, a string, a bool.
func (c *compiler) constant(n parse.Node) (reflect.Value, error) {
	switch n := n.(type) {
	case *parse.StringNode:
		return reflect.ValueOf(n.Text), nil
	case *parse.BoolNode:
		return reflect.ValueOf(n.True), nil
	case *parse.NumberNode:
		// Plain decimal integers only; text/template's other forms
		// (runes, hexadecimal, floats) are left to it.
		if n.IsInt && strings.Trim(strings.TrimPrefix(n.Text, "-"), "0123456789") == "" && int64(int(n.Int64)) == n.Int64 {
			return reflect.ValueOf(int(n.Int64)), nil
		}
	}
	return reflect.Value{}, notCompiled("%s", n)
}

// operand compiles a node used as an argument, to the value it has before
// any conversion to a parameter's type.
func (c *compiler) operand(n parse.Node) (expr, error) {
	if id, ok := n.(*parse.IdentifierNode); ok {
		return c.builtin(id.Ident, nil)
	}
	switch n := n.(type) {
	case *parse.DotNode:
		return func(_ *state, dot, _ reflect.Value) (reflect.Value, error) { return dot, nil }, nil
	case *parse.FieldNode, *parse.VariableNode, *parse.ChainNode, *parse.PipeNode:
		return c.command(&parse.CommandNode{NodeType: parse.NodeCommand, Args: []parse.Node{n}})
	}
	v, err := c.constant(n)
	if err != nil {
		return nil, err
	}
	return func(*state, reflect.Value, reflect.Value) (reflect.Value, error) { return v, nil }, nil
}
