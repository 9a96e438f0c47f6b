// Package index owns the full-text index over a corpus's paragraphs and
// quotations, and turns a question into a cited answer.
//
// It depends on corpus and knows nothing of Discord.
package index

import "articlebot/corpus"

// Options configure Open.
type Options struct {
	// Path is the folder of an on-disk index, reused while the corpus is
	// unchanged and rebuilt when it changed or cannot be read. "" keeps the
	// index in memory.
	Path string
	// Progress, when not nil, receives progress lines while a large corpus
	// is indexed (the command line passes standard error).
	Progress func(done, total int)
}

// AskOptions shape one question.
type AskOptions struct {
	// Limit is the number of ranked results to return; 0 means 5.
	Limit int
	// Article restricts the search to the article with this ID; "" searches
	// every article.
	Article string
}

// Span is a byte range [Start, End) in a text.
type Span struct{ Start, End int }

// Answer is the reply to one question.
type Answer struct {
	Question string
	// Status says what kind of reply this is.
	Status Status
	// Text is the best sentence or quotation inside the top result, the
	// answer itself; "" unless Status is Answered.
	Text string
	// Highlights mark the words of Text that matched the question, in order,
	// not overlapping, so that a renderer can bold them.
	Highlights []Span
	// Doc, Paragraph and Speaker cite Text: the article ID, the 1-based
	// paragraph and, for a quotation, the speaker's canonical name.
	Doc       string
	Paragraph int
	Speaker   string
	Kind      corpus.Kind // "" for a paragraph's own text
	// Results are the ranked passages behind the answer (or, when Status is
	// NoAnswer, the nearest passages), one per paragraph.
	Results []Result
}

// Status is the kind of an Answer.
type Status int

// The statuses of an answer.
const (
	// Answered means Text answers the question from the article.
	Answered Status = iota
	// NoAnswer means the article does not seem to answer the question;
	// Results holds the nearest passages.
	NoAnswer
	// NotAQuestion means the input holds nothing to search for (blank,
	// only punctuation or symbols); the reply should ask for a question.
	NotAQuestion
)

// Result is one ranked passage: a paragraph, or a quotation or statement
// inside one.
type Result struct {
	Doc       string
	Paragraph int
	Kind      corpus.Kind // "" for a whole paragraph
	Speaker   string      // "" when none
	Text      string
	Score     float64
	// Highlights mark matched words in Text.
	Highlights []Span
}
