package corpus_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"articlebot/corpus"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name                     string
		in                       string
		title, url, author, date string
		paras                    []string
	}{
		{
			name:  "front matter",
			in:    "---\ntitle: \"Talks resume\"\nurl: https://example.org/a\nauthor: A. Writer\ndate: 2016-11-15\n---\nFirst paragraph.\n\nSecond one.\n",
			title: "Talks resume", url: "https://example.org/a", author: "A. Writer", date: "2016-11-15",
			paras: []string{"First paragraph.", "Second one."},
		},
		{
			name:  "BOM and CRLF, one paragraph a line",
			in:    "\ufeffFirst line.\r\nSecond line.\r\n",
			title: "art",
			paras: []string{"First line.", "Second line."},
		},
		{
			name:  "blank lines separate paragraphs and join their lines",
			in:    "A paragraph\nwrapped over  two lines.\n\n\nAnother.\n",
			title: "art",
			paras: []string{"A paragraph wrapped over two lines.", "Another."},
		},
		{
			name:  "markdown heading is the title",
			in:    "# Heading here\n\nBody text.\n",
			title: "Heading here",
			paras: []string{"Body text."},
		},
		{
			name:  "a short first line alone is a headline",
			in:    "Fox attacks Blair's Tory 'lies'\n\nTony Blair lied, say the Tories.\n\nMore text.\n",
			title: "Fox attacks Blair's Tory 'lies'",
			paras: []string{"Tony Blair lied, say the Tories.", "More text."},
		},
		{
			name:  "a first line that ends a sentence is a paragraph",
			in:    "Talks resumed on Monday.\n\nThey ended on Tuesday.\n",
			title: "art",
			paras: []string{"Talks resumed on Monday.", "They ended on Tuesday."},
		},
		{
			name:  "a long headline is a headline",
			in:    "NHS waiting list for hip and knee operations hits record as surgeons warn patients are 'losing their independence'\n\nThe list grew.\n",
			title: "NHS waiting list for hip and knee operations hits record as surgeons warn patients are 'losing their independence'",
			paras: []string{"The list grew."},
		},
		{
			name:  "a first line too long for a headline is a paragraph",
			in:    "One w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20 w21 w22 w23 w24 w25 w26 w27 w28 w29 w30 w31\n\nNext.\n",
			title: "art",
			paras: []string{"One w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20 w21 w22 w23 w24 w25 w26 w27 w28 w29 w30 w31", "Next."},
		},
		{
			name:  "no headline in a paragraph-a-line text",
			in:    "Short opener\nBody line.\n",
			title: "art",
			paras: []string{"Short opener", "Body line."},
		},
		{
			name:  "a headline needs a body after it",
			in:    "Only a line\n\n",
			title: "art",
			paras: []string{"Only a line"},
		},
		{
			name:  "unclosed front matter is text",
			in:    "---\ntitle: x\nno end\n",
			title: "art",
			paras: []string{"---", "title: x", "no end"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := corpus.Parse("art", []byte(tt.in))
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			if a.Title != tt.title || a.URL != tt.url || a.Author != tt.author || a.Date != tt.date {
				t.Errorf("Parse(%q) title, url, author, date = %q, %q, %q, %q; want %q, %q, %q, %q",
					tt.in, a.Title, a.URL, a.Author, a.Date, tt.title, tt.url, tt.author, tt.date)
			}
			if !slices.Equal(a.Paragraphs, tt.paras) {
				t.Errorf("Parse(%q).Paragraphs = %q; want %q", tt.in, a.Paragraphs, tt.paras)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"empty", "", corpus.ErrEmpty},
		{"white space", " \n\t\r\n", corpus.ErrEmpty},
		{"BOM only", "\ufeff", corpus.ErrEmpty},
		{"NUL byte", "text\x00more", corpus.ErrBinary},
		{"control characters", strings.Repeat("\x01\x02ab", 20), corpus.ErrBinary},
		{"Latin-1", "caf\xe9 au lait", corpus.ErrNotUTF8},
		{"front matter only", "---\ntitle: x\n---\n", corpus.ErrNoBodyID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := corpus.Parse("x", []byte(tt.in))
			if !errors.Is(err, tt.want) {
				t.Errorf("Parse(%q) error = %v; want %v", tt.in, err, tt.want)
			}
		})
	}
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadFileErrorNamesFile(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, content string
		want          error
	}{
		{"empty.txt", "", corpus.ErrEmpty},
		{"binary.txt", "\x00\x01\x02", corpus.ErrBinary},
		{"latin1.md", "na\xefve", corpus.ErrNotUTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, dir, tt.name, tt.content)
			_, err := corpus.LoadFile(path)
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), path) {
				t.Errorf("LoadFile(%q) error = %v; want %v naming the file", path, err, tt.want)
			}
		})
	}
}

func TestLoadFolderSkipsBadFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "b-good.md", "# Second\n\nBody.")
	writeFile(t, dir, "a-good.txt", "One paragraph.")
	bad := writeFile(t, dir, "c-bad.txt", "\x00binary")
	other := writeFile(t, dir, "notes.pdf", "%PDF")
	readme := writeFile(t, dir, "README.md", "# About this folder\n\nArticles for the study group.")
	hidden := writeFile(t, dir, ".draft.txt", "Not yet.")
	var warnings []string
	c, err := corpus.Load(dir, func(err error) { warnings = append(warnings, err.Error()) })
	if err != nil {
		t.Fatalf("Load(%q): %v", dir, err)
	}
	var ids []string
	for _, a := range c.Articles {
		ids = append(ids, a.ID)
	}
	if want := []string{"a-good", "b-good"}; !slices.Equal(ids, want) {
		t.Errorf("Load(%q) articles = %q; want %q", dir, ids, want)
	}
	for _, name := range []string{bad, other, readme, hidden} {
		if !slices.ContainsFunc(warnings, func(w string) bool { return strings.Contains(w, name) }) {
			t.Errorf("Load(%q) warnings = %q; want one naming %s", dir, warnings, name)
		}
	}
}

func TestLoadFolderWithNoArticle(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "bad.txt", "")
	if _, err := corpus.Load(dir, nil); err == nil {
		t.Errorf("Load(%q) = nil error; want one for a folder without a readable article", dir)
	}
}
