package theme

import (
	"text/template/parse"

	"explainer/generator/internal/diag"
)

// generatorStrings are the strings of strings.yaml that the generator asks
// for itself, not a template, and what it uses each for.
var generatorStrings = []struct{ key, use string }{
	{"barriers_title", "the title of the barrier index"},
	{"barriers_description", "the description of the barrier index"},
	{"sector_description", "the description of a sector page"},
	{"chart_intro", "the description of a chart for screen readers"},
	{"feed_title", "the title of the link to a feed"},
	{"search_title", "the title of the search page"},
	{"search_description", "the description of the search page"},
	{"overview_title", "the title of the overview of every barrier"},
	{"overview_intro", "the description of the overview for screen readers"},
	{"overview_count", "the count of barriers of a status in a sector, in the overview's description"},
	{"overview_barrier", "the first column of the overview's table"},
	{"overview_listed_before", "the overview's legend of barriers listed before the report year"},
	{"overview_year_unknown", "the overview's legend of barriers without first_listed"},
	{"overview_status_none", "the overview's column of barriers without a status"},
	{"overview_unchanged", "the overview's column of unchanged barriers"},
	{"overview_negotiating", "the overview's column of barriers under negotiation"},
	{"overview_committed", "the overview's column of barriers Korea committed to change"},
	{"overview_resolved", "the overview's column of resolved barriers"},
}

// The suffixes of the two keys of a counted string ({{.Plural "key" n}}):
// key_one for the form a language gives 1, when it has one, key_other for
// every other number.
const (
	PluralOne   = "_one"
	PluralOther = "_other"
)

// checkStrings reports every string missing from strings.yaml that a
// template asks for by a quoted key ({{.T "key"}}, {{$.In .Lang "key"}},
// both forms of {{.Plural "key" n}}), at the key, in any branch; and those
// the generator asks for, at strings.yaml. (content.ParseStrings reports a
// key missing a language.)
func (t *Theme) checkStrings(errs *diag.List) {
	seen := make(map[*parse.Tree]bool) // the layout's and partials' trees are every kind's
	for _, k := range kinds {
		tm := t.tmpl[k]
		if tm == nil {
			continue
		}
		for _, d := range tm.Templates() {
			tree := d.Tree
			if tree == nil || seen[tree] {
				continue
			}
			seen[tree] = true
			lines := t.files[tree.ParseName]
			eachCommand(tree.Root, func(c *parse.CommandNode) {
				key, plural := stringKey(c)
				if key == nil || lines == nil {
					return
				}
				names := []string{key.Text}
				if plural {
					names = []string{key.Text + PluralOne, key.Text + PluralOther}
				}
				for _, name := range names {
					if _, ok := t.strings[name]; !ok {
						errs.Addf(lines.Pos(int(key.Pos)), "no string %q in strings.yaml", name)
					}
				}
			})
		}
	}
	for _, g := range generatorStrings {
		if _, ok := t.strings[g.key]; !ok {
			errs.Addf(diag.Pos{Path: t.show("strings.yaml")}, "no string %q, which the generator needs for %s", g.key, g.use)
		}
	}
}

// stringKey returns the quoted key of a command that calls the method T
// (.T "key", $.Page.T "key"), In (.In .Lang "key") or Plural (.Plural
// "key" n, which asks for the key's two forms: plural is true), or nil.
func stringKey(c *parse.CommandNode) (key *parse.StringNode, plural bool) {
	var idents []string
	switch a := c.Args[0].(type) {
	case *parse.FieldNode:
		idents = a.Ident
	case *parse.VariableNode:
		idents = a.Ident
	case *parse.ChainNode:
		idents = a.Field
	}
	if len(idents) == 0 {
		return nil, false
	}
	arg := 0
	switch idents[len(idents)-1] {
	case "T":
		arg = 1
	case "In":
		arg = 2
	case "Plural":
		arg, plural = 1, true
	}
	if arg == 0 || arg >= len(c.Args) {
		return nil, false
	}
	key, _ = c.Args[arg].(*parse.StringNode)
	return key, plural
}

// eachCommand calls f for every command below n, nested ones included.
func eachCommand(n parse.Node, f func(*parse.CommandNode)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			eachCommand(c, f)
		}
	case *parse.ActionNode:
		eachCommand(n.Pipe, f)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			eachCommand(c, f)
		}
	case *parse.CommandNode:
		if len(n.Args) > 0 {
			f(n)
		}
		for _, a := range n.Args {
			eachCommand(a, f)
		}
	case *parse.ChainNode:
		eachCommand(n.Node, f)
	case *parse.IfNode:
		eachBranch(&n.BranchNode, f)
	case *parse.RangeNode:
		eachBranch(&n.BranchNode, f)
	case *parse.WithNode:
		eachBranch(&n.BranchNode, f)
	case *parse.TemplateNode:
		eachCommand(n.Pipe, f)
	}
}

func eachBranch(b *parse.BranchNode, f func(*parse.CommandNode)) {
	eachCommand(b.Pipe, f)
	eachCommand(b.List, f)
	eachCommand(b.ElseList, f)
}
