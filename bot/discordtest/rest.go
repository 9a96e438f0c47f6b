package discordtest

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// fault is a FailNext or DelayNext rule.
type fault struct {
	method, prefix string
	n              int
	status         int
	retryAfter     time.Duration
	delay          time.Duration
}

func (f *fault) matches(method, path string) bool {
	return f.n > 0 && (f.method == "" || strings.EqualFold(f.method, method)) && strings.HasPrefix(path, f.prefix)
}

// FailNext answers the next n REST calls whose method is method ("" for
// any) and whose path starts with pathPrefix (such as
// "/api/v9/interactions/") with status instead of handling them: 429 comes
// with Discord's retry_after body and rate-limit headers (retryAfter is
// what they say), any other status with a JSON error. A refused call has no
// effect, so a retry can succeed.
func (s *Server) FailNext(method, pathPrefix string, n int, status int, retryAfter time.Duration) {
	s.mu.Lock()
	s.fails = append(s.fails, &fault{method: method, prefix: pathPrefix, n: n, status: status, retryAfter: retryAfter})
	s.mu.Unlock()
}

// DelayNext holds the answer to the next n matching REST calls for d. The
// call takes effect when the delay ends, and only if the client is still
// waiting: a client that gave up (a deadline) changed nothing, and its
// request is recorded with Status 0.
func (s *Server) DelayNext(method, pathPrefix string, n int, d time.Duration) {
	s.mu.Lock()
	s.delays = append(s.delays, &fault{method: method, prefix: pathPrefix, n: n, delay: d})
	s.mu.Unlock()
}

// ResetFaults forgets the FailNext and DelayNext rules not yet used up, so
// that a test's faults cannot leak into the next one.
func (s *Server) ResetFaults() {
	s.mu.Lock()
	s.fails, s.delays = nil, nil
	s.mu.Unlock()
}

// takeFault consumes the first rule of rules that matches.
func takeFault(rules []*fault, method, path string) *fault {
	for _, f := range rules {
		if f.matches(method, path) {
			f.n--
			return f
		}
	}
	return nil
}

// reply is what a route answers.
type reply struct {
	status int
	body   []byte
	header http.Header
}

func jsonReply(status int, v any) reply {
	b, err := json.Marshal(v)
	if err != nil {
		return errorReply(http.StatusInternalServerError, 0, "discordtest: "+err.Error())
	}
	return reply{status: status, body: b}
}

func errorReply(status, code int, msg string) reply {
	return jsonReply(status, map[string]any{"message": msg, "code": code})
}

// Discord's JSON error codes the fake uses.
const (
	codeUnknownMessage     = 10008
	codeUnknownWebhook     = 10015
	codeUnknownInteraction = 10062
	codeEmptyMessage       = 50006
	codeInvalidFormBody    = 50035
	codeAlreadyAcked       = 40060
)

func notFound() reply { return errorReply(http.StatusNotFound, 0, "404: Not Found") }

// formError is Discord's 400 Invalid Form Body, naming the field at fault.
func formError(field, msg string) reply {
	return jsonReply(http.StatusBadRequest, map[string]any{
		"message": "Invalid Form Body",
		"code":    codeInvalidFormBody,
		"errors": map[string]any{field: map[string]any{
			"_errors": []any{map[string]string{"code": "BASE_TYPE_INVALID", "message": msg}},
		}},
	})
}

// serveREST records, delays or fails the call as the test asked, then
// answers it like Discord.
func (s *Server) serveREST(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	req := Request{
		Method: r.Method,
		Path:   r.URL.Path,
		Query:  r.URL.Query(),
		Header: r.Header.Clone(),
		Body:   body,
		Time:   time.Now(),
	}
	callbackOf := ""
	if seg := strings.Split(strings.TrimPrefix(req.Path, apiPrefix+"/"), "/"); len(seg) == 4 && seg[0] == "interactions" && seg[3] == "callback" {
		callbackOf = seg[1]
	}

	s.mu.Lock()
	delay := takeFault(s.delays, req.Method, req.Path)
	fail := takeFault(s.fails, req.Method, req.Path)
	s.mu.Unlock()
	if delay != nil {
		t := time.NewTimer(delay.delay)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			s.record(req, callbackOf)
			return
		case <-s.done:
			t.Stop()
			s.record(req, callbackOf)
			return
		}
	}

	var rep reply
	if fail != nil {
		rep = failReply(fail, req.Path)
	} else {
		rep = s.route(req)
	}
	req.Status, req.Response = rep.status, rep.body
	s.record(req, callbackOf)

	for k, v := range rep.header {
		w.Header()[k] = v
	}
	if rep.body != nil {
		w.Header().Set("Content-Type", "application/json")
	}
	w.WriteHeader(rep.status)
	w.Write(rep.body)
}

// failReply is a 429 with Discord's rate-limit body and headers, or an
// error status.
func failReply(f *fault, path string) reply {
	if f.status != http.StatusTooManyRequests {
		return errorReply(f.status, 0, fmt.Sprintf("%d: %s", f.status, http.StatusText(f.status)))
	}
	secs := f.retryAfter.Seconds()
	rep := jsonReply(http.StatusTooManyRequests, map[string]any{
		"message":     "You are being rate limited.",
		"retry_after": secs,
		"global":      false,
	})
	after := strconv.FormatFloat(secs, 'f', 3, 64)
	rep.header = http.Header{
		"Retry-After":             {strconv.Itoa(int(math.Ceil(secs)))},
		"X-Ratelimit-Limit":       {"1"},
		"X-Ratelimit-Remaining":   {"0"},
		"X-Ratelimit-Reset-After": {after},
		"X-Ratelimit-Reset":       {strconv.FormatFloat(float64(time.Now().Add(f.retryAfter).UnixMilli())/1000, 'f', 3, 64)},
		"X-Ratelimit-Bucket":      {bucketOf(path)},
		"X-Ratelimit-Scope":       {"user"},
	}
	return rep
}

// bucketOf names the rate-limit bucket of a path, an opaque hash as
// Discord's are.
func bucketOf(path string) string {
	h := fnv.New64a()
	h.Write([]byte(path))
	return fmt.Sprintf("%016x", h.Sum64())
}

// route answers one REST call as Discord would.
func (s *Server) route(req Request) reply {
	if !strings.HasPrefix(req.Path, apiPrefix+"/") {
		return notFound()
	}
	seg := strings.Split(strings.TrimPrefix(req.Path, apiPrefix+"/"), "/")
	// GET /gateway is public, and interaction callbacks and webhooks
	// authenticate by the token in their path; the rest needs the bot token.
	public := seg[0] == "interactions" || seg[0] == "webhooks" || (len(seg) == 1 && seg[0] == "gateway")
	if !public && req.Header.Get("Authorization") != "Bot "+Token {
		return errorReply(http.StatusUnauthorized, 0, "401: Unauthorized")
	}
	m := req.Method
	switch {
	case m == http.MethodGet && len(seg) == 1 && seg[0] == "gateway":
		return jsonReply(http.StatusOK, map[string]string{"url": "ws://" + s.hs.Listener.Addr().String() + "/gateway"})
	case m == http.MethodGet && len(seg) == 2 && seg[0] == "gateway" && seg[1] == "bot":
		return jsonReply(http.StatusOK, map[string]any{
			"url":    "ws://" + s.hs.Listener.Addr().String() + "/gateway",
			"shards": 1,
			"session_start_limit": map[string]int{
				"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1,
			},
		})
	case m == http.MethodGet && len(seg) == 2 && seg[0] == "users" && seg[1] == "@me":
		return jsonReply(http.StatusOK, botUser())
	case len(seg) >= 3 && seg[0] == "applications" && seg[len(seg)-1] == "commands" &&
		(len(seg) == 3 || (len(seg) == 5 && seg[2] == "guilds")):
		if seg[1] != AppID {
			return errorReply(http.StatusForbidden, 50001, "Missing Access")
		}
		guild := ""
		if len(seg) == 5 {
			guild = seg[3]
		}
		switch m {
		case http.MethodPut:
			return s.overwriteCommands(guild, req.Body)
		case http.MethodGet:
			s.mu.Lock()
			defer s.mu.Unlock()
			return jsonReply(http.StatusOK, append([]json.RawMessage{}, s.commands[guild]...))
		}
	case m == http.MethodPost && len(seg) == 4 && seg[0] == "interactions" && seg[3] == "callback":
		return s.callback(seg[1], seg[2], req.Body, req.Time)
	case len(seg) >= 3 && seg[0] == "webhooks":
		return s.webhook(m, seg[1], seg[2], seg[3:], req)
	case m == http.MethodPost && len(seg) == 3 && seg[0] == "channels" && seg[2] == "messages":
		return s.channelMessage(seg[1], req.Body)
	case m == http.MethodGet && len(seg) == 3 && seg[0] == "guilds" && seg[2] == "roles":
		if seg[1] != GuildID {
			return errorReply(http.StatusNotFound, 10004, "Unknown Guild")
		}
		return jsonReply(http.StatusOK, guildRoles())
	case m == http.MethodPost && len(seg) == 3 && seg[0] == "channels" && seg[2] == "typing":
		return reply{status: http.StatusNoContent}
	}
	return notFound()
}

// overwriteCommands replaces the commands of the application (guild "")
// or of one guild, checking Discord's limits, and echoes them with IDs.
func (s *Server) overwriteCommands(guild string, body []byte) reply {
	var cmds []map[string]json.RawMessage
	if err := json.Unmarshal(body, &cmds); err != nil {
		return formError("_root", "Not a list of commands: "+err.Error())
	}
	if len(cmds) > 100 {
		return formError("_root", "Must be 100 or fewer in length.")
	}
	seen := map[string]bool{}
	out := make([]json.RawMessage, 0, len(cmds))
	for k, c := range cmds {
		var cmd struct {
			Name        string          `json:"name"`
			Description string          `json:"description"`
			Type        int             `json:"type"`
			Options     []commandOption `json:"options"`
		}
		raw, _ := json.Marshal(c)
		if err := json.Unmarshal(raw, &cmd); err != nil {
			return formError(fmt.Sprintf("%d", k), err.Error())
		}
		if cmd.Type == 0 || cmd.Type == int(discordgo.ChatApplicationCommand) {
			if field, msg := checkChatCommand(cmd.Name, cmd.Description, cmd.Options); msg != "" {
				return formError(fmt.Sprintf("%d.%s", k, field), msg)
			}
		}
		if seen[cmd.Name] {
			return formError(fmt.Sprintf("%d.name", k), "Application command names must be unique")
		}
		seen[cmd.Name] = true
		c["id"], _ = json.Marshal(s.newID())
		c["application_id"], _ = json.Marshal(AppID)
		c["version"], _ = json.Marshal(s.newID())
		if guild != "" {
			c["guild_id"], _ = json.Marshal(guild)
		}
		if _, ok := c["type"]; !ok {
			c["type"] = json.RawMessage("1")
		}
		b, _ := json.Marshal(c)
		out = append(out, b)
	}
	s.mu.Lock()
	s.commands[guild] = out
	s.mu.Unlock()
	return jsonReply(http.StatusOK, out)
}

// commandOption is an application command option as declared.
type commandOption struct {
	Type         int               `json:"type"`
	Name         string            `json:"name"`
	Description  string            `json:"description"`
	Required     bool              `json:"required"`
	Autocomplete bool              `json:"autocomplete"`
	Choices      []json.RawMessage `json:"choices"`
	Options      []commandOption   `json:"options"`
}

// checkChatCommand checks a slash command's name, description and options
// against Discord's rules; it returns the field at fault and why.
func checkChatCommand(name, desc string, opts []commandOption) (field, msg string) {
	if !validCommandName(name) {
		return "name", fmt.Sprintf("Command name %q is invalid: 1-32 lowercase letters, digits, - or _", name)
	}
	if n := len([]rune(desc)); n < 1 || n > 100 {
		return "description", "Must be between 1 and 100 in length."
	}
	if len(opts) > 25 {
		return "options", "Must be 25 or fewer in length."
	}
	optional := false
	for k, o := range opts {
		f := fmt.Sprintf("options.%d", k)
		if !validCommandName(o.Name) {
			return f + ".name", fmt.Sprintf("Option name %q is invalid", o.Name)
		}
		if n := len([]rune(o.Description)); n < 1 || n > 100 {
			return f + ".description", "Must be between 1 and 100 in length."
		}
		if o.Autocomplete && len(o.Choices) > 0 {
			return f + ".autocomplete", "Autocomplete cannot be set with choices"
		}
		if len(o.Choices) > 25 {
			return f + ".choices", "Must be 25 or fewer in length."
		}
		if o.Type == int(discordgo.ApplicationCommandOptionSubCommand) || o.Type == int(discordgo.ApplicationCommandOptionSubCommandGroup) {
			if sf, sm := checkChatCommand(o.Name, o.Description, o.Options); sm != "" {
				return f + "." + sf, sm
			}
			continue
		}
		if o.Required && optional {
			return f + ".required", "Required options must be placed before non-required options"
		}
		optional = optional || !o.Required
	}
	return "", ""
}

func validCommandName(n string) bool {
	if l := len([]rune(n)); l < 1 || l > 32 {
		return false
	}
	for _, r := range n {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}
