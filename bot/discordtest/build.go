package discordtest

import (
	"fmt"
	"maps"
	"slices"

	"github.com/bwmarrin/discordgo"
)

// Command is a slash command interaction (type 2) for the command name with
// these options; Interact fills in the rest.
func Command(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	return &discordgo.Interaction{
		Type: discordgo.InteractionApplicationCommand,
		Data: discordgo.ApplicationCommandInteractionData{
			Name:        name,
			CommandType: discordgo.ChatApplicationCommand,
			Options:     opts,
		},
	}
}

// Autocomplete is an autocomplete interaction (type 4) for the command name;
// one option should be Focused.
func Autocomplete(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	i := Command(name, opts...)
	i.Type = discordgo.InteractionApplicationCommandAutocomplete
	return i
}

// Button is a click on the button with this custom ID (type 3). Interact
// attaches the latest message of the bot that carries the button.
func Button(customID string) *discordgo.Interaction {
	return &discordgo.Interaction{
		Type: discordgo.InteractionMessageComponent,
		Data: discordgo.MessageComponentInteractionData{
			CustomID:      customID,
			ComponentType: discordgo.ButtonComponent,
		},
	}
}

// ModalSubmit is the submission of the modal with this custom ID (type 5),
// with one text input per field (custom ID → value), one a row in the
// order of their IDs: the classic layout discordgo v0.29.0 decodes.
func ModalSubmit(customID string, fields map[string]string) *discordgo.Interaction {
	rows := make([]discordgo.MessageComponent, 0, len(fields))
	for _, id := range slices.Sorted(maps.Keys(fields)) {
		v := fields[id]
		rows = append(rows, &discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			&discordgo.TextInput{CustomID: id, Value: v, Style: discordgo.TextInputShort},
		}})
	}
	return &discordgo.Interaction{
		Type: discordgo.InteractionModalSubmit,
		Data: discordgo.ModalSubmitInteractionData{CustomID: customID, Components: rows},
	}
}

// Opt is a command option with its type from value's: a string, bool, int
// (any integer type) or float64. Another type is a mistake in the test, and
// panics.
func Opt(name string, value any) *discordgo.ApplicationCommandInteractionDataOption {
	o := &discordgo.ApplicationCommandInteractionDataOption{Name: name, Value: value}
	switch value.(type) {
	case string:
		o.Type = discordgo.ApplicationCommandOptionString
	case bool:
		o.Type = discordgo.ApplicationCommandOptionBoolean
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		o.Type = discordgo.ApplicationCommandOptionInteger
	case float32, float64:
		o.Type = discordgo.ApplicationCommandOptionNumber
	default:
		panic(fmt.Sprintf("discordtest.Opt(%q, %T): use a string, bool, integer or float", name, value))
	}
	return o
}

// Sub is a subcommand option holding its own options.
func Sub(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{
		Name: name, Type: discordgo.ApplicationCommandOptionSubCommand, Options: opts,
	}
}

// Focused is the string option being typed in an autocomplete interaction.
func Focused(name, value string) *discordgo.ApplicationCommandInteractionDataOption {
	o := Opt(name, value)
	o.Focused = true
	return o
}

// InDM moves the interaction to the bot's DM with UserID: Interact then
// sets User instead of Member and no guild.
func InDM(i *discordgo.Interaction) *discordgo.Interaction {
	c := *i
	c.GuildID = ""
	c.Member = nil
	c.User = memberUser()
	return &c
}

// Mention is how a message mentions the bot: "<@" + AppID + ">".
func Mention() string { return "<@" + AppID + ">" }
