package corpus_test

import (
	"os"
	"slices"
	"testing"
	"unicode/utf8"

	"articlebot/corpus"
)

// FuzzParse checks the invariants every parsed article keeps, whatever the
// input: no panic, quotations whose spans lie in their paragraph and whose
// text is that span, speakers that exist, paragraph numbers in range.
func FuzzParse(f *testing.F) {
	article, err := os.ReadFile("trump-putin-2016.txt")
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{
		string(article),
		"“A,” he said. “B.”\n\n“C” said Sir Adam Thomson, director of a think tank.",
		"---\ntitle: T\n---\nOne \"straight\" quote.\n\nAnother “open quote\n\n“runs on.”",
		"\ufeffline one\r\nline two\r\n",
		"Gen. [Philip] Breedlove said: \"x\" K.T. McFarland, who is a, said",
		"WALLACE: \"PENCE: well\" — Bob Smith",
		"“",
		"\"\"\"",
		"A, B, and C pointed out: “”",
		"Mr. O’Neill’s “quote” ― Jane Doe “more”",
		"“Yes,” said the chairman",
		"“Yes,” said the chairman of the board, Labour MP Ann Lee",
		"“No,” said its chairman,",
		"Ann Lee - who won - said",
		"She went on",
		"Tom Field, CBI director general, warned Mr Brown not",
		"The director of public prosecutions, Ken Macdonald,",
		"‘A mess’ and the leaders’ views, ‘out’ of the ‘90s’",
		"‘",
		"’‘’s ‘",
		"A B met C D.\n\nB: one.\n\nD: two.\n\n  \n\nB:",
		"Ann Lee spoke.\n\nQ: Why?\n\nA: Because.\n\nA:\n\nQ:",
		"“A-: let us start.”\n\n“fine,” the senator said.\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := corpus.Parse("fuzz", []byte(s))
		if err != nil {
			return
		}
		checkArticle(t, a)
	})
}

// checkArticle asserts the invariants of a parsed article.
func checkArticle(t *testing.T, a *corpus.Article) {
	t.Helper()
	if len(a.Paragraphs) == 0 {
		t.Fatal("article without paragraphs")
	}
	names := map[string]bool{}
	for _, s := range a.Speakers {
		if s.Name == "" {
			t.Errorf("speaker without a name: %+v", s)
		}
		names[s.Name] = true
		if !slices.IsSorted(s.MentionedIn) {
			t.Errorf("Speaker(%q).MentionedIn = %v; want ascending", s.Name, s.MentionedIn)
		}
		for _, p := range s.MentionedIn {
			if p < 1 || p > len(a.Paragraphs) {
				t.Errorf("Speaker(%q) mentioned in ¶%d of %d", s.Name, p, len(a.Paragraphs))
			}
		}
	}
	for _, q := range a.Quotes {
		p, ok := a.Paragraph(q.Paragraph)
		if !ok {
			t.Fatalf("quote in ¶%d of %d", q.Paragraph, len(a.Paragraphs))
		}
		if q.Start < 0 || q.End > len(p) || q.Start > q.End {
			t.Fatalf("quote ¶%d span [%d,%d) outside paragraph of %d bytes", q.Paragraph, q.Start, q.End, len(p))
		}
		if p[q.Start:q.End] != q.Text {
			t.Errorf("quote ¶%d Text = %q; want the span %q", q.Paragraph, q.Text, p[q.Start:q.End])
		}
		if !utf8.ValidString(q.Text) {
			t.Errorf("quote ¶%d Text %q is not valid UTF-8", q.Paragraph, q.Text)
		}
		switch q.Kind {
		case corpus.Direct, corpus.Mixed, corpus.Indirect:
		default:
			t.Errorf("quote ¶%d Kind = %q", q.Paragraph, q.Kind)
		}
		if q.Speaker != "" && !names[q.Speaker] {
			t.Errorf("quote ¶%d Speaker %q is not among the speakers", q.Paragraph, q.Speaker)
		}
		if q.Kind == corpus.Indirect && q.Speaker == "" {
			t.Errorf("indirect statement ¶%d without a speaker", q.Paragraph)
		}
	}
}
