using LiteDB;

namespace McsOps.Core.Storage.LiteDb;

internal sealed class GroupRepository(LiteSession session)
    : LiteRepository<GroupCode, Group>(session, "groups"), IGroupRepository
{
    public IReadOnlyList<Group> ByPatient(PatientCode patient) => Where("patient", patient.Value);

    public IReadOnlyList<Group> ByOwner(StaffCode owner) => Where("owner", owner.Value);

    protected override BsonValue Id(GroupCode key) => key.Value;

    protected override void Touched(Group g) => Session.MarkGroup(g.Code);

    protected override BsonDocument ToDoc(Group g) => new()
    {
        ["_id"] = g.Code.Value,
        ["kind"] = Bson.Enum(g.Kind),
        ["mcs_name"] = g.McsName,
        ["patient"] = Bson.Code(g.Patient),
        ["owner"] = Bson.Code(g.Owner),
        ["review_cron"] = Bson.Str(g.ReviewCron),
        ["status"] = Bson.Enum(g.Status),
        ["created_on"] = Bson.Date(g.CreatedOn),
    };

    protected override Group FromDoc(BsonDocument d) => new()
    {
        Code = Bson.CodeOf<GroupCode>(d["_id"]),
        Kind = Bson.EnumOf<GroupKind>(d["kind"]),
        McsName = d["mcs_name"].AsString,
        Patient = Bson.Code<PatientCode>(d["patient"]),
        Owner = Bson.Code<StaffCode>(d["owner"]),
        ReviewCron = Bson.Str(d["review_cron"]),
        Status = Bson.EnumOf<GroupStatus>(d["status"]),
        CreatedOn = Bson.Date(d["created_on"]),
    };
}
