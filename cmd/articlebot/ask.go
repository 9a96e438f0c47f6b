package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"articlebot/corpus"
	"articlebot/index"
)

// askLine is one line of `ask --json`.
type askLine struct {
	Question string          `json:"question"`
	Answer   *askAnswerJSON  `json:"answer"`
	Results  []askResultJSON `json:"results"`
}

type askAnswerJSON struct {
	Text      string  `json:"text"`
	Doc       string  `json:"doc"`
	Paragraph int     `json:"paragraph"`
	Speaker   *string `json:"speaker"`
}

type askResultJSON struct {
	Doc       string  `json:"doc"`
	Paragraph int     `json:"paragraph"`
	Kind      string  `json:"kind"`
	Speaker   *string `json:"speaker"`
	Text      string  `json:"text"`
	Score     float64 `json:"score"`
}

// maxQuestionLine bounds one line of standard input.
const maxQuestionLine = 1 << 20

// progressMinArticles is the corpus size from which building the index
// reports progress on standard error.
const progressMinArticles = 20

func runAsk(ctx context.Context, e env, args []string) error {
	var c commonFlags
	fs := newFlagSet("ask", e, &c, true)
	limit := fs.Int("limit", 5, "number of passages to show (1–50)")
	asJSON := fs.Bool("json", false, "one JSON object a line")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *limit < 1 || *limit > 50 {
		return usageError{fmt.Sprintf("--limit is %d: use a number from 1 to 50", *limit)}
	}
	cfg, _, corp, err := setupCorpus(e, c)
	if err != nil {
		return err
	}
	ix, err := index.Open(ctx, corp, index.Options{Path: cfg.IndexPath, Progress: progress(e.stderr)})
	if err != nil {
		return err
	}
	defer ix.Close()

	opts := index.AskOptions{Limit: *limit}
	answer := func(q string) error {
		a, err := ix.Ask(ctx, q, opts)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeAnswerJSON(e.stdout, a)
		}
		return writeAnswer(e.stdout, corp, a)
	}
	if fs.NArg() > 0 {
		return answer(strings.Join(fs.Args(), " "))
	}
	sc := bufio.NewScanner(e.stdin)
	sc.Buffer(make([]byte, 0, 64*1024), maxQuestionLine)
	for n := 0; sc.Scan(); n++ {
		if !*asJSON {
			// Readable answers to several questions each say what
			// they answer, a blank line apart.
			sep := "\n"
			if n == 0 {
				sep = ""
			}
			if _, err := fmt.Fprintf(e.stdout, "%sQ: %s\n", sep, strings.TrimSpace(sc.Text())); err != nil {
				return fmt.Errorf("write answer: %w", err)
			}
		}
		if err := answer(sc.Text()); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read questions: %w", err)
	}
	return nil
}

// progress reports index building on w for a large corpus, every tenth.
func progress(w io.Writer) func(done, total int) {
	step := 0
	return func(done, total int) {
		if total < progressMinArticles {
			return
		}
		if s := done * 10 / total; s > step || done == total {
			step = s
			fmt.Fprintf(w, "indexing: %d of %d articles\n", done, total)
		}
	}
}

func writeAnswerJSON(w io.Writer, a index.Answer) error {
	line := askLine{Question: a.Question, Results: []askResultJSON{}}
	if a.Status == index.Answered {
		line.Answer = &askAnswerJSON{Text: a.Text, Doc: a.Doc, Paragraph: a.Paragraph, Speaker: optional(a.Speaker)}
	}
	for _, r := range a.Results {
		kind := string(r.Kind)
		if kind == "" {
			kind = "paragraph"
		}
		line.Results = append(line.Results, askResultJSON{Doc: r.Doc, Paragraph: r.Paragraph, Kind: kind,
			Speaker: optional(r.Speaker), Text: r.Text, Score: r.Score})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(line); err != nil {
		return fmt.Errorf("write answer: %w", err)
	}
	return nil
}

// optional is nil for "", so that JSON says null.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// moreChars bounds each further passage in readable output.
const moreChars = 200

// writeAnswer writes the answer with its citation, then the next passages.
func writeAnswer(w io.Writer, corp *corpus.Corpus, a index.Answer) error {
	var b strings.Builder
	switch a.Status {
	case index.NotAQuestion:
		b.WriteString("Please ask a question about the article.\n")
	case index.NoAnswer:
		if len(a.Results) == 0 {
			b.WriteString("The article does not seem to answer that, and no passage comes near.\n")
			break
		}
		b.WriteString("The article does not seem to answer that. Nearest passages:\n")
		for _, r := range a.Results {
			fmt.Fprintf(&b, "\n%s\n  — %s\n", shorten(quoted(corp, r.Doc, r.Paragraph, r.Text), moreChars), citation(corp, r.Doc, r.Paragraph, r.Speaker, r.Kind))
		}
	case index.Answered:
		fmt.Fprintf(&b, "%s\n  — %s\n", quoted(corp, a.Doc, a.Paragraph, a.Text), citation(corp, a.Doc, a.Paragraph, a.Speaker, a.Kind))
		more := false
		for _, r := range a.Results {
			if r.Doc == a.Doc && r.Paragraph == a.Paragraph {
				continue
			}
			if !more {
				b.WriteString("\nSee also:\n")
				more = true
			}
			fmt.Fprintf(&b, "\n%s\n  — %s\n", shorten(quoted(corp, r.Doc, r.Paragraph, r.Text), moreChars), citation(corp, r.Doc, r.Paragraph, r.Speaker, r.Kind))
		}
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write answer: %w", err)
	}
	return nil
}

// citation names the article, the paragraph and, for a quotation or
// statement, its speaker, or says that the article names none.
func citation(corp *corpus.Corpus, doc string, paragraph int, speaker string, kind corpus.Kind) string {
	title := doc
	if a := corp.Article(doc); a != nil && a.Title != "" {
		title = a.Title
	}
	speaker = corp.SpeakerName(doc, speaker)
	switch {
	case speaker == "" && (kind == corpus.Direct || kind == corpus.Mixed):
		return fmt.Sprintf("unattributed quotation in %s, ¶%d", title, paragraph)
	case speaker == "":
		return fmt.Sprintf("%s, ¶%d", title, paragraph)
	case kind == corpus.Indirect:
		return fmt.Sprintf("%s, as reported in %s, ¶%d", speaker, title, paragraph)
	default:
		return fmt.Sprintf("%s, quoted in %s, ¶%d", speaker, title, paragraph)
	}
}

// quoted puts text in quotation marks when it is one of the paragraph's
// quotations (Direct or Mixed), whose text comes without its marks.
func quoted(corp *corpus.Corpus, doc string, paragraph int, text string) string {
	a := corp.Article(doc)
	if a == nil {
		return text
	}
	for _, q := range a.Quotes {
		if q.Paragraph == paragraph && q.Text == text && (q.Kind == corpus.Direct || q.Kind == corpus.Mixed) {
			return "“" + text + "”"
		}
	}
	return text
}

// shorten cuts s to at most n bytes at a word boundary, marking the cut.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > n/2 {
		cut = sp
	}
	return strings.TrimRight(s[:cut], " ,;:") + " …"
}
