package corpus

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed trump-putin-2016.txt
var defaultArticle []byte

// The embedded article carries no front matter; these describe it.
const (
	defaultID    = "trump-putin-2016"
	defaultTitle = "Trump, Putin and the uneasy future of U.S.–Russia relations (November 2016)"
	defaultDate  = "November 2016"
)

// Default returns the corpus used when none is configured: the embedded
// November 2016 article on Trump, Putin and U.S.–Russia relations.
func Default() *Corpus {
	a, err := Parse(defaultID, defaultArticle)
	if err != nil {
		// The embedded file is fixed at build time and covered by tests.
		panic(fmt.Sprintf("corpus: embedded article: %v", err))
	}
	a.Title = defaultTitle
	a.Date = defaultDate
	return &Corpus{Articles: []*Article{a}}
}

// Extensions lists the file name endings Load reads as articles.
var extensions = map[string]bool{".txt": true, ".md": true}

// Load reads the article at path, or every .txt and .md article in the
// folder at path (not its subfolders), in file name order. In a folder,
// hidden files and a README, LICENSE, CHANGELOG or CONTRIBUTING file are
// not articles.
//
// In a folder, a file that cannot be read or parsed is passed to warn (which
// may be nil) and skipped, as is any file of another kind; Load fails only
// when no article loads. A single file that cannot be parsed is an error.
func Load(path string, warn func(error)) (*Corpus, error) {
	if warn == nil {
		warn = func(error) {}
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("load corpus: %w", err)
	}
	if !info.IsDir() {
		a, err := LoadFile(path)
		if err != nil {
			return nil, err
		}
		return &Corpus{Articles: []*Article{a}}, nil
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, fmt.Errorf("load corpus: %w", err)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	c := &Corpus{}
	seen := map[string]string{}
	for _, e := range entries {
		name := filepath.Join(path, e.Name())
		if e.IsDir() {
			continue
		}
		if !extensions[strings.ToLower(filepath.Ext(e.Name()))] {
			warn(fmt.Errorf("skip %s: not a .txt or .md file", name))
			continue
		}
		if why := notArticle(e.Name()); why != "" {
			warn(fmt.Errorf("skip %s: %s", name, why))
			continue
		}
		a, err := LoadFile(name)
		if err != nil {
			warn(err)
			continue
		}
		if prev, dup := seen[strings.ToLower(a.ID)]; dup {
			warn(fmt.Errorf("skip %s: article ID %q is already used by %s", name, a.ID, prev))
			continue
		}
		seen[strings.ToLower(a.ID)] = name
		c.Articles = append(c.Articles, a)
	}
	if len(c.Articles) == 0 {
		return nil, fmt.Errorf("load corpus: no readable .txt or .md article in %s", path)
	}
	return c, nil
}

// folderFiles are the base names (lower case, without extension) of the
// files that describe a folder rather than hold an article.
var folderFiles = map[string]bool{"readme": true, "license": true, "licence": true, "changelog": true, "contributing": true}

// notArticle tells why a .txt or .md file in a folder is not taken for an
// article: a hidden file (an editor's backup or lock), or a file that
// describes the folder (README.md). It returns "" for an article.
func notArticle(base string) string {
	if strings.HasPrefix(base, ".") {
		return "a hidden file"
	}
	if folderFiles[strings.ToLower(strings.TrimSuffix(base, filepath.Ext(base)))] {
		return "it describes the folder, not an article"
	}
	return ""
}

// LoadFile reads and parses one article file; its ID is the file name
// without extension.
func LoadFile(path string) (*Article, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read article: %w", err)
	}
	id := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	a, err := Parse(id, data)
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", path, err)
	}
	return a, nil
}

// Errors Parse returns for text it cannot take as an article.
var (
	ErrEmpty    = errors.New("file is empty")
	ErrBinary   = errors.New("file is binary, not text")
	ErrNotUTF8  = errors.New("file is not UTF-8 text")
	ErrNoBodyID = errors.New("article has no paragraphs")
)

// Parse turns an article's bytes into an Article with the given ID.
//
// The text may start with a UTF-8 byte order mark and use CRLF line ends. An
// optional front matter between two "---" lines at the top sets title, url,
// author and date. If the body has blank lines, each blank-line-separated
// block is a paragraph (its lines joined with a space); otherwise every
// non-empty line is one. In a Markdown body, a leading "# Heading" is the
// title when the front matter gives none.
func Parse(id string, data []byte) (*Article, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, ErrBinary
	}
	if !utf8.Valid(data) {
		return nil, ErrNotUTF8
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	if controlShare(text) > 0.05 {
		return nil, ErrBinary
	}

	a := &Article{ID: id}
	lines := strings.Split(text, "\n")
	lines = frontMatter(a, lines)
	if a.Title == "" {
		lines = markdownTitle(a, lines)
	}
	if a.Title == "" {
		lines = headlineTitle(a, lines)
	}
	a.Paragraphs = paragraphs(lines)
	if len(a.Paragraphs) == 0 {
		return nil, ErrNoBodyID
	}
	if a.Title == "" {
		a.Title = titleFromID(id)
	}
	analyze(a)
	return a, nil
}

// controlShare is the share of runes that are control characters other than
// white space: high in binary files that happen to be valid UTF-8.
func controlShare(s string) float64 {
	var n, bad int
	for _, r := range s {
		n++
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f {
			bad++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(bad) / float64(n)
}

// frontMatter reads "key: value" lines between a first line "---" and the
// next "---" line into a, and returns the lines after it.
func frontMatter(a *Article, lines []string) []string {
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return lines
	}
	for i := 1; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if line == "---" {
			return lines[i+1:]
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		value = strings.Trim(strings.TrimSpace(value), `"'`)
		switch strings.ToLower(strings.TrimSpace(key)) {
		case "title":
			a.Title = value
		case "url", "source":
			a.URL = value
		case "author", "by":
			a.Author = value
		case "date":
			a.Date = value
		}
	}
	// No closing line: this was not front matter after all.
	a.Title, a.URL, a.Author, a.Date = "", "", "", ""
	return lines
}

// markdownTitle takes a first non-empty line "# Title" as the title.
func markdownTitle(a *Article, lines []string) []string {
	for i, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "# ") {
			a.Title = strings.TrimSpace(line[2:])
			return lines[i+1:]
		}
		return lines
	}
	return lines
}

// headlineWords bounds a first line taken for a headline.
const headlineWords = 30

// headlineTitle takes the first line of a text whose paragraphs are separated by
// blank lines as its title when it reads as a headline, as news files often
// start: one short line, alone in its block, that does not end a sentence
// ("Fox attacks Blair's Tory 'lies'"), followed by the body. A first line
// that ends with a full stop, or a text with a paragraph a line, is left as
// the first paragraph.
func headlineTitle(a *Article, lines []string) []string {
	first := -1
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			first = i
			break
		}
	}
	if first < 0 || first+1 >= len(lines) || strings.TrimSpace(lines[first+1]) != "" {
		return lines
	}
	rest := lines[first+1:]
	if !slices.ContainsFunc(rest, func(l string) bool { return strings.TrimSpace(l) != "" }) {
		return lines
	}
	line := foldSpace(lines[first])
	words := strings.Fields(line)
	if len(words) > headlineWords {
		return lines
	}
	r, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune(`"“'‘`, r) {
		return lines
	}
	end := strings.TrimRight(line, `"”’')]`)
	if end == "" || strings.ContainsRune(".!?:;,…", lastRune(end)) {
		return lines
	}
	a.Title = line
	return rest
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func paragraphs(lines []string) []string {
	// Blank lines separate paragraphs only when text follows them: a
	// trailing newline does not make a one-paragraph-a-line file one block.
	blank, separated, seenText := false, false, false
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			blank = blank || seenText
		} else if blank {
			separated = true
			break
		} else {
			seenText = true
		}
	}
	var out []string
	if !separated {
		for _, l := range lines {
			if t := foldSpace(l); t != "" {
				out = append(out, t)
			}
		}
		return out
	}
	var block []string
	flush := func() {
		if len(block) > 0 {
			out = append(out, strings.Join(block, " "))
			block = block[:0]
		}
	}
	for _, l := range lines {
		t := foldSpace(l)
		if t == "" {
			flush()
			continue
		}
		block = append(block, t)
	}
	flush()
	return out
}

// foldSpace trims l and turns each run of white space in it into one
// space. Most lines need nothing done, and are returned as they are
// without being split and joined again.
func foldSpace(l string) string {
	prevSpace := true // a leading space needs folding
	for i := 0; i < len(l); {
		r, size := rune(l[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(l[i:])
		}
		space := unicode.IsSpace(r)
		if space && (r != ' ' || prevSpace) {
			return strings.Join(strings.Fields(l), " ")
		}
		prevSpace = space
		i += size
	}
	if prevSpace && l != "" {
		return strings.Join(strings.Fields(l), " ") // a trailing space
	}
	return l
}

// titleFromID makes "us-russia_relations" read "us russia relations".
func titleFromID(id string) string {
	t := strings.Join(strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' }), " ")
	if t == "" {
		return id
	}
	return t
}
