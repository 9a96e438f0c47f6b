package index

import (
	"context"
	"slices"
	"testing"
)

// BenchmarkGold answers the article's 20 gold questions: paragraph-accuracy
// is the share whose answer cites a gold paragraph, speaker-accuracy the
// share of questions with a gold speaker whose answer names them; ns/op is
// one question.
func BenchmarkGold(b *testing.B) {
	ix := openDefault(b)
	gold := readGold(b)
	ctx := context.Background()
	var para, withSpeaker, speaker int
	for _, g := range gold {
		a, err := ix.Ask(ctx, g.Q, AskOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if a.Status == Answered && slices.Contains(g.Paragraphs, a.Paragraph) {
			para++
		}
		if g.Speaker != "" {
			withSpeaker++
			if a.Speaker == g.Speaker {
				speaker++
			}
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if _, err := ix.Ask(ctx, gold[i%len(gold)].Q, AskOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(para)/float64(len(gold)), "paragraph-accuracy")
	if withSpeaker > 0 {
		b.ReportMetric(float64(speaker)/float64(withSpeaker), "speaker-accuracy")
	}
}

// BenchmarkOffTopic asks the embedded article 2,000 SQuAD questions, none of
// which it answers: answered is the share that wrongly get an answer rather
// than "the article does not seem to answer that" (the no-answer threshold
// is calibrated on this and on SQuAD's own answered share).
func BenchmarkOffTopic(b *testing.B) {
	_, qs := loadSQuAD(b)
	ix := openDefault(b)
	ctx := context.Background()
	qs = qs[:min(2000, len(qs))]
	answered := 0
	for _, sq := range qs {
		a, err := ix.Ask(ctx, sq.q, AskOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if a.Status == Answered {
			answered++
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if _, err := ix.Ask(ctx, qs[i%len(qs)].q, AskOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(answered)/float64(len(qs)), "answered")
}
