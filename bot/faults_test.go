package bot_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"articlebot/bot"
	"articlebot/bot/discordtest"
	"articlebot/corpus"
)

// The fault tests run the real bot against the fake Discord, break one
// thing at a time, and check that the bot recovers: the interaction sent
// during the fault and the next one are each answered exactly once, and
// the failure is logged with its cause and without the interaction's
// token. Each case says which part of the bot's handling it guards.

// logRecorder is a slog.Handler that keeps every record, so that a test can
// check what the bot logged (by level and attributes, not wording).
type logRecorder struct {
	mu      *sync.Mutex
	recs    *[]logRecord
	changed *chan struct{} // closed and replaced on every record
	pre     []slog.Attr
}

type logRecord struct {
	level slog.Level
	msg   string
	attrs map[string]string
}

func newLogRecorder() *logRecorder {
	changed := make(chan struct{})
	return &logRecorder{mu: &sync.Mutex{}, recs: &[]logRecord{}, changed: &changed}
}

// Enabled takes every level: the tests wait for debug records too (a
// message ignored). discordgo's own logging stays at warnings, as the tests
// never route it (see bot.RouteDiscordLogs).
func (h *logRecorder) Enabled(context.Context, slog.Level) bool { return true }

func (h *logRecorder) Handle(_ context.Context, r slog.Record) error {
	rec := logRecord{level: r.Level, msg: r.Message, attrs: map[string]string{}}
	for _, a := range h.pre {
		rec.attrs[a.Key] = a.Value.String()
	}
	r.Attrs(func(a slog.Attr) bool {
		rec.attrs[a.Key] = a.Value.String()
		return true
	})
	h.mu.Lock()
	*h.recs = append(*h.recs, rec)
	close(*h.changed)
	*h.changed = make(chan struct{})
	h.mu.Unlock()
	return nil
}

func (h *logRecorder) WithAttrs(as []slog.Attr) slog.Handler {
	return &logRecorder{mu: h.mu, recs: h.recs, changed: h.changed, pre: append(slices.Clip(h.pre), as...)}
}

// WithGroup flattens groups: the tests look attributes up by key alone.
func (h *logRecorder) WithGroup(string) slog.Handler { return h }

func (h *logRecorder) records() []logRecord {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(*h.recs)
}

// wait returns the first record, past or future, at level with every
// attribute in want (a value "*" only needs the key; otherwise the value
// must contain it): the bot logs a failure after the call that failed.
func (h *logRecorder) wait(ctx context.Context, level slog.Level, want map[string]string) (logRecord, error) {
	for {
		h.mu.Lock()
		recs, changed := slices.Clone(*h.recs), *h.changed
		h.mu.Unlock()
		for _, r := range recs {
			if r.level == level && r.has(want) {
				return r, nil
			}
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return logRecord{}, fmt.Errorf("no %s log record with %v: %w", level, want, ctx.Err())
		}
	}
}

func (r logRecord) has(want map[string]string) bool {
	for k, v := range want {
		got, ok := r.attrs[k]
		if !ok || (v != "*" && !strings.Contains(got, v)) {
			return false
		}
	}
	return true
}

// leaks reports a record that holds secret anywhere.
func (h *logRecorder) leaks(secret string) (logRecord, bool) {
	for _, r := range h.records() {
		if strings.Contains(r.msg, secret) {
			return r, true
		}
		for _, v := range r.attrs {
			if strings.Contains(v, secret) {
				return r, true
			}
		}
	}
	return logRecord{}, false
}

func (h *logRecorder) String() string {
	var b strings.Builder
	for _, r := range h.records() {
		fmt.Fprintf(&b, "%s %q %v\n", r.level, r.msg, r.attrs)
	}
	return b.String()
}

// launchBot is startBot with the per-user limit off (every question here
// comes from one user) and the bot's logs recorded; a failed test shows
// them. opts may change the Config further.
func launchBot(tb testing.TB, opts ...func(*bot.Config)) (*discordtest.Server, *logRecorder) {
	tb.Helper()
	return launchBotWith(tb, corpus.Default(), opts...)
}

// launchBotWith is launchBot over the corpus c.
func launchBotWith(tb testing.TB, c *corpus.Corpus, opts ...func(*bot.Config)) (*discordtest.Server, *logRecorder) {
	tb.Helper()
	rec := newLogRecorder()
	record := func(c *bot.Config) {
		c.UserBurst = -1
		c.Log = slog.New(rec)
	}
	srv, _ := startBotWith(tb, c, append([]func(*bot.Config){record}, opts...)...)
	tb.Cleanup(func() { // runs before startBot's: the bot is still open
		if tb.Failed() {
			tb.Logf("the bot logged:\n%s", rec)
		}
	})
	return srv, rec
}

// ask is /ask question.
func ask(question string) *discordgo.Interaction {
	return discordtest.Command("ask", discordtest.Opt("question", question))
}

// answeredOnce checks the callbacks for i: the fake answered them with
// want, in order, and exactly one was accepted unless want has no 2xx.
func answeredOnce(t *testing.T, srv *discordtest.Server, i *discordgo.Interaction, want []int) []discordtest.Request {
	t.Helper()
	if slices.ContainsFunc(want, func(s int) bool { return s/100 == 2 }) {
		if _, err := srv.WaitCallback(waitCtx(t), i); err != nil {
			t.Fatal(err)
		}
	} else if _, err := srv.WaitAnyCallback(waitCtx(t), i); err != nil {
		t.Fatal(err)
	}
	// Wait for as many attempts as want has: a retry may still be on its
	// way. match sees every recorded request once, in order.
	n := 0
	prefix := "/api/v9/interactions/" + i.ID + "/"
	if _, err := srv.WaitRequest(waitCtx(t), func(r discordtest.Request) bool {
		if strings.HasPrefix(r.Path, prefix) {
			n++
		}
		return n >= len(want)
	}); err != nil {
		t.Fatalf("%d callbacks for interaction %s; want %d: %v", n, i.ID, len(want), err)
	}
	got := srv.Callbacks(i.ID)
	var statuses []int
	for _, r := range got {
		statuses = append(statuses, r.Status)
	}
	if !slices.Equal(statuses, want) {
		t.Errorf("callbacks for interaction %s answered %v; want %v", i.ID, statuses, want)
	}
	return got
}

// noLeak checks that no log record holds the interaction's token.
func noLeak(t *testing.T, rec *logRecorder, i *discordgo.Interaction) {
	t.Helper()
	if r, ok := rec.leaks(i.Token); ok {
		t.Errorf("a log record holds the interaction token: %s %q %v", r.level, r.msg, r.attrs)
	}
}

func TestFaults(t *testing.T) {
	t.Parallel()
	srv, rec := launchBot(t)
	var sent []*discordgo.Interaction // every interaction, for the final count

	t.Run("gateway", func(t *testing.T) {
		// The interaction sent during the fault waits for the bot to come
		// back, and Discord's 3-second window, which the fake enforces,
		// counts from its dispatch. discordgo sleeps a second in its close
		// routine before it resumes, and on a loaded machine (go test -race
		// beside other tests on two cores) the outage has outlasted the
		// window: the deferral was refused with 404 Unknown interaction.
		// These cases test the resume and the replay, not how fast
		// discordgo reconnects, so the window is made longer than any
		// outage they cause; the window itself is tested by
		// TestDeferralCountsFromCreation and discordtest's
		// TestInteractionWindow.
		srv.SetInteractionWindow(time.Minute)
		defer srv.SetInteractionWindow(discordtest.InteractionWindow)
		tests := []struct {
			name  string
			guard string // the bot's handling this case fails without
			fault func()
			// identifies and resumes are the new Identify and Resume
			// payloads the fault must cause.
			identifies, resumes int
		}{
			{"dropped TCP connection", "ShouldReconnectOnError (discordgo resumes only when it is true)",
				srv.DropConnections, 0, 1},
			{"op 7 reconnect", "ShouldReconnectOnError (op 7 goes through the same reconnect)",
				srv.SendReconnect, 0, 1},
			{"op 9 invalid session", "the intents set on session.Identify, which the fresh Identify sends again (a mention needs GuildMessages)",
				func() { srv.SendInvalidSession(false) }, 1, 0},
		}
		for k, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				t.Logf("guards: %s", tt.guard)
				before := srv.Stats()
				tt.fault()
				// Sent while the bot is away: Discord replays it on Resume
				// (the fake also hands it to a fresh session).
				during := srv.Interact(ask("Who is James Carden?"))
				sent = append(sent, during)
				if err := srv.WaitConnected(waitCtx(t)); err != nil {
					t.Fatalf("the bot did not reconnect: %v", err)
				}
				answeredOnce(t, srv, during, []int{204})
				after := srv.Stats()
				if d := after.Identifies - before.Identifies; d != tt.identifies {
					t.Errorf("%d new Identify; want %d", d, tt.identifies)
				}
				if d := after.Resumes - before.Resumes; d != tt.resumes {
					t.Errorf("%d new Resume; want %d", d, tt.resumes)
				}

				next := srv.Interact(ask("Who is Sir Adam Thomson?"))
				sent = append(sent, next)
				answeredOnce(t, srv, next, []int{204})

				m := srv.Message(fmt.Sprintf("%s who said there is no magic wand? (%d)", discordtest.Mention(), k))
				replyTo(t, srv, m)
				noLeak(t, rec, during)
				noLeak(t, rec, next)
			})
		}
	})

	t.Run("callback", func(t *testing.T) {
		const callbacks = "/api/v9/interactions/"
		tests := []struct {
			name  string
			guard string
			fault func()
			want  []int // what the fake answered each attempt, in order
			// log is the record the bot must write: its level and
			// attributes ("interaction" is filled in).
			logLevel slog.Level
			logAttrs map[string]string
		}{
			{"429 with retry_after", "ShouldRetryOnRateLimit (else the 429 is an error the bot does not retry) and the rate-limit warning",
				func() { srv.FailNext(http.MethodPost, callbacks, 1, http.StatusTooManyRequests, 300*time.Millisecond) },
				[]int{429, 204}, slog.LevelWarn, map[string]string{"retry_after": "300ms", "url": "/interactions/"}},
			{"500 once", "the bot's own retry of a 5xx (discordgo returns a 500 as an error)",
				func() { srv.FailNext(http.MethodPost, callbacks, 1, http.StatusInternalServerError, 0) },
				[]int{500, 204}, slog.LevelWarn, map[string]string{"interaction": "", "err": "500"}},
			{"500 twice", "one retry only, and the failure logged with its cause",
				func() { srv.FailNext(http.MethodPost, callbacks, 2, http.StatusInternalServerError, 0) },
				[]int{500, 500}, slog.LevelError, map[string]string{"interaction": "", "err": "500"}},
			{"502 once", "MaxRestRetries > 0 (discordgo retries a 502 itself)",
				func() { srv.FailNext(http.MethodPost, callbacks, 1, http.StatusBadGateway, 0) },
				[]int{502, 204}, 0, nil},
			{"slow answer, inside the bot's timeout", "no retry nor second answer while Discord is slow",
				func() { srv.DelayNext(http.MethodPost, callbacks, 1, 700*time.Millisecond) },
				[]int{204}, 0, nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				t.Logf("guards: %s", tt.guard)
				t.Cleanup(srv.ResetFaults) // a rule the bot did not use up would hit the next case
				tt.fault()
				i := srv.Interact(ask("Who is James Carden?"))
				sent = append(sent, i)
				got := answeredOnce(t, srv, i, tt.want)
				if tt.want[0] == http.StatusTooManyRequests && len(got) == 2 {
					if gap := got[1].Time.Sub(got[0].Time); gap < 300*time.Millisecond {
						t.Errorf("retried %v after the 429; want at least retry_after (300ms)", gap)
					}
				}
				if tt.logAttrs != nil {
					want := map[string]string{}
					for k, v := range tt.logAttrs {
						want[k] = v
					}
					if _, ok := want["interaction"]; ok {
						want["interaction"] = i.ID
					}
					if _, err := rec.wait(waitCtx(t), tt.logLevel, want); err != nil {
						t.Error(err)
					}
				}
				noLeak(t, rec, i)

				next := srv.Interact(ask("Who is Sir Adam Thomson?"))
				sent = append(sent, next)
				answeredOnce(t, srv, next, []int{204})
			})
		}
	})

	// None answered twice, counted again now that every retry is over.
	for _, i := range sent {
		ok := 0
		for _, r := range srv.Callbacks(i.ID) {
			if r.OK() {
				ok++
			}
		}
		if ok > 1 {
			t.Errorf("interaction %s was answered %d times", i.ID, ok)
		}
	}
}

// TestCallbackPastDeadline delays Discord's answer to the callback past the
// bot's own deadline (Config.Timeout). It guards that deadline: without it
// the bot would wait as long as Discord takes, holding a goroutine and
// Close. The abandoned call has no effect (Status 0), is logged with its
// cause and without the token, and the next interaction is answered.
func TestCallbackPastDeadline(t *testing.T) {
	t.Parallel()
	// Long enough for a search under -race on a loaded machine.
	const timeout = 2 * time.Second
	srv, rec := launchBot(t, func(c *bot.Config) { c.Timeout = timeout })
	srv.DelayNext(http.MethodPost, "/api/v9/interactions/", 1, 5*timeout)
	i := srv.Interact(ask("Who is James Carden?"))
	answeredOnce(t, srv, i, []int{0})
	if _, err := rec.wait(waitCtx(t), slog.LevelError, map[string]string{"interaction": i.ID, "err": "*"}); err != nil {
		t.Error(err)
	}
	noLeak(t, rec, i)

	next := srv.Interact(ask("Who is Sir Adam Thomson?"))
	answeredOnce(t, srv, next, []int{204})
}
