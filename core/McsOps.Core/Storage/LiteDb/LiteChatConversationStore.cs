using LiteDB;

namespace McsOps.Core.Storage.LiteDb;

/// <summary>
/// <c>chat_conversations</c>: one document per platform user, keyed <c>teams:&lt;user&gt;</c>. The
/// document carries its own version (<c>v</c>) and is read field by field, a missing field as
/// null, so a later schema can add fields without a migration of this collection.
/// </summary>
internal sealed class LiteChatConversationStore(LiteSession session) : IChatConversationStore
{
    public const int Version = 1;

    private ILiteCollection<BsonDocument> Collection => session.Database.GetCollection("chat_conversations");

    public ChatConversation? Find(Channel platform, string user)
    {
        if (string.IsNullOrEmpty(user))
        {
            return null;
        }

        var doc = Collection.FindById(Id(platform, user));
        return doc is null || Text(doc, "chat_user") is not { } chatUser || Text(doc, "service_url") is not { } serviceUrl
            ? null
            : new ChatConversation(platform, user, chatUser, Text(doc, "tenant"), serviceUrl, Text(doc, "conversation"),
                Bson.Instant(doc.TryGetValue("updated_at", out var at) && at.IsInt64 ? at : BsonValue.Null) ?? DateTimeOffset.UnixEpoch);
    }

    public void Save(ChatConversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        Collection.Upsert(new BsonDocument
        {
            ["_id"] = Id(conversation.Platform, conversation.User),
            ["v"] = Version,
            ["chat_user"] = conversation.ChatUserId,
            ["tenant"] = Bson.Str(conversation.Tenant),
            ["service_url"] = conversation.ServiceUrl,
            ["conversation"] = Bson.Str(conversation.Conversation),
            ["updated_at"] = Bson.Instant(conversation.UpdatedAt),
        });
        session.MarkChanged();
    }

    private static string Id(Channel platform, string user) => Tokens.Format(platform) + ":" + user;

    private static string? Text(BsonDocument doc, string field) => doc.TryGetValue(field, out var v) && v.IsString ? v.AsString : null;
}
