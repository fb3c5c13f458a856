package synth

// jurisdiction is one entry of states.yaml, with a weight that skews how
// many boards, and so licenses, it gets: populous states have more.
type jurisdiction struct {
	code, name, typ string
	weight          int
}

// jurisdictions are the 50 states, DC and the 5 inhabited territories, in
// the order of content/states.yaml.
var jurisdictions = []jurisdiction{
	{"AL", "Alabama", "state", 3}, {"AK", "Alaska", "state", 2}, {"AZ", "Arizona", "state", 3},
	{"AR", "Arkansas", "state", 2}, {"CA", "California", "state", 6}, {"CO", "Colorado", "state", 3},
	{"CT", "Connecticut", "state", 3}, {"DE", "Delaware", "state", 2}, {"DC", "District of Columbia", "district", 2},
	{"FL", "Florida", "state", 5}, {"GA", "Georgia", "state", 4}, {"HI", "Hawaii", "state", 2},
	{"ID", "Idaho", "state", 2}, {"IL", "Illinois", "state", 5}, {"IN", "Indiana", "state", 3},
	{"IA", "Iowa", "state", 3}, {"KS", "Kansas", "state", 2}, {"KY", "Kentucky", "state", 3},
	{"LA", "Louisiana", "state", 3}, {"ME", "Maine", "state", 2}, {"MD", "Maryland", "state", 3},
	{"MA", "Massachusetts", "state", 4}, {"MI", "Michigan", "state", 4}, {"MN", "Minnesota", "state", 3},
	{"MS", "Mississippi", "state", 2}, {"MO", "Missouri", "state", 3}, {"MT", "Montana", "state", 2},
	{"NE", "Nebraska", "state", 2}, {"NV", "Nevada", "state", 2}, {"NH", "New Hampshire", "state", 2},
	{"NJ", "New Jersey", "state", 4}, {"NM", "New Mexico", "state", 2}, {"NY", "New York", "state", 6},
	{"NC", "North Carolina", "state", 4}, {"ND", "North Dakota", "state", 2}, {"OH", "Ohio", "state", 4},
	{"OK", "Oklahoma", "state", 3}, {"OR", "Oregon", "state", 3}, {"PA", "Pennsylvania", "state", 5},
	{"RI", "Rhode Island", "state", 2}, {"SC", "South Carolina", "state", 3}, {"SD", "South Dakota", "state", 2},
	{"TN", "Tennessee", "state", 3}, {"TX", "Texas", "state", 6}, {"UT", "Utah", "state", 2},
	{"VT", "Vermont", "state", 2}, {"VA", "Virginia", "state", 4}, {"WA", "Washington", "state", 4},
	{"WV", "West Virginia", "state", 2}, {"WI", "Wisconsin", "state", 3}, {"WY", "Wyoming", "state", 2},
	{"AS", "American Samoa", "territory", 1}, {"GU", "Guam", "territory", 1},
	{"MP", "Northern Mariana Islands", "territory", 1}, {"PR", "Puerto Rico", "territory", 2},
	{"VI", "U.S. Virgin Islands", "territory", 1},
}

// The words names are made of. Every entry is one word, and no word is in
// two lists, so that distinct combinations give distinct names (and so
// distinct IDs); the generator relies on it for unique titles.
var (
	qualifiers = []string{
		"Adult", "Pediatric", "Neonatal", "Geriatric", "Ambulatory", "Community", "Clinical",
		"Surgical", "Emergency", "Home", "Rural", "Hospital", "Outpatient", "Acute", "Chronic",
		"Preventive", "Restorative", "Diagnostic", "Interventional", "Palliative",
	}
	areas = []string{
		"Respiratory", "Cardiac", "Vascular", "Renal", "Pulmonary", "Neurological", "Orthopedic",
		"Dental", "Hearing", "Vision", "Sleep", "Nutrition", "Speech", "Occupational", "Radiologic",
		"Sonographic", "Laboratory", "Pharmacy", "Perfusion", "Dialysis", "Massage", "Athletic",
		"Behavioral", "Addiction", "Genetic", "Obstetric", "Podiatric", "Chiropractic", "Optical",
		"Prosthetic", "Orthotic", "Polysomnographic", "Neurodiagnostic", "Nuclear", "Phlebotomy",
		"Anesthesia", "Wound", "Lactation", "Hyperbaric", "Endoscopic",
	}
	practices = []string{
		"Care", "Therapy", "Technology", "Services", "Medicine", "Assistance", "Imaging",
		"Monitoring", "Rehabilitation", "Counseling", "Support", "Testing", "Science", "Practice",
		"Nursing",
	}
	workers = []string{
		"Technologists", "Technicians", "Therapists", "Specialists", "Aides", "Practitioners",
		"Counselors", "Coordinators", "Assistants", "Educators",
	}
)

// licenseVariant is a pattern for a license title around a specialty's
// title, with the kind of credential it names. No two patterns can give the
// same title for different specialties (see the word lists).
type licenseVariant struct {
	prefix, suffix, credential string
}

var licenseVariants = []licenseVariant{
	{"", " Practitioner", "license"},
	{"Licensed ", " Therapist", "license"},
	{"", " Technician", "certificate"},
	{"Certified ", " Technologist", "certification"},
	{"", " Assistant", "registration"},
	{"Registered ", " Specialist", "registration"},
	{"Advanced ", " Practitioner", "license"},
	{"", " Trainee Permit", "permit"},
	{"Limited ", " Permit", "permit"},
	{"", " Supervisor", "license"},
	{"Temporary ", " License", "permit"},
	{"", " Instructor", "certificate"},
}

// boardPatterns name a board around a topic ("Respiratory Care"); the
// state's name comes first.
var boardPatterns = []struct{ prefix, suffix string }{
	{"Board of ", ""},
	{"", " Board"},
	{"Board of ", " Examiners"},
	{"", " Advisory Committee"},
	{"Department of Health ", " Section"},
	{"", " Licensing Unit"},
	{"Committee on ", ""},
	{"Council for ", ""},
}

var boardParents = []string{
	"Department of Health", "Division of Professional Licensing", "Department of Commerce",
	"Office of the Professions", "Division of Health Related Boards", "Department of Regulatory Agencies",
}

var issuerPatterns = []struct{ prefix, suffix string }{
	{"National Board for ", ""},
	{"American Association of ", " Professionals"},
	{"", " Credentialing Council"},
	{"Commission on ", " Certification"},
	{"International Board of ", ""},
	{"Society for ", ""},
	{"", " Certification Institute"},
	{"Council on ", " Standards"},
}

var certPatterns = []struct{ prefix, suffix string }{
	{"Registered ", " Technologist"},
	{"Certified ", " Technician"},
	{"Certified ", " Specialist"},
	{"", " Board Certification"},
	{"Advanced ", " Credential"},
	{"Registered ", " Therapist"},
	{"Certified ", " Practitioner"},
	{"", " Assistant Certificate"},
}

// socMajors are the SOC major groups occupation codes are spread over,
// healthcare first.
var socMajors = []int{29, 31, 19, 21, 25, 11, 13, 15, 17, 27, 33, 39, 43, 49, 51, 53}

var (
	renewals   = []string{"Every year", "Every two years", "Every two years, on the holder's birthday", "Every three years", "Every two years; licenses expire on January 31 of odd-numbered years"}
	educations = []string{"High school diploma or equivalent.", "An accredited associate degree program.", "A bachelor's degree from an accredited program.", "A state-approved training program of at least 12 months.", "Completion of an accredited program and a supervised clinical rotation."}
	exams      = []string{"National certification examination", "State jurisprudence examination and a national examination", "Written and practical examinations", "National board examination"}
	experience = []string{"None", "500 hours of supervised practice", "One year of supervised clinical experience", "2,000 hours of supervised work", "Six months under a licensed supervisor"}
	ceHours    = []int{12, 15, 20, 24, 30, 36}
	fees       = [][2]int{{75, 50}, {100, 80}, {150, 90}, {60, 40}, {200, 120}} // application, renewal
	meetings   = []string{"four times a year", "every other month", "monthly", "twice a year"}
)
