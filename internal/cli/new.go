package cli

import (
	"context"
	"errors"
)

func runNew(_ context.Context, _ *env, _ []string) error {
	return errors.New("new: not built yet")
}
