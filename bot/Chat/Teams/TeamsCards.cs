using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using McsOps.Core;

namespace McsOps.Bot.Chat.Teams;

/// <summary>
/// Neutral message content as an Adaptive Card 1.5: the text, each row with buttons as a
/// container (label, value, its buttons), rows without buttons as one fact set, the optional
/// input box, the message's own buttons. Every button is an <c>Action.Execute</c> (answered by
/// an <c>adaptiveCard/action</c> invoke) with an <c>Action.Submit</c> fallback for clients
/// without Universal Actions; both carry the action id and value as data. Content without
/// rows, buttons or input is a plain text message.
/// </summary>
internal static class TeamsCards
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";

    public static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool NeedsCard(MessageContent content) =>
        content.Fields.Count > 0 || content.Buttons.Count > 0 || content.Input is not null;

    /// <summary>A message activity for the v3 routes (new message, reply or update).</summary>
    public static JsonObject Activity(MessageContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var activity = new JsonObject { ["type"] = "message", ["text"] = content.Text, ["textFormat"] = "plain" };
        if (NeedsCard(content))
        {
            activity.Remove("text");
            activity.Remove("textFormat");
            activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = CardType, ["content"] = Card(content) });
        }

        return activity;
    }

    /// <summary>The body of an <c>adaptiveCard/action</c> invoke response: the updated card, or a message when there is nothing to show as a card.</summary>
    public static JsonObject InvokeResponse(MessageContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return NeedsCard(content)
            ? new JsonObject { ["statusCode"] = 200, ["type"] = CardType, ["value"] = Card(content) }
            : new JsonObject { ["statusCode"] = 200, ["type"] = MessageType, ["value"] = content.Text };
    }

    public static JsonObject Card(MessageContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var body = new JsonArray { TextBlock(content.Text, bold: false) };
        var facts = new JsonArray();
        foreach (var field in content.Fields)
        {
            if (field.Buttons.Count == 0)
            {
                facts.Add(new JsonObject { ["title"] = field.Label, ["value"] = field.Value });
                continue;
            }

            body.Add(new JsonObject
            {
                ["type"] = "Container",
                ["separator"] = true,
                ["items"] = new JsonArray
                {
                    TextBlock(field.Label, bold: true),
                    TextBlock(field.Value, bold: false),
                    new JsonObject { ["type"] = "ActionSet", ["actions"] = Actions(field.Buttons) },
                },
            });
        }

        if (facts.Count > 0)
        {
            body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
        }

        if (content.Input is { } input)
        {
            body.Add(new JsonObject { ["type"] = "Input.Text", ["id"] = input.Id, ["label"] = input.Label, ["isMultiline"] = false, ["maxLength"] = 500 });
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
        if (content.Buttons.Count > 0)
        {
            card["actions"] = Actions(content.Buttons);
        }

        return card;
    }

    private static JsonArray Actions(IReadOnlyList<MessageButton> buttons) =>
        new([.. buttons.Select(b => (JsonNode)new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = b.Label,
            ["verb"] = b.ActionId,
            ["data"] = Data(b),
            ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = b.Label, ["data"] = Data(b) },
        })]);

    private static JsonObject Data(MessageButton b) => new() { [TeamsAction.ActionKey] = b.ActionId, [TeamsAction.ValueKey] = b.Value };

    private static JsonObject TextBlock(string text, bool bold)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (bold)
        {
            block["weight"] = "Bolder";
        }

        return block;
    }
}
