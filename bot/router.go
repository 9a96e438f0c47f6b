package bot

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// The router is the only part of the bot that talks to Discord. For every
// interaction or message it parses the request, applies the middleware
// (logging, per-user rate limit, recovery from a panic, deferral near
// Discord's deadline), runs the handler and sends what it returns.

// onInteraction answers one INTERACTION_CREATE. discordgo calls it on a
// goroutine of its own.
func (b *Bot) onInteraction(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
	if ic == nil || ic.Interaction == nil || !b.begin() {
		return
	}
	defer b.inflight.Done()
	i := ic.Interaction
	start := time.Now()
	req := parseRequest(i)
	name := req.Command
	if i.Type == discordgo.InteractionMessageComponent {
		name, _, _ = strings.Cut(req.CustomID, ":")
		name = "button:" + name
	}
	log := b.log.With(slog.String("interaction", i.ID), slog.String("command", name), slog.String("user", req.UserID))
	// ctx bounds the handler's work; each call to Discord has its own
	// deadline (retry), so a slow handler does not shorten the reply's.
	ctx, cancel := context.WithTimeout(context.Background(), b.cfg.Timeout)
	defer cancel()

	switch i.Type {
	case discordgo.InteractionApplicationCommandAutocomplete:
		// Typing is not asking: autocomplete is exempt from the rate limit.
		var choices []*discordgo.ApplicationCommandOptionChoice
		b.safely(log, func() { choices = b.h.complete(req) })
		if choices == nil {
			choices = []*discordgo.ApplicationCommandOptionChoice{}
		}
		// discordgo drops an empty choices list (omitempty), which Discord
		// rejects: "no suggestions" must be sent as "choices":[].
		var payload autocompleteResult
		payload.Type = discordgo.InteractionApplicationCommandAutocompleteResult
		payload.Data.Choices = choices
		endpoint := discordgo.EndpointInteractionResponse(i.ID, i.Token)
		_ = b.retry(context.Background(), log, "autocomplete", func(ctx context.Context) error {
			_, err := b.session.RequestWithBucketID(http.MethodPost, endpoint, payload, endpoint, discordgo.WithContext(ctx))
			return err
		})
		return
	case discordgo.InteractionApplicationCommand, discordgo.InteractionMessageComponent:
	default:
		log.Debug("ignored interaction", slog.Int("type", int(i.Type)))
		return
	}

	if !b.limiter.allow(req.UserID) {
		log.Info("rate limited")
		_ = b.sendInteraction(i, log, notice(slowDownText), false)
		return
	}

	run, private := b.route(req)
	done := make(chan Response, 1)
	go func() { done <- b.call(ctx, log, run, req) }()

	deferReply := func() {
		update := i.Type == discordgo.InteractionMessageComponent && b.updates(req)
		log.Info("deferring the reply", slog.Bool("update", update))
		if err := b.deferInteraction(i, log, private, update); err != nil {
			// The edit below is still tried: a failed deferral may have
			// reached Discord.
			log.Warn("deferral failed; still trying to send the answer")
		}
	}
	var resp Response
	// DeferAfter counts from when Discord created the interaction, as its
	// 3 s window does: under load a handler starts late, and a timer started
	// with it would miss the window.
	wait := deferDelay(createdAt(i.ID), start, b.cfg.DeferAfter)
	deferred := wait == 0
	if deferred {
		deferReply()
		resp = <-done
	} else {
		timer := time.NewTimer(wait)
		defer timer.Stop()
		select {
		case resp = <-done:
		case <-timer.C:
			deferred = true
			deferReply()
			resp = <-done
		}
	}
	if err := b.sendInteraction(i, log, resp, deferred); err == nil {
		log.Info("answered", slog.Duration("took", time.Since(start)), slog.Bool("deferred", deferred))
	}
}

// createdAt is when Discord created the interaction with this ID, read
// from the snowflake; the zero time when the ID is not one.
func createdAt(id string) time.Time {
	t, err := discordgo.SnowflakeTimestamp(id)
	if err != nil {
		return time.Time{}
	}
	return t
}

// deferDelay is how long after received (when the bot got the interaction)
// the router waits for the handler before deferring the reply: after, counted
// from created. The two clocks are not the same: a creation time after
// receipt (the host's clock is behind Discord's) or unknown is not trusted,
// and the wait counts from receipt; a creation time long past (the host's
// clock is ahead) only makes the deferral come at once, which is safe. The
// wait is never negative. A negative after means defer at once.
func deferDelay(created, received time.Time, after time.Duration) time.Duration {
	if after < 0 {
		return 0
	}
	if created.IsZero() || created.After(received) {
		created = received
	}
	return max(created.Add(after).Sub(received), 0)
}

// autocompleteResult is the response to an autocomplete interaction.
type autocompleteResult struct {
	Type discordgo.InteractionResponseType `json:"type"`
	Data struct {
		Choices []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
	} `json:"data"`
}

// route finds the handler for a request and whether its reply will be
// private.
func (b *Bot) route(req request) (func(context.Context, request) (Response, error), bool) {
	if req.Command == "" {
		return b.h.button, b.buttonPrivate(req)
	}
	cmd, ok := b.cmds[req.Command]
	if !ok {
		return func(context.Context, request) (Response, error) {
			return notice("I do not know that command any more. Please try again in a minute."), nil
		}, true
	}
	private := cmd.private != nil && cmd.private(req)
	return func(ctx context.Context, r request) (Response, error) { return cmd.run(b.h, ctx, r) }, private
}

// buttonPrivate reports whether a button's reply is a new private message.
func (b *Bot) buttonPrivate(req request) bool {
	kind, _, _ := strings.Cut(req.CustomID, ":")
	return kind == idPara || kind == idMore
}

// updates reports whether a button's reply replaces the message it is on.
func (b *Bot) updates(req request) bool {
	kind, _, _ := strings.Cut(req.CustomID, ":")
	return kind == idPage || kind == idSpeaker
}

// call runs a handler, turning an error or a panic into a short apology for
// the user and a log entry with the cause.
func (b *Bot) call(ctx context.Context, log *slog.Logger, run func(context.Context, request) (Response, error), req request) (resp Response) {
	ok := b.safely(log, func() {
		var err error
		resp, err = run(ctx, req)
		if err != nil {
			log.Error("handler failed", slog.Any("err", err))
			resp = notice(searchFailed)
		}
	})
	if !ok {
		resp = notice(apologyText)
	}
	return resp
}

// safely runs f and recovers from a panic in it, logging it with its stack.
func (b *Bot) safely(log *slog.Logger, f func()) (ok bool) {
	defer func() {
		if p := recover(); p != nil {
			log.Error("handler panicked", slog.Any("panic", p), slog.String("stack", string(debug.Stack())))
			ok = false
		}
	}()
	f()
	return true
}

// deferInteraction acknowledges an interaction whose reply is not ready:
// "thinking…" for a new message, or a silent acknowledgement for a button
// whose reply updates its message.
func (b *Bot) deferInteraction(i *discordgo.Interaction, log *slog.Logger, private, update bool) error {
	r := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}
	switch {
	case update:
		r.Type = discordgo.InteractionResponseDeferredMessageUpdate
	case private:
		r.Data = &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral}
	}
	return b.retry(context.Background(), log, "defer", func(ctx context.Context) error {
		return b.session.InteractionRespond(i, r, discordgo.WithContext(ctx))
	})
}

// sendInteraction sends a handler's reply: as the interaction's response,
// or, after a deferral, as an edit of the original response.
func (b *Bot) sendInteraction(i *discordgo.Interaction, log *slog.Logger, resp Response, deferred bool) error {
	if deferred {
		content := clip(resp.Content, maxContent)
		embeds := resp.Embeds
		if embeds == nil {
			embeds = []*discordgo.MessageEmbed{}
		}
		comps := resp.Components
		if comps == nil {
			comps = []discordgo.MessageComponent{}
		}
		return b.retry(context.Background(), log, "edit deferred reply", func(ctx context.Context) error {
			_, err := b.session.InteractionResponseEdit(i, &discordgo.WebhookEdit{
				Content: &content, Embeds: &embeds, Components: &comps, AllowedMentions: noMentions(),
			}, discordgo.WithContext(ctx))
			return err
		})
	}
	typ := discordgo.InteractionResponseChannelMessageWithSource
	if resp.Update && i.Type == discordgo.InteractionMessageComponent {
		typ = discordgo.InteractionResponseUpdateMessage
	}
	return b.retry(context.Background(), log, "respond", func(ctx context.Context) error {
		return b.session.InteractionRespond(i, &discordgo.InteractionResponse{Type: typ, Data: responseData(resp)}, discordgo.WithContext(ctx))
	})
}

// responseData is a reply as an interaction response: never a ping.
func responseData(resp Response) *discordgo.InteractionResponseData {
	d := &discordgo.InteractionResponseData{
		Content:         clip(resp.Content, maxContent),
		Embeds:          resp.Embeds,
		Components:      resp.Components,
		AllowedMentions: noMentions(),
	}
	if resp.Ephemeral && !resp.Update {
		d.Flags = discordgo.MessageFlagsEphemeral
	}
	return d
}

// messageSend is a reply to a message: a reply that pings no one, not even
// the author.
func messageSend(resp Response, to *discordgo.Message) *discordgo.MessageSend {
	return &discordgo.MessageSend{
		Content:         clip(resp.Content, maxContent),
		Embeds:          resp.Embeds,
		Components:      resp.Components,
		AllowedMentions: noMentions(),
		Reference:       to.SoftReference(),
	}
}

// retry calls Discord once more when the first call fails with a server
// error. discordgo itself retries a 502 (MaxRestRetries times) and sleeps
// through a 429; a 500, 503 or 504 it returns, and one retry is worth it
// there, as it is after a run of 502s that used up discordgo's retries.
// Every failure is logged with what was being done.
//
// Each attempt gets its own deadline, Config.Timeout within parent: a call
// Discord does not answer must not hold the request (and Close) forever.
func (b *Bot) retry(parent context.Context, log *slog.Logger, what string, call func(ctx context.Context) error) error {
	attempt := func() error {
		ctx, cancel := context.WithTimeout(parent, b.cfg.Timeout)
		defer cancel()
		return call(ctx)
	}
	err := attempt()
	if err != nil && serverError(err) {
		log.Warn("discord server error; retrying once", slog.String("call", what), slog.Any("err", redactErr(err)))
		err = attempt()
	}
	switch {
	case err != nil && parent.Err() != nil:
		// Stopped while the call was in flight (serve shutting down while
		// it connects): not a failure of Discord's.
		log.Info("discord call stopped", slog.String("call", what), slog.Any("err", redactErr(err)))
	case err != nil:
		log.Error("discord call failed", slog.String("call", what), slog.Any("err", redactErr(err)))
	}
	return err
}

// serverError reports whether Discord answered with a 5xx.
func serverError(err error) bool {
	var rest *discordgo.RESTError
	if errors.As(err, &rest) {
		return rest.Response != nil && rest.Response.StatusCode >= http.StatusInternalServerError
	}
	return retriesExhausted(err)
}

// retriesExhausted reports whether err is the one discordgo returns when
// every one of its own retries of a 502 failed. It is a plain error (not a
// *discordgo.RESTError, see RequestWithLockedBucket in restapi.go), so its
// message is all there is to recognise it by.
func retriesExhausted(err error) bool {
	return strings.Contains(err.Error(), "Exceeded Max retries HTTP 5")
}

// onMessage answers a message that mentions the bot, or any direct
// message, as /ask would, as a reply to it.
func (b *Bot) onMessage(_ *discordgo.Session, mc *discordgo.MessageCreate) {
	if mc == nil || mc.Message == nil || mc.Author == nil || mc.Author.Bot || !b.begin() {
		return
	}
	defer b.inflight.Done()
	m := mc.Message
	self := b.self()
	if self == "" || m.Author.ID == self {
		return
	}
	if m.Type != discordgo.MessageTypeDefault && m.Type != discordgo.MessageTypeReply {
		return // a join, a pin, a thread created: nothing to answer
	}
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), b.cfg.Timeout)
	defer cancel()
	role := b.selfRole(ctx, m, self)
	if m.GuildID != "" && !mentions(m, self, role) {
		b.log.Debug("message does not mention the bot; ignored", slog.String("message", m.ID))
		return
	}
	log := b.log.With(slog.String("message", m.ID), slog.String("command", "mention"), slog.String("user", m.Author.ID), slog.Bool("dm", m.GuildID == ""))
	resp := notice(slowDownText)
	allowed, first := b.limiter.check(m.Author.ID)
	if !allowed && !first {
		log.Info("rate limited; already told")
		return
	}
	switch {
	case allowed && m.Content == "" && role != "" && len(m.Attachments) == 0:
		// The message mentions the bot's role (selfRole returns "" for
		// a message that does not), yet a message that mentions
		// anything holds the mention in its text: Discord withheld it.
		log.Info("message text withheld by Discord; enable the Message Content intent to read role mentions")
		resp = notice(withheldText)
	case allowed:
		question := stripMention(m.Content, self, role)
		resp = b.call(ctx, log, func(ctx context.Context, _ request) (Response, error) {
			return b.h.answer(ctx, question, nil, false)
		}, request{UserID: m.Author.ID})
	default:
		log.Info("rate limited")
	}
	err := b.retry(context.Background(), log, "reply", func(ctx context.Context) error {
		_, err := b.session.ChannelMessageSendComplex(m.ChannelID, messageSend(resp, m), discordgo.WithContext(ctx))
		return err
	})
	if err == nil {
		log.Info("answered", slog.Duration("took", time.Since(start)))
	}
}
