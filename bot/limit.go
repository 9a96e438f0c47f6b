package bot

import (
	"slices"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// userLimiter is a per-user token bucket, so that one member cannot keep
// the bot busy for everyone. It holds at most max users: users idle long
// enough for their bucket to refill are dropped first (a fresh bucket is
// the same), then the least recently seen.
type userLimiter struct {
	mu    sync.Mutex
	every time.Duration
	burst int
	max   int
	now   func() time.Time
	users map[string]*userBucket
}

type userBucket struct {
	lim    *rate.Limiter
	seen   time.Time
	warned bool // told to slow down since last allowed
}

func newUserLimiter(every time.Duration, burst, max int, now func() time.Time) *userLimiter {
	return &userLimiter{every: every, burst: burst, max: max, now: now, users: map[string]*userBucket{}}
}

// allow reports whether user may be answered now, and spends a token if so.
// A nil limiter allows everything.
func (l *userLimiter) allow(user string) bool {
	ok, _ := l.take(user, false)
	return ok
}

// check is allow that also reports, when user is refused, whether this is
// the first refusal of a message since they were last allowed: a message,
// unlike an interaction, needs no reply, and one "slow down" is enough.
func (l *userLimiter) check(user string) (ok, first bool) { return l.take(user, true) }

func (l *userLimiter) take(user string, message bool) (ok, first bool) {
	if l == nil {
		return true, false
	}
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	u := l.users[user]
	if u == nil {
		if len(l.users) >= l.max {
			l.prune(now)
		}
		u = &userBucket{lim: rate.NewLimiter(rate.Every(l.every), l.burst)}
		l.users[user] = u
	}
	u.seen = now
	if u.lim.AllowN(now, 1) {
		u.warned = false
		return true, false
	}
	if !message {
		return false, true
	}
	first = !u.warned
	u.warned = true
	return false, first
}

// prune makes room for at least one more user; l.mu is held.
func (l *userLimiter) prune(now time.Time) {
	full := l.every * time.Duration(l.burst)
	for id, u := range l.users {
		if now.Sub(u.seen) >= full {
			delete(l.users, id)
		}
	}
	if len(l.users) < l.max {
		return
	}
	ids := make([]string, 0, len(l.users))
	for id := range l.users {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int { return l.users[a].seen.Compare(l.users[b].seen) })
	for _, id := range ids[:len(ids)-l.max/2] {
		delete(l.users, id)
	}
}
