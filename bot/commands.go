package bot

import (
	"context"

	"github.com/bwmarrin/discordgo"
)

// command is one slash command: what Discord is told about it, and the
// handler that answers it. All of them are declared in commands below.
type command struct {
	def *discordgo.ApplicationCommand
	// run answers the command; it returns the reply and never calls Discord.
	run func(h *handlers, ctx context.Context, r request) (Response, error)
	// private reports, before run, whether the reply will be private, so
	// that a deferred reply is deferred the same way.
	private func(r request) bool
}

// commands declares every slash command. With more than one article loaded
// each command takes an optional article and /articles lists them.
func commands(multi bool) []command {
	minOne := 1.0
	cmds := []command{
		{
			def: &discordgo.ApplicationCommand{
				Name:        "ask",
				Description: "Ask a question about the article; the answer quotes it with paragraph and speaker",
				Options: []*discordgo.ApplicationCommandOption{
					{Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "Your question, e.g. Who said there is no magic wand?", Required: true, MaxLength: maxQuestion},
					{Type: discordgo.ApplicationCommandOptionBoolean, Name: "private", Description: "Show the answer to you only (you can share it afterwards)"},
				},
			},
			run:     (*handlers).ask,
			private: func(r request) bool { return r.bool("private") },
		},
		{
			def: &discordgo.ApplicationCommand{
				Name:        "speaker",
				Description: "Who a person is and everything the article quotes them saying",
				Options: []*discordgo.ApplicationCommandOption{
					{Type: discordgo.ApplicationCommandOptionString, Name: "name", Description: "Any of their names; suggestions as you type", Required: true, Autocomplete: true, MaxLength: maxChoiceName},
				},
			},
			run: (*handlers).speaker,
		},
		{
			def: &discordgo.ApplicationCommand{
				Name:        "speakers",
				Description: "Everyone the article quotes, with their role and number of quotations",
			},
			run: (*handlers).speakers,
		},
		{
			def: &discordgo.ApplicationCommand{
				Name:        "quote",
				Description: "The quotation that best matches your words, or a random one",
				Options: []*discordgo.ApplicationCommandOption{
					{Type: discordgo.ApplicationCommandOptionString, Name: "text", Description: "Words from the quotation; leave out for a random one", MaxLength: maxQuestion},
				},
			},
			run: (*handlers).quote,
		},
		{
			def: &discordgo.ApplicationCommand{
				Name:        "paragraph",
				Description: "Read one paragraph of the article, with its citation",
				Options: []*discordgo.ApplicationCommandOption{
					{Type: discordgo.ApplicationCommandOptionInteger, Name: "number", Description: "Paragraph number (¶), from 1", Required: true, MinValue: &minOne},
				},
			},
			run: (*handlers).paragraph,
		},
		{
			def: &discordgo.ApplicationCommand{
				Name:        "about",
				Description: "The article(s), where answers come from and how to cite them",
			},
			run:     (*handlers).about,
			private: func(request) bool { return true },
		},
	}
	if !multi {
		return cmds
	}
	for _, c := range cmds {
		c.def.Options = append(c.def.Options, &discordgo.ApplicationCommandOption{
			Type: discordgo.ApplicationCommandOptionString, Name: optArticle,
			Description: "Which article (default: all for questions, else the first)", Autocomplete: true,
		})
	}
	return append(cmds, command{
		def: &discordgo.ApplicationCommand{
			Name:        "articles",
			Description: "The articles I can answer about, with their IDs",
		},
		run: (*handlers).articles,
	})
}

// optArticle is the option that picks an article when several are loaded.
const optArticle = "article"

// maxQuestion bounds a question's length; longer text is not a question.
const maxQuestion = 1000
