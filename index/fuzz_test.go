package index

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"articlebot/corpus"
)

// FuzzAsk asks the embedded article anything and checks what every caller
// relies on: no error and no panic, a known status, at most the results
// asked for, citations of real paragraphs, an answer taken from the text it
// cites, and highlights inside the text they mark.
func FuzzAsk(f *testing.F) {
	for _, s := range []string{
		"", "?!?", "Who said there is no magic wand?", "What did Carden say about NATO?",
		"Who is K.T. McFarland?", "text:x", "/.*/", "a*", "x~5", `"magic wand`, "+Putin -Trump AND OR NOT",
		"מי אמר את זה?", "🤔 magic wand?", "magic \xff\xfe wand", "\x00\x01\x1b[31m", "When was NATO founded?",
		"what did he say", "who is", "according to Thomson, why?", strings.Repeat("Russia ", 300),
	} {
		f.Add(s, uint8(0))
	}
	c := corpus.Default()
	ix, err := Open(context.Background(), c, Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { _ = ix.Close() })
	a := c.Articles[0]
	f.Fuzz(func(t *testing.T, q string, limit uint8) {
		ans, err := ix.Ask(context.Background(), q, AskOptions{Limit: int(limit % 12)})
		if err != nil {
			t.Fatalf("Ask(%q) error: %v", q, err)
		}
		want := int(limit % 12)
		if want == 0 {
			want = defaultLimit
		}
		if len(ans.Results) > want {
			t.Errorf("Ask(%q) gave %d results; want at most %d", q, len(ans.Results), want)
		}
		switch ans.Status {
		case Answered:
			para, ok := a.Paragraph(ans.Paragraph)
			if ans.Doc != a.ID || !ok {
				t.Fatalf("Ask(%q) cites %s ¶%d; want a paragraph of %s", q, ans.Doc, ans.Paragraph, a.ID)
			}
			if ans.Text == "" || !utf8.ValidString(ans.Text) {
				t.Errorf("Ask(%q) answered %q; want valid text", q, ans.Text)
			}
			// A "who is" answer is built from the article's description;
			// every other answer is a piece of the paragraph it cites.
			if !strings.Contains(para, ans.Text) && !strings.Contains(ans.Text, " is ") {
				t.Errorf("Ask(%q) answered %q, which ¶%d does not hold", q, ans.Text, ans.Paragraph)
			}
			checkSpans(t, q, ans.Text, ans.Highlights)
		case NoAnswer, NotAQuestion:
			if ans.Text != "" {
				t.Errorf("Ask(%q) has status %v and text %q; want no text", q, ans.Status, ans.Text)
			}
		default:
			t.Errorf("Ask(%q) status %v; want a known one", q, ans.Status)
		}
		for _, r := range ans.Results {
			if _, ok := a.Paragraph(r.Paragraph); r.Doc != a.ID || !ok {
				t.Errorf("Ask(%q) result cites %s ¶%d", q, r.Doc, r.Paragraph)
			}
			checkSpans(t, q, r.Text, r.Highlights)
		}
	})
}

// checkSpans checks that spans lie in order inside text, apart, on rune
// boundaries.
func checkSpans(t *testing.T, q, text string, spans []Span) {
	t.Helper()
	end := 0
	for _, sp := range spans {
		if sp.Start < end || sp.End <= sp.Start || sp.End > len(text) ||
			!utf8.RuneStart(text[sp.Start]) || sp.End < len(text) && !utf8.RuneStart(text[sp.End]) {
			t.Errorf("Ask(%q): highlight %v of %q is out of order, empty or off the text", q, sp, text)
			return
		}
		end = sp.End
	}
}
