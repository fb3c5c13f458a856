package model

import "testing"

func TestEveryValueHasALabel(t *testing.T) {
	for _, tc := range []struct {
		name   string
		values []string
		labels map[string]string
	}{
		{"credential", CredentialKinds(), CredentialLabels},
		{"role", CertRoles(), CertRoleLabels},
		{"role doc", CertRoles(), certRoleDocs()},
		{"fee", FeeKinds(), FeeLabels},
	} {
		if len(tc.values) != len(tc.labels) {
			t.Errorf("%s: %d values, %d labels", tc.name, len(tc.values), len(tc.labels))
		}
		for _, v := range tc.values {
			if tc.labels[v] == "" {
				t.Errorf("%s %q has no label", tc.name, v)
			}
		}
	}
}
