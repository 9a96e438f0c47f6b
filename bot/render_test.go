package bot

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"articlebot/corpus"
	"articlebot/index"
)

// checkLimits fails the test for any part of resp over Discord's limits.
func checkLimits(t *testing.T, resp Response) {
	t.Helper()
	if n := textLen(resp.Content); n > maxContent {
		t.Errorf("content is %d characters; limit %d", n, maxContent)
	}
	if len(resp.Embeds) > 10 {
		t.Errorf("%d embeds; limit 10", len(resp.Embeds))
	}
	total := 0
	for _, e := range resp.Embeds {
		total += embedLen(e)
		limit := func(what, s string, max int) {
			t.Helper()
			if n := textLen(s); n > max {
				t.Errorf("%s is %d characters; limit %d", what, n, max)
			}
		}
		limit("title", e.Title, maxTitle)
		limit("description", e.Description, maxDescription)
		if e.Author != nil {
			limit("author", e.Author.Name, maxAuthor)
		}
		if e.Footer != nil {
			limit("footer", e.Footer.Text, maxFooter)
		}
		if len(e.Fields) > maxFields {
			t.Errorf("%d fields; limit %d", len(e.Fields), maxFields)
		}
		for _, f := range e.Fields {
			limit("field name", f.Name, maxFieldName)
			limit("field value", f.Value, maxFieldValue)
			if f.Name == "" || f.Value == "" {
				t.Errorf("empty field %q: %q (Discord rejects it)", f.Name, f.Value)
			}
		}
	}
	if total > maxEmbedTotal {
		t.Errorf("embeds total %d characters; limit %d", total, maxEmbedTotal)
	}
	if len(resp.Components) > maxRows {
		t.Errorf("%d action rows; limit %d", len(resp.Components), maxRows)
	}
	seen := map[string]bool{}
	for _, row := range resp.Components {
		r, ok := row.(discordgo.ActionsRow)
		if !ok {
			t.Fatalf("component %T; want an ActionsRow", row)
		}
		if len(r.Components) > maxRowButtons {
			t.Errorf("%d buttons in a row; limit %d", len(r.Components), maxRowButtons)
		}
		for _, c := range r.Components {
			btn := c.(discordgo.Button)
			if len(btn.CustomID) > maxCustomID || btn.CustomID == "" {
				t.Errorf("custom_id %q is %d bytes; want 1 to %d", btn.CustomID, len(btn.CustomID), maxCustomID)
			}
			if n := textLen(btn.Label); n > maxButtonLabel {
				t.Errorf("button label is %d characters; limit %d", n, maxButtonLabel)
			}
			if seen[btn.CustomID] {
				t.Errorf("custom_id %q used twice in a message", btn.CustomID)
			}
			seen[btn.CustomID] = true
		}
	}
}

// checkCut fails unless s (rendered from raw, escaped) ends with "…" right
// after a whole word of raw.
func checkCut(t *testing.T, s, raw string) {
	t.Helper()
	if !strings.HasSuffix(s, ellipsis) {
		t.Fatalf("cut text ends %q; want …", tail(s))
	}
	body := strings.TrimSuffix(s, ellipsis)
	body = strings.TrimRight(body, "*")
	words := strings.Fields(body)
	last := strings.NewReplacer("\\", "", "*", "").Replace(words[len(words)-1])
	if !strings.Contains(raw, last+" ") && !strings.HasSuffix(raw, last) {
		t.Errorf("cut text ends with %q, not a whole word of the text", last)
	}
}

// jsonEqual compares JSON by value, so that key order and escaping do not
// matter, and shows both sides indented when they differ.
func jsonEqual(t *testing.T, got []byte, want string) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("decode %s: %v", got, err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("decode want %s: %v", want, err)
	}
	if !reflect.DeepEqual(g, w) {
		gi, _ := json.MarshalIndent(g, "", "  ")
		wi, _ := json.MarshalIndent(w, "", "  ")
		t.Errorf("JSON =\n%s\nwant\n%s", gi, wi)
	}
}

func tail(s string) string {
	r := []rune(s)
	return string(r[max(0, len(r)-40):])
}

// words returns n words of text, each a few letters, with a space between.
func words(n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = fmt.Sprintf("word%d", i)
	}
	return strings.Join(w, " ")
}

// sp is a span; index.Span has no constructor and vet wants keyed fields.
func sp(start, end int) index.Span { return index.Span{Start: start, End: end} }

func testCorpus(paragraphs ...string) *corpus.Corpus {
	return &corpus.Corpus{Articles: []*corpus.Article{{
		ID: "test-article", Title: "A *test* article", Paragraphs: paragraphs,
	}}}
}

func TestEscape(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Sir Adam Thomson", "Sir Adam Thomson"},
		{"markdown", "Jane *_~|` Doe", "Jane \\*\\_\\~\\|\\` Doe"},
		{"quote and backslash", `> a \ b`, `\> a \\ b`},
		{"links and headings", "# [x](y)", `\# \[x\](y)`},
		{"mentions show as text", "@everyone <@123>", "@everyone <@123\\>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := escape(tt.in); got != tt.want {
				t.Errorf("escape(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFitMarked(t *testing.T) {
	const wand = "There's no magic wand to wave to make this better"
	tests := []struct {
		name  string
		text  string
		spans []index.Span
		limit int
		want  string
	}{
		{"bold spans", wand, []index.Span{sp(11, 16), sp(17, 21)}, 100, "There's no **magic** **wand** to wave to make this better"},
		{"span edges trimmed", wand, []index.Span{sp(10, 17)}, 100, "There's no **magic** wand to wave to make this better"},
		{"adjacent spans join", "magicwand", []index.Span{sp(0, 5), sp(5, 9)}, 100, "**magicwand**"},
		{"bad spans ignored", wand, []index.Span{sp(40, 10), sp(5, 500), sp(-1, 3)}, 100, wand},
		{"cut at a word", wand, []index.Span{sp(11, 16)}, 30, "There's no **magic** wand to…"},
		{"cut drops a span past the cut", wand, []index.Span{sp(44, 50)}, 20, "There's no magic…"},
		{"escaped then cut", "a*b c*d e*f g*h", nil, 12, `a\*b c\*d…`},
		{"one long word is cut mid-word", strings.Repeat("x", 50), nil, 10, "xxxxxxxxx…"},
		{"multibyte", "¶¶¶ ééé ççç", nil, 8, "¶¶¶ ééé…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fitMarked(tt.text, tt.spans, tt.limit, nil)
			if got != tt.want {
				t.Errorf("fitMarked(%q, %v, %d) = %q; want %q", tt.text, tt.spans, tt.limit, got, tt.want)
			}
			if n := textLen(got); n > tt.limit {
				t.Errorf("fitMarked(%q) is %d characters; limit %d", tt.text, n, tt.limit)
			}
		})
	}
}

func TestClip(t *testing.T) {
	tests := []struct {
		in    string
		limit int
		want  string
	}{
		{"short", 10, "short"},
		{"one two three four", 10, "one two…"},
		{"one, two three", 9, "one, two…"},
		{"one, two three", 6, "one…"},
		{"😀😀😀😀", 5, "😀😀…"}, // an emoji is two UTF-16 units
		{"abc", 0, ""},
	}
	for _, tt := range tests {
		if got := clip(tt.in, tt.limit); got != tt.want {
			t.Errorf("clip(%q, %d) = %q; want %q", tt.in, tt.limit, got, tt.want)
		}
	}
}

func TestRenderAnswerAtLimits(t *testing.T) {
	long := words(1800) // about 10,000 characters
	if len(long) < 10000 {
		t.Fatalf("test paragraph is %d bytes; want ≥ 10,000", len(long))
	}
	c := testCorpus(long, "second", "third")
	many := make([]index.Result, 30)
	for i := range many {
		many[i] = index.Result{Doc: "test-article", Paragraph: i + 1, Text: long, Speaker: "Jane *_~|` Doe",
			Kind: corpus.Direct, Highlights: []index.Span{sp(0, 5)}}
	}
	tests := []struct {
		name    string
		ans     index.Answer
		private bool
	}{
		{"10,000-character answer", index.Answer{Question: "What?", Status: index.Answered, Text: long, Doc: "test-article", Paragraph: 1,
			Highlights: []index.Span{sp(0, 5), sp(9000, 9005)}, Results: many[:1]}, false},
		{"30 results", index.Answer{Question: "What?", Status: index.Answered, Text: "short", Doc: "test-article", Paragraph: 1, Results: many}, true},
		{"10,000-character question", index.Answer{Question: long, Status: index.Answered, Text: "short", Doc: "test-article", Paragraph: 1, Results: many}, false},
		{"no answer, 30 nearest", index.Answer{Question: long, Status: index.NoAnswer, Results: many}, false},
		{"mentions", index.Answer{Question: "@everyone <@123> who?", Status: index.Answered, Text: "@everyone said <@123>",
			Speaker: "@here", Doc: "test-article", Paragraph: 2, Results: many[:3]}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := renderAnswer(c, tt.ans, "key", tt.private)
			checkLimits(t, resp)
			if resp.Ephemeral != tt.private {
				t.Errorf("Ephemeral = %v; want %v", resp.Ephemeral, tt.private)
			}
			data, err := json.Marshal(responseData(resp))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(data), `"allowed_mentions":{"parse":[],"replied_user":false}`) {
				t.Errorf("response JSON lacks allowed_mentions parse []: %.300s", data)
			}
		})
	}
	t.Run("long answer cut at a word", func(t *testing.T) {
		resp := renderAnswer(c, tests[0].ans, "key", false)
		desc := resp.Embeds[0].Description
		text, _, _ := strings.Cut(desc, "\n— ")
		checkCut(t, text, long)
		if !strings.HasPrefix(text, "**word0** word1") {
			t.Errorf("description starts %.40q; want the first word in bold", text)
		}
		if want := "\n— A \\*test\\* article, ¶1"; !strings.HasSuffix(desc, want) {
			t.Errorf("description ends %q; want citation %q", tail(desc), want)
		}
	})
	t.Run("markdown in a speaker's name is escaped", func(t *testing.T) {
		resp := renderAnswer(c, tests[1].ans, "key", false)
		if got, want := resp.Embeds[0].Fields[1].Name, "¶2 · Jane *_~|` Doe"; got != want {
			// Field names show plain text: no markdown to escape there.
			t.Errorf("field name = %q; want %q", got, want)
		}
	})
}

func TestRenderAnswerExact(t *testing.T) {
	c := testCorpus("p1", "p2", "p3")
	ans := index.Answer{
		Question: "Who said <@123> is @everyone?", Status: index.Answered,
		Text: "<@123> is *everyone*", Highlights: []index.Span{sp(10, 20)},
		Doc: "test-article", Paragraph: 2, Speaker: "Jane_Doe", Kind: corpus.Direct,
		Results: []index.Result{
			{Doc: "test-article", Paragraph: 2, Text: "whole paragraph"},
			{Doc: "test-article", Paragraph: 3, Text: "next one", Kind: corpus.Indirect, Speaker: "Bob"},
		},
	}
	got, err := json.Marshal(responseData(renderAnswer(c, ans, "k", true)))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"tts":false,"content":"","components":[{"type":1,"components":[` +
		`{"type":2,"label":"Show paragraph","style":2,"disabled":false,"custom_id":"para:2:test-article"},` +
		`{"type":2,"label":"Share in channel","style":1,"disabled":false,"custom_id":"share:k"}]}],` +
		`"embeds":[{"title":"Who said <@123\\> is @everyone?",` +
		`"description":"“<@123\\> is **\\*everyone\\***”\n— Jane\\_Doe · A \\*test\\* article, ¶2","color":2845872,` +
		`"footer":{"text":"Cite as: Jane_Doe · A *test* article, ¶2"},` +
		`"fields":[{"name":"Also relevant","value":"\u200b"},{"name":"¶3 · Bob","value":"next one"}]}],` +
		`"allowed_mentions":{"parse":[],"replied_user":false},"flags":64}`
	jsonEqual(t, got, want)
}

func TestRenderNotAnswered(t *testing.T) {
	c := testCorpus("p1")
	tests := []struct {
		name        string
		ans         index.Answer
		wantContent string
		wantFields  int
	}{
		{"no answer", index.Answer{Question: "Why?", Status: index.NoAnswer, Results: []index.Result{{Doc: "test-article", Paragraph: 1, Text: "p1"}}}, noAnswerText, 1},
		{"no answer, nothing near", index.Answer{Question: "Why?", Status: index.NoAnswer}, noAnswerText, -1},
		{"not a question", index.Answer{Question: "?!", Status: index.NotAQuestion}, notAQuestion, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := renderAnswer(c, tt.ans, "k", false)
			if resp.Content != tt.wantContent {
				t.Errorf("content = %q; want %q", resp.Content, tt.wantContent)
			}
			fields := -1
			if len(resp.Embeds) > 0 {
				fields = len(resp.Embeds[0].Fields)
			}
			if fields != tt.wantFields {
				t.Errorf("fields = %d; want %d", fields, tt.wantFields)
			}
		})
	}
}

func TestRenderParagraph(t *testing.T) {
	long := words(1800)
	c := testCorpus("first *one*", long, "third", long)
	a := c.Articles[0]
	tests := []struct {
		name      string
		n         int
		context   bool
		wantStart string
		cut       bool
	}{
		{"plain", 1, false, "first \\*one\\*", false},
		{"with context", 3, true, "*¶2* word0 word1", false},
		{"long, with context", 2, true, "*¶1* first \\*one\\*\n\n**¶2** word0", true},
		{"long, alone", 4, false, "word0 word1", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := renderParagraph(a, tt.n, tt.context)
			checkLimits(t, resp)
			d := resp.Embeds[0].Description
			if !strings.HasPrefix(d, tt.wantStart) {
				t.Errorf("renderParagraph(%d) description starts %.60q; want %q", tt.n, d, tt.wantStart)
			}
			if tt.cut {
				body := d
				if tt.context {
					body, _, _ = strings.Cut(d, "\n\n*¶3*")
				}
				checkCut(t, body, long)
			}
			if got, want := resp.Embeds[0].Footer.Text, fmt.Sprintf("Cite as: A *test* article, ¶%d", tt.n); got != want {
				t.Errorf("footer = %q; want %q", got, want)
			}
		})
	}
	for _, n := range []int{0, 5, -3} {
		resp := renderParagraph(a, n, false)
		want := fmt.Sprintf("There is no ¶%d: A \\*test\\* article has paragraphs ¶1 to ¶4.", n)
		if resp.Content != want || !resp.Ephemeral {
			t.Errorf("renderParagraph(%d) = %q (ephemeral %v); want %q, ephemeral", n, resp.Content, resp.Ephemeral, want)
		}
	}
}

func TestRenderSpeaker(t *testing.T) {
	a := &corpus.Article{
		ID: "a", Title: "T", Paragraphs: []string{"p1", "p2", "p3"},
		Speakers: []corpus.Speaker{
			{Name: "Ann *Star*", Aliases: []string{"Ann"}, Description: "a_b director", Quotes: 6, Statements: 1, MentionedIn: []int{1}},
			{Name: "Max", MentionedIn: []int{2, 3}},
		},
	}
	for i := range 7 {
		kind := corpus.Direct
		if i == 6 {
			kind = corpus.Indirect
		}
		a.Quotes = append(a.Quotes, corpus.Quote{Paragraph: i%3 + 1, Speaker: "Ann *Star*", Kind: kind, Text: fmt.Sprintf("quote %d @everyone", i)})
	}
	id := func(p int) string { return fmt.Sprintf("spk:%d:0:a", p) }

	resp := renderSpeaker(a, a.Speakers[0], 1, id)
	checkLimits(t, resp)
	e := resp.Embeds[0]
	if got, want := e.Description, "a\\_b director\nAlso called: Ann\n6 quotations, 1 reported statement in T."; got != want {
		t.Errorf("description = %q; want %q", got, want)
	}
	if len(e.Fields) != 2 || e.Fields[0].Value != "“quote 5 @everyone”" || e.Fields[1].Value != "quote 6 @everyone" || e.Fields[1].Name != "¶1 · reported" {
		t.Errorf("page 2 fields = %+v %+v; want quote 5 (quoted) and quote 6 (reported)", e.Fields[0], e.Fields[len(e.Fields)-1])
	}
	if got, want := e.Footer.Text, "6–7 of 7 · page 2 of 2"; got != want {
		t.Errorf("footer = %q; want %q", got, want)
	}
	row := resp.Components[0].(discordgo.ActionsRow)
	prev, next := row.Components[0].(discordgo.Button), row.Components[1].(discordgo.Button)
	if prev.CustomID != "spk:0:0:a" || prev.Disabled || next.CustomID != "spk:2:0:a" || !next.Disabled {
		t.Errorf("buttons = %+v, %+v; want enabled Previous to page 0, disabled Next", prev, next)
	}

	if resp := renderSpeaker(a, a.Speakers[0], 0, nil); resp.Components != nil {
		t.Errorf("without IDs: components = %v; want none", resp.Components)
	}

	resp = renderSpeaker(a, a.Speakers[1], 0, id)
	if got, want := resp.Embeds[0].Description, "Max is mentioned in ¶2, ¶3; never quoted"; got != want {
		t.Errorf("never quoted: description = %q; want %q", got, want)
	}
	if resp.Components != nil {
		t.Errorf("never quoted: components = %v; want none", resp.Components)
	}
}

// speakerArticle is an article that quotes who n times (a reported
// statement last), each quotation text long.
func speakerArticle(id, title string, who corpus.Speaker, n int, text string) *corpus.Article {
	a := &corpus.Article{ID: id, Title: title, Paragraphs: []string{"p1", "p2"}, Speakers: []corpus.Speaker{{Name: "Someone Else"}, who}}
	for i := range n {
		kind := corpus.Direct
		if i == n-1 {
			kind = corpus.Indirect
		}
		a.Quotes = append(a.Quotes, corpus.Quote{Paragraph: i%2 + 1, Speaker: who.Name, Kind: kind, Text: fmt.Sprintf("%s %d", text, i)})
	}
	return a
}

func TestRenderSpeakerAcross(t *testing.T) {
	ann := corpus.Speaker{Name: "Ann Lee", Aliases: []string{"Lee"}, Description: "a *senior* fellow", Quotes: 6, Statements: 1}
	one := speakerArticle("one", "First article", ann, 7, "said one")
	two := speakerArticle("two", "Second article", corpus.Speaker{Name: "Ann Lee", Quotes: 1, Statements: 1}, 2, "said two")
	three := &corpus.Article{ID: "three", Title: "Third article", Speakers: []corpus.Speaker{{Name: "Ann Lee", MentionedIn: []int{4}}}}
	hits := []speakerHit{{one, one.Speakers[1], 1}, {two, two.Speakers[1], 1}, {three, three.Speakers[0], 0}}
	id := func(h speakerHit) string { return fmt.Sprintf("spk:0:%d:%s", h.index, h.article.ID) }

	resp := renderSpeakerAcross(hits, id)
	checkLimits(t, resp)
	data, err := json.Marshal(responseData(resp))
	if err != nil {
		t.Fatal(err)
	}
	jsonEqual(t, data, `{
		"content": "**Ann Lee** is in 3 articles.",
		"allowed_mentions": {"parse": [], "replied_user": false},
		"embeds": [
			{"title": "First article", "author": {"name": "Ann Lee"}, "color": 2845872,
			 "description": "a \\*senior\\* fellow\nAlso called: Lee\n6 quotations, 1 reported statement.",
			 "fields": [
				{"name": "¶1 · quotation", "value": "“said one 0”"},
				{"name": "¶2 · quotation", "value": "“said one 1”"},
				{"name": "¶1 · quotation", "value": "“said one 2”"},
				{"name": "¶2 · quotation", "value": "“said one 3”"},
				{"name": "¶1 · quotation", "value": "“said one 4”"}
			 ]},
			{"title": "Second article", "author": {"name": "Ann Lee"}, "color": 2845872,
			 "description": "1 quotation, 1 reported statement.",
			 "fields": [
				{"name": "¶1 · quotation", "value": "“said two 0”"},
				{"name": "¶2 · reported", "value": "said two 1"}
			 ]},
			{"title": "Third article", "author": {"name": "Ann Lee"}, "color": 2845872,
			 "description": "Ann Lee is mentioned in ¶4; never quoted"}
		],
		"components": [
			{"type": 1, "components": [
				{"type": 2, "style": 2, "label": "All in First article", "custom_id": "spk:0:1:one", "disabled": false}
			]}
		],
		"tts": false
	}`)

	if resp := renderSpeakerAcross(hits, nil); resp.Components != nil {
		t.Errorf("without IDs: components = %v; want none", resp.Components)
	}
}

// TestRenderSpeakerAcrossAtLimits finds one person in 12 articles with long
// titles, descriptions and quotations: the reply keeps to 10 embeds and
// 6,000 characters in all, says how many articles there are, and offers a
// button for each article shown whose quotations did not all fit.
func TestRenderSpeakerAcrossAtLimits(t *testing.T) {
	long := words(400)
	who := corpus.Speaker{Name: "Ann " + words(60), Aliases: []string{words(100)}, Description: long, Quotes: 29, Statements: 1}
	var hits []speakerHit
	for k := range 12 {
		a := speakerArticle(fmt.Sprintf("article-%02d", k), fmt.Sprintf("Title %d %s", k, long), who, 30, long)
		hits = append(hits, speakerHit{a, who, 1})
	}
	id := func(h speakerHit) string { return "spk:0:1:" + h.article.ID }
	resp := renderSpeakerAcross(hits, id)
	checkLimits(t, resp)
	if len(resp.Embeds) != maxEmbeds {
		t.Errorf("%d embeds; want %d, Discord's limit", len(resp.Embeds), maxEmbeds)
	}
	if want := "is in 12 articles. Here are the first 10; choose another with the article option."; !strings.HasSuffix(resp.Content, want) {
		t.Errorf("content = %q; want it to end %q", resp.Content, want)
	}
	var buttons int
	for _, row := range resp.Components {
		buttons += len(row.(discordgo.ActionsRow).Components)
	}
	if buttons != maxEmbeds {
		t.Errorf("%d buttons; want one for each of the %d articles shown", buttons, maxEmbeds)
	}
	for i, e := range resp.Embeds {
		if !strings.HasPrefix(e.Title, fmt.Sprintf("Title %d word0", i)) {
			t.Errorf("embed %d title %.30q; want article %d's", i, e.Title, i)
		}
	}
}

func TestFitEmbeds(t *testing.T) {
	long := words(1000)
	big := func() *discordgo.MessageEmbed {
		e := &discordgo.MessageEmbed{Title: long, Description: long, Author: &discordgo.MessageEmbedAuthor{Name: long},
			Footer: &discordgo.MessageEmbedFooter{Text: long}}
		for range 30 {
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: long, Value: long})
		}
		return e
	}
	small := func() *discordgo.MessageEmbed { return &discordgo.MessageEmbed{Title: "small", Description: "short"} }
	tests := []struct {
		name   string
		embeds []*discordgo.MessageEmbed
		want   int // embeds kept
	}{
		{"one big", []*discordgo.MessageEmbed{big()}, 1},
		{"twelve big: ten kept", []*discordgo.MessageEmbed{big(), big(), big(), big(), big(), big(), big(), big(), big(), big(), big(), big()}, 10},
		{"small first leaves room", []*discordgo.MessageEmbed{small(), big(), big()}, 3},
		{"none", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fitEmbeds(tt.embeds)
			checkLimits(t, Response{Embeds: got})
			if len(got) != tt.want {
				t.Errorf("fitEmbeds kept %d embeds; want %d", len(got), tt.want)
			}
		})
	}
	t.Run("small ones untouched", func(t *testing.T) {
		got := fitEmbeds([]*discordgo.MessageEmbed{small(), small()})
		if got[0].Title != "small" || got[1].Description != "short" {
			t.Errorf("fitEmbeds changed small embeds: %+v %+v", got[0], got[1])
		}
	})
	t.Run("a tiny limit: nothing but a cut title", func(t *testing.T) {
		e := fitEmbedTo(big(), 10)
		if n := embedLen(e); n > 10 {
			t.Errorf("fitEmbedTo(big, 10) is %d characters; want at most 10", n)
		}
	})
}

func TestRenderSpeakersManyLines(t *testing.T) {
	a := &corpus.Article{ID: "a", Title: "T"}
	for i := range 200 {
		a.Speakers = append(a.Speakers, corpus.Speaker{Name: fmt.Sprintf("Person %d", i), Description: words(40), Quotes: 1})
	}
	a.Speakers = append(a.Speakers, corpus.Speaker{Name: "Never Quoted"})
	resp := renderSpeakers(a)
	checkLimits(t, resp)
	d := resp.Embeds[0].Description
	if !strings.HasPrefix(d, "**Person 0** — word0 word1") || !strings.Contains(d, "(1 quotation, 0 reported statements)") {
		t.Errorf("description starts %.80q; want Person 0 with role and counts", d)
	}
	if !strings.HasSuffix(d, " more") || strings.Contains(d, "Never Quoted") {
		t.Errorf("description ends %q; want a count of the lines left out, and no one unquoted", tail(d))
	}
}

func TestMessageSendNeverPings(t *testing.T) {
	m := &discordgo.Message{ID: "5", ChannelID: "6", GuildID: "7"}
	got, err := json.Marshal(messageSend(Response{Content: "@everyone <@123>"}, m))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"content":"@everyone \u003c@123\u003e","embeds":null,"tts":false,"components":null,` +
		`"allowed_mentions":{"parse":[],"replied_user":false},` +
		`"message_reference":{"message_id":"5","channel_id":"6","guild_id":"7","fail_if_not_exists":false},"sticker_ids":null}`
	jsonEqual(t, got, want)
}

// BenchmarkRenderAnswer renders an answer with ten long results, the most
// a reply renders; fitting text to the limits is the costly part.
func BenchmarkRenderAnswer(b *testing.B) {
	long := words(1800)
	c := testCorpus(long)
	results := make([]index.Result, 10)
	for i := range results {
		results[i] = index.Result{Doc: "test-article", Paragraph: i + 1, Text: long, Kind: corpus.Direct, Highlights: []index.Span{sp(0, 5), sp(600, 605)}}
	}
	ans := index.Answer{Question: "What?", Status: index.Answered, Text: long, Doc: "test-article", Paragraph: 1,
		Highlights: []index.Span{sp(0, 5), sp(9000, 9005)}, Results: results}
	b.ReportAllocs()
	for b.Loop() {
		renderAnswer(c, ans, "key", false)
	}
}

func TestCitation(t *testing.T) {
	tests := []struct {
		name    string
		speaker string
		kind    corpus.Kind
		want    string
	}{
		{"quotation with its speaker", "Adam Thomson", corpus.Direct, "Adam Thomson · Talks, ¶9"},
		{"statement with its speaker", "Adam Thomson", corpus.Indirect, "Adam Thomson · Talks, ¶9"},
		{"quotation the article does not attribute", "", corpus.Mixed, "*unattributed quotation* · Talks, ¶9"},
		{"the writer's own words", "", "", "Talks, ¶9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := citation("Talks", 9, tt.speaker, tt.kind); got != tt.want {
				t.Errorf("citation(%q, %q) = %q; want %q", tt.speaker, tt.kind, got, tt.want)
			}
		})
	}
}
