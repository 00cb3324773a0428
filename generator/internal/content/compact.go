package content

import "explainer/generator/internal/strblock"

// compact copies m's strings into one allocation of their own
// (strblock.Compact). Decoded, they point into the text of the front
// matter, so a title alone would keep every key, quote and indent of it
// for the whole build: at 20,000 documents, 9 to 12 MiB of text for about
// 6 MiB of strings. TestMetaIsCompact holds every string field to it.
func (m *Meta) compact() { strblock.Compact(m.eachString) }

// eachString calls f with each string of m that comes from the front
// matter (the paths in its positions do not).
func (m *Meta) eachString(f func(*string)) {
	f(&m.Title)
	f(&m.Summary)
	f(&m.Sector)
	f(&m.Law)
	f(&m.Updated)
	f(&m.StatusDate)
	f(&m.TranslatedFrom)
	for i := range m.Related {
		f(&m.Related[i].Slug)
	}
	for i := range m.Sources {
		s := &m.Sources[i]
		f(&s.Title)
		f(&s.URL)
		f(&s.Publisher)
		f(&s.Date)
	}
	for i := range m.Figures {
		g := &m.Figures[i]
		f(&g.ID)
		f(&g.Title)
		f(&g.Unit)
		f(&g.Source)
		for j := range g.Data {
			f(&g.Data[j].Label)
		}
	}
	for i := range m.Numbers {
		f(&m.Numbers[i].Value)
		f(&m.Numbers[i].Label)
	}
}
