package corpus

import (
	"slices"
	"strings"
	"testing"
)

// TestWithQuotes checks that deriving the quotation tokens from the flat
// ones gives what tokenizing with the quotations gives.
func TestWithQuotes(t *testing.T) {
	paras := []string{
		"“The plan is sound,” said Jane Roe, a planner. “It will work.”",
		`"We are ready," Tom Field said. "More later.`,
		"Ann Lee believes the deal could “change everything for us.”",
		"Tom Field spoke. “We will see. “It is close,” he said.",
		"“I’d rather live in what he calls “hell” than live here.” ― Ann Lee",
		`He said "it's" and "U.S.-based" firms, "1,000" of them,"`,
		"No quotation here at all.",
		"“",
		"”Odd marks“ open” and close",
	}
	paras = append(paras, Default().Articles[0].Paragraphs...)
	for _, p := range paras {
		qs := findQuotes(p)
		got := withQuotes(tokenize(p, nil), qs)
		if want := tokenize(p, qs); !slices.Equal(got, want) {
			t.Errorf("withQuotes(tokenize(%q, nil)) = %v; want %v", strings.TrimSpace(p), got, want)
		}
	}
}

// FuzzWithQuotes compares the two ways of tokenizing on any text.
func FuzzWithQuotes(f *testing.F) {
	f.Add("“A,” he said. “B")
	f.Add(`"x" "y`)
	f.Fuzz(func(t *testing.T, p string) {
		qs := findQuotes(p)
		if got, want := withQuotes(tokenize(p, nil), qs), tokenize(p, qs); !slices.Equal(got, want) {
			t.Errorf("withQuotes(tokenize(%q, nil)) = %v; want %v", p, got, want)
		}
	})
}
