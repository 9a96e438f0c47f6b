package index

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"articlebot/corpus"
)

// openDefault opens an in-memory index of the embedded article.
func openDefault(t testing.TB) *Index {
	t.Helper()
	ix, err := Open(context.Background(), corpus.Default(), Options{})
	if err != nil {
		t.Fatalf("Open(default) = %v", err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	return ix
}

// goldQuestion is one line of testdata/eval/questions.jsonl.
type goldQuestion struct {
	Q          string `json:"q"`
	Paragraphs []int  `json:"paragraphs"`
	Speaker    string `json:"speaker"`
}

func readGold(t testing.TB) []goldQuestion {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "eval", "questions.jsonl"))
	if err != nil {
		t.Fatalf("open gold questions: %v", err)
	}
	defer f.Close()
	var out []goldQuestion
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var g goldQuestion
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatalf("gold question %q: %v", sc.Text(), err)
		}
		out = append(out, g)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read gold questions: %v", err)
	}
	return out
}

func TestGoldQuestions(t *testing.T) {
	ix := openDefault(t)
	for _, g := range readGold(t) {
		t.Run(g.Q, func(t *testing.T) {
			a, err := ix.Ask(context.Background(), g.Q, AskOptions{})
			if err != nil {
				t.Fatalf("Ask(%q) error: %v", g.Q, err)
			}
			if a.Status != Answered {
				t.Fatalf("Ask(%q).Status = %v; want Answered (results %v)", g.Q, a.Status, paragraphsOf(a.Results))
			}
			if !slices.Contains(g.Paragraphs, a.Paragraph) {
				t.Errorf("Ask(%q).Paragraph = %d (%q); want one of %v", g.Q, a.Paragraph, a.Text, g.Paragraphs)
			}
			if g.Speaker == "" {
				return
			}
			if a.Speaker != g.Speaker {
				t.Errorf("Ask(%q).Speaker = %q; want %q", g.Q, a.Speaker, g.Speaker)
			}
		})
	}
}

func paragraphsOf(rs []Result) []int {
	var out []int
	for _, r := range rs {
		out = append(out, r.Paragraph)
	}
	return out
}

func TestTopHit(t *testing.T) {
	ix := openDefault(t)
	tests := []struct {
		name      string
		question  string
		paragraph int
		contains  string
	}{
		{"acronym with dots matches plain", "What did the US State Department commission do?", 11, "State Department"},
		{"who is, description", "Who is James Carden?", 10, "executive editor"},
		{"possessive", "Who is Trump's CIA chief?", 12, "CIA chief"},
		{"stemmed verb", "What was annexed by Russia?", 6, "annexed Crimea"},
		{"case and punctuation", "MAGIC WAND!!!", 9, "magic wand"},
		{"what did, with the", "What did the Kremlin say?", 2, "active joint efforts"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ix.Ask(context.Background(), tt.question, AskOptions{})
			if err != nil {
				t.Fatalf("Ask(%q) error: %v", tt.question, err)
			}
			if a.Status != Answered || a.Paragraph != tt.paragraph {
				t.Fatalf("Ask(%q) = status %v ¶%d %q; want Answered ¶%d", tt.question, a.Status, a.Paragraph, a.Text, tt.paragraph)
			}
			if !strings.Contains(a.Text, tt.contains) {
				t.Errorf("Ask(%q).Text = %q; want it to contain %q", tt.question, a.Text, tt.contains)
			}
			if a.Doc != "trump-putin-2016" {
				t.Errorf("Ask(%q).Doc = %q; want trump-putin-2016", tt.question, a.Doc)
			}
		})
	}
}

func TestHighlights(t *testing.T) {
	ix := openDefault(t)
	a, err := ix.Ask(context.Background(), "Who said there is no magic wand?", AskOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range a.Highlights {
		got = append(got, a.Text[h.Start:h.End])
	}
	want := []string{"magic", "wand"}
	if !slices.Equal(got, want) {
		t.Errorf("highlighted words of %q = %q; want %q", a.Text, got, want)
	}
	for _, r := range a.Results {
		for i, h := range r.Highlights {
			if h.Start < 0 || h.End > len(r.Text) || h.Start >= h.End || i > 0 && h.Start < r.Highlights[i-1].End {
				t.Errorf("result ¶%d highlight %v out of order or range", r.Paragraph, h)
			}
		}
	}
}

func TestNoAnswer(t *testing.T) {
	ix := openDefault(t)
	for _, q := range []string{
		"What did Obama say about Syria?", // named, never quoted
		"What is the boiling point of mercury?",
		"Which team won the 1998 football world cup?",
		"How do photosynthesis and chlorophyll work?",
		"How many troops does Russia have?",  // the best sentence has no number
		"When was NATO founded?",             // "Obama found himself …" is no founding
		"What did Breedlove say about NATO?", // named only inside Carden's words
	} {
		a, err := ix.Ask(context.Background(), q, AskOptions{})
		if err != nil {
			t.Fatalf("Ask(%q) error: %v", q, err)
		}
		if a.Status != NoAnswer {
			t.Errorf("Ask(%q).Status = %v (¶%d %q); want NoAnswer", q, a.Status, a.Paragraph, a.Text)
		}
	}
}

func TestBadInput(t *testing.T) {
	ix := openDefault(t)
	tests := []struct {
		name  string
		input string
		want  []Status
	}{
		{"empty", "", []Status{NotAQuestion}},
		{"blank", " \t\n ", []Status{NotAQuestion}},
		{"punctuation", "?!?...", []Status{NotAQuestion}},
		{"emoji only", "🤔🤔 🙃", []Status{NotAQuestion}},
		{"control characters", "\x00\x01\x1b[31m\x7f", []Status{NotAQuestion, NoAnswer}},
		{"stop words only", "what is it?", []Status{NotAQuestion}},
		{"very long", strings.Repeat("Russia sanctions NATO ", 500), []Status{Answered, NoAnswer}},
		{"field syntax", "text:x", []Status{NoAnswer, Answered}},
		{"regexp", "/.*/", []Status{NotAQuestion}},
		{"wildcard", "a*", []Status{NotAQuestion, NoAnswer}},
		{"fuzzy", "x~5", []Status{NotAQuestion, NoAnswer}},
		{"unbalanced quotes", `"magic wand`, []Status{Answered}},
		{"boolean syntax", "+Putin -Trump AND OR NOT", []Status{Answered, NoAnswer}},
		{"right to left", "מי אמר את זה? من قال ذلك؟", []Status{NoAnswer}},
		{"emoji with words", "🤔 magic wand?", []Status{Answered}},
		{"invalid utf-8", "magic \xff\xfe wand", []Status{Answered}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ix.Ask(context.Background(), tt.input, AskOptions{})
			if err != nil {
				t.Fatalf("Ask(%q) error: %v", tt.input, err)
			}
			if !slices.Contains(tt.want, a.Status) {
				t.Errorf("Ask(%q).Status = %v; want one of %v", tt.input, a.Status, tt.want)
			}
		})
	}
}

func TestConcurrentAsk(t *testing.T) {
	ix := openDefault(t)
	gold := readGold(t)
	want := make([]Answer, len(gold))
	for i, g := range gold {
		a, err := ix.Ask(context.Background(), g.Q, AskOptions{})
		if err != nil {
			t.Fatal(err)
		}
		want[i] = a
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range gold {
				g := gold[(i+w)%len(gold)]
				a, err := ix.Ask(context.Background(), g.Q, AskOptions{})
				if err != nil {
					t.Errorf("Ask(%q) error: %v", g.Q, err)
					return
				}
				if w := want[(i+w)%len(gold)]; a.Paragraph != w.Paragraph || a.Text != w.Text {
					t.Errorf("concurrent Ask(%q) = ¶%d; want ¶%d", g.Q, a.Paragraph, w.Paragraph)
				}
			}
		}()
	}
	wg.Wait()
}

// TestAskWhileClosing asks from several goroutines while the index
// closes: every question gets an answer or an error, never a panic or a
// read of a closed snapshot (the race detector watches).
func TestAskWhileClosing(t *testing.T) {
	ix, err := Open(context.Background(), corpus.Default(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	gold := readGold(t)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for i := range 50 {
				g := gold[(i+w)%len(gold)]
				if a, err := ix.Ask(context.Background(), g.Q, AskOptions{}); err == nil && a.Status == NotAQuestion {
					t.Errorf("Ask(%q) = NotAQuestion; want an answer or an error", g.Q)
				}
			}
		}()
	}
	close(start)
	if err := ix.Close(); err != nil {
		t.Errorf("Close() = %v", err)
	}
	wg.Wait()
	if _, err := ix.Ask(context.Background(), gold[0].Q, AskOptions{}); err == nil {
		t.Errorf("Ask after Close succeeded; want an error")
	}
}

// openAt opens an on-disk index of c at dir and reports whether it was
// built (rather than reused).
func openAt(t *testing.T, c *corpus.Corpus, dir string) (*Index, bool) {
	t.Helper()
	built := false
	ix, err := Open(context.Background(), c, Options{Path: dir, Progress: func(int, int) { built = true }})
	if err != nil {
		t.Fatalf("Open(%s) = %v", dir, err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	return ix, built
}

// topParagraph asks q and returns the answer's paragraph.
func topParagraph(t *testing.T, ix *Index, q string) int {
	t.Helper()
	a, err := ix.Ask(context.Background(), q, AskOptions{})
	if err != nil {
		t.Fatalf("Ask(%q) error: %v", q, err)
	}
	return a.Paragraph
}

func TestOnDiskIndex(t *testing.T) {
	const q = "Which country annexed Crimea?"
	tests := []struct {
		name string
		// change alters the folder or the corpus between two opens.
		change    func(t *testing.T, dir string, c *corpus.Corpus)
		wantBuilt bool
		want      int
	}{
		{"unchanged corpus is reused", func(*testing.T, string, *corpus.Corpus) {}, false, 6},
		{"changed corpus is rebuilt", func(_ *testing.T, _ string, c *corpus.Corpus) {
			a := c.Articles[0]
			a.Paragraphs[2] = "Russia annexed Crimea in 2014, the article recalls."
		}, true, 3},
		{"corrupted index is rebuilt", func(t *testing.T, dir string, _ *corpus.Corpus) {
			files, err := filepath.Glob(filepath.Join(dir, "bleve", "*"))
			if err != nil || len(files) == 0 {
				t.Fatalf("no index files in %s (%v)", dir, err)
			}
			for _, f := range files {
				if err := os.RemoveAll(f); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(f, []byte("not an index"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}, true, 6},
		{"missing index with a fingerprint is rebuilt", func(t *testing.T, dir string, _ *corpus.Corpus) {
			if err := os.RemoveAll(filepath.Join(dir, "bleve")); err != nil {
				t.Fatal(err)
			}
		}, true, 6},
		{"garbled fingerprint is rebuilt", func(t *testing.T, dir string, _ *corpus.Corpus) {
			if err := os.WriteFile(filepath.Join(dir, "fingerprint"), []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, true, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "index")
			c := corpus.Default()
			first, built := openAt(t, c, dir)
			if !built {
				t.Fatalf("first Open(%s) reused an index; want a build", dir)
			}
			if got := topParagraph(t, first, q); got != 6 {
				t.Fatalf("Ask(%q) on a new index = ¶%d; want ¶6", q, got)
			}
			if err := first.Close(); err != nil {
				t.Fatal(err)
			}
			tt.change(t, dir, c)
			second, built := openAt(t, c, dir)
			if built != tt.wantBuilt {
				t.Errorf("second Open built = %v; want %v", built, tt.wantBuilt)
			}
			if got := topParagraph(t, second, q); got != tt.want {
				t.Errorf("Ask(%q) after the change = ¶%d; want ¶%d", q, got, tt.want)
			}
		})
	}
}

func TestOpenErrors(t *testing.T) {
	if _, err := Open(context.Background(), &corpus.Corpus{}, Options{}); err == nil {
		t.Error("Open(empty corpus) succeeded; want an error")
	}
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(context.Background(), corpus.Default(), Options{Path: file}); err == nil {
		t.Errorf("Open(Path: a file) succeeded; want an error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Open(ctx, corpus.Default(), Options{}); err == nil {
		t.Error("Open(cancelled context) succeeded; want an error")
	}
}

func TestAskOptions(t *testing.T) {
	ix := openDefault(t)
	ctx := context.Background()
	if _, err := ix.Ask(ctx, "Who is James Carden?", AskOptions{Article: "no-such-article"}); err == nil {
		t.Error("Ask(Article: unknown) succeeded; want an error")
	}
	a, err := ix.Ask(ctx, "Russia", AskOptions{Limit: 2, Article: "TRUMP-PUTIN-2016"})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Results) != 2 {
		t.Errorf("Ask(Limit: 2) gave %d results; want 2", len(a.Results))
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Ask(ctx, "Russia", AskOptions{}); err == nil {
		t.Error("Ask after Close succeeded; want an error")
	}
}

func TestFindQuotes(t *testing.T) {
	ix := openDefault(t)
	tests := []struct {
		text      string
		paragraph int
		speaker   string
	}{
		{"magic wand", 9, "Adam Thomson"},
		{"principal antagonist", 21, "James Carden"},
		{"nervous European allies", 7, "Adam Thomson"},
	}
	for _, tt := range tests {
		rs, err := ix.FindQuotes(context.Background(), tt.text, AskOptions{})
		if err != nil {
			t.Fatalf("FindQuotes(%q) error: %v", tt.text, err)
		}
		if len(rs) == 0 {
			t.Fatalf("FindQuotes(%q) found nothing; want ¶%d", tt.text, tt.paragraph)
		}
		if r := rs[0]; r.Paragraph != tt.paragraph || r.Speaker != tt.speaker || (r.Kind != corpus.Direct && r.Kind != corpus.Mixed) {
			t.Errorf("FindQuotes(%q)[0] = ¶%d %q %s; want ¶%d %q, a quotation", tt.text, r.Paragraph, r.Speaker, r.Kind, tt.paragraph, tt.speaker)
		}
	}
	if rs, err := ix.FindQuotes(context.Background(), "  ", AskOptions{}); err != nil || len(rs) != 0 {
		t.Errorf("FindQuotes(blank) = %v, %v; want nothing", rs, err)
	}
}

func TestWhatSaidPicksTheSpeakersSentence(t *testing.T) {
	p := "Fox spoke about taxes at length. On taxes, Blair said that cuts would come."
	quote := "cuts would come"
	start := strings.Index(p, quote)
	c := &corpus.Corpus{Articles: []*corpus.Article{{
		ID: "two-voices", Title: "Two voices",
		Paragraphs: []string{"An unrelated opening paragraph about rivers.", p},
		Quotes: []corpus.Quote{{Paragraph: 2, Speaker: "Tony Blair", Kind: corpus.Indirect, Text: quote,
			Start: start, End: start + len(quote), Cue: "said"}},
		Speakers: []corpus.Speaker{
			{Name: "Tony Blair", Aliases: []string{"Blair"}, Statements: 1, MentionedIn: []int{2}},
			{Name: "Fox", MentionedIn: []int{2}},
		},
	}}}
	ix, err := Open(context.Background(), c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	a, err := ix.Ask(context.Background(), "What did Blair say about taxes?", AskOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := "On taxes, Blair said that cuts would come."
	if a.Status != Answered || a.Text != want || a.Speaker != "Tony Blair" {
		t.Errorf("Ask(what did Blair say about taxes) = %v %q by %q; want %q by Tony Blair", a.Status, a.Text, a.Speaker, want)
	}
}

// TestAnswerHoldsNewKind checks that the answer sentence holds the kind of
// thing asked for in a word of its own: a capitalised question word does
// not count as the name a who/where question wants.
func TestAnswerHoldsNewKind(t *testing.T) {
	tests := []struct {
		name, para, q, want string
	}{
		{"name", "The Fair was held every spring. The fair was held in Lyon.",
			"Where was the fair held?", "The fair was held in Lyon."},
		{"number", "The 1990 bridge over the river opened to praise. The 1990 bridge over the river opened in 1994.",
			"When did the 1990 bridge over the river open?", "The 1990 bridge over the river opened in 1994."},
		{"points back", "The Lyon fair is the region's oldest market. It has been held since 1450.",
			"Since when has the Lyon fair been held?", "It has been held since 1450."},
		{"the same thing again", "Tesla joined a company in Budapest. The company made him its chief electrician.",
			"What did the Budapest company make Tesla?", "The company made him its chief electrician."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &corpus.Corpus{Articles: []*corpus.Article{{
				ID: "kinds", Title: "Kinds", Paragraphs: []string{"An unrelated opening paragraph about rivers.", tt.para},
			}}}
			ix, err := Open(context.Background(), c, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			a, err := ix.Ask(context.Background(), tt.q, AskOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Status != Answered || a.Text != tt.want {
				t.Errorf("Ask(%q) = %v %q; want %v %q", tt.q, a.Status, a.Text, Answered, tt.want)
			}
		})
	}
}

// TestLongSentenceKeepsRareWords checks that an answer cut from a sentence
// longer than maxAnswerBytes keeps the stretch with the most distinct
// question words, not the one where a common word repeats.
func TestLongSentenceKeepsRareWords(t *testing.T) {
	var b strings.Builder
	b.WriteString("Harvard's faculty includes Harvard biologists, Harvard chemists and Harvard physicists")
	for _, name := range []string{"Ann Lee", "Bo Park", "Cy Young", "Di Ross", "Ed Hale", "Flo Kerr", "Gus Moor",
		"Hal Dean", "Ida Lane", "Jo Marsh", "Kay Nash", "Lou Pratt", "Max Quinn", "Ned Rowe", "Oli Sand"} {
		b.WriteString(", the scholar " + name)
	}
	b.WriteString(", and the Fields Medal mathematician Shing-Tung Yau.")
	c := &corpus.Corpus{Articles: []*corpus.Article{{
		ID: "faculty", Title: "Faculty", Paragraphs: []string{"Harvard is a university.", b.String()},
	}}}
	ix, err := Open(context.Background(), c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if len(b.String()) <= maxAnswerBytes {
		t.Fatalf("the sentence is %d bytes; the test needs one longer than %d", len(b.String()), maxAnswerBytes)
	}
	q := "Which Harvard faculty member is a Fields Medal mathematician?"
	a, err := ix.Ask(context.Background(), q, AskOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != Answered || !strings.Contains(a.Text, "Shing-Tung Yau") {
		t.Errorf("Ask(%q) = %v %q; want an answer holding %q", q, a.Status, a.Text, "Shing-Tung Yau")
	}
}

// TestWhatSaidNamedInAPhrase checks that a question naming its speaker
// inside a longer phrase is answered with that speaker's words, not
// turned away because no speaker is called "Carden's committee".
func TestWhatSaidNamedInAPhrase(t *testing.T) {
	ix := openDefault(t)
	q := "What did Carden's committee say about NATO?"
	a, err := ix.Ask(context.Background(), q, AskOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != Answered || a.Speaker != "James Carden" {
		t.Errorf("Ask(%q) = %v, speaker %q; want an answer by James Carden", q, a.Status, a.Speaker)
	}
}

// TestAskByRole checks questions that name a speaker by the role the
// article gives them.
func TestAskByRole(t *testing.T) {
	ix := openDefault(t)
	tests := []struct {
		q, speaker, prefix string
	}{
		{"What did the economist say?", "Fred Harrison", ""},
		{"Who is the executive editor?", "", "James Carden is executive editor"},
	}
	for _, tt := range tests {
		a, err := ix.Ask(context.Background(), tt.q, AskOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if a.Status != Answered || a.Speaker != tt.speaker || !strings.HasPrefix(a.Text, tt.prefix) {
			t.Errorf("Ask(%q) = %v, speaker %q, %q; want an answer by %q starting %q", tt.q, a.Status, a.Speaker, a.Text, tt.speaker, tt.prefix)
		}
	}
}

// TestWhatSaidSharedSurname checks that a surname two speakers share
// names neither, so the question is searched as words and the speaker
// who said it is found.
func TestWhatSaidSharedSurname(t *testing.T) {
	ix := openText(t, "c", "“We will not back down,” Bill Clinton said in Little Rock.\n\n“Health care is a right,” Hillary Clinton told supporters in Iowa.")
	q := "What did Clinton say about health care?"
	got, err := ix.Ask(context.Background(), q, AskOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != Answered || got.Paragraph != 2 {
		t.Errorf("Ask(%q) = %v ¶%d %q; want an answer from ¶2", q, got.Status, got.Paragraph, got.Text)
	}
}

// TestAskShortArticle checks questions on a short article of the kind a
// study group brings: an answer that needs a number comes from the best
// passage that holds one, and "According to NAME, …" searches what NAME
// said for the rest of the question.
func TestAskShortArticle(t *testing.T) {
	text := "Brightwave to cut jobs\n\n" +
		"The cuts will fall most heavily on sales teams, Brightwave said, and more cuts will follow.\n\n" +
		"Brightwave said on Thursday that it would cut about 1,800 jobs.\n\n" +
		"Ann Lee told councillors that the lease could not be broken.\n\n" +
		"“The reserves we have left would cover us for about six weeks,” Lee said.\n"
	ix := openText(t, "brightwave", text)
	tests := []struct {
		q, want, speaker string
	}{
		{"How many jobs will Brightwave cut?", "Brightwave said on Thursday that it would cut about 1,800 jobs.", "Brightwave"},
		{"According to Ann Lee, what would the reserves cover?", "The reserves we have left would cover us for about six weeks,", "Ann Lee"},
	}
	for _, tt := range tests {
		got, err := ix.Ask(context.Background(), tt.q, AskOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != Answered || got.Text != tt.want || got.Speaker != tt.speaker {
			t.Errorf("Ask(%q) = %v %q by %q; want %q by %q", tt.q, got.Status, got.Text, got.Speaker, tt.want, tt.speaker)
		}
	}
}

// TestWhoSaidAQuotedWord checks that "who said" finds a quotation of one
// word by the words of the sentence around it.
func TestWhoSaidAQuotedWord(t *testing.T) {
	text := "Rovers win late\n\n" +
		"The match turned in stoppage time.\n\n" +
		"Coach Jordan Pike said the dressing room was “gutted” after the defeat.\n"
	ix := openText(t, "match", text)
	q := "Who said the dressing room was gutted?"
	got, err := ix.Ask(context.Background(), q, AskOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != Answered || got.Text != "gutted" || got.Speaker != "Jordan Pike" || got.Paragraph != 2 {
		t.Errorf("Ask(%q) = %v %q by %q in ¶%d; want %q by Jordan Pike in ¶2", q, got.Status, got.Text, got.Speaker, got.Paragraph, "gutted")
	}
}

// openText indexes the article text parses into, closed when t ends.
func openText(t *testing.T, id, text string) *Index {
	t.Helper()
	a, err := corpus.Parse(id, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Open(context.Background(), &corpus.Corpus{Articles: []*corpus.Article{a}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// TestWhatSaidAboutPartialTopic checks that a speaker's words that share
// only part of the topic answer "what did X say about …", since only that
// speaker's words compete.
func TestWhatSaidAboutPartialTopic(t *testing.T) {
	ix := openText(t, "tax", "Council tax fight\n\n"+
		"The prime minister ruled out a council tax referendum at question time on Wednesday.\n\n"+
		"Chancellor Deborah Finch-Latham appeared to leave the door open to a rise. Asked whether bills would go up, she said local authorities “must make their own decisions”.\n\n"+
		"“I am not going to write the budget live on the radio,” Ms Finch-Latham told the programme.")
	a, err := ix.Ask(context.Background(), "What did Deborah Finch-Latham say about council tax rises?", AskOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := "Asked whether bills would go up, she said local authorities “must make their own decisions”."
	if a.Status != Answered || a.Paragraph != 2 || a.Text != want || a.Speaker != "Deborah Finch-Latham" {
		t.Errorf("Ask = %v ¶%d %q by %q; want ¶2 %q by Deborah Finch-Latham", a.Status, a.Paragraph, a.Text, a.Speaker, want)
	}
}

// TestAnswerNeeds checks that "how much" with a word of paying is
// answered only by a sentence that names a sum of money, and that "how
// many" about a thing no passage names is refused though a passage holds
// a number.
func TestAnswerNeeds(t *testing.T) {
	texts := map[string]string{
		"club": "Club shares slide\n\n" +
			"Shares of Northbridge United fell 14 percent on Thursday after the club signed a new striker at a cost it did not disclose.\n\n" +
			"The new striker, 24, scored 19 goals last season.\n\n" +
			"Its sponsorship deal with Halden Bank is worth $2 million a year.",
		"gaza": "Strikes in Gaza\n\n" +
			"Israeli air strikes killed at least 27 Palestinians in central Gaza overnight, the health ministry said.\n\n" +
			"Talks in Cairo stalled on Tuesday.",
	}
	tests := []struct {
		article, q string
		want       Status
	}{
		{"club", "How much did the new striker cost?", NoAnswer},
		{"club", "How much is the sponsorship deal worth?", Answered},
		{"club", "How many goals did the new striker score?", Answered},
		{"gaza", "How many Israeli soldiers were killed in Gaza this week?", NoAnswer},
		{"gaza", "How many Palestinians were killed in Gaza overnight?", Answered},
	}
	ixs := map[string]*Index{}
	for id, text := range texts {
		ixs[id] = openText(t, id, text)
	}
	for _, tt := range tests {
		a, err := ixs[tt.article].Ask(context.Background(), tt.q, AskOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if a.Status != tt.want {
			t.Errorf("Ask(%q).Status = %v (¶%d %q); want %v", tt.q, a.Status, a.Paragraph, a.Text, tt.want)
		}
	}
}
