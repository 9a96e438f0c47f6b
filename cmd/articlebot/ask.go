package main

import (
	"context"
	"errors"
)

func runAsk(_ context.Context, _ env, _ []string) error {
	return errors.New("ask: not built yet")
}
