package corpus

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// analysis holds what is read from an article while its quotations,
// statements and speakers are found. It lives for one call of analyze.
type analysis struct {
	a     *Article
	paras []paraText
	ments []mention
	ents  []*entity
	// salient lists the entities that were recently sources or sentence
	// subjects, most recent last: the antecedents of "he" and "she".
	salient []int
	// touchedAt holds, for each entity on the salience list, the end of
	// the sentence in which it last became salient; at is the end of the
	// sentence being read.
	touchedAt map[int]mark
	at        mark
	// voice holds the organisations whose latest words came through an
	// unnamed spokesperson, with the pronoun that may stand for that
	// person ('m', 'f', or 0 for either): "A council spokeswoman said …
	// “…,” she said."
	voice map[int]byte
}

// mark is a place in an article: a byte offset in a paragraph.
type mark struct{ para, off int }

// before reports whether m comes before o.
func (m mark) before(o mark) bool {
	return m.para < o.para || m.para == o.para && m.off < o.off
}

// found is a quotation or statement before it becomes a Quote.
type found struct {
	Quote
	speakers []int
	ranOn    bool // an open quotation that runs into the next paragraph
	tagged   bool // a cue attributes it (even to an unnamed source)
}

// analyze finds the article's quotations, reported statements and speakers.
//
// It works in passes, each in its own file:
//
//  1. quotes.go pairs quotation marks in each paragraph; tokens.go splits
//     the paragraph into words and sentences, each quotation one token.
//  2. names.go finds capitalised names, drops titles ("Sir", "Russian
//     President") and clusters the forms of one name ("Thomson" → "Adam
//     Thomson"), telling people from organisations and places.
//  3. attribute.go finds each sentence's cues ("said X", "X believes",
//     "according to X", "…, saying") and the noun phrase that is their
//     source. The attribute method in this file then gives the cues to
//     quotations in article order, so that "he" and "she" resolve to the
//     latest person quoted or named as a subject, and quotations without
//     a cue follow news conventions (“A,” he said. “B.”).
//  4. speakers.go describes and lists the people and sources.
//
// Where no rule names a source, the speaker stays empty.
func analyze(a *Article) {
	an := &analysis{a: a}
	an.read()
	quotes := an.attribute()
	an.finish(quotes)
}

// read splits every paragraph into quotations, tokens and sentences, finds
// the names, and clusters them into entities.
func (an *analysis) read() {
	an.paras = make([]paraText, len(an.a.Paragraphs))
	for i, p := range an.a.Paragraphs {
		pt := &an.paras[i]
		pt.text = p
		pt.quotes = findQuotes(p)
		pt.flat = tokenize(p, nil)
		pt.toks = withQuotes(pt.flat, pt.quotes)
		pt.sents = splitSentences(p, pt.toks, pt.quotes)
		if headline(p, pt.flat) {
			continue // every word is capitalised: no telling names apart
		}
		for _, m := range findMentions(i, p, pt.flat, pt.quotes) {
			pt.ments = append(pt.ments, len(an.ments))
			an.ments = append(an.ments, m)
		}
	}
	lower := map[string]bool{}
	for _, pt := range an.paras {
		for _, t := range pt.flat {
			if w := pt.text[t.start:t.end]; t.kind == tWord && !startsUpper(w) {
				lower[w] = true
			}
		}
	}
	an.joinBodies(lower)
	an.ents = clusterMentions(an.ments, lower)
	an.roles()
	an.voteGender()
}

// joinBodies joins two names that "and" links into one when they are the
// name of one body: "West Yorkshire Fire and Rescue Service", "Food and
// Drug Administration". The first must end in a word the text also writes
// in lower case ("fire", "food"), so that it is no name of its own, and
// no body's word; the second must end in a body's word. "Barclays and
// Lloyds Banking Group" stay two.
func (an *analysis) joinBodies(lower map[string]bool) {
	for pi := range an.paras {
		pt := &an.paras[pi]
		for k := 0; k+1 < len(pt.ments); k++ {
			m1, m2 := &an.ments[pt.ments[k]], &an.ments[pt.ments[k+1]]
			if len(m1.words) == 0 || len(m2.words) == 0 || m1.possessed || m1.inQuote != m2.inQuote ||
				pt.text[m1.end:m2.start] != " and " || !bodyWords[m2.words[len(m2.words)-1]] {
				continue
			}
			if last := m1.words[len(m1.words)-1]; !lower[strings.ToLower(last)] || orgWords[last] || bodyWords[last] {
				// "Leeds City Council and Yorkshire Water Authority":
				// a body's word ends a name of its own.
				continue
			}
			m1.words = append(append(m1.words, "and"), m2.words...)
			m1.starts = append(append(m1.starts, m1.end+1), m2.starts...)
			m1.end, m1.tokEnd, m1.cued = m2.end, m2.tokEnd, m2.cued
			m2.words, m2.starts, m2.initial = nil, nil, false
			pt.ments = slices.Delete(pt.ments, k+1, k+2)
		}
	}
}

// openingRole returns the role of a definite description that opens
// sentence s as its subject ("The prime minister ratcheted up …" →
// "prime minister"), or "".
func (an *analysis) openingRole(pi int, s sentence) string {
	pt := &an.paras[pi]
	if !strings.EqualFold(pt.word(s.from), "the") {
		return ""
	}
	for i := s.from + 1; i < s.to && i <= s.from+4; i++ {
		w := pt.word(i)
		if w == "" || !descWord(w) {
			return ""
		}
		if roleNoun(strings.ToLower(w)) || isTitle(w) {
			if next := pt.word(i + 1); next == "" || next == "of" || startsUpper(next) {
				return "" // "The minister of …", "The minister, …", "The Minister Tom Field"
			}
			ts := titlesOf(pt.wordsIn(s.from+1, i+1))
			if len(ts) == 0 {
				return ""
			}
			return ts[len(ts)-1]
		}
	}
	return ""
}

// roles adds to each person's titles the role the text sets before a full
// mention of their name ("Tory co-chairman Liam Fox" → "co-chairman",
// "tory co-chairman"), so that "the co-chairman" may stand for them.
func (an *analysis) roles() {
	for _, m := range an.ments {
		if m.ent < 0 || m.inQuote || len(m.words) < len(an.ents[m.ent].words) {
			continue
		}
		pt := &an.paras[m.para]
		d := descriptionBefore(pt.text, pt.flat, m.tokStart)
		for _, t := range titlesOf(strings.Fields(d)) {
			addTitle(an.ents[m.ent], t)
		}
	}
}

// subjectAt returns the entity named at the very start of a sentence,
// outside quotations and not as a possessive, or -1.
func (an *analysis) subjectAt(pi int, s sentence) int {
	pt := &an.paras[pi]
	if s.from >= s.to || pt.toks[s.from].kind != tWord {
		return -1
	}
	start := pt.toks[s.from].start
	for _, mi := range pt.ments {
		m := &an.ments[mi]
		if m.start == start && m.ent >= 0 && !m.possessed && !m.inQuote && !an.ents[m.ent].org {
			return m.ent
		}
	}
	return -1
}

// notSubjectNext are words after a name that show it is not a clause's
// subject ("attacked Clinton for …", "Clinton and Kaine").
var notSubjectNext = wordSet(`of and or in on at by for with from to about into over
	under that which who as than because but if when while since after before he she
	they it we i you his her their its`)

// clauseOpeners may follow a subject that opens its clause: "McConnell on
// Tuesday rejected", "Trump in a speech said".
var clauseOpeners = wordSet(`on in at during after before`)

// notSubjectPrev are words before a name that make it an object.
var notSubjectPrev = wordSet(`of in on at by for with from to about into over under
	against between among than like as and or`)

// subjects lists the mentions of people in a sentence that stand as a
// clause's subject ("Clinton was more circumspect", "During a speech,
// Trump attacked …"), in order.
func (an *analysis) subjects(pi int, s sentence) []int {
	pt := &an.paras[pi]
	if s.from >= s.to {
		return nil
	}
	from, to := pt.toks[s.from].start, pt.toks[s.to-1].end
	var out []int
	for _, mi := range pt.ments {
		m := &an.ments[mi]
		if m.start < from || m.end > to || m.ent < 0 || m.inQuote || m.possessed || m.tokEnd >= len(pt.flat) {
			continue
		}
		if !an.ents[m.ent].maybePerson() {
			continue
		}
		after := m.tokEnd
		if pt.text[pt.flat[after].start:pt.flat[after].end] == "(" {
			// "Sen. Claire McCaskill (D-Mo.) scolded him": the verb
			// follows the parenthesis.
			for k := after + 1; k < len(pt.flat) && k <= after+8; k++ {
				if pt.text[pt.flat[k].start:pt.flat[k].end] == ")" {
					after = k + 1
					break
				}
			}
			if after >= len(pt.flat) {
				continue
			}
		}
		if passiveAgent(pt, m.tokStart) && !joinedBefore(pt, from, m.start) {
			out = append(out, mi) // "The plan was praised by Ngozi Okafor."
			continue
		}
		next := pt.flat[after]
		w := pt.text[next.start:next.end]
		opens := m.start == from
		if m.tokStart > 0 {
			// After a comma or a dateline's dash, a name opens a clause.
			prev := pt.flat[m.tokStart-1]
			opens = opens || prev.kind == tPunct && strings.Contains(",—:", pt.text[prev.start:prev.end])
		}
		if opens && w == "," {
			out = append(out, mi) // "Dean, a medical doctor, then appeared …"
			continue
		}
		if opens && w == "of" && startsUpper(flatWord(pt.text, pt.flat, after+1)) {
			out = append(out, mi) // "Pastor Denise Harlan of Iglesia Nueva Vida, …, led"
			continue
		}
		if w == "," && strings.TrimSpace(pt.text[from:m.start]) == "For" {
			// "For Ms. Olumide, the episode has been painful": the
			// sentence's topic, whom a "she" that follows means.
			out = append(out, mi)
			continue
		}
		if opens && w == "and" {
			// "Mrs. May and Mr. Corbyn clashed": both are subjects.
			if mj := an.mentionAtTok(pi, after+1); mj >= 0 && an.subjectNext(pi, &an.ments[mj]) {
				out = append(out, mi, mj)
			}
			continue
		}
		if next.kind != tWord || startsUpper(w) || notSubjectNext[w] && !(opens && clauseOpeners[w]) || roleNoun(w) || isPossessive(w) || groupNouns[w] {
			// "the Rovers captain": a name before a role qualifies it;
			// so does one before a possessive ("the Clinton campaign's").
			continue
		}
		if m.tokStart > 0 {
			prev := pt.flat[m.tokStart-1]
			if pw := pt.text[prev.start:prev.end]; prev.kind == tWord && notSubjectPrev[pw] {
				continue
			}
		}
		out = append(out, mi)
	}
	return out
}

// mentionAtTok returns the person mention of paragraph pi that starts at
// flat token i, or -1.
func (an *analysis) mentionAtTok(pi, i int) int {
	for _, mi := range an.paras[pi].ments {
		if m := &an.ments[mi]; m.tokStart == i && m.ent >= 0 && !m.inQuote && !m.possessed && an.ents[m.ent].maybePerson() {
			return mi
		}
	}
	return -1
}

// subjectNext reports whether the word after mention m may be its verb.
func (an *analysis) subjectNext(pi int, m *mention) bool {
	pt := &an.paras[pi]
	if m.tokEnd >= len(pt.flat) {
		return false
	}
	next := pt.flat[m.tokEnd]
	w := pt.text[next.start:next.end]
	return next.kind == tWord && !startsUpper(w) && !notSubjectNext[w]
}

// passiveAgent reports whether the name at flat token i is the agent of
// a passive verb ("The plan was praised by Ngozi Okafor"): the doer, whom
// a "she" that follows most likely means.
func passiveAgent(pt *paraText, i int) bool {
	if i < 2 || pt.flat[i-1].kind != tWord || pt.text[pt.flat[i-1].start:pt.flat[i-1].end] != "by" {
		return false
	}
	v := pt.flat[i-2]
	w := pt.text[v.start:v.end]
	return v.kind == tWord && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en")) && !startsUpper(w)
}

// joinedBefore reports whether a word that opens a subordinate clause
// ("why it was mentioned by …", "that", "which") stands in paragraph text
// between byte offsets from and to.
func joinedBefore(pt *paraText, from, to int) bool {
	for _, t := range pt.flat {
		if t.start >= from && t.end <= to && t.kind == tWord {
			if w := strings.ToLower(pt.text[t.start:t.end]); clauseJoiners[w] || w == "why" || w == "how" {
				return true
			}
		}
	}
	return false
}

// passiveSubject reports whether the last clause subject before byte off
// of sentence s is the subject of a passive verb ("Halloway was accused of
// “running scared”"): the words are said of that person, not by them.
func (an *analysis) passiveSubject(pi int, s sentence, off int) bool {
	pt := &an.paras[pi]
	last := -1
	for _, mi := range an.subjects(pi, s) {
		if an.ments[mi].start < off {
			last = mi
		}
	}
	if last < 0 {
		return false
	}
	i := an.ments[last].tokEnd
	word := func(i int) string { return flatWord(pt.text, pt.flat, i) }
	if !auxiliaries[word(i)] && word(i) != "being" {
		return false
	}
	if w := word(i + 1); w == "being" || w == "been" {
		i++
	}
	if v := word(i + 1); !strings.HasSuffix(v, "ed") && !irregularParticiples[v] {
		return false // "Field was often “brutal”" is no passive
	}
	for k := i + 2; k < len(pt.flat) && pt.flat[k].start < off; k++ {
		if relatives[strings.ToLower(word(k))] || pt.flat[k].kind == tPunct && pt.text[pt.flat[k].start:pt.flat[k].end] == "," {
			return false // the quotation stands in a clause of its own
		}
	}
	return true
}

// irregularParticiples are past participles without -ed: "was told",
// "was given", "had been seen".
var irregularParticiples = wordSet(`told given taken seen known shown written spoken chosen driven beaten
	broken forgotten hidden stolen sworn torn thrown grown drawn caught taught brought bought sold
	held kept left sent spent paid made said found heard called`)

// subjectBefore returns the entity of the last clause subject before byte
// offset off in the sentence, or -1.
func (an *analysis) subjectBefore(pi int, s sentence, off int) int {
	e := -1
	for _, mi := range an.subjects(pi, s) {
		if an.ments[mi].start < off {
			e = an.ments[mi].ent
		}
	}
	return e
}

// voteGender guesses a person's gender from the first "he" or "she" after
// the person opens a sentence ("Clinton said she …"), unless a title
// already told.
func (an *analysis) voteGender() {
	for pi := range an.paras {
		pt := &an.paras[pi]
		for _, s := range pt.sents {
			e := an.subjectAt(pi, s)
			if e < 0 {
				continue
			}
			for i := s.from + 1; i < s.to; i++ {
				switch pt.word(i) {
				case "he":
					an.ents[e].he++
				case "she":
					an.ents[e].she++
				default:
					continue
				}
				break
			}
		}
	}
	for _, e := range an.ents {
		if e.gender == 0 && e.he != e.she {
			e.gender = 'm'
			if e.she > e.he {
				e.gender = 'f'
			}
		}
	}
}

// attribute finds every quotation and reported statement, in article
// order, with its source.
func (an *analysis) attribute() []found {
	var out []found
	var prevLast *found // the previous paragraph's last quotation
	var pending *found  // "X said:" closing the previous paragraph
	labels := an.transcriptLabels()
	// whole takes paragraph pi as one quotation f by entity e, after what
	// "X said:" closing the paragraph before left pending.
	whole := func(pi int, f found, cue string, e int) {
		if pending != nil && !pending.tagged {
			out = append(out, an.statements(pending)...) // "Then Reyes said:" before the turn
		}
		pending = nil
		an.at = mark{pi, f.End}
		f.attributeTo(an, cue, []int{e})
		an.touch(e)
		out = append(out, f)
		prevLast = nil
	}
	for pi := range an.paras {
		pt := &an.paras[pi]
		if labels != nil && labels[pi] != "" {
			// A transcript's turn: "HALLORAN: The gentlewoman knows …"
			lead := len(pt.text) - len(strings.TrimLeftFunc(pt.text, unicode.IsSpace))
			_, skip := transcriptLabel(pt.text[lead:])
			end := len(strings.TrimRightFunc(pt.text, unicode.IsSpace))
			e := an.labelPerson(labels[pi])
			an.markSpeaker(pi, e)
			whole(pi, found{Quote: Quote{Paragraph: pi + 1, Kind: Direct, Text: pt.text[lead+skip : end], Start: lead + skip, End: end}}, ":", e)
			continue
		}
		if f, e, ok := an.signedPost(pi); ok {
			// "Funny how … — Kellyanne Conway (@KellyannePolls) October
			// 30, 2016": a post set out as its own paragraph.
			whole(pi, f, "—", e)
			continue
		}
		hits := make([][]cueHit, len(pt.sents))
		for si, s := range pt.sents {
			hits[si] = an.cues(pi, s)
			for h := range hits[si] {
				if src := &hits[si][h].src; src.spokes {
					if e := an.spokesOrg(pi, si); e >= 0 {
						*src = source{ents: []int{e}}
					}
				} else if src.body != "" {
					if e := an.bodyNear(pi, si, hits[si][h].tok, src.body); e >= 0 {
						*src = source{ents: []int{e}} // "the council said"
					}
				} else if src.doc != "" {
					if e := an.docSource(pi, si, src.doc); e >= 0 {
						*src = source{ents: []int{e}} // "the statement said"
					}
				}
			}
		}
		var paraOut []found
		var lastQuote *found
		for si, s := range pt.sents {
			// Subjects and cues, in text order, make the antecedents of
			// the pronouns that follow them.
			subj := an.subjects(pi, s)
			an.at = mark{pi, pt.toks[s.to-1].end}
			for h := range hits[si] {
				at := pt.toks[hits[si][h].tok].start
				aside := parentheticalPronoun(pt, s, &hits[si][h])
				for len(subj) > 0 && an.ments[subj[0]].start < at {
					if h == 0 && !aside {
						// Later subjects are inside the words a cue
						// reports: "He said Mr Blair had spoken …,
						// adding: …" is still his.
						an.touch(an.ments[subj[0]].ent)
					}
					subj = subj[1:]
				}
				an.speakersOf(&hits[si][h])
			}
			if len(hits[si]) == 0 {
				an.pronounSubject(pi, s)
				if r := an.openingRole(pi, s); r != "" {
					an.byRole(r) // "The prime minister ratcheted up …"
				}
				// The subject of a clause that hangs on another ("a vote
				// in which Brennan was one of 28") is touched before the
				// main clause's, which stays the likelier antecedent.
				for _, sub := range []bool{true, false} {
					for _, m := range subj {
						if an.inSubordinate(pi, &an.ments[m]) == sub {
							an.touch(an.ments[m].ent)
						}
					}
				}
			}
			// Otherwise the subjects after the last cue are those of the
			// words it reports ("Balls said Mr Brown would meet his
			// rules"): a "he" that follows is still the speaker.
			for ti := s.from; ti < s.to; ti++ {
				t := pt.toks[ti]
				if t.kind != tQuote {
					continue
				}
				q := pt.quotes[t.q]
				prev, next := "", ""
				if ti > 0 {
					prev = pt.word(ti - 1)
				}
				if ti+1 < len(pt.toks) {
					next = pt.word(ti + 1)
				}
				if notWords(pt.text, q, prev, next) {
					continue // a nickname or a title takes no cue from the sentence
				}
				f := found{Quote: Quote{Paragraph: pi + 1, Text: pt.text[q.start:q.end], Start: q.start, End: q.end}, ranOn: !q.closed}
				f.Kind = an.kindOf(pi, s, ti, hits[si])
				if e, skip := an.speakerLabel(pi, q); e >= 0 {
					f.Start += skip
					f.Text = pt.text[f.Start:f.End]
					f.attributeTo(an, ":", []int{e})
					an.touch(e)
				} else if inscriptionVerbs[prev] {
					// "a red cap that read “Make America Great Again”":
					// words written on a thing, whoever wears it. They
					// break no run of one speaker's quotations.
					if quotationLike(pt.text, q) {
						paraOut = append(paraOut, f)
					}
					continue
				} else if h := an.nearestHit(pi, hits[si], ti); h != nil {
					h.used = true
					f.attributeTo(an, h.cue, h.speakers)
					if h.only != 0 {
						f.Kind = Direct // “…” ― Jane Roe
					}
					h.whole = h.whole || f.Kind != Mixed
				} else if inherit := an.inherited(pi, si, ti, hits, lastQuote, prevLast, pending); inherit != nil {
					f.attributeTo(an, inherit.Cue, inherit.speakers)
					if inherit == pending {
						pending.tagged = true
					}
				} else if (f.Kind == Mixed || ti > s.from && pt.punct(ti-1) == ":") && !inscriptionVerbs[pt.word(ti-1)] {
					// A quoted phrase inside a clause with no cue is the
					// clause subject's: "Trump likened the refugees to a
					// “vicious snake”".
					if e := an.subjectBefore(pi, s, q.open); e >= 0 && !an.passiveSubject(pi, s, q.open) {
						f.attributeTo(an, "", []int{e})
					} else if pr := strings.ToLower(pt.word(s.from)); (pr == "he" || pr == "she") && startsLower(pt.word(s.from+1)) &&
						pt.word(s.from+2) == "it" && pt.punct(ti-1) == ":" {
						// "He put it simply: “…”", "She summed it up: “…”";
						// not "He pointed to the sign: “No entry.”"
						if e := an.resolve(pr, mark{pi, pt.toks[s.from].start}); e >= 0 {
							f.attributeTo(an, "", []int{e})
							an.touch(e)
						}
					}
				}
				if !f.tagged && !quotationLike(pt.text, q) {
					continue
				}
				paraOut = append(paraOut, f)
				lastQuote = &paraOut[len(paraOut)-1]
			}
		}
		if pending != nil && !pending.tagged {
			out = append(out, an.statements(pending)...)
		}
		pending = nil
		for si, s := range pt.sents {
			quoted := map[int]bool{} // speakers of this sentence's quotations
			for _, hit := range hits[si] {
				if hit.used && hit.whole {
					// A quoted phrase leaves the speaker's other cues
					// their statements: "Feld called the results
					// “encouraging” but said the trial was too short".
					for _, e := range hit.speakers {
						quoted[e] = true
					}
				}
			}
			for h := range hits[si] {
				hit := &hits[si][h]
				if hit.used || len(hit.speakers) == 0 || allIn(hit.speakers, quoted) {
					continue // the sentence already has their quotation or statement
				}
				if reported(pt, s, hits[si], h) {
					continue
				}
				for _, e := range hit.speakers {
					quoted[e] = true
				}
				start, end := pt.toks[s.from].start, pt.toks[s.to-1].end
				start += datelineLen(pt.text[start:end])
				f := found{Quote: Quote{Paragraph: pi + 1, Kind: Indirect, Text: pt.text[start:end], Start: start, End: end, Cue: hit.cue}, speakers: hit.speakers}
				if si == len(pt.sents)-1 && pt.punct(s.to-1) == ":" && !quoteAfter(pt, hit.tok, s.to) {
					pending = &f // the quotation follows in the next paragraph
					continue
				}
				paraOut = append(paraOut, an.statements(&f)...)
			}
		}
		if last := len(pt.sents) - 1; pending == nil && last >= 0 && pt.punct(pt.sents[last].to-1) == ":" && len(hits[last]) == 0 {
			// "Sanders made the following comment:" introduces the
			// quotation that opens the next paragraph. It reports nothing
			// by itself, so it is no statement.
			s := pt.sents[last]
			if e := an.subjectBefore(pi, s, pt.toks[s.to-1].start); e >= 0 {
				pending = &found{speakers: []int{e}, tagged: true}
			}
		}
		slices.SortStableFunc(paraOut, func(x, y found) int { return cmp.Compare(x.Start, y.Start) })
		prevLast = nil
		for i := len(paraOut) - 1; i >= 0; i-- {
			if paraOut[i].Kind != Indirect {
				prevLast = &paraOut[i]
				break
			}
		}
		out = append(out, paraOut...)
	}
	if pending != nil && !pending.tagged {
		out = append(out, an.statements(pending)...)
	}
	an.runOnBack(out)
	return out
}

// pronounSubject keeps the antecedent of a "he" or "she" that opens
// sentence s current: in "Miller said …. But he could not explain why it
// was mentioned by Ivanka Trump." Ivanka Trump is named in the sentence in
// which Miller last was the subject, and so is no rival (see rival) of the
// next "he". The order of the salience list is left as it is.
func (an *analysis) pronounSubject(pi int, s sentence) {
	pt := &an.paras[pi]
	i := s.from
	if sentenceLinks[strings.ToLower(pt.word(i))] {
		i++
		if pt.punct(i) == "," {
			i++ // "However, he could not explain …"
		}
	}
	p := strings.ToLower(pt.word(i))
	if i >= s.to || p != "he" && p != "she" {
		return
	}
	if e := an.resolve(p, mark{pi, pt.toks[i].start}); e >= 0 {
		an.touchedAt[e] = an.at
	}
}

// sentenceLinks are words that may open a sentence before its subject.
var sentenceLinks = wordSet(`but and yet so still then later now however meanwhile`)

// reported reports whether the cue hit stands inside the words an earlier
// cue of its sentence reports: in "A shopkeeper said the mayor had
// promised the same thing", the sentence is the shopkeeper's, not a
// statement of the mayor's. Only a verb after its subject reports what
// follows it: a cue whose source comes after it (", said Mr Clarke") speaks
// for the whole sentence, and "according to" or a participle opening the
// sentence reports nothing after it. A clause joined by ";", ":", ",
// and", ", but", ", while" or a dash is a sentence of its own ("Lee said
// no, and Field said yes").
func reported(pt *paraText, s sentence, hits []cueHit, h int) bool {
	hit := &hits[h]
	for _, a := range hits[h+1:] {
		if a.tok > hit.tok && !a.noun && a.cue != "according to" && len(a.speakers) > 0 && inverted(pt, s, a.tok) && !quoteAfter(pt, hit.tok, a.tok) {
			return true // "The lawyer had said the rules were unfair, said Mr Clarke"
		}
		if a.tok > hit.tok && !a.noun && len(a.speakers) > 0 && subordinate(pt, s, hit.tok, a.tok) {
			return true // "After Brandt questioned a decision, Jessup said: …"
		}
		if a.tok > hit.tok && !a.noun && a.src.found() && tagCue(pt, s, hit.tok, a.tok) {
			return true // "Replays suggested the ball was in, officials said."
		}
	}
	if inverted(pt, s, hit.tok) {
		return false
	}
	if strings.ToLower(pt.word(hit.tok-1)) == "who" && pt.punct(hit.tok-2) == "," && !speechVerbs[hit.cue] {
		// "Donald J. Trump, who praised Vladimir V. Putin during the
		// campaign, will seek …": a verb of praise or blame in an aside
		// tells what someone did, not what the sentence reports; "Ann
		// Lee, who said the budget would balance, resigned" still
		// reports what she said.
		for i := hit.tok + 1; i < s.to-1; i++ {
			if pt.punct(i) == "," {
				return true
			}
		}
	}
	before := hits[:h]
	j := hit.tok - 1
	for j > s.from && pt.toks[j].kind == tWord && isSkippable(pt.word(j)) {
		j--
	}
	k := j
	for k-1 > s.from && (pt.word(k-1) != "" && !npBoundary[pt.word(k-1)] && !cueVerbs[pt.word(k-1)] ||
		pt.punct(k-1) == "." && pt.word(k-2) != "") {
		k-- // back over the subject, initials ("Mark Z. Barabak") too
	}
	if k > s.from && (pt.punct(k-1) == "," || clauseLinks[pt.word(k-1)]) {
		// "Writing for a panel that all agreed Pence won, Mark Barabak
		// noted …", "Republicans said …, and Democrats accused …": a
		// subject after a comma or a conjunction opens a clause of its
		// own.
		return false
	}
	for _, b := range before {
		if b.noun || b.tok >= hit.tok || b.tok == s.from || b.cue == "according to" || inverted(pt, s, b.tok) {
			continue
		}
		// "Feld called the results “encouraging” but said the trial was
		// too short": a second verb of the same subject.
		joined := (pt.word(hit.tok-1) == "but" || pt.word(hit.tok-1) == "and") && slices.Equal(b.speakers, hit.speakers)
		for i := b.tok + 1; i < hit.tok && !joined; i++ {
			p := pt.punct(i)
			joined = p == ";" || p == ":" || (p == "," || isDash(p) || p == "-") && clauseLinks[pt.word(i+1)]
		}
		if !joined {
			return true
		}
	}
	return false
}

// subordinate reports whether the cue at token c stands in a clause opened
// by a subordinating word ("after", "when", "because" …) that a comma
// closes before the cue at token main: the sentence reports what main's
// source said, and the clause only sets the scene.
func subordinate(pt *paraText, s sentence, c, main int) bool {
	i := c - 1
	for i >= s.from && pt.punct(i) != "," && pt.toks[i].kind != tQuote {
		i--
	}
	if !subordinators[strings.ToLower(pt.word(i+1))] {
		return false
	}
	for j := c + 1; j < main; j++ {
		if pt.punct(j) == "," {
			return true
		}
		if pt.toks[j].kind == tQuote {
			return false
		}
	}
	return false
}

// tagCue reports whether the cue at token c closes the sentence as a tag
// after a comma ("…, officials said.", "…, Tom Field said on Tuesday."):
// its source reports all the words before the comma, among them the cue
// at token inner. A clause joined by "and" or "but" is one of its own.
func tagCue(pt *paraText, s sentence, inner, c int) bool {
	if next := strings.ToLower(pt.word(c + 1)); c+1 < s.to && pt.toks[c+1].kind == tWord && !tagAdverbials[next] && !timeNouns[next] && !calendarWords[pt.word(c+1)] {
		return false // "what the senators said was gerrymandering"
	}
	for j := c + 1; j < s.to; j++ {
		if pt.toks[j].kind != tWord && !(j == s.to-1 && pt.punct(j) == ".") {
			return false
		}
	}
	for j := c - 1; j > inner && c-j <= 6; j-- {
		if pt.toks[j].kind == tWord {
			if relatives[pt.word(j)] {
				return false // "…, which he said were favours"
			}
			continue
		}
		if pt.punct(j) != "," || j+1 == c || clauseLinks[pt.word(j+1)] {
			return false
		}
		for k := inner + 1; k < j; k++ {
			if p := pt.punct(k); p == ";" || p == ":" || pt.toks[k].kind == tQuote {
				return false // a clause or a quotation of its own
			}
		}
		return true
	}
	return false
}

// tagAdverbials, and the timeNouns, may follow a closing cue: "…,
// officials said on Tuesday", "…, she said in a statement", "…, he said
// last week".
var tagAdverbials = wordSet(`on in at last this earlier later recently previously`)

// relatives open a relative clause, whose cue reports only its own words.
var relatives = wordSet(`what which who whom whose that where`)

// subordinators open a clause that depends on the main one.
var subordinators = wordSet(`after before when while because although though since if unless once as until`)

// clauseLinks join a clause with a subject of its own after a comma or a
// dash.
var clauseLinks = wordSet(`and but while whereas though although yet`)

// inverted reports whether the cue at token c follows a comma, a dash or a
// quotation: its source comes after it ("…, said Mr Clarke").
func inverted(pt *paraText, s sentence, c int) bool {
	if c <= s.from {
		return false
	}
	p := pt.punct(c - 1)
	return p == "," || isDash(p) || pt.toks[c-1].kind == tQuote
}

// parentheticalPronoun reports whether h is a pronoun's cue set off by
// commas after the subject of the words it reports: in "Reyes, he said,
// had cracked the case", Reyes is whom he speaks of, so Reyes is no
// antecedent of "he".
func parentheticalPronoun(pt *paraText, s sentence, h *cueHit) bool {
	c := h.tok
	return h.src.pronoun != "" && c-2 > s.from && pt.punct(c-2) == "," && pt.word(c-1) != "" &&
		c+1 < s.to && pt.punct(c+1) == ","
}

// inscriptionVerbs come before words written on a thing: "The banner,
// painted by Jane Cole, read “No to the dam.”" Who made the thing did not
// say them.
var inscriptionVerbs = wordSet(`read reads reading inscribed engraved stamped`)

// datelineLen returns the length of a dateline or time stamp that opens
// sentence text and is no part of what anyone said ("WASHINGTON (AP) — ",
// "HELSINKI, March 4 (Reuters) - ", "11:42 a.m. ET — "), or 0: the words
// before the first dash within the first 60 bytes, none of them in lower
// case but "a.m." and "p.m.", one of them a place in capitals, an agency
// in brackets or a clock time.
func datelineLen(text string) int {
	end, dash := -1, ""
	for _, d := range []string{" — ", " – ", " - "} {
		if i := strings.Index(text, d); i > 0 && i < 60 && (end < 0 || i < end) {
			end, dash = i, d
		}
	}
	if end < 0 {
		return 0
	}
	stamp := false // a place in capitals, an agency in brackets or a clock time
	for _, w := range strings.Fields(text[:end]) {
		if startsLower(w) && w != "a.m." && w != "p.m." {
			return 0
		}
		stamp = stamp || len(w) >= 3 && isAllCaps(strings.Trim(w, ",")) || strings.HasPrefix(w, "(") || strings.Contains(w, ":")
	}
	if !stamp {
		return 0 // "Gerry Conlon - who was wrongly convicted - said"
	}
	return end + len(dash)
}

// startsLower reports whether w begins with a lower-case letter.
func startsLower(w string) bool {
	for _, r := range w {
		return unicode.IsLower(r)
	}
	return false
}

// runOnBack gives a quotation that runs on into the next paragraph, and
// was left without a speaker, the speaker of the quotation that goes on
// there: the cue of a quotation spread over paragraphs often comes only
// in the last ("“Nobody knew what to do … / “It took this town a
// generation,” the mayor said."). Going backward lets the speaker climb a
// chain of such paragraphs.
func (an *analysis) runOnBack(out []found) {
	for i := len(out) - 1; i >= 0; i-- {
		f := &out[i]
		if !f.ranOn || f.tagged || f.Kind != Direct {
			continue // a quoted phrase left open by a slip ("headlined “Justice Delayed, ran …") takes no one
		}
		for j := i + 1; j < len(out) && out[j].Paragraph <= f.Paragraph+1; j++ {
			g := &out[j]
			if g.Paragraph != f.Paragraph+1 || g.Kind == Indirect {
				continue
			}
			pt := &an.paras[g.Paragraph-1]
			if g.tagged && len(g.speakers) > 0 && opensParagraph(pt.text, g.Start) {
				f.attributeTo(an, g.Cue, g.speakers)
			}
			break
		}
	}
}

// opensParagraph reports whether a quotation whose text starts at byte
// start opens paragraph p: only its opening mark and spaces stand before.
func opensParagraph(p string, start int) bool {
	return strings.TrimLeftFunc(p[:start], func(r rune) bool { return unicode.IsSpace(r) || isQuoteMark(r) || r == '‘' || r == '\'' }) == ""
}

// attributeTo gives the quotation its cue and speakers.
func (f *found) attributeTo(an *analysis, cue string, speakers []int) {
	f.tagged = true
	f.Cue = cue
	f.speakers = speakers
	if len(speakers) == 1 {
		f.Speaker = an.ents[speakers[0]].name
		an.ents[speakers[0]].source = true
	}
}

func allIn(es []int, set map[int]bool) bool {
	for _, e := range es {
		if !set[e] {
			return false
		}
	}
	return true
}

// statements turns one reported statement into one per speaker: "which
// Thomson, Carden, and Harrison pointed out" reports all three.
func (an *analysis) statements(f *found) []found {
	var out []found
	seen := map[int]bool{}
	for _, e := range f.speakers {
		if seen[e] {
			continue
		}
		seen[e] = true
		g := *f
		g.Speaker = an.ents[e].name
		an.ents[e].source = true
		g.speakers = []int{e}
		out = append(out, g)
	}
	return out
}

// nearestHit picks the cue closest to the quotation at token ti; a noun cue
// ("Trump’s views “…”") counts only when the sentence has no verb cue, and
// a cue after the quotation only when no conjunction stands between them
// ("was “absolutely right” when he said" is not his).
func (an *analysis) nearestHit(pi int, hits []cueHit, ti int) *cueHit {
	pt := &an.paras[pi]
	var best *cueHit
	bestD := 0
	for i := range hits {
		if hits[i].only != 0 && hits[i].only-1 != ti {
			continue
		}
		from := ti + 1
		if pt.punct(from) == "," {
			from++
		}
		if pt.word(from) == "as" {
			from++ // "“Nobody blinks,” as Ann Okafor puts it."
		}
		if hits[i].tok > ti && joined(pt, from, hits[i].tok) {
			continue
		}
		d := hits[i].tok - ti
		if d < 0 {
			d = -d
		}
		if best == nil || hits[i].noun == best.noun && d < bestD || best.noun && !hits[i].noun {
			best, bestD = &hits[i], d
		}
	}
	return best
}

// groupNouns after a name make it a modifier: "the Lopez family", "the
// Clinton camp".
var groupNouns = wordSet(`family families household clan camp campaign administration team estate
	siblings brothers sisters children supporters`)

// inSubordinate reports whether mention m follows a word that opens a
// subordinate clause: "which", "who", "because", "when" …, but not "and"
// or "but", which join clauses of equal rank.
func (an *analysis) inSubordinate(pi int, m *mention) bool {
	pt := &an.paras[pi]
	w := strings.ToLower(flatWord(pt.text, pt.flat, m.tokStart-1))
	return clauseJoiners[w] && w != "and" && w != "but"
}

// clauseJoiners open a new clause between a quotation and a later cue.
var clauseJoiners = wordSet(`when that because while after before if and but since which
	who whom where as although though`)

// joined reports whether a word in tokens [from, to) opens a new clause.
// "and" or "or" before a determiner joins noun phrases ("the stock price
// and your compensation, she said"), unless a cue verb follows the phrase
// it opens ("and the governor said he would veto it").
func joined(pt *paraText, from, to int) bool {
	for i := from; i < to; i++ {
		w := pt.word(i)
		if (w == "and" || w == "or") && npOpeners[strings.ToLower(pt.word(i+1))] && !cueAhead(pt, i+1, min(to+1, len(pt.toks))) {
			continue
		}
		if clauseJoiners[w] {
			return true
		}
	}
	return false
}

// cueAhead reports whether a cue verb stands among the words from token i
// up to the next punctuation or token to.
func cueAhead(pt *paraText, i, to int) bool {
	for ; i < to && pt.toks[i].kind == tWord; i++ {
		if cueVerbs[pt.word(i)] {
			return true
		}
	}
	return false
}

// npOpeners open a noun phrase.
var npOpeners = wordSet(`the a an your his her their its our my this these those`)

// inherited finds the attribution a quotation without a cue of its own
// takes from its neighbours, following news conventions: “A,” he said. “B.”
// (B is his too); a quotation that opens a paragraph after one that ran on,
// or after "X said:"; a paragraph that is all quotation after a quoted one.
func (an *analysis) inherited(pi, si, ti int, hits [][]cueHit, lastQuote, prevLast, pending *found) *found {
	pt := &an.paras[pi]
	s := pt.sents[si]
	bare := quoteOnly(pt, s)
	if bare && si+1 < len(pt.sents) {
		// “Why not?” Trump asked.
		next := pt.sents[si+1]
		for h := range hits[si+1] {
			hit := &hits[si+1][h]
			if hit.tok-next.from <= 4 && hit.tok > next.from && !hit.noun {
				hit.used = true
				return &found{Quote: Quote{Cue: hit.cue}, speakers: an.speakersOf(hit), tagged: true}
			}
		}
	}
	if bare && si > 0 && !quoteAfter(pt, pt.sents[si-1].from-1, pt.sents[si-1].to) {
		// Schiff said. “The other factor …”
		for h := len(hits[si-1]) - 1; h >= 0; h-- {
			if hit := &hits[si-1][h]; !hit.noun && len(hit.speakers) > 0 {
				hit.used = true
				return &found{Quote: Quote{Cue: hit.cue}, speakers: hit.speakers, tagged: true}
			}
		}
	}
	if lastQuote != nil && lastQuote.tagged && (bare || ti == s.from && len(hits[si]) == 0 && !an.namesOutside(pi, s) && s.to-ti <= 3) {
		// “A,” she said. “B” workers. — a sentence that opens with a
		// quotation, has no cue or name of its own and adds a word or
		// two goes on with the paragraph's last speaker; one that goes
		// on to a verb ("“Strong and stable” became a punchline") is
		// the writer's.
		return lastQuote
	}
	if ti != 0 || lastQuote != nil {
		return nil
	}
	if pending != nil {
		return pending
	}
	if prevLast != nil && prevLast.tagged && (prevLast.ranOn || bare && !an.asks(pi-1, prevLast)) {
		return prevLast
	}
	return nil
}

// asks reports whether paragraph pi, whose last quotation is last, ends
// with a question outside that quotation, as an interviewer asks: "Your
// predecessor said there would be “no closures.” What changed?" The
// quotation in the next paragraph answers it; it does not go on.
func (an *analysis) asks(pi int, last *found) bool {
	rest := strings.TrimSpace(an.paras[pi].text[last.End:])
	return strings.HasSuffix(rest, "?")
}

// namesOutside reports whether sentence s names anyone outside its
// quotations.
func (an *analysis) namesOutside(pi int, s sentence) bool {
	pt := &an.paras[pi]
	from, to := pt.toks[s.from].start, pt.toks[s.to-1].end
	for _, mi := range pt.ments {
		if m := &an.ments[mi]; m.start >= from && m.end <= to && !m.inQuote {
			return true
		}
	}
	return false
}

// speakerLabel reads a transcript's speaker label at the start of a
// quotation ("WALLACE: Let’s start …") and returns the speaker's entity and
// the length of the label, or -1.
func (an *analysis) speakerLabel(pi int, q qspan) (int, int) {
	label, skip := transcriptLabel(an.paras[pi].text[q.start:q.end])
	if label == "" {
		return -1, 0
	}
	return an.labelled(pi, label), skip
}

// transcriptLabel reads a speaker label in capitals that opens text
// ("WALLACE: Let’s start …") and returns it and the length of the label
// with the spaces after it, or "" and 0.
func transcriptLabel(text string) (string, int) {
	colon := strings.IndexByte(text, ':')
	if colon < 2 || colon > 40 || colon+1 >= len(text) || !isAllCaps(text[:colon]) {
		return "", 0
	}
	for _, r := range text[:colon] {
		if !unicode.IsUpper(r) && !strings.ContainsRune(" .'’-", r) {
			return "", 0
		}
	}
	skip := colon + 1
	for skip < len(text) && text[skip] == ' ' {
		skip++
	}
	return text[:colon], skip
}

// transcriptLabels returns, for an article set out as a transcript, the
// label that opens each paragraph without quotation marks ("HALLORAN: The
// gentlewoman knows …"); nil unless two speakers take turns and one of
// them speaks twice. A label counts only when it names one person the
// article names elsewhere ("LONDON:", "WHY IT MATTERS:" and "UPDATE:" are
// no speakers) and its turn does not end with a rating out of ten.
func (an *analysis) transcriptLabels() []string {
	labels := make([]string, len(an.paras))
	turns := map[string]int{}
	for pi := range an.paras {
		pt := &an.paras[pi]
		if len(pt.quotes) > 0 {
			continue
		}
		if l, _ := transcriptLabel(strings.TrimSpace(pt.text)); l != "" && an.knownPerson(l) && !endsWithScore(pt.text) {
			labels[pi] = l
			turns[l]++
		}
	}
	// Two speakers at least, one of whom speaks twice: a conversation,
	// not a list ("PICKFORD: Commanding when it mattered. 8").
	again := false
	for _, n := range turns {
		again = again || n >= 2
	}
	if len(turns) < 2 || !again {
		return nil
	}
	return labels
}

// endsWithScore reports whether text ends with a mark out of ten, as
// player ratings do ("… when it mattered. 8", "7/10").
func endsWithScore(text string) bool {
	f := strings.Fields(text)
	if len(f) == 0 {
		return false
	}
	last := strings.TrimSuffix(f[len(f)-1], "/10")
	return last != "" && strings.Trim(last, "0123456789.") == ""
}

// knownPerson reports whether a label in capitals names one person the
// article names otherwise ("HALLORAN" for "Rep. Victor Halloran"), and not
// two who share the surname.
func (an *analysis) knownPerson(label string) bool { return an.labelPerson(label) >= 0 }

// labelPerson returns the one person a transcript label names, or -1.
func (an *analysis) labelPerson(label string) int {
	e := -1
	for k, x := range an.ents {
		if x.org || !x.maybePerson() {
			continue
		}
		if strings.EqualFold(x.name, label) || !strings.Contains(label, " ") && strings.EqualFold(x.words[len(x.words)-1], label) {
			if e >= 0 && e != k {
				return -1 // "FIELD:" with Tom and Mary Field named
			}
			e = k
		}
	}
	return e
}

// signedPost reads paragraph pi as a post embedded in the text, words without
// quotation marks signed "— Name (@handle) date": it returns the post's
// words as a direct quotation and the entity that signs it.
func (an *analysis) signedPost(pi int) (found, int, bool) {
	pt := &an.paras[pi]
	text := strings.TrimRightFunc(pt.text, unicode.IsSpace)
	at := strings.LastIndex(text, "(@")
	if at < 0 || strings.ContainsAny(text, "“”\"") {
		return found{}, -1, false
	}
	shut := strings.IndexByte(text[at:], ')')
	if shut < 0 || shut > 17 {
		return found{}, -1, false
	}
	for _, r := range text[at+2 : at+shut] {
		if !(r == '_' || r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r))) {
			return found{}, -1, false
		}
	}
	if rest := strings.TrimSpace(strings.TrimRight(text[at+shut+1:], ".")); rest != "" && !datePhrase(rest) {
		return found{}, -1, false
	}
	dash := strings.LastIndexAny(text[:at], "—–")
	if dash < 0 || at-dash > 60 {
		return found{}, -1, false
	}
	_, w := utf8.DecodeRuneInString(text[dash:])
	name := dash + w
	for name < at && text[name] == ' ' {
		name++
	}
	lead := len(pt.text) - len(strings.TrimLeftFunc(pt.text, unicode.IsSpace))
	end := len(strings.TrimRightFunc(pt.text[:dash], unicode.IsSpace))
	if wordCount(pt.text[lead:end]) < 3 {
		return found{}, -1, false
	}
	for _, mi := range pt.ments {
		if m := &an.ments[mi]; m.start == name && m.ent >= 0 {
			f := found{Quote: Quote{Paragraph: pi + 1, Kind: Direct, Text: pt.text[lead:end], Start: lead, End: end}, tagged: true}
			return f, m.ent, true
		}
	}
	return found{}, -1, false
}

// datePhrase reports whether s is a date as a post's signature gives it:
// "October 30, 2016", "Oct. 30, 2016".
func datePhrase(s string) bool {
	f := strings.Fields(s)
	if len(f) != 3 || len(f[2]) != 4 || strings.Trim(f[2], "0123456789") != "" {
		return false
	}
	day := func(w string) bool {
		w = strings.TrimSuffix(w, ",")
		return w != "" && len(w) <= 2 && strings.Trim(w, "0123456789") == ""
	}
	return calendarWords[f[0]] && strings.HasSuffix(f[1], ",") && day(f[1]) || day(f[0]) && calendarWords[f[1]] // "8 November 2016"
}

// labelled returns the entity a speaker label inside a quotation names in
// paragraph pi ("WALLACE: Let's start …"), marked as a person who speaks.
func (an *analysis) labelled(pi int, label string) int {
	e := an.entityFor(label)
	an.markSpeaker(pi, e)
	return e
}

// markSpeaker records that entity e, a person, speaks in paragraph pi.
func (an *analysis) markSpeaker(pi, e int) {
	ent := an.ents[e]
	ent.source, ent.person, ent.org = true, true, false
	addPara(ent, pi+1)
	first := sort.Search(len(an.ments), func(i int) bool { return an.ments[i].para >= pi })
	ent.first = min(ent.first, first)
}

// entityFor finds the entity a name written in capitals refers to
// ("WALLACE" → Chris Wallace), or adds one for it ("Wallace").
func (an *analysis) entityFor(label string) int {
	words := strings.Fields(label)
	if len(words) == 1 {
		pp := newPeople(an.ents)
		for _, m := range an.ments {
			if m.ent >= 0 {
				pp.counts[m.ent]++
			}
		}
		if e := pp.link(words[0]); e >= 0 {
			return e
		}
	}
	for i, w := range words {
		words[i] = w[:1] + strings.ToLower(w[1:])
	}
	name := strings.Join(words, " ")
	for k, e := range an.ents {
		if strings.EqualFold(e.name, name) {
			return k
		}
	}
	an.ents = append(an.ents, &entity{name: name, words: words, first: len(an.ments)})
	return len(an.ents) - 1
}

// quoteOnly reports whether a sentence holds nothing but quotations and
// punctuation.
func quoteOnly(pt *paraText, s sentence) bool {
	for i := s.from; i < s.to; i++ {
		if pt.toks[i].kind == tWord {
			return false
		}
	}
	return true
}

// kindOf says whether the quotation at token ti stands alone (Direct: it
// opens the sentence, or follows a comma, a colon or its cue) or sits inside
// reported speech (Mixed: "shared his hope that he and Trump could “work
// together …”").
func (an *analysis) kindOf(pi int, s sentence, ti int, hits []cueHit) Kind {
	pt := &an.paras[pi]
	if ti == s.from {
		return Direct
	}
	prev := pt.toks[ti-1]
	switch prev.kind {
	case tQuote:
		return Direct
	case tPunct:
		if strings.Contains(",:—–-(…;.", pt.punct(ti-1)) {
			return Direct
		}
	case tWord:
		for _, h := range hits {
			if h.tok == ti-1 && !h.noun && !namingVerbs[h.cue] && (speechVerbs[h.cue] || !startsLower(quoteText(pt, ti))) {
				// said “…”, but called it “…” and welcomed “any
				// shareholder who …” are phrases.
				return Direct
			}
		}
	}
	return Mixed
}

// speechVerbs introduce what was said, a clause even when it opens in
// lower case ("said “the question is the timing.”").
var speechVerbs = wordSet(`said says say added adds told tells wrote writes asked asks replied replies
	explained explains noted notes stated states declared declares tweeted tweets posted posts
	responded responds answered answers continued continues`)

// quoteText returns the words of the quotation token ti of pt, without
// its marks.
func quoteText(pt *paraText, ti int) string {
	q := pt.quotes[pt.toks[ti].q]
	return pt.text[q.start:q.end]
}

// namingVerbs take a quoted phrase as what they name something: called it
// “a clear threat”.
var namingVerbs = wordSet(`called calls described describes labeled labelled dubbed`)

// quotationLike reports whether a quotation no cue attributes still reads
// as someone's words, not as a title or a name.
func quotationLike(p string, q qspan) bool {
	text := p[q.start:q.end]
	return wordCount(text) >= 1 && !looksLikeTitle(text)
}

// titleLead are words before a quoted title that show it names a show, a
// book or an event: "on “Face the Nation,”", "MSNBC's “Morning Joe”", "her
// 2014 novel “The Drowned Republic”".
var titleLead = wordSet(`on in of at to from the a an his her their its novel memoir book film
	movie show series song album play documentary essay poem programme program podcast column
	report speech headline slogan painting exhibition`)

// functionWords make up quoted text that is a word discussed, not words
// said: the “he” and “she” of a sentence about pronouns.
var functionWords = wordSet(`he she it they we i you him her them us a an the this that`)

// notWords reports whether quoted text is something other than words
// someone said, whatever cue stands near it: markup (author="…"), a stage
// direction in parentheses, a lone pronoun, a nickname inside a name, or a
// title after a preposition or a possessive. prev and next are the words
// just outside the marks, if any.
func notWords(p string, q qspan, prev, next string) bool {
	if q.open > 0 && p[q.open-1] == '=' {
		return true
	}
	text := strings.TrimRight(p[q.start:q.end], ".,;:!?")
	if strings.HasPrefix(text, "(") && strings.HasSuffix(text, ")") || strings.HasPrefix(text, "[") && strings.HasSuffix(text, "]") {
		return true
	}
	if w := strings.TrimRight(text, ".,;:!?"); len(w) <= 4 && functionWords[strings.ToLower(w)] {
		return true
	}
	if followLine(text) {
		return true
	}
	title := looksLikeTitle(text)
	if title && startsUpper(prev) && startsUpper(next) && wordCount(text) <= 2 {
		return true // a nickname inside a name: Robert C. “Bobby” Scott
	}
	if title && wordCount(text) >= 3 && strings.TrimSpace(p[:q.open]) == "" && strings.TrimSpace(p[q.after:]) == "" {
		return true // a subheading set in quotation marks: 'All Bets Are Off.' ("Never." is an answer)
	}
	if title {
		_, poss := stripPossessive(prev)
		return titleLead[strings.ToLower(prev)] || poss || strings.HasSuffix(prev, "s’") || strings.HasSuffix(prev, "s'")
	}
	return false
}

// followLine reports whether text is a site's sign-off that points readers
// to an account ("Follow Jane Roe on Twitter @janeroe"): copied pages often
// wrap such lines in quotation marks, but nobody said them.
func followLine(text string) bool {
	rest, ok := strings.CutPrefix(text, "Follow ")
	if !ok {
		return false
	}
	if strings.Contains(rest, "@") {
		return true
	}
	for _, site := range socialSites {
		if strings.Contains(rest, " on "+site) {
			return true
		}
	}
	return false
}

// socialSites are the networks a sign-off names.
var socialSites = []string{"Twitter", "Facebook", "Instagram", "Threads", "Bluesky", "LinkedIn", "Mastodon", "YouTube", "TikTok"}

// finish fills the article's quotations and speakers.
func (an *analysis) finish(quotes []found) {
	an.a.Quotes = make([]Quote, 0, len(quotes))
	for _, f := range quotes {
		an.a.Quotes = append(an.a.Quotes, f.Quote)
	}
	an.describe()
	an.a.Speakers = an.speakers()
}
