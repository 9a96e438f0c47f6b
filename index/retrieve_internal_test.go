package index

import (
	"context"
	"encoding/binary"
	"math"
	"testing"

	bindex "github.com/blevesearch/bleve_index_api"

	"articlebot/corpus"
)

func num(n uint64) string {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], n)
	return string(b[:])
}

// TestPostingsUnit checks both ways from a Bleve document ID to a unit:
// by document number, and by map when the IDs are not numbers.
func TestPostingsUnit(t *testing.T) {
	tests := []struct {
		name   string
		unitOf map[string]int32
		dense  bool
		id     string
		want   int32
		found  bool
	}{
		{"number", map[string]int32{num(0): 2, num(1): 0, num(2): 1}, true, num(2), 1, true},
		{"number past the end", map[string]int32{num(0): 0, num(1): 1}, true, num(7), 0, false},
		{"short ID", map[string]int32{num(0): 0, num(1): 1}, true, "x", 0, false},
		{"sparse numbers", map[string]int32{num(0): 0, num(1 << 40): 1}, false, num(1 << 40), 1, true},
		{"not numbers", map[string]int32{"a": 0, "bb": 1}, false, "bb", 1, true},
		{"unknown", map[string]int32{"a": 0, "bb": 1}, false, "c", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &postings{unitOf: tt.unitOf}
			if p.byNum = numbered(tt.unitOf); (p.byNum != nil) != tt.dense {
				t.Fatalf("numbered gave a slice: %v, want %v", p.byNum != nil, tt.dense)
			}
			got, ok := p.unit(bindex.IndexInternalID(tt.id))
			if got != tt.want || ok != tt.found {
				t.Errorf("unit(%q) = %d, %v; want %d, %v", tt.id, got, ok, tt.want, tt.found)
			}
		})
	}
}

// TestArticleScores checks that an article holding the question's words
// across its paragraphs outscores one that holds them in one paragraph
// only, and that one article gets no article scores.
func TestArticleScores(t *testing.T) {
	two := &corpus.Corpus{Articles: []*corpus.Article{
		{ID: "a", Title: "Rivers", Paragraphs: []string{"The delta floods in spring.", "Farmers plant rice near the delta.", "Rice needs water."}},
		{ID: "b", Title: "Cities", Paragraphs: []string{"The city has a delta of roads.", "Trams run all night."}},
	}}
	one := &corpus.Corpus{Articles: two.Articles[:1]}
	for _, tt := range []struct {
		name string
		c    *corpus.Corpus
		want int // articles scored
	}{{"two articles", two, 2}, {"one article", one, 0}} {
		t.Run(tt.name, func(t *testing.T) {
			ix, err := Open(context.Background(), tt.c, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			aq := ix.analyzeQuery("delta rice")
			var terms []string
			for _, q := range aq.terms {
				terms = append(terms, q.name)
			}
			_, arts, err := ix.post.topUnits(context.Background(), terms, 5, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != tt.want {
				t.Fatalf("topUnits(delta rice) scored %d articles; want %d", len(arts), tt.want)
			}
			if tt.want == 2 && !(arts[0] > arts[1] && arts[1] > 0) {
				t.Errorf("topUnits(delta rice) article scores = %v; want a > b > 0", arts)
			}
		})
	}
}

// TestFieldLen checks that the field length the first stage computes for
// each passage is the one Bleve recorded with its postings.
func TestFieldLen(t *testing.T) {
	for _, c := range []*corpus.Corpus{
		corpus.Default(),
		{Articles: []*corpus.Article{
			{ID: "a", Title: "River deltas", Paragraphs: []string{"The delta floods in spring.", "Farmers plant rice."}},
			{ID: "b", Title: "Cities", Paragraphs: []string{"Trams run all night in the city."}},
		}},
	} {
		ix, err := Open(context.Background(), c, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for i, u := range ix.units {
			if len(u.toks) == 0 {
				continue
			}
			term := ix.termNames[u.toks[0].term]
			r, err := ix.post.r.TermFieldReader(context.Background(), []byte(term), fieldText, true, true, false)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for {
				d, err := r.Next(nil)
				if err != nil {
					t.Fatal(err)
				}
				if d == nil {
					break
				}
				if got, ok := ix.post.unit(d.ID); !ok || int(got) != i {
					continue
				}
				found = true
				bleveLen := 1 / (d.Norm * d.Norm)
				if want := float64(ix.fieldLen(i)); math.Abs(bleveLen-want) > 0.01*want {
					t.Errorf("fieldLen(%d) = %v; Bleve's norm gives %v", i, want, bleveLen)
				}
			}
			_ = r.Close()
			if !found {
				t.Errorf("unit %d not in the postings of its word %q", i, term)
			}
		}
		_ = ix.Close()
	}
}
