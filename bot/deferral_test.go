package bot

import (
	"strconv"
	"testing"
	"time"
)

// snowflake is an ID Discord would give something created at t.
func snowflake(t time.Time) string {
	const discordEpoch = 1420070400000 // the first millisecond of 2015
	return strconv.FormatInt((t.UnixMilli()-discordEpoch)<<22|0x1234, 10)
}

func TestCreatedAt(t *testing.T) {
	at := time.Date(2026, 11, 25, 5, 30, 0, 123e6, time.UTC)
	tests := []struct {
		name string
		id   string
		want time.Time
	}{
		{"snowflake", snowflake(at), at},
		{"Discord's documented example", "175928847299117063", time.Date(2016, 4, 30, 11, 18, 25, 796e6, time.UTC)},
		{"not a number", "interaction-1", time.Time{}},
		{"empty", "", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := createdAt(tt.id); !got.Equal(tt.want) {
				t.Errorf("createdAt(%q) = %v; want %v", tt.id, got, tt.want)
			}
		})
	}
}

func TestDeferDelay(t *testing.T) {
	received := time.Date(2026, 11, 25, 5, 30, 0, 0, time.UTC)
	const after = 2 * time.Second
	tests := []struct {
		name    string
		created time.Time
		after   time.Duration
		want    time.Duration
	}{
		{"created on receipt", received, after, after},
		{"created 500ms before receipt: the wait is shorter", received.Add(-500 * time.Millisecond), after, 1500 * time.Millisecond},
		{"created just before the deferral is due", received.Add(-1999 * time.Millisecond), after, time.Millisecond},
		{"created when the deferral is due", received.Add(-after), after, 0},
		{"created past the deferral: defer at once, never a negative wait", received.Add(-2500 * time.Millisecond), after, 0},
		{"host clock far ahead of Discord's", received.Add(-time.Hour), after, 0},
		{"created after receipt (host clock behind): count from receipt", received.Add(time.Second), after, after},
		{"created far in the future: count from receipt", received.Add(24 * time.Hour), after, after},
		{"unknown creation time: count from receipt", time.Time{}, after, after},
		{"negative after: defer at once", received, -1, 0},
		{"negative after, created in the future", received.Add(time.Second), -1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := deferDelay(tt.created, received, tt.after); got != tt.want {
				t.Errorf("deferDelay(%v, %v, %v) = %v; want %v", tt.created, received, tt.after, got, tt.want)
			}
		})
	}
}
