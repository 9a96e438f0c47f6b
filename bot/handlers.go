package bot

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/bwmarrin/discordgo"

	"articlebot/corpus"
	"articlebot/index"
)

// request is an interaction or a message, parsed: all a handler sees.
type request struct {
	// Command is the slash command's name, "" for a button.
	Command string
	// Options holds the command's options by name: string, bool or
	// float64 (Discord sends integers as JSON numbers).
	Options map[string]any
	// Focused is the option being typed, for autocomplete.
	Focused string
	// CustomID is the pressed button's ID.
	CustomID string
	// UserID is who asked.
	UserID string
}

func (r request) str(name string) string {
	s, _ := r.Options[name].(string)
	return strings.TrimSpace(s)
}

func (r request) bool(name string) bool {
	b, _ := r.Options[name].(bool)
	return b
}

// int returns an integer option and whether it is present and whole.
func (r request) int(name string) (int, bool) {
	switch v := r.Options[name].(type) {
	case float64:
		if v != float64(int(v)) {
			return 0, false
		}
		return int(v), true
	case string: // an integer typed into a string option
		n, err := strconv.Atoi(strings.TrimSpace(v))
		return n, err == nil
	}
	return 0, false
}

// parseRequest reads what a handler needs from an interaction.
func parseRequest(i *discordgo.Interaction) request {
	r := request{Options: map[string]any{}}
	switch {
	case i.Member != nil && i.Member.User != nil:
		r.UserID = i.Member.User.ID
	case i.User != nil:
		r.UserID = i.User.ID
	}
	switch i.Type {
	case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete:
		data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
		if !ok {
			return r
		}
		r.Command = data.Name
		for _, o := range data.Options {
			if o == nil {
				continue
			}
			r.Options[o.Name] = o.Value
			if o.Focused {
				r.Focused = o.Name
			}
		}
	case discordgo.InteractionMessageComponent:
		if data, ok := i.Data.(discordgo.MessageComponentInteractionData); ok {
			r.CustomID = data.CustomID
		}
	}
	return r
}

// handlers answer requests from the corpus and the index. They hold only
// what answering needs (no session, no token) and never call Discord.
type handlers struct {
	corpus  *corpus.Corpus
	search  Searcher
	answers *answerCache
	limit   int // results asked of the index for a question

	randMu sync.Mutex
	rand   *rand.Rand
}

// Messages for the user when something is not right.
const (
	expiredText  = "That answer is too old for me to remember. Please ask again with /ask."
	brokenButton = "This button no longer works. Please run the command again."
	searchFailed = "Sorry, I could not search the article just now. Please try again in a moment."
	apologyText  = "Sorry, something went wrong on my side while answering. Please try again."
	slowDownText = "You are asking faster than I can answer. Please wait a few seconds and try again."
	// withheldText answers a mention whose text Discord did not send: a
	// message that mentions the bot holds the mention in its text, so an
	// empty one was withheld (a mention of the bot's role, without the
	// Message Content intent, may not count as mentioning the bot).
	withheldText = "Discord did not show me the text of that message. Mention me by name (not my role) or use /ask."
)

// article returns the article the request names, or nil for all of them
// (one article loaded, or none chosen); a name that matches nothing is an
// error message for the user.
func (h *handlers) article(r request) (*corpus.Article, string) {
	id := r.str(optArticle)
	if len(h.corpus.Articles) == 1 {
		return h.corpus.Articles[0], ""
	}
	if id == "" {
		return nil, ""
	}
	if a := h.corpus.Article(id); a != nil {
		return a, ""
	}
	return nil, fmt.Sprintf("I have no article “%s”. /articles lists them.", escape(id))
}

// oneArticle is article for commands about a single article: without a
// choice, the first one.
func (h *handlers) oneArticle(r request) (*corpus.Article, string) {
	a, msg := h.article(r)
	if a == nil && msg == "" {
		a = h.corpus.Articles[0]
	}
	return a, msg
}

func (h *handlers) ask(ctx context.Context, r request) (Response, error) {
	a, msg := h.article(r)
	if msg != "" {
		return notice(msg), nil
	}
	resp, err := h.answer(ctx, r.str("question"), a, r.bool("private"))
	if err != nil {
		return Response{}, err
	}
	if resp.Content == notAQuestion {
		resp.Ephemeral = true
	}
	return resp, nil
}

// answer asks the index and renders its answer; a is nil to search every
// article.
func (h *handlers) answer(ctx context.Context, question string, a *corpus.Article, private bool) (Response, error) {
	opts := index.AskOptions{Limit: h.limit}
	if a != nil && len(h.corpus.Articles) > 1 {
		opts.Article = a.ID
	}
	ans, err := h.search.Ask(ctx, question, opts)
	if err != nil {
		return Response{}, fmt.Errorf("ask %q: %w", question, err)
	}
	if ans.Question == "" {
		ans.Question = question
	}
	key := ""
	if ans.Status != index.NotAQuestion && len(ans.Results) > 0 {
		key = h.answers.put(opts.Article, ans)
	}
	return renderAnswer(h.corpus, ans, key, private), nil
}

func (h *handlers) speaker(_ context.Context, r request) (Response, error) {
	name := r.str("name")
	a, msg := h.article(r)
	if msg != "" {
		return notice(msg), nil
	}
	arts := h.corpus.Articles
	if a != nil {
		arts = []*corpus.Article{a}
	}
	hits := findSpeaker(arts, name)
	switch len(hits) {
	case 0:
		where := "the article"
		if len(arts) > 1 {
			where = "any of the articles"
		}
		return notice(fmt.Sprintf("I found no one called “%s” in %s. /speakers lists everyone quoted.", escape(name), where)), nil
	case 1:
		return h.renderSpeakerPage(hits[0].article, hits[0].speaker.Name, 0), nil
	}
	return renderSpeakerAcross(hits, func(hit speakerHit) string {
		id, ok := speakerID(hit.article.ID, hit.index, 0)
		if !ok {
			return ""
		}
		return id
	}), nil
}

// findSpeaker finds a person in every article of arts that names them:
// each article's best match for name (see corpus.Article.FindSpeakers).
// When some article knows the name exactly (a name or alias, ignoring
// case, punctuation, a leading title and "the"; see corpus.Speaker.Named),
// articles that only come near it (a typo away, a surname alone, or a
// role in a description) are left out: there the name is likely someone
// else's.
func findSpeaker(arts []*corpus.Article, name string) []speakerHit {
	var exact, near []speakerHit
	for _, a := range arts {
		found := a.FindSpeakers(name)
		if len(found) == 0 {
			continue
		}
		s := found[0]
		hit := speakerHit{article: a, speaker: s, index: slices.IndexFunc(a.Speakers, func(x corpus.Speaker) bool { return x.Name == s.Name })}
		if s.Named(name) {
			exact = append(exact, hit)
		} else {
			near = append(near, hit)
		}
	}
	if len(exact) > 0 {
		return exact
	}
	return near
}

// renderSpeakerPage renders a speaker's page with paging buttons.
func (h *handlers) renderSpeakerPage(a *corpus.Article, name string, page int) Response {
	idx := -1
	for i, s := range a.Speakers {
		if s.Name == name {
			idx = i
			break
		}
	}
	if idx < 0 {
		return notice(brokenButton)
	}
	var id func(int) string
	// The longest ID a page button can get; an article ID too long for it
	// means no paging buttons rather than a message Discord refuses.
	if _, ok := speakerID(a.ID, idx, -len(a.Quotes)); ok {
		id = func(p int) string {
			id, _ := speakerID(a.ID, idx, p)
			return id
		}
	}
	return renderSpeaker(a, a.Speakers[idx], page, id)
}

func (h *handlers) speakers(_ context.Context, r request) (Response, error) {
	a, msg := h.oneArticle(r)
	if msg != "" {
		return notice(msg), nil
	}
	return renderSpeakers(a), nil
}

func (h *handlers) quote(ctx context.Context, r request) (Response, error) {
	a, msg := h.article(r)
	if msg != "" {
		return notice(msg), nil
	}
	text := r.str("text")
	if text == "" {
		return h.randomQuote(a), nil
	}
	opts := index.AskOptions{Limit: 1}
	if a != nil && len(h.corpus.Articles) > 1 {
		opts.Article = a.ID
	}
	found, err := h.search.FindQuotes(ctx, text, opts)
	if err != nil {
		return Response{}, fmt.Errorf("find quotes %q: %w", text, err)
	}
	if len(found) == 0 {
		return notice(fmt.Sprintf("No quotation matches “%s”. Try /quote without text for a random one.", escape(clip(text, 200)))), nil
	}
	return renderQuote(h.corpus, found[0]), nil
}

// randomQuote picks one quotation (not reported speech) from the article,
// or from all of them.
func (h *handlers) randomQuote(a *corpus.Article) Response {
	arts := h.corpus.Articles
	if a != nil {
		arts = []*corpus.Article{a}
	}
	var pool []index.Result
	for _, a := range arts {
		for _, q := range a.Quotes {
			if q.Kind == corpus.Indirect {
				continue
			}
			pool = append(pool, index.Result{Doc: a.ID, Paragraph: q.Paragraph, Kind: q.Kind, Speaker: q.Speaker, Text: q.Text})
		}
	}
	if len(pool) == 0 {
		return notice("The article has no quotations.")
	}
	h.randMu.Lock()
	i := h.rand.IntN(len(pool))
	h.randMu.Unlock()
	return renderQuote(h.corpus, pool[i])
}

func (h *handlers) paragraph(_ context.Context, r request) (Response, error) {
	a, msg := h.oneArticle(r)
	if msg != "" {
		return notice(msg), nil
	}
	n, ok := r.int("number")
	if !ok {
		return notice(fmt.Sprintf("Give a paragraph number from 1 to %d.", len(a.Paragraphs))), nil
	}
	return renderParagraph(a, n, false), nil
}

func (h *handlers) about(_ context.Context, r request) (Response, error) {
	a, msg := h.article(r)
	if msg != "" {
		return notice(msg), nil
	}
	if len(h.corpus.Articles) == 1 {
		a = nil
	}
	resp := renderAbout(h.corpus, a)
	resp.Ephemeral = true
	return resp, nil
}

func (h *handlers) articles(context.Context, request) (Response, error) {
	return renderArticles(h.corpus), nil
}

// button answers a button press from the state in its custom ID.
func (h *handlers) button(_ context.Context, r request) (Response, error) {
	kind, _, _ := strings.Cut(r.CustomID, ":")
	switch kind {
	case idPara:
		_, args, ok := parseID(r.CustomID, 2)
		if !ok {
			break
		}
		n, err := strconv.Atoi(args[0])
		a := h.corpus.Article(args[1])
		if err != nil || a == nil {
			break
		}
		return renderParagraph(a, n, true), nil
	case idMore, idPage:
		_, args, ok := parseID(r.CustomID, 2)
		if !ok {
			break
		}
		page, err := strconv.Atoi(args[1])
		if err != nil {
			break
		}
		c, ok := h.answers.get(args[0])
		if !ok {
			return notice(expiredText), nil
		}
		resp := renderResults(h.corpus, c.answer, c.key, page)
		resp.Update = kind == idPage
		return resp, nil
	case idShare:
		_, args, ok := parseID(r.CustomID, 1)
		if !ok {
			break
		}
		c, ok := h.answers.get(args[0])
		if !ok {
			return notice(expiredText), nil
		}
		resp := renderAnswer(h.corpus, c.answer, c.key, false)
		resp.Content = clip("<@"+r.UserID+"> shared an answer. "+resp.Content, maxContent)
		return resp, nil
	case idSpeaker:
		_, args, ok := parseID(r.CustomID, 3)
		if !ok {
			break
		}
		page, err1 := strconv.Atoi(args[0])
		idx, err2 := strconv.Atoi(args[1])
		a := h.corpus.Article(args[2])
		if err1 != nil || err2 != nil || a == nil || idx < 0 || idx >= len(a.Speakers) {
			break
		}
		resp := h.renderSpeakerPage(a, a.Speakers[idx].Name, page)
		resp.Update = true
		return resp, nil
	}
	return notice(brokenButton), nil
}

// complete suggests values for the option being typed.
func (h *handlers) complete(r request) []*discordgo.ApplicationCommandOptionChoice {
	typed := r.str(r.Focused)
	switch r.Focused {
	case optArticle:
		return h.completeArticle(typed)
	case "name":
		a, _ := h.article(r)
		return h.completeSpeaker(a, typed)
	}
	return []*discordgo.ApplicationCommandOptionChoice{}
}

// completeSpeaker suggests speakers and people only mentioned whose name
// or an alias matches what was typed, each with who they are. A person in
// several articles is suggested once: quoted if any article quotes them,
// described as the first article that describes them does.
func (h *handlers) completeSpeaker(a *corpus.Article, typed string) []*discordgo.ApplicationCommandOptionChoice {
	arts := h.corpus.Articles
	if a != nil {
		arts = []*corpus.Article{a}
	}
	var found []corpus.Speaker
	var in []int             // how many articles name found[i]
	seen := map[string]int{} // lower-case name → index in found
	for _, a := range arts {
		for _, s := range a.MatchSpeakers(typed) {
			k, ok := seen[strings.ToLower(s.Name)]
			if !ok {
				seen[strings.ToLower(s.Name)] = len(found)
				found = append(found, s)
				in = append(in, 1)
				continue
			}
			// Merge what the choice shows: whether quoted, and who they are.
			first := &found[k]
			first.Quotes += s.Quotes
			first.Statements += s.Statements
			if first.Description == "" {
				first.Description = s.Description
			}
			in[k]++
		}
	}

	// People the article quotes first: they are whom /speaker is for.
	order := make([]int, len(found))
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(x, y int) int {
		switch {
		case found[x].Quoted() == found[y].Quoted():
			return 0
		case found[x].Quoted():
			return -1
		}
		return 1
	})
	out := []*discordgo.ApplicationCommandOptionChoice{}
	for _, k := range order[:min(len(order), maxChoices)] {
		s := found[k]
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: choiceName(s, in[k]), Value: clipBytes(s.Name, maxChoiceName)})
	}
	return out
}

// choiceName is how a speaker named in so many articles reads in the
// autocomplete list. For someone never quoted it gives the paragraphs
// that name them, or, across several articles, whose paragraph numbers
// would mislead, how many articles do.
func choiceName(s corpus.Speaker, articles int) string {
	what := s.Description
	switch {
	case !s.Quoted() && articles > 1:
		what = fmt.Sprintf("mentioned in %d articles; never quoted", articles)
	case !s.Quoted():
		what = neverQuoted(s)
	}
	if what == "" {
		return clip(s.Name, maxChoiceName)
	}
	return clip(s.Name+" — "+what, maxChoiceName)
}

// clipBytes cuts a choice value, which must be returned unchanged, without
// "…" and on a character boundary.
func clipBytes(s string, n int) string {
	if textLen(s) <= n {
		return s
	}
	r := []rune(s)
	for textLen(string(r)) > n {
		r = r[:len(r)-1]
	}
	return string(r)
}

func (h *handlers) completeArticle(typed string) []*discordgo.ApplicationCommandOptionChoice {
	typed = strings.ToLower(typed)
	out := []*discordgo.ApplicationCommandOptionChoice{}
	for _, a := range h.corpus.Articles {
		if len(out) == maxChoices {
			break
		}
		if strings.Contains(strings.ToLower(a.ID), typed) || strings.Contains(strings.ToLower(a.Title), typed) {
			out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: clip(a.Title, maxChoiceName), Value: clipBytes(a.ID, maxChoiceName)})
		}
	}
	return out
}
