package corpus_test

import (
	"os"
	"path/filepath"
	"testing"

	"articlebot/corpus"
)

// bbcDefault is the folder of BBC politics articles beside the repository,
// another house style (straight quotes, "Ms Hewitt said: …"); BBC_DIR
// names another.
const bbcDefault = "../../shared/evaldata/bbc_politics"

// TestBBC parses every BBC article and checks the invariants of the
// result, and that most of their quotations, nearly all introduced by
// "said", find a speaker. Some rightly do not: "the committee said" names
// no one.
func TestBBC(t *testing.T) {
	dir := os.Getenv("BBC_DIR")
	if dir == "" {
		dir = filepath.FromSlash(bbcDefault)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "[0-9]*.txt"))
	if len(files) == 0 {
		t.Skipf("no BBC articles in %s: put the shared folder beside the repository or set BBC_DIR", dir)
	}
	quotes, named := 0, 0
	for _, path := range files {
		a, err := corpus.LoadFile(path)
		if err != nil {
			t.Errorf("LoadFile(%q): %v", path, err)
			continue
		}
		checkArticle(t, a)
		for _, q := range a.Quotes {
			if q.Kind == corpus.Indirect {
				continue
			}
			quotes++
			if q.Speaker != "" {
				named++
			}
		}
	}
	t.Logf("%d articles, %d quotations, %d with a speaker", len(files), quotes, named)
	if 10*named < 7*quotes {
		t.Errorf("%d of %d quotations have a speaker; want at least 70%%", named, quotes)
	}
}
