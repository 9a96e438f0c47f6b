package discordtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// DMChannelID is the direct-message channel between UserID and the bot.
const DMChannelID = "100000000000000005"

// Permissions the member and the app have in ChannelID: view channel, send
// messages, embed links, read history, use application commands.
const (
	memberPermissions = discordgo.PermissionViewChannel | discordgo.PermissionSendMessages |
		discordgo.PermissionEmbedLinks | discordgo.PermissionReadMessageHistory | discordgo.PermissionUseApplicationCommands
	appPermissions = memberPermissions
)

// issued is an interaction the fake dispatched, and what was answered.
type issued struct {
	id, token string
	typ       discordgo.InteractionType
	at        time.Time
	acked     bool
	message   *message // the message a component was on
	original  *message // the response, once there is one
	followups []*message
}

// message is a message the bot created: its body as sent, plus the fields
// Discord adds. The body is decoded into fields only when the message is
// read or edited, which keeps a burst of answers cheap for the fake.
type message struct {
	id, channelID, guildID string
	raw                    []byte
	fields                 map[string]json.RawMessage // nil until needed
	created, edited        time.Time
	deleted                bool
}

// fieldMap is the message's body by field.
func (m *message) fieldMap() map[string]json.RawMessage {
	if m.fields == nil {
		_ = json.Unmarshal(m.raw, &m.fields) // checked before it was stored
		if m.fields == nil {
			m.fields = map[string]json.RawMessage{}
		}
	}
	return m.fields
}

// json renders the message as Discord returns it.
func (m *message) json() []byte {
	out := map[string]any{
		"id":               m.id,
		"type":             0,
		"channel_id":       m.channelID,
		"author":           botUser(),
		"content":          "",
		"embeds":           []any{},
		"components":       []any{},
		"attachments":      []any{},
		"mentions":         []any{},
		"mention_roles":    []any{},
		"pinned":           false,
		"mention_everyone": false,
		"tts":              false,
		"timestamp":        m.created.UTC().Format(time.RFC3339Nano),
		"edited_timestamp": nil,
		"flags":            0,
		"application_id":   AppID,
	}
	if m.guildID != "" {
		out["guild_id"] = m.guildID
	}
	if !m.edited.IsZero() {
		out["edited_timestamp"] = m.edited.UTC().Format(time.RFC3339Nano)
	}
	for _, k := range []string{"content", "embeds", "components", "flags", "message_reference", "attachments", "poll"} {
		if v, ok := m.fieldMap()[k]; ok && string(v) != "null" {
			out[k] = v
		}
	}
	b, _ := json.Marshal(out)
	return b
}

// customIDs lists the custom IDs of the message's components.
func (m *message) customIDs() []string {
	var comps []component
	_ = json.Unmarshal(m.fieldMap()["components"], &comps)
	var ids []string
	var walk func([]component)
	walk = func(cs []component) {
		for _, c := range cs {
			if c.CustomID != "" {
				ids = append(ids, c.CustomID)
			}
			walk(c.Components)
		}
	}
	walk(comps)
	return ids
}

// newMessageLocked stores a message the bot created. s.mu must be held.
func (s *Server) newMessageLocked(channelID, guildID string, raw []byte) *message {
	m := &message{id: s.newID(), channelID: channelID, guildID: guildID, raw: raw, created: time.Now()}
	s.messages = append(s.messages, m)
	return m
}

// edit applies a PATCH: the fields present replace the message's.
func (m *message) edit(fields map[string]json.RawMessage) {
	old := m.fieldMap()
	merged := make(map[string]json.RawMessage, len(old)+len(fields))
	for k, v := range old {
		merged[k] = v
	}
	for k, v := range fields {
		merged[k] = v
	}
	m.fields = merged
	m.edited = time.Now()
}

// callback answers POST /interactions/{id}/{token}/callback: one response
// per interaction, within InteractionWindow of its dispatch.
func (s *Server) callback(id, token string, body []byte, at time.Time) reply {
	var resp struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data json.RawMessage                   `json:"data"`
	}
	if err := json.Unmarshal(body, &resp); err != nil {
		return formError("_root", "Not an interaction response: "+err.Error())
	}
	data := []byte(resp.Data)
	if string(data) == "null" {
		data = nil
	}
	var update map[string]json.RawMessage // the fields an update replaces
	if resp.Type == discordgo.InteractionResponseUpdateMessage && data != nil {
		if err := json.Unmarshal(data, &update); err != nil {
			return formError("data", "Not an object: "+err.Error())
		}
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	is := s.interactions[id]
	if is == nil || is.token != token || at.Sub(is.at) > s.window {
		return errorReply(http.StatusNotFound, codeUnknownInteraction, "Unknown interaction")
	}
	if is.acked {
		return errorReply(http.StatusBadRequest, codeAlreadyAcked, "Interaction has already been acknowledged.")
	}
	component := is.typ == discordgo.InteractionMessageComponent
	autocomplete := is.typ == discordgo.InteractionApplicationCommandAutocomplete
	var rep reply
	switch resp.Type {
	case discordgo.InteractionResponseChannelMessageWithSource:
		rep = checkMessage("data.", data, true)
	case discordgo.InteractionResponseDeferredChannelMessageWithSource:
		rep = checkFlags("data.", data)
	case discordgo.InteractionResponseDeferredMessageUpdate, discordgo.InteractionResponseUpdateMessage:
		if !component {
			return formError("type", "This response type is only valid for component interactions")
		}
		if resp.Type == discordgo.InteractionResponseUpdateMessage {
			rep = checkMessage("data.", data, false)
		}
	case discordgo.InteractionApplicationCommandAutocompleteResult:
		if !autocomplete {
			return formError("type", "This response type is only valid for autocomplete interactions")
		}
		rep = checkChoices(data)
	case discordgo.InteractionResponseModal:
		rep = checkModal(data)
	default:
		return formError("type", fmt.Sprintf("Value %d is not a valid interaction response type here", resp.Type))
	}
	if autocomplete && resp.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
		return formError("type", "Autocomplete interactions take only an autocomplete result")
	}
	if rep.status != 0 {
		return rep
	}
	is.acked = true
	switch resp.Type {
	case discordgo.InteractionResponseChannelMessageWithSource:
		is.original = s.newMessageLocked(ChannelID, GuildID, data)
	case discordgo.InteractionResponseDeferredChannelMessageWithSource:
		// A deferral shows "thinking…" until the first edit.
		flags, _ := json.Marshal(map[string]json.RawMessage{"flags": flagsWith(data, discordgo.MessageFlagsLoading)})
		is.original = s.newMessageLocked(ChannelID, GuildID, flags)
	case discordgo.InteractionResponseDeferredMessageUpdate:
		is.original = is.message
	case discordgo.InteractionResponseUpdateMessage:
		is.message.edit(update)
		is.original = is.message
	}
	return reply{status: http.StatusNoContent}
}

// flagsWith returns the flags of the body data with f set.
func flagsWith(data []byte, f discordgo.MessageFlags) json.RawMessage {
	var have struct {
		Flags discordgo.MessageFlags `json:"flags"`
	}
	_ = json.Unmarshal(data, &have)
	b, _ := json.Marshal(have.Flags | f)
	return b
}

// webhook answers the interaction webhook: follow-ups, and the original
// response and follow-ups to read, edit or delete.
func (s *Server) webhook(method, app, token string, rest []string, req Request) reply {
	s.mu.Lock()
	is := s.byToken[token]
	s.mu.Unlock()
	if app != AppID || is == nil {
		return errorReply(http.StatusNotFound, codeUnknownWebhook, "Unknown Webhook")
	}
	var fields map[string]json.RawMessage // what a PATCH replaces
	if method == http.MethodPatch {
		if err := json.Unmarshal(req.Body, &fields); err != nil {
			return formError("_root", "Not a message: "+err.Error())
		}
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if !is.acked {
		// Discord knows no webhook message for an interaction not yet
		// answered: a follow-up or edit before the callback fails.
		return errorReply(http.StatusNotFound, codeUnknownWebhook, "Unknown Webhook")
	}
	if len(rest) == 0 {
		if method != http.MethodPost {
			return notFound()
		}
		if rep := checkMessage("", req.Body, true); rep.status != 0 {
			return rep
		}
		m := s.newMessageLocked(ChannelID, GuildID, req.Body)
		is.followups = append(is.followups, m)
		if req.Query.Get("wait") != "true" {
			return reply{status: http.StatusNoContent}
		}
		return reply{status: http.StatusOK, body: m.json()}
	}
	if len(rest) != 2 || rest[0] != "messages" {
		return notFound()
	}
	var m *message
	if rest[1] == "@original" {
		m = is.original
	} else {
		for _, f := range is.followups {
			if f.id == rest[1] {
				m = f
			}
		}
	}
	if m == nil || m.deleted {
		return errorReply(http.StatusNotFound, codeUnknownMessage, "Unknown Message")
	}
	switch method {
	case http.MethodGet:
		return reply{status: http.StatusOK, body: m.json()}
	case http.MethodDelete:
		m.deleted = true
		return reply{status: http.StatusNoContent}
	case http.MethodPatch:
		if rep := checkMessage("", req.Body, false); rep.status != 0 {
			return rep
		}
		// The edit must leave something to show, like a new message.
		edited := &message{fields: m.fieldMap()}
		edited.edit(fields)
		if p, err := decodeParts(edited.fields); err == nil && p.empty() {
			return emptyMessage()
		}
		m.edit(fields)
		if rest[1] == "@original" {
			// The first edit of a deferral ends its "thinking…" state.
			m.fieldMap()["flags"] = flagsWithout(m.fieldMap()["flags"], discordgo.MessageFlagsLoading)
		}
		return reply{status: http.StatusOK, body: m.json()}
	}
	return notFound()
}

func flagsWithout(raw json.RawMessage, f discordgo.MessageFlags) json.RawMessage {
	var have discordgo.MessageFlags
	_ = json.Unmarshal(raw, &have)
	b, _ := json.Marshal(have &^ f)
	return b
}

// channelMessage answers POST /channels/{id}/messages (a reply or a new
// message) and, as Discord does, echoes it back over the gateway as
// MESSAGE_CREATE authored by the bot.
func (s *Server) channelMessage(channelID string, body []byte) reply {
	guildID := ""
	switch channelID {
	case ChannelID:
		guildID = GuildID
	case DMChannelID:
	default:
		return errorReply(http.StatusNotFound, 10003, "Unknown Channel")
	}
	if rep := checkMessage("", body, true); rep.status != 0 {
		return rep
	}
	s.mu.Lock()
	m := s.newMessageLocked(channelID, guildID, body)
	b := m.json()
	s.mu.Unlock()
	var echo discordgo.Message
	if err := json.Unmarshal(b, &echo); err == nil {
		s.dispatchMessage(&echo)
	}
	return reply{status: http.StatusOK, body: b}
}

// Interact completes the interaction (ID, token, application, guild,
// channel, member with string permissions, command ID, the message under a
// button: whatever is empty) and dispatches it as INTERACTION_CREATE. It
// returns the completed interaction; i is not changed.
//
// An interaction with User set and no GuildID comes from a DM.
func (s *Server) Interact(i *discordgo.Interaction) *discordgo.Interaction {
	return s.InteractAll(i)[0]
}

// InteractAll completes the interactions as Interact does and dispatches
// them back to back: every frame is queued at once, so that a burst leaves
// together however busy the machine is, and the interactions share one
// dispatch time (which starts their 3-second window).
func (s *Server) InteractAll(is ...*discordgo.Interaction) []*discordgo.Interaction {
	out := make([]*discordgo.Interaction, len(is))
	events := make([]event, len(is))
	issues := make([]*issued, len(is))
	for k, i := range is {
		c, iss, d, err := s.complete(i)
		if err != nil {
			s.tb.Errorf("discordtest: encode interaction: %v", err)
		}
		out[k], issues[k] = c, iss
		events[k] = event{typ: "INTERACTION_CREATE", d: d, guildID: c.GuildID}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	for k, e := range events {
		if e.d == nil {
			continue
		}
		issues[k].at = now
		s.dispatchLocked(e)
	}
	return out
}

// complete fills in what the interaction lacks, registers it so that its
// callback is accepted, and encodes it.
func (s *Server) complete(i *discordgo.Interaction) (*discordgo.Interaction, *issued, []byte, error) {
	c := *i
	if c.ID == "" {
		c.ID = s.newID()
	}
	if c.AppID == "" {
		c.AppID = AppID
	}
	if c.Token == "" {
		c.Token = "interaction-token-" + c.ID
	}
	if c.Version == 0 {
		c.Version = 1
	}
	if c.Locale == "" {
		c.Locale = discordgo.EnglishUS
	}
	if c.AppPermissions == 0 {
		c.AppPermissions = appPermissions
	}
	if c.GuildID == "" && c.User != nil {
		c.ChannelID = cmpOr(c.ChannelID, DMChannelID)
		c.Context = discordgo.InteractionContextBotDM
	} else {
		c.GuildID = cmpOr(c.GuildID, GuildID)
		c.ChannelID = cmpOr(c.ChannelID, ChannelID)
		if c.Member == nil {
			c.Member = &discordgo.Member{
				GuildID:     c.GuildID,
				User:        memberUser(),
				Permissions: memberPermissions,
				JoinedAt:    time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC),
			}
		}
		if c.GuildLocale == nil {
			l := discordgo.EnglishUS
			c.GuildLocale = &l
		}
		c.Context = discordgo.InteractionContextGuild
	}

	is := &issued{id: c.ID, token: c.Token, typ: c.Type}
	s.mu.Lock()
	switch d := c.Data.(type) {
	case discordgo.ApplicationCommandInteractionData:
		if d.ID == "" {
			d.ID = s.commandIDLocked(c.GuildID, d.Name)
		}
		c.Data = d
	case discordgo.MessageComponentInteractionData:
		is.message = s.messageWithLocked(d.CustomID)
		if is.message == nil {
			is.message = s.newMessageLocked(c.ChannelID, c.GuildID, []byte(`{"content":"(a message with a button)"}`))
		}
		if c.Message == nil {
			var m discordgo.Message
			if err := json.Unmarshal(is.message.json(), &m); err == nil {
				c.Message = &m
			}
		}
	}
	s.interactions[c.ID] = is
	s.byToken[c.Token] = is
	s.mu.Unlock()

	wire := c
	if d, ok := c.Data.(discordgo.ModalSubmitInteractionData); ok {
		wire.Data = modalData{d}
	}
	d, err := json.Marshal(&wire)
	return &c, is, d, err
}

// modalData encodes a modal submission with its components, which
// discordgo's type leaves out of its JSON.
type modalData struct {
	discordgo.ModalSubmitInteractionData
}

func (m modalData) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		CustomID   string                       `json:"custom_id"`
		Components []discordgo.MessageComponent `json:"components"`
	}{m.CustomID, m.Components})
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// commandIDLocked is the ID of the registered command with this name (the
// guild's first, then the global one), or a fresh ID.
func (s *Server) commandIDLocked(guildID, name string) string {
	for _, scope := range []string{guildID, ""} {
		for _, raw := range s.commands[scope] {
			var c struct{ ID, Name string }
			if json.Unmarshal(raw, &c) == nil && c.Name == name {
				return c.ID
			}
		}
	}
	return s.newID()
}

// messageWithLocked is the latest bot message with a component of this
// custom ID.
func (s *Server) messageWithLocked(customID string) *message {
	quoted, _ := json.Marshal(customID)
	for _, m := range slices.Backward(s.messages) {
		if m.fields == nil && !bytes.Contains(m.raw, quoted) {
			continue // not decoded yet, and the ID is not in it: skip the decoding
		}
		if !m.deleted && slices.Contains(m.customIDs(), customID) {
			return m
		}
	}
	return nil
}

// Message dispatches MESSAGE_CREATE: content written by UserID in
// ChannelID of GuildID, with its user and role mentions (<@ID>, <@&ID>)
// parsed from content.
func (s *Server) Message(content string) *discordgo.Message {
	m := s.userMessage(content, ChannelID, GuildID)
	s.dispatchMessage(m)
	return m
}

// MessageWithheld dispatches MESSAGE_CREATE like Message, but withholds
// its content from sessions without the MessageContent intent whatever it
// mentions: the case where Discord does not count a mention of the bot's
// managed role as mentioning the bot.
func (s *Server) MessageWithheld(content string) *discordgo.Message {
	m := s.userMessage(content, ChannelID, GuildID)
	s.dispatchMessageFree(m, false)
	return m
}

// DirectMessage dispatches MESSAGE_CREATE: content written by UserID to the
// bot in DMChannelID, outside any guild.
func (s *Server) DirectMessage(content string) *discordgo.Message {
	m := s.userMessage(content, DMChannelID, "")
	s.dispatchMessage(m)
	return m
}

func (s *Server) userMessage(content, channelID, guildID string) *discordgo.Message {
	m := &discordgo.Message{
		ID:          s.newID(),
		Type:        discordgo.MessageTypeDefault,
		ChannelID:   channelID,
		GuildID:     guildID,
		Content:     content,
		Timestamp:   time.Now().UTC(),
		Author:      memberUser(),
		Mentions:    mentions(content),
		Embeds:      []*discordgo.MessageEmbed{},
		Attachments: []*discordgo.MessageAttachment{},
	}
	if guildID != "" {
		m.Member = &discordgo.Member{JoinedAt: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
		m.MentionRoles = roleMentions(content)
	}
	return m
}

// roleMentions parses the role mentions <@&ID> of GuildID's roles out of
// content; Discord ignores a mention of a role the guild does not have.
func roleMentions(content string) []string {
	roles := []string{}
	for _, id := range []string{BotRoleID, RoleID} {
		if strings.Contains(content, "<@&"+id+">") {
			roles = append(roles, id)
		}
	}
	return roles
}

// mentions parses the user mentions <@ID> and <@!ID> out of content.
func mentions(content string) []*discordgo.User {
	users := []*discordgo.User{}
	seen := map[string]bool{}
	for rest := content; ; {
		k := strings.Index(rest, "<@")
		if k < 0 {
			return users
		}
		rest = rest[k+2:]
		id := strings.TrimPrefix(rest, "!")
		end := strings.IndexByte(id, '>')
		if end <= 0 || strings.Trim(id[:end], "0123456789") != "" || seen[id[:end]] {
			continue
		}
		id = id[:end]
		seen[id] = true
		switch id {
		case AppID:
			users = append(users, botUser())
		case UserID:
			users = append(users, memberUser())
		default:
			users = append(users, &discordgo.User{ID: id, Username: "user" + id[len(id)-4:]})
		}
	}
}

// dispatchMessage sends MESSAGE_CREATE. Sessions without the
// MessageContent intent see no content, embeds or components, except in
// DMs, in messages that mention the bot and in the bot's own messages, as
// on Discord. A mention of the bot's managed role counts as a mention of
// the bot here.
func (s *Server) dispatchMessage(m *discordgo.Message) {
	free := m.GuildID == "" || (m.Author != nil && m.Author.ID == AppID) ||
		slices.ContainsFunc(m.Mentions, func(u *discordgo.User) bool { return u.ID == AppID }) ||
		slices.Contains(m.MentionRoles, BotRoleID)
	s.dispatchMessageFree(m, free)
}

// dispatchMessageFree sends MESSAGE_CREATE, with its content shown to
// sessions without the MessageContent intent when free.
func (s *Server) dispatchMessageFree(m *discordgo.Message, free bool) {
	d, err := json.Marshal(m)
	if err != nil {
		s.tb.Errorf("discordtest: encode message: %v", err)
		return
	}
	blank := *m
	blank.Content = ""
	blank.Embeds = []*discordgo.MessageEmbed{}
	blank.Attachments = []*discordgo.MessageAttachment{}
	blank.Components = nil
	hidden, _ := json.Marshal(&blank)
	s.dispatch(event{typ: "MESSAGE_CREATE", d: d, guildID: m.GuildID, hidden: hidden, contentFree: free})
}

// memberUser is UserID, the member who interacts.
func memberUser() *discordgo.User {
	return &discordgo.User{ID: UserID, Username: "student", GlobalName: "Student", Discriminator: "0"}
}
