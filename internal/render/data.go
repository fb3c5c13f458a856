package render

import (
	"html/template"

	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/resolve"
)

// Data is what a page template sees. The first fields are common to every
// page; a record page also sets the field of its kind (License, Board…),
// and a few pages the views they show (Coverage, Map…). The few pages with
// data of their own (search, data, matrix, maintainers, schema) embed Data.
//
// The fields are direct on purpose: html/template looks up a field
// promoted from an embedded struct with a breadth-first search on every
// use, and a direct one with a scan, which at 10,000 licenses is the
// difference of most of a second (docs/performance.md).
type Data struct {
	Site        *model.Site
	Graph       *resolve.Graph
	Title       string     // the page's own title, without the site name
	Description string     // for the meta description and link previews
	Path        string     // site path, such as /licenses/x/
	Canonical   string     // absolute URL of the page
	EditURL     string     // link to edit the record's file, or ""
	ReportURL   string     // link to report a problem with the page
	Reviewed    model.Date // when the record was last reviewed, or ""
	Crumbs      []Crumb    // breadcrumb trail above the title, home excluded
	JSONLD      any        // schema.org data embedded in the page, or nil

	// The record a record page presents: one of these is set.
	License       *resolve.License
	Board         *resolve.Board
	Certification *resolve.Certification
	Issuer        *resolve.Issuer
	Specialty     *resolve.Specialty
	Family        *resolve.Family
	Occupation    *resolve.Occupation
	State         *resolve.State
	Page          *resolve.Page // a Markdown page of content/pages

	// Views of some pages.
	Coverage    []Coverage           // specialty: one entry per state, by name
	Map         template.HTML        // specialty, family, home: tile map, from maps.go
	Table       MapTable             // family, home: the table beside the map
	NotLicensed []Finding            // state: researched and found not licensed
	Unknown     []*resolve.Specialty // state: not yet researched there
	Kind        string               // index: the kind it lists
	Items       []Item               // index: its rows
	Recent      []Item               // home: the latest reviewed records
	Unnamed     []SpecialtyCount     // certification: licenses of its specialties that name no certification
	Military    string               // license, state: the page on the federal military-spouse provision, or ""
	Move        bool                 // home, state, move: whether the page shows the moving form
}

// Crumb is one step of a breadcrumb trail.
type Crumb struct {
	URL, Title string
}

// Item is one row of an index page.
type Item struct {
	URL, Title, Detail string
}

// Coverage says whether a state licenses a specialty.
type Coverage struct {
	State      *resolve.State
	Status     string             // "licensed", "not-licensed" or "unknown"
	Licenses   []*resolve.License // when licensed
	Credential string             // when licensed: the kind of the state's main credential (model.CredentialKinds)
	Absence    *model.Absence     // when not licensed: the finding, with its source
}

// Finding is a specialty a state was found not to license, with the finding.
type Finding struct {
	Specialty *resolve.Specialty
	Absence   *model.Absence
}

// SpecialtyCount is a number of licenses of a specialty.
type SpecialtyCount struct {
	Specialty *resolve.Specialty
	N         int
}
