package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// runAskCmd runs `articlebot ask args…` with stdin and no settings from the
// environment, and returns standard output.
func runAskCmd(t *testing.T, stdin string, args ...string) string {
	t.Helper()
	getenv := func(string) string { return "" }
	var stdout, stderr bytes.Buffer
	all := append([]string{"ask", "--env", filepath.Join(t.TempDir(), "none.env")}, args...)
	if err := run(context.Background(), all, getenv, strings.NewReader(stdin), &stdout, &stderr); err != nil {
		t.Fatalf("ask %q: %v (stderr %q)", args, err, stderr.String())
	}
	return stdout.String()
}

func TestAskJSONShape(t *testing.T) {
	out := runAskCmd(t, "", "--json", "Who said there is no magic wand?")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 1 {
		t.Fatalf("ask --json wrote %d lines; want 1:\n%s", len(lines), out)
	}
	var got map[string]json.RawMessage
	if err := json.Unmarshal([]byte(lines[0]), &got); err != nil {
		t.Fatalf("ask --json line %q: %v", lines[0], err)
	}
	if keys := sortedKeys(got); !slices.Equal(keys, []string{"answer", "question", "results"}) {
		t.Errorf("ask --json keys = %v; want [answer question results]", keys)
	}
	var answer map[string]any
	if err := json.Unmarshal(got["answer"], &answer); err != nil {
		t.Fatalf("answer %s: %v", got["answer"], err)
	}
	wantAnswer := map[string]any{
		"text":      "There’s no magic wand to wave to make this better and no alternative to the painstaking rebuilding of trust, transparency, and accountability,",
		"doc":       "trump-putin-2016",
		"paragraph": float64(9),
		"speaker":   "Adam Thomson",
	}
	for k, want := range wantAnswer {
		if answer[k] != want {
			t.Errorf("answer[%q] = %v; want %v", k, answer[k], want)
		}
	}
	if len(answer) != len(wantAnswer) {
		t.Errorf("answer keys = %v; want %v", sortedKeys(answer), sortedKeys(wantAnswer))
	}
	var results []map[string]any
	if err := json.Unmarshal(got["results"], &results); err != nil {
		t.Fatalf("results %s: %v", got["results"], err)
	}
	if len(results) == 0 {
		t.Fatal("results is empty; want the passage behind the answer")
	}
	wantKeys := []string{"doc", "kind", "paragraph", "score", "speaker", "text"}
	for i, r := range results {
		if keys := sortedKeys(r); !slices.Equal(keys, wantKeys) {
			t.Errorf("results[%d] keys = %v; want %v", i, keys, wantKeys)
		}
	}
	if r := results[0]; r["paragraph"] != float64(9) || r["speaker"] != "Adam Thomson" || r["kind"] != "direct" {
		t.Errorf("results[0] = %v; want ¶9, Adam Thomson, direct", r)
	}
}

func TestAskJSONNoSpeakerIsNull(t *testing.T) {
	out := runAskCmd(t, "", "--json", "--limit", "1", "Which members of Trump's team want to discard the Iran nuclear deal?")
	var got struct {
		Answer *struct {
			Paragraph int     `json:"paragraph"`
			Speaker   *string `json:"speaker"`
		} `json:"answer"`
		Results []struct {
			Kind string `json:"kind"`
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("ask --json output %q: %v", out, err)
	}
	if got.Answer == nil || got.Answer.Paragraph != 12 {
		t.Fatalf("answer = %+v; want ¶12", got.Answer)
	}
	if got.Answer.Speaker != nil {
		t.Errorf("answer speaker = %q; want null", *got.Answer.Speaker)
	}
	if len(got.Results) != 1 || got.Results[0].Kind != "paragraph" {
		t.Errorf("results = %+v; want one paragraph", got.Results)
	}
}

func TestAskJSONNotAQuestion(t *testing.T) {
	out := runAskCmd(t, "", "--json", "  ")
	want := `{"question":"  ","answer":null,"results":[]}` + "\n"
	if out != want {
		t.Errorf("ask --json %q = %q; want %q", "  ", out, want)
	}
}

func TestAskReadable(t *testing.T) {
	tests := []struct {
		name     string
		question string
		want     []string
	}{
		{"who is", "Who is James Carden?", []string{
			"James Carden is executive editor for the American Committee for East-West Accord",
			"  — Trump, Putin and the uneasy future of U.S.–Russia relations (November 2016), ¶10\n",
			"  — James Carden, as reported in Trump, Putin and the uneasy future of U.S.–Russia relations (November 2016), ¶15\n",
		}},
		{"quotation names its speaker", "Who said there is no magic wand?", []string{
			"“There’s no magic wand",
			"  — Adam Thomson, quoted in Trump, Putin and the uneasy future of U.S.–Russia relations (November 2016), ¶9\n",
		}},
		{"blank", "   ", []string{"Please ask a question about the article.\n"}},
		{"no answer", "What is the boiling point of mercury?", []string{"The article does not seem to answer that"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := runAskCmd(t, "", tt.question)
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("ask %q = %q; want it to contain %q", tt.question, out, w)
				}
			}
		})
	}
}

func TestAskStdin(t *testing.T) {
	in := "Who is James Carden?\n\nWhich country annexed Crimea?\n"
	out := runAskCmd(t, in, "--json")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("ask --json with 3 lines of input wrote %d lines:\n%s", len(lines), out)
	}
	wantPara := []int{10, 0, 6}
	for i, l := range lines {
		var got struct {
			Answer *struct {
				Paragraph int `json:"paragraph"`
			} `json:"answer"`
		}
		if err := json.Unmarshal([]byte(l), &got); err != nil {
			t.Fatalf("line %d %q: %v", i, l, err)
		}
		para := 0
		if got.Answer != nil {
			para = got.Answer.Paragraph
		}
		if para != wantPara[i] {
			t.Errorf("line %d answer paragraph = %d; want %d (0: no answer)", i, para, wantPara[i])
		}
	}
}

func TestAskStdinReadable(t *testing.T) {
	got := runAskCmd(t, "Which country annexed Crimea?\n\n", "--limit", "1")
	want := "Q: Which country annexed Crimea?\n" +
		"“the confrontation since Russia annexed Crimea is arguably more dangerous than at any time since the 1960s.”\n" +
		"  — Adam Thomson, quoted in Trump, Putin and the uneasy future of U.S.–Russia relations (November 2016), ¶6\n" +
		"\nQ: \nPlease ask a question about the article.\n"
	if got != want {
		t.Errorf("ask with two lines on stdin wrote\n%s\nwant\n%s", got, want)
	}
}

func TestAskOnDiskIndex(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	first := runAskCmd(t, "", "--index", dir, "Which country annexed Crimea?")
	if _, err := os.Stat(filepath.Join(dir, "fingerprint")); err != nil {
		t.Fatalf("ask --index %s left no index: %v", dir, err)
	}
	second := runAskCmd(t, "", "--index", dir, "Which country annexed Crimea?")
	if first != second {
		t.Errorf("answer from a reused index = %q; want %q", second, first)
	}
}

func TestAskProgressOnLargeCorpus(t *testing.T) {
	dir := t.TempDir()
	for i := range progressMinArticles {
		text := fmt.Sprintf("Article %d is about topic%d.\n\nIt has a second paragraph.\n", i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%02d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	args := []string{"ask", "--env", filepath.Join(dir, "none.env"), "--corpus", dir, "--json", "What is topic7 about?"}
	if err := run(context.Background(), args, func(string) string { return "" }, strings.NewReader(""), &stdout, &stderr); err != nil {
		t.Fatalf("ask: %v (stderr %q)", err, stderr.String())
	}
	want := fmt.Sprintf("indexing: %d of %d articles\n", progressMinArticles, progressMinArticles)
	if !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr = %q; want it to contain %q", stderr.String(), want)
	}
	if !strings.Contains(stdout.String(), `"doc":"a07"`) {
		t.Errorf("stdout = %q; want the answer from a07", stdout.String())
	}
}

func TestAskBadFlags(t *testing.T) {
	for _, args := range [][]string{{"--limit", "0"}, {"--limit", "51"}, {"--nope"}} {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), append([]string{"ask"}, args...), func(string) string { return "" },
			strings.NewReader(""), &stdout, &stderr)
		if exitCode(err) != 2 {
			t.Errorf("ask %q: exit code %d (%v); want 2", args, exitCode(err), err)
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// BenchmarkAskProcess measures one whole `articlebot ask` process on the
// embedded article: start, load, index, answer, exit.
func BenchmarkAskProcess(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "articlebot")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	var total time.Duration
	for b.Loop() {
		cmd := exec.Command(bin, "ask", "--env", "", "Who is James Carden?")
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + b.TempDir()}
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("articlebot ask: %v\n%s", err, out)
		}
		total += time.Since(start)
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms/ask")
}

func TestAskUnattributedQuotation(t *testing.T) {
	path := filepath.Join(t.TempDir(), "note.txt")
	text := "The talks ended on Friday.\n\n“The plan is dead,” the note on the door read.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out := runAskCmd(t, "", "--corpus", path, "Who said the plan is dead?")
	want := "“The plan is dead,”\n  — unattributed quotation in note, ¶2\n"
	if !strings.HasPrefix(out, want) {
		t.Errorf("ask = %q; want it to open with %q", out, want)
	}
}
