package output

import (
	"os"
	"path/filepath"
	"regexp"
)

// tempPrefix is the start of the name of a build's temporary folder for the
// output folder named base; os.MkdirTemp adds digits.
func tempPrefix(base string) string { return "." + base + ".new-" }

// leftoverRE matches the names tempPrefix and swapSteps make, and nothing
// else: a folder the user made is never taken for a leftover.
func leftoverRE(base string) *regexp.Regexp {
	return regexp.MustCompile(`^` + regexp.QuoteMeta(tempPrefix(base)) + `[0-9]+(\.old)?$`)
}

// Leftovers lists the temporary folders of killed builds of the output
// folder out.
func Leftovers(out string) ([]string, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	parent, base := filepath.Dir(abs), filepath.Base(abs)
	ents, err := os.ReadDir(parent)
	if err != nil {
		return nil, err
	}
	re := leftoverRE(base)
	var found []string
	for _, e := range ents {
		if e.IsDir() && re.MatchString(e.Name()) {
			found = append(found, filepath.Join(parent, e.Name()))
		}
	}
	return found, nil
}

// removeLeftovers deletes the temporary folders that builds of base left in
// parent, except those a running build holds. It is best effort: a folder
// it cannot remove now is tried again by the next build.
func removeLeftovers(parent, base string) {
	found, err := Leftovers(filepath.Join(parent, base))
	if err != nil {
		return
	}
	for _, p := range found {
		if !inUse(p) {
			os.RemoveAll(p)
		}
	}
}
