package bot_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"articlebot/bot"
	"articlebot/bot/discordtest"
)

// TestDeferralCountsFromCreation gives interactions IDs whose snowflake
// says when Discord created them. The bot defers (Config.DeferAfter, 2 s)
// counting from that moment, not from when its handler started: one
// created 2.5 s before it reached the bot is deferred at once, although
// its handler answers well within 2 s of starting; one created now is
// answered directly.
func TestDeferralCountsFromCreation(t *testing.T) {
	t.Parallel()
	srv, _ := launchBot(t, func(c *bot.Config) { c.DeferAfter = 2 * time.Second })
	tests := []struct {
		name string
		age  time.Duration // how long before dispatch Discord created it
		want discordgo.InteractionResponseType
	}{
		{"created 2.5s ago: deferred at once", 2500 * time.Millisecond, discordgo.InteractionResponseDeferredChannelMessageWithSource},
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
