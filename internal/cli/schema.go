package cli

import (
	"context"
	"errors"
)

func runSchema(_ context.Context, _ *env, _ []string) error {
	return errors.New("schema: not built yet")
}
