// Package model defines the content schema: one Go type per record kind,
// with documented fields. These types are the single source of truth for
// the schema: loading, validation, the JSON Schema and the schema reference
// page are all derived from them by reflection.
//
// Each field carries three struct tags besides `yaml`:
//
//	check:"required,ref=boards,enum=a|b,min=1"  rules the loader enforces
//	doc:"..."                                   what the field means, for editors
//	example:"..."                               a YAML example value
//
// The named string types (URL, Date, Markdown, StateCode, SOCCode, Path, ID)
// carry their format; the loader validates each by its type.
package model

// ID is a record identifier: lower-case kebab case, the file name without
// its extension. Occupations use their O*NET-SOC code instead.
type ID = string

// URL is an absolute http or https URL.
type URL string

// Date is a calendar date in ISO 8601 form, YYYY-MM-DD.
type Date string

// Markdown is prose in CommonMark with GitHub tables. Links may name a
// record instead of a URL, as in [the board](board:oh-respiratory-care-board).
type Markdown string

// StateCode is a two-letter USPS code of a state, DC or territory.
type StateCode string

// SOCCode is an O*NET-SOC occupation code such as 29-1126.00.
type SOCCode string

// Path is a site-absolute URL path such as /licenses/old-name/.
type Path string

// Source is a document that supports the facts of a record.
type Source struct {
	Title string `yaml:"title" check:"required" doc:"The document's title as its publisher gives it." example:"Ohio Revised Code Chapter 4761"`
	URL   URL    `yaml:"url" check:"required" doc:"Where the document can be read." example:"https://codes.ohio.gov/ohio-revised-code/chapter-4761"`
}

// Reported holds figures published by an outside database, shown beside the
// figures the site derives from its own records.
type Reported struct {
	Licenses      int    `yaml:"licenses" doc:"Number of licenses the outside source counts." example:"111"`
	Jurisdictions int    `yaml:"jurisdictions" doc:"Number of states and territories the outside source counts." example:"48"`
	Source        Source `yaml:"source" check:"required" doc:"Where the figures were published."`
	Note          string `yaml:"note" doc:"How the outside source counts, where that differs from this site." example:"Counts respiratory therapists only."`
}
