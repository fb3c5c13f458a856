// Package sitetest builds small content folders for tests: a valid base
// site (one state, family, specialty, occupation, board, license,
// certification and issuer) that a test then changes file by file.
package sitetest

import (
	"testing/fstest"
)

// Base returns the files of a small valid content folder, keyed by their
// path inside content/.
func Base() map[string]string {
	return map[string]string{
		"site.yaml": "title: Test\ndescription: A test site.\nbase_url: https://site.example\nrepository: https://example.org/repo\n" +
			"edit_url: https://example.org/repo/edit/{path}\nissue_url: https://example.org/repo/issues/new?title={title}\n",
		"states.yaml":                       "states:\n  - {code: OH, name: Ohio, type: state}\n  - {code: TX, name: Texas, type: state}\n",
		"families/cardio.yaml":              "name: Cardio\nsummary: Hearts and lungs.\noccupations: [29-1126.00]\nreported: {licenses: 3, jurisdictions: 2, source: {title: DB, url: \"https://db.example\"}}\nsources: [{title: x, url: \"https://example.org\"}]\nreviewed: 2026-11-24\n",
		"specialties/respiratory-care.yaml": "name: Respiratory care\nfamily: cardio\nsummary: Breathing.\noccupations: [29-1126.00]\n",
		"occupations/29-1126.00.yaml":       "title: Respiratory Therapists\nsummary: They treat breathing.\nurl: https://www.onetonline.org/link/summary/29-1126.00\n",
		"boards/oh-board.yaml":              "name: Ohio Board\nstate: OH\nurl: https://oh.example\nsources: [{title: Board, url: \"https://oh.example\"}]\nreviewed: 2026-11-24\n",
		"issuers/nbrc.yaml":                 "name: National Board for Respiratory Care\nacronym: NBRC\nurl: https://www.nbrc.org\nsources: [{title: NBRC, url: \"https://www.nbrc.org\"}]\nreviewed: 2026-11-24\n",
		"certifications/nbrc-rrt.yaml":      "name: Registered Respiratory Therapist\nacronym: RRT\nissuer: nbrc\nspecialties: [respiratory-care]\nsummary: The advanced credential.\nsources: [{title: NBRC, url: \"https://www.nbrc.org\"}]\nreviewed: 2026-11-24\n",
		"licenses/oh-rcp.yaml": "title: Respiratory Care Professional\nstate: OH\nspecialty: respiratory-care\nboard: oh-board\noccupations: [29-1126.00]\ncredential: license\n" +
			"summary: |\n  Issued by [the board](board:oh-board).\nrequirements:\n  certifications:\n    - {id: nbrc-rrt, role: required}\n  renewal: Every two years\n" +
			"sources: [{title: Board, url: \"https://oh.example\"}]\nreviewed: 2026-11-24\n",
		"pages/about.md": "---\ntitle: About\ndescription: About the site.\n---\n# About\n\nSee [Ohio](state:OH).\n",
		// Pages link to the contributing guide where a fact is missing.
		"pages/contributing.md": "---\ntitle: Contributing\ndescription: How to help.\n---\n# Contributing\n",
	}
}

// FS turns files into a file system, as the loader reads it.
func FS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}
