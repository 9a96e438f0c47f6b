package bot

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// A bot token's shape (user ID, timestamp, HMAC), made up.
const fakeBotToken = "MTAwMDAwMDAwMDAwMDAwMDAx.GhJkLm.abcdefghijklmnopqrstuvwxyz0123456789AB"

func TestRedactSecrets(t *testing.T) {
	tests := []struct {
		name, in, token, want string
	}{
		{"interaction callback URL",
			"https://discord.com/api/v9/interactions/1234/aW50ZXJhY3Rpb24.tok-en_1/callback Failed (502 Bad Gateway), Retrying...", "",
			"https://discord.com/api/v9/interactions/1234/…/callback Failed (502 Bad Gateway), Retrying..."},
		{"webhook edit URL with a query",
			"PATCH https://discord.com/api/v9/webhooks/100/interaction-token-9/messages/@original?wait=true", "",
			"PATCH https://discord.com/api/v9/webhooks/100/…/messages/@original?wait=true"},
		{"follow-up URL, token last",
			"POST https://discord.com/api/v9/webhooks/100/interaction-token-9", "",
			"POST https://discord.com/api/v9/webhooks/100/…"},
		{"token field of an event", `Data: {"id":"5","token":"aW50ZXJhY3Rpb24","type":2}`, "",
			`Data: {"id":"5","token":"…","type":2}`},
		{"Identify printed as a Go value", `discordgo.identifyOp{Op:2, Data:discordgo.Identify{Token:"Bot whatever", Intents:37377}}`, "",
			`discordgo.identifyOp{Op:2, Data:discordgo.Identify{Token:"…", Intents:37377}}`},
		{"anything shaped like a bot token", "Authorization: Bot " + fakeBotToken + " sent", "",
			"Authorization: Bot … sent"},
		{"the bot's own token, whatever its shape", "identify with discordtest-token now", "discordtest-token",
			"identify with … now"},
		{"nothing secret", "connecting to gateway wss://gateway.discord.gg/?v=9&encoding=json", "",
			"connecting to gateway wss://gateway.discord.gg/?v=9&encoding=json"},
		{"IDs are not tokens", "/api/v9/channels/100000000000000003/messages", "",
			"/api/v9/channels/100000000000000003/messages"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := redact(tt.in, tt.token); got != tt.want {
				t.Errorf("redact(%q, %q) = %q; want %q", tt.in, tt.token, got, tt.want)
			}
		})
	}
}

// TestDiscordLogger feeds the logger discordgo's own format strings (from
// restapi.go and wsapi.go) and checks the records: level, attributes, and
// no token.
func TestDiscordLogger(t *testing.T) {
	const retry = "%s Failed (%s), Retrying..." // restapi.go, on a 502
	url := "https://discord.com/api/v9/interactions/1234/aW50ZXJhY3Rpb24tdG9rZW4/callback"
	tests := []struct {
		name   string
		level  slog.Level // the bot's log level
		msgL   int
		format string
		args   []any
		want   string // the text handler's line without time; "" for none
	}{
		{"retry line at debug", slog.LevelDebug, discordgo.LogInformational, retry, []any{url, "502 Bad Gateway"},
			`level=DEBUG msg="https://discord.com/api/v9/interactions/1234/…/callback Failed (502 Bad Gateway), Retrying..." source=discordgo func=logAsDiscordgo`},
		{"retry line at info: dropped", slog.LevelInfo, discordgo.LogInformational, retry, []any{url, "502 Bad Gateway"}, ""},
		{"warning", slog.LevelInfo, discordgo.LogWarning, "error reading from gateway %s websocket, %s\n", []any{"wss://gateway.discord.gg", "EOF"},
			`level=WARN msg="error reading from gateway wss://gateway.discord.gg websocket, EOF" source=discordgo func=logAsDiscordgo`},
		{"error", slog.LevelError, discordgo.LogError, "rate limit unmarshal error, %s", []any{"bad json"},
			`level=ERROR msg="rate limit unmarshal error, bad json" source=discordgo func=logAsDiscordgo`},
		{"discordgo's debug: below slog's", slog.LevelDebug, discordgo.LogDebug, "Identify Packet: \n%#v", []any{struct{ Token string }{"Bot x"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{
				Level: tt.level,
				ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
					if a.Key == slog.TimeKey {
						return slog.Attr{}
					}
					return a
				},
			}))
			f := DiscordLogger(log, fakeBotToken)
			logAsDiscordgo(f, tt.msgL, tt.format, tt.args...)
			got := strings.TrimSpace(buf.String())
			if got != tt.want {
				t.Errorf("logged %q; want %q", got, tt.want)
			}
		})
	}
}

func TestDiscordLogLevel(t *testing.T) {
	tests := []struct {
		name  string
		level slog.Level
		want  int
	}{
		// Debug would be Informational once RouteDiscordLogs has run; the
		// tests never run it (it is process-wide), so debug stays at
		// warnings, which print no token through the standard logger.
		{"debug, discordgo's logs not routed", slog.LevelDebug, discordgo.LogWarning},
		{"info", slog.LevelInfo, discordgo.LogWarning},
		{"warn", slog.LevelWarn, discordgo.LogWarning},
		{"error", slog.LevelError, discordgo.LogError},
		{"above error", slog.LevelError + 4, discordgo.LogError - 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log := slog.New(slog.NewTextHandler(&bytes.Buffer{}, &slog.HandlerOptions{Level: tt.level}))
			if got := discordLogLevel(log); got != tt.want {
				t.Errorf("discordLogLevel(%v) = %d; want %d", tt.level, got, tt.want)
			}
		})
	}
}

// logAsDiscordgo calls a logger as discordgo's msglog does, with caller
// pointing at the function that logged: here, this one.
func logAsDiscordgo(f func(msgL, caller int, format string, a ...any), msgL int, format string, a ...any) {
	f(msgL, 0, format, a...)
}
