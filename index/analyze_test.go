package index

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode"

	"articlebot/corpus"
)

func TestWords(t *testing.T) {
	an, err := newAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"acronym with dots", "the U.S. and the US", []string{"the", "us", "and", "the", "us"}},
		{"initials", "K.T. McFarland", []string{"kt", "mcfarland"}},
		{"curly possessive", "Trump’s team", []string{"trump", "team"}},
		{"straight possessive", "Putin's hope", []string{"putin", "hope"}},
		{"contraction", "wouldn’t", []string{"wouldn't"}},
		{"hyphen and dash split", "U.S.-Russia NATO–Russia", []string{"us", "russia", "nato", "russia"}},
		{"numbers", "1,000 people in 3.5 days, 1960s", []string{"1,000", "people", "in", "3.5", "days", "1960s"}},
		{"punctuation and emoji only", "?! 🤔 …", nil},
		{"accents", "Gospić fiancé Ærø", []string{"gospic", "fiance", "æro"}},
		{"right to left", "שלום عالم", []string{"שלום", "عالم"}},
		{"found as the past of find", "Obama found himself stuck", []string{"obama", "find", "himself", "stuck"}},
		{"found after a modal and be", "could be found", []string{"could", "be", "find"}},
		{"found as a verb after did", "did Tugh Temur found it", []string{"did", "tugh", "temur", "found", "it"}},
		{"found as a verb after to", "to found a college", []string{"to", "found", "a", "college"}},
		{"found after and", "went to the flat and found a rifle", []string{"went", "to", "the", "flat", "and", "find", "a", "rifle"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, w := range an.words(tt.text) {
				got = append(got, w.norm)
				if w.start < 0 || w.end > len(tt.text) || w.start >= w.end {
					t.Errorf("words(%q): bad span %d–%d", tt.text, w.start, w.end)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("words(%q) = %q; want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestSentences checks that the index's sentence spans are the corpus's
// sentences (corpus.TestSentences covers where they are cut).
func TestSentences(t *testing.T) {
	text := "On Nov. 14, Gen. Flynn met K.T. McFarland. “It is done,” he said. Then he left"
	var got []string
	for _, sp := range sentences(text) {
		got = append(got, text[sp.Start:sp.End])
	}
	want := []string{"On Nov. 14, Gen. Flynn met K.T. McFarland.", "“It is done,” he said.", "Then he left"}
	if !slices.Equal(got, want) {
		t.Errorf("sentences(%q) = %q; want %q", text, got, want)
	}
}

func TestParseQuestion(t *testing.T) {
	tests := []struct {
		name string
		q    string
		want question
	}{
		{"who said", "Who said there is no magic wand?", question{shape: whoSaid, topic: " there is no magic wand"}},
		{"who warned that", "who warned that NATO is an antagonist", question{shape: whoSaid, topic: " NATO is an antagonist"}},
		{"what did say about", "What did Carden say about NATO and Breedlove?", question{shape: whatSaid, name: "Carden", topic: " NATO and Breedlove"}},
		{"what does think", "what does Sir Adam Thomson think", question{shape: whatSaid, name: "Sir Adam Thomson", topic: ""}},
		{"views of", "What are Harrison’s views on Trump?", question{shape: whatSaid, name: "Harrison", topic: " Trump"}},
		{"was view", "What was Harrison's view on Trump?", question{shape: whatSaid, name: "Harrison", topic: " Trump"}},
		{"who is", "Who is K.T. McFarland?", question{shape: whoIs, name: "K.T. McFarland", topic: "Who is K.T. McFarland?"}},
		{"plain", "Which country annexed Crimea?", question{shape: plain, topic: "Which country annexed Crimea?"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parseQuestion(tt.q); got != tt.want {
				t.Errorf("parseQuestion(%q) = %+v; want %+v", tt.q, got, tt.want)
			}
		})
	}
}

// TestParseQuestionFrames checks that ruling frames out by the first two
// words gives the shapes the regular expressions alone give.
func TestParseQuestionFrames(t *testing.T) {
	// regexpsOnly is parseQuestion without ruling out any frame.
	regexpsOnly := func(text string) question {
		t := strings.TrimRightFunc(text, func(r rune) bool {
			return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '.' || r == '.'
		})
		first, _, _ := strings.Cut(strings.TrimSpace(t), " ")
		switch strings.ToLower(first) {
		case "who", "which", "what", "how":
		default:
			return question{shape: plain, topic: text}
		}
		if m := reWhoSaid.FindStringSubmatch(t); m != nil && strings.TrimSpace(m[1]) != "" {
			return question{shape: whoSaid, topic: m[1]}
		}
		if m := reWhatSaid.FindStringSubmatch(t); m != nil {
			return question{shape: whatSaid, name: strings.TrimSpace(m[1]), topic: m[2]}
		}
		if m := reSaidAbout.FindStringSubmatch(t); m != nil {
			return question{shape: whatSaid, name: strings.TrimSpace(m[1]), topic: m[2]}
		}
		if m := reWhoIs.FindStringSubmatch(t); m != nil {
			return question{shape: whoIs, name: strings.TrimSpace(m[1]), topic: text}
		}
		return question{shape: plain, topic: text}
	}
	for _, q := range []string{
		"Who said there is no magic wand?", "WHO SAID it", "who  has said that it works", "Who is K.T. McFarland?",
		"who was\tBo Park", "Who were they", "who IS she?", "Who ſaid it?", "Who iſ Bo Park?",
		"What did Carden say about NATO?", "what  DOES Sir Adam Thomson think", "How did Park feel about it?",
		"What haſ Park said?", "What would   Park say on trade", "how could he tell", "What did?",
		"What are Harrison’s views on Trump?", "What was Harrison's view on Trump?", "WHAT IS PARK'S STANCE ON TAX",
		"What iſ Park's view?", "How were Park’s comments received", "What is the view of Park?",
		"Which minister said the talks failed?", "What paper wrote that?", "Which year did it end?",
		"Which NFL team represented the AFC at Super Bowl 50?", "What is the name of the river?",
		"How many people live there?", "Who", "what", "How ", "Who\u00a0is Bo?", "who is", "What did Bo",
	} {
		if got, want := parseQuestion(q), regexpsOnly(q); got != want {
			t.Errorf("parseQuestion(%q) = %+v; the regular expressions alone give %+v", q, got, want)
		}
	}
}

func TestExpect(t *testing.T) {
	tests := []struct {
		q    string
		want expectation
	}{
		{"When did Trump and Putin have a phone call?", expectNumber},
		{"How many teams played?", expectNumber},
		{"In what year was it built?", expectNumber},
		{"Who is Trump's CIA chief?", expectName},
		{"Where was the game played?", expectName},
		{"Why is the issue pressing?", expectAny},
		{"In 1990, who won the cup?", expectName},
		{"What did the army build near where the fort stood?", expectAny},
		{"WHAT YEAR did it open?", expectNumber},
		{"What was the year like?", expectAny},
		{"And when did the stadium open?", expectNumber},
		{"What path does a thrown ball take when seen from outside?", expectAny},
	}
	for _, tt := range tests {
		if got, _ := expect(tt.q); got != tt.want {
			t.Errorf("expect(%q) = %v; want %v", tt.q, got, tt.want)
		}
	}
}

func TestNeeds(t *testing.T) {
	tests := []struct {
		q    string
		want need
	}{
		{"How many troops does Russia have?", needCount},
		{"And how many were there?", needCount},
		{"How was it decided how many would be appointed?", needNothing},
		{"How much did it cost?", needMoney},
		{"How much was the contract worth?", needMoney},
		{"How much of the water was lost?", needNothing}, // "vast areas", "little" answer it
		{"How much did it weigh?", needNothing},
		{"In what year was NATO founded?", needDate},
		{"Which century saw the change?", needDate},
		{"When was NATO founded?", needNothing}, // "when" is often answered by a clause
		{"What did Carden say?", needNothing},
	}
	for _, tt := range tests {
		if _, got := expect(tt.q); got != tt.want {
			t.Errorf("expect(%q) need = %v; want %v", tt.q, got, tt.want)
		}
	}
}

func TestSatisfies(t *testing.T) {
	tests := []struct {
		text string
		n    need
		want bool
	}{
		{"The U.S. has many disputes with Iran.", needCount, false},
		{"Nine other contenders lost.", needCount, true},
		{"It cost $20,000.", needCount, true},
		{"Several sites bid.", needCount, true},
		{"It opened in the spring.", needDate, true},
		{"It opened on Nov. 14.", needDate, true},
		{"It opened after the war.", needDate, false},
		{"Anything at all.", needNothing, true},
		{"Shares fell 14 percent.", needMoney, false},
		{"The deal was worth $480 million.", needMoney, true},
		{"She was quoted £14,000.", needMoney, true},
		{"It cost nine hundred euros.", needMoney, true},
		{"The repairs will cost more than the library's yearly budget.", needMoney, true},
		{"Shares fell 14 per cent.", needMoney, false},
		{"More than 300 people came.", needMoney, false},
		{"The parcel weighed two pounds.", needMoney, false},
	}
	for _, tt := range tests {
		if got := satisfies(tt.text, tt.n); got != tt.want {
			t.Errorf("satisfies(%q, %v) = %v; want %v", tt.text, tt.n, got, tt.want)
		}
	}
}

func TestAccording(t *testing.T) {
	ix := openDefault(t)
	for q, topic := range map[string]string{
		"Why is the issue pressing according to Thomson?":  "Why is the issue pressing ?",
		"According to Thomson, why is the issue pressing?": "why is the issue pressing?",
	} {
		got := ix.according(parseQuestion(q), filter{})
		want := question{shape: whatSaid, name: "Thomson", topic: topic}
		if got != want {
			t.Errorf("according(%q) = %+v; want %+v", q, got, want)
		}
	}
	plainQ := parseQuestion("What happened according to the press release?")
	if got := ix.according(plainQ, filter{}); got != plainQ {
		t.Errorf("according(no person) = %+v; want it unchanged", got)
	}
}

func TestFamilies(t *testing.T) {
	c := &corpus.Corpus{Articles: []*corpus.Article{{
		ID:    "families",
		Title: "Families",
		Paragraphs: []string{
			"The river flows north past the old mill.",
			"He was raised in a deeply religious family.",
			"The team won the national championship twice.",
			"Mathematicians proved the theorem in 1995.",
		},
	}}}
	ix, err := Open(context.Background(), c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	tests := []struct {
		q    string
		want int
	}{
		{"What religion was he raised in?", 2},
		{"Which champion won twice?", 3},
		{"What did the mathematics prove?", 4},
	}
	for _, tt := range tests {
		a, err := ix.Ask(context.Background(), tt.q, AskOptions{})
		if err != nil {
			t.Fatalf("Ask(%q) error: %v", tt.q, err)
		}
		if a.Status != Answered || a.Paragraph != tt.want {
			t.Errorf("Ask(%q) = status %v ¶%d; want Answered ¶%d", tt.q, a.Status, a.Paragraph, tt.want)
		}
	}
}

func TestStemIrregular(t *testing.T) {
	an, err := newAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, a, b string
		same       bool
	}{
		{"simple past", "won", "win", true},
		{"past participle", "written", "writes", true},
		{"regular verb untouched", "played", "play", true},
		{"homograph left alone", "found", "find", false},
		{"unrelated words apart", "won", "wonder", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sa, sb := an.stem(tt.a), an.stem(tt.b)
			if (sa == sb) != tt.same {
				t.Errorf("stem(%q) = %q, stem(%q) = %q; want equal %v", tt.a, sa, tt.b, sb, tt.same)
			}
		})
	}
}

func TestRefersBack(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"It has been held since 1450.", true},
		{"This imagery has been in use since the 14th century.", true},
		{"Their record stood.", true},
		{"Italy won.", false},
		{"The event was held in May.", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := refersBack(tt.s); got != tt.want {
			t.Errorf("refersBack(%q) = %v; want %v", tt.s, got, tt.want)
		}
	}
}

func TestIntroduce(t *testing.T) {
	tests := []struct {
		name, desc, want string
	}{
		{"James Carden", "executive editor for the American Committee for East-West Accord",
			"James Carden is executive editor for the American Committee for East-West Accord"},
		{"Ann Lee", "a senator; a former judge", "Ann Lee is a senator and a former judge"},
		{"Ed Balls", "ex-chief economic adviser to the Treasury; a prospective Labour MP; who stepped down from his post",
			"Ed Balls, who stepped down from his post, is ex-chief economic adviser to the Treasury and a prospective Labour MP"},
		{"Shani James", "who won the Jerwood prize in 2003; whose father was Welsh",
			"Shani James is the person who won the Jerwood prize in 2003 and whose father was Welsh"},
		{"Tom Field", "a, b; c", "Tom Field is a, b and c"},
	}
	for _, tt := range tests {
		if got := introduce(tt.name, tt.desc); got != tt.want {
			t.Errorf("introduce(%q, %q) = %q; want %q", tt.name, tt.desc, got, tt.want)
		}
	}
}

func TestSharesWord(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Xi's government", "Xi Jinping", true},
		{"Thomson's think tank", "Adam Thomson", true},
		{"the head of state", "Bank of England", false}, // a particle names no one
		{"the home secretary", "Jack Straw", false},
		{"my neighbour", "My Chemical Romance", false}, // no name written with a capital
		{"the US ambassador", "US Steel", false},       // an abbreviation
	}
	for _, tt := range tests {
		if got := sharesWord(tt.a, tt.b); got != tt.want {
			t.Errorf("sharesWord(%q, %q) = %v; want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
