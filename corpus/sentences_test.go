package corpus_test

import (
	"slices"
	"testing"

	"articlebot/corpus"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"two sentences", "Russia annexed Crimea. NATO objected.", []string{"Russia annexed Crimea.", "NATO objected."}},
		{"abbreviations and initials", "On Nov. 14, Gen. Michael Flynn met K.T. McFarland in the U.S. capital. Then he left.",
			[]string{"On Nov. 14, Gen. Michael Flynn met K.T. McFarland in the U.S. capital.", "Then he left."}},
		{"a letter alone after on names a thing", "She wrote on X. Musk replied. Then George W. Bush spoke.",
			[]string{"She wrote on X.", "Musk replied.", "Then George W. Bush spoke."}},
		{"decimal number", "He had a rating of 86.4. Thomas led the team.", []string{"He had a rating of 86.4.", "Thomas led the team."}},
		{"circa and et al.", "It cost c. EUR 23 800. Smith et al. Found more.", []string{"It cost c. EUR 23 800.", "Smith et al. Found more."}},
		{"a quotation is never cut", "He said, “I am tired. What can I say?” Then he left.",
			[]string{"He said, “I am tired. What can I say?”", "Then he left."}},
		{"closed quotation ends a sentence", "“It is done,” he said. “Sloppy diplomacy fails.”", []string{"“It is done,” he said.", "“Sloppy diplomacy fails.”"}},
		{"lower case goes on", "Why now? because it is late. Fine!", []string{"Why now? because it is late.", "Fine!"}},
		{"no end mark", "a fragment without an end", []string{"a fragment without an end"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range corpus.Sentences(tt.text) {
				got = append(got, tt.text[r[0]:r[1]])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Sentences(%q) = %q; want %q", tt.text, got, tt.want)
			}
		})
	}
}
