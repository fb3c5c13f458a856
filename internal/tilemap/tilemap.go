// Package tilemap draws a tile-grid map of the United States as inline SVG:
// one square tile for each of the 50 states, DC and the five inhabited
// territories (in a row below), labelled with its USPS code and a mark.
//
// The contract:
//   - Render writes a <figure class="tilemap"> holding the <svg> and an
//     HTML legend. The <svg> has role="group", and is named and described
//     by its <title> and <desc> through aria-labelledby and
//     aria-describedby; callers place a table with the same facts beside
//     it, as the text alternative.
//   - A tile with an Href is an SVG <a> link, so keyboard users reach it
//     with Tab, in layout order. Its accessible name, an aria-label, is
//     its code, a colon and its Label, as in "OH: Ohio, licensed", so that
//     the name starts with the text the tile shows (WCAG 2.5.3, label in
//     name). Tiles have no <title>: checkers such as axe count its text as
//     visible, and a tooltip would then break that rule. The mark is
//     hidden from assistive technology, so the Label
//     must say what it means, and start with it when the mark is a number
//     ("2 of 4 specialties licensed in Ohio"). A code the caller leaves
//     out is drawn as a plain tile, not a link, hidden from assistive
//     technology.
//   - Status is conveyed by more than colour: Class is for styling only,
//     and Mark is text drawn in the tile (such as ✓, – or a count) that
//     the Legend explains.
//   - Output depends only on the Map and is byte-for-byte deterministic.
//     Every text and attribute value is escaped; Render rejects an ID that
//     is not a plain token, a code it does not place, and an Href that is
//     not a site path, fragment or http(s) URL.
//   - No style attributes and no <style> element are written: colours come
//     from the site's stylesheet, through the classes.
package tilemap

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"
)

// Map is one map to draw.
type Map struct {
	ID     string          // unique in the page; prefixes the ids of <title> and <desc>
	Title  string          // short name of the map
	Desc   string          // one or two sentences on what it shows
	Tiles  map[string]Tile // by USPS code
	Legend []LegendItem    // what each class and mark means, in order
}

// Tile is one jurisdiction's square.
type Tile struct {
	Href  string // link target; "" draws the tile without a link
	Class string // status classes for the stylesheet, such as "licensed"
	Label string // what the tile says, such as "Ohio, licensed"; the code is put before it
	Mark  string // short text under the code, such as "✓" or "3"
}

// LegendItem explains one class and its mark.
type LegendItem struct {
	Class, Mark, Label string
}

// Grid geometry, in SVG user units.
const (
	size    = 40        // side of a tile
	pitch   = size + 4  // distance between neighbouring tiles
	cols    = 11        // grid width in tiles
	mainRow = 8         // rows of the states and DC; territories follow
	gap     = pitch / 2 // extra space above the territories
	width   = cols*pitch - 4
	height  = (mainRow+1)*pitch - 4 + gap
)

var (
	idPattern   = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)
	hrefPattern = regexp.MustCompile(`^(/|#|https?://)`)
)

// Render writes m as HTML: a figure with the SVG map and its legend.
func Render(w io.Writer, m Map) error {
	if err := validate(m); err != nil {
		return err
	}
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "<figure class=\"tilemap\">\n")
	writeSVG(b, m)
	writeLegend(b, m.Legend)
	fmt.Fprintf(b, "</figure>\n")
	return b.Flush()
}

// String renders m into a string.
func String(m Map) (string, error) {
	var sb strings.Builder
	err := Render(&sb, m)
	return sb.String(), err
}

func validate(m Map) error {
	if !idPattern.MatchString(m.ID) {
		return fmt.Errorf("tilemap: id %q is not a plain token", m.ID)
	}
	placed := map[string]bool{}
	for _, c := range layout {
		placed[c.Code] = true
	}
	for code, t := range m.Tiles {
		if !placed[code] {
			return fmt.Errorf("tilemap %s: no tile for code %q", m.ID, code)
		}
		if t.Href != "" && !hrefPattern.MatchString(t.Href) {
			return fmt.Errorf("tilemap %s: %s: href %q is not a path or http(s) URL", m.ID, code, t.Href)
		}
	}
	return nil
}

func writeSVG(b *bufio.Writer, m Map) {
	id := m.ID
	fmt.Fprintf(b, "<svg class=\"tilemap-svg\" id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"group\" aria-labelledby=\"%[1]s-title\" aria-describedby=\"%[1]s-desc\">\n", id, width, height)
	fmt.Fprintf(b, "<title id=\"%s-title\">%s</title>\n", id, esc(m.Title))
	fmt.Fprintf(b, "<desc id=\"%s-desc\">%s</desc>\n", id, esc(m.Desc))
	for i, c := range layout {
		t, ok := m.Tiles[c.Code]
		writeTile(b, i, t, ok)
	}
	fmt.Fprintf(b, "</svg>\n")
}

// writeTile draws the tile of layout[i]: a square, its code and its mark.
func writeTile(b *bufio.Writer, i int, t Tile, known bool) {
	c := layout[i]
	if !known {
		t = Tile{Class: "tile-none"}
	}
	if t.Label != "" {
		t.Label = c.Code + ": " + t.Label
	}
	closer := openTile(b, t)
	b.WriteString(squares[i])
	if t.Mark != "" {
		x, y := tileAt(c)
		fmt.Fprintf(b, " <text class=\"mark\" x=\"%d\" y=\"%d\" aria-hidden=\"true\">%s</text>", x+size/2, y+35, esc(t.Mark))
	}
	b.WriteString(closer)
	b.WriteByte('\n')
}

// tileAt is where a cell's tile is drawn.
func tileAt(c cell) (x, y int) {
	x, y = c.Col*pitch, c.Row*pitch
	if c.Row >= mainRow {
		y += gap
	}
	return x, y
}

// squares are each cell's square and code, the same on every map (a site
// draws hundreds of maps), so written once.
var squares = func() []string {
	out := make([]string, len(layout))
	for i, c := range layout {
		x, y := tileAt(c)
		out[i] = fmt.Sprintf("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\"/>", x, y, size, size) +
			fmt.Sprintf("<text class=\"code\" x=\"%d\" y=\"%d\">%s</text>", x+size/2, y+19, c.Code)
	}
	return out
}()

// openTile writes the tile's element and returns its end tag: a link when
// the tile has an Href, an image named by its Label when it has only a
// label, and a group hidden from assistive technology otherwise.
func openTile(b *bufio.Writer, t Tile) string {
	class := esc(strings.TrimSpace("tile " + t.Class))
	switch {
	case t.Href != "":
		fmt.Fprintf(b, "<a class=\"%s\" href=\"%s\" aria-label=\"%s\">", class, esc(t.Href), esc(t.Label))
		return "</a>"
	case t.Label != "":
		fmt.Fprintf(b, "<g class=\"%s\" role=\"img\" aria-label=\"%s\">", class, esc(t.Label))
	default:
		fmt.Fprintf(b, "<g class=\"%s\" aria-hidden=\"true\">", class)
	}
	return "</g>"
}

// writeLegend lists what each class and mark means, as HTML text.
func writeLegend(b *bufio.Writer, items []LegendItem) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(b, "<ul class=\"tilemap-legend\" aria-label=\"Legend\">\n")
	for _, it := range items {
		fmt.Fprintf(b, "<li class=\"%s\"><span class=\"swatch\" aria-hidden=\"true\">%s</span> %s</li>\n",
			esc(strings.TrimSpace("legend-item "+it.Class)), esc(it.Mark), esc(it.Label))
	}
	fmt.Fprintf(b, "</ul>\n")
}

func esc(s string) string { return html.EscapeString(s) }
