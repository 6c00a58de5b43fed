using LiteDB;

namespace McsOps.Core.Storage.LiteDb;

internal sealed class McsActionRepository(LiteSession session)
    : LiteRepository<string, McsAction>(session, "actions"), IMcsActionRepository
{
    public IReadOnlyList<McsAction> Open()
    {
        var (from, to) = IndexKey.Exactly(1);
        return Find(Bson.Between("ix_open", from, to));
    }

    protected override BsonValue Id(string key) => key;

    protected override BsonDocument ToDoc(McsAction a) => new()
    {
        ["_id"] = a.Key,
        ["kind"] = Bson.Enum(a.Kind),
        ["subject"] = a.Subject,
        ["member"] = Bson.Code(a.Member),
        ["owner"] = Bson.Code(a.Owner),
        ["due_on"] = Bson.Date(a.DueOn),
        ["created_at"] = Bson.Instant(a.CreatedAt),
        ["done_by"] = Bson.Str(a.DoneBy),
        ["done_at"] = Bson.Instant(a.DoneAt),
        ["note"] = Bson.Str(a.Note),
        ["ix_open"] = a.IsOpen ? IndexKey.Of(1, a.Key) : IndexKey.NotApplicable(a.Key),
    };

    protected override McsAction FromDoc(BsonDocument d) => new()
    {
        Key = d["_id"].AsString,
        Kind = Bson.EnumOf<McsActionKind>(d["kind"]),
        Subject = d["subject"].AsString,
        Member = Bson.Code<StaffCode>(d["member"]),
        Owner = Bson.Code<StaffCode>(d["owner"]),
        DueOn = Bson.Date(d["due_on"])!.Value,
        CreatedAt = Bson.Instant(d["created_at"])!.Value,
        DoneBy = Bson.Str(d["done_by"]),
        DoneAt = Bson.Instant(d["done_at"]),
        Note = Bson.Str(d["note"]),
    };
}
