package corpus

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cueVerbs are the verbs that attribute words or views to a source when a
// source stands beside them: "said Carden", "Thomson believes".
var cueVerbs = wordSet(`said says say told tells added adds wrote writes noted notes
	believes believe believed argued argues argue explained explains asked asks replied
	replies responded responds answered continued continues insisted insists claimed
	claims warned warns stated declared declares tweeted tweets posted announced
	announces acknowledged acknowledges admitted admits suggested suggests recalled
	recalls reported reports urged urges vowed vows promised promises predicted predicts
	joked jokes complained complains conceded concedes contended contends countered
	emphasized emphasised emphasizes stressed stresses observed observes remarked
	commented confirmed confirms denied denies testified thinks thought hoped hopes
	agreed agrees cautioned charged concluded concludes maintained maintains recounted
	repeated shouted yelled wondered wonders mused quipped exclaimed boasted bragged
	lamented laments pointed described describes called calls labeled dubbed blasted
	gushed gushes fumed fumes raged rages snapped snaps sobbed laughed whispered
	sighed groaned grumbled
	slammed accuse accused accuses criticized praised touted asserted asserts alleged alleges
	disclosed revealed reveals indicated indicates proclaimed pledged demanded demands
	mentioned retorted echoed reiterated reiterates opined advised estimated feels felt
	lauded hailed mocked ridiculed attacked derided dismissed decried condemned
	welcomed questioned challenged begged quoted interjected interjects retorts counters quips
	shot fired hit put puts read reads`)

// progressives attribute after "is" or "was": "Trump is promising …".
var progressives = wordSet(`describing promising telling questioning stressing urging
	blasting slamming accusing praising touting demanding vowing pledging predicting
	suggesting insisting reporting announcing complaining warning asking`)

// auxiliaries stand between a subject and a progressive.
var auxiliaries = wordSet(`is are was were been`)

// participles attribute a quotation to the subject of the clause they
// hang from: "Trump attacked Clinton …, saying, “…”".
var participles = wordSet(`saying adding tweeting writing telling noting arguing
	calling explaining insisting declaring warning asking stating claiming suggesting
	urging stressing predicting acknowledging admitting describing complaining
	promising vowing`)

// cueNouns attribute through a possessive: "shared his hope that …".
var cueNouns = wordSet(`hope hopes belief view views concern concerns fear fears wish
	warning claim argument assessment position opinion conviction contention promise
	prediction message statement remarks comments`)

// skipBefore are words that may stand between a source and its verb
// ("Trump also said", "Clinton has argued").
var skipBefore = wordSet(`also later then once recently previously again just has had
	have would will repeatedly reportedly first separately further still often
	frequently did does may might could should can now never always has earlier already
	since all both each`)

// skipAfter may stand between an inverted verb and its source: "said
// Monday", "added later", "pointed out".
var skipAfter = wordSet(`also later then recently previously again today yesterday
	tonight earlier out back`)

// npBoundary are words a noun phrase never crosses when read backward from
// its verb.
var npBoundary = wordSet(`that which who whom whose and or but because as when while if
	after before since than so of in on at by for with from to about into over under is
	was were are be been being not what how why where there then also has had have
	would will could should may might can do does did said says told this these those
	it its their representing`)

// personPronouns are resolved to the person they stand for.
var personPronouns = wordSet(`he she`)

// otherPronouns make an unnamed source ("it" may name the organisation
// that opens its sentence).
var otherPronouns = wordSet(`they we i you it who which one someone`)

// institutions are heads of a noun phrase that speak for the name before
// them: "a Kremlin press release" is the Kremlin speaking, while "a Clinton
// aide" or "the Democratic nominee" is someone unnamed.
var institutions = wordSet(`release statement report memo document study poll survey
	analysis website site account campaign office team ministry agency government
	administration communique announcement letter filing complaint lawsuit ruling
	decision order transcript military army navy police embassy parliament cabinet`)

// appositiveReject are words that cannot open an appositive or a
// description: they open clauses, lists or verb phrases instead.
var appositiveReject = wordSet(`his her their its our my and or but in on at for to with
	by from as that which if when while not also even said says may might can could would
	will should must shall is are was were has have had did does do according because
	so then than there this these those it they he she we i you`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// source is who a cue attributes words to.
type source struct {
	ents    []int  // named entities; several for "Thomson, Carden, and Harrison"
	pronoun string // "he" or "she", to be resolved
	anon    bool   // an unnamed source: "a source", "officials", "they"
	// stranger marks an unnamed source whose head names a new person
	// rather than one already named ("the prime minister's spokesman").
	stranger bool
	orgNP    string // "Kremlin press release" when a common noun's modifier names the source
	// role is the title of "the senator", "the former governor": an
	// unnamed source that may be the one person the article gives that
	// title.
	role string
	// spokes marks "a spokesman", who speaks for the organisation the
	// sentence before names.
	spokes bool
	// body is the organisation's word of "the council", "the union":
	// the one organisation the article names with it.
	body string
	// doc is the word of "the statement said", "the report said": a
	// document whose author the text named where it brought it in.
	doc string
}

func (s source) found() bool { return len(s.ents) > 0 || s.pronoun != "" || s.anon }

// cueHit is one attributing cue in a sentence.
type cueHit struct {
	tok  int    // token index of the cue word
	cue  string // the cue as written, lower-cased
	src  source
	noun bool // a noun cue ("his hope"), weaker than a verb
	// only, when not 0, is one past the one quotation token the cue may
	// attribute (a dash signature).
	only int
	used bool // a quotation took it
	// whole marks a cue a whole quotation took, not only a quoted phrase
	// inside reported speech.
	whole bool
	// speakers are the resolved entities, set during attribution.
	speakers []int
}

// paraText is a paragraph read for attribution.
type paraText struct {
	text   string
	quotes []qspan
	toks   []token // quotations as single tokens
	sents  []sentence
	flat   []token // quotation marks as punctuation
	ments  []int   // indexes into analysis.ments, in order
}

// word returns token i when it is a word, else "" (also out of range).
func (pt *paraText) word(i int) string {
	if i < 0 || i >= len(pt.toks) || pt.toks[i].kind != tWord {
		return ""
	}
	return pt.text[pt.toks[i].start:pt.toks[i].end]
}

// wordsIn returns the words of tokens [from, to).
func (pt *paraText) wordsIn(from, to int) []string {
	var out []string
	for i := from; i < to; i++ {
		if w := pt.word(i); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// punct returns token i when it is punctuation, else "" (also out of
// range).
func (pt *paraText) punct(i int) string {
	if i < 0 || i >= len(pt.toks) || pt.toks[i].kind != tPunct {
		return ""
	}
	return pt.text[pt.toks[i].start:pt.toks[i].end]
}

// cues finds the attributing cues of a sentence and the source of each.
func (an *analysis) cues(pi int, s sentence) []cueHit {
	pt := &an.paras[pi]
	var out []cueHit
	for c := s.from; c < s.to; c++ {
		w := pt.word(c)
		if w == "" && !isDash(pt.punct(c)) {
			continue
		}
		lw := strings.ToLower(w)
		var hit cueHit
		switch {
		case lw == "went" && c+2 < s.to && pt.word(c+1) == "on" && (pt.punct(c+2) == ":" || pt.punct(c+2) == "," ||
			pt.toks[c+2].kind == tQuote || pt.word(c+2) == "to" && c+3 < s.to && cueVerbs[pt.word(c+3)]):
			// "She went on: “…”", "He went on to say: …"
			hit = cueHit{tok: c, cue: "went on", src: an.subjectOf(pi, s, c)}
		case lw == "in":
			// "In Lindqvist's view, …", "In her view, …"
			v := viewAt(pt, s, c)
			if v == 0 {
				continue
			}
			var src source
			switch p := strings.ToLower(pt.word(v - 1)); {
			case p == "her" && v == c+2:
				src = source{pronoun: "she"}
			case p == "his" && v == c+2:
				src = source{pronoun: "he"}
			case isPossessive(p):
				if m := an.mentionEndingAt(pi, pt.toks[v-1].end); m >= 0 && an.ments[m].ent >= 0 && an.ments[m].possessed {
					src = source{ents: []int{an.ments[m].ent}}
				}
			}
			if !src.found() {
				continue
			}
			hit = cueHit{tok: c, cue: "in " + pt.word(v), src: src}
		case lw == "according" && c+1 < s.to && strings.ToLower(pt.word(c+1)) == "to":
			src, end := an.forwardNPEnd(pi, s, c+2)
			if b := end; len(src.ents) == 0 && b < s.to {
				if strings.HasSuffix(pt.word(b), "ed") && pt.word(b+1) == "by" {
					b++
				}
				if pt.word(b) == "by" || b == end && pt.word(b) == "from" {
					// "according to exit polls conducted by Edison
					// Research", "according to figures from Eurostat":
					// who made them is the source.
					if by, byEnd := an.forwardNPEnd(pi, s, b+1); len(by.ents) > 0 && pt.word(byEnd) != "and" {
						src = by // not "by the Securities and Exchange Commission", split
					}
				}
			}
			hit = cueHit{tok: c, cue: "according to", src: src}
		case participles[w] && pt.word(c-1) == "as" && quotedAt(pt, s, c-2) >= 0:
			// "Xinhua quoted Foreign Minister Wang Yi as saying …": who is
			// quoted speaks, not who quotes; "Wang was quoted as saying".
			q := quotedAt(pt, s, c-2)
			var src source
			if q == c-2 {
				j := q - 1
				for j > s.from && auxiliaries[pt.word(j)] {
					j--
				}
				if j >= s.from && pt.toks[j].kind == tWord && j < q-1 {
					src = an.backNP(pi, s, j)
				}
			} else {
				src = an.forwardNP(pi, s, q+1)
			}
			if !src.found() {
				continue
			}
			// The hit stands at "quoted", so that "as" between it and the
			// quotation before it opens no new clause.
			hit = cueHit{tok: q, cue: "quoted as " + w, src: src}
		case participles[w] && c > s.from && pt.toks[c-1].kind == tWord && an.mentionEndingAt(pi, pt.toks[c-1].end) >= 0:
			// "footage of Trump saying “…”"
			m := an.ments[an.mentionEndingAt(pi, pt.toks[c-1].end)]
			if m.ent < 0 || an.ents[m.ent].org {
				continue
			}
			hit = cueHit{tok: c, cue: w, src: source{ents: []int{m.ent}}}
		case participles[w] && c > s.from && (!notSubjectPrev[pt.word(c-1)] || pt.word(c-1) == "by" || pt.word(c-1) == "for"):
			// "…, saying “…”", "tweets early Friday saying …", "began by
			// saying …": the clause subject speaks.
			if prepObject(pt, s, c) {
				continue
			}
			hit = cueHit{tok: c, cue: w, src: an.clauseSubject(pi, s, c)}
		case (participles[w] || progressives[w]) && c-1 > s.from && auxiliaries[pt.word(c-1)]:
			// "Clinton is describing as “unhinged” …"
			hit = cueHit{tok: c, cue: pt.word(c-1) + " " + w, src: an.subjectOf(pi, s, c-1)}
		case cueVerbs[w] || c == s.from && cueVerbs[strings.ToLower(w)] && startsUpper(w):
			if c == s.from && participleObjects[pt.word(c+1)] {
				// "Asked whether Germany would send troops, she said":
				// a participle whose subject is the main clause's.
				continue
			}
			w = strings.ToLower(w)
			cue := w
			if w == "quoted" && quotedAsAhead(pt, s, c) {
				continue // the one quoted is the source (see above)
			}
			switch w {
			case "pointed":
				if c+1 >= s.to || pt.word(c+1) != "out" {
					continue
				}
				cue = "pointed out"
			case "read", "reads":
				// "“…,” the statement read": a document speaks for the
				// one who issued it (see docSource); a sign or a cap that
				// reads words makes no statement.
				if c-1 <= s.from || !documents[strings.ToLower(pt.word(c-1))] {
					continue
				}
			case "put", "puts":
				// "As Carden put it, “…”": the one who puts it speaks.
				if c+1 >= s.to || pt.word(c+1) != "it" {
					continue
				}
				cue = w + " it"
			case "shot", "fired", "hit":
				// "Clinton shot back", "Trump fired back": only with
				// "back" do they report words.
				if c+1 >= s.to || pt.word(c+1) != "back" {
					continue
				}
				cue = w + " back"
			case "called", "calls":
				// "called for", "called on" ask for action; they report
				// no words.
				if c+1 < s.to && strings.Contains(" for on off up in ", " "+pt.word(c+1)+" ") {
					continue
				}
			}
			hit = cueHit{tok: c, cue: cue, src: an.subjectOf(pi, s, c)}
			if n := len(out); n > 0 && !hit.src.found() && c-1 > s.from && (pt.word(c-1) == "but" || pt.word(c-1) == "and") && !out[n-1].noun && len(out[n-1].src.ents) > 0 {
				// "Feld called the results “encouraging” but said …":
				// the verb shares the subject of the cue before.
				hit.src = out[n-1].src
			}
		case cueNouns[lw] && c > s.from && isPossessive(pt.word(c-1)):
			src := an.clauseSubject(pi, s, c-1)
			if m := an.mentionEndingAt(pi, pt.toks[c-1].end); m >= 0 && an.ments[m].possessed && an.ments[m].ent >= 0 && !an.ments[m].inQuote &&
				c+1 < s.to && (pt.word(c+1) == "that" || pt.punct(c+1) == ":") {
				// "Donald Trump’s claim that …": the named possessor
				// holds the view it reports, not the clause's subject
				// ("Trump’s comments came as …" reports nothing).
				src = source{ents: []int{an.ments[m].ent}}
			}
			hit = cueHit{tok: c, cue: strings.ToLower(pt.word(c-1)) + " " + lw, src: src, noun: true}
		case isDash(pt.punct(c)) && c > s.from && pt.toks[c-1].kind == tQuote:
			// “…” — Name: the name signs the quotation before it.
			if src := an.forwardNP(pi, s, c+1); len(src.ents) > 0 {
				hit = cueHit{tok: c, cue: "—", src: src, only: c}
			} else {
				continue
			}
		default:
			continue
		}
		if hit.src.found() {
			out = append(out, hit)
		}
	}
	return out
}

// prepObject reports whether the participle at token c follows the object
// of a preposition, which it describes: "press the prime minister on
// leaked Treasury modelling suggesting that bills could rise" is the
// modelling's suggestion. Words the subject put out ("in a statement
// saying …") stay theirs.
func prepObject(pt *paraText, s sentence, c int) bool {
	if prev := strings.ToLower(pt.word(c - 1)); commNouns[prev] || prev == "by" || prev == "for" {
		return false // "for saying that …": the gerund of the clause's subject
	}
	for j := c - 1; j >= s.from && j >= c-5 && pt.toks[j].kind == tWord; j-- {
		if w := pt.word(j); objectPreps[w] {
			return true
		} else if cueVerbs[w] || auxiliaries[w] || clauseLinks[w] || w == "or" {
			return false
		}
	}
	return false
}

// objectPreps open a phrase whose noun a participle after it may describe.
var objectPreps = wordSet(`on about over of into with from against amid`)

// commNouns are what a person puts words out in.
var commNouns = wordSet(`statement speech interview tweet tweets post posts letter video ad advert
	release message messages remarks email emails note op-ed column essay address briefing
	conference call`)

// quotedAt returns the token of "quoted" in "quoted X as", the phrase
// that ends at token end ("as" follows it), or -1. X is at most 12
// tokens long.
func quotedAt(pt *paraText, s sentence, end int) int {
	for i := end; i >= s.from && end-i <= 12; i-- {
		if pt.toks[i].kind != tWord {
			return -1
		}
		if pt.word(i) == "quoted" {
			return i
		}
	}
	return -1
}

// quotedAsAhead reports whether "quoted" at token c goes on "… as
// saying" (or another participle) within 12 tokens.
func quotedAsAhead(pt *paraText, s sentence, c int) bool {
	for i := c + 1; i+1 < s.to && i-c <= 13; i++ {
		if pt.toks[i].kind != tWord {
			return false
		}
		if pt.word(i) == "as" && participles[pt.word(i+1)] {
			return true
		}
	}
	return false
}

func quoteAfter(pt *paraText, c, to int) bool {
	for i := c + 1; i < to; i++ {
		if pt.toks[i].kind == tQuote {
			return true
		}
	}
	return false
}

func isDash(s string) bool {
	return s == "—" || s == "―" || s == "–"
}

func isPossessive(w string) bool {
	switch strings.ToLower(w) {
	case "his", "her", "their", "its":
		return true
	}
	_, ok := stripPossessive(w)
	return ok
}

// subjectOf finds the source of the cue verb at token c: the noun phrase
// before it ("Thomson believes"), before an appositive ("Carden, who is …,
// said"), or after it when it follows a quotation or a comma ("…,” said
// Carden).
func (an *analysis) subjectOf(pi int, s sentence, c int) source {
	pt := &an.paras[pi]
	if strangerWho(pt, s, c) {
		return source{anon: true, stranger: true}
	}
	j := c - 1
	for j >= s.from && pt.toks[j].kind == tWord && (isSkippable(pt.word(j)) || timeWord(pt, j)) &&
		!(j > s.from && (isPossessive(pt.word(j-1)) || determiners[strings.ToLower(pt.word(j-1))])) {
		// An adverb between subject and verb ("He repeatedly said"); a
		// word in -ly after "the" or a possessive is a noun ("Mrs
		// Harper's family said").
		j--
	}
	if j >= s.from && pt.toks[j].kind == tWord {
		src := an.backNP(pi, s, j)
		if src.anon && strings.HasSuffix(pt.word(c), "s") && !determiners[strings.ToLower(pt.word(npStart(pt, s, j)))] {
			// "late-night tweets targeting …" is a noun, not a verb:
			// a verb in -s wants a singular subject, named or determined.
			return source{}
		}
		return src
	}
	if j > s.from && pt.punct(j) == "." && pt.toks[j-1].kind == tWord && pt.toks[j-1].end == pt.toks[j].start {
		// "The F.B.I. said": a name that ends in an abbreviation's stop.
		if m := an.mentionEndingAt(pi, pt.toks[j].end); m >= 0 && an.ments[m].ent >= 0 && !an.ments[m].inQuote {
			return source{ents: []int{an.ments[m].ent}}
		}
	}
	if j > s.from && pt.punct(j) == ")" {
		// "Harry Reid (D-Nev.) said": the name before the brackets.
		for k := j - 1; k > s.from && j-k <= 8 && pt.toks[k].kind != tQuote; k-- {
			if pt.punct(k) == "(" {
				if pt.toks[k-1].kind == tWord {
					if src := an.backNP(pi, s, k-1); len(src.ents) > 0 {
						return src
					}
				}
				break
			}
		}
	}
	if j >= s.from && pt.punct(j) == "," {
		if src := an.appositiveBack(pi, s, j); src.found() {
			if o := an.openingAppositive(pi, s, j); len(o.ents) > 0 && len(src.ents) > 0 {
				return o // a name inside the opening name's appositive is an aside
			}
			return src
		}
	}
	if j > s.from && (isDash(pt.punct(j)) || pt.punct(j) == "-") {
		// "Gerry Conlon - who was wrongly convicted - said": an aside
		// between dashes.
		for k := j - 1; k > s.from && j-k < 40 && pt.toks[k].kind != tQuote; k-- {
			if p := pt.punct(k); isDash(p) || p == "-" {
				if pt.toks[k-1].kind == tWord {
					if src := an.backNP(pi, s, k-1); len(src.ents) > 0 {
						return src
					}
				}
				break
			}
		}
	}
	if j < s.from || pt.toks[j].kind == tQuote || strings.Contains(",:—–(", pt.punct(j)) {
		if addressing[strings.ToLower(pt.word(c))] {
			// "…, told BBC News: “…”": who is told is never who speaks.
			return an.openingAppositive(pi, s, j)
		}
		src, end := an.forwardNPEnd(pi, s, c+1)
		if !src.found() {
			return an.openingAppositive(pi, s, j)
		}
		if end < s.to && pt.toks[end].kind == tWord && objectFollowers[strings.ToLower(pt.word(end))] {
			// "…, warned Mr Brown not to …", "told reporters that …": the
			// phrase after the verb is its object, not an inverted source.
			return source{}
		}
		if end < s.to && len(src.ents) > 0 && clauseVerbs[pt.word(end)] {
			return source{} // "…, said Brandt had taught him": whom the words are about
		}
		return src
	}
	return source{}
}

// openingAppositive returns the person whose name opens sentence s and
// whose appositive runs on to the comma at token j: in "Marcus Bell, an
// investor whose fund, Greyrock Capital, owns 3% of Lumora, posted …",
// Bell posts; the names inside the appositive are asides. A cue after a
// comma takes it over a name the appositive holds, and falls back on it
// when it finds its source neither before it nor after it.
func (an *analysis) openingAppositive(pi int, s sentence, j int) source {
	pt := &an.paras[pi]
	if j < s.from || pt.punct(j) != "," {
		return source{}
	}
	e := an.subjectAt(pi, s)
	if e < 0 || !an.ents[e].maybePerson() {
		return source{}
	}
	k := s.from
	for k < j && (pt.toks[k].kind == tWord || pt.punct(k) == ".") {
		k++
	}
	if k+1 >= j || k == s.from || pt.punct(k) != "," || !an.nameAt(pi, s.from, k-1) {
		return source{}
	}
	if w := strings.ToLower(pt.word(k + 1)); !determiners[w] && w != "who" && w != "whose" && w != "an" {
		return source{}
	}
	for i := k + 1; i < j; i++ {
		if p := pt.punct(i); p == ";" || p == ":" || pt.toks[i].kind == tQuote || p == "," && clauseLinks[pt.word(i+1)] {
			return source{}
		}
	}
	return source{ents: []int{e}}
}

// strangerWho reports whether the cue at token c follows a relative clause
// on an unnamed person that opens the sentence: "A neighbor who asked not
// to be named said …". That person speaks, and a "she" that follows may
// be them rather than anyone named before.
func strangerWho(pt *paraText, s sentence, c int) bool {
	if !indefinites[strings.ToLower(pt.word(s.from))] {
		return false
	}
	for i := s.from + 1; i < c && i <= s.from+5; i++ {
		w := pt.word(i)
		if w == "who" {
			for k := i + 1; k < c; k++ {
				if pt.toks[k].kind != tWord || cueVerbs[pt.word(k)] || startsUpper(pt.word(k)) {
					return false // "A driver who gave his name only as Yusuf said"
				}
			}
			return i > s.from+1
		}
		if w == "" || startsUpper(w) {
			return false
		}
	}
	return false
}

// indefinites open a noun phrase about someone the text does not name.
var indefinites = wordSet(`a an another one`)

// viewAt returns the token of "view" in "In her view," or "In Anna
// Lindqvist's view," that opens at token c, followed by a comma; or 0.
func viewAt(pt *paraText, s sentence, c int) int {
	for v := c + 2; v <= c+5 && v+1 < s.to; v++ {
		if viewNouns[pt.word(v)] && pt.punct(v+1) == "," {
			return v
		}
		if pt.toks[v].kind != tWord {
			return 0
		}
	}
	return 0
}

// viewNouns name a view in "In her view, …".
var viewNouns = wordSet(`view opinion judgment judgement estimation assessment words`)

// participleObjects open what a participle that opens a sentence is about:
// "Asked whether …", "Pressed on …", "Told of …".
var participleObjects = wordSet(`whether if about why what how when where who which on of for by to`)

// possessiveDeterminers may open an inverted source: "said its chairman,
// Sir Anthony Greener".
var possessiveDeterminers = wordSet(`its his her their`)

// addressing are cue verbs whose object is the one spoken to, so that the
// phrase after them never names the speaker.
var addressing = wordSet(`told tells tell urged urges advised begged accused accuses`)

// objectFollowers are words that follow the object of a verb ("warned
// Brown not to", "told reporters that he", "urged Congress to"), never an
// inverted source ("…, said Carden, citing …", "said Carden on Monday").
var objectFollowers = wordSet(`not to that against he she they we i you it his her their its
	our this`)

// clauseVerbs follow the subject of a clause that a verb reports: after
// "…, said Brandt had taught him", Brandt is no inverted source.
var clauseVerbs = wordSet(`had has have was were is are would will could should can may might must did does`)

// timeWord reports whether token j is part of a phrase of time between a
// source and its verb: "Catherine Moloney last week described …", "Trump
// on Tuesday said".
func timeWord(pt *paraText, j int) bool {
	w := strings.ToLower(pt.word(j))
	switch {
	case timeNouns[w]:
		return true
	case w == "last" || w == "this" || w == "on" || w == "late" || w == "early":
		return timeNouns[strings.ToLower(pt.word(j+1))]
	}
	return false
}

// timeNouns end a phrase of time.
var timeNouns = wordSet(`week month year weekend night morning afternoon evening monday tuesday
	wednesday thursday friday saturday sunday today yesterday tonight`)

func isSkippable(w string) bool {
	if skipBefore[w] {
		return true
	}
	return len(w) > 4 && strings.HasSuffix(w, "ly") && !startsUpper(w) && w != "only"
}

// determiners open a singular common noun phrase ("the source says").
var determiners = wordSet(`a an the this that one another each every`)

// npStart returns the first token of the noun phrase backNP reads from j.
func npStart(pt *paraText, s sentence, j int) int {
	k := j
	for k-1 >= s.from && pt.toks[k-1].kind == tWord && !npBoundary[pt.word(k-1)] && !cueVerbs[pt.word(k-1)] {
		k--
	}
	return k
}

// backNP reads the noun phrase that ends at token j, backward.
func (an *analysis) backNP(pi int, s sentence, j int) source {
	pt := &an.paras[pi]
	head := pt.word(j)
	lh := strings.ToLower(head)
	if personPronouns[lh] {
		return source{pronoun: lh}
	}
	if lh == "who" {
		if j-2 >= s.from && pt.punct(j-1) == "," && pt.toks[j-2].kind == tWord {
			return an.backNP(pi, s, j-2) // Carden, who said …
		}
		return source{} // "anybody who complains": not the clause's source
	}
	if lh == "it" {
		// "The Security Council … pledged to act on what it called …":
		// "it" is the organisation that opens the sentence.
		if e := an.openingOrg(pi, s); e >= 0 {
			return source{ents: []int{e}}
		}
	}
	if otherPronouns[lh] {
		return source{anon: true}
	}
	if npBoundary[head] || cueVerbs[head] {
		return source{}
	}
	k := j
	words := 0
	for k-1 >= s.from && words < 10 {
		t := pt.toks[k-1]
		if t.kind == tWord {
			w := pt.word(k - 1)
			if npBoundary[w] || cueVerbs[w] || otherPronouns[strings.ToLower(w)] && !startsUpper(w) {
				break
			}
			words++
			k--
			continue
		}
		if t.kind == tPunct && (pt.punct(k-1) == "." || pt.punct(k-1) == "[" || pt.punct(k-1) == "]") && k-2 >= s.from && pt.toks[k-2].kind == tWord {
			k--
			continue
		}
		break
	}
	if m := an.mentionEndingAt(pi, pt.toks[j].end); m >= 0 {
		// A name with "of" inside it: "the Bank of England said".
		for k > s.from && an.ments[m].start < pt.toks[k].start {
			k--
		}
	}
	kt := k
	if kt-1 >= s.from && strings.EqualFold(pt.word(kt-1), "the") && !strings.EqualFold(pt.word(kt), "the") {
		kt-- // "John Smith of the University of Chicago": "the" before the name
	}
	if kt-1 >= s.from && pt.word(kt-1) == "of" && strings.EqualFold(pt.word(kt), "the") {
		// "Mr. Morgan of the Sierra Club said", "Another member of the
		// Cabinet says": the phrase completes the one before "of",
		// which is the source, named or not.
		if kt-2 >= s.from && pt.toks[kt-2].kind == tWord {
			if src := an.backNP(pi, s, kt-2); len(src.ents) > 0 {
				return src
			}
		}
		return source{anon: true}
	}
	if e := an.personOf(pi, s, k, j); e >= 0 {
		return source{ents: []int{e}}
	}
	if k-2 >= s.from && locativePreps[pt.word(k-1)] && pt.toks[k-2].kind == tWord && an.nameAt(pi, k, j) {
		// "Neighbours on Third Street said", "Sen. Rob Portman from Ohio
		// said": the place completes the phrase before it, which names
		// the source or leaves it unnamed.
		if src := an.backNP(pi, s, k-2); len(src.ents) > 0 || src.pronoun != "" {
			return src
		}
		return source{anon: true}
	}
	if k-2 >= s.from && complementPreps[pt.word(k-1)] && pt.toks[k-2].kind == tWord && an.commonNoun(pi, k-2) {
		// "a friend of Obama said", "Lawyers for Ms Smith said", "an
		// aide to Senator Kwame Mensah said", "a source close to …", "a
		// doctor at Kenyatta National Hospital said": the name completes
		// a noun phrase about someone else, who speaks. Only a
		// spokesperson speaks for the name ("a spokesman for the
		// Kremlin").
		noun := strings.ToLower(pt.word(k - 2))
		// "spokeswoman for women Sandra Gidley said": a name after
		// lower-case words of the role's phrase is no object of "for".
		m := an.mentionEndingAt(pi, pt.toks[j].end)
		afterRole := m >= 0 && an.ments[m].start > pt.toks[k].start && !startsUpper(pt.word(k))
		if !afterRole && (!spokespeople[noun] || !an.namesOrg(pi, k, j)) {
			// Only an organisation speaks through a spokesman: "a
			// representative for Kayla Brooke" is not Kayla Brooke.
			if src := an.backNP(pi, s, k-2); len(src.ents) > 0 {
				return src
			}
			return source{anon: true, stranger: strangers[noun] || spokespeople[noun]}
		}
	}
	src := an.npSource(pi, pt.toks[k].start, pt.toks[j].end, head)
	if len(src.ents) == 1 && src.orgNP == "" {
		src.ents = append(an.coordinated(pi, s, k), src.ents...)
	}
	return src
}

// nameAt reports whether tokens [k, j] of paragraph pi are one name.
func (an *analysis) nameAt(pi, k, j int) bool {
	pt := &an.paras[pi]
	m := an.mentionEndingAt(pi, pt.toks[j].end)
	return m >= 0 && an.ments[m].start == pt.toks[k].start
}

// personOf reads a noun phrase, tokens [k, j], that is a name after
// "<person> of": "Rep. Adam Schiff of California", "Lord Nicholls of
// Birkenhead". The name after "of" says where the person is from; the
// person is the source. It returns the person's entity, or -1.
func (an *analysis) personOf(pi int, s sentence, k, j int) int {
	pt := &an.paras[pi]
	if k-2 < s.from || pt.word(k-1) != "of" || pt.toks[k-2].kind != tWord {
		return -1
	}
	if !an.nameAt(pi, k, j) {
		return -1
	}
	p := an.mentionEndingAt(pi, pt.toks[k-2].end)
	if p < 0 || an.ments[p].ent < 0 || an.ents[an.ments[p].ent].org {
		return -1
	}
	return an.ments[p].ent
}

// namesOrg reports whether tokens [k, j] of paragraph pi end in the name
// of an organisation.
func (an *analysis) namesOrg(pi, k, j int) bool {
	pt := &an.paras[pi]
	if m := an.mentionEndingAt(pi, pt.toks[j].end); m >= 0 && an.ments[m].ent >= 0 {
		// An organisation, or a name with nothing to say it is a
		// person's ("the Kremlin", "Human Rights Watch").
		e := an.ents[an.ments[m].ent]
		return e.org || !e.person && givenNames[strings.ToLower(e.words[0])] == 0
	}
	// "a spokesman for the company": no name, an organisation's noun.
	return institutionsAndBodies[strings.ToLower(pt.word(j))]
}

// institutionsAndBodies are nouns for an organisation that a spokesman
// speaks for without its name: "a spokesman for the company".
var institutionsAndBodies = wordSet(`company firm council government ministry department agency office
	campaign party union group bank club police army committee commission court school university
	hospital charity board authority administration embassy team league federation`)

// complementPreps join a noun for a person to the name it is about:
// "critics of", "a lawyer for", "an aide to", "a doctor at", "a lawyer
// representing".
var complementPreps = wordSet(`of for to at representing`)

// locativePreps link a noun phrase to the place its people are in or come
// from.
var locativePreps = wordSet(`in on near from across outside inside around throughout`)

// commonNoun reports whether token i of paragraph pi is a common noun
// rather than part of a name: lower case, or capitalised only because it
// opens the sentence ("Critics of Mayor Sofía Herrera said").
func (an *analysis) commonNoun(pi, i int) bool {
	pt := &an.paras[pi]
	w := pt.word(i)
	if !startsUpper(w) {
		return true
	}
	for _, mi := range pt.ments {
		if m := &an.ments[mi]; m.start <= pt.toks[i].start && pt.toks[i].start < m.end && m.ent >= 0 {
			return false
		}
	}
	return i == 0 || pt.punct(i-1) == "." || pt.toks[i-1].kind == tQuote
}

// spokesWords name one who speaks for an organisation.
var spokesWords = wordSet(`spokesman spokeswoman spokesperson`)

// spokesOrg returns the organisation a bare spokesman speaks for: the one
// that opens the sentence before sentence si of paragraph pi (in it, or
// at the end of the paragraph before) as the subject of a verb of saying
// or of taking a stand ("The Home Office defended the policy. A spokesman
// said: …"), when that sentence names no one else; or -1. "The European
// Commission fined Google. A spokesman said …" may be Google's.
func (an *analysis) spokesOrg(pi, si int) int {
	switch {
	case si > 0:
		return an.stanceOrg(pi, an.paras[pi].sents[si-1])
	case pi > 0 && len(an.paras[pi-1].sents) > 0:
		prev := an.paras[pi-1].sents
		return an.stanceOrg(pi-1, prev[len(prev)-1])
	}
	return -1
}

// stanceVerbs tell that an organisation spoke or took a stand.
var stanceVerbs = wordSet(`defended defends declined declines rejected rejects refused refuses
	welcomed welcomes responded responds`)

// stanceOrg returns the organisation that opens sentence s as the
// subject of a cue or stance verb, when s names no one else; or -1.
func (an *analysis) stanceOrg(pi int, s sentence) int {
	e := an.openingOrg(pi, s)
	if e < 0 || !an.ents[e].org {
		return -1
	}
	pt := &an.paras[pi]
	from, to := pt.toks[s.from].start, pt.toks[s.to-1].end
	opening := -1
	for _, mi := range pt.ments {
		m := &an.ments[mi]
		if m.start < from || m.end > to || m.inQuote {
			continue
		}
		if m.ent != e {
			return -1 // "… fined Google": another name
		}
		if opening < 0 {
			opening = mi
		}
	}
	// The verb right after the opening name.
	for i := s.from; i < s.to && opening >= 0; i++ {
		if pt.toks[i].start >= an.ments[opening].end && pt.toks[i].kind == tWord {
			if w := pt.word(i); cueVerbs[w] || stanceVerbs[w] {
				return e
			}
			break
		}
	}
	return -1
}

// spokespeople speak for the organisation named after "for", "of" or
// "at": "a spokesman for the Kremlin said" is the Kremlin's word,
// "officials at Homeland Security Investigations said" the agency's, and
// "a committee of MPs" speaks as MPs.
var spokespeople = wordSet(`spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople
	representative representatives committee panel group coalition delegation caucus official
	officials analysts economists strategists`)

// coordinated collects the names listed before the noun phrase starting at
// token k: "Thomson, Carden, and Harrison pointed out".
func (an *analysis) coordinated(pi int, s sentence, k int) []int {
	pt := &an.paras[pi]
	var out []int
	for {
		i := k - 1
		sawSep, sawAnd := false, false
		for i >= s.from && (pt.word(i) == "and" || pt.punct(i) == ",") {
			sawSep = true
			sawAnd = sawAnd || pt.word(i) == "and"
			i--
		}
		// "A, B and C said" lists names; "In New York, Clinton said"
		// does not: the list must end with "and".
		if !sawSep || !sawAnd && len(out) == 0 || i < s.from || pt.toks[i].kind != tWord {
			break
		}
		m := an.mentionEndingAt(pi, pt.toks[i].end)
		if m < 0 || an.ments[m].ent < 0 || an.ments[m].inQuote {
			break
		}
		out = append([]int{an.ments[m].ent}, out...)
		k = i
		for k > s.from && pt.toks[k-1].end > an.ments[m].start {
			k--
		}
	}
	return out
}

// forwardNP reads the noun phrase that starts at token c: the source after
// an inverted verb or "according to".
func (an *analysis) forwardNP(pi int, s sentence, c int) source {
	src, _ := an.forwardNPEnd(pi, s, c)
	return src
}

// forwardNPEnd is forwardNP that also returns the token after the phrase
// (s.to when nothing of the clause follows it).
func (an *analysis) forwardNPEnd(pi int, s sentence, c int) (source, int) {
	pt := &an.paras[pi]
	for c < s.to && pt.toks[c].kind == tWord && (skipAfter[pt.word(c)] || calendarWords[pt.word(c)]) {
		c++
	}
	if c >= s.to || pt.toks[c].kind != tWord {
		return source{}, c
	}
	first := pt.word(c)
	if personPronouns[strings.ToLower(first)] {
		return source{pronoun: strings.ToLower(first)}, c + 1
	}
	if otherPronouns[strings.ToLower(first)] {
		return source{anon: true}, c + 1
	}
	j := c
	words := 0
	for j < s.to && words < 12 {
		t := pt.toks[j]
		if t.kind == tWord {
			w := pt.word(j)
			if j > c && (npBoundary[w] || cueVerbs[w]) && !(w == "of" && isTitle(pt.word(j-1)) && startsUpper(pt.word(j+1))) &&
				!an.insideMention(pi, t.start) {
				// "said Secretary of State John Kerry" and "according to
				// the Center for Responsive Politics" read on.
				break
			}
			words++
			j++
			continue
		}
		if t.kind == tPunct && j > c && (pt.punct(j) == "[" || pt.punct(j) == "]" || pt.punct(j) == "/" ||
			pt.punct(j) == "." && pt.toks[j-1].kind == tWord && abbrevAt(pt.text, pt.toks, j-1) && pt.toks[j-1].end == t.start) {
			j++
			continue
		}
		break
	}
	last := j - 1
	for last > c && pt.toks[last].kind != tWord {
		last--
	}
	if pt.toks[last].kind != tWord || npBoundary[first] && !possessiveDeterminers[first] {
		return source{}, j
	}
	src := an.npSource(pi, pt.toks[c].start, pt.toks[last].end, pt.word(last))
	comma := j
	if src.anon && j < s.to && pt.word(j) == "of" {
		// "said the chairman of the Commons committee, Barry Sheerman":
		// the name in apposition follows the phrase's "of" part.
		for comma = j + 1; comma < s.to && comma < j+10 && pt.toks[comma].kind == tWord && !cueVerbs[pt.word(comma)]; comma++ {
		}
	}
	if src.anon && comma+1 < s.to && pt.punct(comma) == "," && pt.toks[comma+1].kind == tWord {
		// "said Ann Lee's aide, Bo Park": a name in apposition.
		for _, mi := range pt.ments {
			m := &an.ments[mi]
			if m.start != pt.toks[comma+1].start || m.ent < 0 || an.ents[m.ent].org {
				continue
			}
			// The name must close the phrase: "…, Mr. Trump is free"
			// starts a clause instead.
			if m.tokEnd >= len(pt.flat) || pt.flat[m.tokEnd].kind == tPunct && strings.Contains(",.;", pt.text[pt.flat[m.tokEnd].start:pt.flat[m.tokEnd].end]) {
				// The name closes the phrase: nothing follows it.
				return source{ents: []int{m.ent}}, s.to
			}
		}
	}
	return src, j
}

// npSource names the source of the noun phrase text[start:end] with head
// word head: the last name in it when the head is that name; the name that
// modifies a common noun ("a Kremlin press release" → Kremlin) unless the
// noun is a person's role ("a Clinton aide"); otherwise an unnamed source.
func (an *analysis) npSource(pi int, start, end int, head string) source {
	pt := &an.paras[pi]
	last := -1
	for _, mi := range pt.ments {
		m := &an.ments[mi]
		if m.start >= start && m.end <= end && m.ent >= 0 && !m.inQuote {
			last = mi
		}
	}
	if last < 0 {
		return an.unnamed(pt, start, end, head)
	}
	m := &an.ments[last]
	if e := an.ents[m.ent]; len(e.words) == 1 && orgWords[e.words[0]] && !groups[e.words[0]] && !strings.EqualFold(pt.text[start:min(start+4, end)], "the ") {
		return source{anon: true} // "Republican claims"; "the Times wrote" names a paper
	}
	h, _ := stripPossessive(head)
	if e := an.ents[m.ent]; m.end == end && (partyMembers[e.words[len(e.words)-1]] || len(e.words) == 1 && demonym(e.words[0]) && !e.org) &&
		determiners[strings.ToLower(firstWord(pt.text[start:end]))] {
		// "the Indiana Republican added", "the Spaniard said": a person
		// described by party or country, not named.
		return an.unnamed(pt, start, end, h)
	}
	if startsUpper(h) || m.end == end {
		return source{ents: []int{m.ent}}
	}
	if !institutions[strings.ToLower(h)] {
		return an.unnamed(pt, start, end, h)
	}
	np := pt.text[m.start:end]
	return source{ents: []int{m.ent}, orgNP: np}
}

// groups are organisations' words that name a body of people on their own,
// without "the": "Police say", "Democrats blasted".
var groups = wordSet(`Police Democrats Republicans Conservatives Dems`)

// partyMembers name one member of a party: "the Republican said" speaks
// of a person, not of the party.
var partyMembers = wordSet(`Republican Democrat Tory Conservative Liberal Socialist Libertarian`)

// demonyms name one person by their country or people ("the Spaniard
// said"). A list, not endings: "the Vatican", "the Guardian" and "the
// Taliban" end alike and are no persons.
var demonyms = wordSet(`Spaniard Swede Dane Finn Pole Scot Turk Brit Greek Czech Thai Kiwi Aussie
	Dutchman Frenchman Englishman Irishman Welshman Scotsman Dutchwoman Frenchwoman Englishwoman
	Irishwoman Welshwoman Scotswoman Italian German American Russian Brazilian Argentine
	Argentinian Australian Canadian Mexican Norwegian Belgian Colombian Nigerian Kenyan Egyptian
	Iranian Indian Pakistani Israeli Iraqi Portuguese Japanese Croatian Serbian Ukrainian
	Austrian Hungarian Romanian Bulgarian Chilean Peruvian Uruguayan Ghanaian Senegalese
	Cameroonian Moroccan Algerian Tunisian Jamaican Venezuelan Ecuadorian Slovenian Slovakian`)

// demonym reports whether w names a person by their country or people.
func demonym(w string) bool { return demonyms[w] }

// firstWord returns the first word of s, up to a space.
func firstWord(s string) string {
	w, _, _ := strings.Cut(s, " ")
	return w
}

// unnamed is the source of a noun phrase, text[start:end] with head word
// head, that names no one: a stranger ("a spokesman"), or a title after
// "the" ("the senator", "the Texas senator"), which may stand for the one
// person the article gives that title.
func (an *analysis) unnamed(pt *paraText, start, end int, head string) source {
	h := strings.ToLower(head)
	// "the prime minister’s spokesman" speaks for the prime minister, not
	// for the organisation the sentence before names.
	owned := strings.Contains(pt.text[start:end], "’s ") || strings.Contains(pt.text[start:end], "'s ")
	src := source{anon: true, stranger: strangers[h], spokes: spokesWords[h] && !owned}
	if strings.EqualFold(pt.text[start:min(start+4, end)], "the ") {
		// The role is what the phrase calls the person: "the foreign
		// secretary" (its last two words), or "the senator".
		if ts := titlesOf(strings.Fields(pt.text[start+4 : end])); len(ts) > 0 {
			src.role = ts[len(ts)-1]
			// A party or a country before the title stays with it:
			// "the Democratic presidential nominee" is not whoever
			// the text calls the Republican nominee.
			var mods []string
			for _, w := range strings.Fields(pt.text[start+4 : end]) {
				if lw := strings.ToLower(strings.TrimSuffix(w, ".")); startsUpper(w) && !slices.Contains(strings.Fields(src.role), lw) {
					mods = append(mods, lw) // titles are kept in lower case
				}
			}
			if len(mods) > 0 {
				src.role = strings.Join(mods, " ") + " " + src.role
			}
		}
		if documents[h] && len(strings.Fields(pt.text[start:end])) <= 3 {
			src.doc = h
		}
		before := strings.TrimRightFunc(pt.text[:start], unicode.IsSpace)
		if r, _ := utf8.DecodeLastRuneInString(before); bodies[h] && !unicode.IsLetter(r) {
			// "the council said", the whole subject: not "her
			// submission to the court noted".
			src.body = strings.ToUpper(h[:1]) + h[1:]
		}
	}
	return src
}

// openingOrg returns the organisation named at the start of a sentence
// ("The United Nations Security Council on Friday …"), or -1.
func (an *analysis) openingOrg(pi int, s sentence) int {
	pt := &an.paras[pi]
	for _, mi := range pt.ments {
		m := &an.ments[mi]
		if m.ent < 0 || m.possessed || m.inQuote || m.start < pt.toks[s.from].start {
			continue
		}
		if s.from+1 < s.to && m.start > pt.toks[s.from+1].start { // a leading "The" aside
			return -1
		}
		if e := an.ents[m.ent]; e.org || !e.maybePerson() {
			return m.ent
		}
		return -1
	}
	return -1
}

// appositiveBack finds the name before an appositive or relative clause
// that ends at the comma at token j: "Thomson, who is a former British
// ambassador to NATO, believes".
func (an *analysis) appositiveBack(pi int, s sentence, j int) source {
	pt := &an.paras[pi]
	pos := j
	skipped := false // the segment after pos was an aside
	for range 5 {
		k := pos - 1
		for k >= s.from && pt.punct(k) != "," && (pt.toks[k].kind != tQuote || pt.titleQuote(k)) {
			k-- // "Pence, appearing on CNN's “State of the Union”, said"
		}
		if k <= s.from || pt.toks[k].kind == tQuote || k+1 >= pos || pt.toks[k-1].kind != tWord {
			if skipped && pos-1 >= s.from && pt.toks[pos-1].kind == tWord {
				// "Carla Mendes, 52, of East Palestine, Ohio, said":
				// past the asides, the name that opens the sentence.
				return an.backNP(pi, s, pos-1)
			}
			return source{}
		}
		if place := placeAfterPlace(pt, k, pos); place || aside(pt, k+1, pos) {
			if !place && pt.word(k+1) != "of" {
				// "Mr. King, 82, told me": the name is right before.
				if src := an.backNP(pi, s, k-1); len(src.ents) > 0 || src.pronoun != "" {
					return src
				}
			}
			pos, skipped = k, true
			continue
		}
		if !appositiveStart(pt.word(k+1)) && !titledRole(pt.text, pt.toks, k+1, pos) && !affiliation(pt, k+1, pos) && !an.possessorRole(pi, k+1, pos) {
			// "Ann Lee's aide, Bo Park, said": a name in apposition,
			// perhaps after its role ("Its chairman, retired engineer
			// Keith Ormsby, said").
			if m := an.mentionEndingAt(pi, pt.toks[pos-1].end); m >= 0 && an.ments[m].ent >= 0 && an.roleThenName(pi, k+1, an.ments[m].start) && !an.complementBefore(pi, s, k) {
				return source{ents: []int{an.ments[m].ent}}
			}
			return source{}
		}
		if partyCode(pt.word(k - 1)) {
			// "Sen. Ruth Hale, R-Ohio, the panel's chair, said": the
			// code is an aside of its own.
			pos, skipped = k, true
			continue
		}
		if k2 := commaBefore(pt, s, k); k2 > s.from && partyMembers[pt.word(k2+1)] && pt.word(k2+2) == "of" {
			// "Sen. Elaine Brodsky, Democrat of Oregon, who sits on …,
			// said": the party and state are an aside too.
			pos, skipped = k, true
			continue
		}
		src := an.backNP(pi, s, k-1)
		if c := an.affiliationAside(pi, s, k-1); c >= 0 && len(src.ents) > 0 {
			// "Prof Helen Marsh, of the University of Bristol, who has
			// studied …, said": the university is an aside too.
			pos, skipped = c, true
			continue
		}
		if len(src.ents) > 0 || src.pronoun != "" {
			return src
		}
		if src.anon && npStart(pt, s, k-1) == s.from && determiners[strings.ToLower(pt.word(s.from))] {
			// "A resident, who did not want to be identified, said": the
			// unnamed subject speaks, not whoever "she" in her words is.
			return src
		}
		pos = k
	}
	return source{}
}

// commaBefore returns the comma of sentence s before token k, or -1 when
// a quotation or the sentence's start comes first.
func commaBefore(pt *paraText, s sentence, k int) int {
	for i := k - 1; i >= s.from && pt.toks[i].kind != tQuote; i-- {
		if pt.punct(i) == "," {
			return i
		}
	}
	return -1
}

// possessorRole reports whether tokens [from, to) are a role of someone
// named in the possessive: "Mrs. Clinton’s communications director" in
// "Jennifer Palmieri, Mrs. Clinton’s communications director, said".
func (an *analysis) possessorRole(pi, from, to int) bool {
	pt := &an.paras[pi]
	for _, mi := range pt.ments {
		m := &an.ments[mi]
		if m.start != pt.toks[from].start || !m.possessed {
			continue
		}
		for i := from + 1; i < to; i++ {
			if pt.toks[i].start >= m.end && pt.toks[i].kind == tWord {
				return roleNoun(strings.ToLower(pt.word(to - 1)))
			}
		}
	}
	return false
}

// titleQuote reports whether token k is a quotation that names a show, a
// book or the like ("“State of the Union”"): no one's words.
func (pt *paraText) titleQuote(k int) bool {
	q := pt.quotes[pt.toks[k].q]
	return looksLikeTitle(pt.text[q.start:q.end])
}

// affiliationAside returns the comma before an aside ", of the University
// of Bristol" whose name ends at token j, or -1.
func (an *analysis) affiliationAside(pi int, s sentence, j int) int {
	pt := &an.paras[pi]
	m := an.mentionEndingAt(pi, pt.toks[j].end)
	if m < 0 {
		return -1
	}
	t := j
	for t > s.from && pt.toks[t].start > an.ments[m].start {
		t--
	}
	if strings.EqualFold(pt.word(t-1), "the") {
		t--
	}
	if w := pt.word(t - 1); (w == "of" || w == "from" || w == "at") && t-2 > s.from && pt.punct(t-2) == "," {
		return t - 2
	}
	return -1
}

// affiliation reports whether tokens [from, to) say where a person comes
// from: "from the Institute for Fiscal Studies", "from Investec".
func affiliation(pt *paraText, from, to int) bool {
	if to-from < 2 || pt.word(from) != "from" {
		return false
	}
	next := pt.word(from + 1)
	return next == "the" || startsUpper(next)
}

// complementBefore reports whether the phrase that ends at the comma at
// token k names a person's role and is the object of "of", "for", "to",
// "at" or "representing" after a noun for another person: "A lawyer for
// the former water minister, Khaled Al-Masri, told …", where the lawyer
// speaks, not the minister.
func (an *analysis) complementBefore(pi int, s sentence, k int) bool {
	pt := &an.paras[pi]
	if !roleNoun(strings.ToLower(pt.word(k - 1))) {
		// "A lawyer for the news outlets, David Schulz, said": the name
		// renames the lawyer; only a person's role right before it
		// ("… for the former water minister, Khaled Al-Masri") takes it.
		return false
	}
	for i := k - 1; i > s.from && pt.toks[i].kind == tWord; i-- {
		if complementPreps[pt.word(i)] {
			return pt.toks[i-1].kind == tWord && an.commonNoun(pi, i-1) && !possessiveDeterminers[strings.ToLower(pt.word(i-1))]
		}
	}
	return false
}

// roleThenName reports whether the tokens of paragraph pi from token i up
// to byte offset name are words of a role, or none: the segment holds a
// name, with perhaps its role before it.
func (an *analysis) roleThenName(pi, i, name int) bool {
	pt := &an.paras[pi]
	for ; i < len(pt.toks) && pt.toks[i].start < name; i++ {
		if w := pt.word(i); w == "" || startsUpper(w) || !roleModifier(w) && !plainNoun(w) && !titleModifiers[w] {
			return false
		}
	}
	return true
}

// placeAfterPlace reports whether the segment between the commas at
// tokens k and pos is a place that completes the one before it ("of
// Austin, Texas,"): capitalised words after a segment that opens with
// "of", "from" or "in".
func placeAfterPlace(pt *paraText, k, pos int) bool {
	for i := k + 1; i < pos; i++ {
		if !startsUpper(pt.word(i)) && pt.punct(i) != "." { // "Springfield, Va.,"
			return false
		}
	}
	for i := k - 1; i > 0 && pt.toks[i].kind == tWord; i-- {
		if w := pt.word(i); (w == "of" || w == "from" || w == "in") && pt.punct(i-1) == "," {
			return true
		}
	}
	// "Clinton, speaking at a rally in Kent, Ohio, called": a state of
	// one word after "in" or "at" and a place's name, inside an aside.
	if len(pt.wordsIn(k+1, pos)) != 1 {
		return false
	}
	i := k - 1
	for i > 0 && startsUpper(pt.word(i)) {
		i--
	}
	return i < k-1 && (pt.word(i) == "in" || pt.word(i) == "at")
}

// partyCode reports whether w is a party and state ("R-Ky.", "D-Mich",
// "R-Ohio") as American copy sets it after a lawmaker's name.
func partyCode(w string) bool {
	return len(w) > 2 && strings.Contains("RDI", w[:1]) && w[1] == '-' && startsUpper(w[2:])
}

// asideOpeners open a phrase that sits between a subject and its verb
// without describing the subject: "Clinton, at a later press gaggle,
// said", "Smith, for his part, said". They are English grammar, not words
// of any text.
var asideOpeners = wordSet(`in at on during after before for with without like unlike despite
	however meanwhile though too also instead nevertheless speaking writing responding
	asked pressed interviewed by appearing campaigning visiting standing addressing
	testifying`)

// aside reports whether tokens [from, to), set off by commas before a cue
// verb, are an aside rather than the subject: an age ("Quina Jones, 25,
// said"), a home town ("of Dayton"), a party and state ("R-Kan.") or a
// phrase of time, place or manner.
func aside(pt *paraText, from, to int) bool {
	w := pt.word(from)
	if to-from == 1 && len(w) <= 3 && strings.Trim(w, "0123456789") == "" && w != "" {
		return true
	}
	if w == "of" && startsUpper(pt.word(from+1)) {
		return true // "Ann Poole, 34, of Dayton, said"
	}
	if partyCode(w) && to-from <= 2 {
		return true // "Sen. Dale Prewitt, R-Kan., said"
	}
	if partyMembers[w] && pt.word(from+1) == "of" {
		return true // "Senator Dianne Feinstein, Democrat of California, said"
	}
	return asideOpeners[strings.ToLower(w)]
}

// appositiveStart reports whether w can open an appositive or relative
// clause about a person: "a former …", "director of …", "who …".
func appositiveStart(w string) bool {
	switch w {
	case "a", "an", "the", "who", "whose":
		return true
	}
	if len(w) > 2 && strings.Contains("RDI", w[:1]) && w[1] == '-' && startsUpper(w[2:]) {
		return true // a party and state: McConnell, R-Ky., said
	}
	if _, poss := stripPossessive(w); poss {
		return true // China, Pyongyang's only ally, said
	}
	if w == "" || startsUpper(w) || appositiveReject[w] || cueVerbs[w] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLetter(r) {
		return false
	}
	return !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "ed")
}

// clauseSubject finds the source of a noun cue ("shared his hope that")
// or a participle ("…, saying “…”"): the subject of the clause, taken as
// the first person named before the cue that opens the sentence or follows
// a comma ("During a speech, Trump attacked …"), else the nearest he or
// she.
func (an *analysis) clauseSubject(pi int, s sentence, c int) source {
	pt := &an.paras[pi]
	for _, mi := range pt.ments {
		m := &an.ments[mi]
		if m.start < pt.toks[s.from].start || m.start >= pt.toks[c].start || m.ent < 0 || m.inQuote || m.possessed {
			continue
		}
		if e := an.ents[m.ent]; e.org || !e.person && !e.source {
			continue
		}
		i := s.from
		for i < c && pt.toks[i].start < m.start {
			i++
		}
		if i == s.from || pt.punct(i-1) == "," {
			return source{ents: []int{m.ent}}
		}
	}
	for j := c - 1; j >= s.from; j-- {
		if w := strings.ToLower(pt.word(j)); personPronouns[w] {
			return source{pronoun: w}
		}
	}
	return source{}
}

// insideMention reports whether byte off of paragraph pi falls inside a
// name, after its first word.
func (an *analysis) insideMention(pi int, off int) bool {
	for _, mi := range an.paras[pi].ments {
		if m := &an.ments[mi]; m.start < off && off < m.end {
			return true
		}
	}
	return false
}

// mentionEndingAt returns the index of the mention of paragraph pi that
// ends at byte end (possessive aside), or -1.
func (an *analysis) mentionEndingAt(pi int, end int) int {
	pt := &an.paras[pi]
	for _, mi := range pt.ments {
		m := &an.ments[mi]
		if m.end == end || m.possessed && m.end < end && end-m.end <= 3 && m.end > m.start {
			return mi
		}
	}
	return -1
}

// resolve turns a pronoun at place at into the most recent compatible
// source: a person quoted, or named as the subject of a sentence, in this
// paragraph or an earlier one. It returns -1 when there is none, or when a
// later sentence named someone else the pronoun could stand for (see
// rival).
func (an *analysis) resolve(pronoun string, at mark) int {
	for i := len(an.salient) - 1; i >= 0; i-- {
		if an.salient[i] == unknownEntity {
			return -1
		}
		e := an.ents[an.salient[i]]
		if g, ok := an.voice[an.salient[i]]; ok && (g == 0 || pronoun == "he" && g == 'm' || pronoun == "she" && g == 'f') {
			return an.salient[i] // the organisation's spokeswoman
		}
		if !e.maybePerson() || !fits(pronoun, e) {
			continue
		}
		if an.rival(an.salient[i], pronoun, at) {
			return -1
		}
		return an.salient[i]
	}
	return -1
}

// fits reports whether pronoun may stand for e.
func fits(pronoun string, e *entity) bool {
	return !(pronoun == "he" && e.gender == 'f' || pronoun == "she" && e.gender == 'm')
}

// rival reports whether a person the pronoun could stand for, other than
// e, is named outside quotations after the sentence in which e last became
// salient and before the pronoun at place at. In "Grace Adeyemi said …. The
// governor called the widow, Amara Okafor. “He was kind,” she said." the
// widow may be the one who speaks: with two candidates the pronoun is left
// unresolved rather than guessed. Someone named in the same sentence as e
// ("Field attacked Ben Cole. “He lies,” he said.") is no rival: the
// sentence's subject stays the antecedent.
func (an *analysis) rival(e int, pronoun string, at mark) bool {
	from, ok := an.touchedAt[e]
	if !ok {
		return false
	}
	for pi := from.para; pi <= at.para && pi < len(an.paras); pi++ {
		for _, mi := range an.paras[pi].ments {
			m := &an.ments[mi]
			p := mark{pi, m.start}
			if p.before(from) || !p.before(at) || m.ent < 0 || m.ent == e || m.inQuote || m.possessed {
				continue
			}
			if pi == at.para && m.end <= at.off && strings.TrimSpace(an.paras[pi].text[m.end:at.off]) == ", "+pronoun {
				continue // "Reyes, he said, had …": whom he speaks of
			}
			if o := an.ents[m.ent]; o.maybePerson() && fits(pronoun, o) {
				return true
			}
		}
	}
	return false
}

// speakersOf resolves a cue's source to entities, pushing them onto the
// salience list.
func (an *analysis) speakersOf(h *cueHit) []int {
	if h.speakers != nil || !h.src.found() {
		return h.speakers
	}
	switch {
	case h.src.pronoun != "":
		at := mark{an.at.para, an.paras[an.at.para].toks[h.tok].start}
		if e := an.resolve(h.src.pronoun, at); e >= 0 {
			h.speakers = []int{e}
		}
	case h.src.role != "":
		if e := an.byRole(h.src.role); e >= 0 {
			h.speakers = []int{e}
		}
	case len(h.src.ents) > 0:
		h.speakers = h.src.ents
		for _, e := range h.src.ents {
			ent := an.ents[e]
			ent.source = true
			if h.src.orgNP != "" && !an.personal(e) {
				// "The Clinton campaign said" is Clinton's side
				// speaking, and Clinton stays a person.
				if len(ent.words) == 1 && nationalities[ent.name] && !documents[strings.ToLower(lastWord(h.src.orgNP))] {
					// "The Welsh government said": an adjective names no
					// one, so the body is named in full.
					ent.name = h.src.orgNP
				}
				ent.org = true
				ent.person = false
				if h.src.orgNP != ent.name {
					addAlias(ent, h.src.orgNP)
					addDesc(ent, h.src.orgNP)
				}
			}
		}
	}
	if h.speakers == nil {
		h.speakers = []int{}
	}
	if h.src.stranger {
		// "The prime minister's spokesman said …. But he added: …": the
		// next "he" may be the unnamed spokesman, so it is left unresolved
		// rather than given to someone named earlier.
		an.touch(unknownEntity)
	}
	g, spokes := an.spokesperson(h.tok)
	for _, e := range h.speakers {
		if spokes && len(h.speakers) == 1 && an.ents[e].org {
			if an.voice == nil {
				an.voice = map[int]byte{}
			}
			an.voice[e] = g
		} else {
			delete(an.voice, e)
		}
		an.touch(e)
	}
	return h.speakers
}

// spokesperson reports whether a spokesman, spokeswoman or spokesperson
// stands within five tokens on either side of the cue at token c of the
// paragraph being read, with no sentence's end or quotation between, and
// the pronoun's gender ('m', 'f' or 0) that may stand for them.
func (an *analysis) spokesperson(c int) (byte, bool) {
	pt := &an.paras[an.at.para]
	for _, dir := range []int{-1, 1} {
		for i := c + dir; i >= 0 && i < len(pt.toks) && (i-c)*dir <= 5; i += dir {
			if pt.toks[i].kind == tQuote || strings.Contains(".?!:;", pt.punct(i)) && pt.punct(i) != "" {
				break
			}
			switch w := strings.ToLower(pt.word(i)); {
			case w == "spokesman":
				return 'm', true
			case w == "spokeswoman":
				return 'f', true
			case spokesWords[w]:
				return 0, true
			}
		}
	}
	return 0, false
}

// personal reports whether entity e is known to be a person: by a title,
// a gender, or a full name that is no organisation's.
func (an *analysis) personal(e int) bool {
	ent := an.ents[e]
	return !ent.org && (ent.person || ent.gender != 0 || len(ent.words) >= 2 && !orgShaped(ent.words))
}

// nationalities are adjectives of countries and peoples, which open the
// name of a body ("the Welsh government", "the Spanish foreign ministry")
// but name no one alone.
var nationalities = wordSet(`Afghan Albanian Algerian American Angolan Argentine Argentinian Armenian
	Australian Austrian Azerbaijani Bangladeshi Belarusian Belgian Bolivian Bosnian Brazilian British
	Bulgarian Burmese Cambodian Cameroonian Canadian Chilean Chinese Colombian Congolese Croatian Cuban
	Cypriot Czech Danish Dutch Ecuadorian Egyptian English Eritrean Estonian Ethiopian European Filipino
	Finnish French Georgian German Ghanaian Greek Guatemalan Haitian Honduran Hungarian Icelandic Indian
	Indonesian Iranian Iraqi Irish Israeli Italian Ivorian Jamaican Japanese Jordanian Kazakh Kenyan
	Korean Kosovan Kurdish Kuwaiti Kyrgyz Latvian Lebanese Libyan Lithuanian Macedonian Malaysian Malian
	Maltese Mexican Moldovan Mongolian Montenegrin Moroccan Mozambican Nepalese Nigerian Norwegian Omani
	Pakistani Palestinian Panamanian Paraguayan Peruvian Polish Portuguese Qatari Romanian Russian
	Rwandan Saudi Scottish Senegalese Serbian Singaporean Slovak Slovakian Slovenian Somali
	Spanish Sudanese Swedish Swiss Syrian Taiwanese Tajik Tanzanian Thai Tunisian Turkish Turkmen
	Ugandan Ukrainian Uruguayan Uzbek Venezuelan Vietnamese Welsh Yemeni Zambian Zimbabwean`)

// documents are what an organisation speaks through, not bodies of
// their own: "a Kremlin press release", "the NAO report".
var documents = wordSet(`release report statement survey study poll analysis memo letter ruling
	filing document paper review audit website account`)

// lastWord returns the last space-separated word of s.
func lastWord(s string) string { return s[strings.LastIndexByte(s, ' ')+1:] }

// byRole returns the person a definite role ("the senator") stands for,
// making them the latest on the salience list, or -1. When no one bears
// that title and the latest person holds another office ("the prime
// minister" after "Tory co-chairman Liam Fox"), the role is someone else:
// a "he" that follows is left unresolved rather than given to that
// person.
func (an *analysis) byRole(role string) int {
	if e := an.titled(role); e >= 0 {
		an.touch(e)
		return e
	}
	if n := len(an.salient); n > 0 && an.salient[n-1] != unknownEntity {
		// Compared by the role's last word: "the presidential nominee"
		// may be the person called "Republican nominee".
		head := role[strings.LastIndexByte(role, ' ')+1:]
		if e := an.ents[an.salient[n-1]]; holdsOffice(e) && !e.titles[head] && !anyOffice[role] {
			an.touch(unknownEntity)
		}
	}
	return -1
}

// holdsOffice reports whether the text gives e an office ("co-chairman",
// "leader", "senator"), not only a role that many share ("rival",
// "journalist"): someone called by another office is someone else.
func holdsOffice(e *entity) bool {
	for t := range e.titles {
		t = t[strings.LastIndexAny(t, " -")+1:]
		if isTitle(t) {
			return true
		}
	}
	return false
}

// anyOffice are roles that any office holder may be called, alone:
// "Foreign Secretary Boris Johnson … the minister said" is still him,
// while "the prime minister" names an office of its own.
var anyOffice = wordSet(`minister official lawmaker legislator politician leader executive officer`)

// titled returns the one person of the article who bears title role
// ("the senator" after "Sen. Ted Cruz"), or -1 when none or several do:
// with two senators named, "the senator" could be either. A role of two
// words that no one bears ("the Texas senator") falls back to its last
// word, unless the one bearing that word holds it with another first
// word ("the foreign secretary" is not the home secretary).
func (an *analysis) titled(role string) int {
	if e := an.bearer(role); e >= 0 || !strings.Contains(role, " ") {
		return e
	}
	head := role[strings.LastIndexByte(role, ' ')+1:]
	e := an.bearer(head)
	if e < 0 {
		return -1
	}
	for t := range an.ents[e].titles {
		if strings.HasSuffix(t, " "+head) && t != role {
			return -1
		}
	}
	return e
}

// bodies are nouns of organisations whose names hold them: "Westvale
// Council … the council said".
var bodies = wordSet(`council union party bank committee ministry department agency university
	college court commission board bureau office police army navy campaign foundation institute
	association club society trust company corporation group service`)

// bodyNear returns the organisation "the <body>" stands for at token c of
// sentence si of paragraph pi: the one that opens that sentence before the
// cue, or else the sentence before, as its subject, when its name holds
// the word ("The Metropolitan Police said it had arrested a man. “Inquiries
// continue,” the police said."); or -1. An organisation named later in
// those sentences is an object ("HSBC cut its rates after the Bank of
// England … the bank said"), so it never counts.
func (an *analysis) bodyNear(pi, si, c int, w string) int {
	pt := &an.paras[pi]
	if e := an.openingOrg(pi, pt.sents[si]); e >= 0 && c > pt.sents[si].from+1 {
		if an.ents[e].org && slices.Contains(an.ents[e].words, w) {
			return e
		}
		return -1
	}
	var e int
	switch {
	case si > 0:
		e = an.openingOrg(pi, pt.sents[si-1])
	case pi > 0 && len(an.paras[pi-1].sents) > 0:
		prev := an.paras[pi-1].sents
		e = an.openingOrg(pi-1, prev[len(prev)-1])
	default:
		return -1
	}
	if e < 0 || !an.ents[e].org || !slices.Contains(an.ents[e].words, w) {
		return -1
	}
	return e
}

// docSource returns the author of the document "the <doc>" stands for at
// sentence si of paragraph pi: where the text last brought in a document
// of that word, in this paragraph or the two before, the name after "by"
// or "from" ("a report released on Tuesday by the Dryland Futures
// Alliance", "a letter from his sister, Lucia"), or else the subject of
// that sentence ("In a statement, Jennifer Palmieri … said"); or -1.
func (an *analysis) docSource(pi, si int, doc string) int {
	for p := pi; p >= 0 && p >= pi-2; p-- {
		pt := &an.paras[p]
		last := len(pt.sents) - 1
		if p == pi {
			last = si - 1
		}
		for i := last; i >= 0; i-- {
			s := pt.sents[i]
			for k := s.from; k < s.to; k++ {
				if w := strings.ToLower(pt.word(k)); w != doc && w != doc+"s" {
					continue
				}
				for j := k + 1; j < s.to && j <= k+8; j++ {
					if w := pt.word(j); w != "by" && w != "from" {
						continue
					}
					if slices.ContainsFunc(pt.wordsIn(k+1, j), func(w string) bool { return deliveryVerbs[w] }) {
						// "a statement read to the court by Ms Thorne": who
						// reads it out did not write it.
						return -1
					}
					for _, mi := range pt.ments {
						m := &an.ments[mi]
						if m.ent >= 0 && !m.inQuote && m.start > pt.toks[j].start && m.end <= pt.toks[min(j+8, s.to-1)].end {
							return m.ent
						}
					}
					return -1
				}
				if subj := an.subjects(p, s); len(subj) > 0 {
					return an.ments[subj[0]].ent
				}
				return an.openingOrg(p, s)
			}
		}
	}
	return -1
}

// deliveryVerbs pass on a document someone else wrote.
var deliveryVerbs = wordSet(`read delivered presented handed given`)

// bearer returns the one person with title t, or -1.
func (an *analysis) bearer(t string) int {
	found := -1
	for i, e := range an.ents {
		if e.first < len(an.ments) {
			if m := &an.ments[e.first]; an.at.before(mark{m.para, m.start}) {
				continue // named only later: "the spokesperson" cannot mean them yet
			}
		}
		if e.titles[t] && !e.org {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// unknownEntity stands on the salience list for a speaker the text does
// not name.
const unknownEntity = -1

// strangers are heads of a noun phrase that brings in a person the text
// does not name, and who is not someone named before: unlike "the former
// minister", "a spokesman" is rarely a person already named.
var strangers = wordSet(`spokesman spokeswoman spokesperson aide official source insider`)

// touch makes entity e the most recent on the salience list.
func (an *analysis) touch(e int) {
	if e != unknownEntity {
		if an.touchedAt == nil {
			an.touchedAt = map[int]mark{}
		}
		an.touchedAt[e] = an.at
	}
	if n := len(an.salient); n > 0 && an.salient[n-1] == e {
		return
	}
	an.salient = append(an.salient, e)
}
