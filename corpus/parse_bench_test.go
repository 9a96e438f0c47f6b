package corpus_test

import (
	"os"
	"strings"
	"testing"

	"articlebot/corpus"
)

// BenchmarkParseDefault parses the embedded article (22 paragraphs).
func BenchmarkParseDefault(b *testing.B) {
	data, err := os.ReadFile("trump-putin-2016.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := corpus.Parse("a", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseLarge parses one article of about 2,200 paragraphs (the
// embedded one a hundred times over), the size of a SQuAD-scale corpus:
// it shows that analysis grows with the text, not with its square.
func BenchmarkParseLarge(b *testing.B) {
	data, err := os.ReadFile("trump-putin-2016.txt")
	if err != nil {
		b.Fatal(err)
	}
	big := []byte(strings.Repeat(strings.TrimSpace(string(data))+"\n", 100))
	b.ReportAllocs()
	b.SetBytes(int64(len(big)))
	for b.Loop() {
		a, err := corpus.Parse("big", big)
		if err != nil {
			b.Fatal(err)
		}
		if len(a.Paragraphs) < 2000 {
			b.Fatalf("%d paragraphs; want about 2,200", len(a.Paragraphs))
		}
	}
}
