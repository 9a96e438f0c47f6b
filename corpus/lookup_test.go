package corpus_test

import (
	"slices"
	"testing"

	"articlebot/corpus"
)

func TestFindSpeakers(t *testing.T) {
	a := &corpus.Article{Speakers: []corpus.Speaker{
		{Name: "Adam Thomson", Aliases: []string{"Sir Adam Thomson", "Thomson"}},
		{Name: "Philip Breedlove"},
		{Name: "Barack Obama", Aliases: []string{"Obama"}},
		{Name: "Michelle Obama"},
		{Name: "Bill Clinton"},
		{Name: "Hillary Clinton"},
		{Name: "Kremlin"},
		{Name: "Charles Clarke", Description: "New Home Secretary"},
		{Name: "Jack Straw", Description: "Foreign Secretary"},
	}}
	tests := []struct {
		name string
		want []string
	}{
		{"Adam Thomson", []string{"Adam Thomson"}},
		{"sir adam thomson", []string{"Adam Thomson"}},
		{"Thomsen", []string{"Adam Thomson"}},            // a typo
		{"Breedlove", []string{"Philip Breedlove"}},      // surname the text never uses alone
		{"Gen. Breedlove", []string{"Philip Breedlove"}}, // with a title
		{"Obama", []string{"Barack Obama"}},              // an alias beats a surname
		{"Michelle Obama", []string{"Michelle Obama"}},   // the full name beats a typo of another
		{"the Kremlin", []string{"Kremlin"}},
		{"Clinton", nil},                                   // a surname two people share
		{"the home secretary", []string{"Charles Clarke"}}, // a role, from the description
		{"secretary", nil},                                 // a role two people bear
		{"Putin", nil},                                     // not in the article
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range a.FindSpeakers(tt.name) {
			got = append(got, s.Name)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("FindSpeakers(%q) = %q; want %q", tt.name, got, tt.want)
		}
	}
}

func TestFullName(t *testing.T) {
	tests := []struct {
		s    corpus.Speaker
		want string
	}{
		{corpus.Speaker{Name: "Ashcroft", Aliases: []string{"Lord Ashcroft"}}, "Lord Ashcroft"},
		{corpus.Speaker{Name: "Adam Thomson", Aliases: []string{"Sir Adam Thomson", "Thomson"}}, "Adam Thomson"},
		{corpus.Speaker{Name: "Kremlin", Aliases: []string{"Kremlin press release"}}, "Kremlin"},
		{corpus.Speaker{Name: "Nicholls", Aliases: []string{"Mr Nicholls"}}, "Nicholls"}, // not an honorific
	}
	for _, tt := range tests {
		if got := tt.s.FullName(); got != tt.want {
			t.Errorf("%+v.FullName() = %q; want %q", tt.s, got, tt.want)
		}
	}
}

func TestSpeakerName(t *testing.T) {
	c := &corpus.Corpus{Articles: []*corpus.Article{{ID: "a", Speakers: []corpus.Speaker{
		{Name: "Ashcroft", Aliases: []string{"Lord Ashcroft"}},
	}}}}
	tests := []struct{ doc, name, want string }{
		{"a", "Ashcroft", "Lord Ashcroft"},
		{"a", "Nobody", "Nobody"},
		{"b", "Ashcroft", "Ashcroft"}, // no such article
		{"a", "", ""},
	}
	for _, tt := range tests {
		if got := c.SpeakerName(tt.doc, tt.name); got != tt.want {
			t.Errorf("SpeakerName(%q, %q) = %q; want %q", tt.doc, tt.name, got, tt.want)
		}
	}
}

func TestNamed(t *testing.T) {
	s := corpus.Speaker{Name: "Adam Thomson", Aliases: []string{"Sir Adam Thomson", "Thomson"}}
	tests := []struct {
		name string
		want bool
	}{
		{"adam thomson", true},
		{"Sir Adam Thomson", true},
		{"THOMSON", true},
		{"Thomsen", false}, // a typo is near, not named
		{"Adam", false},
	}
	for _, tt := range tests {
		if got := s.Named(tt.name); got != tt.want {
			t.Errorf("Named(%q) = %v; want %v", tt.name, got, tt.want)
		}
	}
	if !(corpus.Speaker{Name: "Kremlin"}).Named("the Kremlin") {
		t.Errorf(`Named("the Kremlin") = false for Kremlin; want true`)
	}
}
