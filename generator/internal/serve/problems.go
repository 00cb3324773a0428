package serve

import (
	"encoding/json"
	"io"
	"os"

	"explainer/generator/internal/diag"
)

// problem is a build problem as the preview shows it: the line the
// command line prints, and the lines of the file around it.
type problem struct {
	Text    string      `json:"text"`
	Warning bool        `json:"warning,omitempty"`
	Lines   []diag.Line `json:"lines,omitempty"`
}

// contextLines is how many lines the overlay shows before and after the
// line of a problem.
const contextLines = 2

// maxContextFile is the largest file whose lines are shown: content files
// are limited to 1 MiB.
const maxContextFile = 1 << 20

// problems lists a failed build's problems (warnings included) as the
// command line prints them, each with the lines around it.
func problems(err error) []problem {
	es := diag.AsList(err)
	if es == nil {
		return []problem{{Text: err.Error()}}
	}
	return withContext(es)
}

// withContext makes problems of es, reading each file once.
func withContext(es []*diag.Error) []problem {
	files := make(map[string][]byte)
	out := make([]problem, len(es))
	for i, e := range es {
		out[i] = problem{Text: e.Error(), Warning: e.Warning}
		if e.Pos.Line == 0 {
			continue
		}
		src, ok := files[e.Pos.Path]
		if !ok {
			src = readHead(e.Pos.Path)
			files[e.Pos.Path] = src
		}
		out[i].Lines = diag.Context(src, e.Pos.Line, contextLines)
	}
	return out
}

// readHead reads the file at path, or its first maxContextFile bytes, or
// nothing if it cannot be read (it may be gone by now).
func readHead(path string) []byte {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	src, _ := io.ReadAll(io.LimitReader(f, maxContextFile))
	return src
}

// problemsEvent is the event name ("problems" or "warnings") with ps.
func problemsEvent(name string, ps []problem) event {
	data, _ := json.Marshal(ps)
	return event{name, string(data)}
}
