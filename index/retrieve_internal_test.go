package index

import (
	"context"
	"maps"
	"math"
	"strconv"
	"testing"

	bindex "github.com/blevesearch/bleve_index_api"

	"articlebot/corpus"
)

// externalUnit returns the unit of a Bleve internal document ID, read as
// Bleve's own reader reads it.
func externalUnit(t *testing.T, ix *Index, id bindex.IndexInternalID) int {
	t.Helper()
	ext, err := ix.post.r.ExternalID(id)
	if err != nil {
		t.Fatal(err)
	}
	u, err := strconv.Atoi(ext)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// bleveDocs returns the postings of term as Bleve's own reader reads them,
// with norms when norms is set, and the reader's document count.
func bleveDocs(t *testing.T, ix *Index, term string, norms bool) ([]*bindex.TermFieldDoc, uint64) {
	t.Helper()
	r, err := ix.post.r.TermFieldReader(context.Background(), []byte(term), fieldText, true, norms, false)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var docs []*bindex.TermFieldDoc
	for {
		d, err := r.Next(nil)
		if err != nil {
			t.Fatal(err)
		}
		if d == nil {
			return docs, r.Count()
		}
		docs = append(docs, d)
	}
}

// TestSegmentPostings checks that the postings the first stage reads from
// the index's segments are those of Bleve's own reader: the same units
// with the same frequencies, and the same document count, for every word
// of the corpus, in memory and on disk.
func TestSegmentPostings(t *testing.T) {
	c := corpus.Default()
	dir := t.TempDir()
	for _, opts := range []Options{{}, {Path: dir}, {Path: dir}} {
		ix, err := Open(context.Background(), c, opts)
		if err != nil {
			t.Fatal(err)
		}
		acc := ix.post.scratch.Get().(*accum)
		for id, name := range ix.termNames {
			if ix.stop[id] {
				continue
			}
			want := map[int]uint64{}
			docs, wantDF := bleveDocs(t, ix, name, false)
			for _, d := range docs {
				want[externalUnit(t, ix, d.ID)] = d.Freq
			}
			df, err := ix.post.postingsLists(acc, name)
			if err != nil {
				t.Fatal(err)
			}
			got := map[int]uint64{}
			for i, seg := range ix.post.segs {
				it := acc.lists[i].Iterator(true, false, false, acc.iters[i])
				acc.iters[i] = it
				for {
					d, err := it.Next()
					if err != nil {
						t.Fatal(err)
					}
					if d == nil {
						break
					}
					got[int(seg.unit[d.Number()])] = d.Frequency()
				}
			}
			if df != wantDF || !maps.Equal(got, want) {
				t.Errorf("path %q, term %q: %d documents %v; Bleve's reader gives %d %v", opts.Path, name, df, got, wantDF, want)
			}
		}
		ix.post.scratch.Put(acc)
		if err := ix.Close(); err != nil {
			t.Fatal(err)
		}
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
			docs, _ := bleveDocs(t, ix, term, true)
			found := false
			for _, d := range docs {
				if externalUnit(t, ix, d.ID) != i {
					continue
				}
				found = true
				bleveLen := 1 / (d.Norm * d.Norm)
				if want := float64(ix.fieldLen(i)); math.Abs(bleveLen-want) > 0.01*want {
					t.Errorf("fieldLen(%d) = %v; Bleve's norm gives %v", i, want, bleveLen)
				}
			}
			if !found {
				t.Errorf("unit %d not in the postings of its word %q", i, term)
			}
		}
		_ = ix.Close()
	}
}
