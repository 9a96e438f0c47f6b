package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// runCmd runs articlebot with args and no settings from the environment or
// a .env file, and returns standard output, standard error and the error.
func runCmd(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	all := append([]string{args[0], "--env", filepath.Join(t.TempDir(), "none.env")}, args[1:]...)
	err := run(context.Background(), all, func(string) string { return "" }, strings.NewReader(""), &stdout, &stderr)
	return stdout.String(), stderr.String(), err
}

func decodeLines[T any](t *testing.T, out string) []T {
	t.Helper()
	var got []T
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	for dec.More() {
		var v T
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("decode %q: %v", out, err)
		}
		got = append(got, v)
	}
	return got
}

func TestQuotesBySpeaker(t *testing.T) {
	tests := []struct {
		name    string
		speaker string
		want    []int // paragraphs of the speaker's direct and mixed quotations
	}{
		{"surname", "Carden", []int{11, 13, 20, 21, 22}},
		{"title and other case", "sir adam thomson", []int{4, 5, 6, 7, 7, 8, 9, 9}},
		{"typo", "Thomsen", []int{4, 5, 6, 7, 7, 8, 9, 9}},
		{"organisation", "kremlin", []int{2}},
		{"mentioned only", "Flynn", nil},
		{"nobody", "Angela Merkel", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := runCmd(t, "quotes", "--json", "--speaker", tt.speaker)
			if err != nil {
				t.Fatalf("quotes --speaker %q: %v", tt.speaker, err)
			}
			var got []int
			for _, q := range decodeLines[quoteLine](t, out) {
				if q.Speaker == nil {
					t.Fatalf("quotes --speaker %q gave a quotation without speaker: %+v", tt.speaker, q)
				}
				if q.Kind != "indirect" {
					got = append(got, q.Paragraph)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("quotes --speaker %q paragraphs = %v; want %v", tt.speaker, got, tt.want)
			}
		})
	}
}

func TestQuotesJSONLine(t *testing.T) {
	out, _, err := runCmd(t, "quotes", "--json")
	if err != nil {
		t.Fatal(err)
	}
	want := `{"doc":"trump-putin-2016","paragraph":9,"speaker":"Adam Thomson","kind":"direct","text":"There’s no magic wand to wave to make this better and no alternative to the painstaking rebuilding of trust, transparency, and accountability,"}`
	if !strings.Contains(out, want+"\n") {
		t.Errorf("quotes --json has no line\n%s\ngot:\n%s", want, out)
	}
}

func TestQuotesReadable(t *testing.T) {
	out, _, err := runCmd(t, "quotes", "--speaker", "Harrison")
	if err != nil {
		t.Fatal(err)
	}
	want := "trump-putin-2016 ¶14  Fred Harrison [mixed]: “aren’t aligned with what his closest aides seem to be preferring ... which is to be hostile to Russia and most of its friends in the Middle East.”\n"
	if !strings.HasPrefix(out, want) {
		t.Errorf("quotes --speaker Harrison =\n%s\nwant it to start with\n%s", out, want)
	}
}

func TestSpeakersJSON(t *testing.T) {
	out, _, err := runCmd(t, "speakers", "--json")
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]speakerLine{}
	for _, s := range decodeLines[speakerLine](t, out) {
		byName[s.Name] = s
	}
	thomson := byName["Adam Thomson"]
	if thomson.Quotes != 8 || !strings.HasPrefix(thomson.Description, "director of the European Leadership Network") {
		t.Errorf("speakers: Adam Thomson = %+v; want 8 quotes and his description", thomson)
	}
	flynn, ok := byName["Michael Flynn"]
	if !ok {
		t.Fatalf("speakers: no Michael Flynn in\n%s", out)
	}
	if flynn.Quotes != 0 || flynn.Statements != 0 || !reflect.DeepEqual(flynn.MentionedIn, []int{12, 13}) {
		t.Errorf("speakers: Michael Flynn = %+v; want no quotes, mentioned in [12 13]", flynn)
	}
}

func TestQuotesOwnCorpus(t *testing.T) {
	dir := t.TempDir()
	article := "---\ntitle: Council vote\n---\n\n“We will build the bridge,” said Mayor Jane Ortiz.\n\nShe added: “It opens in May.”\n"
	if err := os.WriteFile(filepath.Join(dir, "council.md"), []byte(article), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.pdf"), []byte("%PDF"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := runCmd(t, "quotes", "--json", "--corpus", dir)
	if err != nil {
		t.Fatal(err)
	}
	got := decodeLines[quoteLine](t, out)
	if len(got) != 2 || got[0].Doc != "council" || got[1].Paragraph != 2 ||
		got[0].Speaker == nil || *got[0].Speaker != "Jane Ortiz" || got[1].Speaker == nil || *got[1].Speaker != "Jane Ortiz" {
		t.Errorf("quotes on own corpus = %s; want two quotations by Jane Ortiz in council ¶1, ¶2", out)
	}
	if !strings.Contains(stderr, "notes.pdf") {
		t.Errorf("stderr = %q; want a warning naming the skipped notes.pdf", stderr)
	}
}

func TestUnknownCommand(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"quotse"}, func(string) string { return "" }, strings.NewReader(""), &stdout, &stderr)
	if err == nil || exitCode(err) != 2 || !strings.Contains(err.Error(), `unknown command "quotse"`) {
		t.Errorf("run(quotse) = %v (exit %d); want a usage error", err, exitCode(err))
	}
}
