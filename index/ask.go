package index

import (
	"cmp"
	"context"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"articlebot/corpus"
)

// ranking holds the constants of the ranking.
type ranking struct {
	// candidates is how many Bleve hits are re-ranked in Go. On SQuAD,
	// 25 found the gold paragraph in the top five more often than 20
	// (recall@5 0.9509 -> 0.9519) for about a quarter more re-ranking
	// work. 50, measured against 20 before the answer-sentence changes,
	// raised recall@5 from 0.9503 to 0.9519 but took about 37% more
	// processor time per question.
	candidates int
	// commonIDF and commonDF: terms below commonIDF (found in a large
	// share of passages) and in at least commonDF paragraphs are left out
	// of the Bleve query when a rarer term is in it; they still count in
	// the re-ranking. Their long posting lists cost the most and choose the
	// least. In a small corpus every list is short and every term is kept.
	commonIDF float64
	commonDF  int
	// Weights of the re-ranking features (see rerank): Bleve's BM25 score
	// (relative to the top hit's), the best sentence's coverage, the whole
	// passage's coverage and the question's bigrams in the best sentence.
	// A BM25 of the re-ranker's own with other k1 and b, and a bonus for
	// question terms near each other, were measured and left out: they
	// did not help on SQuAD.
	bm25, sentence, unit, bigrams float64
	// title is the share of a term's weight a passage earns when the term
	// is missing from it but stands in its article's title: questions name
	// the topic that the passage itself takes as read.
	title float64
	// local is how much more a term counts for choosing the answer
	// sentence when few sentences of the passage hold it (see answerSpan);
	// expect is the bonus of a sentence that holds the kind of thing the
	// question asks for.
	local, expect float64
	// carry is the share of a question term's weight that an answer
	// sentence opening with a word that points back ("This …", "It …")
	// earns when the term is in the sentence before it.
	carry float64
	// expectRank is the same bonus in the ranking of passages.
	expectRank float64
	// exact weighs words matched as written, before stemming.
	exact float64
	// article weighs the share of the candidates' score that the passage's
	// article holds; articleDoc the BM25 score of the passage's article,
	// read as one document, relative to the best article's.
	article, articleDoc float64
	// minCoverage is the share of the question's weight the answer's
	// sentence must hold; below it the article does not seem to answer.
	minCoverage float64
}

// defaultRanking was measured on SQuAD dev (BenchmarkSQuAD) and checked on
// the article's gold questions (TestGoldQuestions).
func defaultRanking() ranking {
	return ranking{
		candidates:  25,
		commonIDF:   2,
		commonDF:    64,
		bm25:        0.5,
		sentence:    0.7,
		bigrams:     1,
		title:       1,
		local:       2,
		expect:      0.3,
		carry:       0.7,
		expectRank:  0.2,
		exact:       0.6,
		article:     0.2,
		articleDoc:  0.5,
		unit:        0.6,
		minCoverage: 0.35,
	}
}

// needTries is how many of the best passages are tried for an answer that
// holds what the question needs ("How many …?" a number).
const needTries = 3

// defaultLimit is the number of results when AskOptions.Limit is 0.
const defaultLimit = 5

// maxLimit bounds AskOptions.Limit.
const maxLimit = 50

// hit is one re-ranked unit.
type hit struct {
	unit  int
	bm25  float64
	score float64
	// sent is the best sentence (index into the unit's sents), cov its
	// share of the question's weight.
	sent int
	cov  float64
}

// filter restricts a search.
type filter struct {
	article    string // article ID, "" for all
	quotesOnly bool
	speaker    string // canonical speaker name, "" for any
}

// Ask answers one question. Text that holds nothing to search for gives
// Status NotAQuestion; text the corpus does not seem to answer gives
// NoAnswer with the nearest passages. The only errors are a cancelled
// context, an unknown AskOptions.Article and a closed index.
func (ix *Index) Ask(ctx context.Context, q string, opts AskOptions) (Answer, error) {
	ans := Answer{Question: q, Status: NotAQuestion}
	text, ok := cleanQuestion(q)
	if !ok {
		return ans, nil
	}
	f, limit, err := ix.options(opts)
	if err != nil {
		return ans, err
	}
	pq := parseQuestion(text)
	if pq.shape == plain {
		pq = ix.according(pq, f)
	}
	search := text
	switch pq.shape {
	case whoIs:
		if a, ok, err := ix.askWhoIs(ctx, q, pq, f, limit); err != nil || ok {
			return a, err
		}
	case whatSaid:
		if a, ok, err := ix.askWhatSaid(ctx, q, pq, f, limit); err != nil || ok {
			return a, err
		}
		// No such speaker, or none of their words are attributed: look
		// for the name and the topic.
		search = pq.name + " " + pq.topic
		if ix.silent(pq.name, f) {
			// The article names them but reports nothing they said:
			// passages about them are the nearest, not an answer.
			aq := ix.analyzeQuery(search)
			hits, err := ix.search(ctx, aq, f)
			if err != nil {
				return ans, err
			}
			a := ix.answer(q, aq, hits, limit, "")
			return Answer{Question: q, Status: NoAnswer, Results: a.Results}, nil
		}
	case whoSaid:
		aq := ix.analyzeQuery(pq.topic)
		qf := f
		qf.quotesOnly = true
		hits, err := ix.search(ctx, aq, qf)
		if err != nil {
			return ans, err
		}
		if len(hits) > 0 {
			ix.quoteContext(hits, aq)
			return ix.answer(q, aq, hits, limit, ""), nil
		}
		search = pq.topic
	}
	aq := ix.analyzeQuery(search)
	if len(aq.terms) == 0 {
		return ans, nil
	}
	hits, err := ix.search(ctx, aq, f)
	if err != nil {
		return ans, err
	}
	a := ix.answer(q, aq, hits, limit, "")
	if pq.shape == whatSaid && a.Status == Answered && a.Speaker != "" && !sharesWord(pq.name, a.Speaker) {
		// Asked what someone said whom no quotation names, the best
		// passage is someone else's words: it is near, not an answer.
		// ("What did Thomson's report say?" may still be Thomson's.)
		return Answer{Question: q, Status: NoAnswer, Results: a.Results}, nil
	}
	return a, nil
}

// options checks opts.
func (ix *Index) options(opts AskOptions) (filter, int, error) {
	limit := opts.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	limit = min(limit, maxLimit)
	var f filter
	if opts.Article != "" {
		a := ix.corpus.Article(opts.Article)
		if a == nil {
			return f, 0, fmt.Errorf("ask: no article %q in the corpus", opts.Article)
		}
		f.article = a.ID
	}
	return f, limit, nil
}

// FindQuotes returns the quotations (Kind Direct or Mixed) that best match
// text, best first, for /quote.
func (ix *Index) FindQuotes(ctx context.Context, text string, opts AskOptions) ([]Result, error) {
	text, ok := cleanQuestion(text)
	if !ok {
		return nil, nil
	}
	f, limit, err := ix.options(opts)
	if err != nil {
		return nil, err
	}
	f.quotesOnly = true
	aq := ix.analyzeQuery(text)
	hits, err := ix.search(ctx, aq, f)
	if err != nil {
		return nil, err
	}
	var out []Result
	for _, h := range hits {
		u := &ix.units[h.unit]
		if u.kind != corpus.Direct && u.kind != corpus.Mixed {
			continue
		}
		out = append(out, ix.result(h, aq))
		if len(out) == limit {
			break
		}
	}
	return out, nil
}

// search finds the passages that hold the question's terms in Bleve's
// postings and re-ranks the best candidates.
func (ix *Index) search(ctx context.Context, aq analyzed, f filter) ([]hit, error) {
	common := func(t qterm) bool { return t.w < ix.rank.commonIDF && ix.df[t.id] >= ix.rank.commonDF }
	rare := slices.ContainsFunc(aq.terms, func(t qterm) bool { return t.id >= 0 && !common(t) })
	terms := make([]string, 0, len(aq.terms))
	for _, t := range aq.terms {
		if t.id < 0 || rare && common(t) {
			continue
		}
		terms = append(terms, t.name)
	}
	if len(terms) == 0 {
		return nil, nil
	}
	keep := ix.keep(f)
	hits, arts, err := ix.post.topUnits(ctx, terms, ix.rank.candidates, keep)
	if err != nil {
		return nil, err
	}
	ix.rerank(hits, aq, arts)
	return hits, nil
}

// keep returns the test of f, nil when f lets every unit through.
func (ix *Index) keep(f filter) func(int) bool {
	if f.article == "" && !f.quotesOnly && f.speaker == "" {
		return nil
	}
	return func(i int) bool {
		u := &ix.units[i]
		switch {
		case f.article != "" && ix.corpus.Articles[u.article].ID != f.article:
			return false
		case f.quotesOnly && u.quote < 0:
			return false
		case f.speaker == "":
			return true
		case u.quote >= 0:
			return u.speaker == f.speaker
		}
		return slices.Contains(u.speakers, f.speaker)
	}
}

// rerank scores each hit by its Bleve score together with how densely the
// question's terms occur in its best sentence, and sorts the hits best
// first.
func (ix *Index) rerank(hits []hit, aq analyzed, arts []float64) {
	if len(hits) == 0 {
		return
	}
	top := hits[0].bm25
	if top <= 0 {
		top = 1
	}
	r := &ix.rank
	// art[i] is the article of hit i, read once: the loops below look at
	// the articles of every pair of hits.
	art := scratch(make([]int, 0, 32), len(hits))
	for i := range hits {
		h := &hits[i]
		u := &ix.units[h.unit]
		art[i] = u.article
		var titleMask uint64
		if r.title > 0 {
			for j, t := range aq.terms {
				if slices.Contains(ix.titles[u.article], t.id) {
					titleMask |= 1 << j
				}
			}
		}
		us := r.scoreUnit(u, aq, titleMask)
		h.sent, h.cov = us.best.sent, us.best.cov
		h.score = r.bm25*h.bm25/top + r.sentence*us.best.rankCov + r.unit*us.cov +
			r.bigrams*us.best.bigrams + r.expectRank*us.best.holds + r.exact*us.best.exact
	}
	if best := maxOf(arts); r.articleDoc > 0 && best > 0 {
		for i := range hits {
			hits[i].score += r.articleDoc * arts[art[i]] / best
		}
	}
	if r.article > 0 && len(ix.corpus.Articles) > 1 {
		// Passages of the article that most candidates come from gain:
		// a question is about one article, and its best passages agree.
		// sums[i] is the summed score of hit i's article; the candidates
		// are few, so a scan replaces a map, and an array on the stack
		// holds the sums.
		sums := scratch(make([]float64, 0, 32), len(hits))
		best := 0.0
		for i := range hits {
			for j, o := range hits {
				if art[j] == art[i] {
					sums[i] += o.score
				}
			}
			best = max(best, sums[i])
		}
		for i := range hits {
			hits[i].score += r.article * sums[i] / best
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int { return cmp.Compare(b.score, a.score) })
}

// sentenceScore describes how well one sentence matches a question.
type sentenceScore struct {
	sent int
	// cov is the share of the question's term weight the sentence holds;
	// bigrams the share of the question's bigram weight found side by
	// side.
	cov, bigrams float64
	// rankCov is cov with the credit of title terms, for ranking only.
	rankCov float64
	// holds is 1 when the sentence holds the kind of thing asked for.
	holds float64
	// exact is the share of the question's weight matched as written,
	// before stemming.
	exact float64
}

// unitScore describes how well a unit matches a question.
type unitScore struct {
	best sentenceScore
	// cov is the share of the question's weight the whole unit holds.
	cov float64
}

// scoreUnit finds the best sentence of u for the question and scores the
// whole unit; titleMask marks the question terms in the unit's article
// title.
func (r *ranking) scoreUnit(u *unit, aq analyzed, titleMask uint64) (us unitScore) {
	if aq.total == 0 || len(u.toks) == 0 {
		return us
	}
	terms := aq.terms
	// The question terms each sentence holds, found through the unit's
	// own index of its words rather than by reading every word: one walk
	// through its terms in order beside the question's terms in the same
	// order, which reads a few cache lines straight through where a binary
	// search for each term waited on one line after another.
	// Every sentence gets masks, though the last ones may hold no content
	// word: a sentence without a question term is never the best. A unit
	// without sentences holds its words in sentence 0 (see newUnit).
	sm := scratch(make([]sentenceMasks, 0, 32), max(len(u.sents), 1))
	k := 0
	for _, j := range aq.byID {
		q := &terms[j]
		for k < len(u.termOf) && u.termOf[k] < q.id {
			k++
		}
		for ; k < len(u.termOf) && u.termOf[k] == q.id; k++ {
			o := &u.occ[k]
			m := &sm[o.sent]
			m.terms |= 1 << j
			if o.surf == q.surf {
				m.exact |= 1 << j
			}
			m.bigrams |= aq.bigramsNear(j, o.prev, o.next)
		}
	}
	best := &us.best
	bestScore := -1.0
	var unitMask uint64
	for i, m := range sm {
		if m.terms == 0 {
			// A sentence without a question term is never the best.
			continue
		}
		unitMask |= m.terms
		s := sentenceScore{sent: i, cov: maskWeight(m.terms, terms) / aq.total}
		s.rankCov = s.cov + r.title*maskWeight(titleMask&^m.terms, terms)/aq.total
		if aq.bigramTotal > 0 {
			s.bigrams = bigramWeight(m.bigrams, aq.bigrams) / aq.bigramTotal
		}
		if aq.expect != expectAny && u.holds[i]&(1<<aq.expect) != 0 {
			s.holds = 1
		}
		s.exact = maskWeight(m.exact, terms) / aq.total
		if v := r.sentence*s.rankCov + r.bigrams*s.bigrams + r.expectRank*s.holds + r.exact*s.exact; v > bestScore {
			bestScore, *best = v, s
		}
	}
	us.cov = (maskWeight(unitMask, terms) + r.title*maskWeight(titleMask&^unitMask, terms)) / aq.total
	return us
}

// scratch returns buf resliced to n zero values, or a new slice when n
// exceeds its capacity. Called with make([]T, 0, c) for a constant c, the
// array stays on the stack where it fits: the few candidates and sentences
// of a question need no allocation.
func scratch[T any](buf []T, n int) []T {
	if n > cap(buf) {
		return make([]T, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}

// sentenceMasks has bit j set for each question term j a sentence holds:
// anywhere, as written (exact), and the question's bigrams it holds.
type sentenceMasks struct{ terms, exact, bigrams uint64 }

// maskWeight sums the weights of the terms in mask.
func maskWeight(mask uint64, terms []qterm) float64 {
	return maskSum(mask, terms, func(t qterm) float64 { return t.w })
}

// bigramWeight sums the weights of the bigrams in mask.
func bigramWeight(mask uint64, bs []bigram) float64 {
	return maskSum(mask, bs, func(b bigram) float64 { return b.w })
}

// maskSum sums weight(xs[i]) over the bits i set in mask, in order of i;
// bits past the end of xs are ignored. It visits only the set bits, which
// are few.
func maskSum[T any](mask uint64, xs []T, weight func(T) float64) float64 {
	if len(xs) < 64 {
		mask &= 1<<len(xs) - 1
	}
	w := 0.0
	for ; mask != 0; mask &= mask - 1 {
		w += weight(xs[bits.TrailingZeros64(mask)])
	}
	return w
}

// answer turns ranked hits into an Answer: one result per paragraph, and
// the best sentence of the top one as the answer when it holds enough of
// the question. speaker, when set, is the speaker the search was limited
// to: a paragraph that wins then reports their words.
func (ix *Index) answer(q string, aq analyzed, hits []hit, limit int, speaker string) Answer {
	ans := Answer{Question: q, Status: NoAnswer}
	hits = ix.groupByParagraph(hits)
	if n := min(limit, len(hits)); n > 0 {
		ans.Results = make([]Result, 0, n)
	}
	for _, h := range hits[:min(limit, len(hits))] {
		ans.Results = append(ans.Results, ix.result(h, aq))
	}
	if aq.need == needCount && ix.countedAbsent(q) {
		return ans
	}
	least := ix.rank.minCoverage
	if speaker != "" {
		// Only the speaker's own words compete, so a topic they touch
		// with fewer of the question's words is still what they said
		// about it.
		least /= 2
	}
	if len(hits) == 0 || hits[0].cov < least {
		return ans
	}
	var u *unit
	var span Span
	for i, h := range hits[:min(needTries, len(hits))] {
		if h.cov < least {
			break
		}
		u = &ix.units[h.unit]
		var allow func(Span) bool
		if speaker != "" && u.quote < 0 {
			// Asked for one person's words: the sentence must hold them.
			allow = func(sp Span) bool { return ix.overlapsQuote(u, sp, speaker) }
		}
		span = ix.answerSpan(u, aq, allow)
		if satisfies(u.text[span.Start:span.End], aq.need) {
			break
		}
		// "How many …?" answered by a sentence without a number: the
		// next passage may hold one; if none does, the article does not
		// seem to say.
		u = nil
		if aq.need == needNothing || i+1 == needTries {
			break
		}
	}
	if u == nil {
		return ans
	}
	ans = ix.answerWith(ans, u, span, aq)
	if u.quote < 0 {
		ans.Speaker, ans.Kind = ix.quoteAt(u, span, speaker)
	}
	return ans
}

// countedAbsent reports whether the thing a "how many" question counts
// is a word no passage holds: "How many Israeli soldiers were killed?" of
// an article that never speaks of soldiers. The thing is the noun phrase
// after "how many", up to a verb of being or doing or a preposition, at
// most two words.
func (ix *Index) countedAbsent(q string) bool {
	lq := strings.ToLower(q)
	i := strings.Index(lq, "how many ")
	if i < 0 {
		return false
	}
	n := 0
	for _, w := range ix.an.words(lq[i+len("how many "):]) {
		if countedEnds[w.norm] || n == 2 {
			break
		}
		if ix.an.isStop(w.norm) {
			continue
		}
		n++
		if e, known := ix.vocab[w.norm]; known && !ix.stop[e.term] || !known && ix.termOf(ix.an.stem(w.norm)) >= 0 {
			continue
		}
		return true
	}
	return false
}

// countedEnds end the noun phrase after "how many".
var countedEnds = set("are", "is", "was", "were", "did", "do", "does", "have", "has", "had", "will",
	"would", "could", "can", "should", "may", "might", "must", "in", "of", "at", "on", "for", "from",
	"to", "with", "by")

// answerWith makes span of unit u the answer of ans.
func (ix *Index) answerWith(ans Answer, u *unit, span Span, aq analyzed) Answer {
	ans.Status = Answered
	ans.Doc = ix.corpus.Articles[u.article].ID
	ans.Paragraph, ans.Speaker, ans.Kind = u.paragraph, u.speaker, u.kind
	ans.Text = u.text[span.Start:span.End]
	ans.Highlights = ix.highlights(u, span, aq)
	return ans
}

// quoteAt returns the speaker and kind of the attributed quotation or
// statement that covers at least half of span in paragraph unit u, if any
// (a sentence that only mentions a quotation is the writer's, not the
// speaker's); with speaker set, only theirs, and Indirect when none covers
// the span but one of theirs overlaps it.
func (ix *Index) quoteAt(u *unit, span Span, speaker string) (string, corpus.Kind) {
	a := ix.corpus.Articles[u.article]
	for _, qt := range a.Quotes {
		if qt.Paragraph != u.paragraph || qt.Speaker == "" || speaker != "" && qt.Speaker != speaker {
			continue
		}
		lo, hi := max(qt.Start, span.Start), min(qt.End, span.End)
		if hi > lo && 2*(hi-lo) >= span.End-span.Start {
			return qt.Speaker, qt.Kind
		}
	}
	if speaker != "" && ix.overlapsQuote(u, span, speaker) {
		return speaker, corpus.Indirect
	}
	return "", ""
}

// overlapsQuote reports whether span of paragraph unit u overlaps a
// quotation or statement of speaker.
func (ix *Index) overlapsQuote(u *unit, span Span, speaker string) bool {
	for _, qt := range ix.corpus.Articles[u.article].Quotes {
		if qt.Paragraph == u.paragraph && qt.Speaker == speaker && max(qt.Start, span.Start) < min(qt.End, span.End) {
			return true
		}
	}
	return false
}

// groupByParagraph keeps the best hit of each paragraph, in rank order, so
// that a paragraph is cited once even when it and its quotations match. It
// filters hits in place: the first hit stays where it is, and the rest of
// the array is overwritten.
func (ix *Index) groupByParagraph(hits []hit) []hit {
	// Hits are few (at most ranking.candidates): a scan of the paragraphs
	// kept, listed apart so that each hit's unit is read once, costs less
	// than a map. The kept hits are never more than those read, so they
	// can share the array and spare each question an allocation.
	type paragraph struct{ article, paragraph int }
	var small [32]paragraph
	kept := small[:0]
	out := hits[:0]
	for _, h := range hits {
		u := &ix.units[h.unit]
		if p := (paragraph{u.article, u.paragraph}); !slices.Contains(kept, p) {
			kept = append(kept, p)
			out = append(out, h)
		}
	}
	return out
}

// result is the Result of a hit.
func (ix *Index) result(h hit, aq analyzed) Result {
	u := &ix.units[h.unit]
	return Result{
		Doc:        ix.corpus.Articles[u.article].ID,
		Paragraph:  u.paragraph,
		Kind:       u.kind,
		Speaker:    u.speaker,
		Text:       u.text,
		Score:      h.score,
		Highlights: ix.highlights(u, Span{0, len(u.text)}, aq),
	}
}

// highlights marks the words of u inside span that match a question term,
// as spans relative to span.Start, in text order; nil when none.
func (ix *Index) highlights(u *unit, span Span, aq analyzed) []Span {
	// The question's terms are few and the unit indexes its words by term:
	// gathering their occurrences costs less than reading every word, and
	// counting them first lets the result be allocated once.
	var small [64]int32
	at := small[:0]
	for _, q := range aq.terms {
		if q.id >= 0 {
			at = append(at, u.occurrences(q.id)...)
		}
	}
	slices.Sort(at)
	at = slices.Compact(at)
	inside := func(t *tok) bool { return int(t.start) >= span.Start && int(t.end) <= span.End }
	n := 0
	for _, ti := range at {
		if inside(&u.toks[ti]) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]Span, 0, n)
	for _, ti := range at {
		if t := &u.toks[ti]; inside(t) {
			out = append(out, Span{int(t.start) - span.Start, int(t.end) - span.Start})
		}
	}
	return out
}

// askWhoIs answers "who is NAME" from what the article says of a person it
// names; ok is false when no person of that name is known.
func (ix *Index) askWhoIs(ctx context.Context, q string, pq question, f filter, limit int) (Answer, bool, error) {
	for ai, a := range ix.corpus.Articles {
		if f.article != "" && a.ID != f.article {
			continue
		}
		found := a.FindSpeakers(pq.name)
		if len(found) == 0 {
			continue
		}
		s := found[0]
		para, span := ix.introduction(ai, s)
		if para == 0 {
			continue
		}
		aq := ix.analyzeQuery(strings.Join(s.Names(), " "))
		pf := f
		pf.article = a.ID
		hits, err := ix.search(ctx, aq, pf)
		if err != nil {
			return Answer{}, false, err
		}
		// Of passages that score alike (one statement shared by several
		// speakers), the person's own comes first.
		slices.SortStableFunc(hits, func(a, b hit) int {
			return cmp.Or(cmp.Compare(b.score, a.score),
				cmp.Compare(boolInt(ix.units[b.unit].speaker == s.Name), boolInt(ix.units[a.unit].speaker == s.Name)))
		})
		// The introducing paragraph leads, then the others that name them.
		uid := ix.paraUnit[ai][para-1]
		hits = append([]hit{{unit: uid, score: 1, cov: 1}}, hits...)
		ans := ix.answer(q, aq, hits, limit, "")
		u := &ix.units[uid]
		ans = ix.answerWith(ans, u, span, aq)
		ans.Speaker, ans.Kind = "", ""
		if s.Description != "" {
			// The text's own description, said of the name asked about.
			ans.Text = introduce(s.FullName(), s.Description)
			ans.Highlights = []Span{{0, len(s.FullName())}}
		}
		return ans, true, nil
	}
	return Answer{}, false, nil
}

// introduce says who name is from the parts of their description
// ("executive editor …; a former adviser …; who stepped down …"): the
// noun phrases after "is", a relative clause beside the name. "Ed Balls,
// who stepped down …, is ex-chief economic adviser … and a prospective
// Labour MP"; with relative clauses only, "… is the person who …".
func introduce(name, d string) string {
	var nps, rels []string
	for p := range strings.SplitSeq(d, ";") {
		switch p = strings.TrimSpace(p); {
		case p == "":
		case strings.HasPrefix(p, "who ") || strings.HasPrefix(p, "whose "):
			rels = append(rels, p)
		default:
			nps = append(nps, p)
		}
	}
	switch {
	case len(nps) > 0 && len(rels) > 0:
		return name + ", " + joinAnd(rels) + ", is " + joinAnd(nps)
	case len(rels) > 0:
		return name + " is the person " + joinAnd(rels)
	}
	return name + " is " + joinAnd(nps)
}

// joinAnd joins phrases as a list: "a", "a and b", "a, b and c".
func joinAnd(parts []string) string {
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// introduction finds the sentence that describes speaker s: the one holding
// the text's own description of them, else the first sentence that names
// them. It returns the paragraph (0 when none) and the sentence's span.
func (ix *Index) introduction(ai int, s corpus.Speaker) (int, Span) {
	a := ix.corpus.Articles[ai]
	paras := s.MentionedIn
	if len(paras) == 0 {
		for i := range a.Paragraphs {
			paras = append(paras, i+1)
		}
	}
	find := func(needle string) (int, Span) {
		for _, p := range paras {
			if p < 1 || p > len(a.Paragraphs) {
				continue
			}
			u := &ix.units[ix.paraUnit[ai][p-1]]
			at := strings.Index(u.text, needle)
			if at < 0 {
				continue
			}
			for _, sp := range u.sents {
				if at >= sp.Start && at < sp.End {
					return p, sp
				}
			}
			return p, Span{0, len(u.text)}
		}
		return 0, Span{}
	}
	if s.Description != "" {
		first, _, _ := strings.Cut(s.Description, ";")
		if p, sp := find(strings.TrimSpace(first)); p > 0 {
			return p, sp
		}
	}
	for _, n := range s.Names() {
		if p, sp := find(n); p > 0 {
			return p, sp
		}
	}
	return 0, Span{}
}

// askWhatSaid answers "what did NAME say (about TOPIC)" from the speaker's
// quotations and statements and the paragraphs that report them; ok is
// false when no such speaker is known or none of their words are
// attributed.
func (ix *Index) askWhatSaid(ctx context.Context, q string, pq question, f filter, limit int) (Answer, bool, error) {
	for _, a := range ix.corpus.Articles {
		if f.article != "" && a.ID != f.article {
			continue
		}
		found := a.FindSpeakers(pq.name)
		if len(found) == 0 || len(a.QuotesBy(found[0].Name)) == 0 {
			continue
		}
		s := found[0]
		sf := f
		sf.article, sf.speaker = a.ID, s.Name
		aq := ix.analyzeQuery(pq.topic)
		var hits []hit
		if len(aq.terms) > 0 {
			var err error
			if hits, err = ix.search(ctx, aq, sf); err != nil {
				return Answer{}, false, err
			}
		}
		if len(hits) == 0 {
			// No topic, or nothing on it: everything they said, in
			// article order, the first as the answer.
			hits = ix.speakerUnits(a.ID, s.Name)
			ans := ix.answer(q, aq, hits, limit, s.Name)
			if len(hits) > 0 && strings.TrimSpace(pq.topic) == "" {
				u := &ix.units[hits[0].unit]
				ans = ix.answerWith(ans, u, Span{0, len(u.text)}, aq)
			}
			return ans, true, nil
		}
		return ix.answer(q, aq, hits, limit, s.Name), true, nil
	}
	return Answer{}, false, nil
}

// quoteContext gives each quotation hit at least the coverage of the
// sentence that holds it in its paragraph: "Who said the dressing room was
// gutted?" is answered by "Pike said the dressing room was “gutted”",
// though the quotation itself is one word.
func (ix *Index) quoteContext(hits []hit, aq analyzed) {
	if aq.total == 0 {
		return
	}
	for i := range hits {
		u := &ix.units[hits[i].unit]
		if u.quote < 0 {
			continue
		}
		start := ix.corpus.Articles[u.article].Quotes[u.quote].Start
		p := &ix.units[ix.paraUnit[u.article][u.paragraph-1]]
		si := slices.IndexFunc(p.sents, func(sp Span) bool { return sp.Start <= start && start < sp.End })
		if si < 0 {
			continue
		}
		var mask uint64
		for j, t := range aq.terms {
			if t.id < 0 {
				continue
			}
			for _, ti := range p.occurrences(t.id) {
				if p.toks[ti].sent == int32(si) {
					mask |= 1 << j
					break
				}
			}
		}
		hits[i].cov = max(hits[i].cov, maskWeight(mask, aq.terms)/aq.total)
	}
}

// sharesWord reports whether name a, as a question writes it, and speaker
// name b have a name word in common ("Xi" in "Xi's government" and "Xi
// Jinping"): a word a writes with a capital, not a particle such as "of"
// or "de", nor an abbreviation in capitals ("US").
func sharesWord(a, b string) bool {
	words := func(s string) []string {
		return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	}
	bw := words(strings.ToLower(b))
	for _, w := range words(a) {
		r, _ := utf8.DecodeRuneInString(w)
		l := strings.ToLower(w)
		if len(w) < 2 || !unicode.IsUpper(r) || w == strings.ToUpper(w) || nameParticles[l] {
			continue
		}
		if slices.Contains(bw, l) {
			return true
		}
	}
	return false
}

// nameParticles are short words inside names that name no one: "Bank of
// England", "Charles de Gaulle".
var nameParticles = map[string]bool{"of": true, "the": true, "and": true, "de": true, "la": true, "le": true,
	"da": true, "du": true, "di": true, "van": true, "von": true, "al": true, "in": true, "on": true, "to": true}

// silent reports whether name is a person the articles (those f allows)
// mention but never quote, while they do attribute others' words: then
// the articles do not say what that person said.
func (ix *Index) silent(name string, f filter) bool {
	known := false
	for _, a := range ix.corpus.Articles {
		if f.article != "" && a.ID != f.article {
			continue
		}
		for _, s := range a.FindSpeakers(name) {
			if s.Quoted() {
				return false
			}
			known = true
		}
	}
	return known && ix.attributed
}

// speakerUnits lists the quotations and statements of a speaker in article
// order.
func (ix *Index) speakerUnits(doc, speaker string) []hit {
	var out []hit
	for i, u := range ix.units {
		if u.quote >= 0 && u.speaker == speaker && ix.corpus.Articles[u.article].ID == doc {
			out = append(out, hit{unit: i})
		}
	}
	return out
}

// maxOf returns the largest of xs, 0 for none.
func maxOf(xs []float64) float64 {
	m := 0.0
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
