package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"articlebot/corpus"
)

// quoteLine is one line of `quotes --json`.
type quoteLine struct {
	Doc       string      `json:"doc"`
	Paragraph int         `json:"paragraph"`
	Speaker   *string     `json:"speaker"`
	Kind      corpus.Kind `json:"kind"`
	Text      string      `json:"text"`
}

// speakerLine is one line of `speakers --json`.
type speakerLine struct {
	Name        string   `json:"name"`
	Aliases     []string `json:"aliases"`
	Description string   `json:"description"`
	Quotes      int      `json:"quotes"`
	Statements  int      `json:"statements"`
	MentionedIn []int    `json:"mentioned_in"`
}

func runQuotes(_ context.Context, e env, args []string) error {
	var c commonFlags
	fs := newFlagSet("quotes", e, &c, false)
	speaker := fs.String("speaker", "", "only this speaker's quotations (any of their names; a typo is tolerated)")
	asJSON := fs.Bool("json", false, "one JSON object a line")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs, " (use --speaker NAME)"); err != nil {
		return err
	}
	_, _, corp, err := setupCorpus(e, c)
	if err != nil {
		return err
	}

	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	found := false
	for _, a := range corp.Articles {
		quotes := a.Quotes
		if *speaker != "" {
			quotes = nil
			for _, s := range a.FindSpeakers(*speaker) {
				quotes = append(quotes, a.QuotesBy(s.Name)...)
			}
			sortQuotes(quotes)
		}
		for _, q := range quotes {
			found = true
			if *asJSON {
				line := quoteLine{Doc: a.ID, Paragraph: q.Paragraph, Kind: q.Kind, Text: q.Text}
				if q.Speaker != "" {
					line.Speaker = &q.Speaker
				}
				if err := enc.Encode(line); err != nil {
					return fmt.Errorf("write quotes: %w", err)
				}
				continue
			}
			who := q.Speaker
			if who == "" {
				who = "(source unknown)"
			}
			text := q.Text
			if q.Kind != corpus.Indirect {
				text = "“" + text + "”"
			}
			if _, err := fmt.Fprintf(e.stdout, "%s ¶%d  %s [%s]: %s\n", a.ID, q.Paragraph, who, q.Kind, text); err != nil {
				return fmt.Errorf("write quotes: %w", err)
			}
		}
	}
	if !found && *speaker != "" && !*asJSON {
		fmt.Fprintf(e.stderr, "no quotations by %q\n", *speaker)
	}
	return nil
}

func sortQuotes(qs []corpus.Quote) {
	slices.SortStableFunc(qs, func(a, b corpus.Quote) int {
		return cmp.Or(cmp.Compare(a.Paragraph, b.Paragraph), cmp.Compare(a.Start, b.Start))
	})
}

func runSpeakers(_ context.Context, e env, args []string) error {
	var c commonFlags
	fs := newFlagSet("speakers", e, &c, false)
	asJSON := fs.Bool("json", false, "one JSON object a line")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs, ""); err != nil {
		return err
	}
	_, _, corp, err := setupCorpus(e, c)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	for _, a := range corp.Articles {
		for _, s := range a.Speakers {
			if *asJSON {
				line := speakerLine{Name: s.Name, Aliases: s.Aliases, Description: s.Description,
					Quotes: s.Quotes, Statements: s.Statements, MentionedIn: s.MentionedIn}
				if line.Aliases == nil {
					line.Aliases = []string{}
				}
				if line.MentionedIn == nil {
					line.MentionedIn = []int{}
				}
				if err := enc.Encode(line); err != nil {
					return fmt.Errorf("write speakers: %w", err)
				}
				continue
			}
			if _, err := fmt.Fprintln(e.stdout, speakerText(s)); err != nil {
				return fmt.Errorf("write speakers: %w", err)
			}
		}
	}
	return nil
}

// speakerText is one readable line about a speaker.
func speakerText(s corpus.Speaker) string {
	var b strings.Builder
	b.WriteString(s.Name)
	if len(s.Aliases) > 0 {
		fmt.Fprintf(&b, " (also %s)", strings.Join(s.Aliases, ", "))
	}
	if s.Description != "" {
		fmt.Fprintf(&b, ": %s", s.Description)
	}
	if s.Quoted() {
		fmt.Fprintf(&b, " — %d quotation(s), %d reported statement(s)", s.Quotes, s.Statements)
	} else {
		b.WriteString(" — never quoted")
	}
	if len(s.MentionedIn) > 0 {
		paras := make([]string, len(s.MentionedIn))
		for i, p := range s.MentionedIn {
			paras[i] = fmt.Sprintf("¶%d", p)
		}
		fmt.Fprintf(&b, "; mentioned in %s", strings.Join(paras, ", "))
	}
	return b.String()
}
