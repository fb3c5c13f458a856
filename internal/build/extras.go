package build

import (
	"github.com/licensure/licensure/internal/render"
	"github.com/licensure/licensure/internal/resolve"
)

// extraFiles returns the files besides pages and static assets: data
// downloads, the search index, feeds and Netlify settings.
func extraFiles(g *resolve.Graph) ([]render.StaticFile, error) {
	return nil, nil
}
