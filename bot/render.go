package bot

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"articlebot/corpus"
	"articlebot/index"
)

// Discord's limits on what a message may hold. Lengths are counted in UTF-16
// code units, which is never less than Discord's own count.
const (
	maxContent     = 2000
	maxTitle       = 256
	maxDescription = 4096
	maxFields      = 25
	maxFieldName   = 256
	maxFieldValue  = 1024
	maxFooter      = 2048
	maxAuthor      = 256
	maxEmbedTotal  = 6000
	maxEmbeds      = 10
	maxRows        = 5
	maxRowButtons  = 5
	maxChoices     = 25
	maxChoiceName  = 100
	maxCustomID    = 100
	maxButtonLabel = 80
)

// Rendering choices of our own, inside Discord's limits: a field shows a
// passage's gist, not a wall of text.
const (
	snippetLen   = 300
	contextLen   = 600
	nextBest     = 3
	resultsPage  = 5
	speakerPage  = 5
	embedColor   = 0x2B6CB0
	noAnswerText = "The article does not seem to answer that."
	notAQuestion = "Please ask a question about the article."
	ellipsis     = "…"
)

// Response is what a handler returns: one message, built without talking to
// Discord. The router sends it.
type Response struct {
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
	// Ephemeral shows the reply to the asking user only.
	Ephemeral bool
	// Update replaces the message a button is on instead of posting a new
	// one; it only applies to button presses.
	Update bool
}

// textLen is the length of s as Discord counts it, in UTF-16 code units.
func textLen(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// markdownChars are the characters that would change how Discord renders
// text taken from an article or a user.
const markdownChars = "\\*_~|`>[]#"

// escape makes s show literally in Discord markdown.
func escape(s string) string {
	if !strings.ContainsAny(s, markdownChars) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		if strings.ContainsRune(markdownChars, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// cutWords returns the start of s, at most n bytes long, ending at a word
// boundary when one lies in the second half of the cut (otherwise mid-word,
// so that one very long word still shows), without trailing spaces or
// separating punctuation.
func cutWords(s string, n int) string {
	if n >= len(s) {
		return s
	}
	if n < 0 {
		n = 0
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	cut := s[:n]
	next, _ := utf8.DecodeRuneInString(s[n:])
	if !unicode.IsSpace(next) {
		if i := strings.LastIndexFunc(cut, unicode.IsSpace); i > len(cut)/2 {
			cut = cut[:i]
		}
	}
	return strings.TrimRightFunc(cut, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:-–—", r)
	})
}

// marked renders text escaped, with the spans in bold. Spans that are out of
// range, overlapping or not on character boundaries are ignored; white space
// at a span's edges stays outside the bold, where markdown needs it.
func marked(text string, spans []index.Span) string {
	var b strings.Builder
	prev := 0
	for _, sp := range spans {
		start, end := sp.Start, sp.End
		if start < prev || end > len(text) || start >= end ||
			!utf8.RuneStart(text[start]) || (end < len(text) && !utf8.RuneStart(text[end])) {
			continue
		}
		word := text[start:end]
		start += len(word) - len(strings.TrimLeftFunc(word, unicode.IsSpace))
		end -= len(word) - len(strings.TrimRightFunc(word, unicode.IsSpace))
		if start >= end {
			continue
		}
		b.WriteString(escape(text[prev:start]))
		b.WriteString("**")
		b.WriteString(escape(text[start:end]))
		b.WriteString("**")
		prev = end
	}
	b.WriteString(escape(text[prev:]))
	// Two adjacent bold spans would read "****", which markdown takes
	// literally; joining them keeps both bold.
	return strings.ReplaceAll(b.String(), "****", "")
}

// fitMarked renders text with its spans in bold, escaped, in at most limit
// characters of output: when it does not fit, the text is cut at a word
// boundary before rendering (so no bold or escape is broken) and ends in "…".
// wrap adds fixed text around the result (quotation marks) and is counted.
func fitMarked(text string, spans []index.Span, limit int, wrap func(string) string) string {
	if wrap == nil {
		wrap = func(s string) string { return s }
	}
	if out := wrap(marked(text, spans)); textLen(out) <= limit {
		return out
	}
	render := func(n int) string {
		cut := cutWords(text, n)
		var kept []index.Span
		for _, sp := range spans {
			if sp.End <= len(cut) {
				kept = append(kept, sp)
			}
		}
		return wrap(marked(cut, kept) + ellipsis)
	}
	// The longest cut whose rendering fits; rendering grows with the cut.
	// A cut of more than 4×limit bytes holds more than limit characters.
	lo, hi := 0, min(len(text), 4*limit)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if textLen(render(mid)) <= limit {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	out := render(lo)
	if textLen(out) > limit {
		return clip(out, limit)
	}
	return out
}

// fit renders plain text escaped in at most limit characters.
func fit(text string, limit int) string { return fitMarked(text, nil, limit, nil) }

// clip cuts already rendered text to limit characters at a word boundary
// with "…". It is the last resort for text built from several parts.
func clip(s string, limit int) string {
	if textLen(s) <= limit {
		return s
	}
	if limit <= 0 {
		return ""
	}
	// Cut by characters, then at a word boundary.
	n, units := 0, 0
	for i, r := range s {
		if units+utf16.RuneLen(r) > limit-1 {
			n = i
			break
		}
		units += utf16.RuneLen(r)
	}
	return cutWords(s, n) + ellipsis
}

// noMentions is attached to every message the bot sends: an article or a
// question that says "@everyone" or "<@123>" must ping no one. A fresh value
// each time, so no caller can change another's.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// passage renders a passage in at most limit characters: escaped, matched
// words in bold, a quotation in quotation marks. A quotation loses the
// comma or colon that joined it to its attribution ("…,” he said), which
// would dangle before the closing mark.
func passage(text string, spans []index.Span, kind corpus.Kind, limit int) string {
	wrap := quoted(kind)
	if wrap != nil {
		text = strings.TrimRightFunc(text, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == ';' || r == ':' })
		clipped := make([]index.Span, 0, len(spans))
		for _, sp := range spans {
			sp.End = min(sp.End, len(text))
			clipped = append(clipped, sp)
		}
		spans = clipped
	}
	return fitMarked(text, spans, limit, wrap)
}

// quoted puts a quotation in curly quotation marks; reported speech and
// paragraph text stay as they are.
func quoted(kind corpus.Kind) func(string) string {
	if kind == corpus.Direct || kind == corpus.Mixed {
		return func(s string) string { return "“" + s + "”" }
	}
	return nil
}

// citation names where a passage stands: "Adam Thomson · Title, ¶9", or
// for a quotation whose speaker the article does not name, "*unattributed
// quotation* · Title, ¶9".
func citation(title string, paragraph int, speaker string, kind corpus.Kind) string {
	c := fmt.Sprintf("%s, ¶%d", escape(title), paragraph)
	switch {
	case speaker != "":
		c = escape(speaker) + " · " + c
	case kind == corpus.Direct || kind == corpus.Mixed:
		c = "*unattributed quotation* · " + c
	}
	return c
}

// plainCitation is citation without markdown, for footers, which Discord
// shows as plain text.
func plainCitation(title string, paragraph int, speaker string) string {
	c := fmt.Sprintf("%s, ¶%d", title, paragraph)
	if speaker != "" {
		c = speaker + " · " + c
	}
	return c
}

// titleOf returns an article's title for a citation, or its ID when the
// corpus does not hold it.
func titleOf(c *corpus.Corpus, doc string) string {
	if a := c.Article(doc); a != nil {
		return a.Title
	}
	return doc
}

// resultField shows one ranked passage as an embed field.
func resultField(c *corpus.Corpus, r index.Result, multi bool) *discordgo.MessageEmbedField {
	name := fmt.Sprintf("¶%d", r.Paragraph)
	if multi {
		name = titleOf(c, r.Doc) + ", " + name
	}
	if r.Speaker != "" {
		name += " · " + c.SpeakerName(r.Doc, r.Speaker)
	}
	return &discordgo.MessageEmbedField{
		Name:  clip(name, maxFieldName),
		Value: passage(r.Text, r.Highlights, r.Kind, snippetLen),
	}
}

// renderAnswer turns an answer into a message: the answer sentence with the
// matched words in bold and its citation, then the next best passages. key
// names the answer in the bot's cache for the More results and Share
// buttons; private adds Share in channel.
func renderAnswer(c *corpus.Corpus, ans index.Answer, key string, private bool) Response {
	multi := len(c.Articles) > 1
	switch ans.Status {
	case index.NotAQuestion:
		return Response{Content: notAQuestion, Ephemeral: private}
	case index.NoAnswer:
		resp := Response{Content: noAnswerText, Ephemeral: private}
		if len(ans.Results) == 0 {
			return resp
		}
		e := &discordgo.MessageEmbed{
			Title:       "Nearest passages",
			Description: fit("Asked: "+ans.Question, maxDescription),
			Color:       embedColor,
		}
		for _, r := range ans.Results[:min(nextBest, len(ans.Results))] {
			e.Fields = append(e.Fields, resultField(c, r, multi))
		}
		resp.Embeds = []*discordgo.MessageEmbed{fitEmbed(e)}
		resp.Components = answerButtons(ans, key, len(ans.Results) > nextBest, false, private)
		return resp
	}

	title := titleOf(c, ans.Doc)
	who := c.SpeakerName(ans.Doc, ans.Speaker)
	desc := passage(ans.Text, ans.Highlights, ans.Kind, maxDescription-maxTitle-maxFieldName)
	desc += "\n— " + citation(title, ans.Paragraph, who, ans.Kind)
	e := &discordgo.MessageEmbed{
		Title:       fit(ans.Question, maxTitle),
		Description: desc,
		Color:       embedColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: clip("Cite as: "+plainCitation(title, ans.Paragraph, who), maxFooter)},
	}
	shown := 0
	for _, r := range ans.Results {
		if r.Doc == ans.Doc && r.Paragraph == ans.Paragraph {
			continue
		}
		if shown == nextBest {
			break
		}
		if shown == 0 {
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "Also relevant", Value: "\u200b"})
		}
		e.Fields = append(e.Fields, resultField(c, r, multi))
		shown++
	}
	return Response{
		Embeds:     []*discordgo.MessageEmbed{fitEmbed(e)},
		Components: answerButtons(ans, key, len(ans.Results) > shown+1, true, private),
		Ephemeral:  private,
	}
}

// answerButtons are the buttons under an answer. Buttons that need the
// cached answer are left out when there is no key.
func answerButtons(ans index.Answer, key string, more, paragraph, private bool) []discordgo.MessageComponent {
	var row []discordgo.MessageComponent
	if more && key != "" {
		row = append(row, button("More results", moreID(key, 0), discordgo.SecondaryButton))
	}
	if paragraph && ans.Paragraph > 0 {
		if id, ok := paraID(ans.Doc, ans.Paragraph); ok {
			row = append(row, button("Show paragraph", id, discordgo.SecondaryButton))
		}
	}
	if private && key != "" {
		row = append(row, button("Share in channel", shareID(key), discordgo.PrimaryButton))
	}
	if len(row) == 0 {
		return nil
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
}

func button(label, id string, style discordgo.ButtonStyle) discordgo.Button {
	return discordgo.Button{Label: clip(label, maxButtonLabel), Style: style, CustomID: id}
}

// renderResults shows one page of an answer's ranked passages, with buttons
// to turn the page.
func renderResults(c *corpus.Corpus, ans index.Answer, key string, page int) Response {
	pages := max(1, (len(ans.Results)+resultsPage-1)/resultsPage)
	page = min(max(page, 0), pages-1)
	from := page * resultsPage
	to := min(from+resultsPage, len(ans.Results))
	e := &discordgo.MessageEmbed{
		Title:  fit("Results for: "+ans.Question, maxTitle),
		Color:  embedColor,
		Footer: &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("Results %d–%d of %d", from+1, to, len(ans.Results))},
	}
	if from >= to {
		e.Description = "No passages match."
		e.Footer = nil
	}
	for _, r := range ans.Results[from:to] {
		e.Fields = append(e.Fields, resultField(c, r, len(c.Articles) > 1))
	}
	return Response{
		Embeds:     []*discordgo.MessageEmbed{fitEmbed(e)},
		Components: pageButtons(page, pages, func(p int) string { return pageID(key, p) }),
		Ephemeral:  true,
	}
}

// pageButtons are Previous and Next buttons, or nothing for a single page
// or without IDs.
func pageButtons(page, pages int, id func(page int) string) []discordgo.MessageComponent {
	if pages <= 1 || id == nil {
		return nil
	}
	prev := button("Previous", id(page-1), discordgo.SecondaryButton)
	prev.Disabled = page == 0
	next := button("Next", id(page+1), discordgo.SecondaryButton)
	next.Disabled = page >= pages-1
	if prev.Disabled {
		// Two buttons may not share a custom_id, even disabled.
		prev.CustomID = id(-1)
	}
	if next.Disabled {
		next.CustomID = id(pages)
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{prev, next}}}
}

// renderParagraph shows paragraph n in full, in reading order between the
// paragraphs before and after it (shortened: they are context), within the
// description's 4,096 characters.
func renderParagraph(a *corpus.Article, n int, withContext bool) Response {
	text, ok := a.Paragraph(n)
	if !ok {
		return Response{Content: outOfRange(a, n), Ephemeral: true}
	}
	e := &discordgo.MessageEmbed{
		Title:  clip(fmt.Sprintf("¶%d · %s", n, a.Title), maxTitle),
		Color:  embedColor,
		Footer: &discordgo.MessageEmbedFooter{Text: clip("Cite as: "+plainCitation(a.Title, n, ""), maxFooter)},
	}
	if !withContext {
		e.Description = fit(text, maxDescription)
		return Response{Embeds: []*discordgo.MessageEmbed{fitEmbed(e)}}
	}
	var before, after string
	if t, ok := a.Paragraph(n - 1); ok {
		before = fmt.Sprintf("*¶%d* %s\n\n", n-1, fit(t, contextLen))
	}
	if t, ok := a.Paragraph(n + 1); ok {
		after = fmt.Sprintf("\n\n*¶%d* %s", n+1, fit(t, contextLen))
	}
	head := fmt.Sprintf("**¶%d** ", n)
	room := maxDescription - textLen(before) - textLen(after) - textLen(head)
	e.Description = before + head + fit(text, room) + after
	return Response{Embeds: []*discordgo.MessageEmbed{fitEmbed(e)}, Ephemeral: true}
}

// outOfRange tells which paragraph numbers exist.
func outOfRange(a *corpus.Article, n int) string {
	return clip(fmt.Sprintf("There is no ¶%d: %s has paragraphs ¶1 to ¶%d.", n, escape(a.Title), len(a.Paragraphs)), maxContent)
}

// embedLen is the length Discord counts toward an embed's 6,000 characters.
func embedLen(e *discordgo.MessageEmbed) int {
	n := textLen(e.Title) + textLen(e.Description)
	if e.Footer != nil {
		n += textLen(e.Footer.Text)
	}
	if e.Author != nil {
		n += textLen(e.Author.Name)
	}
	for _, f := range e.Fields {
		n += textLen(f.Name) + textLen(f.Value)
	}
	return n
}

// fitEmbed enforces Discord's embed limits on e, whatever built it: it clips
// every part, keeps 25 fields, and drops fields from the end (then shortens
// the description) until the whole fits in 6,000 characters.
func fitEmbed(e *discordgo.MessageEmbed) *discordgo.MessageEmbed {
	return fitEmbedTo(e, maxEmbedTotal)
}

// fitEmbedTo is fitEmbed within limit characters (at most 6,000): when
// dropping every field and the description is not enough, the footer goes,
// then the title and the author's name are cut.
func fitEmbedTo(e *discordgo.MessageEmbed, limit int) *discordgo.MessageEmbed {
	limit = min(max(limit, 0), maxEmbedTotal)
	e.Title = clip(e.Title, maxTitle)
	e.Description = clip(e.Description, maxDescription)
	if e.Footer != nil {
		e.Footer.Text = clip(e.Footer.Text, maxFooter)
	}
	if e.Author != nil {
		e.Author.Name = clip(e.Author.Name, maxAuthor)
	}
	if len(e.Fields) > maxFields {
		e.Fields = e.Fields[:maxFields]
	}
	for _, f := range e.Fields {
		f.Name = clip(f.Name, maxFieldName)
		f.Value = clip(f.Value, maxFieldValue)
	}
	for embedLen(e) > limit && len(e.Fields) > 0 {
		e.Fields = e.Fields[:len(e.Fields)-1]
	}
	if over := embedLen(e) - limit; over > 0 {
		e.Description = clip(e.Description, max(0, textLen(e.Description)-over))
	}
	if embedLen(e) > limit && e.Footer != nil {
		e.Footer = nil
	}
	if over := embedLen(e) - limit; over > 0 {
		e.Title = clip(e.Title, max(0, textLen(e.Title)-over))
	}
	if over := embedLen(e) - limit; over > 0 && e.Author != nil {
		e.Author.Name = clip(e.Author.Name, max(0, textLen(e.Author.Name)-over))
	}
	return e
}

// fitEmbeds enforces Discord's limits on the embeds of one message: at most
// 10, each within its own limits, and all of them together within 6,000
// characters. The room is shared out in order, an equal share of what is
// left each, so an embed that needs less than its share leaves the rest to
// those after it.
func fitEmbeds(es []*discordgo.MessageEmbed) []*discordgo.MessageEmbed {
	es = es[:min(len(es), maxEmbeds)]
	left := maxEmbedTotal
	for i, e := range es {
		fitEmbedTo(e, left/(len(es)-i))
		left -= embedLen(e)
	}
	return es
}

// renderSpeaker shows who a speaker is and one page of their quotations
// and reported statements, in article order.
func renderSpeaker(a *corpus.Article, s corpus.Speaker, page int, id func(page int) string) Response {
	desc := whoIs(s)
	e := &discordgo.MessageEmbed{
		Title: fit(s.Name, maxTitle),
		Color: embedColor,
	}
	if !s.Quoted() {
		e.Description = desc + escape(s.FullName()) + " is " + neverQuoted(s)
		e.Footer = &discordgo.MessageEmbedFooter{Text: clip(a.Title, maxFooter)}
		return Response{Embeds: []*discordgo.MessageEmbed{fitEmbed(e)}}
	}
	e.Description = desc + fmt.Sprintf("%s in %s.", counts(s), escape(a.Title))

	quotes := a.QuotesBy(s.Name)
	pages := max(1, (len(quotes)+speakerPage-1)/speakerPage)
	page = min(max(page, 0), pages-1)
	from, to := page*speakerPage, min((page+1)*speakerPage, len(quotes))
	for _, q := range quotes[from:to] {
		e.Fields = append(e.Fields, quoteField(q))
	}
	e.Footer = &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("%d–%d of %d · page %d of %d", from+1, to, len(quotes), page+1, pages)}
	return Response{
		Embeds:     []*discordgo.MessageEmbed{fitEmbed(e)},
		Components: pageButtons(page, pages, id),
	}
}

// whoIs is how a speaker's description begins: their role in the article
// and their other names, a line each (none when unknown).
func whoIs(s corpus.Speaker) string {
	var b strings.Builder
	if s.Description != "" {
		b.WriteString(escape(s.Description) + "\n")
	}
	if len(s.Aliases) > 0 {
		b.WriteString("Also called: " + escape(strings.Join(s.Aliases, ", ")) + "\n")
	}
	return b.String()
}

// quoteField shows one quotation or reported statement of a speaker.
func quoteField(q corpus.Quote) *discordgo.MessageEmbedField {
	return &discordgo.MessageEmbedField{
		Name:  fmt.Sprintf("¶%d · %s", q.Paragraph, kindName(q.Kind)),
		Value: passage(q.Text, nil, q.Kind, maxFieldValue/2),
	}
}

// speakerHit is a person found in one article.
type speakerHit struct {
	article *corpus.Article
	speaker corpus.Speaker
	// index is the speaker's place in article.Speakers, which names them
	// in a button's custom ID.
	index int
}

// renderSpeakerAcross shows a person found in several articles: one embed
// per article (at most 10, Discord's limit per message), each with who they
// are there, how often they are quoted and their first quotations (a page's
// worth), all the embeds within the 6,000 characters Discord allows a
// message. An article whose quotations did not all fit gets a button that
// opens its full, paged list; id gives its custom ID ("" for no button).
func renderSpeakerAcross(hits []speakerHit, id func(speakerHit) string) Response {
	shown := hits[:min(len(hits), maxEmbeds)]
	content := fmt.Sprintf("**%s** is in %d articles.", escape(hits[0].speaker.Name), len(hits))
	if len(shown) < len(hits) {
		content += fmt.Sprintf(" Here are the first %d; choose another with the article option.", len(shown))
	}
	embeds := make([]*discordgo.MessageEmbed, len(shown))
	for i, h := range shown {
		s := h.speaker
		e := &discordgo.MessageEmbed{
			Title:  fit(h.article.Title, maxTitle),
			Author: &discordgo.MessageEmbedAuthor{Name: s.Name},
			Color:  embedColor,
		}
		if !s.Quoted() {
			e.Description = whoIs(s) + escape(s.FullName()) + " is " + neverQuoted(s)
		} else {
			e.Description = whoIs(s) + counts(s) + "."
		}
		quotes := h.article.QuotesBy(s.Name)
		for _, q := range quotes[:min(len(quotes), speakerPage)] {
			e.Fields = append(e.Fields, quoteField(q))
		}
		embeds[i] = e
	}
	embeds = fitEmbeds(embeds)

	var buttons []discordgo.MessageComponent
	for i, h := range shown {
		if len(h.article.QuotesBy(h.speaker.Name)) <= len(embeds[i].Fields) || id == nil {
			continue
		}
		if cid := id(h); cid != "" {
			buttons = append(buttons, button("All in "+h.article.Title, cid, discordgo.SecondaryButton))
		}
	}
	return Response{Content: clip(content, maxContent), Embeds: embeds, Components: buttonRows(buttons)}
}

// buttonRows lays buttons out in action rows of five, as many rows as
// Discord allows (five); buttons beyond them are left out.
func buttonRows(buttons []discordgo.MessageComponent) []discordgo.MessageComponent {
	var rows []discordgo.MessageComponent
	for len(buttons) > 0 && len(rows) < maxRows {
		n := min(len(buttons), maxRowButtons)
		rows = append(rows, discordgo.ActionsRow{Components: buttons[:n]})
		buttons = buttons[n:]
	}
	return rows
}

// neverQuoted reads "mentioned in ¶12, ¶13; never quoted".
func neverQuoted(s corpus.Speaker) string {
	if len(s.MentionedIn) == 0 {
		return "never quoted"
	}
	return "mentioned in " + paragraphList(s.MentionedIn) + "; never quoted"
}

func paragraphList(ps []int) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = fmt.Sprintf("¶%d", p)
	}
	return strings.Join(parts, ", ")
}

// counts reads "3 quotations, 1 reported statement".
func counts(s corpus.Speaker) string {
	return plural(s.Quotes, "quotation") + ", " + plural(s.Statements, "reported statement")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func kindName(k corpus.Kind) string {
	switch k {
	case corpus.Direct:
		return "quotation"
	case corpus.Mixed:
		return "partial quotation"
	case corpus.Indirect:
		return "reported"
	}
	return string(k)
}

// renderSpeakers lists everyone an article quotes, with their role and how
// often they are quoted, one line each.
func renderSpeakers(a *corpus.Article) Response {
	var lines []string
	for _, s := range a.Speakers {
		if !s.Quoted() {
			continue
		}
		line := "**" + escape(s.Name) + "**"
		if s.Description != "" {
			line += " — " + fit(s.Description, 200)
		}
		line += " (" + counts(s) + ")"
		lines = append(lines, line)
	}
	e := &discordgo.MessageEmbed{
		Title: clip("Who is quoted in "+a.Title, maxTitle),
		Color: embedColor,
	}
	if len(lines) == 0 {
		e.Description = "The article quotes no one."
	} else {
		e.Description = joinLines(lines, maxDescription)
	}
	return Response{Embeds: []*discordgo.MessageEmbed{fitEmbed(e)}}
}

// joinLines joins whole lines within limit, ending with a note of how many
// did not fit.
func joinLines(lines []string, limit int) string {
	var b strings.Builder
	for i, l := range lines {
		rest := fmt.Sprintf("… and %d more", len(lines)-i)
		if textLen(b.String())+textLen(l)+1+textLen(rest) > limit && i < len(lines)-1 ||
			textLen(b.String())+textLen(l) > limit {
			b.WriteString(rest)
			break
		}
		b.WriteString(l)
		if i < len(lines)-1 {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// renderQuote shows one quotation with its speaker and citation.
func renderQuote(c *corpus.Corpus, r index.Result) Response {
	title := titleOf(c, r.Doc)
	speaker := c.SpeakerName(r.Doc, r.Speaker)
	who := speaker
	if who == "" {
		who = "Source not stated"
	}
	e := &discordgo.MessageEmbed{
		Title:       clip(who, maxTitle),
		Description: passage(r.Text, r.Highlights, r.Kind, maxDescription-maxTitle) + "\n— " + citation(title, r.Paragraph, speaker, r.Kind),
		Color:       embedColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: clip("Cite as: "+plainCitation(title, r.Paragraph, speaker), maxFooter)},
	}
	var comps []discordgo.MessageComponent
	if id, ok := paraID(r.Doc, r.Paragraph); ok {
		comps = []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			button("Show paragraph", id, discordgo.SecondaryButton)}}}
	}
	return Response{Embeds: []*discordgo.MessageEmbed{fitEmbed(e)}, Components: comps}
}

// renderAbout explains the bot: the articles (all, or the one chosen),
// where answers come from and how to cite them.
func renderAbout(c *corpus.Corpus, only *corpus.Article) Response {
	var arts []string
	for _, a := range c.Articles {
		if only != nil && a != only {
			continue
		}
		line := "**" + escape(a.Title) + "**"
		var meta []string
		if a.Author != "" {
			meta = append(meta, "by "+escape(a.Author))
		}
		if a.Date != "" {
			meta = append(meta, escape(a.Date))
		}
		meta = append(meta, plural(len(a.Paragraphs), "paragraph"))
		line += " (" + strings.Join(meta, ", ") + ")"
		if a.URL != "" {
			line += "\nSource: " + a.URL
		}
		if len(c.Articles) > 1 {
			line += "\nID: `" + strings.ReplaceAll(a.ID, "`", "'") + "`"
		}
		arts = append(arts, line)
	}
	e := &discordgo.MessageEmbed{
		Title: "About this bot",
		Description: "I answer questions about the article(s) below with passages quoted from them. " +
			"I never make up an answer: when the article does not answer a question, I say so and show the nearest passages.",
		Color: embedColor,
		Fields: []*discordgo.MessageEmbedField{
			{Name: "Articles", Value: joinLines(arts, maxFieldValue)},
			{Name: "How answers are found", Value: "Your question is matched against every paragraph and quotation with full-text search. " +
				"The best matching sentence is the answer, with the words that matched in bold; the next best passages follow."},
			{Name: "How to cite", Value: "Every answer names the article, the paragraph (¶N) and, for a quotation, who said it. " +
				"Cite it as: speaker, article title, ¶N. Use /paragraph to read a paragraph in full."},
			{Name: "Commands", Value: "/ask, /speaker, /speakers, /quote, /paragraph, /about — or mention me with a question."},
		},
	}
	return Response{Embeds: []*discordgo.MessageEmbed{fitEmbed(e)}}
}

// renderArticles lists the loaded articles with their IDs.
func renderArticles(c *corpus.Corpus) Response {
	lines := make([]string, len(c.Articles))
	for i, a := range c.Articles {
		lines[i] = fmt.Sprintf("`%s` — %s (%s)", strings.ReplaceAll(a.ID, "`", "'"), escape(a.Title), plural(len(a.Paragraphs), "paragraph"))
	}
	e := &discordgo.MessageEmbed{
		Title:       "Articles",
		Description: joinLines(lines, maxDescription),
		Color:       embedColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: "Pick one with the article option of any command."},
	}
	return Response{Embeds: []*discordgo.MessageEmbed{fitEmbed(e)}}
}

// notice is a short message to the asking user only.
func notice(text string) Response {
	return Response{Content: clip(text, maxContent), Ephemeral: true}
}
