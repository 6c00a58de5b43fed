using LiteDB;

namespace McsOps.Core.Storage.LiteDb;

internal sealed class MembershipRepository(LiteSession session)
    : LiteRepository<(GroupCode Group, StaffCode Staff), Membership>(session, "memberships"), IMembershipRepository
{
    /// <summary>The key starts with the group code, so a range of the primary index serves these queries.</summary>
    public IReadOnlyList<Membership> ByGroup(GroupCode group) => [.. ByIdPrefix([group.Value], '|')];

    private static readonly BsonExpression ActiveMemberFields =
        BsonExpression.Create("{ g: $.group, s: $.staff, a: $.approved_on, i: $.invited_on, h: $.history[0].at }");

    public ILookup<GroupCode, ActiveMember> ActiveMembersOf(IReadOnlySet<GroupCode> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var prefixes = groups.Select(g => g.Value + "|").Order(StringComparer.Ordinal).ToList();
        if (prefixes.Count == 0)
        {
            return Array.Empty<ActiveMember>().ToLookup(m => m.Group);
        }

        return Collection.Query()
            .Where(Bson.Between("_id", prefixes[0], prefixes[^1] + "\uffff"))
            .Where(Bson.Eq("state", Bson.Enum(MembershipState.Active)))
            .Select(ActiveMemberFields)
            .ToEnumerable()
            .Select(d => new ActiveMember(Bson.CodeOf<GroupCode>(d["g"]), Bson.CodeOf<StaffCode>(d["s"]), Bson.Date(d["a"]), Bson.Date(d["i"]), Bson.Instant(d["h"])))
            .Where(m => groups.Contains(m.Group))
            .ToLookup(m => m.Group);
    }

    public IReadOnlyList<Membership> ByStaff(StaffCode staff) => Where("staff", staff.Value);

    protected override BsonValue Id((GroupCode Group, StaffCode Staff) key) => Key(key.Group, key.Staff);

    protected override void Touched(Membership m)
    {
        Session.MarkGroup(m.Group);
        var invitations = Session.Database.GetCollection(LiteDueIndex.InvitationsCollection);
        var id = Key(m.Group, m.Staff);
        if (m.State == MembershipState.Invited)
        {
            invitations.Upsert(Bson.Compact(new BsonDocument
            {
                ["_id"] = id,
                ["group"] = m.Group.Value,
                ["staff"] = m.Staff.Value,
                ["invited_on"] = Bson.Date(m.InvitedOn),
                ["ix_invited"] = IndexKey.Of(Bson.DateKey(m.InvitedOn ?? DateOnly.MinValue), id),
            }));
        }
        else
        {
            invitations.Delete(id);
        }
    }

    /// <summary>
    /// Pending invitations are few: they live in a small collection of their own, indexed by the
    /// day they were sent, so that the large memberships collection carries one index less.
    /// </summary>
    protected override void Inserted(Membership m)
    {
        Session.MarkGroup(m.Group);
        if (m.State == MembershipState.Invited)
        {
            Touched(m);
        }
    }

    protected override BsonDocument ToDoc(Membership m) => new()
    {
        ["_id"] = Key(m.Group, m.Staff),
        ["group"] = m.Group.Value,
        ["staff"] = m.Staff.Value,
        ["state"] = Bson.Enum(m.State),
        ["invited_by"] = Bson.Code(m.InvitedBy),
        ["invited_on"] = Bson.Date(m.InvitedOn),
        ["approved_on"] = Bson.Date(m.ApprovedOn),
        ["removed_on"] = Bson.Date(m.RemovedOn),
        ["history"] = new BsonArray(m.History.Select(h => new BsonDocument
        {
            ["state"] = Bson.Enum(h.State),
            ["at"] = Bson.Instant(h.At),
            ["actor"] = h.Actor,
            ["reason"] = Bson.Str(h.Reason),
        })),
    };

    protected override Membership FromDoc(BsonDocument d) => new()
    {
        Group = Bson.CodeOf<GroupCode>(d["group"]),
        Staff = Bson.CodeOf<StaffCode>(d["staff"]),
        State = Bson.EnumOf<MembershipState>(d["state"]),
        InvitedBy = Bson.Code<StaffCode>(d["invited_by"]),
        InvitedOn = Bson.Date(d["invited_on"]),
        ApprovedOn = Bson.Date(d["approved_on"]),
        RemovedOn = Bson.Date(d["removed_on"]),
        History = d["history"].AsArray.Select(h => new MembershipEvent(
            Bson.EnumOf<MembershipState>(h["state"]),
            Bson.Instant(h["at"])!.Value,
            h["actor"].AsString,
            Bson.Str(h["reason"]))).ToList(),
    };

    private static string Key(GroupCode group, StaffCode staff) => group.Value + "|" + staff.Value;
}
