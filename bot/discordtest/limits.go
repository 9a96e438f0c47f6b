package discordtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// Discord's limits on what a bot sends, checked on every message the fake
// receives so that a bot that breaks one fails its test as it would fail in
// production (400 Invalid Form Body).
const (
	maxContent       = 2000
	maxEmbeds        = 10
	maxEmbedTitle    = 256
	maxEmbedDesc     = 4096
	maxEmbedFields   = 25
	maxFieldName     = 256
	maxFieldValue    = 1024
	maxFooter        = 2048
	maxAuthorName    = 256
	maxEmbedTotal    = 6000
	maxRows          = 5
	maxRowItems      = 5
	maxCustomID      = 100
	maxButtonLabel   = 80
	maxChoices       = 25
	maxChoiceName    = 100
	maxModalTitle    = 45
	maxTextInputName = 45
	maxSelectOptions = 25
)

// allowedFlags are the message flags a bot may set: suppress embeds,
// ephemeral, suppress notifications.
const allowedFlags = discordgo.MessageFlagsSuppressEmbeds | discordgo.MessageFlagsEphemeral | discordgo.MessageFlagsSuppressNotifications

// component is a message component as sent.
type component struct {
	Type       discordgo.ComponentType `json:"type"`
	CustomID   string                  `json:"custom_id"`
	Label      string                  `json:"label"`
	Style      int                     `json:"style"`
	URL        string                  `json:"url"`
	Options    []json.RawMessage       `json:"options"`
	Components []component             `json:"components"`
}

// embed is the part of an embed the limits apply to.
type embed struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	Fields      []struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	} `json:"fields"`
	Footer *struct {
		Text string `json:"text"`
	} `json:"footer"`
	Author *struct {
		Name string `json:"name"`
	} `json:"author"`
}

// messageParts decodes the fields of a message body the limits apply to.
type messageParts struct {
	Content    string                 `json:"content"`
	Embeds     []embed                `json:"embeds"`
	Components []component            `json:"components"`
	Flags      discordgo.MessageFlags `json:"flags"`
	Sticker    []string               `json:"sticker_ids"`
	Attach     []json.RawMessage      `json:"attachments"`
	Poll       json.RawMessage        `json:"poll"`
}

func decodeParts(fields map[string]json.RawMessage) (messageParts, error) {
	var p messageParts
	b, err := json.Marshal(fields)
	if err != nil {
		return p, err
	}
	return p, json.Unmarshal(b, &p)
}

func (p messageParts) empty() bool {
	return p.Content == "" && len(p.Embeds) == 0 && len(p.Components) == 0 && len(p.Sticker) == 0 &&
		len(p.Attach) == 0 && (len(p.Poll) == 0 || string(p.Poll) == "null")
}

func runes(s string) int { return utf8.RuneCountInString(s) }

// emptyMessage is Discord's answer to a message with nothing to show.
func emptyMessage() reply {
	return errorReply(http.StatusBadRequest, codeEmptyMessage, "Cannot send an empty message")
}

// checkMessage checks a message body, JSON (prefix names where it sits in
// the request, such as "data."); nonEmpty requires something to show. The
// zero reply means it is fine.
func checkMessage(prefix string, body []byte, nonEmpty bool) reply {
	var p messageParts
	if len(body) > 0 {
		if err := json.Unmarshal(body, &p); err != nil {
			return formError(prefix+"_root", "Not a message: "+err.Error())
		}
	}
	if nonEmpty && p.empty() {
		return emptyMessage()
	}
	if n := runes(p.Content); n > maxContent {
		return formError(prefix+"content", fmt.Sprintf("Must be %d or fewer in length (got %d).", maxContent, n))
	}
	if p.Flags&^allowedFlags != 0 {
		return formError(prefix+"flags", fmt.Sprintf("Flags %d may not be set by a bot", p.Flags&^allowedFlags))
	}
	if rep := checkEmbeds(prefix, p.Embeds); rep.status != 0 {
		return rep
	}
	return checkComponents(prefix, p.Components)
}

// limitCheck is one length limit on one field.
type limitCheck struct {
	field  string
	n, max int
}

func checkEmbeds(prefix string, embeds []embed) reply {
	if len(embeds) > maxEmbeds {
		return formError(prefix+"embeds", fmt.Sprintf("Must be %d or fewer in length.", maxEmbeds))
	}
	total := 0
	for k, e := range embeds {
		f := fmt.Sprintf("%sembeds.%d.", prefix, k)
		checks := []limitCheck{
			{"title", runes(e.Title), maxEmbedTitle},
			{"description", runes(e.Description), maxEmbedDesc},
			{"fields", len(e.Fields), maxEmbedFields},
		}
		if e.Footer != nil {
			checks = append(checks, limitCheck{"footer.text", runes(e.Footer.Text), maxFooter})
			total += runes(e.Footer.Text)
		}
		if e.Author != nil {
			checks = append(checks, limitCheck{"author.name", runes(e.Author.Name), maxAuthorName})
			total += runes(e.Author.Name)
		}
		for _, c := range checks {
			if c.n > c.max {
				return formError(f+c.field, fmt.Sprintf("Must be %d or fewer in length (got %d).", c.max, c.n))
			}
		}
		total += runes(e.Title) + runes(e.Description)
		for j, fl := range e.Fields {
			ff := fmt.Sprintf("%sfields.%d.", f, j)
			if n := runes(fl.Name); n < 1 || n > maxFieldName {
				return formError(ff+"name", fmt.Sprintf("Must be between 1 and %d in length (got %d).", maxFieldName, n))
			}
			if n := runes(fl.Value); n < 1 || n > maxFieldValue {
				return formError(ff+"value", fmt.Sprintf("Must be between 1 and %d in length (got %d).", maxFieldValue, n))
			}
			total += runes(fl.Name) + runes(fl.Value)
		}
	}
	if total > maxEmbedTotal {
		return formError(prefix+"embeds", fmt.Sprintf("Embed size exceeds maximum size of %d (got %d)", maxEmbedTotal, total))
	}
	return reply{}
}

func checkComponents(prefix string, rows []component) reply {
	if len(rows) > maxRows {
		return formError(prefix+"components", fmt.Sprintf("Must be %d or fewer in length.", maxRows))
	}
	seen := map[string]bool{}
	for k, row := range rows {
		f := fmt.Sprintf("%scomponents.%d.", prefix, k)
		if row.Type != discordgo.ActionsRowComponent {
			return formError(f+"type", fmt.Sprintf("Component type %d is not an action row", row.Type))
		}
		if n := len(row.Components); n < 1 || n > maxRowItems {
			return formError(f+"components", fmt.Sprintf("Must be between 1 and %d in length (got %d).", maxRowItems, n))
		}
		for j, c := range row.Components {
			cf := fmt.Sprintf("%scomponents.%d.", f, j)
			switch c.Type {
			case discordgo.ButtonComponent:
				if n := runes(c.Label); n > maxButtonLabel {
					return formError(cf+"label", fmt.Sprintf("Must be %d or fewer in length (got %d).", maxButtonLabel, n))
				}
				if c.Style == int(discordgo.LinkButton) {
					if c.URL == "" || c.CustomID != "" {
						return formError(cf+"url", "A link button needs a url and no custom_id")
					}
					continue
				}
				if c.Style < int(discordgo.PrimaryButton) || c.Style > int(discordgo.DangerButton) {
					return formError(cf+"style", fmt.Sprintf("Value %d is not a valid button style", c.Style))
				}
			case discordgo.SelectMenuComponent, discordgo.UserSelectMenuComponent, discordgo.RoleSelectMenuComponent,
				discordgo.MentionableSelectMenuComponent, discordgo.ChannelSelectMenuComponent:
				if len(row.Components) != 1 {
					return formError(f+"components", "A select menu must be alone in its row")
				}
				if len(c.Options) > maxSelectOptions {
					return formError(cf+"options", fmt.Sprintf("Must be %d or fewer in length.", maxSelectOptions))
				}
			default:
				return formError(cf+"type", fmt.Sprintf("Component type %d does not belong in an action row", c.Type))
			}
			if n := runes(c.CustomID); n < 1 || n > maxCustomID {
				return formError(cf+"custom_id", fmt.Sprintf("Must be between 1 and %d in length (got %d).", maxCustomID, n))
			}
			if seen[c.CustomID] {
				return formError(cf+"custom_id", "Component custom id cannot be duplicated")
			}
			seen[c.CustomID] = true
		}
	}
	return reply{}
}

// checkFlags checks a deferral's data: flags only.
func checkFlags(prefix string, data []byte) reply {
	var d struct {
		Flags discordgo.MessageFlags `json:"flags"`
	}
	if len(data) > 0 {
		if err := json.Unmarshal(data, &d); err != nil {
			return formError(prefix+"flags", err.Error())
		}
	}
	if f := d.Flags; f&^allowedFlags != 0 {
		return formError(prefix+"flags", fmt.Sprintf("Flags %d may not be set by a bot", f&^allowedFlags))
	}
	return reply{}
}

// checkChoices checks an autocomplete result.
func checkChoices(data []byte) reply {
	var d struct {
		Choices *[]struct {
			Name  string `json:"name"`
			Value any    `json:"value"`
		} `json:"choices"`
	}
	if err := json.Unmarshal(data, &d); err != nil {
		return formError("data.choices", err.Error())
	}
	if d.Choices == nil {
		return formError("data.choices", "This field is required")
	}
	if len(*d.Choices) > maxChoices {
		return formError("data.choices", fmt.Sprintf("Must be %d or fewer in length (got %d).", maxChoices, len(*d.Choices)))
	}
	for k, c := range *d.Choices {
		f := fmt.Sprintf("data.choices.%d.", k)
		if n := runes(c.Name); n < 1 || n > maxChoiceName {
			return formError(f+"name", fmt.Sprintf("Must be between 1 and %d in length (got %d).", maxChoiceName, n))
		}
		switch v := c.Value.(type) {
		case string:
			if n := runes(v); n < 1 || n > maxChoiceName {
				return formError(f+"value", fmt.Sprintf("Must be between 1 and %d in length (got %d).", maxChoiceName, n))
			}
		case float64:
		default:
			return formError(f+"value", "Must be a string or a number")
		}
	}
	return reply{}
}

// checkModal checks a modal: a title, a custom ID and one to five rows of
// one text input each (the classic layout discordgo v0.29.0 decodes).
func checkModal(data []byte) reply {
	var d struct {
		CustomID   string      `json:"custom_id"`
		Title      string      `json:"title"`
		Components []component `json:"components"`
	}
	if err := json.Unmarshal(data, &d); err != nil {
		return formError("data", err.Error())
	}
	if n := runes(d.CustomID); n < 1 || n > maxCustomID {
		return formError("data.custom_id", fmt.Sprintf("Must be between 1 and %d in length.", maxCustomID))
	}
	if n := runes(d.Title); n < 1 || n > maxModalTitle {
		return formError("data.title", fmt.Sprintf("Must be between 1 and %d in length.", maxModalTitle))
	}
	if n := len(d.Components); n < 1 || n > maxRows {
		return formError("data.components", fmt.Sprintf("Must be between 1 and %d in length.", maxRows))
	}
	for k, row := range d.Components {
		f := fmt.Sprintf("data.components.%d.", k)
		if row.Type != discordgo.ActionsRowComponent || len(row.Components) != 1 || row.Components[0].Type != discordgo.TextInputComponent {
			return formError(f+"components", "Each row of a modal holds one text input")
		}
		in := row.Components[0]
		if n := runes(in.CustomID); n < 1 || n > maxCustomID {
			return formError(f+"components.0.custom_id", fmt.Sprintf("Must be between 1 and %d in length.", maxCustomID))
		}
		if n := runes(in.Label); n < 1 || n > maxTextInputName {
			return formError(f+"components.0.label", fmt.Sprintf("Must be between 1 and %d in length.", maxTextInputName))
		}
	}
	return reply{}
}
