package main

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"strings"

	"github.com/joho/godotenv"
)

// Config is every setting of the program, loaded once at start.
type Config struct {
	// Token is the Discord bot token (DISCORD_TOKEN). Never log it.
	Token string
	// GuildID, when set, registers the commands to that one server, which
	// takes effect at once (DISCORD_GUILD_ID).
	GuildID string
	// CorpusPath is an article file or a folder of them; "" means the
	// embedded article (ARTICLEBOT_CORPUS).
	CorpusPath string
	// IndexPath is the folder of an on-disk index; "" means in memory
	// (ARTICLEBOT_INDEX).
	IndexPath string
	// LogLevel is debug, info, warn or error (LOG_LEVEL).
	LogLevel slog.Level
	// APIURL is the base URL of the Discord REST API, for a rate-limit proxy
	// or a test server; "" means Discord's own (DISCORD_API_URL).
	APIURL string
}

// LoadConfig reads the settings from the environment, falling back to the
// file envFile (in .env format; a missing file is fine), and checks them.
// It never changes the process environment.
func LoadConfig(getenv func(string) string, envFile string) (Config, error) {
	file := map[string]string{}
	if envFile != "" {
		m, err := godotenv.Read(envFile)
		switch {
		case err == nil:
			file = m
		case errors.Is(err, fs.ErrNotExist):
		default:
			return Config{}, fmt.Errorf("read settings from %s: %w", envFile, err)
		}
	}
	get := func(key string) string {
		if v := strings.TrimSpace(getenv(key)); v != "" {
			return v
		}
		return strings.TrimSpace(file[key])
	}

	cfg := Config{
		Token:      get("DISCORD_TOKEN"),
		GuildID:    get("DISCORD_GUILD_ID"),
		CorpusPath: get("ARTICLEBOT_CORPUS"),
		IndexPath:  get("ARTICLEBOT_INDEX"),
		APIURL:     get("DISCORD_API_URL"),
	}
	var errs []error
	if lvl := get("LOG_LEVEL"); lvl != "" {
		if err := cfg.LogLevel.UnmarshalText([]byte(lvl)); err != nil {
			errs = append(errs, fmt.Errorf("LOG_LEVEL is %q: use debug, info, warn or error", lvl))
		}
	}
	if cfg.GuildID != "" && !isSnowflake(cfg.GuildID) {
		errs = append(errs, fmt.Errorf("DISCORD_GUILD_ID is %q: it should be the server's numeric ID (Discord: Developer Mode on, right-click the server, Copy Server ID)", cfg.GuildID))
	}
	if cfg.APIURL != "" {
		u, err := url.Parse(cfg.APIURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			errs = append(errs, fmt.Errorf("DISCORD_API_URL is %q: it should be a URL such as http://127.0.0.1:8080", cfg.APIURL))
		}
	}
	return cfg, errors.Join(errs...)
}

// CheckServe reports what is missing to run the bot.
func (c Config) CheckServe() error {
	if c.Token == "" {
		return errors.New("DISCORD_TOKEN is not set: copy .env.example to .env and put your bot's token there (README: Hosting the bot)")
	}
	return nil
}

func isSnowflake(s string) bool {
	if len(s) < 5 || len(s) > 20 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
