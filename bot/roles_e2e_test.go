package bot_test

import (
	"bytes"
	"log/slog"
	"testing"

	"articlebot/bot/discordtest"
)

// TestMentionRoles sends messages that mention a role, not the bot: the
// fake's guild has the bot's managed role (tags.bot_id = the bot) and an
// ordinary one. Typing @articlebot in Discord often inserts the managed
// role; the bot must answer that as a mention of itself, with the role's
// mention taken out of the question, and must ignore any other role.
func TestMentionRoles(t *testing.T) {
	t.Parallel()
	srv, rec := launchBot(t)

	t.Run("the bot's managed role", func(t *testing.T) {
		m := srv.Message("<@&" + discordtest.BotRoleID + ">, Who said there is no magic wand?")
		req, sent := replyTo(t, srv, m)
		golden(t, "role-mention", req.Body, m.ID)
		if len(sent.Embeds) != 1 || sent.Embeds[0].Title != "Who said there is no magic wand?" {
			t.Errorf("reply %+v; want an answer titled with the question, the role's mention taken out", sent.Embeds)
		}
	})

	t.Run("another role", func(t *testing.T) {
		m := srv.Message("<@&" + discordtest.RoleID + "> Who is James Carden?")
		// The bot logs the message it ignores: once it has, it will not
		// answer it.
		if _, err := rec.wait(waitCtx(t), slog.LevelDebug, map[string]string{"message": m.ID}); err != nil {
			t.Fatalf("the bot neither ignored nor answered: %v", err)
		}
		for _, r := range srv.Requests() {
			if bytes.Contains(r.Body, []byte(`"message_id":"`+m.ID+`"`)) {
				t.Errorf("the bot answered a message that mentions another role: %s", r.Body)
			}
		}
	})

	t.Run("the bot's managed role, text withheld", func(t *testing.T) {
		m := srv.MessageWithheld("<@&" + discordtest.BotRoleID + "> Who is James Carden?")
		_, sent := replyTo(t, srv, m)
		want := "Discord did not show me the text of that message. Mention me by name (not my role) or use /ask."
		if sent.Content != want || len(sent.Embeds) != 0 {
			t.Errorf("reply %q %+v; want %q", sent.Content, sent.Embeds, want)
		}
	})

	t.Run("both roles", func(t *testing.T) {
		m := srv.Message("<@&" + discordtest.RoleID + "> <@&" + discordtest.BotRoleID + "> who is James Carden?")
		_, sent := replyTo(t, srv, m)
		// The title is escaped markdown: <@&ID\> pings no one.
		if want := `<@&` + discordtest.RoleID + `\> who is James Carden?`; len(sent.Embeds) != 1 || sent.Embeds[0].Title != want {
			t.Errorf("reply %+v; want an answer titled %q: the other role kept, the bot's taken out", sent.Embeds, want)
		}
	})
}
