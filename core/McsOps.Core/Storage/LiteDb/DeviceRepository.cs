using LiteDB;

namespace McsOps.Core.Storage.LiteDb;

internal sealed class DeviceRepository(LiteSession session)
    : LiteRepository<AssetTag, Device>(session, "devices"), IDeviceRepository
{
    public IReadOnlyList<Device> ByHolder(StaffCode holder) => Where("holder", holder.Value);

    protected override BsonValue Id(AssetTag key) => key.Value;

    protected override BsonDocument ToDoc(Device d) => new()
    {
        ["_id"] = d.Tag.Value,
        ["kind"] = Bson.Enum(d.Kind),
        ["holder"] = Bson.Code(d.Holder),
        ["offsite"] = d.OffsiteApproved,
        ["client_cert"] = Bson.Str(d.ClientCert),
        ["status"] = Bson.Enum(d.Status),
        ["lost_on"] = Bson.Date(d.LostOn),
        ["note"] = Bson.Str(d.Note),
    };

    protected override Device FromDoc(BsonDocument d) => new()
    {
        Tag = Bson.CodeOf<AssetTag>(d["_id"]),
        Kind = Bson.EnumOf<DeviceKind>(d["kind"]),
        Holder = Bson.Code<StaffCode>(d["holder"]),
        OffsiteApproved = d["offsite"].AsBoolean,
        ClientCert = Bson.Str(d["client_cert"]),
        Status = Bson.EnumOf<DeviceStatus>(d["status"]),
        LostOn = Bson.Date(d["lost_on"]),
        Note = Bson.Str(d["note"]),
    };
}
