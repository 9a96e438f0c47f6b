package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	segment "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
)

// word is one word of a text as the analyzer sees it.
type word struct {
	// norm is the word folded for lookup: acronym dots removed ("U.S." →
	// "us"), English possessive removed, lower case.
	norm string
	// start and end are the byte offsets of the word in the text.
	start, end int
	// pos counts the words of the text from 1, stop words included, so that
	// proximity sees the gap a dropped stop word leaves.
	pos int
}

// analyzer splits text into words and maps each to a search term: Unicode
// word segmentation, acronym folding, English possessive, lower case, the
// Snowball English stop list, and the Snowball English stemmer. It is the
// one analysis used for the index and for questions, so that both agree.
//
// Replacements happen on the token, never on the text, so byte offsets
// always point into the original text and highlights stay exact.
type analyzer struct {
	tokenizer *segment.UnicodeTokenizer
	stemmer   *en.EnglishStemmerFilter
	stop      analysis.TokenMap
}

func newAnalyzer() (*analyzer, error) {
	stop := analysis.NewTokenMap()
	if err := stop.LoadBytes(en.EnglishStopWords); err != nil {
		return nil, err
	}
	return &analyzer{
		tokenizer: segment.NewUnicodeTokenizer(),
		stemmer:   en.NewEnglishStemmerFilter(),
		stop:      stop,
	}, nil
}

// words returns the words of text, stop words included, in order.
func (a *analyzer) words(text string) []word {
	toks := a.tokenizer.Tokenize([]byte(text))
	out := make([]word, 0, len(toks))
	for i, t := range toks {
		n := normalize(t.Term)
		if n == "" {
			continue
		}
		out = append(out, word{norm: n, start: t.Start, end: t.End, pos: i + 1})
	}
	return out
}

// isStop reports whether the folded word carries no meaning for search.
func (a *analyzer) isStop(norm string) bool {
	_, ok := a.stop[norm]
	return ok
}

// stem returns the search term of a folded word.
func (a *analyzer) stem(norm string) string {
	ts := a.stemmer.Filter(analysis.TokenStream{{Term: []byte(norm)}})
	return string(ts[0].Term)
}

// normalize folds one token: "U.S" → "us", "K.T" → "kt", "Trump’s" →
// "trump", "Don't" → "don't".
func normalize(term []byte) string {
	s := string(term)
	if strings.IndexByte(s, '.') >= 0 && isAcronym(s) {
		s = strings.ReplaceAll(s, ".", "")
	}
	s = strings.ReplaceAll(s, "’", "'")
	s = strings.ReplaceAll(s, "＇", "'")
	if len(s) > 2 && (strings.HasSuffix(s, "'s") || strings.HasSuffix(s, "'S")) {
		s = s[:len(s)-2]
	}
	s = strings.TrimRight(s, "'")
	return strings.ToLower(s)
}

// isAcronym reports whether s is single letters joined by dots ("U.S",
// "K.T", "e.g"), the form the tokenizer leaves of an abbreviation.
func isAcronym(s string) bool {
	for part := range strings.SplitSeq(s, ".") {
		if part == "" {
			continue
		}
		r, size := utf8.DecodeRuneInString(part)
		if size != len(part) || !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// abbreviations end with a dot that does not end a sentence. They are
// common English abbreviations, not words of any particular text.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true,
	"st": true, "mt": true, "ft": true, "gen": true, "col": true, "lt": true, "capt": true,
	"sgt": true, "rep": true, "sen": true, "gov": true, "pres": true, "rev": true, "hon": true,
	"gov't": true, "no": true, "nos": true, "vs": true, "etc": true, "inc": true, "ltd": true,
	"co": true, "corp": true, "dept": true, "univ": true, "approx": true, "est": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "fig": true, "al": true,
	"ca": true, "cf": true, "op": true, "vol": true, "pp": true,
}

// sentences splits text into sentence spans. A sentence ends at ".", "!",
// "?" or "…" (with any closing quotes or brackets after it) that is followed
// by white space and then an upper-case letter, a digit or an opening quote
// or bracket, unless the dot ends a known abbreviation or a single initial.
func sentences(text string) []Span {
	var out []Span
	start := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		end := i
		for end < len(text) {
			c, n := utf8.DecodeRuneInString(text[end:])
			if !strings.ContainsRune(`"'”’)]»`, c) {
				break
			}
			end += n
		}
		next := end
		for next < len(text) {
			c, n := utf8.DecodeRuneInString(text[next:])
			if !unicode.IsSpace(c) {
				break
			}
			next += n
		}
		if next == end || next >= len(text) {
			continue
		}
		c, _ := utf8.DecodeRuneInString(text[next:])
		if !unicode.IsUpper(c) && !unicode.IsDigit(c) && !strings.ContainsRune(`"'“‘([«`, c) {
			continue
		}
		if r == '.' && endsAbbreviation(text[start:i-size]) {
			continue
		}
		out = append(out, Span{start, end})
		start = next
		i = next
	}
	if start < len(text) {
		if s := strings.TrimRightFunc(text[start:], unicode.IsSpace); s != "" {
			out = append(out, Span{start, start + len(s)})
		}
	}
	return out
}

// endsAbbreviation reports whether the text before a dot ends with an
// abbreviation or an initial ("K.T", "Gen", "U.S").
func endsAbbreviation(before string) bool {
	j := len(before)
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(before[:j])
		if !unicode.IsLetter(r) && r != '.' && r != '\'' {
			break
		}
		j -= n
	}
	w := before[j:]
	if w == "" {
		return false
	}
	if isAcronym(w) {
		return true
	}
	return abbreviations[strings.ToLower(w)]
}
