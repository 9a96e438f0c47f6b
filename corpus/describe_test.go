package corpus_test

import (
	"testing"

	"articlebot/corpus"
)

// TestDescriptionBefore checks that a person only mentioned is described by
// the role words the text sets before the name, and that phrases which are
// not about the person give nothing.
func TestDescriptionBefore(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		person string
		want   string
	}{
		{
			name:   "possessive pronoun and comma",
			text:   "Trump named his national security adviser, Gen. Michael Flynn, on Friday.",
			person: "Michael Flynn",
			want:   "national security adviser",
		},
		{
			name:   "its role: the organisation that opens the sentence before",
			text:   "The Financial Services Union said it had not been consulted. Its general secretary, Declan Moran, said staff were shocked.",
			person: "Declan Moran",
			want:   "general secretary of the Financial Services Union",
		},
		{
			name:   "sentence adverb before the role",
			text:   "Meanwhile Lib Dem leader Charles Kennedy visited Leeds.",
			person: "Charles Kennedy",
			want:   "Lib Dem leader",
		},
		{
			name:   "plain nouns inside a role opened by a capital",
			text:   "Lib Dem home affairs spokesman Mark Oaten spoke on Monday.",
			person: "Mark Oaten",
			want:   "Lib Dem home affairs spokesman",
		},
		{
			name:   "plain noun after a hyphenated word",
			text:   "And ex-Tory education secretary Gillian Shepherd agreed.",
			person: "Gillian Shepherd",
			want:   "ex-Tory education secretary",
		},
		{
			name:   "a day before the role is no part of it",
			text:   "On Monday Lib Dem committee chairman Alan Beith spoke.",
			person: "Alan Beith",
			want:   "Lib Dem committee chairman",
		},
		{
			name:   "a role of everyday life",
			text:   "Homeowner Keisha Barnes told reporters the water rose fast.",
			person: "Keisha Barnes",
			want:   "Homeowner",
		},
		{
			name:   "hyphenated role",
			text:   "Tory co-chairman Liam Fox was speaking after the vote.",
			person: "Liam Fox",
			want:   "Tory co-chairman",
		},
		{
			name:   "acronym inside the phrase",
			text:   "He picked his CIA chief, Rep. Michael Pompeo, on Friday.",
			person: "Michael Pompeo",
			want:   "CIA chief",
		},
		{
			name:   "possessive name kept",
			text:   "Tom Field’s campaign manager, Ann Lee, left the race.",
			person: "Ann Lee",
			want:   "Tom Field’s campaign manager",
		},
		{
			name:   "modifier before a title",
			text:   "The wars were started by former President George W. Bush.",
			person: "George W. Bush",
			want:   "former President",
		},
		{
			name:   "role directly before the name",
			text:   "The plan came from Democratic strategist Ann Lee in March.",
			person: "Ann Lee",
			want:   "Democratic strategist",
		},
		{
			name:   "a verb is not part of the role",
			text:   "Trump appointed deputy adviser Ann Lee in March.",
			person: "Ann Lee",
			want:   "deputy adviser",
		},
		{
			name:   "words before an unopened phrase stay out",
			text:   "Most voters back Ann Lee, while 5 percent prefer Libertarian nominee Tom Field.",
			person: "Tom Field",
			want:   "Libertarian nominee",
		},
		{
			name:   "a participle is no modifier",
			text:   "He spent the day slamming Democratic vice presidential nominee Tom Field.",
			person: "Tom Field",
			want:   "Democratic vice presidential nominee",
		},
		{
			name:   "a phrase after a preposition is no appositive",
			text:   "With his lawyer, Gen. Tom Field went to court.",
			person: "Tom Field",
			want:   "",
		},
		{
			name:   "a phrase without a role word says nothing",
			text:   "After the meeting, Gen. Tom Field went home.",
			person: "Tom Field",
			want:   "",
		},
		{
			name:   "a role led by a capitalised name after the name",
			text:   "Sir Ann Lee, CBI director general, warned Tom Field not to spend the money.",
			person: "Ann Lee",
			want:   "CBI director general",
		},
		{
			name:   "a hyphenated role after the name",
			text:   "Tom Field, Tory co-chairman, said the plan was sound.",
			person: "Tom Field",
			want:   "Tory co-chairman",
		},
		{
			name:   "a list of names is no role",
			text:   "Tom Field, Ann Lee, and Bo Park said the plan was sound.",
			person: "Tom Field",
			want:   "",
		},
		{
			name:   "MP before a name is a role, not part of the name",
			text:   "The chairman of the committee, Labour MP Tom Field, spoke.",
			person: "Tom Field",
			want:   "Labour MP; chairman of the committee",
		},
		{
			name:   "a trade before a name",
			text:   "The case began when Norfolk farmer Tom Field said he was attacked.",
			person: "Tom Field",
			want:   "Norfolk farmer",
		},
		{
			name:   "a role with an of-phrase set off by a comma",
			text:   "The director of public prosecutions, Tom Field, says only 11 were charged.",
			person: "Tom Field",
			want:   "director of public prosecutions",
		},
		{
			name:   "an of-phrase without a role before it",
			text:   "In the heart of the city, Tom Field said the plan was sound.",
			person: "Tom Field",
			want:   "",
		},
		{
			name:   "a source and its verb after the appositive are no part of it",
			text:   "Mrs. Ann Lee spoke. The emails were on a laptop used by Ann Lee, a top aide to Tom Field, a law enforcement official said.",
			person: "Ann Lee",
			want:   "a top aide to Tom Field",
		},
		{
			name:   "a who-clause after an organisation is about a person",
			text:   "A senior official at the Ministry of Foreign Affairs, who spoke on condition of anonymity, said the talks failed. “We tried,” the Ministry of Foreign Affairs said.",
			person: "Ministry of Foreign Affairs",
			want:   "",
		},
		{
			name:   "a possessive role after the name",
			text:   "Karen Whitfield, Vireo’s chief executive, told the senators the company was safe.",
			person: "Karen Whitfield",
			want:   "Vireo’s chief executive",
		},
		{
			name:   "a list of names after a name describes no one",
			text:   "The moderators were NBC's Lester Holt, ABC's Martha Raddatz, and CNN's Anderson Cooper. “It was fair,” Holt said.",
			person: "Lester Holt",
			want:   "",
		},
		{
			name:   "an age before the appositive",
			text:   "“We voted,” said Janet Pruitt, 58, a dental hygienist from Brookfield.",
			person: "Janet Pruitt",
			want:   "a dental hygienist from Brookfield",
		},
		{
			name:   "an age before the verb",
			text:   "Iraq War veteran Tom Young, 33, lay down on the tracks. “I was lost,” Young said.",
			person: "Tom Young",
			want:   "Iraq War veteran",
		},
		{
			name:   "an honorific before the possessive role",
			text:   "Dmitry S. Peskov, Mr. Putin's spokesman, struck a cautious tone. “We will see,” Peskov said.",
			person: "Dmitry S. Peskov",
			want:   "Mr. Putin's spokesman",
		},
		{
			name:   "the Irish taoiseach",
			text:   "The Irish taoiseach, Micheál Martin, said the deal must stand.",
			person: "Micheál Martin",
			want:   "Irish taoiseach",
		},
		{
			name:   "a peer's place before the appositive",
			text:   "Lord Tom Fairbairn of Kelso, a crossbench peer, said the plan was sound.",
			person: "Tom Fairbairn",
			want:   "a crossbench peer",
		},
		{
			name:   "Baroness is a title",
			text:   "Baroness Ann Whitlock, a Labour peer, said the plan was sound.",
			person: "Ann Whitlock",
			want:   "a Labour peer",
		},
		{
			name:   "a colonel's rank spelt out before the surname",
			text:   "Col. Tom Field defended the award at the hearing on Tuesday morning. “It was fair,” Colonel Field told the committee.",
			person: "Tom Field",
			want:   "Colonel",
		},
		{
			name:   "a clause after a fronted name is no appositive",
			text:   "For Ms. Ann Lee, the episode has been painful. She wrote: “I spent 31 years there.”",
			person: "Ann Lee",
			want:   "",
		},
		{
			name:   "a rank spelt out before the surname is a title",
			text:   "Lt. Gen. Tom Field defended the award. “It was fair,” General Field told the committee.",
			person: "Tom Field",
			want:   "General",
		},
		{
			name:   "the appositive after the name still counts",
			text:   "His lawyer, Gen. Tom Field, a former judge, spoke.",
			person: "Tom Field",
			want:   "lawyer; a former judge",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := corpus.Parse("t", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			s, ok := a.Speaker(tt.person)
			if !ok {
				var names []string
				for _, s := range a.Speakers {
					names = append(names, s.Name)
				}
				t.Fatalf("Parse(%q) has no speaker %q; speakers %q", tt.text, tt.person, names)
			}
			if s.Description != tt.want {
				t.Errorf("Parse(%q).Speaker(%q).Description = %q; want %q", tt.text, tt.person, s.Description, tt.want)
			}
		})
	}
}

// TestRoleBeforeName checks that a capitalised role opening the sentence
// before a full name describes the person and is no part of the name.
func TestRoleBeforeName(t *testing.T) {
	a, err := corpus.Parse("t", []byte("Solicitor Gareth Pierce called the ruling “madness”."))
	if err != nil {
		t.Fatal(err)
	}
	s, ok := a.Speaker("Gareth Pierce")
	if !ok || s.Description != "Solicitor" {
		t.Errorf("Speaker(%q) = %+v, %v; want the description %q", "Gareth Pierce", s, ok, "Solicitor")
	}
}

// TestAppositiveWithQuotedName checks that a short quoted name inside an
// appositive stays in the description, and that one ending a sentence
// ends it.
func TestAppositiveWithQuotedName(t *testing.T) {
	tests := []struct {
		text, person, want string
	}{
		{"Barbara Follet, one of the so-called “Blair Babes” elected in 1997, spoke first. “It was hard,” Ms Follet said.",
			"Barbara Follet", "one of the so-called “Blair Babes” elected in 1997"},
		{"Viewers watched Lester Holt, the anchor of NBC's “Nightly News.” Holt said the debate was fair.",
			"Lester Holt", "the anchor of NBC's “Nightly News.”"},
	}
	for _, tt := range tests {
		a, err := corpus.Parse("t", []byte(tt.text))
		if err != nil {
			t.Fatal(err)
		}
		if s, ok := a.Speaker(tt.person); !ok || s.Description != tt.want {
			t.Errorf("Parse(%q): %s described as %q (found %v); want %q", tt.text, tt.person, s.Description, ok, tt.want)
		}
	}
}
