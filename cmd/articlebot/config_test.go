package main

import (
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func mapEnv(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestLoadConfig(t *testing.T) {
	dir := t.TempDir()
	envFile := filepath.Join(dir, ".env")
	if err := os.WriteFile(envFile, []byte("DISCORD_TOKEN=from-file\nDISCORD_GUILD_ID=123456789012345678\nLOG_LEVEL=debug\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		env     map[string]string
		file    string
		want    Config
		wantErr string
	}{
		{
			name: "nothing set",
			file: filepath.Join(dir, "missing.env"),
			want: Config{LogLevel: slog.LevelInfo},
		},
		{
			name: "file only",
			file: envFile,
			want: Config{Token: "from-file", GuildID: "123456789012345678", LogLevel: slog.LevelDebug},
		},
		{
			name: "environment wins over file",
			env:  map[string]string{"DISCORD_TOKEN": "from-env", "LOG_LEVEL": "warn", "ARTICLEBOT_CORPUS": "articles/"},
			file: envFile,
			want: Config{Token: "from-env", GuildID: "123456789012345678", LogLevel: slog.LevelWarn, CorpusPath: "articles/"},
		},
		{
			name: "api url and index",
			env:  map[string]string{"DISCORD_API_URL": "http://127.0.0.1:8080", "ARTICLEBOT_INDEX": "/var/lib/articlebot"},
			want: Config{APIURL: "http://127.0.0.1:8080", IndexPath: "/var/lib/articlebot"},
		},
		{
			name:    "bad log level",
			env:     map[string]string{"LOG_LEVEL": "loud"},
			wantErr: `LOG_LEVEL is "loud": use debug, info, warn or error`,
		},
		{
			name:    "guild id is not a number",
			env:     map[string]string{"DISCORD_GUILD_ID": "my server"},
			wantErr: `DISCORD_GUILD_ID is "my server"`,
		},
		{
			name:    "api url without scheme",
			env:     map[string]string{"DISCORD_API_URL": "localhost:8080"},
			wantErr: `DISCORD_API_URL is "localhost:8080"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := LoadConfig(mapEnv(tt.env), tt.file)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("LoadConfig() error = %v; want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("LoadConfig() error = %v", err)
			}
			if got != tt.want {
				t.Errorf("LoadConfig() = %+v; want %+v", got, tt.want)
			}
		})
	}
}

func TestLoadConfigUnreadableFile(t *testing.T) {
	dir := t.TempDir() // a folder is not a readable .env file
	_, err := LoadConfig(mapEnv(nil), dir)
	if err == nil || !strings.Contains(err.Error(), "read settings from") {
		t.Fatalf("LoadConfig(folder) error = %v; want a read error", err)
	}
}

func TestCheckServe(t *testing.T) {
	err := Config{}.CheckServe()
	if err == nil || !strings.HasPrefix(err.Error(), "DISCORD_TOKEN is not set") {
		t.Errorf("CheckServe() without token = %v; want DISCORD_TOKEN is not set…", err)
	}
	if err := (Config{Token: "x"}).CheckServe(); err != nil {
		t.Errorf("CheckServe() with token = %v; want nil", err)
	}
}
