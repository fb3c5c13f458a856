package load

import (
	"reflect"
	"unsafe"
)

// blocks hands out, from a few large blocks, the memory that the records a
// worker loads keep: their text, references, positions, values and Record
// structs. What a record keeps then lies together, next to the records
// loaded before and after it, which later stages read in that order; and
// the garbage collector has a few large objects to track instead of many
// small ones. Blocks start small, for a worker that loads one record, and
// grow.
type blocks struct {
	exact  bool // no room to spare: for a worker that loads one record
	text   []byte
	refs   []Ref
	pos    []byte
	recs   []Record
	values map[reflect.Type]*valueBlock
	// how many blocks of each were made, which sets the next one's size
	grownText, grownRefs, grownPos, grownRecs int
}

type valueBlock struct {
	slab reflect.Value // a slice of the type
	next int
	grow int
}

const (
	minBlock = 16  // items of the first block of each kind
	maxBlock = 512 // items of a block once grown
)

func blockLen(grown *int) int {
	n := minBlock << min(*grown, 6)
	*grown++
	return min(n, maxBlock)
}

// take returns n items from *block, refilled with a new block when it has
// fewer than n left: of n items if exact, else of per times a growing
// number.
func take[T any](block *[]T, grown *int, per, n int, exact bool) []T {
	if cap(*block)-len(*block) < n {
		size := n
		if !exact {
			size = max(n, per*blockLen(grown))
		}
		*block = make([]T, 0, size)
	}
	start := len(*block)
	*block = (*block)[:start+n]
	return (*block)[start : start+n : start+n]
}

// string returns a string of size bytes that fill writes. The block's
// bytes are written once, by fill, and never again, so the string may point
// into them.
func (b *blocks) string(size int, fill func([]byte)) string {
	if size == 0 {
		return ""
	}
	buf := take(&b.text, &b.grownText, 256, size, b.exact)
	fill(buf)
	return unsafe.String(&buf[0], size)
}

func (b *blocks) takeRefs(refs []Ref) []Ref {
	if len(refs) == 0 {
		return nil
	}
	out := take(&b.refs, &b.grownRefs, 8, len(refs), b.exact)
	copy(out, refs)
	return out
}

// takePositions returns the encoded positions enc, copied, as numbered in
// paths.
func (b *blocks) takePositions(enc []byte, paths *pathList) Positions {
	if len(enc) == 0 {
		return Positions{}
	}
	out := take(&b.pos, &b.grownPos, 128, len(enc), b.exact)
	copy(out, enc)
	return Positions{enc: out, paths: paths}
}

func (b *blocks) record() *Record {
	return &take(&b.recs, &b.grownRecs, 1, 1, b.exact)[0]
}

// value returns a pointer to a new zero value of type t.
func (b *blocks) value(t reflect.Type) reflect.Value {
	if b.values == nil {
		b.values = map[reflect.Type]*valueBlock{}
	}
	v := b.values[t]
	if v == nil {
		v = &valueBlock{}
		b.values[t] = v
	}
	if !v.slab.IsValid() || v.next == v.slab.Len() {
		n := 1
		if !b.exact {
			n = blockLen(&v.grow)
		}
		v.slab = reflect.MakeSlice(reflect.SliceOf(t), n, n)
		v.next = 0
	}
	v.next++
	return v.slab.Index(v.next - 1).Addr()
}
