package bot

import (
	"container/list"
	"crypto/sha256"
	"encoding/base32"
	"strconv"
	"strings"
	"sync"
	"time"

	"articlebot/index"
)

// Button custom IDs carry their own state where it is small (a paragraph,
// a page) and otherwise name an answer in the bot's answer cache. Each is
// "kind:arg:arg…", at most 100 characters.
const (
	idPara    = "para"  // para:<n>:<doc>: show paragraph n with its neighbours
	idMore    = "more"  // more:<key>:<page>: results of a cached answer, new private message
	idPage    = "page"  // page:<key>:<page>: the same, turning the page in place
	idShare   = "share" // share:<key>: post a private answer publicly
	idSpeaker = "spk"   // spk:<page>:<speaker index>:<doc>: a speaker's quotations, in place
)

func paraID(doc string, n int) (string, bool) {
	return fitID(idPara + ":" + strconv.Itoa(n) + ":" + doc)
}

func moreID(key string, page int) string { return idMore + ":" + key + ":" + strconv.Itoa(page) }
func pageID(key string, page int) string { return idPage + ":" + key + ":" + strconv.Itoa(page) }
func shareID(key string) string          { return idShare + ":" + key }

func speakerID(doc string, speaker, page int) (string, bool) {
	return fitID(idSpeaker + ":" + strconv.Itoa(page) + ":" + strconv.Itoa(speaker) + ":" + doc)
}

// fitID reports whether id fits Discord's limit. An article whose ID is too
// long for a button (over 80 bytes or so) gets no paragraph or paging
// buttons rather than broken ones.
func fitID(id string) (string, bool) { return id, len(id) <= maxCustomID }

// parseID splits a custom ID into its kind and n arguments; the last
// argument keeps any colons (article IDs may hold them).
func parseID(id string, n int) (kind string, args []string, ok bool) {
	parts := strings.SplitN(id, ":", n+1)
	if len(parts) != n+1 {
		return "", nil, false
	}
	return parts[0], parts[1:], true
}

// answerKey names a question's answer in the cache: the same question about
// the same article gets the same key, so custom IDs are stable and repeated
// questions share one entry.
func answerKey(article, question string) string {
	sum := sha256.Sum256([]byte(article + "\x00" + question))
	return strings.ToLower(base32.StdEncoding.EncodeToString(sum[:])[:12])
}

// cached is an answer kept for its buttons.
type cached struct {
	key     string
	article string
	answer  index.Answer
	expires time.Time
}

// answerCache keeps the most recent answers for their buttons, bounded in
// size and age: a button on an older answer gets a kind "ask again".
type answerCache struct {
	mu    sync.Mutex
	size  int
	ttl   time.Duration
	now   func() time.Time
	order *list.List // of *cached, most recent first
	byKey map[string]*list.Element
}

func newAnswerCache(size int, ttl time.Duration, now func() time.Time) *answerCache {
	return &answerCache{size: size, ttl: ttl, now: now, order: list.New(), byKey: map[string]*list.Element{}}
}

// put stores an answer and returns its key.
func (c *answerCache) put(article string, ans index.Answer) string {
	key := answerKey(article, ans.Question)
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.byKey[key]; ok {
		c.order.Remove(el)
	}
	c.byKey[key] = c.order.PushFront(&cached{key: key, article: article, answer: ans, expires: c.now().Add(c.ttl)})
	for c.order.Len() > c.size {
		old := c.order.Remove(c.order.Back()).(*cached)
		delete(c.byKey, old.key)
	}
	return key
}

// get returns the answer stored under key, unless it expired.
func (c *answerCache) get(key string) (*cached, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byKey[key]
	if !ok {
		return nil, false
	}
	e := el.Value.(*cached)
	if c.now().After(e.expires) {
		c.order.Remove(el)
		delete(c.byKey, key)
		return nil, false
	}
	return e, true
}
