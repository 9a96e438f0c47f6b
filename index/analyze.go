package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"

	"articlebot/corpus"
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

// analyzer splits text into words and maps each to a search term: words
// are runs of letters and digits (with the dots of "U.S." and the
// apostrophes of "Trump’s" inside them), folded (acronym dots removed,
// English possessive removed, lower case), checked against the Snowball
// English stop list, and stemmed with the Snowball English stemmer. It is
// the one analysis used for the index and for questions, so that both
// agree.
//
// Replacements happen on the token, never on the text, so byte offsets
// always point into the original text and highlights stay exact. The
// tokenizer is this package's own: Unicode word segmentation (UAX #29) cost
// a fifth of the build time and splits English the same way.
type analyzer struct {
	stemmer *en.EnglishStemmerFilter
	stop    analysis.TokenMap
}

func newAnalyzer() (*analyzer, error) {
	stop := analysis.NewTokenMap()
	if err := stop.LoadBytes(en.EnglishStopWords); err != nil {
		return nil, err
	}
	return &analyzer{stemmer: en.NewEnglishStemmerFilter(), stop: stop}, nil
}

// words returns the words of text, stop words included, in order.
func (a *analyzer) words(text string) []word {
	out := make([]word, 0, len(text)/6+1)
	pos := 0
	for i := 0; i < len(text); {
		r, n := decodeRune(text, i)
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		i += n
		for i < len(text) {
			r, n := decodeRune(text, i)
			if isWordRune(r) {
				i += n
				continue
			}
			if joins(r) && i+n < len(text) {
				next, _ := decodeRune(text, i+n)
				prev, _ := utf8.DecodeLastRuneInString(text[:i])
				if isWordRune(next) && (r != ',' || unicode.IsDigit(prev) && unicode.IsDigit(next)) {
					i += n
					continue
				}
			}
			break
		}
		pos++
		if n := normalize(text[start:i]); n != "" {
			if n == "found" && !baseVerb(out) {
				n = "find"
			}
			out = append(out, word{norm: n, start: start, end: i, pos: pos})
		}
	}
	return out
}

// "found" is both the past of "find" and the verb of "founded": folding
// it into one term with "founded" would answer "When was NATO founded?"
// with "Obama found himself …". It is the base verb right after "to" ("to
// found a college") or after a form of "do" or a modal and at most its
// subject ("did Tugh Temur found", "will found"); a form of "be" or
// "have" ("could be found") or a conjunction ("went to the flat and
// found") between them makes it "find", as it is everywhere else. These
// are English grammar, not words of any text.
var (
	baseCues  = map[string]bool{"do": true, "does": true, "did": true, "will": true, "would": true, "can": true, "could": true, "shall": true, "should": true, "may": true, "might": true, "must": true}
	auxBreaks = map[string]bool{"be": true, "been": true, "being": true, "is": true, "are": true, "was": true, "were": true, "have": true, "has": true, "had": true,
		"and": true, "or": true, "but": true, "then": true, "to": true}
)

// baseWords is how many words before "found" are looked at for a baseCues word.
const baseWords = 4

// baseVerb reports whether the words before a "found" make it the base
// verb.
func baseVerb(before []word) bool {
	if n := len(before); n > 0 && before[n-1].norm == "to" {
		return true
	}
	for i := len(before) - 1; i >= 0 && i >= len(before)-baseWords; i-- {
		switch n := before[i].norm; {
		case auxBreaks[n]:
			return false
		case baseCues[n]:
			return true
		}
	}
	return false
}

func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// isWordRune reports whether r is part of a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// joins reports whether r stays inside a word when word characters stand on
// both sides: "U.S", "3.5", "don’t", "1,000" (a comma only between digits).
func joins(r rune) bool {
	return r == '.' || r == '\'' || r == '’' || r == '＇' || r == ','
}

// isStop reports whether the folded word carries no meaning for search.
func (a *analyzer) isStop(norm string) bool {
	_, ok := a.stop[norm]
	return ok
}

// stem returns the search term of a folded word; an irregular past form
// takes the term of its verb's base form.
func (a *analyzer) stem(norm string) string {
	if base, ok := irregular[norm]; ok {
		norm = base
	}
	ts := a.stemmer.Filter(analysis.TokenStream{{Term: []byte(norm)}})
	return string(ts[0].Term)
}

// normalize folds one token: "U.S" → "us", "K.T" → "kt", "Trump’s" →
// "trump", "Don’t" → "don't".
func normalize(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' || c == '.' || c == '\'' {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	if strings.IndexByte(s, '.') >= 0 && isAcronym(s) {
		s = strings.ReplaceAll(s, ".", "")
	}
	s = strings.ReplaceAll(s, "’", "'")
	s = strings.ReplaceAll(s, "＇", "'")
	if len(s) > 2 && (strings.HasSuffix(s, "'s") || strings.HasSuffix(s, "'S")) {
		s = s[:len(s)-2]
	}
	s = strings.TrimRight(s, "'")
	return foldAccents(strings.ToLower(s))
}

// accents maps accented Latin letters to their base letter, so that
// "Gospić" and "Gospic", "fiancé" and "fiance" meet (as Lucene's ASCII
// folding does for these letters).
var accents = func() map[rune]rune {
	m := map[rune]rune{}
	for base, letters := range map[rune]string{
		'a': "àáâãäåāăą", 'c': "çćĉċč", 'd': "ďđ", 'e': "èéêëēĕėęě", 'g': "ĝğġģ",
		'h': "ĥħ", 'i': "ìíîïĩīĭįı", 'j': "ĵ", 'k': "ķ", 'l': "ĺļľŀł", 'n': "ñńņňŉ",
		'o': "òóôõöøōŏő", 'r': "ŕŗř", 's': "śŝşšș", 't': "ţťŧț", 'u': "ùúûüũūŭůűų",
		'w': "ŵ", 'y': "ýÿŷ", 'z': "źżž",
	} {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()

// foldAccents replaces accented Latin letters in lower-case s.
func foldAccents(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.Map(func(r rune) rune {
				if b, ok := accents[r]; ok {
					return b
				}
				return r
			}, s)
		}
	}
	return s
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

// sentences splits text into sentence spans as the corpus splits its
// paragraphs, so that a sentence the index answers with is a sentence
// of the corpus's own analysis.
func sentences(text string) []Span {
	ranges := corpus.Sentences(text)
	out := make([]Span, len(ranges))
	for i, r := range ranges {
		out[i] = Span{r[0], r[1]}
	}
	return out
}
