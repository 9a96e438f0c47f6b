package discordtest_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"articlebot/bot/discordtest"
)

// wait bounds every wait in these tests: long enough for a loaded machine
// under -race, short enough that a hang fails quickly.
const wait = 10 * time.Second

func ctx(t *testing.T) context.Context {
	t.Helper()
	c, cancel := context.WithTimeout(context.Background(), wait)
	t.Cleanup(cancel)
	return c
}

// newSession is a plain discordgo session pointed at the fake.
func newSession(t *testing.T, srv *discordtest.Server, token string, intents discordgo.Intent) *discordgo.Session {
	t.Helper()
	s, err := discordgo.New("Bot " + token)
	if err != nil {
		t.Fatalf("discordgo.New: %v", err)
	}
	s.Client = srv.HTTPClient()
	s.Identify.Intents = intents
	s.LogLevel = discordgo.LogError
	// discordgo's State shares the READY payload with handlers and writes
	// to it concurrently: without it, handlers can read what they get.
	s.StateEnabled = false
	return s
}

// open connects the session and closes it when the test ends (which costs
// discordgo a second: tests share sessions).
func open(t *testing.T, s *discordgo.Session) {
	t.Helper()
	if err := s.Open(); err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
}

// echoBot is a small bot written against plain discordgo: it shows the
// fake serves what a real client does. Errors from its REST calls go to
// errs for the test to read.
type echoBot struct {
	errs chan error
	seen chan *discordgo.Message // every message it was sent, as received
}

func newEchoBot(s *discordgo.Session) *echoBot {
	b := &echoBot{errs: make(chan error, 64), seen: make(chan *discordgo.Message, 16)}
	s.AddHandler(b.interaction)
	s.AddHandler(b.message)
	return b
}

func (b *echoBot) report(err error) {
	select {
	case b.errs <- err:
	default:
	}
}

func (b *echoBot) interaction(s *discordgo.Session, ic *discordgo.InteractionCreate) {
	i := ic.Interaction
	respond := func(r *discordgo.InteractionResponse, opts ...discordgo.RequestOption) error {
		err := s.InteractionRespond(i, r, opts...)
		b.report(err)
		return err
	}
	message := func(content string) *discordgo.InteractionResponse {
		return &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: content},
		}
	}
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		d := i.ApplicationCommandData()
		switch d.Name {
		case "ask":
			respond(message("answer: " + d.GetOption("question").StringValue()))
		case "options":
			o := d.Options
			respond(message(strings.Join([]string{o[0].StringValue(),
				map[bool]string{true: "yes", false: "no"}[o[1].BoolValue()],
				strings.Repeat("x", int(o[2].IntValue()))}, " ")))
		case "defer":
			if respond(&discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}) == nil {
				content := "done"
				_, err := s.InteractionResponseEdit(i, &discordgo.WebhookEdit{Content: &content})
				b.report(err)
			}
		case "menu":
			respond(&discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{
					Content: "pick one",
					Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
						discordgo.Button{Label: "More", Style: discordgo.PrimaryButton, CustomID: "more:1"},
					}}},
				},
			})
		case "followup":
			if respond(message("first")) == nil {
				_, err := s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Content: "second"})
				b.report(err)
			}
		case "twice":
			respond(message("one"))
			respond(message("two"))
		case "long":
			respond(message(strings.Repeat("a", 2001)))
		case "retry":
			// Give up after 50 ms (the fake may be told to be slower),
			// then answer again without a deadline.
			c, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
			err := s.InteractionRespond(i, message("slow"), discordgo.WithContext(c))
			cancel()
			if err != nil {
				respond(message("again"))
			}
		case "late":
			time.Sleep(150 * time.Millisecond) // past the window the test sets
			respond(message("too late"))
		default:
			respond(message("unknown command " + d.Name))
		}
	case discordgo.InteractionApplicationCommandAutocomplete:
		v := i.ApplicationCommandData().Options[0].StringValue()
		respond(&discordgo.InteractionResponse{
			Type: discordgo.InteractionApplicationCommandAutocompleteResult,
			Data: &discordgo.InteractionResponseData{Choices: []*discordgo.ApplicationCommandOptionChoice{
				{Name: v + "1", Value: v + "1"}, {Name: v + "2", Value: v + "2"},
			}},
		})
	case discordgo.InteractionMessageComponent:
		on := ""
		if i.Message != nil {
			on = i.Message.Content
		}
		respond(&discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseUpdateMessage,
			Data: &discordgo.InteractionResponseData{Content: "clicked " + i.MessageComponentData().CustomID + " on " + on},
		})
	case discordgo.InteractionModalSubmit:
		d := i.ModalSubmitData()
		in := d.Components[0].(*discordgo.ActionsRow).Components[0].(*discordgo.TextInput)
		respond(message(d.CustomID + ": " + in.Value))
	}
}

func (b *echoBot) message(s *discordgo.Session, m *discordgo.MessageCreate) {
	if m.Author == nil || m.Author.Bot {
		return // Discord echoes the bot's own messages
	}
	b.seen <- m.Message
	if m.GuildID == "" || slices.ContainsFunc(m.Mentions, func(u *discordgo.User) bool { return u.ID == discordtest.AppID }) {
		_, err := s.ChannelMessageSendReply(m.ChannelID, "pong", m.Reference())
		b.report(err)
	}
}

// decodeResponse decodes a callback's body.
func decodeResponse(t *testing.T, r discordtest.Request) (typ discordgo.InteractionResponseType, data map[string]any) {
	t.Helper()
	var v struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data map[string]any                    `json:"data"`
	}
	if err := r.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v.Type, v.Data
}

func statuses(rs []discordtest.Request) []int {
	out := make([]int, len(rs))
	for k, r := range rs {
		out[k] = r.Status
	}
	return out
}

// restErr checks that err is Discord's JSON error with this status and code.
func restErr(t *testing.T, err error, status, code int) {
	t.Helper()
	var re *discordgo.RESTError
	if !errors.As(err, &re) {
		t.Fatalf("error = %v; want a REST error %d (code %d)", err, status, code)
	}
	if re.Response.StatusCode != status || re.Message == nil || re.Message.Code != code {
		t.Fatalf("REST error = %d %s; want %d with code %d", re.Response.StatusCode, re.ResponseBody, status, code)
	}
}

func nextErr(t *testing.T, b *echoBot) error {
	t.Helper()
	select {
	case err := <-b.errs:
		return err
	case <-time.After(wait):
		t.Fatal("the bot made no REST call")
		return nil
	}
}

// expectOK consumes the bot's next n reports, which must be successes.
func expectOK(t *testing.T, b *echoBot, n int) {
	t.Helper()
	for range n {
		if err := nextErr(t, b); err != nil {
			t.Fatalf("the bot's REST call failed: %v", err)
		}
	}
}

// TestRejectedIdentify covers the handshake's refusals: they cost no
// session close, since Open fails before one exists.
func TestRejectedIdentify(t *testing.T) {
	srv := discordtest.New(t)
	tests := []struct {
		name    string
		token   string
		intents discordgo.Intent
		code    int
	}{
		{"wrong token", "not-the-token", discordgo.IntentGuildMessages, 4004},
		{"privileged intent not approved", discordtest.Token, discordgo.IntentGuildMessages | discordgo.IntentMessageContent, 4014},
		{"unknown intent bit", discordtest.Token, 1 << 30, 4013},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSession(t, srv, tt.token, tt.intents)
			err := s.Open()
			var ce *websocket.CloseError
			if !errors.As(err, &ce) || ce.Code != tt.code {
				t.Fatalf("Open() = %v; want close code %d", err, tt.code)
			}
		})
	}
	if st := srv.Stats(); st.Identifies != 0 || st.Ready != 0 {
		t.Errorf("Stats() = %+v; want no identify accepted", st)
	}

	// The REST API wants the token too.
	s := newSession(t, srv, "not-the-token", 0)
	_, err := s.User("@me")
	restErr(t, err, http.StatusUnauthorized, 0)
}

// TestHeartbeats shows heartbeats are acknowledged, one op 11 for each op
// 1, and that they are only after READY. It speaks the gateway protocol
// itself rather than through discordgo, whose check is a timer (it
// reconnects when five intervals pass without an ACK): under -race on a
// loaded machine an ACK can be late without being missing, and the test
// failed that way.
func TestHeartbeats(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	ws, _, err := websocket.DefaultDialer.DialContext(ctx(t), "ws"+strings.TrimPrefix(srv.URL(), "http")+"/gateway/?v=9&encoding=json", nil)
	if err != nil {
		t.Fatalf("dial the gateway: %v", err)
	}
	defer ws.Close()
	if err := ws.SetReadDeadline(time.Now().Add(wait)); err != nil {
		t.Fatal(err)
	}
	type frame struct {
		Op int             `json:"op"`
		S  *int64          `json:"s"`
		T  string          `json:"t"`
		D  json.RawMessage `json:"d"`
	}
	read := func() frame {
		t.Helper()
		var f frame
		if err := ws.ReadJSON(&f); err != nil {
			t.Fatalf("read a gateway frame: %v", err)
		}
		return f
	}
	send := func(op int, d any) {
		t.Helper()
		if err := ws.WriteJSON(map[string]any{"op": op, "d": d}); err != nil {
			t.Fatalf("send op %d: %v", op, err)
		}
	}

	if f := read(); f.Op != 10 {
		t.Fatalf("first frame op %d; want 10 Hello", f.Op)
	}
	// Before READY a heartbeat is not answered: an op 11 then would
	// deadlock discordgo's Open. The Identify's READY must come next.
	send(1, nil)
	send(2, map[string]any{"token": discordtest.Token, "intents": 0, "properties": map[string]string{"os": "linux"}})
	f := read()
	if f.Op != 0 || f.T != "READY" || f.S == nil {
		t.Fatalf("after a heartbeat and Identify: op %d %q; want the READY dispatch", f.Op, f.T)
	}
	seq := *f.S
	const beats = 10
	for k := range beats {
		send(1, seq)
		if f := read(); f.Op != 11 {
			t.Fatalf("heartbeat %d answered with op %d %q; want 11", k+1, f.Op, f.T)
		}
	}
	if st := srv.Stats(); st.Heartbeats != beats || st.Identifies != 1 || st.Ready != 1 {
		t.Errorf("after %d heartbeats Stats() = %+v; want %d acknowledged on one session", beats, st, beats)
	}
}

// TestServer drives one plain discordgo session through every kind of
// dispatch, REST call and fault; the session is shared because closing
// one costs a second.
func TestServer(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	ready := make(chan *discordgo.Ready, 4)
	s := newSession(t, srv, discordtest.Token, discordgo.IntentsGuilds|discordgo.IntentGuildMessages|discordgo.IntentDirectMessages)
	s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) { ready <- r })
	b := newEchoBot(s)
	open(t, s)
	if err := srv.WaitConnected(ctx(t)); err != nil {
		t.Fatal(err)
	}

	t.Run("handshake", func(t *testing.T) {
		select {
		case r := <-ready:
			if r.User.ID != discordtest.AppID || r.SessionID == "" || len(r.Guilds) != 1 || r.Guilds[0].ID != discordtest.GuildID {
				t.Errorf("READY = user %v, session %q, guilds %v; want the bot in %s", r.User, r.SessionID, r.Guilds, discordtest.GuildID)
			}
		case <-time.After(wait):
			t.Fatal("no READY")
		}
		if st := srv.Stats(); st.Identifies != 1 || st.Ready != 1 || st.Connections != 1 {
			t.Errorf("Stats() = %+v; want one identified session", st)
		}
		if _, err := srv.WaitRequest(ctx(t), func(r discordtest.Request) bool {
			return r.Method == "GET" && r.Path == "/api/v9/gateway" && r.Status == 200
		}); err != nil {
			t.Errorf("no GET /api/v9/gateway: %v", err)
		}
		u, err := s.User("@me")
		if err != nil || u.ID != discordtest.AppID || !u.Bot {
			t.Errorf("User(@me) = %+v, %v; want the bot user %s", u, err, discordtest.AppID)
		}
	})

	t.Run("guild roles", func(t *testing.T) {
		// discordgo's Role has no tags: read them from the raw body.
		endpoint := discordgo.EndpointGuildRoles(discordtest.GuildID)
		body, err := s.RequestWithBucketID(http.MethodGet, endpoint, nil, endpoint)
		if err != nil {
			t.Fatal(err)
		}
		var roles []struct {
			ID      string `json:"id"`
			Managed bool   `json:"managed"`
			Tags    struct {
				BotID string `json:"bot_id"`
			} `json:"tags"`
		}
		if err := json.Unmarshal(body, &roles); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range roles {
			got = append(got, fmt.Sprintf("%s managed=%v bot=%s", r.ID, r.Managed, r.Tags.BotID))
		}
		want := []string{
			discordtest.GuildID + " managed=false bot=",
			discordtest.BotRoleID + " managed=true bot=" + discordtest.AppID,
			discordtest.RoleID + " managed=false bot=",
		}
		if !slices.Equal(got, want) {
			t.Errorf("GET %s = %q; want %q", endpoint, got, want)
		}
		_, err = s.GuildRoles("42")
		restErr(t, err, http.StatusNotFound, 10004)
	})

	t.Run("commands", func(t *testing.T) {
		cmds := []*discordgo.ApplicationCommand{{
			Name: "ask", Description: "Ask about the article",
			Options: []*discordgo.ApplicationCommandOption{{
				Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "Your question", Required: true,
			}},
		}}
		got, err := s.ApplicationCommandBulkOverwrite(discordtest.AppID, discordtest.GuildID, cmds)
		if err != nil || len(got) != 1 || got[0].ID == "" || got[0].GuildID != discordtest.GuildID {
			t.Fatalf("ApplicationCommandBulkOverwrite = %+v, %v; want the command echoed with an ID", got, err)
		}
		r, err := srv.WaitCommands(ctx(t))
		if err != nil {
			t.Fatal(err)
		}
		if want := "/api/v9/applications/" + discordtest.AppID + "/guilds/" + discordtest.GuildID + "/commands"; r.Path != want {
			t.Errorf("commands PUT to %s; want %s", r.Path, want)
		}
		// An interaction for a registered command carries its ID.
		i := srv.Interact(discordtest.Command("ask", discordtest.Opt("question", "who?")))
		if id := i.ApplicationCommandData().ID; id != got[0].ID {
			t.Errorf("interaction's command ID = %q; want the registered %q", id, got[0].ID)
		}
		if _, err := srv.WaitCallback(ctx(t), i); err != nil {
			t.Fatal(err)
		}
		expectOK(t, b, 1)

		bad := []*discordgo.ApplicationCommand{{Name: "Ask", Description: "uppercase is not allowed"}}
		_, err = s.ApplicationCommandBulkOverwrite(discordtest.AppID, "", bad)
		restErr(t, err, http.StatusBadRequest, 50035)
	})

	t.Run("interactions", func(t *testing.T) {
		tests := []struct {
			name     string
			i        *discordgo.Interaction
			wantType discordgo.InteractionResponseType
			want     map[string]any // fields of data that must match
		}{
			{"command", discordtest.Command("ask", discordtest.Opt("question", "Who is Carden?")),
				discordgo.InteractionResponseChannelMessageWithSource, map[string]any{"content": "answer: Who is Carden?"}},
			{"option types", discordtest.Command("options", discordtest.Opt("s", "text"), discordtest.Opt("b", true), discordtest.Opt("n", 3)),
				discordgo.InteractionResponseChannelMessageWithSource, map[string]any{"content": "text yes xxx"}},
			{"command in a DM", discordtest.InDM(discordtest.Command("ask", discordtest.Opt("question", "dm?"))),
				discordgo.InteractionResponseChannelMessageWithSource, map[string]any{"content": "answer: dm?"}},
			{"autocomplete", discordtest.Autocomplete("ask", discordtest.Focused("question", "Pu")),
				discordgo.InteractionApplicationCommandAutocompleteResult, map[string]any{"choices": []any{
					map[string]any{"name": "Pu1", "value": "Pu1"}, map[string]any{"name": "Pu2", "value": "Pu2"}}}},
			{"modal submit", discordtest.ModalSubmit("feedback", map[string]string{"text": "thanks"}),
				discordgo.InteractionResponseChannelMessageWithSource, map[string]any{"content": "feedback: thanks"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				i := srv.Interact(tt.i)
				r, err := srv.WaitCallback(ctx(t), i)
				if err != nil {
					t.Fatal(err)
				}
				if r.Status != http.StatusNoContent || r.Path != "/api/v9/interactions/"+i.ID+"/"+i.Token+"/callback" {
					t.Errorf("callback %s %s = %d; want 204 on the interaction's path", r.Method, r.Path, r.Status)
				}
				typ, data := decodeResponse(t, r)
				if typ != tt.wantType {
					t.Errorf("response type = %d; want %d", typ, tt.wantType)
				}
				for k, want := range tt.want {
					got, _ := json.Marshal(data[k])
					w, _ := json.Marshal(want)
					if string(got) != string(w) {
						t.Errorf("data.%s = %s; want %s", k, got, w)
					}
				}
				if n := len(srv.Callbacks(i.ID)); n != 1 {
					t.Errorf("%d callbacks; want 1", n)
				}
				expectOK(t, b, 1)
			})
		}
	})

	t.Run("InteractAll", func(t *testing.T) {
		var batch []*discordgo.Interaction
		for k := range 20 {
			batch = append(batch, discordtest.Command("ask", discordtest.Opt("question", fmt.Sprint("q", k))))
		}
		sent := srv.InteractAll(batch...)
		for k, i := range sent {
			r, err := srv.WaitCallback(ctx(t), i)
			if err != nil {
				t.Fatal(err)
			}
			if _, data := decodeResponse(t, r); data["content"] != fmt.Sprint("answer: q", k) {
				t.Errorf("interaction %d answered %v; want its own question", k, data["content"])
			}
		}
		expectOK(t, b, len(sent))
	})

	t.Run("deferral and edit", func(t *testing.T) {
		i := srv.Interact(discordtest.Command("defer"))
		r, err := srv.WaitCallback(ctx(t), i)
		if err != nil {
			t.Fatal(err)
		}
		if typ, _ := decodeResponse(t, r); typ != discordgo.InteractionResponseDeferredChannelMessageWithSource {
			t.Errorf("response type = %d; want 5 (deferred)", typ)
		}
		edit, err := srv.WaitRequest(ctx(t), func(r discordtest.Request) bool {
			return r.Method == "PATCH" && r.Path == "/api/v9/webhooks/"+discordtest.AppID+"/"+i.Token+"/messages/@original"
		})
		if err != nil {
			t.Fatal(err)
		}
		var m discordgo.Message
		if err := json.Unmarshal(edit.Response, &m); err != nil || edit.Status != 200 || m.Content != "done" || m.Author.ID != discordtest.AppID {
			t.Errorf("edit answered %d %s (%v); want 200 with the edited message", edit.Status, edit.Response, err)
		}
		expectOK(t, b, 2)
	})

	t.Run("follow-up", func(t *testing.T) {
		i := srv.Interact(discordtest.Command("followup"))
		f, err := srv.WaitRequest(ctx(t), func(r discordtest.Request) bool {
			return r.Method == "POST" && r.Path == "/api/v9/webhooks/"+discordtest.AppID+"/"+i.Token
		})
		if err != nil {
			t.Fatal(err)
		}
		var m discordgo.Message
		if err := json.Unmarshal(f.Response, &m); err != nil || f.Status != 200 || m.Content != "second" || f.Query.Get("wait") != "true" {
			t.Errorf("follow-up answered %d %s; want 200 with the message", f.Status, f.Response)
		}
		expectOK(t, b, 2)
	})

	t.Run("button", func(t *testing.T) {
		menu := srv.Interact(discordtest.Command("menu"))
		if _, err := srv.WaitCallback(ctx(t), menu); err != nil {
			t.Fatal(err)
		}
		i := srv.Interact(discordtest.Button("more:1"))
		if i.Message == nil || i.Message.Content != "pick one" {
			t.Fatalf("button interaction's message = %+v; want the bot's message with the button", i.Message)
		}
		r, err := srv.WaitCallback(ctx(t), i)
		if err != nil {
			t.Fatal(err)
		}
		if typ, data := decodeResponse(t, r); typ != discordgo.InteractionResponseUpdateMessage || data["content"] != "clicked more:1 on pick one" {
			t.Errorf("response = type %d %v; want an update of the message", typ, data)
		}
		expectOK(t, b, 2)
	})

	t.Run("messages", func(t *testing.T) {
		tests := []struct {
			name        string
			send        func(string) *discordgo.Message
			content     string
			wantSeen    string // the content the bot receives
			wantChannel string // where it replies; "" for no reply
			mentions    []string
			roles       []string // mention_roles; nil in a DM
		}{
			// Without the privileged MessageContent intent the content
			// arrives only when the bot is mentioned or in a DM.
			{"mention", srv.Message, "hello " + discordtest.Mention() + " and <@!42424242>", "hello " + discordtest.Mention() + " and <@!42424242>",
				discordtest.ChannelID, []string{discordtest.AppID, "42424242"}, []string{}},
			{"no mention: content hidden", srv.Message, "just chatting", "", "", []string{}, []string{}},
			{"direct message", srv.DirectMessage, "hi bot", "hi bot", discordtest.DMChannelID, []string{}, nil},
			// The echo bot answers user mentions only; the content shows
			// for a mention of the bot's managed role, as for the bot's.
			{"the bot's role", srv.Message, "<@&" + discordtest.BotRoleID + "> hi", "<@&" + discordtest.BotRoleID + "> hi",
				"", []string{}, []string{discordtest.BotRoleID}},
			{"another role: content hidden", srv.Message, "<@&" + discordtest.RoleID + "> hi <@&123>", "",
				"", []string{}, []string{discordtest.RoleID}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				m := tt.send(tt.content)
				var ids []string
				for _, u := range m.Mentions {
					ids = append(ids, u.ID)
				}
				if !slices.Equal(ids, tt.mentions) {
					t.Errorf("mentions of %q = %v; want %v", tt.content, ids, tt.mentions)
				}
				if !slices.Equal(m.MentionRoles, tt.roles) {
					t.Errorf("mention_roles of %q = %v; want %v", tt.content, m.MentionRoles, tt.roles)
				}
				var seen *discordgo.Message
				select {
				case seen = <-b.seen:
				case <-time.After(wait):
					t.Fatal("the bot got no MESSAGE_CREATE")
				}
				if seen.ID != m.ID || seen.Content != tt.wantSeen || !slices.Equal(seen.MentionRoles, tt.roles) {
					t.Errorf("bot saw message %s %q roles %v; want %s %q roles %v", seen.ID, seen.Content, seen.MentionRoles, m.ID, tt.wantSeen, tt.roles)
				}
				if tt.wantChannel == "" {
					return
				}
				r, err := srv.WaitRequest(ctx(t), func(r discordtest.Request) bool {
					return r.Method == "POST" && r.Path == "/api/v9/channels/"+tt.wantChannel+"/messages" &&
						strings.Contains(string(r.Body), m.ID)
				})
				if err != nil {
					t.Fatal(err)
				}
				var body struct {
					Content string `json:"content"`
					Ref     struct {
						MessageID string `json:"message_id"`
					} `json:"message_reference"`
				}
				if err := r.Decode(&body); err != nil || body.Content != "pong" || body.Ref.MessageID != m.ID || r.Status != 200 {
					t.Errorf("reply = %d %s; want 200, pong replying to %s", r.Status, r.Body, m.ID)
				}
				expectOK(t, b, 1)
			})
		}
	})

	t.Run("refusals", func(t *testing.T) {
		tests := []struct {
			name         string
			command      string
			status, code int
			statuses     []int
		}{
			{"answered twice", "twice", http.StatusBadRequest, 40060, []int{204, 400}},
			{"content over 2000 characters", "long", http.StatusBadRequest, 50035, []int{400}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				i := srv.Interact(discordtest.Command(tt.command))
				var err error
				for range tt.statuses {
					if err = nextErr(t, b); err != nil {
						break
					}
				}
				restErr(t, err, tt.status, tt.code)
				if got := statuses(srv.Callbacks(i.ID)); !slices.Equal(got, tt.statuses) {
					t.Errorf("callback statuses = %v; want %v", got, tt.statuses)
				}
			})
		}
		_, err := s.Request("GET", discordgo.EndpointAPI+"no/such/route", nil)
		restErr(t, err, http.StatusNotFound, 0)
	})

	t.Run("REST faults", func(t *testing.T) {
		const callbacks = "/api/v9/interactions/"
		tests := []struct {
			name     string
			fault    func()
			command  string
			statuses []int // what the fake answered, in order
			wantErr  int   // the status the bot's call failed with; 0 for success
		}{
			{"429 then retry after retry_after", func() { srv.FailNext("POST", callbacks, 1, 429, 200*time.Millisecond) }, "ask", []int{429, 204}, 0},
			{"502 retried by discordgo", func() { srv.FailNext("POST", callbacks, 1, 502, 0) }, "ask", []int{502, 204}, 0},
			{"500 returned to the caller", func() { srv.FailNext("POST", callbacks, 1, 500, 0) }, "ask", []int{500}, 500},
			{"slow answer, still in time", func() { srv.DelayNext("POST", callbacks, 1, 100*time.Millisecond) }, "ask", []int{204}, 0},
			{"slow answer past the caller's deadline", func() { srv.DelayNext("POST", callbacks, 1, 500*time.Millisecond) }, "retry", []int{0, 204}, 0},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				t.Cleanup(srv.ResetFaults)
				tt.fault()
				i := srv.Interact(discordtest.Command(tt.command, discordtest.Opt("question", "q")))
				err := nextErr(t, b)
				if tt.wantErr != 0 {
					restErr(t, err, tt.wantErr, 0)
				} else if err != nil {
					t.Fatalf("InteractionRespond = %v; want success", err)
				}
				got := srv.Callbacks(i.ID)
				if !slices.Equal(statuses(got), tt.statuses) {
					t.Fatalf("callback statuses = %v; want %v", statuses(got), tt.statuses)
				}
				if tt.statuses[0] == 429 {
					if gap := got[1].Time.Sub(got[0].Time); gap < 200*time.Millisecond {
						t.Errorf("retry came %v after the 429; want at least retry_after (200ms)", gap)
					}
				}
			})
		}
	})

	t.Run("gateway faults", func(t *testing.T) {
		tests := []struct {
			name       string
			fault      func()
			identifies int // new Identifies the fault causes
			resumes    int // new Resumes
		}{
			{"dropped connection: resume", srv.DropConnections, 0, 1},
			{"op 7 reconnect: resume", srv.SendReconnect, 0, 1},
			{"op 9 not resumable: identify", func() { srv.SendInvalidSession(false) }, 1, 0},
			{"op 9 resumable: discordgo identifies anyway", func() { srv.SendInvalidSession(true) }, 1, 0},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := srv.Stats()
				tt.fault()
				// Dispatched while the client is away: delivered once it
				// is back, none lost.
				i := srv.Interact(discordtest.Command("ask", discordtest.Opt("question", tt.name)))
				if err := srv.WaitConnected(ctx(t)); err != nil {
					t.Fatal(err)
				}
				r, err := srv.WaitCallback(ctx(t), i)
				if err != nil {
					t.Fatal(err)
				}
				if _, data := decodeResponse(t, r); data["content"] != "answer: "+tt.name {
					t.Errorf("answer = %v; want the question echoed", data["content"])
				}
				after := srv.Stats()
				if after.Identifies-before.Identifies != tt.identifies || after.Resumes-before.Resumes != tt.resumes {
					t.Errorf("identifies +%d, resumes +%d; want +%d, +%d", after.Identifies-before.Identifies,
						after.Resumes-before.Resumes, tt.identifies, tt.resumes)
				}
				// The next interaction goes straight through.
				next := srv.Interact(discordtest.Command("ask", discordtest.Opt("question", "next")))
				if _, err := srv.WaitCallback(ctx(t), next); err != nil {
					t.Fatal(err)
				}
				if n := len(srv.Callbacks(i.ID)); n != 1 {
					t.Errorf("%d callbacks for the interaction sent during the fault; want 1", n)
				}
				expectOK(t, b, 2)
			})
		}
	})
}

// TestInteractionWindow shows the fake refuses an answer after the window,
// with a short window so the test need not wait three seconds.
func TestInteractionWindow(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	srv.SetInteractionWindow(100 * time.Millisecond)
	s := newSession(t, srv, discordtest.Token, 0)
	b := newEchoBot(s)
	open(t, s)
	i := srv.Interact(discordtest.Command("late"))
	r, err := srv.WaitAnyCallback(ctx(t), i)
	if err != nil || r.Status != http.StatusNotFound {
		t.Errorf("WaitAnyCallback = %d, %v; want the late attempt, answered 404", r.Status, err)
	}
	restErr(t, nextErr(t, b), http.StatusNotFound, 10062)
	if got := statuses(srv.Callbacks(i.ID)); !slices.Equal(got, []int{404}) {
		t.Errorf("callback statuses = %v; want [404]", got)
	}
}

func TestOpt(t *testing.T) {
	tests := []struct {
		name  string
		value any
		want  discordgo.ApplicationCommandOptionType
	}{
		{"string", "x", discordgo.ApplicationCommandOptionString},
		{"bool", true, discordgo.ApplicationCommandOptionBoolean},
		{"int", 3, discordgo.ApplicationCommandOptionInteger},
		{"int64", int64(3), discordgo.ApplicationCommandOptionInteger},
		{"float", 0.5, discordgo.ApplicationCommandOptionNumber},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := discordtest.Opt("o", tt.value).Type; got != tt.want {
				t.Errorf("Opt(%q, %v).Type = %v; want %v", "o", tt.value, got, tt.want)
			}
		})
	}
	if f := discordtest.Focused("q", "Pu"); !f.Focused || f.Type != discordgo.ApplicationCommandOptionString {
		t.Errorf("Focused(q, Pu) = %+v; want a focused string option", f)
	}
	if s := discordtest.Sub("add", discordtest.Opt("n", 1)); s.Type != discordgo.ApplicationCommandOptionSubCommand || len(s.Options) != 1 {
		t.Errorf("Sub(add, n) = %+v; want a subcommand holding n", s)
	}
}
