package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"articlebot/bot"
	"articlebot/index"
)

// runServe runs the Discord bot until ctx is done (SIGINT or SIGTERM).
func runServe(ctx context.Context, e env, args []string) error {
	var c commonFlags
	fs := newFlagSet("serve", e, &c, true)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs, ""); err != nil {
		return err
	}
	cfg, log, err := setup(e, c)
	if err != nil {
		return err
	}
	// The token is checked before the slow work, so that a newcomer's first
	// run fails at once with what to set.
	if err := cfg.CheckServe(); err != nil {
		return err
	}
	// discordgo logs through one function for the whole process, not one
	// per session: route it to our logger, redacted, once, here at the
	// start of serve, before any session exists.
	bot.RouteDiscordLogs(log, cfg.Token)
	corp, err := loadCorpus(cfg, log)
	if err != nil {
		return err
	}

	start := time.Now()
	log.Info("opening the index", slog.Int("articles", len(corp.Articles)), slog.String("path", cfg.IndexPath))
	ix, err := index.Open(ctx, corp, index.Options{
		Path: cfg.IndexPath,
		Progress: func(done, total int) {
			log.Info("indexing", slog.Int("done", done), slog.Int("total", total))
		},
	})
	if err != nil {
		return fmt.Errorf("open index: %w", err)
	}
	log.Info("index ready", slog.Duration("took", time.Since(start)))

	b, err := bot.New(bot.Config{
		Token:   cfg.Token,
		GuildID: cfg.GuildID,
		APIURL:  cfg.APIURL,
		Log:     log,
	}, corp, ix)
	if err != nil {
		return errors.Join(err, closeIndex(ix))
	}
	if err := b.Open(ctx); err != nil {
		cerr := b.Close()
		if ctx.Err() != nil {
			// Stopped while connecting: a shutdown, not a failure.
			log.Info("shutting down")
			return errors.Join(cerr, closeIndex(ix))
		}
		return errors.Join(err, cerr, closeIndex(ix))
	}
	log.Info("ready; to add the bot to a server, open the invite URL", slog.String("invite", b.InviteURL()),
		slog.Bool("guild_commands", cfg.GuildID != ""))

	<-ctx.Done()
	log.Info("shutting down")
	return errors.Join(b.Close(), closeIndex(ix))
}

func closeIndex(ix *index.Index) error {
	if err := ix.Close(); err != nil {
		return fmt.Errorf("close index: %w", err)
	}
	return nil
}
