package corpus

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// mention is one capitalised name in a paragraph: "Sir Adam Thomson",
// "Russian President Vladimir Putin", "Thomson", "Kremlin".
type mention struct {
	para       int // 0-based paragraph index
	start, end int // byte offsets of the whole sequence, titles included
	// words are the name proper, titles dropped, abbreviation periods kept
	// ("K.T.", "McFarland").
	words []string
	// starts holds the byte offset of each word.
	starts []int
	// pre are the title words before the name ("Russian", "President").
	pre       []string
	titled    bool // a person's title (Sir, Gen., President) precedes the name
	initial   bool // the first word opens a sentence and may be an ordinary word
	inQuote   bool
	possessed bool // written with ’s
	placed    bool // after "in", "to", "from": a place more often than a person
	cued      bool // followed by a cue verb: "Google said"
	// who is set for a name that opens a sentence followed by ", who"
	// ("Mateo, who works weekends, …"; not "of Ashton, Md., who …") or
	// is set off after a role ("Her daughter, Sofia, …"): a person, though
	// the name be one word.
	who      bool
	tokStart int // index of the name's first token in the paragraph's tokens
	tokEnd   int // index of the token after the name
	ent      int // entity index, -1 until clustered
}

func (m *mention) key() string { return strings.Join(m.words, " ") }

// entity is a person or organisation: the mentions that name it.
type entity struct {
	name    string
	words   []string
	aliases []string
	first   int // index of the first mention in article order
	count   int // mentions
	placed  int // mentions after "in", "to", "from"
	paras   []int
	person  bool // some evidence it is a person
	org     bool // some evidence it is an organisation or place
	source  bool // words are attributed to it
	gender  byte // 'm', 'f' or 0 when unknown
	desc    []string
	// titles are the titles the article gives it, spelt out and lower
	// case: "senator" for "Sen. Ted Cruz".
	titles map[string]bool
	// votes for gender from pronouns that follow it as a sentence subject.
	he, she int
}

// capStop are capitalised words that open sentences and never start a name.
var capStop = map[string]bool{
	"The": true, "A": true, "An": true, "But": true, "And": true, "Or": true, "In": true,
	"On": true, "At": true, "He": true, "She": true, "It": true, "They": true, "We": true,
	"I": true, "You": true, "This": true, "That": true, "These": true, "Those": true,
	"His": true, "Her": true, "Their": true, "Our": true, "My": true, "Its": true, "If": true, "Former": true,
	"When": true, "While": true, "As": true, "After": true, "Before": true, "Since": true,
	"For": true, "With": true, "From": true, "To": true, "By": true, "Of": true, "So": true,
	"Yet": true, "Still": true, "There": true, "Here": true, "What": true, "Why": true,
	"How": true, "Who": true, "Where": true, "Which": true, "According": true,
	"Although": true, "Though": true, "Because": true, "Not": true, "No": true, "Yes": true,
	"Also": true, "Even": true, "Just": true, "Now": true, "Then": true, "Some": true,
	"Many": true, "Most": true, "All": true, "Both": true, "Each": true, "Every": true,
	"Meanwhile": true, "However": true, "Instead": true, "Like": true, "Unlike": true,
	"Under": true, "Over": true, "During": true, "Until": true, "Despite": true, "Among": true,
	"Me": true, "Him": true, "Them": true, "Us": true, "Your": true, "One": true, "Two": true,
	"Later": true, "Earlier": true, "Afterwards": true, "Previously": true, "Recently": true,
	"Separately": true, "Similarly": true, "Finally": true, "Eventually": true, "Indeed": true,
}

// calendarWords are capitalised but name no one.
var calendarWords = map[string]bool{
	"January": true, "February": true, "March": true, "April": true, "May": true, "June": true,
	"July": true, "August": true, "September": true, "October": true, "November": true,
	"December": true, "Jan.": true, "Feb.": true, "Mar.": true, "Apr.": true, "Jun.": true,
	"Jul.": true, "Aug.": true, "Sep.": true, "Sept.": true, "Oct.": true, "Nov.": true,
	"Dec.": true, "Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true,
	"Friday": true, "Saturday": true, "Sunday": true,
}

// orgWords mark a name as an organisation or a place, never a person.
var orgWords = map[string]bool{
	"House": true, "Senate": true, "Congress": true, "Committee": true, "Department": true,
	"Network": true, "Council": true, "Commission": true, "University": true, "College": true,
	"School": true, "Agency": true, "Bureau": true, "Office": true, "Court": true, "Party": true,
	"Union": true, "Association": true, "Institute": true, "Foundation": true, "Center": true,
	"Centre": true, "Company": true, "Corporation": true, "Inc.": true, "Corp.": true,
	"Group": true, "News": true, "Post": true, "Times": true, "Journal": true, "Magazine": true,
	"Street": true, "Avenue": true, "Airport": true, "Hospital": true, "Church": true,
	"Bank": true, "Fund": true, "Trust": true, "Service": true, "Administration": true,
	"Ministry": true, "Army": true, "Navy": true, "Force": true, "Guard": true, "Police": true,
	"Republicans": true, "Democrats": true, "Republican": true, "Democratic": true,
	"Federal": true, "National": true, "State": true, "States": true, "United": true,
	"Democrat": true, "Labour": true, "Conservative": true, "Conservatives": true,
	"Nations": true, "Campaign": true, "Project": true, "Coalition": true, "Alliance": true,
	"Organization": true, "Organisation": true, "Club": true, "Society": true, "Media": true,
	"Press": true, "Radio": true, "Television": true, "Reserve": true, "Security": true,
	"Tower": true, "Hall": true, "City": true, "County": true, "Island": true, "River": true,
	"East": true, "West": true, "North": true, "South": true, "Middle": true,
	"Treaty": true, "Act": true, "Kingdom": true, "Republic": true, "Empire": true,
	"Year": true, "Christmas": true, "Easter": true, "Prison": true, "Lords": true,
	"Dem": true, "Dems": true,
	"Board": true, "Forum": true, "Review": true, "Library": true, "League": true,
	"Museum": true, "Capitol": true, "Pentagon": true,
	"Convention": true, "Conference": true, "Summit": true, "Symposium": true,
	"Assembly": true, "Parliament": true, "Festival": true,
}

// possessedBodies are the heads of organisations' names that take a
// possessive before them: "The King's Fund", "St Thomas' Hospital".
var possessedBodies = map[string]bool{"Fund": true, "Office": true, "College": true, "Hospital": true,
	"Institute": true, "School": true, "Church": true, "Society": true, "Trust": true, "Association": true,
	"Foundation": true, "Bureau": true, "Club": true, "Centre": true, "Center": true, "University": true}

// onBodies are the heads of names of bodies that go on with "on":
// "Council on Foreign Relations".
var onBodies = map[string]bool{"Commission": true, "Council": true, "Committee": true, "Subcommittee": true,
	"Board": true, "Conference": true, "Panel": true}

// locatives come before places: "in Russia", "across Wales".
var locatives = map[string]bool{"in": true, "to": true, "from": true, "across": true, "throughout": true, "into": true, "near": true, "outside": true, "inside": true, "within": true}

// postTitles follow a name: "Margaret Moran MP".
var postTitles = map[string]bool{"MP": true, "MEP": true, "MSP": true, "QC": true}

// honorifics belong to a name and stay in its alias ("Sir Adam Thomson").
var honorifics = map[string]bool{"Sir": true, "Dame": true, "Lord": true, "Lady": true, "Baroness": true, "Baron": true}

// compass words open a place's name ("West Yorkshire"), never a title.
var compass = wordSet(`East West North South Middle`)

// bodyWords head the names of institutions: "for" may follow one inside
// the name ("Center for Responsive Politics", "Institute for Fiscal
// Studies"), and a name that holds "and" ends in one ("West Yorkshire
// Fire and Rescue Service").
var bodyWords = wordSet(`Center Centre Centers Centres Institute Committee Council Commission
	Foundation Association Society Alliance Coalition Campaign Project Fund Trust Office Agency
	Bureau Department Ministry Union Network Organization Organisation Partnership Forum Service
	Services Administration Authority Board Federation Court`)

// nameConnectors are lower-case particles inside names (Charles de Gaulle).
var nameConnectors = map[string]bool{"de": true, "van": true, "von": true, "bin": true, "al": true, "da": true, "du": true, "del": true, "la": true, "le": true, "der": true, "den": true, "dos": true, "das": true}

// spelt gives the word that abbreviated titles stand for, as a text
// refers back to their bearer: "Sen. Ted Cruz … the senator".
var spelt = map[string]string{
	"sen": "senator", "rep": "congressman", "gov": "governor", "gen": "general",
	"lt": "lieutenant", "col": "colonel", "capt": "captain", "sgt": "sergeant",
	"adm": "admiral", "maj": "major", "prof": "professor", "rev": "reverend",
	"congresswoman": "congressman", "representative": "congressman",
	"chairwoman": "chairman",
}

// courtesy are titles that say nothing of what a person does.
var courtesy = wordSet(`mr mrs ms miss mx dr sir dame lord lady`)

// addTitle records that the text gives e title t.
func addTitle(e *entity, t string) {
	if e.titles == nil {
		e.titles = map[string]bool{}
	}
	e.titles[t] = true
}

// titlesOf returns what a noun phrase may call the bearer of title words
// ws, spelt out in lower case: the title ("secretary") and the title with
// the word before it ("home secretary"), so that "the foreign secretary"
// is not taken for the home secretary, both led by "former" when the
// title is no longer held. It returns nil when the last word is no title.
func titlesOf(ws []string) []string {
	var kept []string
	past := false
	for _, w := range ws {
		w = strings.ToLower(strings.TrimSuffix(w, "."))
		past = past || pastModifiers[w]
		if titleModifiers[w] || courtesy[w] {
			continue // "former", "acting"; "Mr", "Sir" say no role
		}
		if full, ok := spelt[w]; ok {
			w = full
		}
		kept = append(kept, w)
	}
	if len(kept) == 0 || !isTitle(kept[len(kept)-1]) && !roleNoun(kept[len(kept)-1]) {
		return nil
	}
	out := []string{kept[len(kept)-1]}
	if n := len(kept); n >= 2 {
		out = append(out, kept[n-2]+" "+kept[n-1])
	}
	if past {
		// "Former president Donald Trump" is no "the president".
		for i := range out {
			out[i] = "former " + out[i]
		}
	}
	return out
}

// pastModifiers say that a title is no longer held.
var pastModifiers = wordSet(`former ex late then retired onetime erstwhile`)

// isTitle reports whether w (periods ignored) is a person's title.
func isTitle(w string) bool {
	return titles[strings.ToLower(strings.TrimSuffix(w, "."))]
}

// isInitials reports whether w is an initial or run of initials ("W.", "K.T.").
func isInitials(w string) bool {
	if !strings.HasSuffix(w, ".") || len(w) > 6 {
		return false
	}
	for _, part := range strings.Split(strings.TrimSuffix(w, "."), ".") {
		r, size := utf8.DecodeRuneInString(part)
		if size != len(part) || !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// nicknameAt returns how many tokens a nickname in quotation marks takes
// at token j inside a name ("Tyler “Tank” Madsen": the marks and one or
// two capitalised words), when a capitalised word follows it, or 0.
func nicknameAt(p string, toks []token, j int) int {
	open := p[toks[j].start:toks[j].end]
	if open != "“" && open != "\"" && open != "‘" {
		return 0
	}
	k := j + 1
	for k < len(toks) && k-j <= 2 && toks[k].kind == tWord && startsUpper(p[toks[k].start:toks[k].end]) {
		k++
	}
	if k == j+1 || k >= len(toks) || toks[k].kind != tPunct {
		return 0
	}
	if c := p[toks[k].start:toks[k].end]; c != "”" && c != "\"" && c != "’" {
		return 0
	}
	if k+1 >= len(toks) || toks[k+1].kind != tWord || !startsUpper(p[toks[k+1].start:toks[k+1].end]) {
		return 0
	}
	return k + 1 - j
}

// placeInitials are initials that name places, not people.
var placeInitials = map[string]bool{"U.S.": true, "U.K.": true, "U.N.": true, "E.U.": true, "D.C.": true, "N.Y.": true, "L.A.": true}

// findMentions lists the capitalised name sequences of paragraph p, read
// from its tokens with quotation marks as punctuation.
func findMentions(para int, p string, toks []token, qs []qspan) []mention {
	var out []mention
	for i := 0; i < len(toks); {
		t := toks[i]
		w := p[t.start:t.end]
		if t.kind != tWord || !startsUpper(w) {
			i++
			continue
		}
		m := mention{para: para, start: t.start, initial: opensSentence(p, toks, i)}
		var words []string
		var starts []int // byte offset of each word
		j := i
		for j < len(toks) {
			t := toks[j]
			if t.kind == tPunct && len(words) > 0 && (p[t.start:t.end] == "[" || p[t.start:t.end] == "]") &&
				j+1 < len(toks) && toks[j+1].kind == tWord && startsUpper(p[toks[j+1].start:toks[j+1].end]) {
				j++ // Gen. [Philip] Breedlove
				continue
			}
			if t.kind != tWord {
				if n := nicknameAt(p, toks, j); len(words) > 0 && n > 0 {
					j += n // Tyler “Tank” Madsen
					continue
				}
				if len(words) > 0 && p[t.start:t.end] == "/" && t.start == toks[j-1].end && j+1 < len(toks) &&
					toks[j+1].kind == tWord && toks[j+1].start == t.end && startsUpper(p[toks[j+1].start:toks[j+1].end]) {
					// "a CNN/ORC poll": one name.
					words[len(words)-1] += "/" + p[toks[j+1].start:toks[j+1].end]
					m.end = toks[j+1].end
					j += 2
					continue
				}
				break
			}
			w := p[t.start:t.end]
			if !startsUpper(w) && len(words) > 0 && arabicArticle(w) {
				// "Bashar al-Assad", "Abu Bakr al-Baghdadi"
				words = append(words, w)
				starts = append(starts, t.start)
				m.end = t.end
				j++
				continue
			}
			if !startsUpper(w) {
				if len(words) > 0 && nameConnectors[w] && j+2 < len(toks) && toks[j+1].kind == tWord && toks[j+2].kind == tWord &&
					nameConnectors[p[toks[j+1].start:toks[j+1].end]] && startsUpper(p[toks[j+2].start:toks[j+2].end]) {
					// "Tomás de la Cruz", "Anna van der Berg".
					words = append(words, w, p[toks[j+1].start:toks[j+1].end])
					starts = append(starts, t.start, toks[j+1].start)
					j += 2
					continue
				}
				if len(words) > 0 && (nameConnectors[w] || w == "of" && (orgWords[words[len(words)-1]] && !partyMembers[words[len(words)-1]] || isTitle(words[len(words)-1])) ||
					w == "for" && bodyWords[words[len(words)-1]] || w == "and" && slices.Contains(words, "for") ||
					w == "on" && onBodies[words[len(words)-1]] && j+1 < len(toks) && !calendarWords[p[toks[j+1].start:toks[j+1].end]]) &&
					j+1 < len(toks) && toks[j+1].kind == tWord && startsUpper(p[toks[j+1].start:toks[j+1].end]) {
					// "Charles de Gaulle"; "Bank of England", "Governor of
					// Texas Greg Abbott", "Commission on Presidential
					// Debates" (but not "the Council on Monday"); "Centers
					// for Disease Control and Prevention", where "and"
					// joins the words of what the body is for.
					words = append(words, w)
					starts = append(starts, t.start)
					j++
					continue
				}
				break
			}
			if len(words) > 0 && (capStop[w] || calendarWords[w] && numberNext(p, toks, j)) || lowerAfterHyphen(w) {
				break // "Ivy League-trained surgeon" names no one
			}
			end := t.end
			j++
			if j < len(toks) && toks[j].kind == tPunct && p[toks[j].start:toks[j].end] == "." && toks[j].start == t.end && abbrevAt(p, toks, j-1) &&
				!(j+1 < len(toks) && toks[j+1].kind == tWord && capStop[p[toks[j+1].start:toks[j+1].end]]) {
				w += "."
				end = toks[j].end
				j++
			}
			bare, poss := stripPossessive(w)
			if poss && j < len(toks) && toks[j].kind == tWord && possessedBodies[p[toks[j].start:toks[j].end]] {
				// "The King's Fund", "the Sheriff's Office": the
				// possessive is inside an organisation's name ("Kaine's
				// Senate seat" is not).
				words = append(words, w)
				starts = append(starts, t.start)
				m.end = end
				continue
			}
			words = append(words, bare)
			starts = append(starts, t.start)
			m.end = end
			if poss {
				m.possessed = true
				break
			}
		}
		m.tokStart, m.tokEnd = i, j
		if i > 0 && toks[i-1].kind == tWord {
			m.placed = locatives[p[toks[i-1].start:toks[i-1].end]]
		}
		if j < len(toks) && toks[j].kind == tWord {
			m.cued = cueVerbs[p[toks[j].start:toks[j].end]]
		}
		w2 := j + 1
		if w2+2 < len(toks) && toks[w2].kind == tWord && numberNext(p, toks, w2-1) && p[toks[w2+1].start:toks[w2+1].end] == "," {
			w2 += 2 // "Olena, 42, who declined to give her surname"
		}
		m.who = opensSentence(p, toks, i) && w2 < len(toks) && p[toks[j].start:toks[j].end] == "," && toks[w2].kind == tWord && p[toks[w2].start:toks[w2].end] == "who" ||
			i >= 2 && j < len(toks) && p[toks[j].start:toks[j].end] == "," && p[toks[i-1].start:toks[i-1].end] == "," &&
				toks[i-2].kind == tWord && roleNoun(p[toks[i-2].start:toks[i-2].end])
		i = max(j, i+1)
		m.inQuote = inQuotes(qs, m.start)
		if ms, ok := shapeMention(m, words, starts); ok {
			out = append(out, ms)
		}
	}
	return out
}

// headline reports whether a paragraph is set in title case ("Hillary
// Clinton Goes After Donald Trump"), where capitals do not mark names.
func headline(p string, toks []token) bool {
	words, capped := 0, 0
	for _, t := range toks {
		w := p[t.start:t.end]
		if t.kind != tWord || len(w) <= 4 && titleSmallWords[strings.ToLower(w)] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if unicode.IsUpper(r) {
			capped++
		}
	}
	return words >= 6 && capped*10 >= words*8
}

// numberNext reports whether the token after token j is a number: "May
// 5" is a date, "Theresa May" a name.
func numberNext(p string, toks []token, j int) bool {
	if j+1 >= len(toks) || toks[j+1].kind != tWord {
		return false
	}
	r, _ := utf8.DecodeRuneInString(p[toks[j+1].start:])
	return unicode.IsDigit(r)
}

// lowerAfterHyphen reports whether a hyphenated word goes on in lower
// case ("League-trained", "Obama-era"): an adjective, not a name.
func lowerAfterHyphen(w string) bool {
	i := strings.LastIndexAny(w, "-‐")
	if i < 0 || i+1 >= len(w) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w[i+1:])
	return unicode.IsLower(r) && !givenSyllables(w[:i], w[i+1:])
}

// givenSyllables reports whether a and b, the parts of a hyphenated word,
// are the syllables of a Korean given name ("Ki-moon", "Jong-un",
// "Jae-in"): two short parts, the first capitalised, the second no word
// that ends an adjective ("GOP-led", "Obama-era").
func givenSyllables(a, b string) bool {
	if len(a) < 2 || len(a) > 4 || len(b) > 4 || !startsUpper(a) || isAllCaps(a) || hyphenSuffixes[b] {
		return false
	}
	for _, r := range a[1:] + b {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// hyphenSuffixes end adjectives made with a capitalised word: "Tory-led",
// "Blair-era", "Kiev-born".
var hyphenSuffixes = wordSet(`led era run born made free wide like held only type size long old year
	ish bred owned based style`)

// opensSentence reports whether token i starts a sentence or a quotation,
// where any word is capitalised.
func opensSentence(p string, toks []token, i int) bool {
	if i == 0 {
		return true
	}
	prev := toks[i-1]
	if prev.kind != tPunct {
		return false
	}
	switch s := p[prev.start:prev.end]; s {
	case "!", "?", ":", "“", "\"", "„", "—", "(", "…":
		return true
	case ".":
		return !(i >= 2 && toks[i-2].kind == tWord && toks[i-2].end == prev.start && abbrevAt(p, toks, i-2))
	}
	return false
}

func inQuotes(qs []qspan, off int) bool {
	for _, q := range qs {
		if off >= q.open && off < q.after {
			return true
		}
	}
	return false
}

// shapeMention splits a capitalised sequence into titles and name proper,
// and drops what is not a name (a sentence's first word, a date).
func shapeMention(m mention, words []string, starts []int) (mention, bool) {
	for len(words) > 0 && (capStop[strings.TrimSuffix(words[0], ".")] && !(len(words) > 1 && isInitials(words[0])) || calendarWords[words[0]]) {
		// "A. Selvaraj" keeps its initial; "A spokesman" has none.
		words, starts = words[1:], starts[1:]
		m.initial = false
	}

	for len(words) > 1 && postTitles[words[len(words)-1]] {
		words, starts = words[:len(words)-1], starts[:len(starts)-1]
		m.titled = true // Margaret Moran MP
	}
	if len(words) == 0 {
		return m, false
	}
	m.start = starts[0]
	// The name proper follows the last title: "Russian President |
	// Vladimir Putin", "House Speaker | Paul D. Ryan".
	cut, titled := 0, false
	for k := len(words) - 2; k >= 0; k-- {
		// "General" is a title only before a full name: General Michael
		// Flynn, Attorney General Loretta Lynch, not General Election.
		// An organisation's word, or a role ("Solicitor | Gareth
		// Pierce"), ends a prefix only before a full name without one:
		// "State | John Kerry", not "Security | Council" or "North |
		// Korea".
		if words[k+1] == "of" || words[k+1] == "on" || words[k+1] == "for" || words[k+1] == "and" {
			// "Governor of Texas | Greg Abbott"; "Bank of England" is
			// one name.
			if isTitle(words[k]) && k+3 <= len(words)-2 {
				cut = k + 3
				titled = true
				break
			}
			continue
		}
		if isTitle(words[k]) && !orgWords[words[k+1]] && (words[k] != "General" || len(words)-k > 2) || (orgWords[words[k]] && !compass[words[k]] || roleNoun(strings.ToLower(words[k]))) && len(words)-k > 2 && !hasOrgWord(words[k+1:]) {
			cut = k + 1
			break
		}
	}
	if cut > 0 {
		m.pre = words[:cut]
		m.titled = titled || isTitle(words[cut-1]) || roleNoun(strings.ToLower(words[cut-1]))
		words, starts = words[cut:], starts[cut:]
		m.initial = false
	}
	m.words = words
	m.starts = starts
	m.ent = -1
	return m, true
}

// onlyTitle reports whether words name an office and nothing more:
// "Prime Minister", "Treasurer", "Foreign Secretary".
func onlyTitle(words []string) bool {
	last := strings.ToLower(strings.TrimSuffix(words[len(words)-1], "."))
	if !isTitle(last) && !roleNoun(last) || len(words) > 3 {
		return false
	}
	for _, w := range words[:len(words)-1] {
		if lw := strings.ToLower(w); !isTitle(lw) && !roleNoun(lw) && !officeWords[lw] && !titleModifiers[lw] {
			return false
		}
	}
	return true
}

// officeWords qualify an office in its title: "Prime Minister", "Home
// Secretary", "Attorney General".
var officeWords = wordSet(`prime foreign home attorney vice chief shadow opposition health defence defense
	finance treasury education interior justice trade environment culture transport energy
	labor labour state federal first`)

// clusterMentions clusters the mentions of an article into entities: a
// full name and the shorter forms that refer to it ("Thomson" → "Adam
// Thomson"). lower holds the words the article writes in lower case. It
// sets each mention's ent.
func clusterMentions(ms []mention, lower map[string]bool) []*entity {
	// A sentence's first word is part of a name only if the text never
	// writes it in lower case, and, standing alone, if the text capitalises
	// it inside a sentence too or a cue verb follows it: "Hillary Clinton
	// spoke" keeps Hillary and "Google said" Google, while "Days later"
	// and "Nervous European allies" lose their first word.
	inner := map[string]bool{}
	for _, m := range ms {
		for k, w := range m.words {
			if k > 0 || !m.initial {
				inner[w] = true
			}
		}
	}
	surnames := map[string]bool{}
	for _, m := range ms {
		if len(m.words) >= 2 && !ranks[m.words[0]] {
			surnames[m.words[len(m.words)-1]] = true
		}
	}
	for i := range ms {
		m := &ms[i]
		if len(m.words) > 0 && len(m.pre) == 0 && onlyTitle(m.words) && !(len(m.words) == 1 && surnames[m.words[0]]) {
			// "The Prime Minister said", "a spokeswoman for the
			// Treasurer": an office, which the person who holds it may
			// answer to, but no name; "Mr. King" and Larry King's "King"
			// are names.
			m.words, m.starts, m.initial = nil, nil, false
			continue
		}
		if len(m.words) == 2 && ranks[m.words[0]] && surnames[m.words[1]] {
			// "General Hale" after "Lt. Gen. Marcus Hale", "Colonel
			// Hale" after "Col. Marcus Hale": a rank spelt out and a
			// surname, where "General Motors" is a name.
			m.pre = append(m.pre, m.words[0])
			m.words, m.starts = m.words[1:], m.starts[1:]
			m.start, m.titled, m.initial = m.starts[0], true, false
		}
	}
	for i := range ms {
		m := &ms[i]
		if m.initial && (lower[strings.ToLower(m.words[0])] || len(m.words) == 1 && (!inner[m.words[0]] && !m.cued && !m.who || pluralRole(m.words[0]))) {
			m.words, m.starts = m.words[1:], m.starts[1:]
			if len(m.starts) > 0 {
				m.start = m.starts[0]
			}
		}
	}

	var ents []*entity
	byKey := map[string]int{}
	pp := newPeople(nil)
	pp.lower, pp.openers = lower, map[int]bool{}
	add := func(i int, m *mention) int {
		e := &entity{name: m.key(), words: m.words, first: i}
		ents = append(ents, e)
		byKey[m.key()] = len(ents) - 1
		pp.add(len(ents)-1, e)
		pp.openers[len(ents)-1] = m.initial
		return len(ents) - 1
	}
	order := make([]int, 0, len(ms))
	for i := range ms {
		if len(ms[i].words) > 0 {
			order = append(order, i)
		}
	}
	// Longest names first, so that shorter forms find their full name.
	slices.SortStableFunc(order, func(a, b int) int { return len(ms[b].words) - len(ms[a].words) })
	for _, i := range order {
		m := &ms[i]
		k, ok := byKey[m.key()]
		switch {
		case ok:
		case len(m.words) >= 2 && !orgShaped(m.words):
			k = pp.full(m.words)
		case len(m.words) == 1:
			k = pp.linkGender(m.words[0], titleGender(m.pre))
		default:
			k = -1
		}
		if k < 0 {
			k = add(i, m)
		}
		m.ent = k
		pp.counts[k]++
	}
	for i := range ms {
		m := &ms[i]
		if m.ent < 0 {
			continue
		}
		e := ents[m.ent]
		e.first = min(e.first, i)
		e.count++
		if m.placed && !m.titled {
			e.placed++ // "repaid £500,000 to Lord Ashcroft" is no place
		}
		addPara(e, m.para+1)
		if m.titled && !orgShaped(e.words) || m.who && len(m.words) == 1 && !orgWords[m.words[0]] {
			e.person = true // "Mateo, who works weekends, …"
		}
		if len(m.words) == 1 && len(e.words) >= 2 && !anyLower(e.words, lower) && !m.placed {
			// A surname used alone, when no word of the name is a
			// common word: "Bill" for "Anti-Terrorism Bill" is not.
			e.person = true
		}
		if len(m.pre) > 0 {
			if g := titleGender(m.pre); g != 0 {
				e.gender = g
			}
			if len(m.words) == len(e.words) {
				// "President Obama" may not be the Michelle Obama the
				// surname was linked to: a title is known only for a
				// full name.
				for _, t := range titlesOf(m.pre) {
					addTitle(e, t)
				}
			}
			if h := m.pre[len(m.pre)-1]; honorifics[h] {
				addAlias(e, h+" "+m.key())
			}
		}
		addAlias(e, m.key())
	}
	for _, e := range ents {
		if orgShaped(e.words) || isAllCaps(e.name) && !isInitials(e.words[0]) || placeInitials[e.words[0]] ||
			len(e.words) == 1 && isInitials(e.name) && strings.Count(e.name, ".") >= 3 {
			e.org = true // "the F.B.I.", as The New York Times writes it
		}
		if e.gender == 0 && len(e.words) >= 2 && !e.org {
			e.gender = givenNames[strings.ToLower(e.words[0])] // "Jane Roe" is a woman
		}
		if len(e.words) >= 2 && !e.org {
			for _, w := range e.words {
				if isInitials(w) {
					e.person = true // George W. Bush, K.T. McFarland
				}
			}
			if len(e.words) <= 3 && givenNames[strings.ToLower(e.words[0])] != 0 && !hasOrgWord(e.words) {
				e.person = true // "Hillary Clinton met Donald Trump": a given name
			}
		}
		if isInitials(e.name) || e.placed*2 > e.count {
			// "P." alone names no one we can tell; a name mostly after
			// "in" or "to" is a place (Bolshevik Russia, Russia).
			e.person = false
		}
		if e.org || len(e.words) == 1 && lower[strings.ToLower(e.words[0])] {
			e.person = false // "General Election": the text writes "election"
		}
	}
	return ents
}

// arabicArticle reports whether w is a name's last part led by the Arabic
// article in lower case: "al-Assad", "el-Sisi", "bin-Salman".
func arabicArticle(w string) bool {
	for _, a := range []string{"al-", "el-", "bin-", "ibn-", "ad-", "as-", "ash-", "at-", "az-"} {
		if rest, ok := strings.CutPrefix(w, a); ok && startsUpper(rest) {
			return true
		}
	}
	return false
}

// ranks are military ranks spelt out, which a text sets before a surname
// it gave in full before.
var ranks = wordSet(`General Colonel Major Captain Lieutenant Sergeant Admiral Commander Corporal
	Private Brigadier Marshal`)

// pluralRole reports whether w, capitalised as a sentence's first word, is
// the plural of a noun for people ("Demonstrators", "Officials"), no name.
func pluralRole(w string) bool {
	l := strings.ToLower(w)
	return strings.HasSuffix(l, "s") && roleNoun(strings.TrimSuffix(l, "s")) ||
		strings.HasSuffix(l, "es") && roleNoun(strings.TrimSuffix(l, "es")) // "Witnesses"
}

// anyLower reports whether the text writes any of words in lower case.
func anyLower(words []string, lower map[string]bool) bool {
	for _, w := range words {
		if lower[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// maybePerson reports whether e may be the antecedent of "he" or "she": a
// person by some evidence, a source that is not an organisation, or a name
// of two words or more without an organisation's word (Tom Field).
func (e *entity) maybePerson() bool {
	return !e.org && !placeShaped(e.words) && (e.person || e.source || len(e.words) >= 2)
}

// placeShaped reports whether a name has the shape of a place's or a
// country's: "New Zealand", "Saudi Arabia", "Taiwan Strait", "Los
// Angeles". A "he" never stands for it.
func placeShaped(words []string) bool {
	if len(words) < 2 {
		return false
	}
	return placeOpeners[words[0]] || compass[words[0]] || nationalities[words[0]] && givenNames[strings.ToLower(words[1])] == 0 ||
		geoWords[words[len(words)-1]]
}

// placeOpeners and geoWords open or end the names of places.
var (
	placeOpeners = wordSet(`New San Santa Los Las El Saint St. Fort Port Mount Lake Cape Greater`)
	geoWords     = wordSet(`Strait Straits Sea Ocean Gulf Bay Island Islands Peninsula Canal Lake River
	Valley Mountains Desert Coast Province Region Arabia Emirates Territory Territories Sound`)
)

// orgShaped reports whether a name of two words or more is an
// organisation's by its words: one of them an organisation's word, or the
// name ends in an acronym ("Cancer Research UK", "Volkswagen AG") or opens
// with one of three letters or more ("IDA Ireland"). People's names do
// neither, but for letters after a name ("Jane Roe QC").
func orgShaped(words []string) bool {
	if hasOrgWord(words) {
		return true
	}
	if len(words) < 2 {
		return false
	}
	first, last := words[0], words[len(words)-1]
	return acronym(last) && !postnominals[last] || acronym(first) && len(first) >= 3
}

// acronym reports whether w is written in capitals without periods and has
// two letters or more.
func acronym(w string) bool {
	return len(w) >= 2 && isAllCaps(w) && !strings.Contains(w, ".") && !strings.ContainsFunc(w, unicode.IsDigit)
}

// postnominals are letters written after a person's name.
var postnominals = map[string]bool{"MP": true, "QC": true, "KC": true, "MSP": true, "MEP": true, "AM": true,
	"MD": true, "PhD": true, "OBE": true, "MBE": true, "CBE": true, "KBE": true, "Jr": true, "Sr": true,
	"II": true, "III": true, "IV": true}

func hasOrgWord(words []string) bool {
	for _, w := range words {
		if orgWords[w] {
			return true
		}
	}
	return false
}

// isSubName reports whether short names the same person as full: the same
// last word, and its words appear in full in order (George Bush, George W.
// Bush).
func isSubName(short, full []string) bool {
	if short[len(short)-1] != full[len(full)-1] {
		return false
	}
	if short[0] != full[0] {
		return false
	}
	k := 0
	for _, w := range full {
		if k < len(short) && short[k] == w {
			k++
		}
	}
	return k == len(short)
}

// people indexes the full names that may be people (two words or more, no
// organisation's word) by their last and first words, so that a shorter
// form finds its full name without a scan of every name.
type people struct {
	ents    []*entity
	counts  []int // mentions so far, per entity
	byLast  map[string][]int
	byFirst map[string][]int
	lower   map[string]bool // the words the text writes in lower case
	// openers marks the names first read at the start of a sentence,
	// where a word before a name may be no part of it ("Hold Melania
	// Trump to …").
	openers map[int]bool
}

func newPeople(ents []*entity) *people {
	pp := &people{byLast: map[string][]int{}, byFirst: map[string][]int{}}
	for k, e := range ents {
		pp.add(k, e)
	}
	return pp
}

func (pp *people) add(k int, e *entity) {
	for len(pp.ents) <= k {
		pp.ents = append(pp.ents, nil)
		pp.counts = append(pp.counts, 0)
	}
	pp.ents[k] = e
	if len(e.words) < 2 || orgShaped(e.words) {
		return
	}
	last := strings.ToLower(e.words[len(e.words)-1])
	pp.byLast[last] = append(pp.byLast[last], k)
	pp.byFirst[e.words[0]] = append(pp.byFirst[e.words[0]], k)
}

// full finds the full name of which words are a shorter form (George
// Bush for George W. Bush), or -1.
func (pp *people) full(words []string) int {
	for _, k := range pp.byLast[strings.ToLower(words[len(words)-1])] {
		if isSubName(words, pp.ents[k].words) || !pp.openers[k] && pp.familyName(words, pp.ents[k].words) {
			return k
		}
	}
	return -1
}

// familyName reports whether short is a surname of two or more words that
// ends the full name after one given name: "Abu Zaher" for "Iyad Abu
// Zaher", "Peña Nieto" for "Enrique Peña Nieto". "Hillary Clinton" stays a
// full name of its own beside "Crooked Hillary Clinton" (a given name
// opens it, and the text writes "crooked" in lower case).
func (pp *people) familyName(short, full []string) bool {
	return len(short) >= 2 && len(full) == len(short)+1 && slices.Equal(short, full[1:]) &&
		givenNames[strings.ToLower(short[0])] == 0 && !pp.lower[strings.ToLower(full[0])] && !isTitle(full[0])
}

// link finds the full name a one-word mention refers to: a person's
// surname (the full name mentioned most, when several share it; a surname
// in capitals, as a transcript writes it, too), or a first name that only
// one full name has. It returns -1 when none fits.
func (pp *people) link(w string) int { return pp.linkGender(w, 0) }

// linkGender is link for a surname whose title tells the gender g ('m',
// 'f', 0 for none): "Mrs. Clinton" is not Bill Clinton when Hillary
// Clinton is named too.
func (pp *people) linkGender(w string, g byte) int {
	best := -1
	for _, k := range pp.byLast[strings.ToLower(w)] {
		e := pp.ents[k]
		if e.words[len(e.words)-1] != w && !(isAllCaps(w) && len(w) > 2) {
			continue
		}
		// One whose given name tells the other gender is someone else
		// ("Mr. Obama" is not Michelle Obama); among the rest, the more
		// often named. A given name that agrees is no reason to prefer
		// someone: "Mr. Bocelli" may be Andrea, whom the list leaves out,
		// rather than his son Matteo.
		if eg := givenNames[strings.ToLower(e.words[0])]; g != 0 && eg != 0 && eg != g {
			continue
		}
		if best < 0 || pp.counts[k] > pp.counts[best] {
			best = k
		}
	}
	if best >= 0 {
		return best
	}
	if ks := pp.byFirst[w]; len(ks) == 1 {
		return ks[0]
	}
	return -1
}

// titleGender returns the gender that the last of a name's titles tells
// ("Mrs." → 'f'), or 0.
func titleGender(pre []string) byte {
	if len(pre) == 0 {
		return 0
	}
	switch pre[len(pre)-1] {
	case "Mr.", "Mr", "Sir", "Lord", "Baron", "King", "Prince":
		return 'm'
	case "Mrs.", "Mrs", "Ms.", "Ms", "Miss", "Dame", "Lady", "Baroness", "Queen", "Princess":
		return 'f'
	}
	return 0
}

func addAlias(e *entity, a string) {
	if a == e.name || slices.Contains(e.aliases, a) {
		return
	}
	e.aliases = append(e.aliases, a)
}

// addPara adds paragraph n to the ascending list of paragraphs that
// mention e.
func addPara(e *entity, n int) {
	i, found := slices.BinarySearch(e.paras, n)
	if !found {
		e.paras = slices.Insert(e.paras, i, n)
	}
}
