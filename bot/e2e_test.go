package bot_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"articlebot/bot"
	"articlebot/bot/discordtest"
	"articlebot/corpus"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata/ with what the bot sends")

// callback is an interaction response as the bot sent it.
type callback struct {
	Type discordgo.InteractionResponseType `json:"type"`
	Data struct {
		Content         string           `json:"content"`
		Flags           int              `json:"flags"`
		Embeds          []embed          `json:"embeds"`
		Components      []row            `json:"components"`
		Choices         []choice         `json:"choices"`
		AllowedMentions *allowedMentions `json:"allowed_mentions"`
	} `json:"data"`
}

type embed struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	Fields      []struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	} `json:"fields"`
	Footer *struct {
		Text string `json:"text"`
	} `json:"footer"`
}

type row struct {
	Components []struct {
		Label    string `json:"label"`
		CustomID string `json:"custom_id"`
		Disabled bool   `json:"disabled"`
	} `json:"components"`
}

type choice struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// messageSend is a message as the bot posted it.
type messageSend struct {
	Content          string           `json:"content"`
	Embeds           []embed          `json:"embeds"`
	Components       []row            `json:"components"`
	AllowedMentions  *allowedMentions `json:"allowed_mentions"`
	MessageReference struct {
		MessageID string `json:"message_id"`
	} `json:"message_reference"`
}

type allowedMentions struct {
	Parse       []string `json:"parse"`
	RepliedUser bool     `json:"replied_user"`
}

// customID returns the custom ID of the button whose ID starts with prefix.
func customID(t *testing.T, rows []row, prefix string) string {
	t.Helper()
	for _, r := range rows {
		for _, c := range r.Components {
			if strings.HasPrefix(c.CustomID, prefix) && !c.Disabled {
				return c.CustomID
			}
		}
	}
	t.Fatalf("no enabled button %s… in %+v", prefix, rows)
	return ""
}

// interact sends an interaction and returns the bot's accepted response,
// raw and decoded. It checks that the reply pings no one.
func interact(t *testing.T, srv *discordtest.Server, i *discordgo.Interaction) (discordtest.Request, callback) {
	t.Helper()
	sent := srv.Interact(i)
	req, err := srv.WaitCallback(waitCtx(t), sent)
	if err != nil {
		t.Fatal(err)
	}
	var cb callback
	if err := req.Decode(&cb); err != nil {
		t.Fatal(err)
	}
	if cb.Type == discordgo.InteractionResponseChannelMessageWithSource || cb.Type == discordgo.InteractionResponseUpdateMessage {
		checkNoPing(t, cb.Data.AllowedMentions)
	}
	return req, cb
}

func checkNoPing(t *testing.T, am *allowedMentions) {
	t.Helper()
	if am == nil || am.Parse == nil || len(am.Parse) != 0 || am.RepliedUser {
		t.Errorf("allowed_mentions = %+v; want parse [] and replied_user false", am)
	}
}

// golden compares JSON the bot sent with testdata/name.json, by value, and
// rewrites the file under -update. IDs that change from run to run (a
// message's) are written as "<id 1>", "<id 2>" … in their order in ids.
func golden(t *testing.T, name string, got []byte, ids ...string) {
	t.Helper()
	path := filepath.Join("testdata", name+".json")
	for k, id := range ids {
		got = bytes.ReplaceAll(got, []byte(`"`+id+`"`), []byte(fmt.Sprintf(`"<id %d>"`, k+1)))
	}
	var g any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("decode %s: %v", got, err)
	}
	pretty, err := json.MarshalIndent(g, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(g); err != nil {
		t.Fatal(err)
	}
	if *updateGolden {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./bot -run %s -update to write it)", err, t.Name())
	}
	var w any
	if err := json.Unmarshal(data, &w); err != nil {
		t.Fatalf("decode %s: %v", path, err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("the bot sent\n%s\nwant (%s)\n%s", pretty, path, data)
	}
}

// speakerChoices types typed into /speaker's name and returns the values
// the bot suggests, in order.
func speakerChoices(t *testing.T, srv *discordtest.Server, typed string) []string {
	t.Helper()
	_, cb := interact(t, srv, discordtest.Autocomplete("speaker", discordtest.Focused("name", typed)))
	if cb.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
		t.Fatalf("autocomplete %q: type %d; want 8", typed, cb.Type)
	}
	var got []string
	for _, c := range cb.Data.Choices {
		got = append(got, c.Value)
	}
	return got
}

// replyTo waits for the bot's reply to the message m.
func replyTo(t *testing.T, srv *discordtest.Server, m *discordgo.Message) (discordtest.Request, messageSend) {
	t.Helper()
	path := "/api/v9/channels/" + m.ChannelID + "/messages"
	req, err := srv.WaitRequest(waitCtx(t), func(r discordtest.Request) bool {
		return r.Method == http.MethodPost && r.Path == path && bytes.Contains(r.Body, []byte(`"message_id":"`+m.ID+`"`))
	})
	if err != nil {
		t.Fatalf("no reply to message %s: %v", m.ID, err)
	}
	var sent messageSend
	if err := req.Decode(&sent); err != nil {
		t.Fatal(err)
	}
	checkNoPing(t, sent.AllowedMentions)
	return req, sent
}

func TestCommands(t *testing.T) {
	srv, _ := startBot(t, offTheClock, func(c *bot.Config) { c.UserBurst = -1 })

	t.Run("registered", func(t *testing.T) {
		req, err := srv.WaitCommands(waitCtx(t))
		if err != nil {
			t.Fatal(err)
		}
		if want := "/api/v9/applications/" + discordtest.AppID + "/commands"; req.Path != want {
			t.Errorf("commands registered at %s; want %s (global)", req.Path, want)
		}
		golden(t, "commands", req.Body)
	})

	var askButtons []row
	t.Run("ask", func(t *testing.T) {
		req, cb := interact(t, srv, discordtest.Command("ask", discordtest.Opt("question", "Who said there is no magic wand?")))
		golden(t, "ask", req.Body)
		askButtons = cb.Data.Components
		if len(cb.Data.Embeds) != 1 || !strings.Contains(cb.Data.Embeds[0].Description, "Adam Thomson · ") ||
			!strings.Contains(cb.Data.Embeds[0].Description, ", ¶9") {
			t.Errorf("answer = %+v; want ¶9 by Adam Thomson", cb.Data.Embeds)
		}
	})

	t.Run("more results", func(t *testing.T) {
		const q = "What did Carden say?" // many passages answer it
		_, ask := interact(t, srv, discordtest.Command("ask", discordtest.Opt("question", q)))
		req, cb := interact(t, srv, discordtest.Button(customID(t, ask.Data.Components, "more:")))
		golden(t, "more-results", req.Body)
		if cb.Type != discordgo.InteractionResponseChannelMessageWithSource || cb.Data.Flags != int(discordgo.MessageFlagsEphemeral) {
			t.Fatalf("More results: type %d flags %d; want a private new message (4, 64)", cb.Type, cb.Data.Flags)
		}
		e := cb.Data.Embeds[0]
		if e.Title != "Results for: "+q || len(e.Fields) != 5 || !strings.HasPrefix(e.Footer.Text, "Results 1–5 of ") {
			t.Errorf("More results embed = %+v; want the first 5 results", e)
		}
		footer := ask.Data.Embeds[0].Footer.Text
		para := footer[strings.LastIndex(footer, "¶"):]
		if !strings.HasPrefix(e.Fields[0].Name, para+" ") {
			t.Errorf("first result %q; want the answer's paragraph (%s)", e.Fields[0].Name, footer)
		}
		_, next := interact(t, srv, discordtest.Button(customID(t, cb.Data.Components, "page:")))
		if next.Type != discordgo.InteractionResponseUpdateMessage || !strings.HasPrefix(next.Data.Embeds[0].Footer.Text, "Results 6–") {
			t.Errorf("Next: type %d footer %+v; want the page updated in place (7) to results 6–", next.Type, next.Data.Embeds[0].Footer)
		}
	})

	t.Run("show paragraph", func(t *testing.T) {
		id := customID(t, askButtons, "para:")
		if id != "para:9:trump-putin-2016" {
			t.Errorf("Show paragraph custom_id = %q; want para:9:trump-putin-2016", id)
		}
		req, cb := interact(t, srv, discordtest.Button(id))
		golden(t, "show-paragraph", req.Body)
		d := cb.Data.Embeds[0].Description
		i8, i9, i10 := strings.Index(d, "*¶8* "), strings.Index(d, "**¶9** "), strings.Index(d, "*¶10* ")
		if i8 != 0 || i9 < i8 || i10 < i9 {
			t.Errorf("paragraph description = %q; want ¶8, ¶9 and ¶10 in order", d)
		}
	})

	t.Run("ask privately, then share", func(t *testing.T) {
		_, cb := interact(t, srv, discordtest.Command("ask", discordtest.Opt("question", "Who is James Carden?"), discordtest.Opt("private", true)))
		if cb.Data.Flags != int(discordgo.MessageFlagsEphemeral) {
			t.Errorf("private answer flags = %d; want 64", cb.Data.Flags)
		}
		req, shared := interact(t, srv, discordtest.Button(customID(t, cb.Data.Components, "share:")))
		golden(t, "share", req.Body)
		if shared.Type != discordgo.InteractionResponseChannelMessageWithSource || shared.Data.Flags != 0 {
			t.Errorf("shared: type %d flags %d; want a public new message (4, 0)", shared.Type, shared.Data.Flags)
		}
		if want := "<@" + discordtest.UserID + "> shared an answer."; !strings.HasPrefix(shared.Data.Content, want) {
			t.Errorf("shared content = %q; want it to start %q", shared.Data.Content, want)
		}
		if !reflect.DeepEqual(shared.Data.Embeds, cb.Data.Embeds) {
			t.Errorf("shared embeds = %+v; want the private answer's %+v", shared.Data.Embeds, cb.Data.Embeds)
		}
		for _, r := range shared.Data.Components {
			for _, c := range r.Components {
				if strings.HasPrefix(c.CustomID, "share:") {
					t.Errorf("the public copy has a Share button")
				}
			}
		}
	})

	t.Run("no answer", func(t *testing.T) {
		req, cb := interact(t, srv, discordtest.Command("ask", discordtest.Opt("question", "What is the weather on Mars?")))
		golden(t, "no-answer", req.Body)
		if cb.Data.Content != "The article does not seem to answer that." || cb.Data.Flags != 0 {
			t.Errorf("reply = %q flags %d; want that the article does not answer, in public", cb.Data.Content, cb.Data.Flags)
		}
	})

	t.Run("not a question", func(t *testing.T) {
		_, cb := interact(t, srv, discordtest.Command("ask", discordtest.Opt("question", "?!")))
		if cb.Data.Content != "Please ask a question about the article." || cb.Data.Flags != int(discordgo.MessageFlagsEphemeral) {
			t.Errorf("reply = %q flags %d; want the request for a question, private", cb.Data.Content, cb.Data.Flags)
		}
	})

	t.Run("expired button", func(t *testing.T) {
		_, cb := interact(t, srv, discordtest.Button("more:aaaaaaaaaaaa:0"))
		if !strings.Contains(cb.Data.Content, "ask again") || cb.Data.Flags != int(discordgo.MessageFlagsEphemeral) {
			t.Errorf("expired button reply = %q flags %d; want a private ask again", cb.Data.Content, cb.Data.Flags)
		}
	})

	t.Run("paragraph", func(t *testing.T) {
		req, _ := interact(t, srv, discordtest.Command("paragraph", discordtest.Opt("number", 9)))
		golden(t, "paragraph", req.Body)
	})

	t.Run("paragraph out of range", func(t *testing.T) {
		_, cb := interact(t, srv, discordtest.Command("paragraph", discordtest.Opt("number", 99)))
		want := "There is no ¶99: Trump, Putin and the uneasy future of U.S.–Russia relations (November 2016) has paragraphs ¶1 to ¶22."
		if cb.Data.Content != want || cb.Data.Flags != int(discordgo.MessageFlagsEphemeral) {
			t.Errorf("reply = %q flags %d; want %q, private", cb.Data.Content, cb.Data.Flags, want)
		}
	})

	speakerTests := []struct {
		name, typed, wantTitle string
	}{
		{"canonical name", "Adam Thomson", "Adam Thomson"},
		{"alias, any case", "sir adam thomson", "Adam Thomson"},
		{"typo", "Adam Tomson", "Adam Thomson"},
	}
	for _, tt := range speakerTests {
		t.Run("speaker "+tt.name, func(t *testing.T) {
			_, cb := interact(t, srv, discordtest.Command("speaker", discordtest.Opt("name", tt.typed)))
			if len(cb.Data.Embeds) != 1 || cb.Data.Embeds[0].Title != tt.wantTitle {
				t.Fatalf("/speaker %q = %q %+v; want %q", tt.typed, cb.Data.Content, cb.Data.Embeds, tt.wantTitle)
			}
		})
	}

	t.Run("speaker pages", func(t *testing.T) {
		req, cb := interact(t, srv, discordtest.Command("speaker", discordtest.Opt("name", "Thomson")))
		golden(t, "speaker", req.Body)
		_, next := interact(t, srv, discordtest.Button(customID(t, cb.Data.Components, "spk:1:")))
		if next.Type != discordgo.InteractionResponseUpdateMessage || next.Data.Embeds[0].Title != "Adam Thomson" ||
			!strings.Contains(next.Data.Embeds[0].Footer.Text, "page 2 of") {
			t.Errorf("Next: type %d embed %+v; want page 2 of Adam Thomson, in place", next.Type, next.Data.Embeds[0])
		}
	})

	t.Run("speaker never quoted", func(t *testing.T) {
		_, cb := interact(t, srv, discordtest.Command("speaker", discordtest.Opt("name", "Flynn")))
		if len(cb.Data.Embeds) != 1 || !strings.HasSuffix(cb.Data.Embeds[0].Description, "\nMichael Flynn is mentioned in ¶12, ¶13; never quoted") {
			t.Errorf("/speaker Flynn = %+v; want mentioned in ¶12…; never quoted", cb.Data.Embeds)
		}
	})

	t.Run("speaker unknown", func(t *testing.T) {
		_, cb := interact(t, srv, discordtest.Command("speaker", discordtest.Opt("name", "Nobody *Here*")))
		want := `I found no one called “Nobody \*Here\*” in the article. /speakers lists everyone quoted.`
		if cb.Data.Content != want {
			t.Errorf("reply = %q; want %q", cb.Data.Content, want)
		}
	})

	autocompleteTests := []struct {
		name, typed string
		want        []string // choice values, in order
	}{
		{"prefix", "thom", []string{"Adam Thomson"}},
		{"alias, any case", "SIR AD", []string{"Adam Thomson"}},
		{"nobody", "zzz", nil},
		{"mentioned only", "flynn", []string{"Michael Flynn"}},
	}
	for _, tt := range autocompleteTests {
		t.Run("autocomplete "+tt.name, func(t *testing.T) {
			if got := speakerChoices(t, srv, tt.typed); !slices.Equal(got, tt.want) {
				t.Errorf("autocomplete %q = %v; want %v", tt.typed, got, tt.want)
			}
		})
	}

	t.Run("autocomplete exact", func(t *testing.T) {
		req, _ := interact(t, srv, discordtest.Autocomplete("speaker", discordtest.Focused("name", "mich")))
		golden(t, "autocomplete", req.Body)
	})

	t.Run("autocomplete everyone, quoted first", func(t *testing.T) {
		_, cb := interact(t, srv, discordtest.Autocomplete("speaker", discordtest.Focused("name", "")))
		if n := len(cb.Data.Choices); n < 12 || n > 25 {
			t.Errorf("autocomplete with nothing typed gives %d choices; want every one of the article's people (12), at most 25", n)
		}
		var quoted []string
		for _, c := range cb.Data.Choices[:min(5, len(cb.Data.Choices))] {
			quoted = append(quoted, c.Value)
		}
		if want := []string{"Vladimir Putin", "Kremlin", "Adam Thomson", "James Carden", "Fred Harrison"}; !slices.Equal(quoted, want) {
			t.Errorf("first choices %v; want the five people quoted, in article order: %v", quoted, want)
		}
	})

	t.Run("speakers", func(t *testing.T) {
		req, cb := interact(t, srv, discordtest.Command("speakers"))
		golden(t, "speakers", req.Body)
		d := cb.Data.Embeds[0].Description
		for _, name := range []string{"Vladimir Putin", "Kremlin", "Adam Thomson", "James Carden", "Fred Harrison"} {
			if !strings.Contains(d, "**"+name+"**") {
				t.Errorf("/speakers lacks %s: %q", name, d)
			}
		}
		if strings.Contains(d, "Flynn") {
			t.Errorf("/speakers lists Michael Flynn, who is never quoted: %q", d)
		}
	})

	t.Run("quote matching words", func(t *testing.T) {
		req, cb := interact(t, srv, discordtest.Command("quote", discordtest.Opt("text", "magic wand")))
		golden(t, "quote", req.Body)
		if len(cb.Data.Embeds) != 1 || cb.Data.Embeds[0].Title != "Adam Thomson" || !strings.Contains(cb.Data.Embeds[0].Description, "no **magic** **wand**") {
			t.Errorf("/quote magic wand = %+v; want Adam Thomson's quotation with the words in bold", cb.Data.Embeds)
		}
	})

	t.Run("quote random", func(t *testing.T) {
		_, cb := interact(t, srv, discordtest.Command("quote"))
		speakers := []string{"Vladimir Putin", "Kremlin", "Adam Thomson", "James Carden", "Fred Harrison"}
		if len(cb.Data.Embeds) != 1 || !slices.Contains(speakers, cb.Data.Embeds[0].Title) {
			t.Errorf("/quote = %+v; want a quotation by one of %v", cb.Data.Embeds, speakers)
		}
	})

	t.Run("about", func(t *testing.T) {
		req, cb := interact(t, srv, discordtest.Command("about"))
		golden(t, "about", req.Body)
		if cb.Data.Flags != int(discordgo.MessageFlagsEphemeral) || cb.Data.Embeds[0].Title != "About this bot" ||
			!strings.Contains(cb.Data.Embeds[0].Fields[0].Value, "Trump, Putin and the uneasy future") {
			t.Errorf("/about = flags %d %+v; want the article, privately", cb.Data.Flags, cb.Data.Embeds)
		}
	})

	var answered []*discordgo.Message
	t.Run("mention", func(t *testing.T) {
		m := srv.Message(discordtest.Mention() + " Who said there is no magic wand? @everyone")
		req, _ := replyTo(t, srv, m)
		answered = append(answered, m)
		golden(t, "mention", req.Body, m.ID)
	})

	t.Run("direct message", func(t *testing.T) {
		m := srv.DirectMessage("Who is James Carden?")
		req, sent := replyTo(t, srv, m)
		golden(t, "direct-message", req.Body, m.ID)
		answered = append(answered, m)
		if len(sent.Embeds) != 1 || !strings.Contains(sent.Embeds[0].Description, "Carden") {
			t.Errorf("DM reply = %+v; want an answer about James Carden", sent.Embeds)
		}
	})

	t.Run("messages without a mention are ignored", func(t *testing.T) {
		ignored := srv.Message("Who is James Carden?")
		m := srv.Message("<@" + discordtest.AppID + "> Who is James Carden?")
		replyTo(t, srv, m)
		answered = append(answered, m)
		for _, r := range srv.Requests() {
			if bytes.Contains(r.Body, []byte(`"message_id":"`+ignored.ID+`"`)) {
				t.Errorf("the bot answered a message that does not mention it: %s", r.Body)
			}
		}
	})

	t.Run("own messages are ignored", func(t *testing.T) {
		// The fake echoes each reply back over the gateway, as Discord does:
		// a bot answering itself would post more replies than questions.
		var posts int
		for _, r := range srv.Requests() {
			if r.Method == http.MethodPost && strings.HasPrefix(r.Path, "/api/v9/channels/") {
				posts++
			}
		}
		if posts != len(answered) {
			t.Errorf("%d messages posted for %d questions", posts, len(answered))
		}
	})
}

// TestDeferAndRateLimit drives the router's middleware: replies deferred at
// once (as they are when a handler is slow) and the per-user limit.
func TestDeferAndRateLimit(t *testing.T) {
	srv, _ := startBot(t, func(c *bot.Config) {
		c.DeferAfter = -1
		c.UserBurst = 3
		c.UserEvery = time.Hour
	})

	var buttons []row
	t.Run("deferred answer", func(t *testing.T) {
		i := srv.Interact(discordtest.Command("ask", discordtest.Opt("question", "Who said there is no magic wand?")))
		req, err := srv.WaitCallback(waitCtx(t), i)
		if err != nil {
			t.Fatal(err)
		}
		golden(t, "deferred", req.Body)
		edit, err := srv.WaitRequest(waitCtx(t), func(r discordtest.Request) bool {
			return r.Method == http.MethodPatch && r.Path == "/api/v9/webhooks/"+discordtest.AppID+"/"+i.Token+"/messages/@original"
		})
		if err != nil {
			t.Fatal(err)
		}
		golden(t, "deferred-edit", edit.Body)
		var body struct {
			Components      []row            `json:"components"`
			AllowedMentions *allowedMentions `json:"allowed_mentions"`
		}
		if err := edit.Decode(&body); err != nil {
			t.Fatal(err)
		}
		checkNoPing(t, body.AllowedMentions)
		buttons = body.Components
	})

	t.Run("deferred private answer", func(t *testing.T) {
		_, cb := interact(t, srv, discordtest.Command("ask", discordtest.Opt("question", "Who is Fred Harrison?"), discordtest.Opt("private", true)))
		if cb.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || cb.Data.Flags != int(discordgo.MessageFlagsEphemeral) {
			t.Errorf("deferral type %d flags %d; want 5 with flags 64", cb.Type, cb.Data.Flags)
		}
	})

	t.Run("deferred button", func(t *testing.T) {
		_, cb := interact(t, srv, discordtest.Button(customID(t, buttons, "para:")))
		if cb.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || cb.Data.Flags != int(discordgo.MessageFlagsEphemeral) {
			t.Errorf("deferral type %d flags %d; want 5 with flags 64", cb.Type, cb.Data.Flags)
		}
	})

	t.Run("rate limited", func(t *testing.T) {
		_, cb := interact(t, srv, discordtest.Command("about"))
		want := "You are asking faster than I can answer. Please wait a few seconds and try again."
		if cb.Type != discordgo.InteractionResponseChannelMessageWithSource || cb.Data.Content != want || cb.Data.Flags != int(discordgo.MessageFlagsEphemeral) {
			t.Errorf("4th request: type %d %q flags %d; want %q, private, not deferred", cb.Type, cb.Data.Content, cb.Data.Flags, want)
		}
	})

	t.Run("rate limited mention", func(t *testing.T) {
		m := srv.Message(discordtest.Mention() + " who is Carden?")
		_, sent := replyTo(t, srv, m)
		if want := "You are asking faster than I can answer. Please wait a few seconds and try again."; sent.Content != want || len(sent.Embeds) != 0 {
			t.Errorf("reply %q %+v; want %q", sent.Content, sent.Embeds, want)
		}
	})

	t.Run("autocomplete is not limited", func(t *testing.T) {
		_, cb := interact(t, srv, discordtest.Autocomplete("speaker", discordtest.Focused("name", "carden")))
		if len(cb.Data.Choices) != 1 || cb.Data.Choices[0].Value != "James Carden" {
			t.Errorf("choices = %+v; want James Carden", cb.Data.Choices)
		}
	})
}

// TestArticles runs the bot over two articles: every command takes an
// article, and /articles lists them.
func TestArticles(t *testing.T) {
	second, err := corpus.LoadFile(filepath.Join("testdata", "library-vote.md"))
	if err != nil {
		t.Fatal(err)
	}
	c := corpus.Default()
	c.Articles = append(c.Articles, second)
	srv, _ := startBotWith(t, c, offTheClock, func(c *bot.Config) { c.UserBurst = -1 })

	t.Run("registered", func(t *testing.T) {
		req, err := srv.WaitCommands(waitCtx(t))
		if err != nil {
			t.Fatal(err)
		}
		var cmds []discordgo.ApplicationCommand
		if err := req.Decode(&cmds); err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, cmd := range cmds {
			names = append(names, cmd.Name)
			hasArticle := slices.ContainsFunc(cmd.Options, func(o *discordgo.ApplicationCommandOption) bool {
				return o.Name == "article" && o.Autocomplete && !o.Required
			})
			if hasArticle == (cmd.Name == "articles") {
				t.Errorf("/%s has an article option: %v", cmd.Name, hasArticle)
			}
		}
		if want := []string{"ask", "speaker", "speakers", "quote", "paragraph", "about", "articles"}; !slices.Equal(names, want) {
			t.Errorf("commands %v; want %v", names, want)
		}
	})

	t.Run("articles", func(t *testing.T) {
		_, cb := interact(t, srv, discordtest.Command("articles"))
		want := "`trump-putin-2016` — Trump, Putin and the uneasy future of U.S.–Russia relations (November 2016) (22 paragraphs)\n" +
			"`library-vote` — Town council votes to keep the river library open (5 paragraphs)"
		if got := cb.Data.Embeds[0].Description; got != want {
			t.Errorf("/articles = %q; want %q", got, want)
		}
	})

	t.Run("autocomplete article", func(t *testing.T) {
		_, cb := interact(t, srv, discordtest.Autocomplete("ask", discordtest.Opt("question", "x"), discordtest.Focused("article", "LIBR")))
		want := []choice{{Name: "Town council votes to keep the river library open", Value: "library-vote"}}
		if !reflect.DeepEqual(cb.Data.Choices, want) {
			t.Errorf("choices = %+v; want %+v", cb.Data.Choices, want)
		}
	})

	tests := []struct {
		name       string
		i          *discordgo.Interaction
		wantInDesc string
	}{
		{"ask in one article", discordtest.Command("ask", discordtest.Opt("question", "How much will the roof repairs cost?"), discordtest.Opt("article", "library-vote")),
			"Town council votes to keep the river library open, ¶"},
		{"paragraph of one article", discordtest.Command("paragraph", discordtest.Opt("number", 4), discordtest.Opt("article", "library-vote")),
			"The library will close for two weeks in August while the roof is repaired."},
		{"mentions in a passage ping no one", discordtest.Command("paragraph", discordtest.Opt("number", 5), discordtest.Opt("article", "library-vote")),
			"signed it <@123\\> read: “@everyone is welcome here"},
		{"paragraph without article: the first", discordtest.Command("paragraph", discordtest.Opt("number", 4)),
			"Thomson"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, cb := interact(t, srv, tt.i)
			if len(cb.Data.Embeds) != 1 || !strings.Contains(cb.Data.Embeds[0].Description, tt.wantInDesc) {
				t.Errorf("reply %q %+v; want a description with %q", cb.Data.Content, cb.Data.Embeds, tt.wantInDesc)
			}
		})
	}

	t.Run("unknown article", func(t *testing.T) {
		_, cb := interact(t, srv, discordtest.Command("speakers", discordtest.Opt("article", "nope")))
		if want := `I have no article “nope”. /articles lists them.`; cb.Data.Content != want {
			t.Errorf("reply = %q; want %q", cb.Data.Content, want)
		}
	})
}
