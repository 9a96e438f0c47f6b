package corpus

import (
	"slices"
	"strings"
	"unicode"
)

// FindSpeakers returns the article's speakers (quoted or only mentioned) whose
// name or an alias matches name: compared without regard to case,
// punctuation or a title such as "Sir" or "Gen.", and tolerating a typo
// (one edit in a short name, two in a long one). Only the best kind of
// match is returned: exact matches; else the one speaker whose surname is
// name ("Breedlove" for "Philip Breedlove", whom the text never calls by
// surname alone; a surname two people share finds neither); else near
// ones; else the one speaker whose description holds every word of name,
// a role ("the home secretary" for one described as "New Home
// Secretary").
func (a *Article) FindSpeakers(name string) []Speaker {
	if len(a.Speakers) == 0 {
		// Nothing to find: spare the folding of name, which a search of
		// many articles would otherwise pay once for each.
		return nil
	}
	want := foldName(name)
	if want == "" {
		return nil
	}
	var exact, surname, near []Speaker
	for _, s := range a.Speakers {
		best := -1
		for _, n := range s.Names() {
			d := editDistance(want, foldName(n), 3)
			if best < 0 || d < best {
				best = d
			}
		}
		switch full := foldName(s.Name); {
		case best == 0:
			exact = append(exact, s)
		case strings.Contains(full, " ") && full[strings.LastIndexByte(full, ' ')+1:] == want:
			surname = append(surname, s)
		case best <= typoBudget(want):
			near = append(near, s)
		}
	}
	if len(exact) > 0 {
		return exact
	}
	if len(surname) == 1 {
		return surname // "Clinton" for Bill and Hillary Clinton is neither
	}
	if len(near) > 0 {
		return near
	}
	return a.byDescription(want)
}

// Named reports whether name is the speaker's name or one of its aliases,
// compared as FindSpeakers compares them (case, punctuation, a leading
// title or "the" aside) but without a typo: "the Kremlin" and "Sir Adam
// Thomson" are named; "Thomsen" is not.
func (s Speaker) Named(name string) bool {
	want := foldName(name)
	for _, n := range s.Names() {
		if foldName(n) == want {
			return true
		}
	}
	return false
}

// byDescription returns the one speaker whose description holds every
// word of the folded phrase want ("home secretary" for "New Home
// Secretary"), or nil when none or several do.
func (a *Article) byDescription(want string) []Speaker {
	words := strings.Fields(want)
	if len(words) == 0 {
		return nil
	}
	var found []Speaker
	for _, s := range a.Speakers {
		desc := strings.Fields(foldName(s.Description))
		if !slices.ContainsFunc(words, func(w string) bool { return !slices.Contains(desc, w) }) {
			found = append(found, s)
		}
	}
	if len(found) != 1 {
		return nil
	}
	return found
}

// MatchSpeakers returns the speakers whose name or an alias starts with, or
// contains a word starting with, prefix, compared without regard to case;
// it serves autocomplete. An empty prefix matches every speaker.
func (a *Article) MatchSpeakers(prefix string) []Speaker {
	p := foldName(prefix)
	var out []Speaker
	for _, s := range a.Speakers {
		for _, n := range s.Names() {
			f := foldName(n)
			if strings.HasPrefix(f, p) || strings.Contains(f, " "+p) {
				out = append(out, s)
				break
			}
		}
	}
	return out
}

func typoBudget(s string) int {
	switch n := len([]rune(s)); {
	case n < 4:
		return 0
	case n < 9:
		return 1
	default:
		return 2
	}
}

// titles are the honorifics a name may carry in one place and not another.
var titles = map[string]bool{
	"sir": true, "dame": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"gen": true, "rep": true, "sen": true, "gov": true, "president": true, "lord": true,
	"lt": true, "col": true, "capt": true, "sgt": true, "adm": true, "maj": true,
	"prof": true, "rev": true, "senator": true, "governor": true, "general": true,
	"secretary": true, "judge": true, "justice": true, "chairman": true,
	"chairwoman": true, "speaker": true, "mayor": true, "ambassador": true,
	"minister": true, "chancellor": true, "pope": true, "king": true, "queen": true,
	"prince": true, "princess": true, "congressman": true, "congresswoman": true,
	"representative": true, "sheriff": true, "commissioner": true,
	"president-elect": true, "candidate": true, "nominee": true, "professor": true,
	"sens": true, "reps": true, "govs": true, "senators": true, "governors": true, "director": true, "leader": true,
	"spokesman": true, "spokeswoman": true, "whip": true, "chief": true,
	"mp": true, "mep": true, "msp": true, "cllr": true, "councillor": true,
	"baroness": true, "baron": true, "lady": true,
	"dist": true, "atty": true, "det": true, "insp": true, "cmdr": true, "councilmember": true,
	"councilman": true, "councilwoman": true, "assemblymember": true, "assemblyman": true,
	"assemblywoman": true, "supervisor": true, "alderman": true, "treasurer": true,
}

// foldName lowercases name, drops punctuation and leading titles (and
// "the"), and folds white space, so that "Sir Adam Thomson" and "adam
// thomson" compare equal, and "the Kremlin" and "Kremlin".
func foldName(name string) string {
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for len(words) > 1 && (titles[words[0]] || words[0] == "the") {
		words = words[1:] // "Sir Adam Thomson", "the Kremlin"
	}
	return strings.Join(words, " ")
}

// editDistance is the Levenshtein distance between a and b, counted in
// runes, giving up at limit (returning limit) to bound the work.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d >= limit || -d >= limit {
		return limit
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
		prev, cur = cur, prev
	}
	return min(prev[len(rb)], limit)
}
