package bot_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"articlebot/bot"
	"articlebot/bot/discordtest"
)

// BenchmarkLoad measures the bot under load through the fake Discord: each
// interaction is an /ask with a real question about the embedded article,
// dispatched over the gateway, and its latency runs from dispatch to the
// moment the callback reaches the fake. Every interaction must be answered
// with an answer (an embed), or the benchmark fails; one answered after
// Discord's 3-second window (which the fake enforces with 404 Unknown
// interaction, as Discord does) counts as late: the metric "late" says how
// many, and the latencies include them.
//
// Next to the bot, the same run drives a do-nothing discordgo client (it
// answers every interaction with a fixed embed) through an identical fake:
// its figures are the harness's own cost (gateway, loopback HTTP, the fake),
// to be read beside the bot's.
//
//	rate=500   interactions paced at 500/s: latency at the target rate
//	closed     as fast as the client takes them, workers in a closed loop:
//	           the sustained rate
//	burst=1000 1,000 dispatched at once (queued on the gateway together):
//	           all answered, the slowest inside 3 s
//
// Every question comes from a different member, so the bot's per-user limit
// stays on at its default (and keeps its table of users bounded) but never
// refuses one: the benchmark measures answers, not refusals.
func BenchmarkLoad(b *testing.B) {
	questions := evalQuestions(b)
	botSrv, _ := launchBot(b, func(c *bot.Config) {
		c.UserBurst = 0 // the default limit
		c.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	})
	targets := []struct {
		name string
		srv  *discordtest.Server
	}{
		{"harness", startEchoClient(b)},
		{"bot", botSrv},
	}
	workers := 4 * runtime.GOMAXPROCS(0)
	for _, tg := range targets {
		l := &loadRun{srv: tg.srv, questions: questions}
		b.Run(tg.name+"/rate=500", func(b *testing.B) { l.paced(b, 500) })
		b.Run(tg.name+"/closed", func(b *testing.B) { l.closed(b, workers) })
		b.Run(tg.name+"/burst=1000", func(b *testing.B) { l.burst(b, 1000) })
	}
}

// evalQuestions reads the development questions about the embedded article.
func evalQuestions(tb testing.TB) []string {
	tb.Helper()
	f, err := os.Open("../testdata/eval/questions.jsonl")
	if err != nil {
		tb.Fatalf("open questions: %v", err)
	}
	defer f.Close()
	var qs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var q struct {
			Q string `json:"q"`
		}
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			tb.Fatalf("read questions: %v", err)
		}
		qs = append(qs, q.Q)
	}
	if err := sc.Err(); err != nil || len(qs) == 0 {
		tb.Fatalf("read questions: %d read, %v", len(qs), err)
	}
	return qs
}

// startEchoClient starts a fake Discord and a plain discordgo session that
// answers every interaction at once with a fixed embed: the do-nothing
// client whose latency is the harness's own.
func startEchoClient(tb testing.TB) *discordtest.Server {
	tb.Helper()
	srv := discordtest.New(tb)
	s, err := discordgo.New("Bot " + discordtest.Token)
	if err != nil {
		tb.Fatalf("discordgo.New: %v", err)
	}
	s.Client = srv.HTTPClient()
	s.StateEnabled = false
	s.LogLevel = discordgo.LogError
	s.Identify.Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	resp := &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{{Description: "ok"}}},
	}
	s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
		_ = s.InteractionRespond(ic.Interaction, resp) // a failure shows as a missing callback
	})
	if err := s.Open(); err != nil {
		tb.Fatalf("open the echo client: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	return srv
}

// loadRun sends /ask interactions to one client through its fake.
type loadRun struct {
	srv       *discordtest.Server
	questions []string
	mu        sync.Mutex
	next      int // the next question and user
}

// build is the next question, from a member who has not asked yet.
func (l *loadRun) build() *discordgo.Interaction {
	l.mu.Lock()
	k := l.next
	l.next++
	l.mu.Unlock()
	i := ask(l.questions[k%len(l.questions)])
	id := strconv.Itoa(200000000000000000 + k)
	i.Member = &discordgo.Member{User: &discordgo.User{ID: id, Username: "member" + id[len(id)-4:]}}
	return i
}

// send dispatches the next question and returns the interaction and when
// it was sent.
func (l *loadRun) send() (*discordgo.Interaction, time.Time) {
	i := l.build()
	t0 := time.Now()
	return l.srv.Interact(i), t0
}

// outcome is how an interaction was answered.
type outcome struct {
	latency  time.Duration
	deferred bool // a deferral, the answer to follow
	late     bool // after the window: refused
}

// latency waits for the interaction's first callback and checks that it is
// an answer with an embed, as the bot's answers (and the echo's) are, or a
// deferral, or an answer refused as too late.
func (l *loadRun) latency(i *discordgo.Interaction, t0 time.Time) (outcome, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	r, err := l.srv.WaitAnyCallback(ctx, i)
	if err != nil {
		return outcome{}, err
	}
	o := outcome{latency: r.Time.Sub(t0)}
	if r.Status == http.StatusNotFound && o.latency > discordtest.InteractionWindow {
		o.late = true
		return o, nil
	}
	if !r.OK() {
		return o, fmt.Errorf("interaction %s: the callback was answered %d %s", i.ID, r.Status, r.Response)
	}
	var cb struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data struct {
			Embeds []json.RawMessage `json:"embeds"`
		} `json:"data"`
	}
	if err := r.Decode(&cb); err != nil {
		return o, err
	}
	switch {
	case cb.Type == discordgo.InteractionResponseDeferredChannelMessageWithSource:
		o.deferred = true
	case len(cb.Data.Embeds) == 0:
		return o, fmt.Errorf("interaction %s: answered without an answer: %s", i.ID, r.Body)
	}
	return o, nil
}

// report reports the latencies' percentiles, the rate, the deferrals and
// the answers too late.
func report(b *testing.B, outs []outcome, elapsed time.Duration) {
	lat := make([]time.Duration, len(outs))
	deferred, late := 0, 0
	for k, o := range outs {
		lat[k] = o.latency
		if o.deferred {
			deferred++
		}
		if o.late {
			late++
		}
	}
	slices.Sort(lat)
	at := func(p float64) float64 {
		k := int(p * float64(len(lat)-1))
		return float64(lat[k]) / float64(time.Millisecond)
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
	b.ReportMetric(at(1), "max-ms")
	b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "interactions/s")
	b.ReportMetric(float64(deferred), "deferred")
	b.ReportMetric(float64(late), "late")
}

// paced dispatches b.N interactions at rate per second and waits for all.
func (l *loadRun) paced(b *testing.B, rate int) {
	b.ReportAllocs()
	every := time.Second / time.Duration(rate)
	sent := make([]*discordgo.Interaction, b.N)
	at := make([]time.Time, b.N)
	b.ResetTimer()
	start := time.Now()
	for k := range b.N {
		if wait := time.Until(start.Add(time.Duration(k) * every)); wait > 0 {
			time.Sleep(wait)
		}
		sent[k], at[k] = l.send()
	}
	outs, last := l.collect(b, sent, at)
	b.StopTimer()
	report(b, outs, last.Sub(start))
}

// collect waits for the callbacks of sent and returns how each was
// answered and when the last callback arrived.
func (l *loadRun) collect(b *testing.B, sent []*discordgo.Interaction, at []time.Time) ([]outcome, time.Time) {
	outs := make([]outcome, len(sent))
	var last time.Time
	for k, i := range sent {
		o, err := l.latency(i, at[k])
		if err != nil {
			b.Fatal(err)
		}
		outs[k] = o
		if end := at[k].Add(o.latency); end.After(last) {
			last = end
		}
	}
	return outs, last
}

// closed runs workers that each send an interaction, wait for its answer
// and send the next, b.N in all: the rate the client sustains.
func (l *loadRun) closed(b *testing.B, workers int) {
	b.ReportAllocs()
	outs := make([]outcome, b.N)
	var next int
	var failed error
	var mu sync.Mutex
	var wg sync.WaitGroup
	b.ResetTimer()
	start := time.Now()
	for range workers {
		wg.Go(func() {
			for {
				mu.Lock()
				k := next
				next++
				stop := failed != nil
				mu.Unlock()
				if k >= b.N || stop {
					return
				}
				i, t0 := l.send()
				o, err := l.latency(i, t0)
				mu.Lock()
				outs[k] = o
				if err != nil && failed == nil {
					failed = err
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	if failed != nil {
		b.Fatal(failed)
	}
	report(b, outs, elapsed)
	b.ReportMetric(float64(workers), "workers")
}

// burst dispatches n interactions at once, b.N times, and waits for all.
func (l *loadRun) burst(b *testing.B, n int) {
	b.ReportAllocs()
	var all []outcome
	var elapsed time.Duration
	for range b.N {
		batch := make([]*discordgo.Interaction, n)
		for k := range batch {
			batch[k] = l.build()
		}
		// One dispatch time for all: what they are measured from includes
		// the fake completing and encoding the thousand.
		start := time.Now()
		sent := l.srv.InteractAll(batch...)
		at := make([]time.Time, n)
		for k := range at {
			at[k] = start
		}
		outs, last := l.collect(b, sent, at)
		all = append(all, outs...)
		elapsed += last.Sub(start)
	}
	b.StopTimer()
	report(b, all, elapsed)
	b.ReportMetric(float64(discordtest.InteractionWindow/time.Millisecond), "window-ms")
}
