using LiteDB;

namespace McsOps.Core.Storage.LiteDb;

internal sealed class FacilityRepository(LiteSession session)
    : LiteRepository<FacilityCode, Facility>(session, "facilities"), IFacilityRepository
{
    protected override BsonValue Id(FacilityCode key) => key.Value;

    protected override void Touched(Facility f) => Session.FacilityChanged();

    protected override BsonDocument ToDoc(Facility f) => new()
    {
        ["_id"] = f.Code.Value,
        ["name"] = f.Name,
        ["kind"] = Bson.Enum(f.Kind),
        ["home"] = f.IsHome,
    };

    protected override Facility FromDoc(BsonDocument d) => new()
    {
        Code = Bson.CodeOf<FacilityCode>(d["_id"]),
        Name = d["name"].AsString,
        Kind = Bson.EnumOf<FacilityKind>(d["kind"]),
        IsHome = d["home"].AsBoolean,
    };
}
