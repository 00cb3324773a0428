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

// checkStrings reports every string missing from strings.yaml that a
// template asks for with a quoted key ({{.T "key"}}, {{$.In .Lang "key"}}),
// at the key, whether or not a page of the site takes the branch it is in;
// and every string the generator asks for itself, at strings.yaml. (A key
// missing a language is reported by content.ParseStrings, at the key.)
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
				key := stringKey(c)
				if key == nil || lines == nil {
					return
				}
				if _, ok := t.strings[key.Text]; !ok {
					errs.Addf(lines.Pos(int(key.Pos)), "no string %q in strings.yaml", key.Text)
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
// (.T "key", $.Page.T "key") or In (.In .Lang "key"), or nil.
func stringKey(c *parse.CommandNode) *parse.StringNode {
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
		return nil
	}
	arg := 0
	switch idents[len(idents)-1] {
	case "T":
		arg = 1
	case "In":
		arg = 2
	}
	if arg == 0 || arg >= len(c.Args) {
		return nil
	}
	key, _ := c.Args[arg].(*parse.StringNode)
	return key
}

// eachCommand calls f for every command of the tree below n, those of
// parenthesized pipelines included.
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
