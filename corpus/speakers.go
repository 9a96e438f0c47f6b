package corpus

import (
	"cmp"
	"slices"
	"strings"
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
				addDesc(e, strings.Join(pre, " "))
			}
		}
		if d := appositiveAfter(an.paras[m.para].text, an.paras[m.para].flat, m.tokEnd); d != "" {
			addDesc(e, d)
		}
	}
}

// courtesyTitles say nothing about a person's role.
var courtesyTitles = wordSet(`Mr Mrs Ms Miss Mx Dr`)

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
	if !appositiveStart(first) {
		return ""
	}
	if second := word(from + 1); first == "who" && (functionWords[second] || cueVerbs[second] || second == "has" || second == "had") {
		return "" // "who he described as", "who has said": not about the person
	}
	if !strings.Contains(" a an the who whose ", " "+first+" ") {
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
			if i > 0 && toks[i-1].kind == tWord && toks[i-1].end == t.start && isAbbrev(word(i-1)) {
				continue
			}
			break loop
		case "(", ")", ";", "—", "–", "!", "?", ":", "“", "”", "\"", "[", "]":
			break loop
		}
	}
	if i == from {
		return ""
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

func addDesc(e *entity, d string) {
	d = strings.TrimSpace(d)
	if d == "" || slices.Contains(e.desc, d) {
		return
	}
	e.desc = append(e.desc, d)
}
