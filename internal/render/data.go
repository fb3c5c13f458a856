package render

import (
	"html/template"

	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/resolve"
)

// Base is what every page template sees, whatever its kind.
type Base struct {
	Site        *model.Site
	Graph       *resolve.Graph
	Title       string     // the page's own title, without the site name
	Description string     // for the meta description and link previews
	Path        string     // site path, such as /licenses/x/
	Canonical   string     // absolute URL of the page
	EditURL     string     // link to edit the record's file, or ""
	ReportURL   string     // link to report a problem with the page
	Reviewed    model.Date // when the record was last reviewed, or ""
	Assets      Assets
	Crumbs      []Crumb // breadcrumb trail above the title, home excluded
	JSONLD      any     // schema.org data embedded in the page, or nil
}

// Crumb is one step of a breadcrumb trail.
type Crumb struct {
	URL, Title string
}

// Assets are the published URLs of the site's stylesheet, scripts and
// icon, fingerprinted where they can be cached for long.
type Assets struct {
	CSS, JS, Search, Icon string
}

// LicensePage is /licenses/<id>/.
type LicensePage struct {
	Base
	License *resolve.License
}

// BoardPage is /boards/<id>/.
type BoardPage struct {
	Base
	Board *resolve.Board
}

// CertificationPage is /certifications/<id>/.
type CertificationPage struct {
	Base
	Certification *resolve.Certification
}

// IssuerPage is /issuers/<id>/.
type IssuerPage struct {
	Base
	Issuer *resolve.Issuer
}

// SpecialtyPage is /specialties/<id>/.
type SpecialtyPage struct {
	Base
	Specialty *resolve.Specialty
	Coverage  []Coverage    // one entry per state, by name
	Map       template.HTML // tile map of Coverage, from maps.go
}

// FamilyPage is /families/<id>/.
type FamilyPage struct {
	Base
	Family *resolve.Family
	Map    template.HTML // tile map of the states with a license, from maps.go
	Table  MapTable      // the table beside the map, from maps.go
}

// OccupationPage is /occupations/<code>/.
type OccupationPage struct {
	Base
	Occupation *resolve.Occupation
}

// StatePage is /states/<code>/.
type StatePage struct {
	Base
	State       *resolve.State
	NotLicensed []*resolve.Specialty // researched and found not licensed
	Unknown     []*resolve.Specialty // not yet researched in this state
}

// IndexPage lists every record of a kind.
type IndexPage struct {
	Base
	Kind  string
	Items []Item
}

// Item is one row of an index page.
type Item struct {
	URL, Title, Detail string
}

// HomePage is the site's front page.
type HomePage struct {
	Base
	Recent []Item        // the latest reviewed records
	Map    template.HTML // tile map of specialties licensed per state, from maps.go
	Table  MapTable      // the table beside the map, from maps.go
}

// ContentPage is a Markdown page of content/pages.
type ContentPage struct {
	Base
	Page *resolve.Page
}

// Coverage says whether a state licenses a specialty.
type Coverage struct {
	State    *resolve.State
	Status   string             // "licensed", "not-licensed" or "unknown"
	Licenses []*resolve.License // when licensed
}
