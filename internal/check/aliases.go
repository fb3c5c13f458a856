package check

import (
	"strconv"
	"strings"

	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/model"
)

// BuildFiles are the files a build writes whatever the content, as site
// paths. The build's tests check that every file it writes is here, under
// BuildFolders, or a page of a record or of content/pages.
var BuildFiles = []string{
	"/index.html", "/404.html", "/_headers", "/_redirects", "/feed.xml",
	"/robots.txt", "/sitemap.xml", "/favicon.svg", "/.licensure-site",
	"/maintainers/index.html", "/matrix/index.html", "/move/index.html",
}

// specialtyFiles are the files a build writes under each specialty's page:
// its compare page and its downloads.
var specialtyFiles = []string{"compare/", "licenses.csv", "licenses.json"}

// BuildFolders are the folders whose every file the build writes.
var BuildFolders = []string{"/css/", "/js/", "/data/", "/schema/", "/search/"}

// checkAliases reports an alias that names a file the build writes: it
// would be overwritten, or never redirect.
func checkAliases(c *load.Content, diags *diag.List) {
	written := WrittenPaths(c)
	for _, k := range model.Kinds {
		for _, r := range c.Records[k.Name] {
			for i, a := range aliasesOf(r) {
				if Written(written, string(a)) {
					diags.Errorf(r.File, r.At(aliasPath(i)), "alias %s is a path the build writes", diag.Excerpt(string(a)))
				}
			}
		}
	}
}

func aliasPath(i int) string { return "aliases[" + strconv.Itoa(i) + "]" }

func aliasesOf(r *load.Record) []model.Path {
	switch v := r.Value.(type) {
	case *model.License:
		return v.Aliases
	case *model.Board:
		return v.Aliases
	case *model.Certification:
		return v.Aliases
	case *model.Issuer:
		return v.Aliases
	}
	return nil
}

// WrittenPaths returns the keys of the pages and files a build of c
// writes, but for those under BuildFolders.
func WrittenPaths(c *load.Content) map[string]bool {
	m := map[string]bool{}
	for _, f := range BuildFiles {
		m[pathKey(f)] = true
	}
	for _, k := range model.Kinds {
		m[pathKey("/"+k.Name+"/")] = true
		for _, r := range c.Records[k.Name] {
			m[pathKey("/"+k.Name+"/"+r.ID+"/")] = true
		}
	}
	for _, r := range c.Records["specialties"] {
		for _, f := range specialtyFiles {
			m[pathKey("/specialties/"+r.ID+"/"+f)] = true
		}
	}
	m[pathKey("/states/")] = true
	for _, s := range c.States {
		m[pathKey("/states/"+strings.ToLower(string(s.Code))+"/")] = true
	}
	for _, p := range c.Pages {
		m[pathKey("/"+p.ID+"/")] = true
	}
	return m
}

// Written reports whether the site path p names a file the build writes,
// given the keys of WrittenPaths: a page, in any of the spellings that
// reach it, a fixed file, or anything in a folder the build owns.
func Written(written map[string]bool, p string) bool {
	lower := strings.ToLower(p)
	for _, f := range BuildFolders {
		if strings.HasPrefix(lower, f) || lower == strings.TrimSuffix(f, "/") {
			return true
		}
	}
	return written[pathKey(p)]
}

// pathKey is p as Netlify matches it: "/x/index.html", "/x/" and "/x"
// are one page, and letter case does not count.
func pathKey(p string) string {
	p = strings.ToLower(p)
	if strings.HasSuffix(p, "/index.html") {
		p = strings.TrimSuffix(p, "index.html")
	}
	if p != "/" {
		p = strings.TrimSuffix(p, "/")
	}
	return p
}
