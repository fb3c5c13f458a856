package opendata

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/resolve"
)

// ColumnType is the kind of value a column holds.
type ColumnType int

// The column types. Text is plain text; Markdown is text in Markdown, as
// the record holds it; List is several values (joined by ";" in CSV, an
// array in JSON); Number is an amount (an empty CSV cell and null in JSON
// when the license documents none).
const (
	Text ColumnType = iota
	Markdown
	List
	Number
)

func (t ColumnType) String() string { return [...]string{"text", "markdown", "list", "number"}[t] }

// Cell is one license's value in a column.
type Cell struct {
	Text   string   // Text and Markdown
	List   []string // List
	Amount float64  // Number, when Known
	Known  bool     // Number: whether the license states the amount
}

// Column is one column of the license tables: licenses.csv and
// licenses.json, the per-specialty downloads and the compare pages all read
// this one table, so a column is defined here once.
type Column struct {
	Name  string     // CSV header and JSON key
	Label string     // row heading on the compare pages; "" leaves it off them
	Doc   string     // what the data page says of it
	Type  ColumnType //
	Value func(base string, l *resolve.License) Cell
}

func text(s string) Cell { return Cell{Text: s} }

// LicenseColumns is the license table, in column order.
var LicenseColumns = buildColumns()

func buildColumns() []Column {
	cols := []Column{
		{"id", "", "The license's record ID; its page is /licenses/<id>/.", Text, func(_ string, l *resolve.License) Cell { return text(l.ID) }},
		{"title", "Credential", "The credential's title as the state uses it.", Text, func(_ string, l *resolve.License) Cell { return text(l.Title) }},
		{"state", "", "USPS code of the issuing state or territory.", Text, func(_ string, l *resolve.License) Cell { return text(string(l.State.Code)) }},
		{"state_name", "", "Name of the issuing state or territory.", Text, func(_ string, l *resolve.License) Cell { return text(l.State.Name) }},
		{"specialty", "", "ID of the specialty it licenses.", Text, func(_ string, l *resolve.License) Cell { return text(l.Specialty.ID) }},
		{"specialty_name", "", "Name of the specialty.", Text, func(_ string, l *resolve.License) Cell { return text(l.Specialty.Name) }},
		{"board", "", "ID of the board or agency that issues it.", Text, func(_ string, l *resolve.License) Cell { return text(boardOf(l).ID) }},
		{"board_name", "Board", "Name of the board or agency.", Text, func(_ string, l *resolve.License) Cell { return text(boardOf(l).Name) }},
		{"credential", "Kind", "The kind of credential: " + strings.Join(model.CredentialKinds(), ", ") + ".", Text, func(_ string, l *resolve.License) Cell { return text(l.Credential) }},
		{"leads_to", "", "For a permit, the ID of the full license it leads to.", Text, func(_ string, l *resolve.License) Cell { return text(l.License.LeadsTo) }},
		{"permits", "Permits", "IDs of the permits that lead to this license.", List, func(_ string, l *resolve.License) Cell { return Cell{List: ids(l.Permits)} }},
		{"occupations", "", "O*NET-SOC codes of the licensed occupation.", List, func(_ string, l *resolve.License) Cell { return Cell{List: occupationIDs(l)} }},
		{"education", "Education", "Required schooling or training program, in Markdown; empty when not documented.", Markdown, func(_ string, l *resolve.License) Cell { return text(string(l.Requirements.Education)) }},
		{"exam", "Examination", "Examination to pass; empty when not documented.", Text, func(_ string, l *resolve.License) Cell { return text(l.Requirements.Exam) }},
	}
	for _, role := range model.CertRoles() {
		cols = append(cols, Column{role + "_certifications", model.CertRoleLabel(role) + " certifications", "IDs of certifications in the role " + role + ": " + model.CertRoleDoc(role), List,
			func(_ string, l *resolve.License) Cell { return Cell{List: certsInRole(l, role)} }})
	}
	cols = append(cols,
		Column{"experience", "Experience", "Supervised practice or work experience required; empty when not documented.", Text, func(_ string, l *resolve.License) Cell { return text(l.Requirements.Experience) }},
		Column{"continuing_education", "Continuing education", "Continuing education to renew; empty when not documented.", Text, func(_ string, l *resolve.License) Cell { return text(l.Requirements.ContinuingEducation) }},
		Column{"renewal", "Renewal", "How often the credential is renewed, as the source says; empty when not documented.", Text, func(_ string, l *resolve.License) Cell { return text(l.Requirements.Renewal) }},
	)
	for _, kind := range model.FeeKinds() {
		cols = append(cols, Column{"fee_" + kind, model.FeeLabel(kind) + " fee", "The " + strings.ToLower(model.FeeLabel(kind)) + " fee in U.S. dollars, the first the record lists; empty when not documented.", Number,
			func(_ string, l *resolve.License) Cell { return feeOf(l, kind) }})
	}
	cols = append(cols,
		Column{"fees", "", "Every fee the record lists: what it is for, the amount, and any period or note, separated by \";\".", List, func(_ string, l *resolve.License) Cell { return Cell{List: feeTexts(l)} }},
		Column{"endorsement", "Endorsement", "How a holder of another state's license obtains this one, in Markdown; empty when not documented.", Markdown, func(_ string, l *resolve.License) Cell { return text(string(l.Portability.Endorsement)) }},
		Column{"temporary_permit", "Temporary permit", "What lets a newcomer work while the application is pending, in Markdown; empty when not documented.", Markdown, func(_ string, l *resolve.License) Cell { return text(string(l.Portability.TemporaryPermit)) }},
		Column{"compacts", "Interstate compact", "Each interstate compact of the specialty with the state's standing: \"<compact ID>: enacted|pending|not a member\".", List, func(_ string, l *resolve.License) Cell { return Cell{List: standings(l)} }},
		Column{"statute", "Law", "The law that creates the credential.", Text, func(_ string, l *resolve.License) Cell { return text(l.Statute.Citation) }},
		Column{"statute_url", "", "Where the law can be read.", Text, func(_ string, l *resolve.License) Cell { return text(string(l.Statute.URL)) }},
		Column{"apply_url", "", "Where to apply.", Text, func(_ string, l *resolve.License) Cell { return text(string(l.Links.Apply)) }},
		Column{"verify_url", "", "Where to verify a license holder.", Text, func(_ string, l *resolve.License) Cell { return text(string(l.Links.Verify)) }},
		Column{"reviewed", "Reviewed", "When an editor last checked the record, YYYY-MM-DD.", Text, func(_ string, l *resolve.License) Cell { return text(string(l.Reviewed)) }},
		Column{"url", "", "The license's page on this site.", Text, func(base string, l *resolve.License) Cell { return text(base + l.Path) }},
	)
	return cols
}

// boardOf returns the license's board, or an empty one.
func boardOf(l *resolve.License) *resolve.Board {
	if l.Board == nil {
		return &resolve.Board{Board: &model.Board{}}
	}
	return l.Board
}

func ids(ls []*resolve.License) []string {
	out := make([]string, 0, len(ls))
	for _, l := range ls {
		out = append(out, l.ID)
	}
	return out
}

func occupationIDs(l *resolve.License) []string {
	out := make([]string, 0, len(l.Occupations))
	for _, o := range l.Occupations {
		out = append(out, o.ID)
	}
	return out
}

func certsInRole(l *resolve.License, role string) []string {
	out := []string{}
	for _, c := range l.Certifications {
		if c.Role == role {
			out = append(out, c.Cert.ID)
		}
	}
	return out
}

func feeOf(l *resolve.License, kind string) Cell {
	for _, f := range l.Requirements.Fees {
		if f.For == kind {
			return Cell{Amount: f.Amount, Known: true}
		}
	}
	return Cell{}
}

func feeTexts(l *resolve.License) []string {
	out := make([]string, 0, len(l.Requirements.Fees))
	for _, f := range l.Requirements.Fees {
		out = append(out, FeeText(f))
	}
	return out
}

// FeeText writes a fee in words: "renewal: $111.25 for 24 months ($104
// board fee...)".
func FeeText(f model.Fee) string {
	s := f.For + ": " + Dollars(f.Amount)
	if f.Months > 0 {
		s += " for " + strconv.Itoa(f.Months) + " months"
	}
	if f.Note != "" {
		s += " (" + f.Note + ")"
	}
	return s
}

// Dollars writes an amount as "$75" or "$3.50".
func Dollars(a float64) string {
	if a == float64(int64(a)) {
		return "$" + strconv.FormatInt(int64(a), 10)
	}
	return "$" + strconv.FormatFloat(a, 'f', 2, 64)
}

func standings(l *resolve.License) []string {
	out := make([]string, 0, len(l.Compacts))
	for _, s := range l.Compacts {
		status := "not a member"
		if s.Member != nil {
			status = s.Member.Status
		}
		out = append(out, s.Compact.ID+": "+status)
	}
	return out
}

// Compared lists the columns the compare pages show, in order.
func Compared() []Column {
	var out []Column
	for _, c := range LicenseColumns {
		if c.Label != "" {
			out = append(out, c)
		}
	}
	return out
}

// SpecialtyPaths returns the site paths of the downloads of specialty s:
// its licenses as CSV and as JSON, with the columns of LicenseColumns.
func SpecialtyPaths(s *resolve.Specialty) (csvPath, jsonPath string) {
	return s.Path + "licenses.csv", s.Path + "licenses.json"
}

// WriteSpecialties writes the downloads of every specialty, as WriteOne
// writes one of Downloads.
func WriteSpecialties(g *resolve.Graph, emit func(path string, fill func(io.Writer) error) error) error {
	for _, s := range g.Specialties {
		c, j := SpecialtyPaths(s)
		if err := emit(strings.TrimPrefix(c, "/"), func(w io.Writer) error { return writeTableCSV(w, g, s.Licenses) }); err != nil {
			return fmt.Errorf("opendata: %s: %w", c, err)
		}
		if err := emit(strings.TrimPrefix(j, "/"), func(w io.Writer) error { return writeTableJSON(w, g, s.Licenses) }); err != nil {
			return fmt.Errorf("opendata: %s: %w", j, err)
		}
	}
	return nil
}

// RefKind is the kind of record the values of a list column name, as a
// record link names it ("certification"), or "".
func (c Column) RefKind() string {
	switch {
	case strings.HasSuffix(c.Name, "_certifications"):
		return "certification"
	case c.Name == "permits":
		return "license"
	case c.Name == "compacts":
		return "compact"
	}
	return ""
}
