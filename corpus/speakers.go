package corpus

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
)

// speakers lists the article's people and quoted sources in order of
// first mention, with what the article's quotations and statements count
// for each.
func (an *analysis) speakers() []Speaker {
	type count struct{ quotes, statements int }
	counts := map[string]*count{}
	for _, q := range an.a.Quotes {
		if q.Speaker == "" {
			continue
		}
		c := counts[q.Speaker]
		if c == nil {
			c = &count{}
			counts[q.Speaker] = c
		}
		if q.Kind == Indirect {
			c.statements++
		} else {
			c.quotes++
		}
	}
	ents := make([]*entity, 0, len(an.ents))
	for _, e := range an.ents {
		if e.source || e.person {
			ents = append(ents, e)
		}
	}
	slices.SortStableFunc(ents, func(x, y *entity) int { return cmp.Compare(x.first, y.first) })
	out := make([]Speaker, 0, len(ents))
	for _, e := range ents {
		s := Speaker{Name: e.name, Aliases: e.aliases, Description: strings.Join(e.desc, "; "), MentionedIn: e.paras}
		if c := counts[e.name]; c != nil {
			s.Quotes, s.Statements = c.quotes, c.statements
		}
		out = append(out, s)
	}
	return out
}

// describe gives each entity the text's own words about it: an appositive
// or relative clause after a mention ("Sir Adam Thomson, director of …";
// "Thomson, who is a former British ambassador to NATO, …") or the title
// words before the name ("Russian President Vladimir Putin").
func (an *analysis) describe() {
	for _, m := range an.ments {
		// A full name the text introduces by a role is a person's even
		// when no title or quotation says so: "Democratic strategist
		// Jane Roe".
		if m.ent < 0 || m.inQuote {
			continue
		}
		e := an.ents[m.ent]
		if !e.person && !e.source && !e.org && len(e.words) >= 2 &&
			descriptionBefore(an.paras[m.para].text, an.paras[m.para].flat, m.tokStart) != "" {
			e.person = true
		}
	}
	for _, m := range an.ments {
		if m.ent < 0 || m.inQuote {
			continue
		}
		e := an.ents[m.ent]
		if !e.person && !e.source {
			continue
		}
		if m.titled && len(m.words) > 0 {
			// "Russian President", "Metropolitan Police Commissioner
			// [Sir]": the title words, less a bare honorific or
			// abbreviation at the end.
			pre := m.pre
			for len(pre) > 0 {
				w := pre[len(pre)-1]
				if !strings.HasSuffix(w, ".") && !honorifics[w] && !courtesyTitles[w] && !abbreviations[w] {
					break
				}
				pre = pre[:len(pre)-1]
			}
			if len(pre) > 0 {
				pt := &an.paras[m.para]
				if w := flatWord(pt.text, pt.flat, m.tokStart-1); titleModifiers[w] {
					pre = append([]string{w}, pre...) // "former President"
				}
				addDesc(e, strings.Join(pre, " "))
			}
		}
		if d := descriptionBefore(an.paras[m.para].text, an.paras[m.para].flat, m.tokStart); d != "" {
			if org := an.possessor(m); org != "" {
				d += " of " + org // "Its general secretary, Declan Moran"
			}
			addDesc(e, d)
		}
		after := m.tokEnd
		if pt := &an.paras[m.para]; after+2 < len(pt.flat) && pt.text[pt.flat[after].start:pt.flat[after].end] == "," &&
			strings.Trim(flatWord(pt.text, pt.flat, after+1), "0123456789") == "" && flatWord(pt.text, pt.flat, after+1) != "" &&
			pt.text[pt.flat[after+2].start:pt.flat[after+2].end] == "," &&
			strings.Contains(" a an the who ", " "+flatWord(pt.text, pt.flat, after+3)+" ") {
			after += 2 // "Janet Pruitt, 58, a dental hygienist"; not "Tom Young, 33, lay down"
		}
		if pt := &an.paras[m.para]; flatWord(pt.text, pt.flat, after) == "of" && startsUpper(flatWord(pt.text, pt.flat, after+1)) {
			// "Lord Fairbairn of Kelso, a crossbench peer": the place is
			// part of the peer's style.
			for after++; startsUpper(flatWord(pt.text, pt.flat, after)); after++ {
			}
		}
		if d := appositiveAfter(an.paras[m.para].text, an.paras[m.para].flat, after); d != "" && !(e.org && strings.HasPrefix(d, "who")) {
			// "A senior official at the ministry, who spoke on condition
			// of anonymity, said": "who" is about a person, not the
			// ministry.
			addDesc(e, d)
		}
	}
}

// possessor returns the organisation that "Its" or "Their" stands for
// when it opens the sentence of mention m before a role and the name
// ("The Financial Services Union said …. Its general secretary, Declan
// Moran, said …"): the organisation that opens the sentence before, in
// the same paragraph or at the end of the one before. It returns "" when
// there is none.
func (an *analysis) possessor(m mention) string {
	pt := &an.paras[m.para]
	si := slices.IndexFunc(pt.sents, func(s sentence) bool {
		return pt.toks[s.from].start <= m.start && m.start < pt.toks[s.to-1].end
	})
	if si < 0 {
		return ""
	}
	if first := pt.word(pt.sents[si].from); first != "Its" && first != "Their" {
		return ""
	}
	pi, prev := m.para, si-1
	if prev < 0 {
		if pi == 0 || len(an.paras[pi-1].sents) == 0 {
			return ""
		}
		pi, prev = pi-1, len(an.paras[pi-1].sents)-1
	}
	s := an.paras[pi].sents[prev]
	e := an.openingOrg(pi, s)
	if e < 0 || !an.ents[e].org {
		return ""
	}
	if an.paras[pi].word(s.from) == "The" {
		return "the " + an.ents[e].name // "the Financial Services Union"
	}
	return an.ents[e].name
}

// titleModifiers are the lower-case words that change what a title before
// a name says: "former President", "acting Director".
var titleModifiers = wordSet(`former late then ex acting deputy outgoing incoming retired interim current future fellow ranking managing founding leading presiding sitting`)

// flatWord returns token i of toks when it is a word, or "".
func flatWord(p string, toks []token, i int) string {
	if i < 0 || i >= len(toks) || toks[i].kind != tWord {
		return ""
	}
	return p[toks[i].start:toks[i].end]
}

// descriptionBefore reads the noun phrase naming a role that stands before
// a name starting at token k, set off by a comma ("his national security
// adviser, Gen. Michael Flynn") or directly before it ("Democratic
// strategist Jane Roe"). The phrase must end in a word for a role or a
// relation (adviser, chief, wife) and, when a comma sets it off, open with
// a determiner or a possessive, so that "After the meeting, Flynn" gives
// nothing. A possessive pronoun or article is dropped, a possessive name
// kept: "Trump’s campaign manager".
func descriptionBefore(p string, toks []token, k int) string {
	i := k - 1
	comma := i >= 0 && toks[i].kind == tPunct && p[toks[i].start:toks[i].end] == ","
	if comma {
		i--
	}
	end := i // last token of the phrase
	if !roleNoun(flatWord(p, toks, i)) {
		// "The director of public prosecutions, Ken Macdonald": the
		// role is the head before an of-phrase, set off by a comma.
		i = -1
		for t := end - 1; comma && t > 0 && end-t <= 5; t-- {
			w := flatWord(p, toks, t)
			if w == "of" {
				if roleNoun(flatWord(p, toks, t-1)) {
					i = t - 1
				}
				break
			}
			if w == "" || !strings.EqualFold(w, "the") && !descWord(w) {
				break
			}
		}
		if i < 0 {
			return ""
		}
	}
	from := i // first token of the phrase
	opened := false
	j := i - 1
	for ; j >= 0 && i-j <= 6; j-- {
		w := flatWord(p, toks, j)
		if w == "" {
			break
		}
		if l := strings.ToLower(w); possessivePronouns[l] || l == "the" || l == "a" || l == "an" {
			opened = true
			break
		}
		if _, poss := stripPossessive(w); poss {
			from, opened = j, true
			for w := flatWord(p, toks, from-1); startsUpper(w) && descWord(w) && j-from < 3; w = flatWord(p, toks, from-1) {
				from-- // the whole name: "Tom Field’s"
			}
			break
		}
		if !descWord(w) {
			break
		}
		from = j
	}
	if !opened {
		// Without a determiner to open it, the phrase keeps only words
		// that plainly belong to a role, so that a verb or conjunction
		// before it stays out: "while voters prefer Libertarian nominee".
		// Plain nouns count when a capitalised or hyphenated word opens
		// the phrase before them: "Lib Dem home affairs spokesman",
		// "ex-Tory education secretary".
		strict, loose := i, i
		for t := i - 1; t >= from; t-- {
			w := flatWord(p, toks, t)
			if calendarWords[w] || !roleModifier(w) && !plainNoun(w) {
				break
			}
			if strict == t+1 && roleModifier(w) {
				strict = t
			}
			if startsUpper(w) || strings.Contains(w, "-") || titleModifiers[w] {
				loose = t
			}
		}
		from = min(strict, loose)
	}
	if comma {
		if !opened {
			return ""
		}
		// "With his lawyer, Flynn went": a phrase governed by a
		// preposition is no appositive.
		if prepositions[strings.ToLower(flatWord(p, toks, j-1))] {
			return ""
		}
	}
	return p[toks[from].start:toks[end].end]
}

// descWord reports whether w may stand inside a descriptive noun phrase
// before its head: not a function word, a cue or a word that reads as a
// verb or adverb ("named", "recently").
func descWord(w string) bool {
	l := strings.ToLower(w)
	if functionWords[l] || cueVerbs[l] || prepositions[l] || descStops[l] {
		return false
	}
	if startsUpper(w) {
		return true // "Democratic", "CIA"
	}
	if strings.HasSuffix(l, "ing") {
		return titleModifiers[l] // "acting", not "slamming"
	}
	return !strings.HasSuffix(l, "ed") && !strings.HasSuffix(l, "ly")
}

// plainNoun reports whether w, in lower case, may be a noun inside a
// role ("home affairs", "education"): no verb form, adverb or function
// word.
func plainNoun(w string) bool {
	if w == "" || startsUpper(w) || !descWord(w) || strings.HasSuffix(w, "ing") {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// roleModifier reports whether w plainly belongs to a role phrase that no
// determiner opens: a capitalised word, a role word, a modifier of titles
// or an adjective by its ending or its hyphen ("presidential", "senior",
// "hedge-fund").
func roleModifier(w string) bool {
	if w == "" {
		return false
	}
	if startsUpper(w) {
		return descWord(w)
	}
	if roleNouns[w] || titleModifiers[w] || roleCompounds[w] || strings.Contains(w, "-") && descWord(w) {
		return true
	}
	for _, suf := range []string{"al", "ial", "ic", "ive", "ior", "ary"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+3 {
			return true
		}
	}
	return false
}

// roleCompounds are nouns that stand before another to name a role:
// "press secretary", "campaign manager", "vice presidential nominee".
var roleCompounds = wordSet(`vice press campaign security communications communication policy foreign defense health finance state party senior junior top longtime assistant associate board team tech technology division rights police news trade tax budget intelligence economic energy election`)

// possessivePronouns open a noun phrase about someone: "his CIA chief".
var possessivePronouns = wordSet(`his her their its our my your`)

// prepositions govern a phrase that is no appositive.
var prepositions = wordSet(`after before during in on at with for from by to of under over against about without into through since until like as`)

// descStops are common verbs, conjunctions and sentence adverbs that end a
// phrase walked back from its head. The adverbs matter at the start of a
// sentence, where their capital letter would pass them for part of a title:
// "Meanwhile Lib Dem leader Charles Kennedy".
var descStops = wordSet(`and or but because while when if than that including is was are were be been has have had says told met meets named names picks picked hired hires appointed appoints replaced
	meanwhile however moreover furthermore nevertheless nonetheless instead also still earlier later yesterday today tonight now thus therefore indeed separately elsewhere`)

// roleNouns are heads of phrases that say who someone is: an office, a
// trade or a relation.
var roleNouns = wordSet(`adviser advisor aide chief director secretary spokesman spokeswoman spokesperson
president chairman chairwoman chair minister ambassador leader executive officer lawyer attorney
counsel analyst economist professor editor reporter correspondent author founder head governor
senator congressman congresswoman representative mayor general commander deputy member candidate
nominee manager strategist official diplomat envoy negotiator judge justice prosecutor investigator
researcher scientist expert consultant lobbyist donor fundraiser operative pollster organizer
historian writer columnist commentator host anchor producer publisher owner partner colleague
friend rival opponent ally predecessor successor wife husband son daughter father mother brother
sister nephew niece uncle aunt cousin grandson granddaughter grandfather grandmother boss employee
assistant staffer treasurer administrator commissioner chancellor premier ruler king queen prince
princess admiral colonel captain lieutenant sergeant soldier veteran coach player student
teacher doctor surgeon physician nurse pastor priest rabbi imam bishop activist campaigner banker
investor entrepreneur businessman businesswoman billionaire tycoon actor actress singer musician
artist secretary-general vice-president whip speaker sheriff detective agent spy farmer
barrister solicitor journalist broadcaster presenter novelist poet painter photographer
engineer pilot worker driver officer inspector constable superintendent detainee prisoner
suspect victim witness resident protester demonstrator chairperson trustee governor-general
homeowner landlord tenant neighbour neighbor parent shopkeeper shopper customer passenger commuter
voter volunteer survivor refugee migrant pensioner retiree graduate pupil peer councillor councilman
councilwoman alderman lawmaker legislator politician taoiseach emir sheikh chancellor delegate
observer bystander onlooker attendee participant mourner spectator monitor`)

// roleNoun reports whether w heads a phrase that says who someone is.
func roleNoun(w string) bool {
	if i := strings.LastIndexByte(w, '-'); i > 0 {
		w = w[i+1:] // "co-chairman", "vice-president"
	}
	return w != "" && !startsUpper(w) && roleNouns[w]
}

// courtesyTitles say nothing about a person's role.
var courtesyTitles = wordSet(`Mr Mrs Ms Miss Mx Dr`)

// closingMark returns the token of the quotation mark that closes the one
// at token i when at most n tokens (words or punctuation) stand between
// them, or 0.
func closingMark(p string, toks []token, i, n int) int {
	for j := i + 1; j < len(toks) && j <= i+n+1; j++ {
		if toks[j].kind != tPunct {
			continue
		}
		switch p[toks[j].start:toks[j].end] {
		case "”", "\"":
			if j > i+1 {
				return j
			}
			return 0
		case "“":
			return 0
		}
	}
	return 0
}

// descPrepositions show that a clause opening with a noun describes a role:
// "director of …", "executive editor for …".
var descPrepositions = wordSet(`of for at with to in on`)

// appositiveAfter reads the appositive or relative clause that follows a
// name ending before token k: from the comma after the name to the next
// comma, or further when a second appositive nests in it (", a London-based
// think tank …").
func appositiveAfter(p string, toks []token, k int) string {
	word := func(i int) string {
		if i < len(toks) && toks[i].kind == tWord {
			return p[toks[i].start:toks[i].end]
		}
		return ""
	}
	if k >= len(toks) || toks[k].kind != tPunct || p[toks[k].start:toks[k].end] != "," {
		return ""
	}
	from := k + 1
	first := word(from)
	honorPoss := false
	if courtesy[strings.ToLower(first)] {
		n := from + 1
		if n < len(toks) && toks[n].kind == tPunct && p[toks[n].start:toks[n].end] == "." {
			n++
		}
		_, honorPoss = stripPossessive(word(n)) // "Dmitry S. Peskov, Mr. Putin's spokesman"
		honorPoss = honorPoss && !startsUpper(word(n+1))
	}
	if !appositiveStart(first) && !honorPoss {
		return titledRoleAfter(p, toks, from)
	}
	if second := word(from + 1); first == "who" && (functionWords[second] || cueVerbs[second] || second == "has" || second == "had") {
		return "" // "who he described as", "who has said": not about the person
	}
	if _, poss := stripPossessive(first); poss && startsUpper(word(from+1)) {
		return "" // "Lester Holt, ABC's Martha Raddatz, …": a list of names
	} else if !poss && !honorPoss && !strings.Contains(" a an the who whose ", " "+first+" ") {
		// A bare noun must lead to a preposition soon: "director of".
		ok := false
		for i := from + 1; i < from+4 && i < len(toks); i++ {
			if descPrepositions[word(i)] {
				ok = true
				break
			}
			if toks[i].kind != tWord || appositiveReject[word(i)] {
				break
			}
		}
		if !ok {
			return ""
		}
	}
	i := from
loop:
	for ; i < len(toks); i++ {
		if i-from > 45 {
			return ""
		}
		t := toks[i]
		if t.kind != tPunct {
			continue
		}
		switch s := p[t.start:t.end]; s {
		case ",":
			if w := word(i + 1); w == "a" || w == "an" {
				continue
			}
			break loop
		case ".":
			if i > 0 && toks[i-1].kind == tWord && toks[i-1].end == t.start && abbrevAt(p, toks, i-1) {
				continue
			}
			break loop
		case "“", "\"":
			// A short quoted name inside the clause: "one of the
			// so-called “Blair Babes” elected in 1997".
			if end := closingMark(p, toks, i, 6); end > 0 {
				if prev := toks[end-1]; prev.kind == tPunct && strings.Contains(".!?", p[prev.start:prev.end]) {
					i = end + 1 // “Nightly News.” ends the sentence
					break loop
				}
				i = end
				continue
			}
			break loop
		case "(", ")", ";", "—", "–", "!", "?", ":", "”", "[", "]":
			break loop
		}
	}
	if i == from {
		return ""
	}
	if first == "a" || first == "an" || first == "the" {
		for j := from + 1; j < i; j++ {
			if w := word(j); w == "who" || w == "that" || w == "which" {
				break
			} else if clauseVerbs[w] {
				// "For Ms. Olumide, the episode has been painful": a
				// clause of its own, not a phrase about her.
				return ""
			}
		}
	}
	if cueVerbs[word(i-1)] {
		// "Huma Abedin, a top aide to Mrs. Clinton, a law enforcement
		// official said.": the last phrase is a source and its verb.
		for i--; i > from && !(toks[i].kind == tPunct && p[toks[i].start:toks[i].end] == ","); i-- {
		}
		if i == from {
			return ""
		}
	}
	d := p[toks[from].start:toks[i-1].end]
	for _, prefix := range []string{"who is also ", "who was also ", "who is now ", "who is ", "who was ", "who’s ", "who's "} {
		if strings.HasPrefix(d, prefix) {
			d = d[len(prefix):]
			break
		}
	}
	return d
}

// titledRoleAfter reads a role led by a capitalised name that stands in
// apposition from token from to the next comma or full stop: "CBI director
// general", "Tory co-chairman" (see titledRole).
func titledRoleAfter(p string, toks []token, from int) string {
	i := from
	for i < len(toks) && i-from < 5 && toks[i].kind == tWord {
		i++
	}
	if i >= len(toks) || toks[i].kind != tPunct || !strings.Contains(",.", p[toks[i].start:toks[i].end]) || !titledRole(p, toks, from, i) {
		return ""
	}
	return p[toks[from].start:toks[i-1].end]
}

// titledRole reports whether toks[from:to] of p are a role led by a
// capitalised name: words only, the first capitalised, the others lower
// case, the last a role noun ("CBI director general", "Tory co-chairman"),
// so that a name ("Carden, Harrison") or a clause never passes.
func titledRole(p string, toks []token, from, to int) bool {
	if to-from < 2 || to > len(toks) {
		return false
	}
	for i := from; i < to; i++ {
		if toks[i].kind != tWord {
			return false
		}
		w := p[toks[i].start:toks[i].end]
		if i == from && !startsUpper(w) || i > from && (startsUpper(w) || appositiveReject[w] || cueVerbs[w]) {
			return false
		}
	}
	last := p[toks[to-1].start:toks[to-1].end]
	if j := strings.LastIndexAny(last, "-‐"); j >= 0 {
		last = last[j+1:] // co-chairman
	}
	return roleNouns[last]
}

func addDesc(e *entity, d string) {
	d = strings.TrimSpace(d)
	if d == "" || slices.Contains(e.desc, d) {
		return
	}
	e.desc = append(e.desc, d)
}
