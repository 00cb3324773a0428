package scaffold

// Placeholders returns the texts a new barrier's files are written with
// for the editor to replace (its title, summary and the text under each
// heading), in every language: a published entry that still holds one of
// them was not finished.
func Placeholders() []string {
	var out []string
	for _, g := range []guide{english, korean} {
		out = append(out, g.Title, g.Summary)
		for _, s := range g.Sections {
			out = append(out, s[1])
		}
	}
	return out
}
