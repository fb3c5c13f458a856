package render

import (
	"testing"

	"github.com/licensure/licensure/internal/model"
)

// TestEveryCredentialHasAMark: the maps mark a state by the kind of its
// credential, and a kind without a mark would show an empty tile.
func TestEveryCredentialHasAMark(t *testing.T) {
	for _, k := range model.CredentialKinds() {
		if credentialMarks[k] == "" {
			t.Errorf("credential %q has no mark on the maps", k)
		}
	}
	if len(credentialMarks) != len(model.CredentialKinds()) {
		t.Errorf("%d marks for %d kinds of credential", len(credentialMarks), len(model.CredentialKinds()))
	}
}
