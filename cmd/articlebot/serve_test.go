package main

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"articlebot/bot/discordtest"
)

// lockedBuffer is a log the program writes while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
	// changed is closed, and replaced, on every write.
	changed chan struct{}
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.changed != nil {
		close(b.changed)
	}
	b.changed = make(chan struct{})
	return b.buf.Write(p)
}

// waitFor waits until the log holds s.
func (b *lockedBuffer) waitFor(ctx context.Context, s string) error {
	for {
		b.mu.Lock()
		if strings.Contains(b.buf.String(), s) {
			b.mu.Unlock()
			return nil
		}
		if b.changed == nil {
			b.changed = make(chan struct{})
		}
		ch := b.changed
		b.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestServeWithoutToken(t *testing.T) {
	getenv := func(string) string { return "" } // nothing set, no .env
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"serve", "--env", "/nonexistent"}, getenv, strings.NewReader(""), &stdout, &stderr)
	if err == nil {
		t.Fatal("serve without a token succeeded; want an error")
	}
	if msg := err.Error(); !strings.Contains(msg, "DISCORD_TOKEN") || strings.Contains(msg, "\n") {
		t.Errorf("serve without a token: %q; want one line naming DISCORD_TOKEN", msg)
	}
	if code := exitCode(err); code == 0 {
		t.Errorf("exit code %d; want non-zero", code)
	}
}

func TestServeAnswers(t *testing.T) {
	srv := discordtest.New(t)
	env := map[string]string{
		"DISCORD_TOKEN":    discordtest.Token,
		"DISCORD_API_URL":  srv.URL(),
		"DISCORD_GUILD_ID": discordtest.GuildID,
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr lockedBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--env", "/nonexistent"}, func(k string) string { return env[k] },
			strings.NewReader(""), &bytes.Buffer{}, &stderr)
	}()

	wait, stop := context.WithTimeout(context.Background(), 20*time.Second)
	defer stop()
	cmds, err := srv.WaitCommands(wait)
	if err != nil {
		cancel()
		t.Fatalf("no commands registered: %v\nlog:\n%s", err, stderr.String())
	}
	if want := "/api/v9/applications/" + discordtest.AppID + "/guilds/" + discordtest.GuildID + "/commands"; cmds.Path != want {
		t.Errorf("commands registered at %s; want %s", cmds.Path, want)
	}
	// The fake records the registration when the request arrives; serve
	// is ready once it has read the reply.
	if err := stderr.waitFor(wait, "ready;"); err != nil {
		cancel()
		t.Fatalf("serve never said it was ready: %v\nlog:\n%s", err, stderr.String())
	}

	i := srv.Interact(discordtest.Command("paragraph", discordtest.Opt("number", 1)))
	req, err := srv.WaitCallback(wait, i)
	if err != nil {
		t.Fatalf("no answer to /paragraph: %v\nlog:\n%s", err, stderr.String())
	}
	var cb discordgo.InteractionResponse
	if err := req.Decode(&cb); err != nil {
		t.Fatal(err)
	}
	if cb.Data == nil || len(cb.Data.Embeds) != 1 || !strings.HasPrefix(cb.Data.Embeds[0].Description, "Shortly after Donald Trump") {
		t.Errorf("/paragraph 1 answered %+v; want ¶1", cb.Data)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after shutdown; want nil", err)
		}
	case <-wait.Done():
		t.Fatal("serve did not return after its context was canceled")
	}
	log := stderr.String()
	for _, want := range []string{"index ready", "ready;", "invite=\"https://discord.com/oauth2/authorize?client_id=" + discordtest.AppID +
		"&scope=bot+applications.commands&permissions=274877991936\"", "shutting down"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
	if strings.Contains(log, discordtest.Token) {
		t.Errorf("log holds the token:\n%s", log)
	}
}
