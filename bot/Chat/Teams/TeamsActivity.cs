using System.Text.Json;
using McsOps.Core;

namespace McsOps.Bot.Chat.Teams;

/// <summary>
/// The fields of a Bot Framework activity McsOps reads, parsed strictly: a required field
/// missing, a field of the wrong JSON type, text over <see cref="MaxText"/> characters or JSON
/// nested deeper than <see cref="MaxDepth"/> make the activity malformed (400).
/// </summary>
internal sealed record TeamsActivity(
    string Type,
    string? Id,
    string ChannelId,
    string ServiceUrl,
    string FromId,
    string? FromAadObjectId,
    string ConversationId,
    string? ConversationType,
    string? Tenant,
    string? RecipientId,
    string? Text,
    string? Name,
    string? ReplyToId,
    TeamsAction? Action,
    IReadOnlyList<string> MembersAdded)
{
    public const int MaxText = 4000;
    public const int MaxDepth = 32;

    /// <summary>The activity in <paramref name="body"/>, or null and why it is malformed.</summary>
    public static (TeamsActivity? Activity, string Reason) Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth });
            return Read(doc.RootElement);
        }
        catch (JsonException)
        {
            return (null, "not JSON, or nested too deep");
        }
        catch (MalformedActivityException e)
        {
            return (null, e.Message);
        }
    }

    private static (TeamsActivity?, string) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedActivityException("not an object");
        }

        var from = Obj(root, "from", required: true)!.Value;
        var conversation = Obj(root, "conversation", required: true)!.Value;
        var recipient = Obj(root, "recipient", required: false);
        var tenant = Obj(root, "channelData", required: false) is { } channelData && Obj(channelData, "tenant", required: false) is { } t ? Str(t, "id") : null;
        var type = Str(root, "type", required: true)!;
        var text = Str(root, "text");
        if (text is { Length: > MaxText })
        {
            throw new MalformedActivityException("text too long");
        }

        var members = new List<string>();
        if (Element(root, "membersAdded", JsonValueKind.Array) is { } added)
        {
            foreach (var member in added.EnumerateArray())
            {
                members.Add(member.ValueKind == JsonValueKind.Object ? Str(member, "id", required: true)! : throw new MalformedActivityException("membersAdded"));
            }
        }

        var name = Str(root, "name");
        var action = root.TryGetProperty("value", out var value) && value.ValueKind != JsonValueKind.Null
            ? TeamsAction.Read(value, invoke: type == "invoke" && name == "adaptiveCard/action")
            : null;
        return (new TeamsActivity(
            type,
            Str(root, "id"),
            Str(root, "channelId", required: true)!,
            Str(root, "serviceUrl", required: true)!,
            Str(from, "id", required: true)!,
            Str(from, "aadObjectId"),
            Str(conversation, "id", required: true)!,
            Str(conversation, "conversationType"),
            Str(conversation, "tenantId") ?? tenant,
            recipient is { } r ? Str(r, "id") : null,
            text,
            name,
            Str(root, "replyToId"),
            action,
            members), string.Empty);
    }

    internal static JsonElement? Element(JsonElement parent, string name, JsonValueKind kind, bool required = false)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new MalformedActivityException("no " + name) : null;
        }

        return value.ValueKind == kind ? value : throw new MalformedActivityException(name + " is not " + kind);
    }

    internal static string? Str(JsonElement parent, string name, bool required = false)
    {
        var value = Element(parent, name, JsonValueKind.String, required)?.GetString();
        return required && string.IsNullOrEmpty(value) ? throw new MalformedActivityException("empty " + name) : value;
    }

    private static JsonElement? Obj(JsonElement parent, string name, bool required) => Element(parent, name, JsonValueKind.Object, required);

    /// <summary>The platform user McsOps knows a Teams user by (the Entra object id, as in <see cref="Staff.TeamsUserId"/>).</summary>
    public string? User => FromAadObjectId;

    /// <summary>Whether the activity comes from a 1:1 chat with the bot (where a conversation reference is worth keeping).</summary>
    public bool IsPersonal => ConversationType is null or "personal";
}
