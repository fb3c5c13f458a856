package build

import "sync/atomic"

// countingWriter tells the progress callback how many pages are written.
type countingWriter struct {
	render interface{ WriteFile(string, []byte) error }
	done   atomic.Int64
	total  int
	opts   *Options
}

func counting(w interface{ WriteFile(string, []byte) error }, total int, opts *Options) *countingWriter {
	opts.progress("rendering", 0, total)
	return &countingWriter{render: w, total: total, opts: opts}
}

func (c *countingWriter) WriteFile(name string, data []byte) error {
	if err := c.render.WriteFile(name, data); err != nil {
		return err
	}
	c.opts.progress("rendering", int(c.done.Add(1)), c.total)
	return nil
}
