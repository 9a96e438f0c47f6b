package bot

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"articlebot/bot/discordtest"
	"articlebot/corpus"
	"articlebot/index"
)

// TestBotRolesEvents plays guild events, as discordgo hands them over raw,
// and checks which role the bot "42" is known to have in guild "1".
func TestBotRolesEvents(t *testing.T) {
	guild := `{"id":"1","roles":[{"id":"1","name":"@everyone"},{"id":"9","managed":true,"tags":{"bot_id":"42"}},{"id":"8","tags":{"bot_id":"77"}},{"id":"7"}]}`
	tests := []struct {
		name      string
		events    [][2]string // type, data
		wantRole  string
		wantKnown bool
	}{
		{"nothing heard", nil, "", false},
		{"GUILD_CREATE", [][2]string{{"GUILD_CREATE", guild}}, "9", true},
		{"GUILD_CREATE without a role for the bot", [][2]string{{"GUILD_CREATE", `{"id":"1","roles":[{"id":"8","tags":{"bot_id":"77"}}]}`}}, "", true},
		{"role created in a known guild", [][2]string{
			{"GUILD_CREATE", `{"id":"1","roles":[]}`},
			{"GUILD_ROLE_CREATE", `{"guild_id":"1","role":{"id":"5","tags":{"bot_id":"42"}}}`},
		}, "5", true},
		{"role created in an unknown guild: still unknown", [][2]string{
			{"GUILD_ROLE_CREATE", `{"guild_id":"1","role":{"id":"5","tags":{"bot_id":"42"}}}`},
		}, "", false},
		{"role updated without its tags", [][2]string{
			{"GUILD_CREATE", guild},
			{"GUILD_ROLE_UPDATE", `{"guild_id":"1","role":{"id":"9","name":"renamed"}}`},
		}, "", true},
		{"another role updated", [][2]string{
			{"GUILD_CREATE", guild},
			{"GUILD_ROLE_UPDATE", `{"guild_id":"1","role":{"id":"7","name":"renamed"}}`},
		}, "9", true},
		{"role deleted", [][2]string{
			{"GUILD_CREATE", guild},
			{"GUILD_ROLE_DELETE", `{"guild_id":"1","role_id":"9"}`},
		}, "", true},
		{"guild deleted", [][2]string{
			{"GUILD_CREATE", guild},
			{"GUILD_DELETE", `{"id":"1","unavailable":true}`},
		}, "", false},
		{"other guild's events", [][2]string{
			{"GUILD_CREATE", guild},
			{"GUILD_ROLE_DELETE", `{"guild_id":"2","role_id":"9"}`},
			{"GUILD_DELETE", `{"id":"2"}`},
		}, "9", true},
		{"undecodable event", [][2]string{{"GUILD_CREATE", guild}, {"GUILD_ROLE_DELETE", `[`}}, "9", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newBotRoles()
			for _, ev := range tt.events {
				r.onEvent(&discordgo.Event{Type: ev[0], RawData: json.RawMessage(ev[1])})
			}
			role, known := r.lookup("1", "42")
			if role != tt.wantRole || known != tt.wantKnown {
				t.Errorf("lookup(1, 42) = %q, %v; want %q, %v", role, known, tt.wantRole, tt.wantKnown)
			}
		})
	}
}

// TestSelfRoleFetchesUnknownGuild asks for the bot's role in a guild whose
// GUILD_CREATE the bot has not read (discordgo runs handlers concurrently,
// and a guild may be unavailable at first): the roles come over REST from
// the fake Discord, once.
func TestSelfRoleFetchesUnknownGuild(t *testing.T) {
	srv := discordtest.New(t)
	c := corpus.Default()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	ix, err := index.Open(ctx, c, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := ix.Close(); err != nil {
			t.Errorf("close index: %v", err)
		}
	})
	b, err := New(Config{Token: discordtest.Token, APIURL: srv.URL()}, c, ix)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		roles []string
		want  string
	}{
		{"the bot's role", []string{discordtest.RoleID, discordtest.BotRoleID}, discordtest.BotRoleID},
		{"another role", []string{discordtest.RoleID}, ""},
		{"no role", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &discordgo.Message{ID: "5", GuildID: discordtest.GuildID, MentionRoles: tt.roles}
			if got := b.selfRole(ctx, m, discordtest.AppID); got != tt.want {
				t.Errorf("selfRole(mention_roles %v) = %q; want %q", tt.roles, got, tt.want)
			}
		})
	}
	var fetches int
	for _, r := range srv.Requests() {
		if r.Method == http.MethodGet && r.Path == "/api/v9/guilds/"+discordtest.GuildID+"/roles" {
			fetches++
		}
	}
	if fetches != 1 {
		t.Errorf("the roles were fetched %d times; want once, then known", fetches)
	}
}
