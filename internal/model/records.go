package model

// Site is content/site.yaml: settings that apply to every page.
type Site struct {
	Title       string `yaml:"title" check:"required" doc:"The site's name, shown in every page title." example:"Licensure"`
	Description string `yaml:"description" check:"required" doc:"One sentence on what the site is, for the home page and search engines." example:"Who licenses what, state by state."`
	BaseURL     URL    `yaml:"base_url" check:"required" doc:"The published address, used for canonical URLs, the sitemap and the feed." example:"https://licensure.example.org"`
	Repository  URL    `yaml:"repository" check:"required" doc:"The repository that holds the content." example:"https://github.com/example/licensure"`
	EditURL     string `yaml:"edit_url" check:"required" doc:"Edit link pattern; {path} becomes the record's file path." example:"https://github.com/example/licensure/edit/main/{path}"`
	IssueURL    string `yaml:"issue_url" check:"required" doc:"New-issue link pattern; {title} becomes the issue title." example:"https://github.com/example/licensure/issues/new?title={title}"`
	Language    string `yaml:"language" doc:"BCP 47 language of the pages." example:"en-US"`
}

// State is one entry of content/states.yaml.
type State struct {
	Code StateCode `yaml:"code" check:"required" doc:"USPS code." example:"OH"`
	Name string    `yaml:"name" check:"required" doc:"Official short name." example:"Ohio"`
	Type string    `yaml:"type" check:"required,enum=state|district|territory" doc:"Whether a state, the federal district or a territory." example:"state"`
	// UniversalRecognition and MilitarySpouse are the state-wide portability
	// laws that apply to every license the state issues.
	UniversalRecognition StateLaw `yaml:"universal_recognition" doc:"The state's universal license recognition law, if it has one."`
	MilitarySpouse       StateLaw `yaml:"military_spouse" doc:"The state's law on licenses for military spouses, if it has one."`
}

// States is content/states.yaml.
type States struct {
	States []State `yaml:"states" check:"required,min=1" doc:"Every jurisdiction the site covers."`
}

// Family is content/families/<id>.yaml: a group of related specialties.
type Family struct {
	Name        string    `yaml:"name" check:"required" doc:"The family's name." example:"Cardiac Care, Perfusion, Dialysis and Respiratory Care"`
	Summary     Markdown  `yaml:"summary" check:"required" doc:"Who these practitioners are and how they are qualified."`
	Occupations []SOCCode `yaml:"occupations" check:"ref=occupations" doc:"O*NET-SOC codes of the family's occupations." example:"[29-1126.00]"`
	Reported    Reported  `yaml:"reported" doc:"Figures an outside database publishes for the family."`
	Sources     []Source  `yaml:"sources" check:"required,min=1" doc:"Documents that support the record."`
	Reviewed    Date      `yaml:"reviewed" check:"required" doc:"When an editor last checked the record against its sources." example:"2026-11-24"`
}

// Specialty is content/specialties/<id>.yaml: one licensed practice area.
type Specialty struct {
	Name        string    `yaml:"name" check:"required" doc:"The specialty's name." example:"Respiratory care"`
	Family      ID        `yaml:"family" check:"required,ref=families" doc:"The family it belongs to." example:"cardiopulmonary"`
	Summary     Markdown  `yaml:"summary" check:"required" doc:"What practitioners of the specialty do."`
	Occupations []SOCCode `yaml:"occupations" check:"ref=occupations" doc:"O*NET-SOC codes that cover the specialty." example:"[29-1126.00]"`
	Reported    Reported  `yaml:"reported" doc:"Figures an outside database publishes for the specialty."`
	NotLicensed []Absence `yaml:"not_licensed" doc:"States found, by research, not to license the specialty. A state neither licensed nor listed here counts as not yet researched."`
	Sources     []Source  `yaml:"sources" doc:"Documents that support the record."`
	Reviewed    Date      `yaml:"reviewed" doc:"When an editor last checked the record." example:"2026-11-24"`
}

// Absence records that a state does not license a specialty, with the
// source that shows it.
type Absence struct {
	State    StateCode `yaml:"state" check:"required,ref=states" doc:"The state." example:"AK"`
	Note     string    `yaml:"note" doc:"What the state does instead, if anything." example:"Respiratory therapists practise under physician delegation."`
	Source   Source    `yaml:"source" check:"required" doc:"The document that shows the state does not license it."`
	Reviewed Date      `yaml:"reviewed" check:"required" doc:"When an editor last checked it." example:"2026-11-24"`
}

// Occupation is content/occupations/<soc-code>.yaml.
type Occupation struct {
	Title   string   `yaml:"title" check:"required" doc:"The title O*NET gives the occupation." example:"Respiratory Therapists"`
	Summary Markdown `yaml:"summary" check:"required" doc:"What people in the occupation do, in the site's own words."`
	URL     URL      `yaml:"url" check:"required" doc:"The occupation's O*NET OnLine page." example:"https://www.onetonline.org/link/summary/29-1126.00"`
	Sources []Source `yaml:"sources" doc:"Documents that support the record."`
}

// Issuer is content/issuers/<id>.yaml: a body that awards certifications.
type Issuer struct {
	Name     string   `yaml:"name" check:"required" doc:"The body's full name." example:"National Board for Respiratory Care"`
	Acronym  string   `yaml:"acronym" doc:"The short name it goes by." example:"NBRC"`
	URL      URL      `yaml:"url" check:"required" doc:"Its official site." example:"https://www.nbrc.org"`
	Summary  Markdown `yaml:"summary" doc:"What the body is."`
	Sources  []Source `yaml:"sources" check:"required,min=1" doc:"Documents that support the record."`
	Reviewed Date     `yaml:"reviewed" check:"required" doc:"When an editor last checked the record." example:"2026-11-24"`
	Aliases  []Path   `yaml:"aliases" doc:"Old URL paths that redirect here." example:"[/issuers/old-name/]"`
}

// Certification is content/certifications/<id>.yaml: a credential a
// private body awards, which state licenses may require or accept.
type Certification struct {
	Name        string   `yaml:"name" check:"required" doc:"The certification's full name." example:"Registered Respiratory Therapist"`
	Acronym     string   `yaml:"acronym" doc:"The letters holders use." example:"RRT"`
	Issuer      ID       `yaml:"issuer" check:"ref=issuers" doc:"The body that awards it. Leave out only when no issuer can be established, and say so in issuer_note." example:"nbrc"`
	IssuerNote  string   `yaml:"issuer_note" doc:"Why no issuer is named, shown on the page in its place." example:"The listing that names this title gives no awarding body."`
	Specialties []ID     `yaml:"specialties" check:"required,min=1,ref=specialties" doc:"The specialties it serves." example:"[respiratory-care]"`
	URL         URL      `yaml:"url" doc:"Its official page at the issuer." example:"https://www.nbrc.org/examinations/rrt/"`
	Summary     Markdown `yaml:"summary" check:"required" doc:"What it certifies and how it is earned."`
	Sources     []Source `yaml:"sources" check:"required,min=1" doc:"Documents that support the record."`
	Reviewed    Date     `yaml:"reviewed" check:"required" doc:"When an editor last checked the record." example:"2026-11-24"`
	Aliases     []Path   `yaml:"aliases" doc:"Old URL paths that redirect here." example:"[/certifications/old-name/]"`
}

// Compact is content/compacts/<id>.yaml: an interstate compact through
// which a license of one member state lets its holder practise in others.
type Compact struct {
	Name                string          `yaml:"name" check:"required" doc:"The compact's name." example:"Respiratory Care Interstate Compact"`
	Acronym             string          `yaml:"acronym" doc:"The short name it goes by, where a source uses one." example:"RCIC"`
	Specialties         []ID            `yaml:"specialties" check:"required,min=1,ref=specialties" doc:"The specialties whose licenses it covers." example:"[respiratory-care]"`
	Summary             Markdown        `yaml:"summary" check:"required" doc:"What the compact grants and who runs it."`
	ModelLegislation    URL             `yaml:"model_legislation" check:"required" doc:"The model legislation each member state enacts." example:"https://compacts.csg.org/compact-updates/respiratory-care/"`
	Commission          URL             `yaml:"commission" doc:"The commission's site, once it has one." example:"https://rcic.example.org"`
	ActivationThreshold int             `yaml:"activation_threshold" check:"required" doc:"How many states must enact the compact before it takes effect." example:"7"`
	Status              string          `yaml:"status" check:"required,enum=gathering-members|activated|operational" doc:"gathering-members: fewer states than the threshold have enacted it; activated: the threshold is met and the commission is forming; operational: privileges to practise are issued." example:"gathering-members"`
	Members             []CompactMember `yaml:"members" doc:"Every state that has enacted the compact or has a bill pending."`
	Sources             []Source        `yaml:"sources" check:"required,min=1" doc:"Documents that support the record."`
	Reviewed            Date            `yaml:"reviewed" check:"required" doc:"When an editor last checked the record." example:"2026-12-04"`
	Aliases             []Path          `yaml:"aliases" doc:"Old URL paths that redirect here." example:"[/compacts/old-name/]"`
}

// CompactMember is a state's standing in a compact.
type CompactMember struct {
	State  StateCode `yaml:"state" check:"required,ref=states" doc:"The state." example:"OH"`
	Status string    `yaml:"status" check:"required,enum=enacted|pending" doc:"enacted: the state's law includes the compact; pending: a bill is before its legislature." example:"enacted"`
	Law    string    `yaml:"law" check:"required" doc:"The bill or the law." example:"HB 123 (2025)"`
	URL    URL       `yaml:"url" doc:"Where the bill or law can be read." example:"https://legislature.example.gov/bills/hb123"`
	Date   Date      `yaml:"date" check:"required" doc:"When it was enacted, or the bill's latest action." example:"2025-06-30"`
	Source Source    `yaml:"source" check:"required" doc:"The document that shows the state's standing."`
}

// StateLaw is a state-wide law on the portability of licenses, which
// applies to every occupation the state licenses.
type StateLaw struct {
	Law      string   `yaml:"law" check:"required" doc:"The law's citation." example:"Ariz. Rev. Stat. § 32-4302"`
	Year     int      `yaml:"year" check:"required" doc:"The year it was enacted." example:"2019"`
	Summary  Markdown `yaml:"summary" check:"required" doc:"Who qualifies and what it grants."`
	URL      URL      `yaml:"url" doc:"Where the law can be read." example:"https://www.azleg.gov/ars/32/04302.htm"`
	Source   Source   `yaml:"source" check:"required" doc:"The document that shows it."`
	Reviewed Date     `yaml:"reviewed" check:"required" doc:"When an editor last checked it." example:"2026-12-04"`
}
