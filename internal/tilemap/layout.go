package tilemap

// cell is a tile's place in the grid, in tile units from the top left.
type cell struct {
	Code     string
	Col, Row int
}

// layout places the 50 states and DC in a geographic grid of 11 columns
// by 8 rows, and the five territories in a row below: the Pacific ones
// under Hawaii, the Caribbean ones under Florida. Its order is the order
// tiles are written, and so the order keyboard users reach them: by rows,
// west to east.
var layout = []cell{
	{"AK", 0, 0}, {"ME", 10, 0},
	{"WI", 5, 1}, {"VT", 9, 1}, {"NH", 10, 1},
	{"WA", 0, 2}, {"ID", 1, 2}, {"MT", 2, 2}, {"ND", 3, 2}, {"MN", 4, 2}, {"IL", 5, 2}, {"MI", 6, 2}, {"NY", 8, 2}, {"MA", 9, 2},
	{"OR", 0, 3}, {"NV", 1, 3}, {"WY", 2, 3}, {"SD", 3, 3}, {"IA", 4, 3}, {"IN", 5, 3}, {"OH", 6, 3}, {"PA", 7, 3}, {"NJ", 8, 3}, {"CT", 9, 3}, {"RI", 10, 3},
	{"CA", 0, 4}, {"UT", 1, 4}, {"CO", 2, 4}, {"NE", 3, 4}, {"MO", 4, 4}, {"KY", 5, 4}, {"WV", 6, 4}, {"VA", 7, 4}, {"MD", 8, 4}, {"DE", 9, 4},
	{"AZ", 1, 5}, {"NM", 2, 5}, {"KS", 3, 5}, {"AR", 4, 5}, {"TN", 5, 5}, {"NC", 6, 5}, {"SC", 7, 5}, {"DC", 8, 5},
	{"OK", 3, 6}, {"LA", 4, 6}, {"MS", 5, 6}, {"AL", 6, 6}, {"GA", 7, 6},
	{"HI", 0, 7}, {"TX", 3, 7}, {"FL", 8, 7},
	{"GU", 0, 8}, {"MP", 1, 8}, {"AS", 2, 8}, {"PR", 8, 8}, {"VI", 9, 8},
}

// Codes returns the USPS codes the map places, in layout order.
func Codes() []string {
	out := make([]string, len(layout))
	for i, c := range layout {
		out[i] = c.Code
	}
	return out
}
