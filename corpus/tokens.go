package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind says what a token stands for.
type tokKind uint8

const (
	tWord  tokKind = iota + 1 // letters and digits, with inner . ' ’ - kept
	tPunct                    // one punctuation rune
	tQuote                    // a whole quotation, marks included
)

// token is a word, a punctuation mark or a whole quotation in a paragraph.
// Attribution reads quotations as opaque units, so that a cue word inside a
// quotation never attributes it.
type token struct {
	kind       tokKind
	start, end int // byte offsets in the paragraph
	q          int // for tQuote: index into the paragraph's quotations
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		// Most text is ASCII: skip the Unicode tables.
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isJoiner reports whether r joins two word runes into one word: U.S,
// aren’t, London-based, 1,000.
func isJoiner(r rune) bool {
	switch r {
	case '.', '\'', '’', '-', '‐', ',':
		return true
	}
	return false
}

// tokenize splits p into tokens. Each quotation in qs becomes one tQuote
// token; with qs nil, quotation marks are punctuation like any other.
func tokenize(p string, qs []qspan) []token {
	toks := make([]token, 0, len(p)/5)
	qi := 0
	for i := 0; i < len(p); {
		if qi < len(qs) && i >= qs[qi].open {
			toks = append(toks, token{kind: tQuote, start: qs[qi].open, end: qs[qi].after, q: qi})
			i = max(i, qs[qi].after)
			qi++
			continue
		}
		r, size := utf8.DecodeRuneInString(p[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case isWordRune(r):
			j := i + size
			for j < len(p) {
				r2, s2 := utf8.DecodeRuneInString(p[j:])
				if isWordRune(r2) {
					j += s2
					continue
				}
				if isJoiner(r2) && j+s2 < len(p) {
					r3, _ := utf8.DecodeRuneInString(p[j+s2:])
					if r2 == ',' {
						// A comma joins only digits: 1,000.
						prev, _ := utf8.DecodeLastRuneInString(p[:j])
						if unicode.IsDigit(prev) && unicode.IsDigit(r3) {
							j += s2
							continue
						}
						break
					}
					if isWordRune(r3) && (qi >= len(qs) || j+s2 < qs[qi].open) {
						j += s2
						continue
					}
				}
				break
			}
			if qi < len(qs) && j > qs[qi].open {
				j = qs[qi].open
			}
			toks = append(toks, token{kind: tWord, start: i, end: j})
			i = j
		default:
			toks = append(toks, token{kind: tPunct, start: i, end: i + size})
			i += size
		}
	}
	return toks
}

// withQuotes turns the tokens of a paragraph tokenized without quotations
// (flat) into those tokenize(p, qs) gives, each quotation one tQuote token,
// without reading the text again. It relies on quotation marks never
// joining words, so that every quotation starts and ends between tokens.
func withQuotes(flat []token, qs []qspan) []token {
	if len(qs) == 0 {
		return flat
	}
	toks := make([]token, 0, len(flat))
	qi := 0
	for k := 0; k < len(flat); {
		if qi < len(qs) && flat[k].start >= qs[qi].open {
			toks = append(toks, token{kind: tQuote, start: qs[qi].open, end: qs[qi].after, q: qi})
			for k < len(flat) && flat[k].start < qs[qi].after {
				k++
			}
			qi++
			continue
		}
		toks = append(toks, flat[k])
		k++
	}
	return toks
}

// sentence is a range [from, to) of a paragraph's tokens.
type sentence struct{ from, to int }

// splitSentences cuts a paragraph's tokens into sentences at . ! ? followed
// by a capital or a quotation, except after abbreviations and initials
// (Gen., U.S., K.T.), and after a closed quotation that ends a sentence
// (“Yes.” He …). A quotation never contains a cut.
func splitSentences(p string, toks []token, qs []qspan) []sentence {
	var out []sentence
	from := 0
	for i := 0; i+1 < len(toks); i++ {
		if endsSentence(p, toks, i, qs) && startsSentence(p, toks[i+1]) {
			out = append(out, sentence{from, i + 1})
			from = i + 1
		}
	}
	if from < len(toks) {
		out = append(out, sentence{from, len(toks)})
	}
	return out
}

func endsSentence(p string, toks []token, i int, qs []qspan) bool {
	t := toks[i]
	switch t.kind {
	case tPunct:
		switch p[t.start:t.end] {
		case "!", "?", "…":
			return true
		case ".":
			if i > 0 && toks[i-1].kind == tWord && toks[i-1].end == t.start && abbrevAt(p, toks, i-1) {
				return false
			}
			return true
		}
	case tQuote:
		q := qs[t.q]
		if !q.closed || q.end <= q.start {
			return false
		}
		last, _ := utf8.DecodeLastRuneInString(p[q.start:q.end])
		return last == '.' || last == '!' || last == '?' || last == '…'
	}
	return false
}

func startsSentence(p string, t token) bool {
	switch t.kind {
	case tQuote:
		return true
	case tWord:
		r, _ := utf8.DecodeRuneInString(p[t.start:])
		return unicode.IsUpper(r)
	}
	return false
}

// abbreviations are words that take a period without ending a sentence.
var abbreviations = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Gen": true, "Rep": true, "Sen": true,
	"Gov": true, "Lt": true, "Col": true, "Capt": true, "Sgt": true, "Adm": true, "Maj": true,
	"Prof": true, "Rev": true, "St": true, "Jr": true, "Sr": true, "Mt": true, "Ft": true,
	"No": true, "vs": true, "Inc": true, "Corp": true, "Co": true, "Ltd": true, "Jan": true,
	"Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true, "Sep": true,
	"Sept": true, "Oct": true, "Nov": true, "Dec": true, "Ave": true, "Dept": true, "Sens": true,
	"Reps": true, "Gens": true, "Supt": true, "Calif": true, "Fla": true, "Ga": true, "Ill": true,
	"Mass": true, "Mich": true, "Minn": true, "Pa": true, "Va": true, "Wash": true, "Wis": true,
	"Tex": true, "Ariz": true, "Colo": true, "Conn": true, "Ky": true, "La": true, "Md": true,
	"Mo": true, "Nev": true, "Okla": true, "Ore": true, "Tenn": true, "Ala": true, "Ark": true,
	"Del": true, "Neb": true, "Miss": true, "Mont": true, "Wyo": true, "Kan": true, "Ind": true,
	"al": true, "cf": true, "c": true, "ca": true, "approx": true, "fig": true, "Fig": true, "vol": true,
	"Vol": true, "pp": true, "Nos": true, "Univ": true, "Hon": true, "Pres": true,
	"Dist": true, "Atty": true, "Asst": true, "Det": true, "Insp": true, "Cmdr": true, "Sup": true,
	"Cpl": true, "Pvt": true, "Supvr": true, "Assn": true, "Bros": true,
}

// isAbbrev reports whether a word followed by a period is an abbreviation
// or an initial rather than the end of a sentence.
// abbrevAt reports whether word token k takes the period after it without
// ending a sentence (see isAbbrev). A capital letter alone after "on", "in"
// or "from" names a thing, not a person's initial: "She wrote on X. Musk
// replied".
func abbrevAt(p string, toks []token, k int) bool {
	w := p[toks[k].start:toks[k].end]
	if !isAbbrev(w) {
		return false
	}
	return utf8.RuneCountInString(w) != 1 || k == 0 || toks[k-1].kind != tWord || !thingPreps[p[toks[k-1].start:toks[k-1].end]]
}

// thingPreps come before the name of a place or a thing.
var thingPreps = map[string]bool{"on": true, "in": true, "at": true, "from": true, "into": true, "onto": true, "via": true}

func isAbbrev(w string) bool {
	if i := strings.LastIndexAny(w, "-‐"); i >= 0 {
		w = w[i+1:] // (R-Fla.)
	}
	if w == "" {
		return false
	}
	if strings.Contains(w, ".") {
		// U.S, K.T, a.m, Ph.D; not a decimal number (a rating of 86.4.)
		return !strings.ContainsFunc(w, unicode.IsDigit)
	}
	r, size := utf8.DecodeRuneInString(w)
	if size == len(w) && unicode.IsUpper(r) {
		return true // an initial: George W. Bush
	}
	return abbreviations[w]
}

// startsUpper reports whether s begins with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// isAllCaps reports whether s has letters and no lower-case ones (NATO).
func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0
}

// stripPossessive drops a trailing ’s or 's: Trump’s → Trump.
func stripPossessive(w string) (string, bool) {
	for _, suf := range []string{"’s", "'s", "’S", "'S"} {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)], true
		}
	}
	return w, false
}

// Sentences returns the byte offsets [start, end) of the sentences of
// text, cut as the corpus cuts paragraphs (see splitSentences): never
// inside a quotation, nor after an abbreviation or an initial. Each range
// runs from the first token of a sentence to the end of its last.
func Sentences(text string) [][2]int {
	qs := findQuotes(text)
	toks := tokenize(text, qs)
	var out [][2]int
	for _, s := range splitSentences(text, toks, qs) {
		out = append(out, [2]int{toks[s.from].start, toks[s.to-1].end})
	}
	return out
}
