package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"articlebot/corpus"
	"articlebot/index"
)

// clock is a time the test moves by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

func TestUserLimiter(t *testing.T) {
	c := &clock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	l := newUserLimiter(time.Second, 2, 4, c.now)
	steps := []struct {
		name  string
		after time.Duration
		user  string
		want  bool
	}{
		{"first", 0, "a", true},
		{"burst", 0, "a", true},
		{"over the burst", 0, "a", false},
		{"another user has their own bucket", 0, "b", true},
		{"one more after the refill time", time.Second, "a", true},
		{"then limited again", 0, "a", false},
	}
	for _, s := range steps {
		c.advance(s.after)
		if got := l.allow(s.user); got != s.want {
			t.Errorf("%s: allow(%q) = %v; want %v", s.name, s.user, got, s.want)
		}
	}
	c.advance(time.Hour)
	checks := []struct{ ok, first bool }{{true, false}, {true, false}, {false, true}, {false, false}}
	for k, want := range checks {
		if ok, first := l.check("c"); ok != want.ok || first != want.first {
			t.Errorf("check %d = %v, %v; want %v, %v (one warning per refusal run)", k+1, ok, first, want.ok, want.first)
		}
	}
	if got := (*userLimiter)(nil).allow("x"); !got {
		t.Errorf("nil limiter allow = false; want true (no limit)")
	}
}

func TestUserLimiterBounded(t *testing.T) {
	c := &clock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	l := newUserLimiter(time.Second, 2, 4, c.now)
	for i := range 4 {
		l.allow(fmt.Sprint("idle", i))
	}
	c.advance(2 * time.Second) // every bucket has refilled
	l.allow("new")
	if n := len(l.users); n != 1 {
		t.Errorf("after idle users: %d users tracked; want 1 (the idle ones pruned)", n)
	}
	for i := range 3 {
		c.advance(time.Millisecond)
		l.allow(fmt.Sprint("busy", i))
	}
	l.allow("one too many")
	if n := len(l.users); n > 4 {
		t.Errorf("%d users tracked; want at most 4", n)
	}
	if _, ok := l.users["new"]; ok {
		t.Errorf("the least recently seen user was kept")
	}
	if _, ok := l.users["one too many"]; !ok {
		t.Errorf("the newest user was not tracked")
	}
}

func TestAnswerCache(t *testing.T) {
	c := &clock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	cache := newAnswerCache(2, time.Minute, c.now)
	ka := cache.put("", index.Answer{Question: "a"})
	kb := cache.put("", index.Answer{Question: "b"})
	if ka == kb || len(ka) != 12 {
		t.Fatalf("keys %q and %q; want two different 12-character keys", ka, kb)
	}
	if again := cache.put("", index.Answer{Question: "a"}); again != ka {
		t.Errorf("the same question got key %q, then %q; want the same", ka, again)
	}
	cache.put("", index.Answer{Question: "c"}) // evicts b, the least recent
	if _, ok := cache.get(kb); ok {
		t.Errorf("get(b) found an answer beyond the cache's size")
	}
	if e, ok := cache.get(ka); !ok || e.answer.Question != "a" {
		t.Errorf("get(a) = %+v, %v; want the answer to a", e, ok)
	}
	c.advance(time.Minute + time.Second)
	if _, ok := cache.get(ka); ok {
		t.Errorf("get(a) found an expired answer")
	}
	if ka2 := answerKey("other-article", "a"); ka2 == ka {
		t.Errorf("the same question about another article got the same key")
	}
}

func TestCustomIDs(t *testing.T) {
	if id, ok := paraID("trump-putin-2016", 9); !ok || id != "para:9:trump-putin-2016" {
		t.Errorf("paraID = %q, %v; want para:9:trump-putin-2016", id, ok)
	}
	long := strings.Repeat("x", 95)
	if id, ok := paraID(long, 9); ok {
		t.Errorf("paraID(95-byte doc) = %q, true; want false (over 100 bytes)", id)
	}
	kind, args, ok := parseID("spk:2:3:doc:with:colons", 3)
	if !ok || kind != "spk" || strings.Join(args, "|") != "2|3|doc:with:colons" {
		t.Errorf("parseID = %q %q %v; want spk [2 3 doc:with:colons]", kind, args, ok)
	}
	if _, _, ok := parseID("para:9", 2); ok {
		t.Errorf("parseID(para:9, 2) ok; want false")
	}
}

func TestStripMention(t *testing.T) {
	tests := []struct {
		name, in, role, want string
	}{
		{"mention first", "<@42> who said it?", "", "who said it?"},
		{"nickname mention and a comma", "<@!42>, who said it?", "", "who said it?"},
		{"mention last", "who said it <@42>", "", "who said it"},
		{"nothing else", "<@42>", "", ""},
		{"another user whose ID starts the same", "<@421> who?", "", "<@421> who?"},
		{"another user kept, spaces joined", "hey <@42> - who <@7>?", "", "hey - who <@7>?"},
		{"the bot's role", "<@&9>: who said it?", "9", "who said it?"},
		{"the bot's role and the bot", "<@&9> <@42> who said it?", "9", "who said it?"},
		{"another role kept", "<@&8> <@&9> who said it?", "9", "<@&8> who said it?"},
		{"a role when the bot has none", "<@&9> who said it?", "", "<@&9> who said it?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stripMention(tt.in, "42", tt.role); got != tt.want {
				t.Errorf("stripMention(%q, 42, %q) = %q; want %q", tt.in, tt.role, got, tt.want)
			}
		})
	}
}

func TestMentions(t *testing.T) {
	tests := []struct {
		name string
		m    *discordgo.Message
		role string
		want bool
	}{
		{"nickname mention in content", &discordgo.Message{Content: "hi <@!42>"}, "", true},
		{"in mentions only", &discordgo.Message{Mentions: []*discordgo.User{{ID: "42"}}}, "", true},
		{"another user", &discordgo.Message{Content: "<@43>"}, "", false},
		{"the bot's role in mention_roles", &discordgo.Message{MentionRoles: []string{"9"}}, "9", true},
		{"the bot's role in content", &discordgo.Message{Content: "<@&9> hi"}, "9", true},
		{"another role", &discordgo.Message{Content: "<@&8> hi", MentionRoles: []string{"8"}}, "9", false},
		{"a role, the bot has none", &discordgo.Message{Content: "<@&9> hi", MentionRoles: []string{"9"}}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mentions(tt.m, "42", tt.role); got != tt.want {
				t.Errorf("mentions(%+v, 42, %q) = %v; want %v", tt.m, tt.role, got, tt.want)
			}
		})
	}
}

func TestRewriteTransport(t *testing.T) {
	type seen struct{ host, path, query string }
	got := make(chan seen, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got <- seen{r.Host, r.URL.Path, r.URL.RawQuery}
	}))
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")
	tests := []struct {
		name, base, wantPath string
	}{
		{"host only", srv.URL, "/api/v9/channels/1/messages"},
		{"path prefix", srv.URL + "/proxy/", "/proxy/api/v9/channels/1/messages"},
		{"prefix with the API version", srv.URL + "/proxy/api/v9", "/proxy/api/v9/channels/1/messages"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base, err := url.Parse(tt.base)
			if err != nil {
				t.Fatal(err)
			}
			c := &http.Client{Transport: rewriteTransport{base: base, next: http.DefaultTransport}}
			resp, err := c.Get(discordgo.EndpointChannelMessages("1") + "?limit=2")
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			want := seen{host, tt.wantPath, "limit=2"}
			if s := <-got; s != want {
				t.Errorf("request arrived as %+v; want %+v", s, want)
			}
		})
	}
}

func TestRedact(t *testing.T) {
	err := errors.New(`HTTP 404 Not Found, {"message": "Unknown interaction"} POST https://discord.com/api/v9/interactions/123/aW50ZXJhY3Rpb24.secret/callback`)
	got := redactErr(err).Error()
	if strings.Contains(got, "secret") || !strings.Contains(got, "/interactions/123/…/callback") {
		t.Errorf("redactErr = %q; want the token hidden", got)
	}
	if got := redactURL("https://discord.com/api/v9/webhooks/1/tok.en/messages/@original"); got != "https://discord.com/api/v9/webhooks/1/…/messages/@original" {
		t.Errorf("redactURL = %q; want the token hidden", got)
	}
}

func TestCallRecovers(t *testing.T) {
	var logs bytes.Buffer
	b := &Bot{log: slog.New(slog.NewTextHandler(&logs, nil))}
	tests := []struct {
		name    string
		run     func(context.Context, request) (Response, error)
		want    string
		wantLog string
	}{
		{"panic", func(context.Context, request) (Response, error) { panic("boom") }, apologyText, "handler panicked"},
		{"error", func(context.Context, request) (Response, error) { return Response{}, errors.New("index closed") }, searchFailed, "index closed"},
		{"answer", func(context.Context, request) (Response, error) { return Response{Content: "ok"}, nil }, "ok", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			logs.Reset()
			resp := b.call(context.Background(), b.log, tt.run, request{})
			if resp.Content != tt.want {
				t.Errorf("call = %q; want %q", resp.Content, tt.want)
			}
			if !strings.Contains(logs.String(), tt.wantLog) {
				t.Errorf("log %q lacks %q", logs.String(), tt.wantLog)
			}
			if tt.name == "panic" && !strings.Contains(logs.String(), "stack=") {
				t.Errorf("panic logged without its stack: %q", logs.String())
			}
		})
	}
}

func TestButtonBadIDs(t *testing.T) {
	h := &handlers{
		corpus:  &corpus.Corpus{Articles: []*corpus.Article{{ID: "a", Title: "T", Paragraphs: []string{"p"}}}},
		answers: newAnswerCache(10, time.Minute, time.Now),
	}
	for _, id := range []string{"", "para", "para:x:a", "para:1:nope", "spk:1", "spk:0:9:a", "spk:x:0:a", "more:", "more:k:x", "share", "zzz:1"} {
		resp, err := h.button(context.Background(), request{CustomID: id})
		if err != nil || resp.Content != brokenButton || !resp.Ephemeral {
			t.Errorf("button(%q) = %q, %v; want the private broken-button notice", id, resp.Content, err)
		}
	}
	resp, _ := h.button(context.Background(), request{CustomID: "share:unknownkey12"})
	if resp.Content != expiredText {
		t.Errorf("button(share:unknown) = %q; want %q", resp.Content, expiredText)
	}
}

func TestSpeakerPagesWithALongArticleID(t *testing.T) {
	a := &corpus.Article{ID: strings.Repeat("x", 95), Title: "T", Paragraphs: []string{"p"},
		Speakers: []corpus.Speaker{{Name: "Ann", Quotes: 12}}}
	for range 12 {
		a.Quotes = append(a.Quotes, corpus.Quote{Paragraph: 1, Speaker: "Ann", Kind: corpus.Direct, Text: "q"})
	}
	h := &handlers{corpus: &corpus.Corpus{Articles: []*corpus.Article{a}}}
	resp := h.renderSpeakerPage(a, "Ann", 0)
	if resp.Components != nil {
		t.Errorf("components = %+v; want no paging buttons when their IDs would pass 100 bytes", resp.Components)
	}
	a.ID = "short"
	if resp := h.renderSpeakerPage(a, "Ann", 0); resp.Components == nil {
		t.Errorf("short article ID: no paging buttons; want them")
	}
}

func TestParseRequest(t *testing.T) {
	i := &discordgo.Interaction{
		Type:   discordgo.InteractionApplicationCommandAutocomplete,
		Member: &discordgo.Member{User: &discordgo.User{ID: "7"}},
		Data: discordgo.ApplicationCommandInteractionData{Name: "ask", Options: []*discordgo.ApplicationCommandInteractionDataOption{
			{Name: "question", Type: discordgo.ApplicationCommandOptionString, Value: "  who?  "},
			{Name: "number", Type: discordgo.ApplicationCommandOptionInteger, Value: float64(3)},
			{Name: "private", Type: discordgo.ApplicationCommandOptionBoolean, Value: true},
			{Name: "article", Type: discordgo.ApplicationCommandOptionString, Value: "x", Focused: true},
		}},
	}
	r := parseRequest(i)
	n, ok := r.int("number")
	if r.Command != "ask" || r.UserID != "7" || r.str("question") != "who?" || !r.bool("private") || n != 3 || !ok || r.Focused != "article" {
		t.Errorf("parseRequest = %+v; want ask by 7, question who?, number 3, private, focused article", r)
	}
	if _, ok := r.int("question"); ok {
		t.Errorf("int(question) ok; want false for text")
	}
	dm := parseRequest(&discordgo.Interaction{Type: discordgo.InteractionMessageComponent, User: &discordgo.User{ID: "8"},
		Data: discordgo.MessageComponentInteractionData{CustomID: "para:1:a"}})
	if dm.UserID != "8" || dm.CustomID != "para:1:a" {
		t.Errorf("parseRequest(DM button) = %+v; want user 8, custom ID para:1:a", dm)
	}
}

func TestRetryLogs(t *testing.T) {
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name   string
		parent context.Context
		err    error
		want   string
	}{
		{"a failure is an error", context.Background(), errors.New("boom"), `level=ERROR msg="discord call failed" call=test err=boom`},
		{"a stop is no failure", canceled, context.Canceled, `level=INFO msg="discord call stopped" call=test err="context canceled"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			log := slog.New(slog.NewTextHandler(&buf, nil))
			b := &Bot{cfg: Config{Timeout: time.Second}}
			err := b.retry(tt.parent, log, "test", func(context.Context) error { return tt.err })
			if !errors.Is(err, tt.err) {
				t.Errorf("retry() = %v; want %v", err, tt.err)
			}
			if got := buf.String(); !strings.Contains(got, tt.want) {
				t.Errorf("retry() logged %q; want %q", got, tt.want)
			}
		})
	}
}

// TestCompleteSpeakerAcrossArticles checks the autocomplete labels of
// people named in several articles: paragraph numbers only within one
// article, a count of articles across several.
func TestCompleteSpeakerAcrossArticles(t *testing.T) {
	a := &corpus.Article{ID: "a", Title: "A", Paragraphs: []string{"p", "p", "p"}, Speakers: []corpus.Speaker{
		{Name: "Ann Lee", Quotes: 1, Description: "mayor"},
		{Name: "Bo Park", MentionedIn: []int{3}},
	}}
	b := &corpus.Article{ID: "b", Title: "B", Paragraphs: []string{"p", "p"}, Speakers: []corpus.Speaker{
		{Name: "Bo Park", MentionedIn: []int{1, 2}},
		{Name: "Cy Young", MentionedIn: []int{2}},
	}}
	h := &handlers{corpus: &corpus.Corpus{Articles: []*corpus.Article{a, b}}}
	tests := []struct {
		article *corpus.Article
		typed   string
		want    []string
	}{
		{nil, "", []string{"Ann Lee — mayor", "Bo Park — mentioned in 2 articles; never quoted", "Cy Young — mentioned in ¶2; never quoted"}},
		{a, "bo", []string{"Bo Park — mentioned in ¶3; never quoted"}},
		{b, "bo", []string{"Bo Park — mentioned in ¶1, ¶2; never quoted"}},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range h.completeSpeaker(tt.article, tt.typed) {
			got = append(got, c.Name)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("completeSpeaker(%v, %q) = %q; want %q", tt.article != nil, tt.typed, got, tt.want)
		}
	}
}
