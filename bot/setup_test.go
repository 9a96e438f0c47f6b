package bot_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"articlebot/bot"
	"articlebot/bot/discordtest"
	"articlebot/corpus"
	"articlebot/index"
)

// startBot starts a fake Discord, a real index over corpus.Default() and a
// bot connected to the fake; it returns once the bot is connected and its
// commands are registered. Cleanup closes the bot, then the index, then
// the fake. opts may change the bot's Config (rate limit, deferral …).
func startBot(tb testing.TB, opts ...func(*bot.Config)) (*discordtest.Server, *bot.Bot) {
	tb.Helper()
	return startBotWith(tb, corpus.Default(), opts...)
}

// startBotWith is startBot over the corpus c.
func startBotWith(tb testing.TB, c *corpus.Corpus, opts ...func(*bot.Config)) (*discordtest.Server, *bot.Bot) {
	tb.Helper()
	srv := discordtest.New(tb)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	ix, err := index.Open(ctx, c, index.Options{})
	if err != nil {
		tb.Fatalf("open index: %v", err)
	}
	tb.Cleanup(func() {
		if err := ix.Close(); err != nil {
			tb.Errorf("close index: %v", err)
		}
	})

	logs := &testWriter{tb: tb}
	tb.Cleanup(logs.stop) // runs after the bot is closed: nothing logs later
	cfg := bot.Config{
		Token:  discordtest.Token,
		APIURL: srv.URL(),
		Log:    slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelInfo})),
		Seed:   1,
	}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.DeferAfter > discordtest.InteractionWindow {
		// A bot told to defer later than Discord's window is off the
		// clock (see offTheClock): so is the fake.
		srv.SetInteractionWindow(cfg.DeferAfter)
	}
	b, err := bot.New(cfg, c, ix)
	if err != nil {
		tb.Fatalf("bot.New: %v", err)
	}
	if err := b.Open(ctx); err != nil {
		tb.Fatalf("bot.Open: %v", err)
	}
	tb.Cleanup(func() {
		if err := b.Close(); err != nil {
			tb.Errorf("bot.Close: %v", err)
		}
	})
	return srv, b
}

// testWriter sends log lines to the test's log until stop, so that a late
// line cannot fail a finished test.
type testWriter struct {
	mu      sync.Mutex
	tb      testing.TB
	stopped bool
}

func (w *testWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.stopped {
		w.tb.Log(strings.TrimRight(string(p), "\n"))
	}
	return len(p), nil
}

func (w *testWriter) stop() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.stopped = true
}

var _ io.Writer = (*testWriter)(nil)

// offTheClock is for tests of what the bot answers, not of how fast: the
// bot defers a reply only after a minute (not 2 s), and startBotWith then
// gives the fake a window as long (not 3 s). Their golden files hold
// direct replies, and on a loaded machine (-race, two cores, other tests)
// a handler can take 2 s and rightly defer. The deferral and the window
// have tests of their own (TestDeferAndRateLimit,
// TestDeferralCountsFromCreation, discordtest's TestInteractionWindow).
func offTheClock(c *bot.Config) { c.DeferAfter = time.Minute }

// waitCtx bounds one wait for the bot in a test.
func waitCtx(tb testing.TB) context.Context {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	tb.Cleanup(cancel)
	return ctx
}
