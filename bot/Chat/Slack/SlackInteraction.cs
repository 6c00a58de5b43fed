using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using McsOps.Core;

namespace McsOps.Bot.Chat.Slack;

/// <summary>
/// A <c>block_actions</c> payload as McsOps reads it: the user and the first action, the message the
/// button was on (not an ephemeral one: those cannot be updated with <c>chat.update</c>), the text
/// of the message's input box, and the <c>response_url</c> (kept only when https, or http to a
/// loopback address). <see cref="Action"/> is null for an interaction McsOps does not handle.
/// </summary>
internal sealed record SlackInteraction(ActionInvoked? Action, Uri? ResponseUrl)
{
    /// <summary>False when the payload is not what Slack sends (not JSON, no type, a block_actions without user or action).</summary>
    public static bool TryParse(string json, [NotNullWhen(true)] out SlackInteraction? interaction)
    {
        interaction = null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Str(root, "type") is not { } type)
            {
                return false;
            }

            if (type != "block_actions")
            {
                interaction = new SlackInteraction(null, null);
                return true;
            }

            if (!root.TryGetProperty("user", out var user) || Str(user, "id") is not { Length: > 0 } userId
                || !root.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0
                || Str(actions[0], "action_id") is not { } actionId)
            {
                return false;
            }

            var responseUrl = Uri.TryCreate(Str(root, "response_url"), UriKind.Absolute, out var url) && ExternalUrl.IsAllowed(url) ? url : null;
            interaction = new SlackInteraction(new ActionInvoked(Channel.Slack, userId, actionId, Str(actions[0], "value") ?? string.Empty, Input(root), Container(root)), responseUrl);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static MessageRef? Container(JsonElement root) =>
        root.TryGetProperty("container", out var c) && c.ValueKind == JsonValueKind.Object && Str(c, "type") == "message"
        && !(c.TryGetProperty("is_ephemeral", out var e) && e.ValueKind == JsonValueKind.True)
        && Str(c, "channel_id") is { } channel && Str(c, "message_ts") is { } ts
            ? new MessageRef(channel, ts)
            : null;

    /// <summary>The first non-empty plain text input in the message's state (a message of McsOps has at most one).</summary>
    private static string? Input(JsonElement root)
    {
        if (!root.TryGetProperty("state", out var state) || state.ValueKind != JsonValueKind.Object
            || !state.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return values.EnumerateObject()
            .Where(block => block.Value.ValueKind == JsonValueKind.Object)
            .SelectMany(block => block.Value.EnumerateObject())
            .Where(element => element.Value.ValueKind == JsonValueKind.Object && Str(element.Value, "type") == "plain_text_input")
            .Select(element => Str(element.Value, "value"))
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
    }

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
