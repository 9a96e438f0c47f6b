// Package discordtest is a fake Discord on loopback for end-to-end tests of
// a bot driven by the real discordgo client.
//
// One httptest server on 127.0.0.1 serves the REST API under /api/v9 and the
// gateway websocket at /gateway/. A test sends interactions and messages
// through the gateway with typed builders (Command, Button, Message …), then
// waits for what the client sent back over REST (WaitCallback, WaitRequest).
// Faults come on demand: dropped connections, op 7 Reconnect, op 9 Invalid
// Session, 429/5xx answers and slow answers.
//
// The fake plays the protocol as discordgo v0.29.0 expects it (see
// shared/docs/discord-testing.md): Hello first, READY at once after Identify,
// nothing but READY before READY, permissions as JSON strings. It enforces
// what Discord enforces and a bot can get wrong: the token, privileged
// intents, the 3-second window and single acknowledgement of an interaction,
// and the message, embed, component and command limits. It talks to nothing
// but its client.
//
// It is imported only by tests; it never imports the bot.
package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// The identities the fake knows. Every interaction and message comes from
// UserID in ChannelID of GuildID unless a test says otherwise.
const (
	// Token is the only bot token the fake accepts, on the gateway (with or
	// without the "Bot " prefix) and over REST (as "Bot " + Token).
	Token = "discordtest-token"
	// AppID is the application's ID, which is also the bot user's ID.
	AppID = "100000000000000001"
	// GuildID is the one server the bot is in.
	GuildID = "100000000000000002"
	// ChannelID is the text channel where interactions and messages happen.
	ChannelID = "100000000000000003"
	// UserID is the member who interacts and writes messages.
	UserID = "100000000000000004"
	// BotRoleID is the bot's managed role in GuildID: the role Discord
	// gives a bot that joins a server, with tags.bot_id set to AppID.
	// Typing @articlebot in Discord often mentions it (<@&BotRoleID>)
	// instead of the bot user.
	BotRoleID = "100000000000000006"
	// RoleID is an ordinary role of GuildID, "Moderators".
	RoleID = "100000000000000007"
)

// InteractionWindow is how long after dispatch the fake accepts the first
// response to an interaction, as Discord does; later callbacks get 404
// Unknown interaction.
const InteractionWindow = 3 * time.Second

// DefaultHeartbeatInterval is the interval sent in Hello unless a test sets
// another with SetHeartbeatInterval (Discord's own is about 41 s).
const DefaultHeartbeatInterval = 41250 * time.Millisecond

// apiPrefix is the REST API's path prefix for the version discordgo speaks.
const apiPrefix = "/api/v9"

// Server is a fake Discord. Its methods are safe for concurrent use.
type Server struct {
	tb       testing.TB
	hs       *httptest.Server
	upgrader websocket.Upgrader
	client   *http.Client
	done     chan struct{} // closed by Close: ends delays and writers
	lastID   atomic.Int64  // the last snowflake handed out

	mu       sync.Mutex
	closed   bool
	changed  chan struct{} // closed and replaced whenever Stats changes
	stats    Stats
	interval time.Duration    // heartbeat interval sent in Hello
	window   time.Duration    // how long an interaction takes its first answer
	approved discordgo.Intent // privileged intents the application may use
	conns    map[*conn]struct{}
	sessions map[string]*session
	pending  []event // dispatched before any session could take them

	requests  []Request
	waiters   []*waiter
	callbacks map[string][]int // interaction ID → indexes of its callbacks in requests
	cbWaiters map[string][]cbWaiter

	interactions map[string]*issued // by interaction ID
	byToken      map[string]*issued // by interaction token
	messages     []*message         // every message the bot created, oldest first
	commands     map[string][]json.RawMessage
	fails        []*fault
	delays       []*fault
}

// Stats counts what happened on the gateway.
type Stats struct {
	// Connections is the number of open gateway websockets.
	Connections int
	// Ready is the number of sessions attached to a connection (READY or
	// RESUMED sent, not since dropped, told to reconnect or invalidated).
	Ready int
	// Identifies and Resumes count the accepted Identify and Resume payloads.
	Identifies, Resumes int
	// Heartbeats counts the heartbeats acknowledged.
	Heartbeats int
	// Dispatched counts INTERACTION_CREATE and MESSAGE_CREATE events sent.
	Dispatched int
}

// New starts a fake Discord on 127.0.0.1; tb.Cleanup closes it.
func New(tb testing.TB) *Server {
	tb.Helper()
	s := &Server{
		tb:           tb,
		done:         make(chan struct{}),
		changed:      make(chan struct{}),
		interval:     DefaultHeartbeatInterval,
		window:       InteractionWindow,
		conns:        map[*conn]struct{}{},
		sessions:     map[string]*session{},
		callbacks:    map[string][]int{},
		cbWaiters:    map[string][]cbWaiter{},
		interactions: map[string]*issued{},
		byToken:      map[string]*issued{},
		commands:     map[string][]json.RawMessage{},
	}
	s.upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	mux := http.NewServeMux()
	mux.HandleFunc("/gateway", s.serveGateway)
	mux.HandleFunc("/gateway/", s.serveGateway)
	mux.HandleFunc("/", s.serveREST)
	s.hs = httptest.NewServer(mux)

	host := s.hs.Listener.Addr().String()
	// Go's default transport settings, as a bot's client has them, so that
	// a plain session costs what the bot's would.
	base := http.DefaultTransport.(*http.Transport).Clone()
	s.client = &http.Client{Transport: rewriteTransport{host: host, base: base}}
	tb.Cleanup(s.Close)
	return s
}

// URL is the fake's base URL, such as "http://127.0.0.1:41234": what a bot's
// DISCORD_API_URL is set to.
func (s *Server) URL() string { return s.hs.URL }

// HTTPClient is an http.Client for plain discordgo sessions: it sends every
// request to the fake whatever its URL says, and clears req.Host so that
// nothing still names discord.com.
func (s *Server) HTTPClient() *http.Client { return s.client }

// rewriteTransport points every request at one host.
type rewriteTransport struct {
	host string
	base http.RoundTripper
}

func (t rewriteTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	r := req.Clone(req.Context())
	r.URL.Scheme = "http"
	r.URL.Host = t.host
	r.Host = ""
	return t.base.RoundTrip(r)
}

// Close closes every gateway connection and the server. New registers it
// with tb.Cleanup; calling it twice is fine.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	close(s.done)
	conns := make([]*conn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.mu.Unlock()
	for _, c := range conns {
		c.ws.UnderlyingConn().Close()
	}
	s.hs.Close()
	if t, ok := s.client.Transport.(rewriteTransport); ok {
		if b, ok := t.base.(*http.Transport); ok {
			b.CloseIdleConnections()
		}
	}
}

// SetHeartbeatInterval sets the interval sent in later Hellos. discordgo
// reconnects when five intervals pass without an acknowledgement, so a
// short interval shows quickly whether heartbeats are answered.
func (s *Server) SetHeartbeatInterval(d time.Duration) {
	s.mu.Lock()
	s.interval = d
	s.mu.Unlock()
}

// SetInteractionWindow changes how long after dispatch an interaction
// takes its first answer (InteractionWindow, 3 s, unless changed), so that
// a test of a late answer need not wait three seconds.
func (s *Server) SetInteractionWindow(d time.Duration) {
	s.mu.Lock()
	s.window = d
	s.mu.Unlock()
}

// ApprovePrivilegedIntents lets later Identifies ask for these privileged
// intents (GuildMembers, GuildPresences, MessageContent). Without approval,
// an Identify asking for one is closed with 4014, as Discord does for an
// application whose intent is not enabled in the developer portal.
func (s *Server) ApprovePrivilegedIntents(i discordgo.Intent) {
	s.mu.Lock()
	s.approved |= i
	s.mu.Unlock()
}

// Stats returns the gateway's counters now.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stats
}

// WaitStats returns the counters as soon as cond holds for them.
func (s *Server) WaitStats(ctx context.Context, cond func(Stats) bool) (Stats, error) {
	for {
		s.mu.Lock()
		st, ch := s.stats, s.changed
		s.mu.Unlock()
		if cond(st) {
			return st, nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return st, fmt.Errorf("wait for gateway state (now %+v): %w", st, ctx.Err())
		}
	}
}

// WaitConnected returns once a session is READY (or RESUMED) on the
// gateway and not since dropped, told to reconnect or invalidated.
func (s *Server) WaitConnected(ctx context.Context) error {
	_, err := s.WaitStats(ctx, func(st Stats) bool { return st.Ready > 0 })
	return err
}

// bumpLocked recomputes the counters that derive from state and wakes the
// waiters. s.mu must be held.
func (s *Server) bumpLocked() {
	s.stats.Connections = len(s.conns)
	ready := 0
	for _, sess := range s.sessions {
		if sess.conn != nil {
			ready++
		}
	}
	s.stats.Ready = ready
	close(s.changed)
	s.changed = make(chan struct{})
}

// discordEpoch is the first millisecond of 2015, where snowflakes count from.
const discordEpoch = 1420070400000

// newID returns a fresh snowflake: the time in its high bits, as Discord's,
// and strictly increasing so that IDs sort by creation.
func (s *Server) newID() string {
	for {
		last := s.lastID.Load()
		next := max(last+1, (time.Now().UnixMilli()-discordEpoch)<<22)
		if s.lastID.CompareAndSwap(last, next) {
			return strconv.FormatInt(next, 10)
		}
	}
}

// Request is one REST call the client made, as the fake received it.
type Request struct {
	Method string
	Path   string // e.g. "/api/v9/interactions/ID/TOKEN/callback"
	Query  url.Values
	Header http.Header
	Body   []byte

	// Time is when the request arrived, before any delay the test asked for.
	Time time.Time
	// Status is what the fake answered; 0 when the client gave up before
	// a delayed answer, in which case the request had no effect.
	Status int
	// Response is the body the fake answered with.
	Response []byte
}

// Decode unmarshals the request's JSON body into v.
func (r Request) Decode(v any) error {
	if err := json.Unmarshal(r.Body, v); err != nil {
		return fmt.Errorf("decode body of %s %s: %w", r.Method, r.Path, err)
	}
	return nil
}

// OK reports whether the fake accepted the request (a 2xx answer).
func (r Request) OK() bool { return r.Status >= 200 && r.Status < 300 }

// waiter is a WaitRequest in progress.
type waiter struct {
	match func(Request) bool
	ch    chan Request // buffered: the recorder never blocks
}

// Requests returns every REST call recorded so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// WaitRequest returns the first recorded request, past or future, for
// which match is true. match is called with the server's lock held: it must
// not call the Server.
func (s *Server) WaitRequest(ctx context.Context, match func(Request) bool) (Request, error) {
	s.mu.Lock()
	for _, r := range s.requests {
		if match(r) {
			s.mu.Unlock()
			return r, nil
		}
	}
	w := &waiter{match: match, ch: make(chan Request, 1)}
	s.waiters = append(s.waiters, w)
	s.mu.Unlock()
	select {
	case r := <-w.ch:
		return r, nil
	case <-ctx.Done():
		s.mu.Lock()
		for i, x := range s.waiters {
			if x == w {
				s.waiters = append(s.waiters[:i], s.waiters[i+1:]...)
				break
			}
		}
		s.mu.Unlock()
		select {
		case r := <-w.ch: // matched while we were giving up
			return r, nil
		default:
		}
		return Request{}, fmt.Errorf("wait for a request (%d recorded): %w", len(s.Requests()), ctx.Err())
	}
}

// WaitCallback returns the accepted POST …/interactions/{i.ID}/{i.Token}/callback,
// past or future. Attempts the fake refused (a fault, or an answer too late)
// do not count; Callbacks lists them all.
func (s *Server) WaitCallback(ctx context.Context, i *discordgo.Interaction) (Request, error) {
	return s.waitCallback(ctx, i.ID, false)
}

// WaitAnyCallback returns the first callback attempt for the interaction,
// whatever the fake answered: a load test's way to learn at once that an
// answer came too late (404) rather than waiting for one that never comes.
func (s *Server) WaitAnyCallback(ctx context.Context, i *discordgo.Interaction) (Request, error) {
	return s.waitCallback(ctx, i.ID, true)
}

// cbWaiter is a WaitCallback or WaitAnyCallback in progress.
type cbWaiter struct {
	ch  chan Request // buffered: the recorder never blocks
	any bool         // any attempt, not only an accepted one
}

func (s *Server) waitCallback(ctx context.Context, id string, anyStatus bool) (Request, error) {
	s.mu.Lock()
	for _, k := range s.callbacks[id] {
		if r := s.requests[k]; anyStatus || r.OK() {
			s.mu.Unlock()
			return r, nil
		}
	}
	w := cbWaiter{ch: make(chan Request, 1), any: anyStatus}
	s.cbWaiters[id] = append(s.cbWaiters[id], w)
	s.mu.Unlock()
	select {
	case r := <-w.ch:
		return r, nil
	case <-ctx.Done():
		s.mu.Lock()
		ws := s.cbWaiters[id]
		for k, x := range ws {
			if x.ch == w.ch {
				s.cbWaiters[id] = append(ws[:k], ws[k+1:]...)
				break
			}
		}
		var statuses []int
		for _, k := range s.callbacks[id] {
			statuses = append(statuses, s.requests[k].Status)
		}
		s.mu.Unlock()
		select {
		case r := <-w.ch:
			return r, nil
		default:
		}
		return Request{}, fmt.Errorf("wait for the callback of interaction %s (attempts answered %v): %w", id, statuses, ctx.Err())
	}
}

// Callbacks returns every callback request made for the interaction with
// this ID, refused ones included, in the order they arrived.
func (s *Server) Callbacks(id string) []Request {
	s.mu.Lock()
	out := make([]Request, 0, len(s.callbacks[id]))
	for _, k := range s.callbacks[id] {
		out = append(out, s.requests[k])
	}
	s.mu.Unlock()
	// A request is recorded when answered; one the client abandoned can be
	// recorded after a later one.
	slices.SortStableFunc(out, func(a, b Request) int { return a.Time.Compare(b.Time) })
	return out
}

// WaitCommands returns the first accepted bulk overwrite of the
// application's commands (PUT …/commands, global or for a guild).
func (s *Server) WaitCommands(ctx context.Context) (Request, error) {
	return s.WaitRequest(ctx, func(r Request) bool {
		return r.Method == http.MethodPut && r.OK() && strings.HasSuffix(r.Path, "/commands") &&
			strings.HasPrefix(r.Path, apiPrefix+"/applications/")
	})
}

// record stores a finished request and hands it to whoever waits for it.
func (s *Server) record(r Request, callbackOf string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, r)
	if callbackOf != "" {
		s.callbacks[callbackOf] = append(s.callbacks[callbackOf], len(s.requests)-1)
		kept := s.cbWaiters[callbackOf][:0]
		for _, w := range s.cbWaiters[callbackOf] {
			if w.any || r.OK() {
				w.ch <- r
				continue
			}
			kept = append(kept, w)
		}
		if len(kept) == 0 {
			delete(s.cbWaiters, callbackOf)
		} else {
			s.cbWaiters[callbackOf] = kept
		}
	}
	kept := s.waiters[:0]
	for _, w := range s.waiters {
		if w.match(r) {
			w.ch <- r
			continue
		}
		kept = append(kept, w)
	}
	clear(s.waiters[len(kept):])
	s.waiters = kept
}
