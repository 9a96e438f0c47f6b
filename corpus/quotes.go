package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// qspan is one quotation in a paragraph.
type qspan struct {
	// open is the offset of the opening mark; after is the offset just past
	// the closing mark, or the paragraph's length when the quotation runs on
	// into the next paragraph (news style: no closing mark).
	open, after int
	// start and end bound the quoted text, marks and outer spaces excluded.
	start, end int
	closed     bool
}

// isQuoteMark reports whether r is a double quotation mark. Single marks are
// ignored: they are apostrophes far more often than quotation marks.
func isQuoteMark(r rune) bool {
	return r == '"' || r == '“' || r == '”' || r == '„' || r == '″'
}

// findQuotes pairs the double quotation marks of a paragraph.
//
// Each mark is read by its neighbours, as in Markdown: it can open when a
// non-space follows and a space, an opening bracket or dash precedes; it can
// close when a non-space precedes and a space or punctuation follows. The
// glyph (“ or ”) settles marks that could do either, so both curly and
// straight quotes, and news copy that mixes them ("work-related” emails),
// pair the same way. A mark left open at the end runs to the paragraph's end.
//
// A paragraph with no double marks that opens a quotation with ‘ (or a
// straight ') quotes the British way, with single marks: then ‘ opens and
// ’ closes (a straight ' either, by its neighbours), and a mark between
// letters ("it’s") or after the s of a plural possessive with a closing
// mark still ahead ("the leaders’ views") is an apostrophe. Two
// apostrophes together (”), which some exported copy writes for a double
// mark, keep the paragraph out of single-mark style; they are not read as
// quotation marks.
func findQuotes(p string) []qspan {
	if singleStyle(p) {
		return findSingleQuotes(p)
	}
	var out []qspan
	open := -1
	nested := 0 // marks of the other kind opened inside the open quotation
	same := 0   // marks of the same kind opened inside it
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		if !isQuoteMark(r) {
			i += size
			continue
		}
		canOpen, canClose := markRole(p, i, size)
		if open < 0 {
			if canOpen || (r == '“' || r == '„') && !canClose {
				open = i
				nested, same = 0, 0
			}
		} else {
			outer, _ := utf8.DecodeRuneInString(p[open:])
			other := (outer == '"') != (r == '"')
			switch {
			case !other && same > 0 && canClose:
				same--
			case !other && canOpen && !canClose && !endsWithSentence(p[:i]) && closersAhead(p, i+size) >= 2:
				// “… what he calls “hell” than live …”: the same kind
				// of mark for a quotation inside a quotation, told by
				// the two closing marks that follow.
				same++
			case other && nested > 0 && canClose:
				// "… “As you know, …” …": a quotation inside a quotation
				// uses the other kind of mark.
				nested--
			case other && canOpen && !canClose:
				nested++
			case canClose || r == '”' && !canOpen:
				if q, ok := makeSpan(p, open, i, i+size, true); ok {
					out = append(out, q)
				}
				open = -1
			case canOpen:
				// An opening mark inside an open quotation: the first was
				// never closed. When it ended a sentence, it ran on the
				// news way ("… 26 weeks. “We are going …"), so keep it;
				// either way, start again here.
				if endsWithSentence(p[:i]) {
					if q, ok := makeSpan(p, open, i, i, false); ok {
						out = append(out, q)
					}
				}
				open = i
			}
		}
		i += size
	}
	if open >= 0 {
		if q, ok := makeSpan(p, open, len(p), len(p), false); ok {
			out = append(out, q)
		}
	}
	return out
}

// singleStyle reports whether paragraph p quotes with single marks: it
// has no double quotation mark, and a ‘ or ' that can open a quotation.
func singleStyle(p string) bool {
	if strings.ContainsFunc(p, isQuoteMark) || strings.Contains(p, "''") {
		return false // double marks, or two apostrophes standing for them
	}
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		if r == '‘' || r == '\'' {
			if canOpen, canClose := markRole(p, i, size); canOpen && !canClose {
				return true
			}
		}
		i += size
	}
	return false
}

// findSingleQuotes pairs the ‘single’ quotation marks of a paragraph that
// has no double ones. A quotation left open runs on into the next
// paragraph only when it opens the paragraph: elsewhere a lone ‘ is more
// likely an apostrophe typed the wrong way ("the ‘90s").
func findSingleQuotes(p string) []qspan {
	var out []qspan
	open := -1
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		if r != '‘' && r != '’' && r != '\'' {
			i += size
			continue
		}
		canOpen, canClose := markRole(p, i, size)
		if next, _ := utf8.DecodeRuneInString(p[i+size:]); r == '\'' && unicode.IsDigit(next) {
			canOpen = false // "the '90s"
		}
		switch {
		case r != '’' && canOpen && !canClose:
			if open < 0 || r == '‘' {
				open = i // a straight ' inside an open quotation is an elision: "'Rock 'n' roll'"
			}
		case r != '‘' && canClose && !canOpen && open >= 0 && !possessiveMark(p, i, size):
			// "rock ‘n’ roll" quotes no one: a quotation holds a word.
			if q, ok := makeSpan(p, open, i, i+size, true); ok && longestWord(p[q.start:q.end]) >= 2 {
				out = append(out, q)
			}
			open = -1
		}
		i += size
	}
	if open >= 0 && strings.TrimLeftFunc(p, unicode.IsSpace) == p[open:] && p[open] != '\'' {
		// Only a curly mark runs on: "'Cause of the floods …" is an elision.
		if q, ok := makeSpan(p, open, len(p), len(p), false); ok {
			out = append(out, q)
		}
	}
	return out
}

// longestWord returns the length in letters of the longest word of s.
func longestWord(s string) int {
	best, n := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
			best = max(best, n)
		} else {
			n = 0
		}
	}
	return best
}

// possessiveMark reports whether the ’ (or ') of size bytes at p[i] is
// an apostrophe rather than a closing mark: after the s of a plural
// possessive ("the leaders’ views") or, straight, after a clipped word
// ("goin' home"), before a space and a lower-case word that is not a
// conjunction or preposition, with another closing mark ahead.
func possessiveMark(p string, i, size int) bool {
	prev, _ := utf8.DecodeLastRuneInString(p[:i])
	rest := p[i+size:]
	// A plural possessive ends in s; a straight ' also ends a clipped
	// word ("goin' home").
	if prev != 's' && (p[i] != '\'' || !unicode.IsLetter(prev)) || !strings.HasPrefix(rest, " ") {
		return false
	}
	next, _ := utf8.DecodeRuneInString(rest[1:])
	if !unicode.IsLower(next) {
		return false
	}
	if w, _, _ := strings.Cut(rest[1:], " "); clauseWords[strings.TrimRightFunc(w, unicode.IsPunct)] {
		return false // "‘a mess’ and …": a possessive is followed by a noun
	}
	// A later ’ that can close, with no ‘ opening a quotation before it,
	// closes this one: "‘The leaders’ views are wrong,’ he said".
	for j := 0; j < len(rest); {
		r, n := utf8.DecodeRuneInString(rest[j:])
		if r != '‘' && r != '’' && r != '\'' {
			j += n
			continue
		}
		canOpen, canClose := markRole(p, i+size+j, n)
		switch {
		case r != '’' && canOpen && !canClose:
			return false // "‘an insult to nurses’ last week … ‘more strikes’"
		case r != '‘' && canClose && !canOpen:
			return true
		}
		j += n
	}
	return false
}

// clauseWords follow a closing quotation mark far more often than a noun
// after a possessive does. They are English grammar, not words of any
// text.
var clauseWords = wordSet(`and or but as to in on at of for with by from than that which who
	is are was were be been has have had will would could should can may might not so if when
	while because he she it they we i you`)

// markRole reads the quotation mark of size bytes at p[i] by its
// neighbours: whether it can open a quotation and whether it can close one.
func markRole(p string, i, size int) (canOpen, canClose bool) {
	prev, _ := utf8.DecodeLastRuneInString(p[:i])
	next, _ := utf8.DecodeRuneInString(p[i+size:])
	hasPrev, hasNext := i > 0, i+size < len(p)
	canOpen = hasNext && !unicode.IsSpace(next) && !isQuoteMark(next) &&
		(!hasPrev || unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/:", prev))
	canClose = hasPrev && !unicode.IsSpace(prev) &&
		(!hasNext || unicode.IsSpace(next) || unicode.IsPunct(next) || isQuoteMark(next))
	return canOpen, canClose
}

// closersAhead counts the marks from p[from:] on that can only close a
// quotation, up to the first that can open one.
func closersAhead(p string, from int) int {
	n := 0
	for i := from; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		if isQuoteMark(r) {
			canOpen, canClose := markRole(p, i, size)
			if canOpen {
				return n
			}
			if canClose {
				n++
			}
		}
		i += size
	}
	return n
}

// endsWithSentence reports whether s, spaces aside, ends with . ! or ?.
func endsWithSentence(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// makeSpan builds the quotation opened at open and closed by the mark at
// closeAt (ending at after); it fails when nothing but space is quoted.
func makeSpan(p string, open, closeAt, after int, closed bool) (qspan, bool) {
	_, size := utf8.DecodeRuneInString(p[open:])
	start, end := open+size, closeAt
	for start < end {
		r, s := utf8.DecodeRuneInString(p[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += s
	}
	for end > start {
		r, s := utf8.DecodeLastRuneInString(p[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= s
	}
	if start >= end {
		return qspan{}, false
	}
	return qspan{open: open, after: after, start: start, end: end, closed: closed}, true
}

// wordCount counts the words of s.
func wordCount(s string) int {
	n := 0
	in := false
	for _, r := range s {
		w := isWordRune(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// looksLikeTitle reports whether quoted text reads as a name or title
// (“Face the Nation,” “Contract with America”) rather than words someone
// said: every word capitalised except short function words.
func looksLikeTitle(s string) bool {
	// Words are read one at a time so that a long quotation is given up
	// at its first lower-case word, without splitting it all.
	inWord := func(r rune) bool { return isWordRune(r) || r == '\'' || r == '’' }
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !inWord(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			r2, s2 := utf8.DecodeRuneInString(s[j:])
			if !inWord(r2) {
				break
			}
			j += s2
		}
		w := s[i:j]
		n++
		if n > 8 {
			return false
		}
		if !startsUpper(w) && !unicode.IsDigit(r) && (n == 1 || !titleSmallWords[w]) {
			return false
		}
		i = j
	}
	return n > 0
}

var titleSmallWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "and": true, "or": true, "in": true,
	"on": true, "at": true, "to": true, "for": true, "with": true, "by": true, "from": true,
}
