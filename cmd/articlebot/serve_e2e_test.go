package main

import (
	"context"
	"errors"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"articlebot/bot/discordtest"
)

// The whole program, as a host runs it: the articlebot binary, built from
// this package, serving the fake Discord on 127.0.0.1 through
// DISCORD_API_URL, then stopped with SIGTERM.

// buildBinary builds the articlebot command into a temporary folder; with
// -race when the test itself runs under it, which reuses the packages the
// test was built from and runs the program under the race detector too.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the articlebot binary: skipped with -short")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command to build the binary with: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "articlebot")
	args := []string{"build", "-o", bin}
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "-race" && s.Value == "true" {
				args = append(args, "-race")
			}
		}
	}
	out, err := exec.Command(gobin, append(args, ".")...).CombinedOutput()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return bin
}

// serveCommand is `articlebot serve` with exactly env as its environment
// (no ARTICLEBOT_INDEX: the index stays in memory) and a settings file
// that does not exist, so that a developer's .env is not read.
func serveCommand(t *testing.T, bin string, env ...string) (*exec.Cmd, *lockedBuffer) {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--env", filepath.Join(t.TempDir(), "no.env"))
	cmd.Env = env
	var out lockedBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	return cmd, &out
}

func TestServeBinary(t *testing.T) {
	bin := buildBinary(t)

	t.Run("answers, then exits cleanly on SIGTERM", func(t *testing.T) {
		srv := discordtest.New(t)
		cmd, out := serveCommand(t, bin,
			"DISCORD_TOKEN="+discordtest.Token,
			"DISCORD_API_URL="+srv.URL(),
			"LOG_LEVEL=info",
		)
		if err := cmd.Start(); err != nil {
			t.Fatalf("start %s: %v", bin, err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		t.Cleanup(func() {
			if cmd.ProcessState == nil {
				cmd.Process.Kill()
				<-exited
			}
			if t.Failed() {
				t.Logf("articlebot serve wrote:\n%s", out)
			}
		})

		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		cmds, err := srv.WaitCommands(ctx)
		if err != nil {
			t.Fatalf("no commands registered: %v", err)
		}
		if want := "/api/v9/applications/" + discordtest.AppID + "/commands"; cmds.Path != want {
			t.Errorf("commands registered at %s; want %s (global: DISCORD_GUILD_ID is not set)", cmds.Path, want)
		}
		var registered []struct{ Name string }
		if err := cmds.Decode(&registered); err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(registered, func(c struct{ Name string }) bool { return c.Name == "ask" }) {
			t.Errorf("registered %+v; want /ask among them", registered)
		}
		// The fake records the registration when the request arrives; the
		// program is ready once it has read the reply.
		if err := out.waitFor(ctx, "ready;"); err != nil {
			t.Fatalf("articlebot serve never said it was ready: %v", err)
		}

		// A question from the development set: the gold answer is in ¶4
		// or ¶5 of the embedded article.
		const question = "Who is Sir Adam Thomson?"
		i := srv.Interact(discordtest.Command("ask", discordtest.Opt("question", question)))
		r, err := srv.WaitCallback(ctx, i)
		if err != nil {
			t.Fatal(err)
		}
		var cb struct {
			Type discordgo.InteractionResponseType `json:"type"`
			Data struct {
				Embeds []struct {
					Title  string `json:"title"`
					Footer struct {
						Text string `json:"text"`
					} `json:"footer"`
				} `json:"embeds"`
			} `json:"data"`
		}
		if err := r.Decode(&cb); err != nil {
			t.Fatal(err)
		}
		if cb.Type != discordgo.InteractionResponseChannelMessageWithSource || len(cb.Data.Embeds) == 0 {
			t.Fatalf("/ask answered type %d with %d embeds: %s; want a message with the answer", cb.Type, len(cb.Data.Embeds), r.Body)
		}
		e := cb.Data.Embeds[0]
		if e.Title != question || !(strings.HasSuffix(e.Footer.Text, "¶4") || strings.HasSuffix(e.Footer.Text, "¶5")) {
			t.Errorf("/ask %q = title %q, cited %q; want the question and ¶4 or ¶5", question, e.Title, e.Footer.Text)
		}

		if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatalf("SIGTERM: %v", err)
		}
		select {
		case err := <-exited:
			if err != nil {
				t.Errorf("after SIGTERM articlebot serve exited with %v; want exit status 0", err)
			}
		case <-ctx.Done():
			t.Fatal("articlebot serve did not exit within a minute of SIGTERM")
		}
		// A clean exit closes the gateway session with a close frame, which
		// ends it, rather than dropping the connection.
		if _, err := srv.WaitStats(ctx, func(st discordtest.Stats) bool { return st.Connections == 0 && st.Ready == 0 }); err != nil {
			t.Errorf("gateway still connected after exit: %v", err)
		}
		if log := out.String(); strings.Contains(log, discordtest.Token) || strings.Contains(log, i.Token) {
			t.Errorf("the log holds a token:\n%s", log)
		}
		if log := out.String(); strings.Contains(log, "level=ERROR") {
			t.Errorf("errors logged:\n%s", log)
		}
	})

	t.Run("no token: one line naming DISCORD_TOKEN, non-zero exit", func(t *testing.T) {
		cmd, out := serveCommand(t, bin)
		err := cmd.Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() == 0 {
			t.Fatalf("articlebot serve without a token: %v; want a non-zero exit", err)
		}
		msg := strings.TrimRight(out.String(), "\n")
		if strings.Contains(msg, "\n") || !strings.Contains(msg, "DISCORD_TOKEN") {
			t.Errorf("articlebot serve without a token wrote %q; want one line naming DISCORD_TOKEN", msg)
		}
	})
}
