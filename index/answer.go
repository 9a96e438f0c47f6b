package index

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxAnswerBytes bounds Answer.Text: a longer sentence is cut to the part
// around its matched words.
const maxAnswerBytes = 400

// expectation is the kind of thing a question asks for.
type expectation int

const (
	expectAny expectation = iota
	// expectNumber: when, what year, how many, how much, how long …
	expectNumber
	// expectName: who, whom, whose, where — a proper name.
	expectName
)

// Question words that say what kind of answer is wanted. They are English
// grammar, not words of any text.
var (
	// numberWords ask for a number on their own when among the first
	// words (deeper in, "when" opens a clause: "What path does it take
	// when seen from outside?"); numberAfter maps a
	// question word to the words after it that make it ask for one
	// ("what year", "how many").
	numberWords = map[string]bool{"when": true}
	numberAfter = map[string]map[string]bool{
		"what":  set("year", "date", "day", "month", "century", "decade", "time", "age", "percentage", "percent", "number", "amount"),
		"which": set("year", "date", "day", "month", "century", "decade"),
		"how":   set("many", "much", "long", "old", "far", "large", "big", "tall", "high", "often", "fast", "deep", "wide", "heavy"),
	}
	// nameWords ask for a proper name when among the first words.
	nameWords = set("who", "whom", "whose", "where")
)

// nameWithin is how many of the first words are looked at for a nameWords
// or numberWords word: "In 1990, who …" asks for a name; a "where" deep in a clause
// ("What did the army build near where the fort stood?") does not.
const nameWithin = 4

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// expect finds what kind of answer a question asks for, and what an answer
// must hold to answer it at all: a count for "how many" among the first
// words, a date for "what year" (or date, day, month, century, decade). On
// SQuAD dev, of the answers to such questions that held neither, one in 35
// held the gold answer. It looks at the question's words one by one rather
// than with regular expressions, which cost a noticeable share of a query,
// and folds case into a buffer that map lookups read without allocating.
func expect(q string) (expectation, need) {
	var buf [256]byte
	lower := buf[:0]
	for i := 0; i < len(q); i++ {
		c := q[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower = append(lower, c)
	}
	var prev []byte
	n := 0
	kind := expectAny
	for i, j := 0, 0; i < len(lower); {
		i, j = nextASCIIWord(lower, i)
		if i == j {
			break
		}
		w := lower[i:j]
		if n < nameWithin && numberWords[string(w)] || prev != nil && numberAfter[string(prev)][string(w)] {
			switch p := string(prev); {
			case p == "how" && string(w) == "many" && n <= nameWithin:
				return expectNumber, needCount
			case p == "how" && string(w) == "much" && n <= nameWithin && asksPrice(lower[j:]):
				return expectNumber, needMoney
			case (p == "what" || p == "which") && dateNouns[string(w)]:
				return expectNumber, needDate
			}
			return expectNumber, needNothing
		}
		if n < nameWithin && nameWords[string(w)] {
			kind = expectName
		}
		prev, n, i = w, n+1, j
	}
	return kind, needNothing
}

// need is what an answer must hold for the question to be answered at
// all: a count for "how many", a date for "what year", a sum of money for
// "how much did it cost".
type need int

const (
	needNothing need = iota
	needCount
	needDate
	needMoney
)

// Words that give a count or a date besides digits. They are English, not
// words of any text. Vague amounts ("many", "some") are no count: an
// answer to "how many" that holds none of these says nothing of the
// number asked for.
var (
	countWords = set("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
		"nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
		"hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions",
		"trillion", "trillions", "dozen", "dozens", "half", "once", "twice", "several", "few",
		"numerous", "none", "single", "multiple", "double", "triple", "couple", "both")
	dateWords = set("january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
		"aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
		"friday", "saturday", "sunday", "spring", "summer", "autumn", "winter", "century",
		"centuries", "decade", "decades", "year", "years", "today", "yesterday", "tomorrow",
		"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
		"tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
		"seventeenth", "eighteenth", "nineteenth", "twentieth")
	dateNouns = set("year", "date", "day", "month", "century", "decade")
)

// priceWords make "how much" ask for a sum of money: "How much did the
// striker cost?", "How much was the contract worth?".
var priceWords = set("cost", "costs", "costing", "pay", "paid", "pays", "worth", "spend", "spent",
	"spends", "earn", "earned", "earns", "raise", "raised", "price", "charge", "charged", "fund",
	"funding", "budget", "salary", "fine", "fined", "owe", "owed", "sell", "sold", "buy", "bought")

// moneyWords, besides the currency symbols, name a currency. "Pound" and
// "cent" are left out: "weighed two pounds", "fell 14 per cent".
var moneyWords = set("dollar", "dollars", "euro", "euros", "pence", "yen", "yuan", "rupee", "rupees",
	"franc", "francs", "usd", "gbp", "eur")

// comparisons answer "how much" without a sum when the sentence also
// speaks of paying: "will cost more than the library's yearly budget".
var comparisons = []string{"more than", "less than", "as much as", "twice as"}

// asksPrice reports whether the lower-cased rest of a question holds a
// word of paying or costing.
func asksPrice(rest []byte) bool {
	for i, j := 0, 0; i < len(rest); i = j {
		i, j = nextASCIIWord(rest, i)
		if priceWords[string(rest[i:j])] { // no allocation for a lookup
			return true
		}
	}
	return false
}

// nextASCIIWord returns the bounds of the first word of b at or after
// byte i; i == j when there is none.
func nextASCIIWord(b []byte, i int) (int, int) {
	for i < len(b) && !isASCIIWord(rune(b[i])) {
		i++
	}
	j := i
	for j < len(b) && isASCIIWord(rune(b[j])) {
		j++
	}
	return i, j
}

// satisfies reports whether text holds what n asks for.
func satisfies(text string, n need) bool {
	switch {
	case n == needNothing:
		return true
	case n == needMoney && strings.ContainsAny(text, "$£€¥₹"):
		return true
	case n != needMoney && strings.ContainsFunc(text, unicode.IsDigit):
		return true
	}
	lower := strings.ToLower(text)
	words := countWords
	switch n {
	case needDate:
		words = dateWords
	case needMoney:
		words = moneyWords
		if slices.ContainsFunc(comparisons, func(c string) bool { return strings.Contains(lower, c) }) && asksPrice([]byte(lower)) {
			return true // "will cost more than the library's yearly budget"
		}
	}
	for w := range strings.FieldsFuncSeq(lower, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if words[w] {
			return true
		}
	}
	return false
}

// isASCIIWord reports whether r is a letter, digit or underscore of ASCII,
// the word characters of the question patterns.
func isASCIIWord(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
}

// answerSpan picks the sentence of u that best answers the question: the
// one holding the most question weight, where a term counts for more the
// fewer sentences of u share it (a term in every sentence is the topic of
// the passage, not what tells its sentences apart), with a bonus for the
// question's bigrams and for holding the kind of thing asked for. A
// sentence longer than maxAnswerBytes is cut around its matched words.
//
// With allow set, only the sentences it allows are candidates, unless it
// allows none.
func (ix *Index) answerSpan(u *unit, aq analyzed, allow func(Span) bool) Span {
	if len(u.sents) == 0 {
		return trimSpan(u, Span{0, len(u.text)}, aq)
	}
	if allow != nil && !slices.ContainsFunc(u.sents, allow) {
		allow = nil
	}
	if len(u.sents) == 1 || aq.total == 0 && allow == nil {
		return trimSpan(u, u.sents[0], aq)
	}
	terms := aq.terms
	n := len(u.sents)
	// Per sentence: the question terms it holds (masks), the question's
	// bigrams it holds (bis), and the terms it earns from the sentence
	// before it (backs, below). Most passages have few sentences; an array
	// on the stack holds them without an allocation per question.
	masks := scratch(make([]uint64, 0, 32), n)
	bis := scratch(make([]uint64, 0, 32), n)
	backs := scratch(make([]uint64, 0, 32), n)
	// typed tells whether a sentence holds the kind of thing asked for in
	// a word that is no question term: the answer is what the sentence
	// adds to the question, so a sentence whose only name or number is the
	// question's own does not hold it.
	typed := scratch(make([]bool, 0, 32), n)
	for _, t := range u.toks {
		j := len(terms)
		if aq.may(t.term) {
			j = slices.IndexFunc(terms, func(q qterm) bool { return q.id == t.term })
			if j < 0 {
				j = len(terms)
			}
		}
		if j == len(terms) {
			if aq.expect != expectAny && !typed[t.sent] && isKind(u, t, aq.expect) {
				typed[t.sent] = true
			}
			continue
		}
		masks[t.sent] |= 1 << j
		prev, next := u.around(t)
		bis[t.sent] |= aq.bigramsNear(j, prev, next)
	}
	var local [maxTerms]float64
	for j := range terms {
		sf := 0
		for _, m := range masks {
			if m&(1<<j) != 0 {
				sf++
			}
		}
		if sf > 0 {
			local[j] = terms[j].w * (1 + ix.rank.local*(float64(n-sf)/float64(n)))
		}
	}
	// A sentence that opens by pointing back ("This imagery …", "It …",
	// "The company …" after a sentence that names a company) speaks of
	// what the sentence before it names, and so on up a chain of such
	// sentences: it earns part of the weight of the question terms found
	// only there.
	for i, sp := range u.sents {
		if i > 0 && (refersBack(u.text[sp.Start:sp.End]) || definiteBack(u, i)) {
			backs[i] = (masks[i-1] | backs[i-1]) &^ masks[i]
		}
	}
	best, bestScore := 0, -1.0
	for i, sp := range u.sents {
		if allow != nil && !allow(sp) {
			continue
		}
		v := 0.0
		back := backs[i]
		for j := range terms {
			switch {
			case masks[i]&(1<<j) != 0:
				v += local[j]
			case back&(1<<j) != 0:
				v += ix.rank.carry * local[j]
			}
		}
		if aq.total > 0 {
			v /= aq.total
		}
		if aq.bigramTotal > 0 {
			v += ix.rank.bigrams * bigramWeight(bis[i], aq.bigrams) / aq.bigramTotal
		}
		if v > 0 && typed[i] {
			v += ix.rank.expect
		}
		if v > bestScore {
			best, bestScore = i, v
		}
	}
	return trimSpan(u, u.sents[best], aq)
}

// backWords open a sentence that speaks of what the one before it named:
// pronouns and demonstratives. They are English grammar, not words of any
// text.
var backWords = map[string]bool{
	"it": true, "its": true, "this": true, "these": true, "that": true, "those": true,
	"he": true, "she": true, "his": true, "her": true, "they": true, "their": true,
	"such": true,
}

// refersBack reports whether sentence s opens with a word that points back
// to the sentence before it.
func refersBack(s string) bool {
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(s)
	}
	return end > 0 && backWords[strings.ToLower(s[:end])]
}

// definiteBack reports whether sentence i of u opens with "The" and a word
// the sentence before it holds ("… a telegraph company. The company …").
func definiteBack(u *unit, i int) bool {
	sp := u.sents[i]
	if len(u.text)-sp.Start < 4 || !strings.EqualFold(u.text[sp.Start:sp.Start+4], "the ") {
		return false
	}
	k, _ := slices.BinarySearchFunc(u.toks, int32(sp.Start), func(t tok, start int32) int { return int(t.start - start) })
	if k >= len(u.toks) || int(u.toks[k].sent) != i || int(u.toks[k].start) > sp.Start+5 {
		return false
	}
	first := u.toks[k].term
	for _, t := range u.toks[:k] {
		if int(t.sent) == i-1 && t.term == first {
			return true
		}
	}
	return false
}

// isKind reports whether content word t of u is the kind of thing e asks
// for: a number, or a capitalised word that does not open its sentence.
func isKind(u *unit, t tok, e expectation) bool {
	r, _ := utf8.DecodeRuneInString(u.text[t.start:])
	switch e {
	case expectNumber:
		return unicode.IsDigit(r)
	case expectName:
		return unicode.IsUpper(r) && int(t.start) > u.sents[t.sent].Start
	}
	return false
}

// holds reports whether a sentence holds the kind of thing asked for.
func holds(s string, e expectation) bool {
	switch e {
	case expectNumber:
		return strings.ContainsFunc(s, unicode.IsDigit)
	case expectName:
		// A capitalised word after the first.
		first := true
		for w := range strings.FieldsSeq(s) {
			if !first {
				if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
					return true
				}
			}
			first = false
		}
	}
	return false
}

// trimSpan cuts span to at most maxAnswerBytes, keeping the stretch that
// holds the most question weight (each question term counted once, so a
// rare word outweighs a common one said twice) and ending at word
// boundaries.
func trimSpan(u *unit, span Span, aq analyzed) Span {
	if span.End-span.Start <= maxAnswerBytes {
		return span
	}
	var hits []int
	var which []int // the question term of each hit
	for _, t := range u.toks {
		if int(t.start) >= span.Start && int(t.end) <= span.End {
			for j, q := range aq.terms {
				if q.id == t.term {
					hits = append(hits, int(t.start))
					which = append(which, j)
					break
				}
			}
		}
	}
	// The window start that covers the most question weight, each term
	// counted once: a rare word of the question tells where the answer
	// is better than a common one said twice.
	start, most := span.Start, 0.0
	for i, h := range hits {
		var seen uint64
		for j, k := range hits[i:] {
			if k-h >= maxAnswerBytes*3/4 {
				break
			}
			seen |= 1 << which[i+j]
		}
		if n := maskWeight(seen, aq.terms); n > most {
			most, start = n, h
		}
	}
	// Lead in a little before the first match, at a word boundary.
	start = max(span.Start, start-maxAnswerBytes/8)
	end := min(span.End, start+maxAnswerBytes)
	if end-start < maxAnswerBytes && start > span.Start {
		start = max(span.Start, end-maxAnswerBytes)
	}
	text := u.text
	for start > span.Start && start < end && !unicode.IsSpace(rune(text[start-1])) {
		start++
	}
	for end < span.End && end > start && !unicode.IsSpace(rune(text[end])) {
		end--
	}
	for start < end && !utf8.RuneStart(text[start]) {
		start++
	}
	return Span{start, end}
}
