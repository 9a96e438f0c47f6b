package corpus_test

import (
	"bufio"
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"articlebot/corpus"
)

// The gold files describe the embedded article; see testdata/eval.
const evalDir = "../testdata/eval/"

func readJSONL[T any](t *testing.T, name string) []T {
	t.Helper()
	f, err := os.Open(evalDir + name)
	if err != nil {
		t.Fatalf("open gold file: %v", err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return out
}

func defaultArticle(t *testing.T) *corpus.Article {
	t.Helper()
	c := corpus.Default()
	if len(c.Articles) != 1 {
		t.Fatalf("Default() has %d articles; want 1", len(c.Articles))
	}
	return c.Articles[0]
}

func TestDefaultQuotations(t *testing.T) {
	type gold struct {
		Paragraph int    `json:"paragraph"`
		Speaker   string `json:"speaker"`
		Text      string `json:"text"`
	}
	want := readJSONL[gold](t, "quotes.jsonl")
	a := defaultArticle(t)
	var got []gold
	for _, q := range a.Quotes {
		if q.Kind == corpus.Direct || q.Kind == corpus.Mixed {
			got = append(got, gold{q.Paragraph, q.Speaker, q.Text})
		}
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("quotation ¶%d %q by %q not found", w.Paragraph, w.Text, w.Speaker)
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			t.Errorf("reported quotation ¶%d %q by %q is not in the gold file", g.Paragraph, g.Text, g.Speaker)
		}
	}
}

func TestDefaultQuotationSpans(t *testing.T) {
	a := defaultArticle(t)
	for _, q := range a.Quotes {
		p, ok := a.Paragraph(q.Paragraph)
		if !ok || q.Start < 0 || q.End > len(p) || q.Start > q.End || p[q.Start:q.End] != q.Text {
			t.Errorf("quote ¶%d [%d,%d) %q does not match its paragraph", q.Paragraph, q.Start, q.End, q.Text)
		}
	}
}

func TestDefaultStatements(t *testing.T) {
	type gold struct {
		Speaker    string `json:"speaker"`
		Paragraphs []int  `json:"paragraphs"`
	}
	a := defaultArticle(t)
	for _, g := range readJSONL[gold](t, "statements.jsonl") {
		for _, p := range g.Paragraphs {
			ok := false
			for _, q := range a.QuotesBy(g.Speaker) {
				ok = ok || q.Paragraph == p
			}
			if !ok {
				t.Errorf("no quotation or statement by %q in ¶%d", g.Speaker, p)
			}
		}
	}
}

// clauses splits a gold role into the clauses our description must hold:
// a role may join two clauses with "; ", and a parenthesis is the
// annotator's note, not the text's words. Leading articles are dropped, as
// the text writes "an economist" where the role says "economist".
func clauses(role string) []string {
	role = regexp.MustCompile(`\s*\([^)]*\)`).ReplaceAllString(role, "")
	var out []string
	for _, c := range strings.Split(role, ";") {
		if c = normalise(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

func normalise(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	for _, art := range []string{"a ", "an ", "the "} {
		s = strings.TrimPrefix(s, art)
	}
	return s
}

func TestDefaultSpeakers(t *testing.T) {
	var gold struct {
		Speakers []struct {
			Name    string   `json:"name"`
			Aliases []string `json:"aliases"`
			Role    string   `json:"role"`
			Quotes  int      `json:"quotes"`
		} `json:"speakers"`
		Mentioned []string `json:"mentioned_not_quoted"`
	}
	data, err := os.ReadFile(evalDir + "speakers.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &gold); err != nil {
		t.Fatal(err)
	}
	a := defaultArticle(t)
	for _, g := range gold.Speakers {
		s, ok := a.Speaker(g.Name)
		if !ok {
			t.Errorf("Speaker(%q) not found", g.Name)
			continue
		}
		for _, alias := range g.Aliases {
			if !slices.Contains(s.Aliases, alias) {
				t.Errorf("Speaker(%q).Aliases = %q; want it to hold %q", g.Name, s.Aliases, alias)
			}
		}
		desc := strings.ToLower(strings.Join(strings.Fields(s.Description), " "))
		for _, c := range clauses(g.Role) {
			if !strings.Contains(desc, c) {
				t.Errorf("Speaker(%q).Description = %q; want it to hold %q", g.Name, s.Description, c)
			}
		}
		if s.Quotes != g.Quotes {
			t.Errorf("Speaker(%q).Quotes = %d; want %d", g.Name, s.Quotes, g.Quotes)
		}
	}
	for _, name := range gold.Mentioned {
		s, ok := a.Speaker(name)
		switch {
		case !ok:
			t.Errorf("mentioned person %q is not listed", name)
		case s.Quoted():
			t.Errorf("Speaker(%q) has %d quotes, %d statements; want none", name, s.Quotes, s.Statements)
		case len(s.MentionedIn) == 0:
			t.Errorf("Speaker(%q).MentionedIn is empty", name)
		}
	}
	for name, want := range map[string][]int{
		"Michael Flynn":    {12, 13},
		"Philip Breedlove": {20},
		"Adam Thomson":     {4, 5, 8, 15},
	} {
		s, _ := a.Speaker(name)
		if !slices.Equal(s.MentionedIn, want) {
			t.Errorf("Speaker(%q).MentionedIn = %v; want %v", name, s.MentionedIn, want)
		}
	}
	for _, s := range a.Speakers {
		if s.Name == "" || strings.Contains(s.Name, "Russia") || strings.Contains(s.Name, "NATO") {
			t.Errorf("speaker %q is not a person or a quoted source", s.Name)
		}
	}
}
