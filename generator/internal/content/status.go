package content

import (
	"slices"
	"strings"

	"explainer/generator/internal/diag"

	"github.com/goccy/go-yaml/ast"
)

// Status is what has become of a barrier since the report (status, as
// of status_date); content/README.md explains the values.
type Status uint8

const (
	StatusNone  Status = iota // the entry does not say
	Unchanged                 // no change reported
	Negotiating               // under negotiation
	Committed                 // Korea committed to change
	Resolved                  // resolved
)

// statusRequired: optional until the content gives them everywhere.
const statusRequired = false

// statusNames are the values editors write, by Status.
var statusNames = [...]string{Unchanged: "unchanged", Negotiating: "negotiating", Committed: "committed", Resolved: "resolved"}

// String is the value as written ("" for StatusNone), as templates use it.
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return ""
}

// StatusNames lists the values status takes, in order.
func StatusNames() []string { return statusNames[Unchanged:] }

func decodeStatus(d *yamlDoc, n ast.Node, m *Meta) {
	s, ok := d.str(n, "status")
	if !ok {
		return
	}
	if i := slices.Index(statusNames[:], s); i > 0 {
		m.Status = Status(i)
		return
	}
	names := StatusNames()
	if near := Closest(s, names); near != "" {
		d.errs.Addf(d.pos(n), "unknown status %q; did you mean %q? (statuses are: %s)", s, near, strings.Join(names, ", "))
		return
	}
	d.errs.Addf(d.pos(n), "unknown status %q; statuses are: %s", s, strings.Join(names, ", "))
}

func decodeStatusDate(d *yamlDoc, n ast.Node, m *Meta) {
	m.StatusDate, _ = d.date(n, "status_date")
}

// checkStatusPair reports a status without its date, or a date without a
// status, at the key that is there.
func checkStatusPair(m *Meta, errs *diag.List) {
	switch hasStatus, hasDate := m.StatusPos != (diag.Pos{}), m.StatusDatePos != (diag.Pos{}); {
	case hasStatus && !hasDate:
		errs.Addf(m.StatusPos, "%q needs %q, the date (YYYY-MM-DD) as of which the status was checked", "status", "status_date")
	case hasDate && !hasStatus:
		errs.Addf(m.StatusDatePos, "%q needs %q, the status checked on that date (one of %s)", "status_date", "status", strings.Join(StatusNames(), ", "))
	}
}
