package bot_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"articlebot/bot/discordtest"
	"articlebot/corpus"
)

// TestSpeakerAcrossArticles runs /speaker over two articles that quote some
// of the same people (the embedded one, and testdata/summit-talks.md): a
// person in both is shown from both, a person in one from that one, and
// autocomplete offers each name once.
func TestSpeakerAcrossArticles(t *testing.T) {
	t.Parallel()
	second, err := corpus.LoadFile(filepath.Join("testdata", "summit-talks.md"))
	if err != nil {
		t.Fatal(err)
	}
	c := corpus.Default()
	c.Articles = append(c.Articles, second)
	srv, _ := launchBotWith(t, c, offTheClock)
	const first = "Trump, Putin and the uneasy future of U.S.–Russia relations (November 2016)"

	var carden callback
	t.Run("in both articles", func(t *testing.T) {
		req, cb := interact(t, srv, discordtest.Command("speaker", discordtest.Opt("name", "james carden")))
		golden(t, "speaker-across", req.Body)
		carden = cb
		var titles []string
		for _, e := range cb.Data.Embeds {
			titles = append(titles, e.Title)
		}
		if want := []string{first, "Envoys prepare for a first Trump–Putin summit"}; !slices.Equal(titles, want) {
			t.Errorf("embed titles %q; want one embed for each article, in corpus order: %q", titles, want)
		}
		if want := "**James Carden** is in 2 articles."; cb.Data.Content != want {
			t.Errorf("content %q; want %q", cb.Data.Content, want)
		}
	})

	t.Run("all of one article", func(t *testing.T) {
		// The embedded article quotes Carden nine times, more than one
		// embed shows: its button opens the paged list in place.
		_, cb := interact(t, srv, discordtest.Button(customID(t, carden.Data.Components, "spk:0:")))
		if cb.Type != discordgo.InteractionResponseUpdateMessage || len(cb.Data.Embeds) != 1 || cb.Data.Embeds[0].Title != "James Carden" ||
			!strings.HasSuffix(cb.Data.Embeds[0].Description, "in "+first+".") || cb.Data.Embeds[0].Footer.Text != "1–5 of 9 · page 1 of 2" {
			t.Errorf("All in …: type %d %+v; want Carden's first page in the embedded article, in place", cb.Type, cb.Data.Embeds)
		}
	})

	tests := []struct {
		name, typed, article string
		wantTitles           []string // embed titles
	}{
		{"in the second article only", "Elena Markova", "", []string{"Elena Markova"}},
		{"in the first article only", "Adam Thomson", "", []string{"Adam Thomson"}},
		{"in both, one article chosen", "James Carden", "summit-talks", []string{"James Carden"}},
		{"a typo: the near match in both", "Vladimir Putn", "", []string{first, "Envoys prepare for a first Trump–Putin summit"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := []*discordgo.ApplicationCommandInteractionDataOption{discordtest.Opt("name", tt.typed)}
			if tt.article != "" {
				opts = append(opts, discordtest.Opt("article", tt.article))
			}
			_, cb := interact(t, srv, discordtest.Command("speaker", opts...))
			var titles []string
			for _, e := range cb.Data.Embeds {
				titles = append(titles, e.Title)
			}
			if !slices.Equal(titles, tt.wantTitles) {
				t.Errorf("/speaker %q = %q %q; want embeds %q", tt.typed, cb.Data.Content, titles, tt.wantTitles)
			}
		})
	}

	t.Run("in neither", func(t *testing.T) {
		_, cb := interact(t, srv, discordtest.Command("speaker", discordtest.Opt("name", "Nobody Here")))
		if want := "I found no one called “Nobody Here” in any of the articles. /speakers lists everyone quoted."; cb.Data.Content != want {
			t.Errorf("reply = %q; want %q", cb.Data.Content, want)
		}
	})

	autocomplete := []struct {
		name, typed string
		want        []string // choice values, in order
	}{
		{"in both articles, once", "carden", []string{"James Carden"}},
		{"quoted in one, mentioned in the other: quoted first", "putin", []string{"Vladimir Putin"}},
		{"from either article", "ma", []string{"Elena Markova"}},
	}
	for _, tt := range autocomplete {
		t.Run("autocomplete "+tt.name, func(t *testing.T) {
			if got := speakerChoices(t, srv, tt.typed); !slices.Equal(got, tt.want) {
				t.Errorf("autocomplete %q = %q; want %q", tt.typed, got, tt.want)
			}
		})
	}

	t.Run("autocomplete everyone, no one twice", func(t *testing.T) {
		got := speakerChoices(t, srv, "")
		// 12 people in the embedded article, and Elena Markova; Trump,
		// Putin and Carden are in both.
		if len(got) != 13 || !slices.Contains(got, "Elena Markova") {
			t.Errorf("autocomplete with nothing typed = %q; want the 13 people of both articles", got)
		}
		sorted := slices.Clone(got)
		slices.Sort(sorted)
		if len(slices.Compact(sorted)) != len(got) {
			t.Errorf("autocomplete with nothing typed = %q; want no name twice", got)
		}
	})
}
