package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/licensure/licensure/internal/synth"
)

func runSynth(_ context.Context, e *env, args []string) error {
	var licenses int
	var out, today string
	var seed uint64
	fs := newFlags(e, "synth", "--licenses N --out DIR [flags]",
		"Write a synthetic content folder of N licenses, with boards, certifications,\n"+
			"issuers, specialties, occupations and families in national proportions, for\n"+
			"measuring the build at scale. The same seed and date give byte-identical\n"+
			"files. DIR must be empty or not exist; pass it to build or check as --content.")
	fs.IntVar(&licenses, "licenses", 0, "number of licenses (required)")
	fs.StringVar(&out, "out", "", "folder to write the content into (required)")
	fs.Uint64Var(&seed, "seed", 1, "random seed")
	fs.StringVar(&today, "today", "", "date review dates are counted back from, YYYY-MM-DD (default today)")
	if err := parse(fs, args); err != nil {
		return err
	}
	switch {
	case licenses < 1:
		fmt.Fprintf(fs.Output(), "%s synth: -licenses must be at least 1\n", programName)
		return errUsage
	case out == "":
		fmt.Fprintf(fs.Output(), "%s synth: -out is required\n", programName)
		return errUsage
	}
	opts := synth.Options{Licenses: licenses, Seed: seed}
	if today != "" {
		t, err := time.Parse(time.DateOnly, today)
		if err != nil {
			fmt.Fprintf(fs.Output(), "%s synth: -today must be a date such as 2026-11-24, not %q\n", programName, today)
			return errUsage
		}
		opts.Today = t
	}
	start := time.Now()
	c, err := synth.Write(out, opts)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "wrote %d families, %d specialties, %d occupations, %d licenses, %d boards, %d certifications, %d issuers to %s; %s\n",
		c.Families, c.Specialties, c.Occupations, c.Licenses, c.Boards, c.Certifications, c.Issuers, out, time.Since(start).Round(time.Millisecond))
	return nil
}
