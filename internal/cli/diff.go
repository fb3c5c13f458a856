package cli

import (
	"context"
	"errors"
)

func runDiff(_ context.Context, _ *env, _ []string) error {
	return errors.New("diff: not built yet")
}
