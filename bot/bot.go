// Package bot answers a study group's questions on Discord: slash commands,
// buttons, autocomplete, and messages that mention the bot or are sent to it
// directly. It turns each into a request for a plain handler that returns
// the reply, and alone talks to Discord (through discordgo).
//
// It depends on index for the answer types and declares the small Searcher
// interface it needs; it knows nothing of how the index works.
package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"articlebot/corpus"
	"articlebot/index"
)

// Config configures a Bot. Only Token is required; every tuning field has a
// sane default at its zero value.
type Config struct {
	// Token is the bot token from the Discord Developer Portal, without the
	// "Bot " prefix. It is never logged.
	Token string
	// GuildID registers the commands to that one server, where they appear
	// at once; "" registers them globally.
	GuildID string
	// APIURL is the base URL every REST call (and the gateway URL lookup)
	// goes to instead of Discord's, for a rate-limit proxy or a test server:
	// scheme, host and an optional path prefix replace Discord's.
	APIURL string
	// Log receives the bot's logs; nil discards them.
	Log *slog.Logger

	// DeferAfter is how long a handler may take before the reply is
	// deferred (Discord allows 3 s for the first response); 0 means 2 s,
	// and a negative value defers every reply at once.
	DeferAfter time.Duration
	// UserBurst questions a user may ask at once, and UserEvery the time in
	// which one more is allowed (0 means 5 and 3 s). A negative UserBurst
	// turns the per-user limit off.
	UserBurst int
	UserEvery time.Duration
	// MaxUsers bounds how many users the rate limit remembers; 0 means
	// 10,000.
	MaxUsers int
	// CacheSize answers are kept for their buttons for CacheTTL (0 means
	// 1,000 and 1 hour); a button on an older answer asks to ask again.
	CacheSize int
	CacheTTL  time.Duration
	// Timeout bounds a handler's work, and each call to Discord on its own;
	// 0 means 15 s.
	Timeout time.Duration
	// Seed seeds the random choice of /quote without text; 0 picks a
	// random seed.
	Seed uint64
	// Results is how many passages a question fetches for More results;
	// 0 means 10.
	Results int
}

// Searcher is what the bot needs from the index; *index.Index satisfies it.
type Searcher interface {
	Ask(ctx context.Context, question string, opts index.AskOptions) (index.Answer, error)
	FindQuotes(ctx context.Context, text string, opts index.AskOptions) ([]index.Result, error)
}

// Bot is a connection to Discord that answers questions about a corpus.
type Bot struct {
	cfg     Config
	log     *slog.Logger
	session *discordgo.Session
	h       *handlers
	cmds    map[string]command
	defs    []*discordgo.ApplicationCommand
	limiter *userLimiter
	remove  []func()
	roles   *botRoles

	mu       sync.Mutex
	closed   bool
	inflight sync.WaitGroup
	selfID   string // the bot's user ID, known once connected
	appID    string // the application's ID, known once connected
}

// Permissions are the channel permissions the bot needs, for its invite
// URL: View Channels (1024) to see the channels it answers in, Send
// Messages (2048) and Send Messages in Threads (274877906944) to answer
// mentions there, Embed Links (16384) for its answers, which are embeds,
// and Read Message History (65536) to reply to a message. Slash command
// replies need none of them; mentions need all.
const Permissions int64 = 1<<10 | 1<<11 | 1<<14 | 1<<16 | 1<<38

// InviteURL is the link that adds the bot to a server with the scopes bot
// and applications.commands and exactly Permissions; "" before Open.
func (b *Bot) InviteURL() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.appID == "" {
		return ""
	}
	return fmt.Sprintf("https://discord.com/oauth2/authorize?client_id=%s&scope=bot+applications.commands&permissions=%d", b.appID, Permissions)
}

// New prepares a bot for the corpus c, answering from s. It does not
// connect: Open does.
func New(cfg Config, c *corpus.Corpus, s Searcher) (*Bot, error) {
	if cfg.Token == "" {
		return nil, errors.New("new bot: no token")
	}
	if c == nil || len(c.Articles) == 0 {
		return nil, errors.New("new bot: no article loaded")
	}
	if s == nil {
		return nil, errors.New("new bot: no index")
	}
	cfg = withDefaults(cfg)
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}

	session, err := discordgo.New("Bot " + cfg.Token)
	if err != nil {
		return nil, fmt.Errorf("new discord session: %w", err)
	}
	transport := http.DefaultTransport
	if cfg.APIURL != "" {
		base, err := url.Parse(cfg.APIURL)
		if err != nil || base.Host == "" || (base.Scheme != "http" && base.Scheme != "https") {
			return nil, fmt.Errorf("new bot: API URL %q is not an http(s) URL", cfg.APIURL)
		}
		transport = rewriteTransport{base: base, next: transport}
	}
	session.Client = &http.Client{Transport: transport, Timeout: cfg.Timeout}
	session.ShouldReconnectOnError = true
	session.LogLevel = discordLogLevel(log)
	session.Identify.Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages

	seed := cfg.Seed
	if seed == 0 {
		seed = rand.Uint64()
	}
	multi := len(c.Articles) > 1
	b := &Bot{
		cfg:     cfg,
		log:     log,
		session: session,
		h: &handlers{
			corpus:  c,
			search:  s,
			answers: newAnswerCache(cfg.CacheSize, cfg.CacheTTL, time.Now),
			limit:   cfg.Results,
			rand:    rand.New(rand.NewPCG(seed, seed>>1|1)),
		},
		cmds:  map[string]command{},
		roles: newBotRoles(),
	}
	if cfg.UserBurst > 0 {
		b.limiter = newUserLimiter(cfg.UserEvery, cfg.UserBurst, cfg.MaxUsers, time.Now)
	}
	for _, cmd := range commands(multi) {
		b.cmds[cmd.def.Name] = cmd
		b.defs = append(b.defs, cmd.def)
	}
	b.remove = append(b.remove,
		session.AddHandler(b.onInteraction),
		session.AddHandler(b.onMessage),
		session.AddHandler(func(_ *discordgo.Session, e *discordgo.Event) { b.roles.onEvent(e) }),
		session.AddHandler(func(_ *discordgo.Session, r *discordgo.RateLimit) {
			// discordgo sleeps and retries a 429 itself; say so, as it can
			// push a reply past Discord's 3 s window.
			b.log.Warn("discord rate limit: waiting before retrying", slog.String("url", redactURL(r.URL)), slog.Duration("retry_after", r.RetryAfter))
		}),
		session.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) {
			if b.closing() {
				return
			}
			b.log.Warn("gateway disconnected; reconnecting")
		}),
		session.AddHandler(func(_ *discordgo.Session, _ *discordgo.Resumed) {
			b.log.Info("gateway session resumed")
		}),
	)
	return b, nil
}

func withDefaults(cfg Config) Config {
	def := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	if cfg.DeferAfter == 0 {
		cfg.DeferAfter = 2 * time.Second
	}
	def(&cfg.UserEvery, 3*time.Second)
	def(&cfg.CacheTTL, time.Hour)
	def(&cfg.Timeout, 15*time.Second)
	if cfg.UserBurst == 0 {
		cfg.UserBurst = 5
	}
	if cfg.MaxUsers <= 0 {
		cfg.MaxUsers = 10000
	}
	if cfg.CacheSize <= 0 {
		cfg.CacheSize = 1000
	}
	if cfg.Results <= 0 {
		cfg.Results = 10
	}
	return cfg
}

// rewriteTransport sends every request to base instead of Discord: the
// scheme and host are replaced, base's path is put before the request's,
// and the Host header is cleared so that it names the new host.
type rewriteTransport struct {
	base *url.URL
	next http.RoundTripper
}

func (t rewriteTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	r := req.Clone(req.Context())
	r.URL.Scheme = t.base.Scheme
	r.URL.Host = t.base.Host
	// A base given with Discord's own /api/vN suffix still works.
	prefix := strings.TrimRight(t.base.Path, "/")
	if i := strings.LastIndex(prefix, "/api"); i >= 0 && strings.HasPrefix(r.URL.Path, prefix[i:]) {
		prefix = prefix[:i]
	}
	r.URL.Path = prefix + r.URL.Path
	r.URL.RawPath = ""
	r.Host = ""
	return t.next.RoundTrip(r)
}

// Open connects to the gateway and registers the commands with one bulk
// overwrite (to the server GuildID, or globally); it returns once both are
// done.
func (b *Bot) Open(ctx context.Context) error {
	via := ""
	if b.cfg.APIURL != "" {
		// Errors name Discord's URL, not the one the request went to.
		via = " through API URL " + b.cfg.APIURL
	}
	b.log.Info("connecting to Discord" + via)
	if err := b.session.Open(); err != nil {
		return fmt.Errorf("connect to the Discord gateway%s: %w", via, err)
	}
	b.session.State.RLock()
	var selfID, appID string
	if u := b.session.State.User; u != nil {
		selfID = u.ID
	}
	if app := b.session.State.Application; app != nil {
		appID = app.ID
	}
	b.session.State.RUnlock()
	if appID == "" {
		appID = selfID
	}
	b.mu.Lock()
	b.selfID, b.appID = selfID, appID
	b.mu.Unlock()

	scope := "global"
	if b.cfg.GuildID != "" {
		scope = "guild " + b.cfg.GuildID
	}
	log := b.log.With(slog.String("scope", scope))
	err := b.retry(ctx, log, "register commands", func(ctx context.Context) error {
		_, err := b.session.ApplicationCommandBulkOverwrite(appID, b.cfg.GuildID, b.defs, discordgo.WithContext(ctx))
		return err
	})
	if err != nil {
		if cerr := b.session.Close(); cerr != nil {
			log.Error("close gateway after failed registration", slog.Any("err", cerr))
		}
		return fmt.Errorf("register commands (%s): %w", scope, err)
	}
	log.Info("connected and commands registered", slog.String("user_id", selfID), slog.Int("commands", len(b.defs)))
	return nil
}

// Close closes the gateway connection, then waits for the requests being
// answered to finish.
func (b *Bot) Close() error {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return nil
	}
	b.closed = true
	b.mu.Unlock()
	err := b.session.Close()
	b.inflight.Wait()
	for _, remove := range b.remove {
		remove()
	}
	if err != nil {
		return fmt.Errorf("close gateway: %w", err)
	}
	b.log.Info("disconnected from Discord")
	return nil
}

// begin registers a request being answered, or reports that the bot is
// closing and takes no more.
func (b *Bot) begin() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return false
	}
	b.inflight.Add(1)
	return true
}

// closing reports whether Close has been called.
func (b *Bot) closing() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.closed
}

func (b *Bot) self() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.selfID
}
