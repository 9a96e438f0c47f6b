package bot_test

import (
	"log/slog"
	"net/http"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"articlebot/bot"
	"articlebot/bot/discordtest"
)

// TestBadGatewayRun answers callbacks with runs of 502s. discordgo retries
// a 502 itself (MaxRestRetries, 3, more attempts) and then gives up with a
// plain error, not a *discordgo.RESTError; the bot must still see a server
// error in it and try once more, so that four 502s in a row do not lose
// the answer, and eight (the bot's retry used up as well) are logged as a
// failure with their cause. The interaction is answered at most once.
func TestBadGatewayRun(t *testing.T) {
	t.Parallel()
	srv, rec := launchBot(t)
	tests := []struct {
		name     string
		fails    int
		want     []int // what the fake answered each attempt, in order
		logLevel slog.Level
	}{
		{"four 502s: discordgo's retries used up, the bot's succeeds", 4,
			[]int{502, 502, 502, 502, 204}, slog.LevelWarn},
		{"eight 502s: one retry by the bot, then the failure logged", 8,
			[]int{502, 502, 502, 502, 502, 502, 502, 502}, slog.LevelError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Cleanup(srv.ResetFaults)
			srv.FailNext(http.MethodPost, "/api/v9/interactions/", tt.fails, http.StatusBadGateway, 0)
			i := srv.Interact(ask("Who is James Carden?"))
			answeredOnce(t, srv, i, tt.want)
			want := map[string]string{"interaction": i.ID, "call": "*", "err": "502"}
			if _, err := rec.wait(waitCtx(t), tt.logLevel, want); err != nil {
				t.Error(err)
			}
			noLeak(t, rec, i)

			next := srv.Interact(ask("Who is Sir Adam Thomson?"))
			answeredOnce(t, srv, next, []int{204})
		})
	}
}

// TestDeferralCountsFromCreation gives interactions IDs whose snowflake
// says when Discord created them. The bot defers (Config.DeferAfter)
// counting from that moment, not from when its handler started: one
// created longer than DeferAfter before it reached the bot is deferred at
// once, although its handler answers at once; one created now is answered
// directly. DeferAfter is a minute here (offTheClock), not the 2 s
// default: what is tested is where the count starts, and a handler slowed
// for 2 s by a loaded machine must not turn "answered directly" into a
// deferral.
func TestDeferralCountsFromCreation(t *testing.T) {
	t.Parallel()
	srv, _ := launchBot(t, offTheClock)
	tests := []struct {
		name string
		age  time.Duration // how long before dispatch Discord created it
		want discordgo.InteractionResponseType
	}{
		{"created 61s ago: deferred at once", 61 * time.Second, discordgo.InteractionResponseDeferredChannelMessageWithSource},
		{"created now: answered directly", 0, discordgo.InteractionResponseChannelMessageWithSource},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := ask("Who is James Carden?")
			i.ID = bot.SnowflakeAt(time.Now().Add(-tt.age))
			i.Token = "interaction-token-" + i.ID // the path of the edit needs it
			_, cb := interact(t, srv, i)
			if cb.Type != tt.want {
				t.Errorf("interaction created %v before dispatch: response type %d; want %d", tt.age, cb.Type, tt.want)
			}
			if tt.want != discordgo.InteractionResponseDeferredChannelMessageWithSource {
				return
			}
			path := "/api/v9/webhooks/" + discordtest.AppID + "/" + i.Token + "/messages/@original"
			if _, err := srv.WaitRequest(waitCtx(t), func(r discordtest.Request) bool {
				return r.Method == http.MethodPatch && r.Path == path && r.OK()
			}); err != nil {
				t.Errorf("the deferred reply was not edited with the answer: %v", err)
			}
		})
	}
}
