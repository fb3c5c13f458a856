package model

// Board is content/boards/<id>.yaml: a state licensing board or agency.
type Board struct {
	Name     string    `yaml:"name" check:"required" doc:"The board's official name." example:"Ohio State Medical Board"`
	State    StateCode `yaml:"state" check:"required,ref=states" doc:"The state it licenses in." example:"OH"`
	Parent   string    `yaml:"parent" doc:"The division or department the board sits in, if any." example:"Division of Health Related Boards"`
	URL      URL       `yaml:"url" check:"required" doc:"The board's official site." example:"https://med.ohio.gov"`
	Summary  Markdown  `yaml:"summary" doc:"What the board does, where that helps a reader."`
	Sources  []Source  `yaml:"sources" check:"required,min=1" doc:"Documents that support the record."`
	Reviewed Date      `yaml:"reviewed" check:"required" doc:"When an editor last checked the record." example:"2026-11-24"`
	Aliases  []Path    `yaml:"aliases" doc:"Old URL paths that redirect here." example:"[/boards/old-name/]"`
}

// License is content/licenses/<id>.yaml: one credential one state issues.
type License struct {
	Title        string       `yaml:"title" check:"required" doc:"The credential's title as the state uses it." example:"Respiratory Care Professional"`
	State        StateCode    `yaml:"state" check:"required,ref=states" doc:"The issuing state." example:"OH"`
	Specialty    ID           `yaml:"specialty" check:"required,ref=specialties" doc:"The specialty it licenses." example:"respiratory-care"`
	Board        ID           `yaml:"board" check:"required,ref=boards" doc:"The board or agency that issues it." example:"oh-state-medical-board"`
	Occupations  []SOCCode    `yaml:"occupations" check:"required,min=1,ref=occupations" doc:"O*NET-SOC codes of the licensed occupation." example:"[29-1126.00]"`
	Credential   string       `yaml:"credential" check:"required,enum=license|certification|certificate|registration|title-protection|permit" doc:"The kind of credential the state issues: permit for a temporary, limited, provisional or student credential that leads to a full one." example:"license"`
	LeadsTo      ID           `yaml:"leads_to" check:"ref=licenses" doc:"For a permit: the full license of the same state and specialty it leads to." example:"oh-respiratory-care-professional"`
	Summary      Markdown     `yaml:"summary" check:"required" doc:"What the credential allows and who needs it."`
	Requirements Requirements `yaml:"requirements" doc:"What an applicant needs."`
	Portability  Portability  `yaml:"portability" doc:"How a holder of another state's license obtains this one."`
	Statute      Statute      `yaml:"statute" doc:"The law that creates the credential."`
	Links        Links        `yaml:"links" doc:"Where to apply and verify."`
	Sources      []Source     `yaml:"sources" check:"required,min=1" doc:"Documents that support the record."`
	Reviewed     Date         `yaml:"reviewed" check:"required" doc:"When an editor last checked the record." example:"2026-11-24"`
	Aliases      []Path       `yaml:"aliases" doc:"Old URL paths that redirect here." example:"[/licenses/old-name/]"`
}

// Requirements lists what an applicant needs. Leave out what no source
// documents: the page then says so.
type Requirements struct {
	Education           Markdown          `yaml:"education" doc:"Required schooling or training program." example:"An accredited respiratory care program (CoARC)."`
	Exam                string            `yaml:"exam" doc:"Examination to pass." example:"NBRC Therapist Multiple-Choice Examination"`
	Certifications      []CertRequirement `yaml:"certifications" doc:"National certifications the state requires, accepts, or takes as an alternative."`
	Experience          string            `yaml:"experience" doc:"Supervised practice or work experience required." example:"None"`
	ContinuingEducation string            `yaml:"continuing_education" doc:"Continuing education to renew." example:"20 hours every two years"`
	Renewal             string            `yaml:"renewal" doc:"How often the credential is renewed." example:"Every two years"`
	Fees                []Fee             `yaml:"fees" doc:"What the board charges, one entry per fee."`
}

// Fee is one amount a board charges.
type Fee struct {
	For    string  `yaml:"for" check:"required,enum=application|initial|renewal|permit|exam|endorsement|late|reinstatement|other" doc:"What the fee is for: initial is the license itself, late a late renewal." example:"application"`
	Amount float64 `yaml:"amount" check:"required" doc:"The amount in U.S. dollars, a number with at most two decimal places." example:"75"`
	Months int     `yaml:"months" doc:"The period the fee covers, in months, where it covers one (a renewal, an initial license)." example:"24"`
	Note   string  `yaml:"note" doc:"What else a reader should know: a surcharge, who pays it, a fee set by another body." example:"plus a $3.50 online transaction fee"`
}

// Portability says how a holder of another state's license obtains this
// one, and what lets a newcomer work in the meantime. A fact that the state
// offers no such route is stated too, with its source.
type Portability struct {
	Endorsement     Markdown `yaml:"endorsement" doc:"How a holder of another state's license obtains this one: the conditions (a license in good standing, a national credential, a jurisprudence exam, verification of other licenses)."`
	TemporaryPermit Markdown `yaml:"temporary_permit" doc:"What lets a newcomer work while the application is pending, and its limits; or that the state issues none."`
}

// CertRequirement names a certification and the role it plays in a license.
type CertRequirement struct {
	ID   ID     `yaml:"id" check:"required,ref=certifications" doc:"The certification." example:"nbrc-crt"`
	Role string `yaml:"role" check:"required,enum=required|accepted|alternative" doc:"required: every applicant needs it; accepted: it satisfies the exam requirement; alternative: one of several routes." example:"required"`
}

// Statute cites the law behind a license.
type Statute struct {
	Citation string `yaml:"citation" check:"required" doc:"The citation as lawyers write it." example:"Ohio Rev. Code ch. 4761"`
	URL      URL    `yaml:"url" doc:"Where the statute can be read." example:"https://codes.ohio.gov/ohio-revised-code/chapter-4761"`
}

// Links are the board's pages for applicants and the public.
type Links struct {
	Apply  URL `yaml:"apply" doc:"Where to apply." example:"https://elicense.ohio.gov"`
	Verify URL `yaml:"verify" doc:"Where to verify a licensee." example:"https://elicense.ohio.gov/oh_verifylicense"`
}

// Page is the front matter of content/pages/<id>.md.
type Page struct {
	Title       string `yaml:"title" check:"required" doc:"The page title." example:"About"`
	Description string `yaml:"description" check:"required" doc:"One sentence for search engines and link previews." example:"What this site is and who keeps it."`
	Order       int    `yaml:"order" doc:"Position in the footer menu; 0 leaves the page out of it." example:"1"`
}

// Facts lists the facts a complete license record states, in the order
// the maintainers' page names them, with whether l states each. A permit
// is not asked for the portability of the full license it leads to.
func (l *License) Facts() []Fact {
	r := l.Requirements
	facts := []Fact{
		{"education", r.Education != ""}, {"examination", r.Exam != ""}, {"certifications", len(r.Certifications) > 0},
		{"experience", r.Experience != ""}, {"renewal", r.Renewal != ""}, {"continuing education", r.ContinuingEducation != ""},
		{"fees", len(r.Fees) > 0}, {"statute", l.Statute.Citation != ""}, {"statute link", l.Statute.URL != ""},
		{"application link", l.Links.Apply != ""}, {"verification link", l.Links.Verify != ""},
	}
	if l.Credential != "permit" {
		facts = append(facts, Fact{"endorsement", l.Portability.Endorsement != ""}, Fact{"temporary permit", l.Portability.TemporaryPermit != ""})
	}
	return facts
}

// Fact is one fact of a record, and whether the record states it.
type Fact struct {
	Name   string
	Stated bool
}
