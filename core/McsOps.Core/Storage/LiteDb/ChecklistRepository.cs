using LiteDB;

namespace McsOps.Core.Storage.LiteDb;

internal sealed class ChecklistRepository(LiteSession session)
    : LiteRepository<StaffCode, Checklist>(session, "checklists"), IChecklistRepository
{
    public IReadOnlyList<Checklist> Open()
    {
        var (from, to) = IndexKey.Exactly(1);
        return Find(Bson.Between("ix_open", from, to));
    }

    protected override BsonValue Id(StaffCode key) => key.Value;

    protected override BsonDocument ToDoc(Checklist c) => new()
    {
        ["_id"] = c.Staff.Value,
        ["last_day"] = Bson.Date(c.LastDay),
        ["created_at"] = Bson.Instant(c.CreatedAt),
        ["signed_off_by"] = Bson.Str(c.SignedOffBy),
        ["signed_off_at"] = Bson.Instant(c.SignedOffAt),
        ["ix_open"] = c.IsOpen ? IndexKey.Of(1, c.Staff.Value) : IndexKey.NotApplicable(c.Staff.Value),
        ["items"] = new BsonArray(c.Items.Select(i => new BsonDocument
        {
            ["id"] = i.Id,
            ["kind"] = Bson.Enum(i.Kind),
            ["subject"] = Bson.Str(i.Subject),
            ["owner"] = Bson.Code(i.Owner),
            ["due_on"] = Bson.Date(i.DueOn),
            ["done_by"] = Bson.Str(i.DoneBy),
            ["done_at"] = Bson.Instant(i.DoneAt),
            ["evidence"] = Bson.Str(i.Evidence),
        })),
    };

    protected override Checklist FromDoc(BsonDocument d) => new()
    {
        Staff = Bson.CodeOf<StaffCode>(d["_id"]),
        LastDay = Bson.Date(d["last_day"])!.Value,
        CreatedAt = Bson.Instant(d["created_at"])!.Value,
        SignedOffBy = Bson.Str(d["signed_off_by"]),
        SignedOffAt = Bson.Instant(d["signed_off_at"]),
        Items = d["items"].AsArray.Select(i => new ChecklistItem
        {
            Id = i["id"].AsString,
            Kind = Bson.EnumOf<ChecklistItemKind>(i["kind"]),
            Subject = Bson.Str(i["subject"]),
            Owner = Bson.Code<StaffCode>(i["owner"]),
            DueOn = Bson.Date(i["due_on"])!.Value,
            DoneBy = Bson.Str(i["done_by"]),
            DoneAt = Bson.Instant(i["done_at"]),
            Evidence = Bson.Str(i["evidence"]),
        }).ToList(),
    };
}
