using LiteDB;

namespace McsOps.Core.Storage.LiteDb;

internal sealed class OutboxRepository(LiteSession session)
    : LiteRepository<string, OutboxMessage>(session, "outbox"), IOutboxRepository
{
    public bool Enqueue(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Collection.FindById(message.Key) is not null)
        {
            return false;
        }

        Insert(message);
        return true;
    }

    public IReadOnlyList<OutboxMessage> ByState(OutboxState state)
    {
        var (from, to) = IndexKey.Exactly((long)state);
        return Find(Bson.Between("ix_state", from, to));
    }

    protected override BsonValue Id(string key) => key;

    protected override BsonDocument ToDoc(OutboxMessage m) => new()
    {
        ["_id"] = m.Key,
        ["recipient"] = m.Recipient.Value,
        ["kind"] = m.Kind,
        ["text"] = m.Content.Text,
        ["fields"] = new BsonArray(m.Content.Fields.Select(f => new BsonDocument { ["label"] = f.Label, ["value"] = f.Value })),
        ["buttons"] = new BsonArray(m.Content.Buttons.Select(b => new BsonDocument { ["label"] = b.Label, ["action"] = b.ActionId, ["value"] = b.Value })),
        ["created_at"] = Bson.Instant(m.CreatedAt),
        ["not_before"] = Bson.Instant(m.NotBefore),
        ["urgent"] = m.Urgent,
        ["attempts"] = m.Attempts,
        ["state"] = Bson.Enum(m.State),
        ["ix_state"] = IndexKey.Of((long)m.State, m.Key),
        ["last_error"] = Bson.Str(m.LastError),
        ["platform_id"] = Bson.Str(m.PlatformMessageId),
    };

    protected override OutboxMessage FromDoc(BsonDocument d) => new()
    {
        Key = d["_id"].AsString,
        Recipient = Bson.CodeOf<StaffCode>(d["recipient"]),
        Kind = d["kind"].AsString,
        Content = new MessageContent
        {
            Text = d["text"].AsString,
            Fields = d["fields"].AsArray.Select(f => new MessageField(f["label"].AsString, f["value"].AsString)).ToList(),
            Buttons = d["buttons"].AsArray.Select(b => new MessageButton(b["label"].AsString, b["action"].AsString, b["value"].AsString)).ToList(),
        },
        CreatedAt = Bson.Instant(d["created_at"])!.Value,
        NotBefore = Bson.Instant(d["not_before"])!.Value,
        Urgent = d["urgent"].AsBoolean,
        Attempts = d["attempts"].AsInt32,
        State = Bson.EnumOf<OutboxState>(d["state"]),
        LastError = Bson.Str(d["last_error"]),
        PlatformMessageId = Bson.Str(d["platform_id"]),
    };
}
