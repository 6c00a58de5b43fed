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

    public int CountByState(OutboxState state)
    {
        var (from, to) = IndexKey.Exactly((long)state);
        return Collection.Count(Bson.Between("ix_state", from, to));
    }

    protected override BsonValue Id(string key) => key;

    protected override BsonDocument ToDoc(OutboxMessage m) => new()
    {
        ["_id"] = m.Key,
        ["recipient"] = m.Recipient.Value,
        ["kind"] = m.Kind,
        ["text"] = m.Content.Text,
        ["fields"] = new BsonArray(m.Content.Fields.Select(f => new BsonDocument { ["label"] = f.Label, ["value"] = f.Value, ["buttons"] = f.Buttons.Count > 0 ? Buttons(f.Buttons) : BsonValue.Null })),
        ["buttons"] = Buttons(m.Content.Buttons),
        ["input"] = m.Content.Input is { } input ? new BsonDocument { ["id"] = input.Id, ["label"] = input.Label } : BsonValue.Null,
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
            Fields = d["fields"].AsArray.Select(f => new MessageField(f["label"].AsString, f["value"].AsString) { Buttons = Buttons(f["buttons"]) }).ToList(),
            Buttons = Buttons(d["buttons"]),
            Input = d["input"].IsDocument ? new MessageInput(d["input"]["id"].AsString, d["input"]["label"].AsString) : null,
        },
        CreatedAt = Bson.Instant(d["created_at"])!.Value,
        NotBefore = Bson.Instant(d["not_before"])!.Value,
        Urgent = d["urgent"].AsBoolean,
        Attempts = d["attempts"].AsInt32,
        State = Bson.EnumOf<OutboxState>(d["state"]),
        LastError = Bson.Str(d["last_error"]),
        PlatformMessageId = Bson.Str(d["platform_id"]),
    };

    private static BsonArray Buttons(IEnumerable<MessageButton> buttons) =>
        new(buttons.Select(b => new BsonDocument { ["label"] = b.Label, ["action"] = b.ActionId, ["value"] = b.Value }));

    private static List<MessageButton> Buttons(BsonValue array) =>
        array.IsArray ? array.AsArray.Select(b => new MessageButton(b["label"].AsString, b["action"].AsString, b["value"].AsString)).ToList() : [];
}
