package check

import (
	"strconv"

	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/model"
)

// checkPermits requires a permit to name the full license it leads to, and
// that license to be of the same state and specialty, and not the permit
// itself.
func checkPermits(c *load.Content, ks kinds, diags *diag.List) {
	licenses := c.Records["licenses"]
	k := ks.of("licenses")
	if k == nil {
		return
	}
	byID := k.index()
	for _, r := range licenses {
		lic := r.Value.(*model.License)
		if lic.LeadsTo == "" {
			if lic.Credential == "permit" {
				diags.Add(diag.Diagnostic{File: r.File, Pos: r.At("credential"), Message: "a permit names the full license it leads to",
					Hint: "add leads_to: the ID of the license of the same state and specialty"})
			}
			continue
		}
		if lic.LeadsTo == r.ID {
			diags.Errorf(r.File, r.At("leads_to"), "leads_to names the license itself")
			continue
		}
		i, ok := byID[lic.LeadsTo]
		if !ok {
			continue // reported as an unknown reference
		}
		full := licenses[i].Value.(*model.License)
		if full.State != lic.State || full.Specialty != lic.Specialty {
			diags.Errorf(r.File, r.At("leads_to"), "leads_to %q is a %s license of %s, but this one is a %s license of %s",
				lic.LeadsTo, full.Specialty, full.State, lic.Specialty, lic.State)
		}
	}
}

// checkCompacts reports a state listed twice among a compact's members.
func checkCompacts(c *load.Content, diags *diag.List) {
	for _, r := range c.Records["compacts"] {
		cp := r.Value.(*model.Compact)
		seen := map[model.StateCode]int{}
		for i, m := range cp.Members {
			if first, dup := seen[m.State]; dup {
				diags.Errorf(r.File, r.At("members["+strconv.Itoa(i)+"].state"), "%s is listed twice among the members (first as members[%d])", m.State, first)
				continue
			}
			seen[m.State] = i
		}
	}
}
