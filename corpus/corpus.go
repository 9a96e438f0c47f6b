// Package corpus reads news articles and owns everything known about their
// text: numbered paragraphs, the quotations and reported statements in them,
// who said each one, and the people the article quotes or only mentions.
//
// It knows nothing of search or of Discord: the index and the bot build on the
// values it returns.
package corpus

import (
	"strings"
)

// Kind says how a statement is reported.
type Kind string

// The kinds of statement.
const (
	// Direct is a quotation in quotation marks and nothing else.
	Direct Kind = "direct"
	// Mixed is a quoted fragment inside reported speech
	// (shared his hope that he could “work together …”).
	Mixed Kind = "mixed"
	// Indirect is reported speech without quotation marks
	// (According to James Carden, …).
	Indirect Kind = "indirect"
)

// Corpus is the set of articles the bot answers about.
type Corpus struct {
	// Articles in the order they were loaded (by file name for a folder).
	Articles []*Article
}

// Article is one parsed article.
type Article struct {
	// ID is the file name without its extension; it names the article in
	// citations and commands.
	ID     string
	Title  string
	URL    string // optional source URL
	Author string // optional
	Date   string // optional, as written in the front matter

	// Paragraphs holds the paragraph texts: Paragraphs[0] is ¶1.
	Paragraphs []string

	// Quotes holds every quotation (Direct, Mixed) and reported statement
	// (Indirect), in article order.
	Quotes []Quote

	// Speakers holds the people and organisations the article quotes, and
	// the people it only mentions, in order of first appearance.
	Speakers []Speaker
}

// Quote is a quotation or a reported statement.
type Quote struct {
	// Paragraph is the 1-based paragraph number the text stands in.
	Paragraph int
	// Speaker is the canonical name of the source (a Speaker's Name), or ""
	// when the source cannot be determined.
	Speaker string
	Kind    Kind
	// Text is the quotation without its quotation marks, or the reported
	// statement.
	Text string
	// Start and End are the byte offsets of Text's span in the paragraph
	// (for a quotation, the span inside its marks).
	Start, End int
	// Cue is the attributing words ("said", "according to", "believes"),
	// empty when none was found.
	Cue string
}

// Speaker is a person or organisation the article quotes or mentions.
type Speaker struct {
	// Name is the canonical name ("Adam Thomson", "Kremlin").
	Name string
	// Aliases are the other names the text uses ("Sir Adam Thomson",
	// "Thomson").
	Aliases []string
	// Description is the text's own appositive or relative clause about the
	// speaker, or "".
	Description string
	// Quotes counts the speaker's Direct and Mixed quotations; Statements
	// counts the Indirect ones.
	Quotes     int
	Statements int
	// MentionedIn lists the paragraphs that name the speaker, ascending.
	MentionedIn []int
}

// Quoted reports whether the article attributes any words to the speaker.
func (s Speaker) Quoted() bool { return s.Quotes+s.Statements > 0 }

// FullName is how to call the speaker in a sentence: the name, or, for a
// name of one word that the text gives an honorific ("Lord Ashcroft"),
// the name with it, which tells a peer from a place.
func (s Speaker) FullName() string {
	if strings.Contains(s.Name, " ") {
		return s.Name
	}
	for _, a := range s.Aliases {
		if h, rest, ok := strings.Cut(a, " "); ok && rest == s.Name && honorifics[h] {
			return a
		}
	}
	return s.Name
}

// SpeakerName returns how to call the speaker name of article doc in a
// citation: its FullName ("Lord Ashcroft" for "Ashcroft"), or name
// itself when the corpus does not know it.
func (c *Corpus) SpeakerName(doc, name string) string {
	if a := c.Article(doc); a != nil && name != "" {
		if s, ok := a.Speaker(name); ok {
			return s.FullName()
		}
	}
	return name
}

// Names returns the speaker's name followed by its aliases.
func (s Speaker) Names() []string {
	return append([]string{s.Name}, s.Aliases...)
}

// Article returns the article with the given ID, compared without regard to
// case, or nil.
func (c *Corpus) Article(id string) *Article {
	for _, a := range c.Articles {
		if strings.EqualFold(a.ID, id) {
			return a
		}
	}
	return nil
}

// Paragraph returns paragraph n (1-based) and whether it exists.
func (a *Article) Paragraph(n int) (string, bool) {
	if n < 1 || n > len(a.Paragraphs) {
		return "", false
	}
	return a.Paragraphs[n-1], true
}

// Speaker returns the speaker with exactly this canonical name.
func (a *Article) Speaker(name string) (Speaker, bool) {
	for _, s := range a.Speakers {
		if s.Name == name {
			return s, true
		}
	}
	return Speaker{}, false
}

// QuotesBy returns the speaker's quotations and statements in article order.
func (a *Article) QuotesBy(name string) []Quote {
	var out []Quote
	for _, q := range a.Quotes {
		if q.Speaker == name {
			out = append(out, q)
		}
	}
	return out
}
