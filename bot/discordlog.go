package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Secrets that may reach a log line, and what hides them. An interaction's
// token is valid for 15 minutes and lets anyone answer or edit the reply in
// the bot's name; the bot token is the bot itself.
var (
	// tokenInURL is the token segment of an interaction or webhook URL:
	// /interactions/{id}/{token}/callback, /webhooks/{app}/{token}/….
	tokenInURL = regexp.MustCompile(`(/(?:interactions|webhooks)/[0-9]+/)[^/\s"?#]+`)
	// tokenInJSON is a "token" field of a payload discordgo prints (an
	// event's raw data, the Identify packet).
	tokenInJSON = regexp.MustCompile(`("[Tt]oken"\s*:\s*")[^"]*"`)
	// tokenInStruct is the Token field of a Go value printed with %#v.
	tokenInStruct = regexp.MustCompile(`(Token:\s*")[^"]*"`)
	// botToken looks like a bot token: the base64 of the bot's user ID, a
	// base64 timestamp and an HMAC, joined by dots. It also matches the
	// value of an "Authorization: Bot …" header.
	botToken = regexp.MustCompile(`[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}`)
)

// redacted stands in for a secret in a log line.
const redacted = "…"

// redact hides interaction and webhook tokens and anything that looks like
// a bot token in s; token, when given, is the bot's own token, hidden
// wherever it appears whatever its shape.
func redact(s, token string) string {
	if token != "" {
		s = strings.ReplaceAll(s, token, redacted)
	}
	s = tokenInURL.ReplaceAllString(s, "${1}"+redacted)
	s = tokenInJSON.ReplaceAllString(s, `${1}`+redacted+`"`)
	s = tokenInStruct.ReplaceAllString(s, `${1}`+redacted+`"`)
	return botToken.ReplaceAllString(s, redacted)
}

// redactURL hides the token in a Discord URL.
func redactURL(u string) string { return redact(u, "") }

// redactErr hides tokens in an error's message.
func redactErr(err error) error {
	msg := err.Error()
	red := redact(msg, "")
	if red == msg {
		return err
	}
	return errors.New(red)
}

// DiscordLogger returns a function for discordgo.Logger that sends
// discordgo's own log lines to log, at the matching level, with the
// attributes source=discordgo and func (the discordgo function that
// logged), and with every token hidden (see redact; token is the bot's). It
// only builds the function: RouteDiscordLogs installs it.
//
// discordgo's Informational lines (connection steps, "… Failed (502 Bad
// Gateway), Retrying…") are Debug here, which is the level at which the
// bot lets discordgo say them (see discordLogLevel).
func DiscordLogger(log *slog.Logger, token string) func(msgL, caller int, format string, a ...any) {
	return func(msgL, caller int, format string, a ...any) {
		level := discordSlogLevel(msgL)
		ctx := context.Background()
		if !log.Enabled(ctx, level) {
			return
		}
		msg := redact(strings.TrimSpace(fmt.Sprintf(format, a...)), token)
		attrs := []slog.Attr{slog.String("source", "discordgo")}
		// caller counts from discordgo's msglog; one more frame is this
		// function. The record gets no PC: a handler that adds the source
		// file would write a second "source" key.
		pc, _, _, ok := runtime.Caller(caller + 1)
		if fn := runtime.FuncForPC(pc); ok && fn != nil {
			// "github.com/bwmarrin/discordgo.(*Session).Open" → "(*Session).Open"
			name := fn.Name()
			name = name[strings.LastIndexByte(name, '/')+1:]
			_, name, _ = strings.Cut(name, ".")
			attrs = append(attrs, slog.String("func", name))
		}
		r := slog.NewRecord(time.Now(), level, msg, 0)
		r.AddAttrs(attrs...)
		_ = log.Handler().Handle(ctx, r) // a log line that fails has nowhere else to go
	}
}

// discordSlogLevel maps discordgo's log levels to slog's.
func discordSlogLevel(msgL int) slog.Level {
	switch {
	case msgL <= discordgo.LogError:
		return slog.LevelError
	case msgL == discordgo.LogWarning:
		return slog.LevelWarn
	case msgL == discordgo.LogInformational:
		return slog.LevelDebug
	}
	return slog.LevelDebug - 4
}

// discordLogs is where discordgo's log lines go once RouteDiscordLogs has
// run. discordgo has one logger for the whole process (the package
// variable discordgo.Logger), not one per session, so this state is
// process-wide as well: the variable is written once, and what it forwards
// to is swapped atomically, so that a session logging while a later serve
// starts is no data race.
var discordLogs struct {
	once sync.Once
	to   atomic.Pointer[func(msgL, caller int, format string, a ...any)]
}

// RouteDiscordLogs sends the log lines of every discordgo session in the
// process to log, redacted (see DiscordLogger). discordgo.Logger is global,
// so this is process-wide: call it once at program start, before opening a
// Bot (the serve command does); a later call only changes where the lines
// go. Until it is called, a Bot keeps discordgo to warnings and errors,
// which discordgo then prints with the standard log package and which name
// no token.
func RouteDiscordLogs(log *slog.Logger, token string) {
	f := DiscordLogger(log, token)
	discordLogs.to.Store(&f)
	discordLogs.once.Do(func() {
		discordgo.Logger = func(msgL, caller int, format string, a ...any) {
			if f := discordLogs.to.Load(); f != nil {
				(*f)(msgL, caller+1, format, a...)
			}
		}
	})
}

// discordLogsRouted reports whether RouteDiscordLogs has run.
func discordLogsRouted() bool { return discordLogs.to.Load() != nil }

// discordLogLevel maps the bot's log level to discordgo's. It never goes to
// discordgo's debug level, which prints every event and the Identify
// payload; and above warnings only once RouteDiscordLogs redacts what
// discordgo says (its Informational retry lines hold interaction tokens).
func discordLogLevel(log *slog.Logger) int {
	ctx := context.Background()
	switch {
	case log.Enabled(ctx, slog.LevelDebug) && discordLogsRouted():
		return discordgo.LogInformational
	case log.Enabled(ctx, slog.LevelWarn):
		return discordgo.LogWarning
	case log.Enabled(ctx, slog.LevelError):
		return discordgo.LogError
	}
	return discordgo.LogError - 1 // nothing
}
