using LiteDB;

namespace McsOps.Core.Storage.LiteDb;

/// <summary>The due list's look-ups, each a range or equality on one index.</summary>
internal sealed class LiteDueIndex(LiteSession session) : IDueIndex
{
    public const string FactsCollection = "group_facts";

    public const string InvitationsCollection = "invitations";

    private ILiteCollection<BsonDocument> Facts_ => session.Database.GetCollection(FactsCollection);

    public GroupFacts? Facts(GroupCode group) => Facts_.FindById(group.Value) is { } d ? FromDoc(d) : null;

    public IReadOnlyList<GroupFacts> AllFacts() => Facts_.FindAll().Select(FromDoc).ToList();

    public IReadOnlyList<GroupFacts> ReviewsOwed(DateTimeOffset at) =>
        Facts_.Find(UpTo("ix_review_next", at.ToUnixTimeMilliseconds())).Select(FromDoc).ToList();

    public IReadOnlyList<GroupFacts> ConsentFindings() =>
        Facts_.Find(UpTo("ix_consent", 0)).Select(FromDoc).ToList();

    public IReadOnlyList<PendingInvitation> PendingInvitations(DateOnly sentOnOrBefore) =>
        session.Database.GetCollection(InvitationsCollection).Find(UpTo("ix_invited", Bson.DateKey(sentOnOrBefore)))
            .Select(d => new PendingInvitation(Bson.CodeOf<GroupCode>(d["group"]), Bson.CodeOf<StaffCode>(d["staff"]), Bson.Date(d["invited_on"])))
            .ToList();

    public IReadOnlyList<Staff> PasswordCandidates(DateOnly changedOnOrBefore) => Staff(UpTo("ix_pw", Bson.DateKey(changedOnOrBefore)));

    public IReadOnlyList<Staff> TrainingCandidates(DateOnly trainedOnOrBefore) => Staff(UpTo("ix_training", Bson.DateKey(trainedOnOrBefore)));

    public IReadOnlyList<Staff> WithoutPledge() => Staff(UpTo("ix_pledge", 0));

    public IReadOnlyList<Staff> Departed() => Staff(UpTo("ix_departed", 0));

    private static BsonExpression UpTo(string field, long ordinal)
    {
        var (from, to) = IndexKey.UpTo(ordinal);
        return Bson.Between(field, from, to);
    }

    private IReadOnlyList<Staff> Staff(BsonExpression query) => ((StaffRepository)session.Staff).Find(query);

    /// <summary>
    /// Without its null fields: the due list reads ~25,000 of these on a region, and a document of
    /// eight fields costs LiteDB one more dictionary resize per read than one of six.
    /// </summary>
    internal static BsonDocument ToDoc(GroupFacts f) => Bson.Compact(new()
    {
        ["_id"] = f.Group.Value,
        ["owner"] = Bson.Code(f.Owner),
        ["cron"] = Bson.Str(f.Cron),
        ["active"] = f.ActiveMembers,
        ["review_next"] = f.ReviewNext is { } n ? n.ToUnixTimeMilliseconds() : BsonValue.Null,
        ["consent"] = Bson.Str(f.ConsentFinding),
        ["ix_review_next"] = f.ReviewNext is { } r ? IndexKey.Of(Math.Max(0, r.ToUnixTimeMilliseconds()), f.Group.Value) : IndexKey.NotApplicable(f.Group.Value),
        ["ix_consent"] = f.ConsentFinding is null ? IndexKey.NotApplicable(f.Group.Value) : IndexKey.Of(0, f.Group.Value),
    });

    internal static GroupFacts FromDoc(BsonDocument d) => new(
        Bson.CodeOf<GroupCode>(d["_id"]),
        Bson.Code<StaffCode>(d["owner"]),
        Bson.Str(d["cron"]),
        d["active"].AsInt32,
        d["review_next"].IsNull ? null : DateTimeOffset.FromUnixTimeMilliseconds(d["review_next"].AsInt64),
        Bson.Str(d["consent"]));
}
