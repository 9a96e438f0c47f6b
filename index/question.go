package index

import (
	"cmp"
	"math/bits"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxQuestionBytes bounds the text of a question that is analyzed; the rest
// is ignored, so that a pasted page costs no more than a long question.
const maxQuestionBytes = 2000

// maxTerms bounds the search terms of one question (the rarest are kept),
// which bounds the fan-out of the query and fits a term set in a uint64.
const maxTerms = 24

// shape is the kind of question, which decides where to look.
type shape int

const (
	// plain questions search every passage.
	plain shape = iota
	// whoSaid questions ("who said …") search quotations and name the
	// speaker.
	whoSaid
	// whatSaid questions ("what did Carden say about …") search one
	// speaker's quotations and statements.
	whatSaid
	// whoIs questions ("who is K.T. McFarland?") answer from what the text
	// says of a person.
	whoIs
)

// question is a parsed question.
type question struct {
	shape shape
	// name is the person asked about (whatSaid, whoIs).
	name string
	// topic is the text to search for: the question without its frame for
	// whoSaid and whatSaid, the whole question otherwise.
	topic string
}

// Question frames. They are English grammar, not words of any article.
var (
	reWhoSaid   = regexp.MustCompile(`(?i)^\s*(?:who|which \w+|what \w+)\s+(?:has\s+|had\s+|did\s+|have\s+)?(?:said|says|say|stated|states|claimed|claims|argued|argues|warned|warns|wrote|writes|believes|believed|thinks|thought|described|describes|called|calls|told|tells|suggested|suggests|noted|notes|predicted|predicts|asserted|asserts|declared|declares)\b(?:\s+that\b)?(.*)$`)
	reWhatSaid  = regexp.MustCompile(`(?i)^\s*(?:what|how)\s+(?:did|does|do|has|have|had|would|will|could)\s+(.+?)\s+(?:say|said|think|thought|believe|argue|claim|tell|told|write|wrote|mean|warn|suggest|note|predict|feel|add|explain|describe)\b(?:\s+(?:about|of|on|regarding|concerning|in)\b)?(.*)$`)
	reSaidAbout = regexp.MustCompile(`(?i)^\s*(?:what|how)\s+(?:was|is|are|were)\s+(.+?)['’]s\s+(?:view|views|opinion|position|take|stance|comment|comments)\b(?:\s+(?:about|of|on|regarding|concerning)\b)?(.*)$`)
	reAccording = regexp.MustCompile(`(?i)\b(?:according\s+to|in\s+the\s+(?:view|opinion|words)\s+of)\s+((?:[\p{L}\p{N}.'’-]+\s*){1,4})`)
	reWhoIs     = regexp.MustCompile(`(?i)^\s*who\s+(?:is|was|are|were)\s+(.+?)\s*$`)
)

// parseQuestion finds the shape of a question.
func parseQuestion(text string) question {
	t := strings.TrimRightFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '.' || r == '.'
	})
	// Every frame starts with who, which, what or how; the first word
	// spares most questions the regular expressions.
	first, rest, _ := strings.Cut(strings.TrimSpace(t), " ")
	first = strings.ToLower(first)
	switch first {
	case "who", "which", "what", "how":
	default:
		return question{shape: plain, topic: text}
	}
	// The first and second words rule out more: each frame names the first
	// words it may open with, and all but reWhoSaid the second words. A
	// frame ruled out would not have matched; the frames are tried in the
	// same order as ever.
	second := secondWord(rest)
	var (
		whatHow = first == "what" || first == "how"
		be      = mayBe(second, "is", "was", "are", "were")
	)
	if first != "how" {
		if m := reWhoSaid.FindStringSubmatch(t); m != nil && strings.TrimSpace(m[1]) != "" {
			return question{shape: whoSaid, topic: m[1]}
		}
	}
	if whatHow && mayBe(second, "did", "does", "do", "has", "have", "had", "would", "will", "could") {
		if m := reWhatSaid.FindStringSubmatch(t); m != nil {
			return question{shape: whatSaid, name: strings.TrimSpace(m[1]), topic: m[2]}
		}
	}
	// reSaidAbout needs a possessive, and so an apostrophe.
	if whatHow && be && strings.ContainsAny(t, "'’") {
		if m := reSaidAbout.FindStringSubmatch(t); m != nil {
			return question{shape: whatSaid, name: strings.TrimSpace(m[1]), topic: m[2]}
		}
	}
	if first == "who" && be {
		if m := reWhoIs.FindStringSubmatch(t); m != nil {
			return question{shape: whoIs, name: strings.TrimSpace(m[1]), topic: text}
		}
	}
	return question{shape: plain, topic: text}
}

// mayBe reports whether a second word as secondWord gives it may be one of
// words: it is, or it is unknown ("").
func mayBe(second string, words ...string) bool {
	return second == "" || slices.Contains(words, second)
}

// secondWord returns the word that opens rest after the frames' white
// space (\s: ASCII space, tab, newline, form feed, return), in lower case;
// "" when there is none or it holds a byte outside ASCII: the frames fold
// case as Unicode does ("ſ" matches "s"), so only an ASCII word can rule a
// frame out.
func secondWord(rest string) string {
	const space = " \t\n\f\r"
	rest = strings.TrimLeft(rest, space)
	if i := strings.IndexAny(rest, space); i >= 0 {
		rest = rest[:i]
	}
	for i := 0; i < len(rest); i++ {
		if rest[i] >= utf8.RuneSelf {
			return ""
		}
	}
	return strings.ToLower(rest)
}

// cleanQuestion replaces control and format characters with spaces and
// bounds the length, so that no input can make the work unbounded. It
// reports false when nothing is left to search for (no letter or digit).
func cleanQuestion(s string) (string, bool) {
	if len(s) > maxQuestionBytes {
		cut := maxQuestionBytes
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	s = strings.ToValidUTF8(s, " ")
	any := false
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			return ' '
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			any = true
		}
		return r
	}, s)
	return strings.TrimSpace(s), any
}

// qterm is one search term of a question.
type qterm struct {
	id   int32 // term ID, -1 when no passage has it
	surf int32 // the word as written (folded, unstemmed), -1 when unseen
	name string
	w    float64 // weight: its inverse paragraph frequency
}

// bigram is two words that follow each other in a question, at least one
// of them a content word; finding them side by side in a passage is strong
// evidence that it speaks of the same thing (as in DrQA's bigram retrieval).
type bigram struct {
	a, b int32
	w    float64
}

// analyzed is an analyzed question.
type analyzed struct {
	terms   []qterm
	bigrams []bigram
	// total is the summed weight of terms, bigramTotal of bigrams.
	total, bigramTotal float64
	// expect is the kind of thing the question asks for; need what an
	// answer must hold to answer it at all.
	expect expectation
	need   need
	// filter has bit id%64 set for every term id: a word whose bit is
	// clear is no question term, which spares most words a look at terms.
	filter uint64
	// near holds, for each term, the bigrams it is part of (see
	// bigramsNear); nil without bigrams.
	near []termBigrams
	// byID lists the indexes in terms of the terms that passages hold (ID
	// 0 or more), in order of ID (see scoreUnit).
	byID []int
}

// termBigrams has bit k set in first when a question term is the first
// word of bigram k, and in second when it is the second.
type termBigrams struct{ first, second uint64 }

// bigramsNear returns the mask of the question's bigrams that term j forms
// with the term prev before it and the term next after it. It reads only
// the bigrams that hold term j, which are few, where a look at every
// bigram for every word of every candidate passage cost a tenth of a
// question's time.
func (q *analyzed) bigramsNear(j int, prev, next int32) uint64 {
	if q.near == nil {
		return 0
	}
	var m uint64
	for s := q.near[j].second; s != 0; s &= s - 1 {
		if k := bits.TrailingZeros64(s); q.bigrams[k].a == prev {
			m |= 1 << k
		}
	}
	for f := q.near[j].first; f != 0; f &= f - 1 {
		if k := bits.TrailingZeros64(f); q.bigrams[k].b == next {
			m |= 1 << k
		}
	}
	return m
}

// may reports whether term id may be a question term.
func (q *analyzed) may(id int32) bool { return q.filter&(1<<(uint32(id)&63)) != 0 }

// maxBigrams bounds the bigrams of a question (they fit a uint64 mask).
const maxBigrams = 64

// analyzeQuery analyzes text into its distinct content terms in order of
// first appearance, keeping the maxTerms rarest, and its bigrams.
func (ix *Index) analyzeQuery(text string) analyzed {
	q := analyzed{}
	q.expect, q.need = expect(text)
	prev, prevPos := int32(-1), 0
	ws := ix.an.words(text)
	// A question has at most one term and one bigram per word: sized so,
	// the slices are allocated once.
	q.terms = make([]qterm, 0, len(ws))
	q.bigrams = make([]bigram, 0, min(max(len(ws)-1, 0), maxBigrams))
	for _, w := range ws {
		e, known := ix.vocab[w.norm]
		id, surf := e.term, e.surf
		if !known {
			surf = -1
		}
		stop := known && ix.stop[id] || !known && ix.an.isStop(w.norm)
		name := ""
		switch {
		case stop:
		case known:
			name = ix.termNames[id]
		default:
			name = ix.an.stem(w.norm)
			if id = ix.termOf(name); id >= 0 {
				name = ix.termNames[id]
			}
		}
		if !known && stop {
			id = -1
		}
		if prev >= 0 && id >= 0 && w.pos == prevPos+1 && (!ix.stop[prev] || !ix.stop[id]) && len(q.bigrams) < maxBigrams {
			q.bigrams = append(q.bigrams, bigram{a: prev, b: id, w: ix.idf[prev] + ix.idf[id]})
		}
		prev, prevPos = id, w.pos
		if stop || questionWords[w.norm] || slices.ContainsFunc(q.terms, func(t qterm) bool { return t.name == name }) {
			continue
		}
		weight := ix.maxIDF
		if id >= 0 {
			weight = ix.idf[id]
		}
		q.terms = append(q.terms, qterm{id: id, surf: surf, name: name, w: weight})
	}
	for len(q.terms) > maxTerms {
		// Keep the rarest terms, in question order.
		low := 0
		for i, t := range q.terms {
			if t.w < q.terms[low].w {
				low = i
			}
		}
		q.terms = slices.Delete(q.terms, low, low+1)
	}
	for _, t := range q.terms {
		q.total += t.w
		if t.id >= 0 {
			q.filter |= 1 << (uint32(t.id) & 63)
		}
	}
	for _, b := range q.bigrams {
		q.bigramTotal += b.w
	}
	q.byID = make([]int, 0, len(q.terms))
	for j, t := range q.terms {
		if t.id >= 0 {
			q.byID = append(q.byID, j)
		}
	}
	slices.SortFunc(q.byID, func(a, b int) int { return cmp.Compare(q.terms[a].id, q.terms[b].id) })
	if len(q.bigrams) > 0 {
		q.near = make([]termBigrams, len(q.terms))
		for j, t := range q.terms {
			if t.id < 0 {
				continue
			}
			for k, b := range q.bigrams {
				if b.a == t.id {
					q.near[j].first |= 1 << k
				}
				if b.b == t.id {
					q.near[j].second |= 1 << k
				}
			}
		}
	}
	return q
}

// questionWords are words that frame a question rather than say what it is
// about; the stop list already drops who, what, which, did and the like,
// but not "will" ("When will the summit take place?"). Other modal verbs
// were measured as question words too and cost SQuAD recall@1.
var questionWords = map[string]bool{
	"many": true, "much": true,
	"will": true,
}

// according turns "… according to NAME" (or "in the view of NAME") into a
// whatSaid question when NAME is a person of the corpus, trying the longest
// run of up to four words after the cue.
func (ix *Index) according(pq question, f filter) question {
	// Most questions hold neither cue; words the cues need spare them the
	// regular expression: "according", or " of " with "view", "opinion" or
	// "word". (These words hold no "s", which case folding pairs with "ſ",
	// a letter ToLower leaves as it is.)
	lower := strings.ToLower(pq.topic)
	if !strings.Contains(lower, "according") && !(strings.Contains(lower, " of ") &&
		(strings.Contains(lower, "view") || strings.Contains(lower, "opinion") || strings.Contains(lower, "word"))) {
		return pq
	}
	loc := reAccording.FindStringSubmatchIndex(pq.topic)
	if loc == nil {
		return pq
	}
	words := strings.Fields(pq.topic[loc[2]:loc[3]])
	if r, _ := utf8.DecodeRuneInString(pq.topic[loc[2]:]); !unicode.IsUpper(r) {
		// "according to the press release": a name is written with a
		// capital; a role or a document is searched for as words.
		return pq
	}
	for n := len(words); n > 0; n-- {
		name := strings.TrimRight(strings.Join(words[:n], " "), ".,;:!?")
		for _, a := range ix.corpus.Articles {
			if f.article != "" && a.ID != f.article {
				continue
			}
			if len(a.FindSpeakers(name)) > 0 {
				// The question is what remains around the cue and the
				// name: "According to Lee, how long will it last?"
				rest := pq.topic[:loc[0]] + " " + strings.Join(words[n:], " ") + " " + pq.topic[loc[1]:]
				rest = strings.Trim(strings.Join(strings.Fields(rest), " "), " ,;:")
				return question{shape: whatSaid, name: name, topic: rest}
			}
		}
	}
	return pq
}
