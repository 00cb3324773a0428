package status

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"

	"explainer/generator/internal/content"
)

// Changes returns git's diff of the source file src from its version of
// fingerprint marked to now. The version is found in git's history of the
// file, so a shallow clone may lack it (GitHub's checkout needs
// fetch-depth: 0); the error then says why there is no diff.
func Changes(src, marked string) (string, error) {
	dir, file := filepath.Split(src)
	if dir == "" {
		dir = "."
	}
	log, err := git(dir, "log", "--format=%H", "--", file)
	if err != nil {
		return "", err
	}
	for _, commit := range strings.Fields(log) {
		text, err := git(dir, "show", commit+":./"+file)
		if err != nil {
			continue // the file had another name then
		}
		if content.Fingerprint([]byte(text)) == marked {
			return git(dir, "diff", "--no-color", "--no-ext-diff", commit, "--", file)
		}
	}
	return "", fmt.Errorf("no version of %s in git's history has the fingerprint %s that the translation was marked with", src, marked)
}

// git runs git in dir and returns what it printed.
func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return "", fmt.Errorf("git %s: %s", args[0], strings.TrimSpace(errOut.String()))
		}
		return "", fmt.Errorf("git is needed to show what changed: %v", err)
	}
	return out.String(), nil
}
