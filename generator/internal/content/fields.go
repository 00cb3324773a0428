package content

import (
	"slices"
	"strings"

	"explainer/generator/internal/diag"

	"github.com/goccy/go-yaml/ast"
)

// field is one front matter key: which kinds of document take it, whether
// it must be set, and how its value is decoded into Meta.
type field struct {
	name        string
	kinds       []Kind
	required    bool
	translation bool // only a translation may carry it
	decode      func(d *yamlDoc, n ast.Node, m *Meta)
	keyAt       func(m *Meta) *diag.Pos // where m keeps the key's position, if it does
}

var all = []Kind{Summary, Barrier, Page}

// fields lists every front matter key. content/README.md documents them for
// editors; keep the two in step.
var fields = []field{
	{name: "title", kinds: all, required: true, decode: func(d *yamlDoc, n ast.Node, m *Meta) {
		m.Title, _ = d.str(n, "title")
	}},
	{name: "summary", kinds: all, required: true, decode: func(d *yamlDoc, n ast.Node, m *Meta) {
		m.Summary, _ = d.str(n, "summary")
	}},
	{name: "sector", kinds: []Kind{Barrier}, required: true, decode: func(d *yamlDoc, n ast.Node, m *Meta) {
		m.Sector, _ = d.str(n, "sector")
		m.SectorPos = d.pos(n)
	}},
	{name: "sources", kinds: all, decode: decodeSources},
	{name: "related", kinds: []Kind{Barrier}, decode: func(d *yamlDoc, n ast.Node, m *Meta) {
		items, _ := d.list(n, "related", "barrier slugs")
		for _, it := range items {
			if s, ok := d.str(it, "related"); ok {
				m.Related = append(m.Related, Ref{Slug: s, Pos: d.pos(it)})
			}
		}
	}},
	{name: "law", kinds: []Kind{Barrier}, decode: func(d *yamlDoc, n ast.Node, m *Meta) {
		m.Law, _ = d.str(n, "law")
	}},
	{name: "first_listed", kinds: []Kind{Barrier}, decode: func(d *yamlDoc, n ast.Node, m *Meta) {
		// Whether the year is one of the report's is checked against
		// report_year in site.yaml (package site).
		m.FirstListed, _ = d.integer(n, "first_listed")
		m.FirstListedPos = d.pos(n)
	}},
	{name: "status", kinds: []Kind{Barrier}, required: statusRequired, decode: decodeStatus,
		keyAt: func(m *Meta) *diag.Pos { return &m.StatusPos }},
	{name: "status_date", kinds: []Kind{Barrier}, required: statusRequired, decode: decodeStatusDate,
		keyAt: func(m *Meta) *diag.Pos { return &m.StatusDatePos }},
	{name: "updated", kinds: all, decode: func(d *yamlDoc, n ast.Node, m *Meta) {
		m.Updated, _ = d.date(n, "updated")
	}},
	{name: "figures", kinds: []Kind{Barrier, Page, Summary}, decode: decodeFigures},
	{name: "numbers", kinds: []Kind{Summary}, decode: decodeNumbers},
	{name: "weight", kinds: []Kind{Barrier, Page}, decode: func(d *yamlDoc, n ast.Node, m *Meta) {
		m.Weight, _ = d.integer(n, "weight")
	}},
	{name: "draft", kinds: []Kind{Barrier, Page}, decode: func(d *yamlDoc, n ast.Node, m *Meta) {
		m.Draft, _ = d.boolean(n, "draft")
	}},
	{name: "translated_from", kinds: all, translation: true, decode: func(d *yamlDoc, n ast.Node, m *Meta) {
		if s, ok := d.str(n, "translated_from"); ok {
			if !fingerprintRE.MatchString(s) {
				d.errs.Addf(d.pos(n), "%q must be the %d-character fingerprint that \"go run ./generator translated\" writes, not %q; delete the line and run that command", "translated_from", FingerprintLen, s)
				return
			}
			m.TranslatedFrom = s
		}
	}},
}

// decodeMeta decodes the front matter of a document of kind k.
func decodeMeta(d *yamlDoc, entries []*ast.MappingValueNode, k Kind, translation bool, start diag.Pos) Meta {
	m := Meta{Start: start}
	known := knownKeys(k, translation)
	set := make(map[string]bool)
	for _, mv := range entries {
		key := mv.Key.GetToken().Value
		i := slices.IndexFunc(fields, func(f field) bool { return f.name == key })
		if i < 0 || !slices.Contains(known, key) {
			d.errs.Add(unknownKey(d.keyPos(mv), key, k, known))
			// A misspelled required key is reported once, as misspelled,
			// not a second time as missing.
			if s := Closest(key, known); s != "" {
				set[s] = true
			}
			continue
		}
		set[key] = true
		if at := fields[i].keyAt; at != nil {
			*at(&m) = d.keyPos(mv)
		}
		before := d.errs.Len()
		fields[i].decode(d, mv.Value, &m)
		p := d.keyPos(mv)
		m.keys = append(m.keys, keyAt{field: uint8(i), line: int32(p.Line), col: int32(p.Col), bad: d.errs.Len() > before})
	}
	if k == Barrier {
		checkStatusPair(&m, d.errs)
	}
	for _, f := range fields {
		if f.required && slices.Contains(f.kinds, k) && !set[f.name] {
			d.errs.Addf(start, "missing required key %q", f.name)
		}
	}
	if k == Barrier && !set["sources"] {
		d.errs.Addf(start, "missing required key %q: a barrier must cite at least one source", "sources")
	}
	return m
}

// keyAt is where a key of the front matter is, kept small: a site of
// 20,000 pages keeps every page's.
type keyAt struct {
	field     uint8 // index in fields
	bad       bool  // its value has a problem, reported
	line, col int32
}

// KeyPos returns where the key name is in the front matter, and whether
// it is there; bad says that its value has a problem, already reported.
func (m *Meta) KeyPos(name string) (pos diag.Pos, ok, bad bool) {
	for _, k := range m.keys {
		if fields[k.field].name == name {
			return diag.Pos{Path: m.Start.Path, Line: int(k.line), Col: int(k.col)}, true, k.bad
		}
	}
	return diag.Pos{}, false, false
}

// knownKeys are the keys a document of kind k accepts, in the order of
// fields; translation adds the keys only a translation takes.
func knownKeys(k Kind, translation bool) []string {
	var keys []string
	for _, f := range fields {
		if slices.Contains(f.kinds, k) && (translation || !f.translation) {
			keys = append(keys, f.name)
		}
	}
	return keys
}

func unknownKey(pos diag.Pos, key string, k Kind, known []string) *diag.Error {
	if i := slices.IndexFunc(fields, func(f field) bool { return f.name == key }); i >= 0 {
		if fields[i].translation {
			return diag.Errorf(pos, "key %q belongs in translations only, not in the default-language file", key)
		}
		return diag.Errorf(pos, "key %q is not used in a %s; keys are: %s", key, k, strings.Join(known, ", "))
	}
	return misspelt(pos, key, "", known)
}

// misspelt reports key, none of keys, with the nearest as a suggestion;
// where ("" or " in a sector") says where it is.
func misspelt(pos diag.Pos, key, where string, keys []string) *diag.Error {
	if s := Closest(key, keys); s != "" {
		return diag.Errorf(pos, "unknown key %q%s; did you mean %q?", key, where, s)
	}
	return diag.Errorf(pos, "unknown key %q%s; keys are: %s", key, where, strings.Join(keys, ", "))
}

// Closest returns the candidate nearest to s by edit distance, if it is
// near enough to be a likely typo, or "".
func Closest(s string, candidates []string) string {
	best, bestDist := "", 3
	if len(s) <= 4 {
		bestDist = 2
	}
	for _, c := range candidates {
		if d := editDistance(strings.ToLower(s), c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// object decodes a mapping of the given keys, reporting unknown and
// missing ones, into each key's value node.
func (d *yamlDoc) object(n ast.Node, what string, keys, required []string) (map[string]ast.Node, bool) {
	entries, ok := d.mapping(n, what)
	if !ok {
		return nil, false
	}
	out := make(map[string]ast.Node)
	for _, mv := range entries {
		k := mv.Key.GetToken().Value
		if !slices.Contains(keys, k) {
			d.errs.Add(misspelt(d.keyPos(mv), k, " in "+what, keys))
			continue
		}
		out[k] = mv.Value
	}
	for _, k := range required {
		if out[k] == nil {
			d.errs.Addf(d.pos(n), "%s is missing its %q", what, k)
			ok = false
		}
	}
	return out, ok
}

// objects decodes the list n of key (of: what it lists) as mappings of
// keys (see object), calling f with each item that decodes.
func (d *yamlDoc) objects(n ast.Node, key, of, what string, keys, required []string, f func(o map[string]ast.Node)) ([]ast.Node, bool) {
	items, ok := d.list(n, key, of)
	for _, it := range items {
		if o, ok := d.object(it, what, keys, required); ok {
			f(o)
		}
	}
	return items, ok
}

func decodeSources(d *yamlDoc, n ast.Node, m *Meta) {
	items, ok := d.objects(n, "sources", "sources, each with a title and a url", "a source", []string{"title", "url", "publisher", "date"}, []string{"title"}, func(o map[string]ast.Node) {
		var s Source
		s.Title, _ = d.str(o["title"], "title")
		// An optional key that is not there decodes to "", silently.
		if u, ok := d.str(o["url"], "url"); ok {
			if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
				d.errs.Addf(d.pos(o["url"]), "source url %q must start with https:// or http://", u)
			}
			s.URL = u
		}
		s.Publisher, _ = d.str(o["publisher"], "publisher")
		s.Date, _ = d.date(o["date"], "date")
		m.Sources = append(m.Sources, s)
	})
	if ok && len(items) == 0 {
		d.errs.Addf(d.pos(n), "%q must list at least one source", "sources")
	}
}

func decodeFigures(d *yamlDoc, n ast.Node, m *Meta) {
	d.objects(n, "figures", "figures", "a figure", []string{"id", "title", "unit", "source", "data"}, []string{"id", "title", "data"}, func(o map[string]ast.Node) {
		var f Figure
		f.ID, _ = d.str(o["id"], "id")
		if f.ID != "" && !SlugRE.MatchString(f.ID) {
			d.errs.Addf(d.pos(o["id"]), "figure id %q must be lower-case letters and digits joined by hyphens", f.ID)
		}
		f.Title, _ = d.str(o["title"], "title")
		f.Unit, _ = d.str(o["unit"], "unit")
		f.Source, _ = d.str(o["source"], "source")
		data, _ := d.objects(o["data"], "data", "bars, each with a label and a value", "a bar", []string{"label", "value"}, []string{"label", "value"}, func(bo map[string]ast.Node) {
			var x Datum
			x.Label, _ = d.str(bo["label"], "label")
			x.Value, _ = d.number(bo["value"], "value")
			if x.Value < 0 {
				d.errs.Addf(d.pos(bo["value"]), "bar value must not be negative, got %v", x.Value)
			}
			f.Data = append(f.Data, x)
		})
		if len(data) == 0 {
			d.errs.Addf(d.pos(o["data"]), "figure %q needs at least one bar in %q", f.ID, "data")
		}
		m.Figures = append(m.Figures, f)
	})
}

func decodeNumbers(d *yamlDoc, n ast.Node, m *Meta) {
	d.objects(n, "numbers", "key numbers, each with a value and a label", "a key number", []string{"value", "label"}, []string{"value", "label"}, func(o map[string]ast.Node) {
		var x Number
		x.Value, _ = d.str(o["value"], "value")
		x.Label, _ = d.str(o["label"], "label")
		m.Numbers = append(m.Numbers, x)
	})
}
