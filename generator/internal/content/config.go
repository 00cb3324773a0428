package content

import (
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"explainer/generator/internal/diag"

	"github.com/goccy/go-yaml/ast"
)

// Config is content/site.yaml.
type Config struct {
	Title       Text
	Description Text
	BaseURL     string     // absolute, ending in "/"
	Languages   []Language // the first is the default
	ReportYear  int
	// ReportItems (report_items) is how many items of the report's Korea
	// chapter each language publishes, 0 when not said.
	ReportItems    int
	ReportItemsPos diag.Pos
	Sectors        []Sector
	// Repository is where the content is edited (repository), for the
	// "edit this page" links; nil when site.yaml does not say.
	Repository *Repository
}

// ItemsPlaceholder, in site.yaml's description, stands for report_items,
// so the description states the number the build checks.
const ItemsPlaceholder = "{items}"

// Text is a reader-visible string in every language, by language code.
type Text map[string]string

// Language is one of the site's languages.
type Language struct {
	Code   string // en
	Name   string // English, in its own language
	Locale string // en_US
}

// Sector groups barriers.
type Sector struct {
	ID   string
	Name Text
}

// Codes returns the language codes, the default first.
func (c *Config) Codes() []string {
	codes := make([]string, len(c.Languages))
	for i, l := range c.Languages {
		codes[i] = l.Code
	}
	return codes
}

// Default is the default language's code.
func (c *Config) Default() string { return c.Languages[0].Code }

// Sector returns the sector with the id, or nil.
func (c *Config) Sector(id string) *Sector {
	i := slices.IndexFunc(c.Sectors, func(s Sector) bool { return s.ID == id })
	if i < 0 {
		return nil
	}
	return &c.Sectors[i]
}

// SectorIDs lists the sector ids, sorted.
func (c *Config) SectorIDs() []string {
	ids := make([]string, len(c.Sectors))
	for i, s := range c.Sectors {
		ids[i] = s.ID
	}
	slices.Sort(ids)
	return ids
}

var langRE = regexp.MustCompile(`^[a-z]{2,3}$`)

// configKeys are the keys of site.yaml.
var configKeys = []string{"title", "description", "base_url", "languages", "report_year", "report_items", "sectors", "repository"}

// optionalConfigKeys are the keys of site.yaml that may be left out.
var optionalConfigKeys = []string{"report_items", "repository"}

// parseConfig decodes site.yaml.
func parseConfig(path string, src []byte, errs *diag.List) *Config {
	d := &yamlDoc{path: path, errs: errs}
	if e := checkText(path, src); e != nil {
		errs.Add(e)
		return nil
	}
	n := errs.Len()
	values := configValues(d, d.parse(normalize(src)))
	if errs.Len() > n {
		return nil
	}
	// Languages first: every Text is checked against them.
	c := &Config{Languages: decodeLanguages(d, values["languages"].node)}
	if len(c.Languages) == 0 {
		errs.Addf(values["languages"].pos, "%q must list at least one language", "languages")
		return nil
	}
	c.Title = d.text(values["title"].node, "title", c.Codes())
	c.Description = d.text(values["description"].node, "description", c.Codes())
	if s, ok := d.str(values["base_url"].node, "base_url"); ok {
		if u, err := CheckBaseURL(s); err != "" {
			errs.Addf(d.pos(values["base_url"].node), "%s", err)
		} else {
			c.BaseURL = u
		}
	}
	c.ReportYear, _ = d.integer(values["report_year"].node, "report_year")
	c.decodeItems(d, values["report_items"], values["description"].pos)
	c.decodeSectors(d, values["sectors"].node)
	if v := values["repository"]; v != nil {
		c.Repository = decodeRepository(d, v.node)
	}
	if errs.Len() > n {
		return nil
	}
	return c
}

// configValues sorts site.yaml's entries by key, reporting unknown keys
// and missing required ones.
func configValues(d *yamlDoc, entries []*ast.MappingValueNode) map[string]*astEntry {
	values := make(map[string]*astEntry)
	for _, mv := range entries {
		k := mv.Key.GetToken().Value
		if !slices.Contains(configKeys, k) {
			d.errs.Add(misspelt(d.keyPos(mv), k, "", configKeys))
			continue
		}
		values[k] = &astEntry{mv.Value, d.keyPos(mv)}
	}
	for _, k := range configKeys {
		if values[k] == nil && !slices.Contains(optionalConfigKeys, k) {
			d.errs.Addf(diag.Pos{Path: d.path, Line: 1, Col: 1}, "missing required key %q", k)
		}
	}
	return values
}

// decodeLanguages decodes the list of languages.
func decodeLanguages(d *yamlDoc, n ast.Node) []Language {
	var langs []Language
	keys := []string{"code", "name", "locale"}
	d.objects(n, "languages", "languages", "a language", keys, keys, func(o map[string]ast.Node) {
		var l Language
		l.Code, _ = d.str(o["code"], "code")
		if l.Code != "" && !langRE.MatchString(l.Code) {
			d.errs.Addf(d.pos(o["code"]), "language code %q must be two or three lower-case letters, such as en or ko", l.Code)
		}
		if slices.ContainsFunc(langs, func(x Language) bool { return x.Code == l.Code }) {
			d.errs.Addf(d.pos(o["code"]), "language %q is listed twice", l.Code)
		}
		l.Name, _ = d.str(o["name"], "name")
		l.Locale, _ = d.str(o["locale"], "locale")
		langs = append(langs, l)
	})
	return langs
}

// decodeSectors decodes the list of sectors, whose names are Texts.
func (c *Config) decodeSectors(d *yamlDoc, n ast.Node) {
	d.objects(n, "sectors", "sectors", "a sector", []string{"id", "name"}, []string{"id", "name"}, func(o map[string]ast.Node) {
		var s Sector
		s.ID, _ = d.str(o["id"], "id")
		if s.ID != "" && !SlugRE.MatchString(s.ID) {
			d.errs.Addf(d.pos(o["id"]), "sector id %q must be lower-case letters and digits joined by hyphens", s.ID)
		}
		if c.Sector(s.ID) != nil {
			d.errs.Addf(d.pos(o["id"]), "sector %q is listed twice", s.ID)
		}
		s.Name = d.text(o["name"], "name", c.Codes())
		c.Sectors = append(c.Sectors, s)
	})
}

// decodeItems decodes report_items, v (nil if absent), and puts it in
// place of ItemsPlaceholder in the description in every language; without
// report_items that is an error at descPos, the description's key (unless
// a wrong report_items was already reported).
func (c *Config) decodeItems(d *yamlDoc, v *astEntry, descPos diag.Pos) {
	if v != nil {
		c.ReportItemsPos = v.pos
		if n, ok := d.integer(v.node, "report_items"); ok && n < 1 {
			d.errs.Addf(d.pos(v.node), "%q must be the number of the report's items the site covers, at least 1, not %d", "report_items", n)
		} else {
			c.ReportItems = n
		}
	}
	for _, l := range c.Codes() {
		text := c.Description[l]
		if !strings.Contains(text, ItemsPlaceholder) {
			continue
		}
		if c.ReportItems == 0 {
			if c.ReportItemsPos == (diag.Pos{}) {
				d.errs.Addf(descPos, "%q uses %s, the number in %q, but site.yaml has no %q", "description", ItemsPlaceholder, "report_items", "report_items")
			}
			return
		}
		c.Description[l] = strings.ReplaceAll(text, ItemsPlaceholder, strconv.Itoa(c.ReportItems))
	}
}

type astEntry struct {
	node ast.Node
	pos  diag.Pos
}

// text decodes a string in every language of langs.
func (d *yamlDoc) text(n ast.Node, key string, langs []string) Text {
	o, ok := d.object(n, "\""+key+"\"", langs, langs)
	if !ok {
		return nil
	}
	t := make(Text)
	for _, l := range langs {
		t[l], _ = d.str(o[l], key+"."+l)
	}
	return t
}

// CheckBaseURL validates an absolute http(s) URL (site.yaml's base_url,
// or -base-url) and adds the trailing slash the rest of the generator
// relies on. The second result is what is wrong with it, or "".
func CheckBaseURL(s string) (string, string) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", "base URL " + strconv.Quote(s) + " must be an absolute http:// or https:// address, such as https://example.github.io/site/"
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return "", "base URL " + strconv.Quote(s) + " must not have a query or #fragment"
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String(), ""
}
