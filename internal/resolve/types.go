package resolve

import "github.com/licensure/licensure/internal/model"

// Meta is what every record page knows about its record.
type Meta struct {
	ID   string
	File string     // content path, for the edit link
	Kind model.Kind // the record's kind
	Path string     // site path such as /licenses/oh-respiratory-care-professional/
}

// State is a jurisdiction with every record that names it.
type State struct {
	Meta
	model.State
	Licenses []*License // by specialty name, then title
	Boards   []*Board   // by name
	Compacts []Standing // the compacts it has enacted or is considering, by name
}

// Family groups specialties; its figures are derived from their licenses.
type Family struct {
	Meta
	*model.Family
	Specialties   []*Specialty
	Occupations   []*Occupation
	Licenses      []*License // by state name, then title
	Jurisdictions []*State   // states with at least one license, by name
}

// Specialty is one licensed practice area.
type Specialty struct {
	Meta
	*model.Specialty
	Family         *Family
	Occupations    []*Occupation
	Licenses       []*License // by state name, then title
	Certifications []*Certification
	Jurisdictions  []*State // states with at least one license, by name
	NotLicensed    []*State // states researched and found not to license it
	Compacts       []*Compact
}

// Occupation is an O*NET-SOC occupation.
type Occupation struct {
	Meta
	*model.Occupation
	Licenses    []*License
	Specialties []*Specialty
	Families    []*Family
}

// License is one state's credential, every reference a pointer.
type License struct {
	Meta
	*model.License
	State          *State
	Specialty      *Specialty
	Board          *Board
	Occupations    []*Occupation
	Certifications []CertRole
	LeadsTo        *License   // for a permit, the full license it leads to
	Permits        []*License // the permits that lead to it, by title
	Compacts       []Standing // every compact of its specialty, with its state's standing
}

// CertRole is a certification as a license names it.
type CertRole struct {
	Cert *Certification
	Role string
}

// Board is a licensing board or agency.
type Board struct {
	Meta
	*model.Board
	State    *State
	Licenses []*License
}

// Certification is a credential a private body awards.
type Certification struct {
	Meta
	*model.Certification
	Issuer      *Issuer
	Specialties []*Specialty
	Licenses    []LicenseRole // licenses that name it, by state name
}

// LicenseRole is a license as a certification's page lists it.
type LicenseRole struct {
	License *License
	Role    string
}

// Issuer is a certifying body.
type Issuer struct {
	Meta
	*model.Issuer
	Certifications []*Certification
}

// Page is a Markdown page of content/pages.
type Page struct {
	Meta
	Title, Description string
	Order              int
	Body               model.Markdown
	BodyLine           int
}

// Compact is an interstate compact, its members in order of state name.
type Compact struct {
	Meta
	*model.Compact
	Specialties []*Specialty
	Members     []Member
}

// Member is a state's standing in a compact.
type Member struct {
	State *State
	*model.CompactMember
}

// Standing is a compact as a state or license sees it: Member is nil when
// the state has neither enacted the compact nor a bill pending.
type Standing struct {
	Compact *Compact
	Member  *Member
}
