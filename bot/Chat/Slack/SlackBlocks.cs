using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using McsOps.Core;

namespace McsOps.Bot.Chat.Slack;

/// <summary>
/// Neutral message content as Block Kit: the text as a section, each row with buttons as a
/// section and an actions block, rows without buttons as section fields (ten to a section), the
/// message's own buttons, and the input box. JSON with non-ASCII written as is (design §8).
/// </summary>
internal static class SlackBlocks
{
    public static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A message body for <c>chat.postMessage</c> and <c>chat.update</c>: the text (shown in notifications) and the blocks.</summary>
    public static JsonObject Message(MessageContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new JsonObject { ["text"] = content.Text, ["blocks"] = Blocks(content) };
    }

    /// <summary>A reply only the asking user sees: the answer to a slash command, or a new message through a <c>response_url</c>.</summary>
    public static JsonObject Ephemeral(MessageContent content)
    {
        var message = Message(content);
        message["response_type"] = "ephemeral";
        message["replace_original"] = false;
        return message;
    }

    public static JsonObject Ephemeral(string text) => Ephemeral(new MessageContent { Text = text });

    /// <summary>
    /// Whether a click on one of the message's buttons changes the message itself (a decision on
    /// a review sheet, a ticked checklist item): such a message goes to the user's direct messages,
    /// where <c>chat.update</c> can change it — an ephemeral one cannot be. A message whose buttons
    /// only open another (a list of reviews) is answered ephemeral, where it was asked for.
    /// </summary>
    public static bool UpdatesInPlace(MessageContent content) =>
        content.Buttons.Concat(content.Fields.SelectMany(f => f.Buttons)).Any(b => b.ActionId != ChatActions.ReviewGroup);

    private static JsonArray Blocks(MessageContent content)
    {
        var blocks = new JsonArray { Section(Escape(content.Text)) };
        var plain = new List<MessageField>();
        foreach (var field in content.Fields)
        {
            if (field.Buttons.Count == 0)
            {
                plain.Add(field);
                continue;
            }

            AddFields(blocks, plain);
            blocks.Add(Section($"*{Escape(field.Label)}*\n{Escape(field.Value)}"));
            AddActions(blocks, field.Buttons);
        }

        AddFields(blocks, plain);
        AddActions(blocks, content.Buttons);
        if (content.Input is { } input)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "input",
                ["block_id"] = "input",
                ["optional"] = true,
                ["label"] = Plain(input.Label),
                ["element"] = new JsonObject { ["type"] = "plain_text_input", ["action_id"] = input.Id },
            });
        }

        return blocks;
    }

    private static void AddFields(JsonArray blocks, List<MessageField> fields)
    {
        foreach (var chunk in fields.Chunk(10))
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray([.. chunk.Select(f => (JsonNode)Markdown($"*{Escape(f.Label)}*\n{Escape(f.Value)}"))]),
            });
        }

        fields.Clear();
    }

    /// <summary>Buttons in actions blocks: at most 25 to a block, and an action id only once in each (Slack refuses both).</summary>
    private static void AddActions(JsonArray blocks, IReadOnlyList<MessageButton> buttons)
    {
        var block = new List<MessageButton>();
        foreach (var button in buttons)
        {
            if (block.Count == 25 || block.Any(b => b.ActionId == button.ActionId))
            {
                blocks.Add(Actions(block));
                block = [];
            }

            block.Add(button);
        }

        if (block.Count > 0)
        {
            blocks.Add(Actions(block));
        }
    }

    private static JsonObject Actions(List<MessageButton> buttons) => new()
    {
        ["type"] = "actions",
        ["elements"] = new JsonArray([.. buttons.Select(b => (JsonNode)new JsonObject
        {
            ["type"] = "button",
            ["text"] = Plain(b.Label),
            ["action_id"] = b.ActionId,
            ["value"] = b.Value,
        })]),
    };

    private static JsonObject Section(string markdown) => new() { ["type"] = "section", ["text"] = Markdown(markdown) };

    private static JsonObject Markdown(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static JsonObject Plain(string text) => new() { ["type"] = "plain_text", ["text"] = text };

    /// <summary>The three characters Slack's mrkdwn reserves for links and mentions.</summary>
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
