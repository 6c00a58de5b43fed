using LiteDB;

namespace McsOps.Core.Storage.LiteDb;

internal sealed class StaffRepository(LiteSession session)
    : LiteRepository<StaffCode, Staff>(session, "staff"), IStaffRepository
{
    public Staff? FindByOsUser(string osUser) => Where("os_user", osUser).FirstOrDefault();

    protected override BsonValue Id(StaffCode key) => key.Value;

    protected override BsonDocument ToDoc(Staff s) => new()
    {
        ["_id"] = s.Code.Value,
        ["facility"] = s.Facility.Value,
        ["name"] = s.Name,
        ["kana"] = Bson.Str(s.Kana),
        ["profession"] = Bson.Enum(s.Profession),
        ["email"] = Bson.Str(s.Email),
        ["roles"] = (int)s.Roles,
        ["status"] = Bson.Enum(s.Status),
        ["last_day"] = Bson.Date(s.LastDay),
        ["identity_verified"] = s.IdentityVerified,
        ["profile_complete"] = s.ProfileComplete,
        ["photo_set"] = s.PhotoSet,
        ["password_class"] = Bson.Enum(s.PasswordClass),
        ["password_changed_on"] = Bson.Date(s.PasswordChangedOn),
        ["pledge_signed_on"] = Bson.Date(s.PledgeSignedOn),
        ["last_training_on"] = Bson.Date(s.LastTrainingOn),
        ["slack_user_id"] = Bson.Str(s.SlackUserId),
        ["teams_user_id"] = Bson.Str(s.TeamsUserId),
        ["os_user"] = Bson.Str(s.OsUser),
    };

    protected override Staff FromDoc(BsonDocument d) => new()
    {
        Code = Bson.CodeOf<StaffCode>(d["_id"]),
        Facility = Bson.CodeOf<FacilityCode>(d["facility"]),
        Name = d["name"].AsString,
        Kana = Bson.Str(d["kana"]),
        Profession = Bson.EnumOf<Profession>(d["profession"]),
        Email = Bson.Str(d["email"]),
        Roles = (StaffRoles)d["roles"].AsInt32,
        Status = Bson.EnumOf<StaffStatus>(d["status"]),
        LastDay = Bson.Date(d["last_day"]),
        IdentityVerified = d["identity_verified"].AsBoolean,
        ProfileComplete = d["profile_complete"].AsBoolean,
        PhotoSet = d["photo_set"].AsBoolean,
        PasswordClass = Bson.EnumOf<PasswordClass>(d["password_class"]),
        PasswordChangedOn = Bson.Date(d["password_changed_on"]),
        PledgeSignedOn = Bson.Date(d["pledge_signed_on"]),
        LastTrainingOn = Bson.Date(d["last_training_on"]),
        SlackUserId = Bson.Str(d["slack_user_id"]),
        TeamsUserId = Bson.Str(d["teams_user_id"]),
        OsUser = Bson.Str(d["os_user"]),
    };
}
