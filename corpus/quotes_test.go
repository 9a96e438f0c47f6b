package corpus_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"articlebot/corpus"
)

// q is a quotation as a test expects it: paragraph, kind, speaker, text.
type q struct {
	para    int
	kind    corpus.Kind
	speaker string
	text    string
}

func (x q) String() string { return fmt.Sprintf("¶%d %s %q: %q", x.para, x.kind, x.speaker, x.text) }

func quotations(a *corpus.Article, withIndirect bool) []q {
	var out []q
	for _, x := range a.Quotes {
		if x.Kind != corpus.Indirect || withIndirect {
			out = append(out, q{x.Paragraph, x.Kind, x.Speaker, x.Text})
		}
	}
	return out
}

func TestQuotations(t *testing.T) {
	tests := []struct {
		name string
		// paras are joined with blank lines.
		paras []string
		want  []q
	}{
		{
			name:  "split around the cue",
			paras: []string{"“The plan is sound,” said Jane Roe, a planner. “It will work.”"},
			want: []q{
				{1, corpus.Direct, "Jane Roe", "The plan is sound,"},
				{1, corpus.Direct, "Jane Roe", "It will work."},
			},
		},
		{
			name: "a passive verb's subject is whom the phrase is said of",
			paras: []string{
				"Sir Martin Halloway was accused of “running scared” of his own backbenchers.",
				"Ann Lee accused Halloway of “running scared.”",
				"Tom Field was often “brutal” with staff.",
			},
			want: []q{
				{1, corpus.Mixed, "", "running scared"},
				{2, corpus.Mixed, "Ann Lee", "running scared."},
				{3, corpus.Mixed, "Tom Field", "brutal"},
			},
		},
		{
			name: "words written on a thing are no one's",
			paras: []string{
				"“I gave them two chances,” said Gary Hollis, adjusting a red cap that read “no more wars.” “Trump talks like us.”",
			},
			want: []q{
				{1, corpus.Direct, "Gary Hollis", "I gave them two chances,"},
				{1, corpus.Mixed, "", "no more wars."},
				{1, corpus.Direct, "Gary Hollis", "Trump talks like us."},
			},
		},
		{
			name: "a phrase in lower case after a verb that is not one of saying",
			paras: []string{
				"Priya Natarajan said she had spoken to him and welcomed “any shareholder who wants to engage.”",
				"Jennifer Roberts said the video should be released but said “the question is the timing.”",
			},
			want: []q{
				{1, corpus.Mixed, "Priya Natarajan", "any shareholder who wants to engage."},
				{2, corpus.Direct, "Jennifer Roberts", "the question is the timing."},
			},
		},
		{
			name: "a party and state before a who-clause are an aside",
			paras: []string{
				"Senator Elaine Brodsky, Democrat of Oregon, who sits on the Armed Services Committee, said: “We will ask for hearings.”",
			},
			want: []q{
				{1, corpus.Direct, "Elaine Brodsky", "We will ask for hearings."},
			},
		},
		{
			name: "a name inside the opening name's appositive is an aside",
			paras: []string{
				"Marcus Bell, an activist investor whose fund, Greyrock Capital, owns about 3% of Lumora, posted on X: “The board has lost the plot.”",
				"Dana Cole, a lawyer whose client, Tom Field, was convicted, said: “The ruling was wrong.”",
			},
			want: []q{
				{1, corpus.Direct, "Marcus Bell", "The board has lost the plot."},
				{2, corpus.Direct, "Dana Cole", "The ruling was wrong."},
			},
		},
		{
			name: "Mr. and Mrs. tell two people of one surname apart",
			paras: []string{
				"“We will not back down,” Bill Clinton said. “Health care is a right,” Hillary Clinton said.",
				"“It is time,” Mrs. Clinton said. “We agree,” Mr. Clinton said.",
			},
			want: []q{
				{1, corpus.Direct, "Bill Clinton", "We will not back down,"},
				{1, corpus.Direct, "Hillary Clinton", "Health care is a right,"},
				{2, corpus.Direct, "Hillary Clinton", "It is time,"},
				{2, corpus.Direct, "Bill Clinton", "We agree,"},
			},
		},
		{
			name: "a transcript without quotation marks",
			paras: []string{
				"Rep. Tom Field clashed with Rep. Ann Lee on the floor.",
				"FIELD: The gentlewoman knows this bill was negotiated in good faith.",
				"LEE: Good faith? You walked out of the room.",
				"FIELD: I yield to no one.",
			},
			want: []q{
				{2, corpus.Direct, "Tom Field", "The gentlewoman knows this bill was negotiated in good faith."},
				{3, corpus.Direct, "Ann Lee", "Good faith? You walked out of the room."},
				{4, corpus.Direct, "Tom Field", "I yield to no one."},
			},
		},
		{
			name:  "one label is a dateline, not a transcript",
			paras: []string{"LONDON: The talks ended on Monday without a deal."},
			want:  nil,
		},
		{
			name: "the cue of a quotation over paragraphs comes last",
			paras: []string{
				"Mayor Ann Lee remembers the flood.",
				"“Nobody knew what to do. We stood in the parking lot.",
				"“It took this town a generation to recover,” the mayor said.",
			},
			want: []q{
				{2, corpus.Direct, "Ann Lee", "Nobody knew what to do. We stood in the parking lot."},
				{3, corpus.Direct, "Ann Lee", "It took this town a generation to recover,"},
			},
		},
		{
			name:  "bracketed insertion kept",
			paras: []string{"“Gen. [Philip] Bird pushed hard,” said Ann Lee."},
			want:  []q{{1, corpus.Direct, "Ann Lee", "Gen. [Philip] Bird pushed hard,"}},
		},
		{
			name: "quotation runs on into the next paragraph",
			paras: []string{
				"Ann Lee, a mayor, described the vote. “It was close and we knew it.",
				"“But we won in the end.”",
			},
			want: []q{
				{1, corpus.Direct, "Ann Lee", "It was close and we knew it."},
				{2, corpus.Direct, "Ann Lee", "But we won in the end."},
			},
		},
		{
			name:  "straight quotes",
			paras: []string{`"We are ready," Tom Field said. "More later."`},
			want: []q{
				{1, corpus.Direct, "Tom Field", "We are ready,"},
				{1, corpus.Direct, "Tom Field", "More later."},
			},
		},
		{
			name:  "apostrophes are not quotation marks",
			paras: []string{"“It’s Tom’s call, isn't it,” said Ann Lee’s aide, Bo Park."},
			want:  []q{{1, corpus.Direct, "Bo Park", "It’s Tom’s call, isn't it,"}},
		},
		{
			name:  "partial quotation inside reported speech",
			paras: []string{"Ann Lee believes the deal could “change everything for us.”"},
			want:  []q{{1, corpus.Mixed, "Ann Lee", "change everything for us."}},
		},
		{
			name:  "he said, before the quotation",
			paras: []string{"Tom Field spoke first.", "He said, “we will see.”"},
			want:  []q{{2, corpus.Direct, "Tom Field", "we will see."}},
		},
		{
			name:  "organisation through according to",
			paras: []string{"The talks “went well,” according to a White House statement."},
			want:  []q{{1, corpus.Mixed, "White House", "went well,"}},
		},
		{
			name:  "it is the organisation that opens the sentence",
			paras: []string{"The Security Council met on Friday to act on what it called “a clear threat to peace.”"},
			want:  []q{{1, corpus.Mixed, "Security Council", "a clear threat to peace."}},
		},
		{
			name:  "a newspaper by its name",
			paras: []string{"“Prices rose all year,” the Times wrote."},
			want:  []q{{1, corpus.Direct, "Times", "Prices rose all year,"}},
		},
		{
			name:  "appositive opening with a possessive",
			paras: []string{"Even China, Pyongyang's only ally, said it was “resolutely opposed” to the test."},
			want:  []q{{1, corpus.Mixed, "China", "resolutely opposed"}},
		},
		{
			name:  "show titles are not quotations",
			paras: []string{"Ann Lee said on “Face the Nation” that she would run."},
			want:  nil,
		},
		{
			name:  "no source, no guess",
			paras: []string{"“Nobody knows who wrote this line.”"},
			want:  []q{{1, corpus.Direct, "", "Nobody knows who wrote this line."}},
		},
		{
			name:  "transcript speaker label",
			paras: []string{`"FIELD: We will win this."`},
			want:  []q{{1, corpus.Direct, "Field", "We will win this."}},
		},
		{
			name:  "signature after a dash",
			paras: []string{"“We will win.” ― Jane Roe “We might lose.” ― Tom Field"},
			want: []q{
				{1, corpus.Direct, "Jane Roe", "We will win."},
				{1, corpus.Direct, "Tom Field", "We might lose."},
			},
		},
		{
			name:  "quotation inside a quotation with the same marks",
			paras: []string{"“I’d rather live in what he calls “hell” than live here.” ― Ann Lee"},
			want:  []q{{1, corpus.Direct, "Ann Lee", "I’d rather live in what he calls “hell” than live here."}},
		},
		{
			name:  "a new quotation after one left open",
			paras: []string{"Tom Field spoke. “We will see. “It is close,” he said."},
			want: []q{
				{1, corpus.Direct, "Tom Field", "We will see."},
				{1, corpus.Direct, "Tom Field", "It is close,"},
			},
		},
		{
			name:  "a site's sign-off is not a quotation",
			paras: []string{"“We will win,” said Ann Lee.", `"Follow Tom Field on Twitter @tfield."`},
			want:  []q{{1, corpus.Direct, "Ann Lee", "We will win,"}},
		},
		{
			name:  "a quotation that opens with Follow stays",
			paras: []string{"“Follow the money,” said Ann Lee."},
			want:  []q{{1, corpus.Direct, "Ann Lee", "Follow the money,"}},
		},
		{
			name:  "quotation inside a quotation",
			paras: []string{`"He asked me, “Are you sure?” and I was," said Ann Lee.`},
			want:  []q{{1, corpus.Direct, "Ann Lee", "He asked me, “Are you sure?” and I was,"}},
		},
		{
			name:  "single quotation marks, British style",
			paras: []string{"‘It is a disgrace,’ said Ann Lee. ‘The leaders’ views are wrong.’ It’s over, she said of the ‘90s and rock ‘n’ roll."},
			want: []q{
				{1, corpus.Direct, "Ann Lee", "It is a disgrace,"},
				{1, corpus.Direct, "Ann Lee", "The leaders’ views are wrong."},
			},
		},
		{
			name:  "straight single marks, as scraped British copy has them",
			paras: []string{"A spokesman for the Home Office said: 'We are investing record sums.' It's the leaders' plan, he said of the '90s."},
			want:  []q{{1, corpus.Direct, "Home Office", "We are investing record sums."}},
		},
		{
			name:  "two apostrophes for a double mark are no single quotation",
			paras: []string{"''It has the virtue of being responsible,'' Ann Lee said of the 'plan'."},
			want:  nil,
		},
		{
			name:  "a subheading in quotation marks",
			paras: []string{"“We will win,” Ann Lee said.", "'All Bets Are Off.'"},
			want:  []q{{1, corpus.Direct, "Ann Lee", "We will win,"}},
		},
		{
			name:  "single marks around short phrases",
			paras: []string{"Ann Lee described the plan as ‘a mess’ and the leaders as ‘out of touch’."},
			want: []q{
				{1, corpus.Mixed, "Ann Lee", "a mess"},
				{1, corpus.Mixed, "Ann Lee", "out of touch"},
			},
		},
		{
			name:  "a closing single mark after an s, another quotation ahead",
			paras: []string{"The union called the offer ‘an insult to nurses’ last week and promised ‘more strikes’ in the spring."},
			want: []q{
				{1, corpus.Mixed, "", "an insult to nurses"},
				{1, corpus.Mixed, "", "more strikes"},
			},
		},
		{
			name: "and the governor said opens a clause",
			paras: []string{"Governor Greg Abbott spoke on Tuesday.",
				"The bill remains “a giveaway to the rich” and the governor said he would veto it."},
			want: []q{{2, corpus.Mixed, "", "a giveaway to the rich"}},
		},
		{
			name:  "a quotation that goes on to a verb is the writer's",
			paras: []string{"“The talks went well,” Jones said. “Strong and stable” became a punchline within weeks."},
			want: []q{
				{1, corpus.Direct, "Jones", "The talks went well,"},
				{1, corpus.Direct, "", "Strong and stable"},
			},
		},
		{
			name:  "single marks inside double ones are no quotation of their own",
			paras: []string{"“He called it ‘a mess’ yesterday,” said Ann Lee."},
			want:  []q{{1, corpus.Direct, "Ann Lee", "He called it ‘a mess’ yesterday,"}},
		},
		{
			name:  "age between the name and the verb",
			paras: []string{"“We will not stop,” Quina Jones, 25, said as she marched."},
			want:  []q{{1, corpus.Direct, "Quina Jones", "We will not stop,"}},
		},
		{
			name: "age and home town between the name and the verb",
			paras: []string{
				"Carla Mendes, 52, of East Palestine, Ohio, said: “The water was bad.”",
				"“It was awful,” John Reyes, 61, of Springfield, Va., said.",
				"“We left,” said Ann Poole, 34, of Dayton.",
			},
			want: []q{
				{1, corpus.Direct, "Carla Mendes", "The water was bad."},
				{2, corpus.Direct, "John Reyes", "It was awful,"},
				{3, corpus.Direct, "Ann Poole", "We left,"},
			},
		},
		{
			name: "party and state between the name and the verb",
			paras: []string{
				"Sen. Ruth Hale, R-Ohio, the panel's chair, told reporters the bill “is dead.”",
				"Senator Ann Lee, Democrat of California, said: “It is dead.”",
			},
			want: []q{
				{1, corpus.Mixed, "Ruth Hale", "is dead."},
				{2, corpus.Direct, "Ann Lee", "It is dead."},
			},
		},
		{
			name:  "aside between the name and the verb",
			paras: []string{"Senator Ann Lee, at a later press conference, said, “We were briefed.”"},
			want:  []q{{1, corpus.Direct, "Ann Lee", "We were briefed."}},
		},
		{
			name:  "person of a place",
			paras: []string{"“We need answers,” Rep. Adam Schiff of California said on Monday."},
			want:  []q{{1, corpus.Direct, "Adam Schiff", "We need answers,"}},
		},
		{
			name:  "peer of a place",
			paras: []string{"Lord Nicholls of Birkenhead said: “Indefinite imprisonment is anathema.”"},
			want:  []q{{1, corpus.Direct, "Nicholls", "Indefinite imprisonment is anathema."}},
		},
		{
			name:  "organisation with of in its name",
			paras: []string{"“Rates will rise,” the Bank of England said."},
			want:  []q{{1, corpus.Direct, "Bank of England", "Rates will rise,"}},
		},
		{
			name:  "title of a place before the name",
			paras: []string{"“It is closed,” Governor of Texas Greg Abbott said."},
			want:  []q{{1, corpus.Direct, "Greg Abbott", "It is closed,"}},
		},
		{
			name:  "inverted title of a department before the name",
			paras: []string{"“It is closed,” said Secretary of State John Kerry."},
			want:  []q{{1, corpus.Direct, "John Kerry", "It is closed,"}},
		},
		{
			name:  "someone else of the name speaks",
			paras: []string{"“It is closed,” a friend of Ann Lee said. “It was,” a lawyer for Bo Park said."},
			want: []q{
				{1, corpus.Direct, "", "It is closed,"},
				{1, corpus.Direct, "", "It was,"},
			},
		},
		{
			name:  "the title of the one person who bears it",
			paras: []string{"Sen. Ted Cruz spoke on Monday.", "“We will win,” the senator said."},
			want:  []q{{2, corpus.Direct, "Ted Cruz", "We will win,"}},
		},
		{
			name:  "a former office is no present one",
			paras: []string{"Former president Tom Field spoke in Ohio.", "“The economy is strong,” the president said. “It is,” the former president said."},
			want: []q{
				{2, corpus.Direct, "", "The economy is strong,"},
				{2, corpus.Direct, "Tom Field", "It is,"},
			},
		},
		{
			name:  "a title with a place before it",
			paras: []string{"Sen. Ted Cruz spoke on Tuesday.", "“It is a bad bill,” the Texas senator said."},
			want:  []q{{2, corpus.Direct, "Ted Cruz", "It is a bad bill,"}},
		},
		{
			name:  "a title that two people bear",
			paras: []string{"Sen. Ted Cruz met Sen. Ann Lee.", "“We will win,” the senator said."},
			want:  []q{{2, corpus.Direct, "", "We will win,"}},
		},
		{
			name:  "another office of the same title",
			paras: []string{"Home Secretary Bo Park spoke.", "“It is wrong,” the foreign secretary said."},
			want:  []q{{2, corpus.Direct, "", "It is wrong,"}},
		},
		{
			name:  "a title given to a surname only",
			paras: []string{"Michelle Obama spoke. President Obama smiled.", "“Vote,” the president said."},
			want:  []q{{2, corpus.Direct, "", "Vote,"}},
		},
		{
			name:  "a quotation that opens a sentence without a cue goes on with the last speaker",
			paras: []string{"“This just isn’t right,” Ann Lee said. “You went on television to blame thousands of” workers."},
			want: []q{
				{1, corpus.Direct, "Ann Lee", "This just isn’t right,"},
				{1, corpus.Direct, "Ann Lee", "You went on television to blame thousands of"},
			},
		},
		{
			name:  "a cue after a coordinated noun phrase",
			paras: []string{"Ann Lee spoke. “You squeezed employees” to drive up the stock price and your pay, she said."},
			want:  []q{{1, corpus.Direct, "Ann Lee", "You squeezed employees"}},
		},
		{
			name:  "a named possessor's claim",
			paras: []string{"Politifact checked Donald Trump’s claim that there were “thousands of shootings” in Chicago."},
			want:  []q{{1, corpus.Mixed, "Donald Trump", "thousands of shootings"}},
		},
		{
			name:  "a named possessor's view that is the subject",
			paras: []string{"Ann Lee said Tom Field’s views “are not aligned” with his aides."},
			want:  []q{{1, corpus.Mixed, "Ann Lee", "are not aligned"}},
		},
		{
			name:  "a body of people without the",
			paras: []string{"Police say they have “adequate resources” to secure the city."},
			want:  []q{{1, corpus.Mixed, "Police", "adequate resources"}},
		},
		{
			name:  "two particles inside a name",
			paras: []string{"“Yes,” Dr. Anna van der Berg said. “Fine,” said Tomás de la Cruz."},
			want: []q{
				{1, corpus.Direct, "Anna van der Berg", "Yes,"},
				{1, corpus.Direct, "Tomás de la Cruz", "Fine,"},
			},
		},
		{
			name:  "a title after the kind of work it names",
			paras: []string{"Ann Lee spoke about her 2014 novel “The Drowned Republic” and her memoir “Borrowed Light”."},
			want:  nil,
		},
		{
			name:  "a capitalised role opening the sentence is no part of the name",
			paras: []string{"Solicitor Gareth Pierce called the ruling “madness”."},
			want:  []q{{1, corpus.Mixed, "Gareth Pierce", "madness"}},
		},
		{
			name:  "a role the text set before a name",
			paras: []string{"Tory co-chairman Liam Fox spoke.", "The Tory co-chairman attacked the pledges as “vacuous”."},
			want:  []q{{2, corpus.Mixed, "Liam Fox", "vacuous"}},
		},
		{
			name:  "a party member is a person, not the party",
			paras: []string{"“We are ready,” the Indiana Republican added. “So are we,” a Democrat said."},
			want: []q{
				{1, corpus.Direct, "", "We are ready,"},
				{1, corpus.Direct, "", "So are we,"},
			},
		},
		{
			name:  "a spokesman after an organisation that acted on another",
			paras: []string{"The European Commission fined Google 2.4 billion euros. A spokesman said: “We disagree and will appeal.”"},
			want:  []q{{1, corpus.Direct, "", "We disagree and will appeal."}},
		},
		{
			name: "an interview's answers take no speaker",
			paras: []string{
				"Keir Starmer sat down with the BBC's Laura Kuenssberg on Sunday.",
				"Q: Will taxes go up?",
				"A: Working people will not pay more.",
				"Q: And the budget?",
				"A: Not in a television studio.",
			},
			want: nil,
		},
		{
			name:  "a short surname as a transcript label",
			paras: []string{"Rep. Ann Xu spoke. Rep. Bo Li spoke.", "XU: Yes.", "LI: No.", "XU: Maybe."},
			want: []q{
				{2, corpus.Direct, "Ann Xu", "Yes."},
				{3, corpus.Direct, "Bo Li", "No."},
				{4, corpus.Direct, "Ann Xu", "Maybe."},
			},
		},
		{
			name: "ratings in capitals are a list, not a transcript",
			paras: []string{
				"England beat Spain 2-1. Jordan Pickford and Harry Kane starred.",
				"PICKFORD: Commanding when it mattered. 8",
				"KANE: Isolated and barely touched the ball. 5",
			},
			want: nil,
		},
		{
			name: "a label two people of one surname could bear",
			paras: []string{
				"Rep. Tom Field and his sister, Sen. Mary Field, clashed with Rep. Ann Lee.",
				"FIELD: The bill was negotiated in good faith.",
				"LEE: Good faith?",
				"FIELD: Yes.",
				"LEE: No.",
			},
			want: nil, // "FIELD" could be either: no second speaker, no transcript
		},
		{
			name: "names as written before a colon are a list, not a transcript",
			paras: []string{
				"England beat Spain 2-1. Jordan Pickford and Harry Kane starred.",
				"Pickford: Commanding when it mattered. 8",
				"Kane: Isolated and barely touched the ball. 5",
			},
			want: nil,
		},
		{
			name:  "datelines and section labels are no transcript",
			paras: []string{"LONDON: The prime minister faced questions.", "WASHINGTON: Senators returned to work.", "WHY IT MATTERS: The vote was close."},
			want:  nil,
		},
		{
			name:  "Mr. and a son of one surname",
			paras: []string{"Andrea Bocelli sang. Andrea Bocelli later performed a duet with his son, Matteo Bocelli.", "“It was the best night of my life,” Mr. Bocelli said."},
			want:  []q{{2, corpus.Direct, "Andrea Bocelli", "It was the best night of my life,"}},
		},
		{
			name:  "a quoted phrase left open takes no speaker from the next paragraph",
			paras: []string{"The judge's ruling, headlined “Justice Delayed, ran to 40 pages.", "“It is a fair ruling,” said Ann Cole."},
			want: []q{
				{1, corpus.Mixed, "", "Justice Delayed, ran to 40 pages."},
				{2, corpus.Direct, "Ann Cole", "It is a fair ruling,"},
			},
		},
		{
			name:  "a short answer paragraph is no subheading",
			paras: []string{"“I will not resign,” Mr. Tom Smith said. “The voters chose me.”", "“Never.”"},
			want: []q{
				{1, corpus.Direct, "Tom Smith", "I will not resign,"},
				{1, corpus.Direct, "Tom Smith", "The voters chose me."},
				{2, corpus.Direct, "Tom Smith", "Never."},
			},
		},
		{
			name: "straight marks and clipped words",
			paras: []string{
				"'We're goin' home now,' said Ian Hunt.",
				"'Everything was fine until the '90s,' said Joe Bloggs.",
				"'Rock 'n' roll is dead,' said Ian Hunt.",
			},
			want: []q{
				{1, corpus.Direct, "Ian Hunt", "We're goin' home now,"},
				{2, corpus.Direct, "Joe Bloggs", "Everything was fine until the '90s,"},
				{3, corpus.Direct, "Ian Hunt", "Rock 'n' roll is dead,"},
			},
		},
		{
			name:  "a name in apposition after its role",
			paras: []string{"The group vowed to fight on. Its chairman, retired engineer Keith Ormsby, said: “This is not over.”"},
			want:  []q{{1, corpus.Direct, "Keith Ormsby", "This is not over."}},
		},
		{
			name: "the body is the organisation that opens the sentence",
			paras: []string{
				"The Supreme Court overturned a ruling by the Court of Appeal. “The lower court misread the statute,” the court said.",
				"Labour attacked the Conservative Party over housing. “This is a national disgrace,” the party said.",
			},
			want: []q{
				{1, corpus.Direct, "Supreme Court", "The lower court misread the statute,"},
				{2, corpus.Direct, "", "This is a national disgrace,"},
			},
		},
		{
			name: "the bank is no bank named before another",
			paras: []string{
				"The Bank of England held interest rates. HSBC reported a rise in profits. “Conditions remain challenging,” the bank said.",
				"The Metropolitan Police faced criticism.",
				"In Manchester, officers arrested 12 people, the police said.",
			},
			want: []q{{1, corpus.Direct, "", "Conditions remain challenging,"}},
		},
		{
			name:  "the council is the one council named",
			paras: []string{"Westvale Council approved the plan on Monday.", "“We have listened to residents,” the council said. Her letter to the council noted the delay."},
			want:  []q{{2, corpus.Direct, "Westvale Council", "We have listened to residents,"}},
		},
		{
			name:  "a spokesman speaks for the organisation just named",
			paras: []string{"The Home Office defended the policy. A spokesman said: “We will not apologise.”"},
			want:  []q{{1, corpus.Direct, "Home Office", "We will not apologise."}},
		},
		{
			name:  "a representative speaks for an organisation, not for a person",
			paras: []string{"“Kayla asks for privacy,” a representative for Kayla Brooke said. “We deny it,” a lawyer for the company said."},
			want: []q{
				{1, corpus.Direct, "", "Kayla asks for privacy,"},
				{1, corpus.Direct, "", "We deny it,"},
			},
		},
		{
			name:  "organisations whose names end like a people's",
			paras: []string{"“We are concerned,” the Vatican said. “So are we,” the Guardian said."},
			want: []q{
				{1, corpus.Direct, "Vatican", "We are concerned,"},
				{1, corpus.Direct, "Guardian", "So are we,"},
			},
		},
		{
			name: "someone else of, for, to or at a name speaks",
			paras: []string{
				"Critics of Mayor Sofía Herrera said the plan was “too expensive.”",
				"Lawyers for Olumide Bankole said the arrest was “unlawful.”",
				"“The charges are false,” a lawyer representing Zhang Wei said.",
				"“He will resign,” a source close to Prime Minister Karim Haddad said.",
				"“He is recovering,” an aide to Senator Kwame Mensah said.",
				"“Patients died,” a doctor at Kenyatta National Hospital said.",
				"“We are concerned,” officials at Homeland Security Investigations said.",
			},
			want: []q{
				{1, corpus.Mixed, "", "too expensive."},
				{2, corpus.Mixed, "", "unlawful."},
				{3, corpus.Direct, "", "The charges are false,"},
				{4, corpus.Direct, "", "He will resign,"},
				{5, corpus.Direct, "", "He is recovering,"},
				{6, corpus.Direct, "", "Patients died,"},
				{7, corpus.Direct, "Homeland Security Investigations", "We are concerned,"},
			},
		},
		{
			name: "a name after a lawyer's client's role is the client's",
			paras: []string{
				"A lawyer for the former minister, Bo Park, said the ruling was “wrong.”",
				"A lawyer for the news outlets, David Schulz, said no decision had been “made.”",
			},
			want: []q{
				{1, corpus.Mixed, "", "wrong."},
				{2, corpus.Mixed, "David Schulz", "made."},
			},
		},
		{
			name:  "the Spaniard is no name",
			paras: []string{"Luis Marquina scored twice. “I just tried to be in the right place,” the Spaniard said."},
			want:  []q{{1, corpus.Direct, "", "I just tried to be in the right place,"}},
		},
		{
			name: "a family's name is no one's, and an unnamed neighbour is the nearer she",
			paras: []string{
				"“He was going to college,” Maria Lopez said.",
				"Pastor Denise Harlan of Iglesia Nueva Vida, where the Lopez family has worshiped for two decades, led the crowd in prayer. “Grief is heavy,” she told the mourners.",
				"A neighbor who asked not to be named said drivers race down the street. “They use this block like a racetrack,” she said.",
				"A driver who gave his name only as Yusuf said the roads were “completely blocked.”",
			},
			want: []q{
				{1, corpus.Direct, "Maria Lopez", "He was going to college,"},
				{2, corpus.Direct, "Denise Harlan", "Grief is heavy,"},
				{3, corpus.Direct, "", "They use this block like a racetrack,"},
				{4, corpus.Mixed, "Yusuf", "completely blocked."},
			},
		},
		{
			name: "a place is no man",
			paras: []string{
				"“The channels are fragile,” said Wang Lihua, a professor in Shanghai.",
				"The 1995–96 Taiwan Strait crisis ended without a shot. New Zealand and Saudi Arabia stayed quiet.",
				"“Both sides assume the other will blink,” he said.",
			},
			want: []q{
				{1, corpus.Direct, "Wang Lihua", "The channels are fragile,"},
				{3, corpus.Direct, "Wang Lihua", "Both sides assume the other will blink,"},
			},
		},
		{
			name: "as X put it",
			paras: []string{
				"James Carden, a writer, spoke on Monday. As Carden put it, “Nobody wins a trade war.”",
				"“Nobody blinks,” as Ann Okafor puts it.",
				"The demand is for a “lawful source of income,” as a Homeland Security memo put it.",
			},
			want: []q{
				{1, corpus.Direct, "James Carden", "Nobody wins a trade war."},
				{2, corpus.Direct, "Ann Okafor", "Nobody blinks,"},
				{3, corpus.Mixed, "Homeland Security", "lawful source of income,"},
			},
		},
		{
			name: "an office alone is no name, and abbreviated titles",
			paras: []string{
				"Prime Minister Daniel Whitford spoke to reporters in the courtyard of the parliament on a cold morning.",
				"The Prime Minister said the budget was fair. “We have done the work,” he said.",
				"“The figures are right,” a spokeswoman for the Treasurer said.",
				"“We will seek the maximum,” Los Angeles County Dist. Atty. Nathan Hochberg said. “He knew.”",
				"“Stay inside,” Det Insp Simon Clarke said.",
			},
			want: []q{
				{2, corpus.Direct, "Daniel Whitford", "We have done the work,"},
				{3, corpus.Direct, "", "The figures are right,"},
				{4, corpus.Direct, "Nathan Hochberg", "We will seek the maximum,"},
				{4, corpus.Direct, "Nathan Hochberg", "He knew."},
				{5, corpus.Direct, "Simon Clarke", "Stay inside,"},
			},
		},
		{
			name: "a post set out as a paragraph and signed with a handle",
			paras: []string{
				"Kellyanne Conway, Trump's campaign manager, mocked the Clinton campaign on Twitter.",
				"Funny how Team Clinton thought Director Comey was a man of integrity in July. What changed? — Kellyanne Conway (@KellyannePolls) October 30, 2016",
				"Let's be clear: nothing is new. — Tim Kaine (@timkaine) Oct. 31, 2016",
				"We stand with the people of Aleppo tonight. — Tim Kaine (@timkaine) 8 November 2016",
				"The rally ended at nine — Tim Kaine (who spoke last) left at ten.",
			},
			want: []q{
				{2, corpus.Direct, "Kellyanne Conway", "Funny how Team Clinton thought Director Comey was a man of integrity in July. What changed?"},
				{3, corpus.Direct, "Tim Kaine", "Let's be clear: nothing is new."},
				{4, corpus.Direct, "Tim Kaine", "We stand with the people of Aleppo tonight."},
			},
		},
		{
			name: "asides, brackets and cues of campaign copy",
			paras: []string{
				"Hillary Clinton spoke on Monday. Clinton, speaking at a rally in Kent, Ohio, called the timing “pretty strange.”",
				"“We will not be moved,” Senate Minority Leader Harry Reid (D-Nev.) said on the floor.",
				"John Podesta had earlier accused Comey of “inappropriate” conduct.",
				"Mike Pence, appearing on CNN's “State of the Union” on Sunday, said the letter was “a game changer.”",
				"Democratic nominee Hillary Clinton, by contrast, has called Putin a “bully.”",
				"But the Clinton campaign's sudden “concern” rings hollow.",
				"“You are the puppet,” Trump interjected. “No, you are,” Clinton shot back.",
			},
			want: []q{
				{1, corpus.Mixed, "Hillary Clinton", "pretty strange."},
				{2, corpus.Direct, "Harry Reid", "We will not be moved,"},
				{3, corpus.Mixed, "John Podesta", "inappropriate"},
				{4, corpus.Mixed, "Mike Pence", "a game changer."},
				{5, corpus.Mixed, "Hillary Clinton", "bully."},
				{6, corpus.Mixed, "", "concern"},
				{7, corpus.Direct, "Trump", "You are the puppet,"},
				{7, corpus.Direct, "Hillary Clinton", "No, you are,"},
			},
		},
		{
			name: "the statement or the report is its author's",
			paras: []string{
				"In a statement, Jennifer Palmieri, the communications director, said the plan had failed.",
				"“Ohio deserves better,” the statement said.",
				"A report released on Tuesday by the Dryland Futures Alliance found that funds arrived late.",
				"“It is a funeral,” the report said.",
				"In a victim statement read to the court by Ms Rebecca Thorne, the daughter described her mother.",
				"“She cycled every Tuesday,” the statement said.",
				"Mr. John McCain issued a statement on Tuesday. “We should place no faith in a former K.G.B. agent,” the statement read.",
				"The banner, painted by Jane Cole, read “No to the dam.”",
			},
			want: []q{
				{2, corpus.Direct, "Jennifer Palmieri", "Ohio deserves better,"},
				{4, corpus.Direct, "Dryland Futures Alliance", "It is a funeral,"},
				{6, corpus.Direct, "", "She cycled every Tuesday,"},
				{7, corpus.Direct, "John McCain", "We should place no faith in a former K.G.B. agent,"},
				{8, corpus.Mixed, "", "No to the dam."},
			},
		},
		{
			name: "a person's spokesman does not speak for the body the sentence before names",
			paras: []string{
				"The Institute for Fiscal Studies said the gap could reach £8bn.",
				"Asked whether the chancellor kept his confidence, the prime minister’s official spokesman replied: “Yes.”",
			},
			want: []q{{2, corpus.Direct, "", "Yes."}},
		},
		{
			name:  "spokesman speaks for the name",
			paras: []string{"“It is closed,” a spokesman for the Kremlin said."},
			want:  []q{{1, corpus.Direct, "Kremlin", "It is closed,"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.Join(tt.paras, "\n\n")
			a, err := corpus.Parse("t", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			if got := quotations(a, false); !slices.Equal(got, tt.want) {
				t.Errorf("Parse(%q) quotations = %v; want %v", text, got, tt.want)
			}
		})
	}
}

func TestPronounResolution(t *testing.T) {
	tests := []struct {
		name  string
		paras []string
		want  []string // the speaker of each quotation, in order
	}{
		{
			name: "the main clause's subject outranks a relative clause's",
			paras: []string{
				"Brennan’s spokesman, Tyler Kemp, said the congressman had voted against the bill.",
				"Kemp pointed to a 2015 vote in which Mark Brennan was one of 28 Republicans who broke with party leaders.",
				"“The record is the record,” he said.",
			},
			want: []string{"Tyler Kemp"},
		},
		{
			name: "a first name alone before an age and a who-clause",
			paras: []string{
				"“The attack began at dawn,” said Heorhii Tykhyi, the mayor.",
				"Olena, 42, who declined to give her surname, stood outside the building.",
				"“I heard the whistle,” she said.",
			},
			want: []string{"Heorhii Tykhyi", "Olena"},
		},
		{
			name: "a campaign named after a person leaves the person a person",
			paras: []string{
				"“We will win Ohio,” said Hillary Clinton.",
				"The Clinton campaign responded within the hour. In a statement, Jennifer Palmieri, Mrs. Clinton’s communications director, said that Mr. Trump had “spent his career shipping jobs overseas”.",
				"Mrs. Clinton herself was campaigning in Philadelphia.",
				"“I am not going to make promises,” she said.",
			},
			want: []string{"Hillary Clinton", "Jennifer Palmieri", "Hillary Clinton"},
		},
		{
			name: "a pronoun subject before a colon",
			paras: []string{
				"Luis Ferrante shook his head. He put it simply: “The players do not read the share price.”",
				"He pointed to the sign on the door: “No entry.”",
			},
			want: []string{"Luis Ferrante", ""},
		},
		{
			name: "a name fronted by \"For\" is the topic",
			paras: []string{
				"“It was fair,” said Tom Field, the director.",
				"For Ms. Ann Lee, the episode has been painful. In a statement, she wrote: “I spent 31 years there.”",
			},
			want: []string{"Tom Field", "Ann Lee"},
		},
		{
			name: "an organisation's spokeswoman is the nearer she",
			paras: []string{
				"Another resident, Ayesha Begum, 31, said: “We were terrified.”",
				"Leeds City Council confirmed that a survey had found problems. A council spokeswoman said: “Work was scheduled.”",
				"“The safety of our tenants is our priority,” she said.",
			},
			want: []string{"Ayesha Begum", "Leeds City Council", "Leeds City Council"},
		},
		{
			name: "a person named after the spokeswoman is the nearer she",
			paras: []string{
				"The Home Office defended the policy. A spokeswoman said: “It works.”",
				"“It does not,” said Ann Lee, a lawyer.",
				"“The data are clear,” she said.",
			},
			want: []string{"Home Office", "Ann Lee", "Ann Lee"},
		},
		{
			name: "across paragraphs, past a person only mentioned",
			paras: []string{
				"“Talks matter,” said Ann Lee, a senator.",
				"Many expect Tom Field's team to object to the deal.",
				"“They will not,” she said.",
			},
			want: []string{"Ann Lee", "Ann Lee"},
		},
		{
			name: "gender from a title",
			paras: []string{
				"“One,” said Mr. Tom Field.",
				"“Two,” said Ms. Ann Lee.",
				"“Three,” he added.",
			},
			want: []string{"Tom Field", "Ann Lee", "Tom Field"},
		},
		{
			name: "a later surname links to the full name",
			paras: []string{
				"Sir Adam Bell, head of a think tank, spoke.",
				"“Four,” Bell said.",
			},
			want: []string{"Adam Bell"},
		},
		{
			name: "a subject after a dateline, with a time between it and its verb",
			paras: []string{
				"WASHINGTON — Senate Majority Leader Mitch Long on Tuesday rejected the plan. “We will win,” he said.",
			},
			want: []string{"Mitch Long"},
		},
		{
			name:  "a one-word name that opens the sentence before its cue",
			paras: []string{"Acme said in a statement that it “disagrees strongly” with the ruling."},
			want:  []string{"Acme"},
		},
		{
			name: "a subject inside the reported words is not the speaker",
			paras: []string{
				"Tom Field said Bo Park would meet his rules.",
				"“Six,” he said.",
			},
			want: []string{"Tom Field"},
		},
		{
			name: "a participle's clause keeps its subject the speaker",
			paras: []string{
				"Realising his error, Mr. Tom Field e-mailed the editor, suggesting Bo Park would agree.",
				"“Seven,” he said.",
			},
			want: []string{"Tom Field"},
		},
		{
			name:  "who is told does not speak",
			paras: []string{"Carl Emmerson, from the Institute for Fiscal Studies, told BBC News: “We're not so sure.”"},
			want:  []string{"Carl Emmerson"},
		},
		{
			name:  "a holiday is no one",
			paras: []string{"In his New Year message the leader spoke of hope. “It was a good year,” he said."},
			want:  []string{""},
		},
		{
			name: "a court or a party is not he",
			paras: []string{
				"“One,” said Tom Field.",
				"The Law Lords ruled against the plan, and the Lib Dems objected.",
				"“Two,” he said.",
			},
			want: []string{"Tom Field", "Tom Field"},
		},
		{
			name:  "a name in apposition after an of-phrase",
			paras: []string{"“It will be a tragedy,” said the chairman of the education committee, Labour MP Tom Field."},
			want:  []string{"Tom Field"},
		},
		{
			name:  "a name in apposition after a possessive",
			paras: []string{"“It will fail,” said its chairman, Sir Tom Field."},
			want:  []string{"Tom Field"},
		},
		{
			name: "an aside between dashes",
			paras: []string{
				"“One,” said Ann Lee.",
				"However, Tom Field - who was wrongly convicted - said the families were glad. “Two,” he said.",
			},
			want: []string{"Ann Lee", "Tom Field"},
		},
		{
			name: "a subject inside the words of an earlier cue in the sentence",
			paras: []string{
				"“One,” said Mr. Tom Field.",
				"He said Mr. Bo Park had spoken well, adding: “He listened.”",
			},
			want: []string{"Tom Field", "Tom Field"},
		},
		{
			name: "went on",
			paras: []string{
				"Ms. Ann Lee said the plan was sound. She went on: “It will work.”",
				"Mr. Tom Field agreed. He went on to say: “It will last.”",
			},
			want: []string{"Ann Lee", "Tom Field"},
		},
		{
			name:  "a member of an institution is not the institution",
			paras: []string{"Another member of the Cabinet says she was told: “You rose fast.”"},
			want:  []string{""},
		},
		{
			name:  "a named person of an institution",
			paras: []string{"“It was the least bad outcome,” said Mr. Tom Field of the Sierra Club."},
			want:  []string{"Tom Field"},
		},
		{
			name: "he after an unnamed spokesman is not the last person named",
			paras: []string{
				"Mr. Tom Field said the cabinet was rarely used. The prime minister's official spokesman said it still met. But he added: “Not every decision goes to it.”",
			},
			want: []string{""},
		},
		{
			name: "he after a description of someone named",
			paras: []string{
				"Mr. Tom Field said the cabinet was rarely used. The former minister said it still met. He added: “Not every decision goes to it.”",
			},
			want: []string{"Tom Field"},
		},
		{
			name: "he after a role someone else bears",
			paras: []string{
				"Tory co-chairman Liam Fox said it was over. The prime minister ratcheted up the campaign. He said: “We will win.”",
			},
			want: []string{""},
		},
		{
			name: "he after a role when the last person holds no office",
			paras: []string{
				"Her rival Tom Field spoke in Ohio. The presidential nominee noted the polls. He said: “We have big plans.”",
			},
			want: []string{"Tom Field"},
		},
		{
			name: "he after a role any office holder may be called",
			paras: []string{
				"Foreign Secretary Tom Field flew to Moscow. The minister met officials. He said: “We need a political solution.”",
			},
			want: []string{"Tom Field"},
		},
		{
			name: "he after the role the last person bears",
			paras: []string{
				"Tory co-chairman Liam Fox said it was over. The co-chairman attacked the pledges. He said: “They are vacuous.”",
			},
			want: []string{"Liam Fox"},
		},
		{
			name: "she and he after two subjects joined by and",
			paras: []string{
				"Bo Park met Tom Field. Mrs. Ann Lee and Mr. Cy Young clashed in the Commons. “It is a disgrace,” she said. “No, it is not,” he replied.",
			},
			want: []string{"Ann Lee", "Cy Young"},
		},
		{
			name: "she after a woman named by her given name",
			paras: []string{
				"Jane Roe met Tom Field. Tom Field spoke first. “We disagree,” she said.",
			},
			want: []string{"Jane Roe"},
		},
		{
			name: "a sentence adverb is no part of a name",
			paras: []string{
				"Tom Field spoke first. Later Jane Roe met him. “We disagree,” she said.",
			},
			want: []string{"Jane Roe"},
		},
		{
			name: "a subject with a parenthesis before its verb",
			paras: []string{
				"Tom Field spoke first. Sen. Jane Roe (D-Mo.) scolded him: “You are wrong,” she said.",
			},
			want: []string{"Jane Roe"},
		},
		{
			name: "she after the agent of a passive verb",
			paras: []string{
				"Governor Musa Danjuma said the budget was balanced.",
				"The plan was praised by Ngozi Okafor. “It is a good start,” she said.",
			},
			want: []string{"Ngozi Okafor"},
		},
		{
			name: "an agent inside a subordinate clause is no antecedent",
			paras: []string{
				"Spokesman Jason Miller said the policy was clear. But he could not explain why it was mentioned by Ivanka Trump. “We don't have it written down,” he said.",
			},
			want: []string{"Jason Miller"},
		},
		{
			name: "the name before “, he said,” is whom he speaks of",
			paras: []string{
				"Detective Paul Reyes led the inquiry.",
				"Chief Omar Afzal praised the detectives. Reyes, he said, had “cracked the case.”",
			},
			want: []string{"Omar Afzal"},
		},
		{
			name: "someone named after the last speaker leaves she unresolved",
			paras: []string{
				"Grace Adeyemi said the family was grateful.",
				"The governor called the widow, Amara Okafor, on Wednesday. “He was kind,” she said.",
			},
			want: []string{""},
		},
		{
			name: "someone named in the speaker's own sentence is no rival",
			paras: []string{
				"Tom Field said the deal was bad.",
				"Field then attacked Ben Cole. “He lies,” he said.",
			},
			want: []string{"Tom Field"},
		},
		{
			name: "a sentence opened by he keeps its antecedent current",
			paras: []string{
				"Tom Field said the deal was bad. He then attacked Ben Cole. “He lies,” he said.",
			},
			want: []string{"Tom Field"},
		},
		{
			name: "a convention is no rival",
			paras: []string{
				"Ann Lee said the vote mattered.",
				"The speech at the Baptist Convention ran long. “We pray,” she said.",
			},
			want: []string{"Ann Lee"},
		},
		{
			name: "a name's family is not the name",
			paras: []string{
				"Former nurse Jean Harper died in the crash.",
				"Mrs Harper's family said she had been “the heart of the village.”",
			},
			want: []string{""},
		},
		{
			name: "what a sentence-opening participle asks about is no source",
			paras: []string{
				"Foreign Minister Anna Lind said talks would continue.",
				"Asked whether Germany would send troops, she said: “Nothing has been decided.”",
			},
			want: []string{"Anna Lind"},
		},
		{
			name: "quoted as saying",
			paras: []string{
				"Xinhua quoted Foreign Minister Wang Yi as saying the visit was “a new starting point” for relations.",
				"“We hope for steady progress,” Wang was quoted as saying.",
				"State television quoted an unnamed official as saying the border was “closed.”",
			},
			want: []string{"Wang Yi", "Wang Yi", ""},
		},
		{
			name: "a first name alone before “, who” is a person",
			paras: []string{
				"“The first winter nearly broke us,” Paul Weber says.",
				"Jonas, who is 17, helps with the milking. “I hate the early mornings,” he says.",
			},
			want: []string{"Paul Weber", "Jonas"},
		},
		{
			name: "a first name set off after a role is a person",
			paras: []string{
				"“It was a leap of faith,” Maria Lopez says.",
				"Her daughter, Sofia, works there on Saturdays. “Mum made me wash every cup twice,” she says.",
			},
			want: []string{"Maria Lopez", "Sofia"},
		},
		{
			name: "an unnamed subject with a who-clause speaks",
			paras: []string{
				"Police Chief Dana Brooks said the area was safe.",
				"A resident, who did not want to be identified, said she was “terrified” to go out.",
			},
			want: []string{""},
		},
		{
			name: "an answer to a question that quotes someone is not theirs",
			paras: []string{
				"Your predecessor, Richard Hale, said there would be “no closures on my watch.” What changed?",
				"“The numbers changed.”",
			},
			want: []string{"Richard Hale", ""},
		},
		{
			name: "words written on a thing are not its maker's",
			paras: []string{
				"The banner, painted by Jane Cole herself, read “No to the dam.”",
			},
			want: []string{""},
		},
		{
			name: "a team's name before a role is no subject",
			paras: []string{
				"Hillside Rovers beat Lowfield 2-0. Rovers were the better side.",
				"Sam Patel's cross set up the first goal.",
				"Patel, the Rovers captain, was pleased. “We kept our shape,” he said.",
			},
			want: []string{"Sam Patel"},
		},
		{
			name: "Former opening a sentence is no part of a name",
			paras: []string{
				"Former Brewers ace Tyler Madsen threw the first pitch.",
				"The Brewers lost. “We were flat,” he said.",
			},
			want: []string{"Tyler Madsen"},
		},
		{
			name:  "no antecedent, no guess",
			paras: []string{"“Five,” he said."},
			want:  []string{""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.Join(tt.paras, "\n\n")
			a, err := corpus.Parse("t", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, x := range quotations(a, false) {
				got = append(got, x.speaker)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Parse(%q) speakers = %q; want %q", text, got, tt.want)
			}
		})
	}
}

// TestObjectIsNoSource checks that the noun phrase after a verb that takes
// an object is not read as an inverted source ("…, said Carden").
func TestObjectIsNoSource(t *testing.T) {
	for _, text := range []string{
		"Ann Lee, CBI director general, warned Tom Field not to spend the money.",
		"Ann Lee, BBC correspondent, told Tom Field that the deal was off.",
	} {
		a, err := corpus.Parse("t", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range quotations(a, true) {
			if x.speaker == "Tom Field" {
				t.Errorf("Parse(%q) attributes %q to %q; want no statement of the verb's object", text, x.text, x.speaker)
			}
		}
	}
}

// TestTitledRoleAppositive checks that a role led by a capitalised name
// between a name and its verb ("Liam Fox, Tory co-chairman, said") leaves
// the name the source.
func TestTitledRoleAppositive(t *testing.T) {
	text := "Ann Lee, Tory co-chairman, said the plan was sound."
	a, err := corpus.Parse("t", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	got := quotations(a, true)
	if len(got) != 1 || got[0].speaker != "Ann Lee" {
		t.Errorf("Parse(%q) statements = %+v; want one by Ann Lee", text, got)
	}
}

// TestSourcePhrase checks how a statement's source is read from the
// phrase before its verb: a place after "on", "in" or "from" completes the
// phrase before it, which is the source; a nationality names a body only
// with the noun after it.
func TestSourcePhrase(t *testing.T) {
	tests := []struct {
		text string
		want string // the statement's speaker, "" for none
	}{
		{"Neighbours on Third Street said the shooting had shaken them.", ""},
		{"Officials in Moscow said the talks had failed.", ""},
		{"Sen. Rob Portman from Ohio said the bill would pass.", "Rob Portman"},
		{"The Council on Foreign Relations said the plan was bold.", "Council on Foreign Relations"},
		{"Fans cheered Tom Field in early-morning tweets.", ""},
		{"Ann Lee wrote on X. Field replied that Lee was wrong.", "Field"},
		{"The Welsh government said the plant would get emergency funding.", "Welsh government"},
		{"A Kremlin press release said the talks went well.", "Kremlin"},
		{"Prof Helen Marsh, of the University of Bristol, who has studied waits, said the damage was lasting.", "Helen Marsh"},
		{"The King's Fund, a health thinktank, said the lists had grown.", "King's Fund"},
		{"Former Brewers ace Tyler “Tank” Madsen said he rarely shook off a sign.", "Tyler Madsen"},
		{"Ann Lee told MSNBC's “Morning Joe” that the plan was sound.", "Ann Lee"},
		{"The fire destroyed 143 homes, according to the Boulder County Sheriff's Office.", "Boulder County Sheriff's Office"},
		{"The rate rose, according to the Centers for Disease Control and Prevention.", "Centers for Disease Control and Prevention"},
		{"North Korean leader Kim Jong-un said the test was a success.", "Kim Jong-un"},
		{"Demonstrators said they want “justice for Terrence,” but pledged to remain civil.", ""},
		{"Clinton won the debate, according to a CNN/ORC poll.", "CNN/ORC"},
		{"Catherine Moloney last week described the budget as a con.", "Catherine Moloney"},
		{"Anna Lindqvist spoke. In her view, the chokepoints are the real risk.", "Anna Lindqvist"},
		{"Prof. Anirban Sengupta-Rao of the Indian Institute of Management Ahmedabad said the plan was sound.", "Anirban Sengupta-Rao"},
		{"John Smith of the University of Chicago said prices would rise.", "John Smith"},
		{"A. Selvaraj, the union secretary, said the strike would go on.", "A. Selvaraj"},
		{"“We ran,” Iyad Abu Zaher told Reuters by phone. “The walls shook,” Abu Zaher said.", "Iyad Abu Zaher"},
		{"Mexico's minister, Ildefonso Guajardo Villarreal, spoke. Mr. Guajardo Villarreal said tariffs would hurt.", "Ildefonso Guajardo Villarreal"},
		{"The Israeli military said its aircraft had struck targets overnight.", "Israeli military"},
		{"President Bashar al-Assad said the war was over.", "Bashar al-Assad"},
		{"Trump won by 39 points, according to exit polls conducted by Edison Research.", "Edison Research"},
		{"Crime fell, according to figures from Eurostat.", "Eurostat"},
		{"Analysts at Morgan Stanley wrote in a note to clients that the fine would hurt.", "Morgan Stanley"},
		{"A doctor at Kenyatta National Hospital said the ward was full.", ""},
		{"The developers ran a “massive fraudulent scheme,” according to a complaint filed by the Securities and Exchange Commission.", ""},
		{"Witnesses said the delegates left together.", ""},
		{"A spokesman for Tom Field said the strike would go on.", ""},
		{"In Anna Lindqvist's view, prices will rise.", "Anna Lindqvist"},
		{"Bernie Sanders on Tuesday said he wants to change the tax code.", "Bernie Sanders"},
		{"The F.B.I. said it had found new emails.", "F.B.I."},
		{"Republican presidential nominee Donald Trump spoke in Ohio. The Democratic presidential nominee says the plan is wrong.", ""},
		{"“The prime minister has been clear,” the spokesperson said.\n\nThe Liberal Democrats called for a debate. Their local government spokesperson, Priya Ramaswamy, was not asked.", ""},
		{"Secretary General Ban Ki-moon said the test was a breach.", "Ban Ki-moon"},
		{"Ivy League-trained surgeon Tom Field said the test was safe.", "Tom Field"},
		{"Spending hit $2 billion, according to the Center for Responsive Politics.", "Center for Responsive Politics"},
		{"The prisons hold 2 million, according to the Federal Bureau of Prisons.", "Federal Bureau of Prisons"},
		{"The Institute for Fiscal Studies said taxes would rise.", "Institute for Fiscal Studies"},
	}
	for _, tt := range tests {
		a, err := corpus.Parse("t", []byte(tt.text))
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, x := range quotations(a, true) {
			got = x.speaker
		}
		if got != tt.want {
			t.Errorf("Parse(%q) speaker = %q; want %q", tt.text, got, tt.want)
		}
	}
}

func TestSpeakers(t *testing.T) {
	text := "“Trade will grow,” said Sir Adam Bell, director of the Trade Forum, a London-based group.\n\n" +
		"Bell, who is a former ambassador to Chile, believes tariffs will fall.\n\n" +
		"President Barack Obama disagreed with Bell on tariffs, and Obama said so."
	a, err := corpus.Parse("t", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	bell, ok := a.Speaker("Adam Bell")
	if !ok {
		t.Fatalf("Speaker(%q) not found in %+v", "Adam Bell", a.Speakers)
	}
	if want := []string{"Sir Adam Bell", "Bell"}; !slices.Equal(bell.Aliases, want) {
		t.Errorf("Adam Bell aliases = %q; want %q", bell.Aliases, want)
	}
	if want := "director of the Trade Forum, a London-based group; a former ambassador to Chile"; bell.Description != want {
		t.Errorf("Adam Bell description = %q; want %q", bell.Description, want)
	}
	if bell.Quotes != 1 || bell.Statements != 1 || !slices.Equal(bell.MentionedIn, []int{1, 2, 3}) {
		t.Errorf("Adam Bell quotes, statements, mentioned = %d, %d, %v; want 1, 1, [1 2 3]", bell.Quotes, bell.Statements, bell.MentionedIn)
	}
	obama, ok := a.Speaker("Barack Obama")
	if !ok || obama.Statements != 1 || obama.Description != "President" {
		t.Errorf("Speaker(%q) = %+v, %v; want a statement and the description President", "Barack Obama", obama, ok)
	}
}

// TestMentionedOnly checks that people who are named but never quoted are
// listed, with the paragraphs that name them.
func TestMentionedOnly(t *testing.T) {
	text := "“We repay loans when they are due,” Ann Lee said.\n\n" +
		"The party repaid the money to Lord Ashcroft after he spoke. Lee wrote to Lord Ashcroft."
	a, err := corpus.Parse("t", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	got, ok := a.Speaker("Ashcroft")
	if !ok || got.Quoted() || !slices.Equal(got.MentionedIn, []int{2}) {
		t.Errorf("Speaker(%q) = %+v, %v; want never quoted, mentioned in ¶2", "Ashcroft", got, ok)
	}

	// A full name that opens with a given name is a person's, title or
	// not.
	b, err := corpus.Parse("t", []byte("Hillary Clinton met Donald Trump in Las Vegas on Monday for the last debate before the election."))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Hillary Clinton", "Donald Trump"} {
		if got, ok := b.Speaker(name); !ok || got.Quoted() {
			t.Errorf("Speaker(%q) = %+v, %v; want a person never quoted", name, got, ok)
		}
	}
	if got, ok := b.Speaker("Las Vegas"); ok {
		t.Errorf("Speaker(%q) = %+v; want no such person", "Las Vegas", got)
	}
}

// TestDatelineOutOfStatement checks that a dateline or a live blog's time
// stamp is no part of a reported statement, and that an aside between
// dashes is.
func TestDatelineOutOfStatement(t *testing.T) {
	tests := []struct{ text, want string }{
		{"WASHINGTON (AP) — Sen. Ann Lee said Tuesday the bill was dead.", "Sen. Ann Lee said Tuesday the bill was dead."},
		{"11:42 a.m. ET — Speaker Tom Field said the votes were not there.", "Speaker Tom Field said the votes were not there."},
		{"Gerry Conlon - who was wrongly convicted - said the apology was welcome.", "Gerry Conlon - who was wrongly convicted - said the apology was welcome."},
	}
	for _, tt := range tests {
		a, err := corpus.Parse("t", []byte(tt.text))
		if err != nil {
			t.Fatal(err)
		}
		if got := quotations(a, true); len(got) != 1 || got[0].text != tt.want {
			t.Errorf("Parse(%q) statements = %v; want one reading %q", tt.text, got, tt.want)
		}
	}
}

// TestOrganisationShapes checks that names ending in an acronym, opening
// with one, or holding "League" are organisations, which a shorter form of
// the name does not stand for as a surname does for a person.
func TestOrganisationShapes(t *testing.T) {
	text := "Cancer Research UK said the trial was funded.\n\n" +
		"Most pancreatic tumours are found late. Pancreatic Cancer UK said the study was encouraging. Cases in the UK rose.\n\n" +
		"Premier League Brentford said the loan was agreed.\n\n" +
		"IDA Ireland said it will help. Tom Field said Ireland would recover.\n\n" +
		"West Yorkshire Fire and Rescue Service said crews tackled the fire. Two people were hurt, the service said.\n\n" +
		"Leeds City Council and Yorkshire Water Authority said pipes would be replaced. The council met. The water was cold."
	a, err := corpus.Parse("t", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range quotations(a, true) {
		got = append(got, x.speaker)
	}
	// "Pancreatic", written in lower case elsewhere, is read as an ordinary
	// word opening the sentence.
	// "Fire", written in lower case too, is no name of its own, so "and"
	// joins it to the rest of the service's name; "Council" ends one.
	want := []string{"Cancer Research UK", "Cancer UK", "Premier League Brentford", "IDA Ireland", "Tom Field",
		"West Yorkshire Fire and Rescue Service", "West Yorkshire Fire and Rescue Service", "Leeds City Council", "Yorkshire Water Authority"}
	if !slices.Equal(got, want) {
		t.Errorf("Parse(%q) speakers = %q; want %q", text, got, want)
	}
	for _, s := range a.Speakers {
		if len(s.Aliases) > 0 && s.Name != "Tom Field" {
			t.Errorf("speaker %q has aliases %q; want none", s.Name, s.Aliases)
		}
	}
}

// TestReportedCueIsNoStatement checks that a cue inside the words another
// cue reports makes no statement of its own, and that clauses of their
// own, and a cue whose source follows it, still do.
func TestReportedCueIsNoStatement(t *testing.T) {
	tests := []struct {
		text string
		want []string // the statements' speakers, in order
	}{
		{"Mayor Carl Ames spoke first. A shopkeeper said the mayor had promised the same thing last year.", nil},
		{"Ann Lee said the deal was dead and Tom Field accused her of lying.", []string{"Ann Lee", "Tom Field"}},
		{"Ann Lee said no, while Tom Field said yes.", []string{"Ann Lee", "Tom Field"}},
		{"The lawyer who had represented Ann Lee had said the rules were unfair, said Tom Field.", []string{"Tom Field"}},
		{"Writing for a panel that all agreed Lee won, Tom Field noted that she was calm.", []string{"Tom Field"}},
		{"After Ann Lee questioned the plan, Tom Field said it was sound.", []string{"Tom Field"}},
		{"Replays suggested the ball had crossed the line, officials said.", nil},
		{"“It is a scandal,” said Harriet Okafor.\n\nThe leader of the opposition, Harriet Okafor, pressed the prime minister on leaked Treasury modelling suggesting that bills could rise.", []string{"Harriet Okafor"}},
		{"Dr. Marcus Feld called the results “genuinely encouraging” but said the trial was too short.", []string{"Marcus Feld", "Marcus Feld"}},
		{"Marcus Feld said the results were “genuinely encouraging”.", []string{"Marcus Feld"}},
		{"Ann Lee said the plan would fail, officials said on Tuesday.", nil},
		{"Ann Lee said the plan would fail, Tom Field said.", []string{"Tom Field"}},
		{"Ann Lee said the plan would fail, and officials agreed.", []string{"Ann Lee"}},
		{"The celebration reflected a belief that Donald J. Trump, who praised Vladimir V. Putin during the campaign, will seek to ease tensions.", nil},
		{"Jane Roe, who noted the risk, said the plan would fail.", []string{"Jane Roe"}},
		{"Ann Lee, who said the budget would be balanced, resigned.", []string{"Ann Lee"}},
		{"Sens. Jeff Merkley, Sherrod Brown and Robert Menendez all suggested that the claims were grounds for a case.", []string{"Jeff Merkley", "Sherrod Brown", "Robert Menendez"}},
		{"Jordan Vega pitched well. Vega, whose teammates call him Smoke, said Eli Brandt had taught him more.", []string{"Jordan Vega"}},
		{"Jordan Vega pitched well. Vega, whose teammates call him “Smoke”, said Eli Brandt had taught him more.", []string{"Jordan Vega"}},
	}
	for _, tt := range tests {
		a, err := corpus.Parse("t", []byte(tt.text))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, x := range quotations(a, true) {
			got = append(got, x.speaker)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Parse(%q) statements by %q; want %q", tt.text, got, tt.want)
		}
	}
}
