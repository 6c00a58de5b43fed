using LiteDB;

namespace McsOps.Core.Storage.LiteDb;

internal sealed class StaffRepository(LiteSession session)
    : LiteRepository<StaffCode, Staff>(session, "staff"), IStaffRepository
{
    public Staff? FindByOsUser(string osUser) => Where("ix_os", osUser).FirstOrDefault();

    public Staff? FindByChatUser(Channel platform, string userId) =>
        string.IsNullOrEmpty(userId) || userId.StartsWith('#') ? null
        : platform switch
        {
            Channel.Slack => Where("ix_slack", userId).FirstOrDefault(),
            Channel.Teams => Where("ix_teams", userId).FirstOrDefault(),
            _ => null,
        };

    protected override BsonValue Id(StaffCode key) => key.Value;

    /// <summary>Group facts depend on a member's facility only: a new member or another field changes none.</summary>
    public override void Upsert(Staff entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var before = Collection.FindById(entity.Code.Value);
        base.Upsert(entity);
        if (before is not null && before["facility"].AsString != entity.Facility.Value)
        {
            Session.MarkStaff(entity.Code);
        }
    }

    /// <summary>
    /// Index fields for the due list, for home staff who have not departed (others answer to their
    /// own facility): the day an 8rotating password was changed (0: unknown), the last training
    /// (0: never), 0 when no pledge is on file.
    /// </summary>
    private BsonDocument WithDueIndex(BsonDocument doc, Staff s)
    {
        var id = s.Code.Value;
        var counts = s.Facility == Session.HomeFacility && s.Status != StaffStatus.Departed;
        doc["ix_pw"] = !counts ? IndexKey.NotApplicable(id) : s.PasswordClass switch
        {
            PasswordClass.EightRotating => IndexKey.Of(Bson.DateKey(s.PasswordChangedOn ?? DateOnly.MinValue), id),
            PasswordClass.Unknown => IndexKey.Of(0, id),
            _ => IndexKey.NotApplicable(id),
        };
        doc["ix_training"] = counts ? IndexKey.Of(Bson.DateKey(s.LastTrainingOn ?? DateOnly.MinValue), id) : IndexKey.NotApplicable(id);
        doc["ix_pledge"] = counts && s.PledgeSignedOn is null ? IndexKey.Of(0, id) : IndexKey.NotApplicable(id);
        doc["ix_departed"] = s.Status == StaffStatus.Departed ? IndexKey.Of(0, id) : IndexKey.NotApplicable(id);
        // OS users and chat ids are unique; staff without one get a value no real one can have.
        doc["ix_os"] = s.OsUser ?? "#" + id;
        doc["ix_slack"] = s.SlackUserId ?? "#" + id;
        doc["ix_teams"] = s.TeamsUserId ?? "#" + id;
        return doc;
    }

    protected override BsonDocument ToDoc(Staff s) => WithDueIndex(new BsonDocument
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
    }, s);

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
