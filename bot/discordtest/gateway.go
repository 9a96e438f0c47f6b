package discordtest

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Gateway opcodes the fake speaks.
const (
	opDispatch       = 0
	opHeartbeat      = 1
	opIdentify       = 2
	opPresence       = 3
	opVoiceState     = 4
	opResume         = 6
	opReconnect      = 7
	opRequestMembers = 8
	opInvalidSession = 9
	opHello          = 10
	opHeartbeatACK   = 11
)

// Gateway close codes the fake sends.
const (
	closeUnknownOpcode    = 4001
	closeDecodeError      = 4002
	closeNotAuthenticated = 4003
	closeAuthFailed       = 4004
	closeInvalidShard     = 4010
	closeInvalidIntents   = 4013
	closeDisallowedIntent = 4014
)

// privilegedIntents need approval in the developer portal.
const privilegedIntents = discordgo.IntentGuildMembers | discordgo.IntentGuildPresences | discordgo.IntentMessageContent

// allIntents is every intent bit Discord defines today.
const allIntents = discordgo.Intent(1<<26 - 1)

// replayLimit is how many events a session keeps at least for Resume (at
// most twice as many); a Resume from further back is refused with op 9, as
// Discord refuses a stale one.
const replayLimit = 4096

// writeTimeout bounds one websocket write, so that a client that stopped
// reading cannot hold the fake forever.
const writeTimeout = 10 * time.Second

// conn is one gateway websocket. Frames go out through a queue drained by
// one writer goroutine, so that the fake never does I/O under its lock and
// frames leave in the order their sequence numbers were given.
type conn struct {
	ws   *websocket.Conn
	sess *session // guarded by Server.mu; nil before READY and after a fault

	mu     sync.Mutex
	queue  []frame
	wake   chan struct{} // buffered 1
	closed bool
}

// frame is one outgoing websocket message; a close frame when code != 0.
type frame struct {
	data []byte
	code int
	text string
}

func (c *conn) send(f frame) {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return
	}
	c.queue = append(c.queue, f)
	c.mu.Unlock()
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// writeLoop writes queued frames until the connection fails, a close frame
// is sent, the read loop ends (stop) or the server closes (done).
func (c *conn) writeLoop(stop, done <-chan struct{}) {
	for {
		select {
		case <-c.wake:
		case <-stop:
			return
		case <-done:
			return
		}
		c.mu.Lock()
		q := c.queue
		c.queue = nil
		c.mu.Unlock()
		for _, f := range q {
			if err := c.ws.SetWriteDeadline(time.Now().Add(writeTimeout)); err != nil {
				return
			}
			if f.code != 0 {
				c.ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(f.code, f.text))
				c.mu.Lock()
				c.closed = true
				c.mu.Unlock()
				// Let the client read the close frame and answer it before
				// the read loop ends and closes the socket; closing at once
				// could reset the connection and lose the frame.
				c.ws.SetReadDeadline(time.Now().Add(time.Second))
				return
			}
			if err := c.ws.WriteMessage(websocket.TextMessage, f.data); err != nil {
				return
			}
		}
	}
}

// session is a gateway session: what Resume continues.
type session struct {
	id      string
	shard   [2]int
	intents discordgo.Intent
	seq     int64
	log     []logged // sent events, for replay on Resume
	conn    *conn    // nil while disconnected
	// detachedAt is the last sequence number sent while attached: events
	// after it never reached a connection.
	detachedAt int64
}

type logged struct {
	seq  int64
	data []byte
}

// loggedEvent turns a sent frame back into an event, to send it again in
// another session under a new sequence number.
func loggedEvent(l logged) event {
	var f struct {
		T string          `json:"t"`
		D json.RawMessage `json:"d"`
	}
	var g struct {
		GuildID string `json:"guild_id"`
	}
	_ = json.Unmarshal(l.data, &f) // the fake's own frames decode
	_ = json.Unmarshal(f.D, &g)
	return event{typ: f.T, d: f.D, guildID: g.GuildID}
}

// event is one dispatch: the type, its JSON payload, and what the session
// filter needs to know.
type event struct {
	typ     string
	d       []byte
	guildID string
	// message-only: the payload without content, for sessions without the
	// MessageContent intent, and whether content is visible regardless.
	hidden      []byte
	contentFree bool
}

// wants reports whether the session gets the event at all.
func (sess *session) wants(e event) bool {
	if sess.shard[1] > 1 {
		if shardOf(e.guildID, sess.shard[1]) != sess.shard[0] {
			return false
		}
	}
	if e.typ == "MESSAGE_CREATE" {
		if e.guildID == "" {
			return sess.intents&discordgo.IntentDirectMessages != 0
		}
		return sess.intents&discordgo.IntentGuildMessages != 0
	}
	return true
}

// payload is the event's data as this session sees it.
func (sess *session) payload(e event) []byte {
	if e.hidden != nil && !e.contentFree && sess.intents&discordgo.IntentMessageContent == 0 {
		return e.hidden
	}
	return e.d
}

// shardOf is the shard of a guild, as Discord routes it; DMs go to shard 0.
func shardOf(guildID string, count int) int {
	id, err := strconv.ParseUint(guildID, 10, 64)
	if err != nil || count <= 0 {
		return 0
	}
	return int((id >> 22) % uint64(count))
}

// appendLocked gives the event the session's next sequence number, logs it
// and sends it if the session is attached. s.mu must be held.
func (s *Server) appendLocked(sess *session, e event) {
	sess.seq++
	data := dispatchFrame(sess.seq, e.typ, sess.payload(e))
	sess.log = append(sess.log, logged{seq: sess.seq, data: data})
	// Trim by half the log at a time: trimming one event per dispatch
	// would copy the whole log on every event of a long run.
	if len(sess.log) >= 2*replayLimit {
		sess.log = append(sess.log[:0:0], sess.log[len(sess.log)-replayLimit:]...)
	}
	if sess.conn != nil {
		sess.conn.send(frame{data: data})
		sess.detachedAt = sess.seq
	}
}

func dispatchFrame(seq int64, typ string, d []byte) []byte {
	b := make([]byte, 0, len(d)+64)
	b = append(b, `{"op":0,"s":`...)
	b = strconv.AppendInt(b, seq, 10)
	b = append(b, `,"t":"`...)
	b = append(b, typ...)
	b = append(b, `","d":`...)
	b = append(b, d...)
	return append(b, '}')
}

func opFrame(op int, d any) []byte {
	b, _ := json.Marshal(struct {
		Op int `json:"op"`
		D  any `json:"d"`
	}{op, d})
	return b
}

// dispatch sends the event to every session that wants it. Before any
// session exists the event waits and goes to the first READY, so that a
// test may dispatch before the client has connected.
func (s *Server) dispatch(e event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dispatchLocked(e)
}

// dispatchLocked is dispatch with s.mu held.
func (s *Server) dispatchLocked(e event) {
	sent := false
	for _, sess := range s.sessions {
		if sess.wants(e) {
			s.appendLocked(sess, e)
			sent = true
		}
	}
	if !sent && len(s.sessions) == 0 {
		s.pending = append(s.pending, e)
	}
	s.stats.Dispatched++
	s.bumpLocked()
}

// serveGateway plays one gateway connection.
func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	ws, err := s.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return // Upgrade has answered with an HTTP error
	}
	c := &conn{ws: ws, wake: make(chan struct{}, 1)}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		ws.Close()
		return
	}
	s.conns[c] = struct{}{}
	interval := s.interval
	s.bumpLocked()
	s.mu.Unlock()

	writerDone, stop := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(writerDone)
		c.writeLoop(stop, s.done)
	}()
	defer func() {
		s.mu.Lock()
		delete(s.conns, c)
		if sess := c.sess; sess != nil && sess.conn == c {
			sess.conn = nil
		}
		c.sess = nil
		s.bumpLocked()
		s.mu.Unlock()
		ws.Close()
		close(stop)
		<-writerDone
	}()

	// Hello must come first: discordgo's Open fails on anything else.
	c.send(frame{data: opFrame(opHello, map[string]int64{"heartbeat_interval": interval.Milliseconds()})})
	for {
		_, data, err := ws.ReadMessage()
		if err != nil {
			var ce *websocket.CloseError
			if errors.As(err, &ce) && (ce.Code == websocket.CloseNormalClosure || ce.Code == websocket.CloseGoingAway) {
				// A client that closes with 1000 or 1001 ends its session;
				// any other way out leaves it resumable.
				s.mu.Lock()
				if sess := c.sess; sess != nil {
					delete(s.sessions, sess.id)
				}
				s.mu.Unlock()
			}
			return
		}
		var p struct {
			Op int             `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		if err := json.Unmarshal(data, &p); err != nil {
			c.send(frame{code: closeDecodeError, text: "Error while decoding payload."})
			continue
		}
		switch p.Op {
		case opHeartbeat:
			s.heartbeat(c, p.D)
		case opIdentify:
			s.identify(c, p.D)
		case opResume:
			s.resume(c, p.D)
		case opPresence, opVoiceState, opRequestMembers:
			// Accepted and ignored once identified: nothing in the fake
			// depends on them.
			s.mu.Lock()
			authed := c.sess != nil
			s.mu.Unlock()
			if !authed {
				c.send(frame{code: closeNotAuthenticated, text: "Not authenticated."})
			}
		default:
			c.send(frame{code: closeUnknownOpcode, text: "Unknown opcode."})
		}
	}
}

// heartbeat acknowledges op 1 and forgets the events the client has seen.
// Before READY it is ignored: an op 11 then deadlocks discordgo's Open.
func (s *Server) heartbeat(c *conn, d json.RawMessage) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sess := c.sess
	if sess == nil {
		return
	}
	var seq int64
	_ = json.Unmarshal(d, &seq) // null before the first dispatch
	k := 0
	for k < len(sess.log) && sess.log[k].seq <= seq {
		k++
	}
	sess.log = append(sess.log[:0:0], sess.log[k:]...)
	c.send(frame{data: opFrame(opHeartbeatACK, nil)})
	s.stats.Heartbeats++
	s.bumpLocked()
}

// tokenOK accepts the token with or without the "Bot " prefix.
func tokenOK(t string) bool {
	return strings.TrimPrefix(t, "Bot ") == Token
}

// identifyPayload holds the fields of an Identify the fake checks:
// discordgo's own Identify type does not decode what discordgo encodes
// (presence.game.created_at).
type identifyPayload struct {
	Token   string           `json:"token"`
	Intents discordgo.Intent `json:"intents"`
	Shard   *[2]int          `json:"shard"`
}

// resumePayload is a Resume.
type resumePayload struct {
	Token     string `json:"token"`
	SessionID string `json:"session_id"`
	Seq       int64  `json:"seq"`
}

func (p *identifyPayload) token() string { return p.Token }
func (p *resumePayload) token() string   { return p.Token }

// decodeAuthed decodes an Identify or Resume into v and checks its token;
// when either fails it closes the connection as Discord does (4002, 4004)
// and returns false.
func decodeAuthed(c *conn, d json.RawMessage, v interface{ token() string }) bool {
	if err := json.Unmarshal(d, v); err != nil {
		c.send(frame{code: closeDecodeError, text: "Error while decoding payload."})
		return false
	}
	if !tokenOK(v.token()) {
		c.send(frame{code: closeAuthFailed, text: "Authentication failed."})
		return false
	}
	return true
}

// identify checks an Identify and answers READY at once: discordgo's Open
// holds its lock until READY, so nothing else may come first.
func (s *Server) identify(c *conn, d json.RawMessage) {
	var id identifyPayload
	if !decodeAuthed(c, d, &id) {
		return
	}
	shard := [2]int{0, 1}
	if id.Shard != nil {
		shard = *id.Shard
		if shard[1] < 1 || shard[0] < 0 || shard[0] >= shard[1] {
			c.send(frame{code: closeInvalidShard, text: "Invalid shard."})
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if id.Intents&^allIntents != 0 || id.Intents < 0 {
		c.send(frame{code: closeInvalidIntents, text: "Invalid intent(s)."})
		return
	}
	if id.Intents&privilegedIntents&^s.approved != 0 {
		c.send(frame{code: closeDisallowedIntent, text: "Disallowed intent(s)."})
		return
	}
	if old := c.sess; old != nil && old.conn == c {
		old.conn = nil
	}
	sess := &session{id: s.newID(), shard: shard, intents: id.Intents, conn: c}
	// A fresh Identify replaces the detached sessions of its shard: events
	// they held that never reached a connection go to the new session.
	var carried []logged
	for sid, old := range s.sessions {
		if old.conn == nil && old.shard == shard {
			for _, l := range old.log {
				if l.seq > old.detachedAt {
					carried = append(carried, l)
				}
			}
			delete(s.sessions, sid)
		}
	}
	s.sessions[sess.id] = sess
	c.sess = sess
	s.stats.Identifies++

	ready := map[string]any{
		"v":                  9,
		"session_id":         sess.id,
		"resume_gateway_url": "ws://" + s.hs.Listener.Addr().String() + "/gateway",
		"user":               botUser(),
		"application":        map[string]any{"id": AppID, "flags": 0},
		"guilds":             []any{map[string]any{"id": GuildID, "unavailable": true}},
		"private_channels":   []any{},
	}
	if id.Shard != nil {
		ready["shard"] = shard
	}
	readyJSON, _ := json.Marshal(ready)
	sess.seq++
	c.send(frame{data: dispatchFrame(sess.seq, "READY", readyJSON)})
	sess.detachedAt = sess.seq
	if id.Intents&discordgo.IntentGuilds != 0 && (shard[1] == 1 || shardOf(GuildID, shard[1]) == shard[0]) {
		s.appendLocked(sess, event{typ: "GUILD_CREATE", d: guildJSON(), guildID: GuildID})
	}
	for _, l := range carried {
		s.appendLocked(sess, loggedEvent(l))
	}
	pending := s.pending
	s.pending = nil
	for _, e := range pending {
		if sess.wants(e) {
			s.appendLocked(sess, e)
		}
	}
	s.bumpLocked()
}

// resume continues a session: RESUMED, then every event after the client's
// sequence number. An unknown or stale session gets op 9 (not resumable).
func (s *Server) resume(c *conn, d json.RawMessage) {
	var p resumePayload
	if !decodeAuthed(c, d, &p) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sess := s.sessions[p.SessionID]
	if sess == nil || (len(sess.log) > 0 && sess.log[0].seq > p.Seq+1) || p.Seq > sess.seq {
		c.send(frame{data: opFrame(opInvalidSession, false)})
		if sess != nil {
			// Discord would drop the events the client never saw; the
			// fake hands them to the next READY, so that no test loses an
			// interaction to the fake itself.
			for _, l := range sess.log {
				if l.seq > p.Seq {
					s.pending = append(s.pending, loggedEvent(l))
				}
			}
			delete(s.sessions, sess.id)
		}
		return
	}
	if old := sess.conn; old != nil && old != c {
		old.sess = nil
		old.ws.UnderlyingConn().Close()
	}
	sess.conn = c
	c.sess = sess
	s.stats.Resumes++
	// RESUMED carries the client's own sequence number: the replayed events
	// carry theirs, so a client that drops again midway resumes from the
	// last one it really saw.
	c.send(frame{data: dispatchFrame(p.Seq, "RESUMED", []byte("{}"))})
	for _, l := range sess.log {
		if l.seq > p.Seq {
			c.send(frame{data: l.data})
		}
	}
	sess.detachedAt = sess.seq
	s.bumpLocked()
}

// DropConnections closes every gateway connection's TCP socket abruptly,
// with no close frame, as a network failure would. Sessions stay
// resumable; events dispatched until the client resumes are replayed then.
func (s *Server) DropConnections() {
	s.mu.Lock()
	conns := make([]*conn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
		if sess := c.sess; sess != nil && sess.conn == c {
			sess.conn = nil
		}
		c.sess = nil
	}
	s.bumpLocked()
	s.mu.Unlock()
	for _, c := range conns {
		c.ws.UnderlyingConn().Close()
	}
}

// SendReconnect sends op 7 Reconnect on every ready connection. The
// session counts as disconnected at once (WaitConnected waits for the
// client's Resume); events dispatched meanwhile are replayed on Resume.
func (s *Server) SendReconnect() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, sess := range s.sessions {
		if c := sess.conn; c != nil {
			c.send(frame{data: opFrame(opReconnect, nil)})
			sess.conn = nil
			c.sess = nil
		}
	}
	s.bumpLocked()
}

// SendInvalidSession sends op 9 on every ready connection; the client is
// expected to Identify again on the same socket. When resumable is false
// the sessions end at once; when true they stay resumable until the client
// identifies afresh. Either way an event dispatched before the new READY is
// delivered after it.
func (s *Server) SendInvalidSession(resumable bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, sess := range s.sessions {
		c := sess.conn
		if c == nil {
			continue
		}
		c.send(frame{data: opFrame(opInvalidSession, resumable)})
		sess.conn = nil
		c.sess = nil
		if !resumable {
			delete(s.sessions, id)
		}
	}
	s.bumpLocked()
}

// botUser is the application's bot user.
func botUser() *discordgo.User {
	return &discordgo.User{ID: AppID, Username: "articlebot", Discriminator: "0", Bot: true}
}

// guildRoles are GuildID's roles as Discord sends them: @everyone, the
// bot's managed role (tags.bot_id) and an ordinary role.
func guildRoles() []any {
	return []any{
		map[string]any{"id": GuildID, "name": "@everyone", "permissions": "104324673", "position": 0},
		map[string]any{"id": BotRoleID, "name": "articlebot", "permissions": "274877992960", "position": 1,
			"managed": true, "mentionable": false, "tags": map[string]any{"bot_id": AppID}},
		map[string]any{"id": RoleID, "name": "Moderators", "permissions": "0", "position": 2, "mentionable": true},
	}
}

// guildJSON is the GUILD_CREATE payload of GuildID with its one channel.
func guildJSON() []byte {
	b, _ := json.Marshal(map[string]any{
		"id":           GuildID,
		"name":         "Study group",
		"owner_id":     UserID,
		"member_count": 2,
		"joined_at":    "2024-01-01T00:00:00.000000+00:00",
		"channels": []any{map[string]any{
			"id": ChannelID, "type": discordgo.ChannelTypeGuildText, "name": "news", "guild_id": GuildID,
		}},
		"roles":     guildRoles(),
		"members":   []any{},
		"presences": []any{},
		"threads":   []any{},
	})
	return b
}
