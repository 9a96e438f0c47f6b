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

// attributed reports whether the corpus attributes quotations to speakers
// (the corpus analysis fills Quotes and Speakers).
func attributed(c *corpus.Corpus) bool {
	for _, a := range c.Articles {
		for _, q := range a.Quotes {
			if q.Speaker != "" {
				return true
			}
		}
	}
	return false
}

func TestGoldQuestions(t *testing.T) {
	ix := openDefault(t)
	withSpeakers := attributed(ix.corpus)
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
			if !withSpeakers {
				t.Skip("speaker not checked: the corpus does not attribute quotations yet (corpus/analyze.go)")
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
		"What is the boiling point of mercury?",
		"Which team won the 1998 football world cup?",
		"How do photosynthesis and chlorophyll work?",
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
