package index

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strconv"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	bindex "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// postings reads the index's postings from the segments of Bleve's scorch
// index. The first stage of a search walks the postings of the question's
// terms and scores each passage as Bleve's BM25 disjunction would, without
// Bleve's searcher and collector: on SQuAD those cost more than reading
// the postings themselves. It reads each segment's dictionary and postings
// lists itself, rather than through the reader's TermFieldReader, so that
// one question's dictionaries, postings lists and iterators serve the next
// (see accum): a TermFieldReader allocates them afresh for every term,
// and that made most of a question's allocations.
//
// The reader is one snapshot, taken when the index is opened and kept until
// it is closed: the index never changes after it is built, and a
// segment's document numbers, which segs maps, belong to a snapshot.
type postings struct {
	r bindex.IndexReader
	// segs are the snapshot's segments with the unit of each document.
	segs []segmentUnits
	// docs is the number of documents and avgLen the average field length
	// Bleve's BM25 uses (see bm25Stats).
	docs   float64
	avgLen float64
	// lenNorm is each unit's BM25 length normalisation, k1·(1−b+b·len/avg),
	// from the number of words its document holds (see fieldLen).
	lenNorm []float64
	// artOf is the article of each paragraph unit, -1 for a quotation
	// unit (its words are its paragraph's); artLen is each article's
	// length in words and artAvg their mean. They score whole articles
	// (see topUnits).
	artOf  []int32
	artLen []float64
	artAvg float64
	// scratch holds per-question accumulators (see accum).
	scratch sync.Pool
	// mu guards closed: searches hold it for reading while they use r.
	mu     sync.RWMutex
	closed bool
}

// errClosed is the error of a search on a closed index.
var errClosed = errors.New("search: the index is closed")

// segmentUnits is one segment of the snapshot and the unit of each of its
// document numbers, -1 for a deleted document.
type segmentUnits struct {
	seg  *scorch.SegmentSnapshot
	unit []int32
}

// openPostings takes a snapshot of ix.bleve and maps its documents to
// units. An index that is not a scorch index gives an error, which makes
// an on-disk index be rebuilt; Bleve creates scorch indexes.
func (ix *Index) openPostings() error {
	adv, err := ix.bleve.Advanced()
	if err != nil {
		return fmt.Errorf("open index reader: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return fmt.Errorf("open index reader: %w", err)
	}
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		_ = r.Close()
		return fmt.Errorf("open index reader: %T is not a scorch index: rebuild it", r)
	}
	p := &postings{r: r}
	if err := p.mapUnits(snap, len(ix.units)); err != nil {
		_ = r.Close()
		return err
	}
	if p.docs, p.avgLen, err = bm25Stats(r, fieldText); err != nil {
		_ = r.Close()
		return err
	}
	p.lenNorm = make([]float64, len(ix.units))
	for i := range ix.units {
		p.lenNorm[i] = bm25K1 * (1 - bm25B + bm25B*float64(ix.fieldLen(i))/p.avgLen)
	}
	p.artOf = make([]int32, len(ix.units))
	p.artLen = make([]float64, len(ix.corpus.Articles))
	for i, u := range ix.units {
		p.artOf[i] = -1
		if u.quote < 0 {
			p.artOf[i] = int32(u.article)
			p.artLen[u.article] += float64(len(u.toks))
		}
	}
	for _, l := range p.artLen {
		p.artAvg += l / float64(len(p.artLen))
	}
	n, arts := len(ix.units), len(ix.corpus.Articles)
	p.scratch.New = func() any {
		return &accum{score: make([]float64, n), match: make([]uint8, n), artTF: make([]float64, arts)}
	}
	ix.post = p
	return nil
}

// mapUnits fills segs from the IDs of the documents of snap.
func (p *postings) mapUnits(snap *scorch.IndexSnapshot, units int) error {
	docs := 0
	for _, seg := range snap.Segments() {
		su := segmentUnits{seg: seg, unit: make([]int32, seg.Segment().Count())}
		deleted := seg.Deleted()
		for n := range su.unit {
			su.unit[n] = -1
			if deleted != nil && deleted.Contains(uint32(n)) {
				continue
			}
			id, err := seg.DocID(uint64(n))
			if err != nil {
				return fmt.Errorf("read index: %w", err)
			}
			u, err := strconv.Atoi(string(id))
			if err != nil || u < 0 || u >= units {
				return fmt.Errorf("read index: unknown document %q: rebuild it", id)
			}
			su.unit[n] = int32(u)
			docs++
		}
		p.segs = append(p.segs, su)
	}
	if docs != units {
		return fmt.Errorf("read index: %d documents for %d passages: rebuild it", docs, units)
	}
	return nil
}

// bm25Stats returns the document count and the average field length that
// Bleve's own BM25 scorer uses for field: the field's dictionary size over
// the document count, rounded up. That is not the mean number of words of
// a passage; the ranking's weights were measured with it.
func bm25Stats(r bindex.IndexReader, field string) (docs, avgLen float64, err error) {
	n, err := r.DocCount()
	if err != nil {
		return 0, 0, fmt.Errorf("read index: %w", err)
	}
	br, ok := r.(bindex.BM25Reader)
	if !ok {
		return 0, 0, errors.New("read index: the index reader gives no field statistics")
	}
	card, err := br.FieldCardinality(field)
	if err != nil {
		return 0, 0, fmt.Errorf("read index: %w", err)
	}
	if n == 0 {
		return 0, 1, nil
	}
	return float64(n), max(1, math.Ceil(float64(card)/float64(n))), nil
}

// close releases the snapshot once no search uses it.
func (p *postings) close() error {
	if p == nil {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil
	}
	p.closed = true
	return p.r.Close()
}

// accum holds one question's per-unit sums; touched lists the units with a
// nonzero entry, so that resetting costs only what was used.
type accum struct {
	score   []float64
	match   []uint8
	touched []int32
	// artTF counts one term's occurrences in each article; artTouched
	// lists the articles counted.
	artTF      []float64
	artTouched []int32
	// dicts, lists and iters are the term dictionary, the postings list
	// and its iterator of each segment, reused from term to term and from
	// question to question; term holds the term being read. A dictionary
	// reads its terms with state of its own, so one accum, used by one
	// search at a time, is where they belong.
	dicts []segment.TermDictionary
	lists []segment.PostingsList
	iters []segment.PostingsIterator
	term  []byte
	// best holds the best units found so far (see topUnits).
	best []scored
}

// postingsLists points acc.lists at the postings of term in each segment
// and returns the number of documents that hold it.
func (p *postings) postingsLists(acc *accum, term string) (uint64, error) {
	if acc.dicts == nil {
		// The accum's first search: open the dictionaries.
		dicts := make([]segment.TermDictionary, len(p.segs))
		for i, s := range p.segs {
			d, err := s.seg.Segment().Dictionary(fieldText)
			if err != nil {
				return 0, err
			}
			dicts[i] = d
		}
		acc.dicts = dicts
		acc.lists = make([]segment.PostingsList, len(p.segs))
		acc.iters = make([]segment.PostingsIterator, len(p.segs))
	}
	acc.term = append(acc.term[:0], term...)
	var n uint64
	for i, s := range p.segs {
		pl, err := acc.dicts[i].PostingsList(acc.term, s.seg.Deleted(), acc.lists[i])
		if err != nil {
			return 0, err
		}
		acc.lists[i] = pl
		n += pl.Count()
	}
	return n, nil
}

// BM25's constants, as in Bleve.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// topUnits scores every unit that holds one of terms and returns the best
// k that keep passes, best first: the sum of each term's BM25 weight times
// the share of terms matched, as Bleve scores a disjunction of term
// queries. Ties go to the earlier unit.
//
// With several articles, arts holds each article's BM25 score for the
// terms, the article read as one document.
func (p *postings) topUnits(ctx context.Context, terms []string, k int, keep func(unit int) bool) (top []hit, arts []float64, err error) {
	if len(terms) == 0 || k <= 0 {
		return nil, nil, nil
	}
	if len(p.artLen) > 1 {
		arts = make([]float64, len(p.artLen))
	}
	p.mu.RLock()
	defer p.mu.RUnlock()
	if p.closed {
		return nil, nil, errClosed
	}
	acc := p.scratch.Get().(*accum)
	defer func() {
		for _, u := range acc.touched {
			acc.score[u], acc.match[u] = 0, 0
		}
		acc.touched = acc.touched[:0]
		p.scratch.Put(acc)
	}()
	// Bleve weighs each term query by idf times the query norm; the norm is
	// the same for every passage and leaves the order as it is.
	for _, term := range terms {
		if err := ctx.Err(); err != nil {
			return nil, nil, fmt.Errorf("search: %w", err)
		}
		n, err := p.postingsLists(acc, term)
		if err != nil {
			return nil, nil, fmt.Errorf("search: %w", err)
		}
		df := float64(n)
		idf := math.Log(1 + (p.docs-df+0.5)/(df+0.5))
		// Segments in order and documents in order within each, as
		// Bleve's own reader walks them.
		for i, seg := range p.segs {
			it := acc.lists[i].Iterator(true, false, false, acc.iters[i])
			acc.iters[i] = it
			for {
				d, err := it.Next()
				if err != nil {
					return nil, nil, fmt.Errorf("search: %w", err)
				}
				if d == nil {
					break
				}
				num := d.Number()
				if num >= uint64(len(seg.unit)) || seg.unit[num] < 0 {
					return nil, nil, errors.New("search: the index holds an unknown document: rebuild it")
				}
				u := seg.unit[num]
				freq := float64(d.Frequency())
				tf := math.Sqrt(freq)
				s := idf * idf * tf * bm25K1 / (tf + p.lenNorm[u])
				if acc.match[u] == 0 {
					acc.touched = append(acc.touched, u)
				}
				acc.score[u] += s
				acc.match[u]++
				if a := p.artOf[u]; arts != nil && a >= 0 {
					if acc.artTF[a] == 0 {
						acc.artTouched = append(acc.artTouched, a)
					}
					acc.artTF[a] += freq
				}
			}
		}
		if arts != nil {
			adf := float64(len(acc.artTouched))
			aidf := math.Log(1 + (float64(len(arts))-adf+0.5)/(adf+0.5))
			for _, a := range acc.artTouched {
				tf := acc.artTF[a]
				arts[a] += aidf * tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*p.artLen[a]/p.artAvg))
				acc.artTF[a] = 0
			}
			acc.artTouched = acc.artTouched[:0]
		}
	}
	// Keep the best k in order; most units fall below the kth at once.
	// The kept are (score, unit) pairs, smaller to move than hits, and a
	// new one finds its place by binary search: units are distinct, so
	// the order is total and the best k are the same however found.
	best := acc.best[:0]
	n := float64(len(terms))
	for _, u := range acc.touched {
		if keep != nil && !keep(int(u)) {
			continue
		}
		c := scored{score: acc.score[u] * float64(acc.match[u]) / n, unit: u}
		if len(best) == k && !c.before(best[k-1]) {
			continue
		}
		lo, hi := 0, len(best)
		for lo < hi {
			if mid := int(uint(lo+hi) >> 1); c.before(best[mid]) {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		if len(best) < k {
			best = append(best, scored{})
		}
		copy(best[lo+1:], best[lo:len(best)-1])
		best[lo] = c
	}
	acc.best = best
	top = make([]hit, len(best))
	for i, c := range best {
		top[i] = hit{unit: int(c.unit), bm25: c.score}
	}
	return top, arts, nil
}

// scored is a unit and its first-stage score.
type scored struct {
	score float64
	unit  int32
}

// before reports whether c ranks before d: a higher score, or the same
// score and the earlier unit.
func (c scored) before(d scored) bool {
	return c.score > d.score || c.score == d.score && c.unit < d.unit
}
