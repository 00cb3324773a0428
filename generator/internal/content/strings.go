package content

import "explainer/generator/internal/diag"

// ParseStrings decodes a file of reader-visible strings, each a key with
// its text in every language:
//
//	skip_link: {en: "Skip to content", ko: "본문 바로가기"}
//
// A key missing a language is an error at the key's position.
func ParseStrings(path string, src []byte, langs []string) (map[string]Text, error) {
	var errs diag.List
	if e := checkText(path, src); e != nil {
		errs.Add(e)
		return nil, errs.Err()
	}
	d := &yamlDoc{path: path, errs: &errs}
	out := make(map[string]Text)
	for _, mv := range d.parse(normalize(src)) {
		key := mv.Key.GetToken().Value
		out[key] = d.text(mv.Value, key, langs)
	}
	return out, errs.Err()
}
