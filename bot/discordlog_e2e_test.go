package bot_test

import (
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"articlebot/bot"
	"articlebot/bot/discordtest"
)

// childEnv marks the test binary run as the child of
// TestDiscordLogsHideTokens.
const childEnv = "ARTICLEBOT_TEST_DISCORDLOG_CHILD"

// TestDiscordLogsHideTokens runs a bot at LOG_LEVEL=debug with discordgo's
// logs routed through RouteDiscordLogs, and makes discordgo retry a 502 on
// the interaction callback and on the webhook edit of a deferred reply:
// discordgo logs both retries with their URLs, which hold the interaction's
// token. The lines must reach the bot's log, with source=discordgo, and the
// token must not.
//
// It runs in a child process of the test binary: discordgo.Logger is one
// variable for the whole process, and setting it here would race with the
// sessions of the other tests.
func TestDiscordLogsHideTokens(t *testing.T) {
	if os.Getenv(childEnv) == "1" {
		discordLogChild(t)
		return
	}
	t.Parallel()
	cmd := exec.Command(os.Args[0], "-test.run=^TestDiscordLogsHideTokens$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), childEnv+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child test: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`interaction token: (\S+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("the child named no interaction token:\n%s", out)
	}
	token := string(m[1])
	var retries []string
	for _, line := range strings.Split(string(out), "\n") {
		if strings.Contains(line, token) && !strings.Contains(line, "interaction token: ") {
			t.Errorf("a log line holds the interaction token: %s", line)
		}
		if strings.Contains(line, discordtest.Token) {
			t.Errorf("a log line holds the bot token: %s", line)
		}
		if strings.Contains(line, "source=discordgo") && strings.Contains(line, "Retrying") {
			retries = append(retries, line)
		}
	}
	want := []string{
		"level=DEBUG msg=\"https://discord.com/api/v9/interactions/", "/…/callback Failed (502 Bad Gateway), Retrying...\"",
		"level=DEBUG msg=\"https://discord.com/api/v9/webhooks/" + discordtest.AppID + "/…/messages/@original Failed (502 Bad Gateway), Retrying...\"",
	}
	joined := strings.Join(retries, "\n")
	for _, w := range want {
		if !strings.Contains(joined, w) {
			t.Errorf("discordgo's retry lines in the bot's log:\n%s\nwant one with %q", joined, w)
		}
	}
}

// discordLogChild is the child's side: a bot whose discordgo logs go to
// standard error, and one interaction whose callback and edit each fail
// once with a 502.
func discordLogChild(t *testing.T) {
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	bot.RouteDiscordLogs(log, discordtest.Token)
	srv, _ := startBot(t, func(c *bot.Config) {
		c.Log = log
		c.DeferAfter = -1 // defer, so that the answer is an edit through the webhook
		c.UserBurst = -1
	})
	srv.SetInteractionWindow(time.Minute) // what is tested is the log, not how fast (see offTheClock)
	srv.FailNext(http.MethodPost, "/api/v9/interactions/", 1, http.StatusBadGateway, 0)
	srv.FailNext(http.MethodPatch, "/api/v9/webhooks/", 1, http.StatusBadGateway, 0)
	i := srv.Interact(ask("Who is James Carden?"))
	t.Logf("interaction token: %s", i.Token)
	if _, err := srv.WaitCallback(waitCtx(t), i); err != nil {
		t.Fatal(err)
	}
	path := "/api/v9/webhooks/" + discordtest.AppID + "/" + i.Token + "/messages/@original"
	if _, err := srv.WaitRequest(waitCtx(t), func(r discordtest.Request) bool {
		return r.Method == http.MethodPatch && r.Path == path && r.OK()
	}); err != nil {
		t.Fatal(err)
	}
}
