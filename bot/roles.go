package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/bwmarrin/discordgo"
)

// When a bot joins a server, Discord gives it a managed role of its own,
// named after it, whose tags.bot_id is the bot's user ID. Typing @BotName
// in Discord often picks that role, and the message then mentions the role
// (<@&ROLE_ID>) and not the bot: the bot takes such a mention as a mention
// of itself. discordgo v0.29.0 does not decode a role's tags, so the bot
// reads them from the raw guild events, and over REST for a guild it has
// not heard of yet.

// botRoles knows the bots' managed roles of every guild the bot is in.
type botRoles struct {
	mu sync.Mutex
	// byGuild maps a guild ID to its managed bot roles, bot user ID → role
	// ID. A guild is present once its roles are known, even with none.
	byGuild map[string]map[string]string
}

func newBotRoles() *botRoles { return &botRoles{byGuild: map[string]map[string]string{}} }

// roleJSON is a role as Discord sends it, with the tags discordgo drops.
type roleJSON struct {
	ID   string `json:"id"`
	Tags struct {
		BotID string `json:"bot_id"`
	} `json:"tags"`
}

// lookup returns the managed role of the bot self in guild, and whether
// the guild's roles are known at all.
func (r *botRoles) lookup(guild, self string) (role string, known bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	roles, known := r.byGuild[guild]
	return roles[self], known
}

// setGuild replaces what is known of a guild's roles.
func (r *botRoles) setGuild(guild string, roles []roleJSON) {
	m := map[string]string{}
	for _, role := range roles {
		if role.Tags.BotID != "" {
			m[role.Tags.BotID] = role.ID
		}
	}
	r.mu.Lock()
	r.byGuild[guild] = m
	r.mu.Unlock()
}

// setRole records a created or updated role of a known guild.
func (r *botRoles) setRole(guild string, role roleJSON) {
	r.mu.Lock()
	defer r.mu.Unlock()
	roles, ok := r.byGuild[guild]
	if !ok {
		return // the guild's GUILD_CREATE, or a fetch, brings every role
	}
	for bot, id := range roles {
		if id == role.ID {
			delete(roles, bot)
		}
	}
	if role.Tags.BotID != "" {
		roles[role.Tags.BotID] = role.ID
	}
}

// deleteRole forgets a deleted role.
func (r *botRoles) deleteRole(guild, roleID string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for bot, id := range r.byGuild[guild] {
		if id == roleID {
			delete(r.byGuild[guild], bot)
		}
	}
}

// forgetGuild forgets a guild the bot left (or that went unavailable: its
// GUILD_CREATE brings the roles back).
func (r *botRoles) forgetGuild(guild string) {
	r.mu.Lock()
	delete(r.byGuild, guild)
	r.mu.Unlock()
}

// onEvent reads the roles from the guild events discordgo hands over raw.
// An event that does not decode changes nothing.
func (r *botRoles) onEvent(e *discordgo.Event) {
	if e == nil {
		return
	}
	var ev struct {
		ID      string     `json:"id"`       // GUILD_CREATE, GUILD_DELETE
		Roles   []roleJSON `json:"roles"`    // GUILD_CREATE
		GuildID string     `json:"guild_id"` // GUILD_ROLE_*
		Role    roleJSON   `json:"role"`     // GUILD_ROLE_CREATE, _UPDATE
		RoleID  string     `json:"role_id"`  // GUILD_ROLE_DELETE
	}
	switch e.Type {
	case "GUILD_CREATE", "GUILD_DELETE", "GUILD_ROLE_CREATE", "GUILD_ROLE_UPDATE", "GUILD_ROLE_DELETE":
		if json.Unmarshal(e.RawData, &ev) != nil {
			return
		}
	default:
		return
	}
	switch e.Type {
	case "GUILD_CREATE":
		if ev.ID != "" {
			r.setGuild(ev.ID, ev.Roles)
		}
	case "GUILD_DELETE":
		r.forgetGuild(ev.ID)
	case "GUILD_ROLE_CREATE", "GUILD_ROLE_UPDATE":
		r.setRole(ev.GuildID, ev.Role)
	case "GUILD_ROLE_DELETE":
		r.deleteRole(ev.GuildID, ev.RoleID)
	}
}

// selfRole returns the bot's managed role in the message's guild, or ""
// when it has none or the message does not mention any role. discordgo
// runs event handlers concurrently, so a message can arrive before its
// guild's GUILD_CREATE was read: then the roles are fetched once over REST.
func (b *Bot) selfRole(ctx context.Context, m *discordgo.Message, self string) string {
	if m.GuildID == "" || len(m.MentionRoles) == 0 {
		return ""
	}
	role, known := b.roles.lookup(m.GuildID, self)
	if !known {
		var roles []roleJSON
		log := b.log.With(slog.String("message", m.ID), slog.String("guild", m.GuildID))
		err := b.retry(ctx, log, "fetch guild roles", func(ctx context.Context) error {
			endpoint := discordgo.EndpointGuildRoles(m.GuildID)
			body, err := b.session.RequestWithBucketID(http.MethodGet, endpoint, nil, endpoint, discordgo.WithContext(ctx))
			if err != nil {
				return err
			}
			if err := json.Unmarshal(body, &roles); err != nil {
				return fmt.Errorf("decode roles of guild %s: %w", m.GuildID, err)
			}
			return nil
		})
		if err != nil {
			return ""
		}
		b.roles.setGuild(m.GuildID, roles)
		role, _ = b.roles.lookup(m.GuildID, self)
	}
	if role == "" || !slices.Contains(m.MentionRoles, role) {
		return ""
	}
	return role
}

// mentions reports whether a message mentions the user self, or the bot's
// managed role selfRole ("" for none).
func mentions(m *discordgo.Message, self, selfRole string) bool {
	if slices.ContainsFunc(m.Mentions, func(u *discordgo.User) bool { return u != nil && u.ID == self }) {
		return true
	}
	if selfRole != "" && (slices.Contains(m.MentionRoles, selfRole) || strings.Contains(m.Content, "<@&"+selfRole+">")) {
		return true
	}
	return strings.Contains(m.Content, "<@"+self+">") || strings.Contains(m.Content, "<@!"+self+">")
}

// stripMention removes the mentions of self (and of its managed role
// selfRole, when not "") from a message, the punctuation that joined them
// to the question ("@bot, who …") and the spaces they leave.
func stripMention(content, self, selfRole string) string {
	marks := []string{"<@" + self + ">", "<@!" + self + ">"}
	if selfRole != "" {
		marks = append(marks, "<@&"+selfRole+">")
	}
	for _, m := range marks {
		content = strings.ReplaceAll(content, m, " ")
	}
	return strings.TrimLeft(strings.Join(strings.Fields(content), " "), ",:;- ")
}
