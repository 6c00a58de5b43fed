using LiteDB;

namespace McsOps.Core.Storage.LiteDb;

internal sealed class ReviewRepository(LiteSession session)
    : LiteRepository<string, Review>(session, CollectionName), IReviewRepository
{
    private const string CollectionName = "reviews";

    public Review? OpenFor(GroupCode group) => ByGroup(group).FirstOrDefault(r => r.IsOpen);

    /// <summary>
    /// A review's id starts with its group's code and '@' (<see cref="Review.IdFor"/>), so a range
    /// of the primary index serves these queries: an index on the group would cost every insert.
    /// </summary>
    public IReadOnlyList<Review> ByGroup(GroupCode group) => [.. ByIdPrefix([group.Value], '@')];

    public ILookup<GroupCode, Review> ByGroups(IReadOnlySet<GroupCode> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return ByIdPrefix(groups.Select(g => g.Value), '@').Where(r => groups.Contains(r.Group)).ToLookup(r => r.Group);
    }

    public IReadOnlySet<GroupCode> OpenGroups()
    {
        var (from, to) = AnyOpen;
        return Collection.Query().Where(Bson.Between("ix_open", from, to)).Select("{ g: $.group }").ToEnumerable()
            .Select(d => Bson.CodeOf<GroupCode>(d["g"])).ToHashSet();
    }

    public IReadOnlyList<Review> Open()
    {
        var (from, to) = AnyOpen;
        return Find(Bson.Between("ix_open", from, to));
    }

    private static readonly BsonExpression HeadFields = BsonExpression.Create("{ id: $._id, g: $.group, d: $.due_on, r: $.reviewer, s: $.status }");

    public IReadOnlyList<ReviewHead> OpenHeads(StaffCode reviewer) =>
        [.. Heads(IndexKey.Exactly(OpenOrdinal(reviewer, escalated: false))).Concat(Heads(IndexKey.Exactly(OpenOrdinal(reviewer, escalated: true))))
            .Where(h => h.Reviewer == reviewer)];

    public IReadOnlyList<ReviewHead> EscalatedHeads()
    {
        IReadOnlyList<ReviewHead> Read() => [.. Heads(EscalatedOpen).OrderBy(h => h.DueOn).ThenBy(h => h.Group.Value, StringComparer.Ordinal)];
        return Session.Memo is { } memo ? memo.Get(CollectionName, nameof(EscalatedHeads), Read) : Read();
    }

    private IEnumerable<ReviewHead> Heads((long From, long To) keys) =>
        Collection.Query().Where(Bson.Between("ix_open", keys.From, keys.To)).Select(HeadFields).ToEnumerable()
            .Select(d => new ReviewHead(d["id"].AsString, Bson.CodeOf<GroupCode>(d["g"]), Bson.Date(d["d"])!.Value, Bson.Code<StaffCode>(d["r"]), Bson.EnumOf<ReviewStatus>(d["s"])));

    /// <summary>
    /// An open review's key says whose it is and whether it is escalated (an ordinal from its
    /// reviewer's code, from 1, or that plus <see cref="EscalatedOffset"/>): a reviewer's open
    /// reviews are two ranges, every escalated one a third (what an admin is also shown: reading
    /// every open review to find them took a second on the region set), and every open review one
    /// range around them all; a closed one's is outside them.
    /// </summary>
    private static BsonValue OpenKey(Review r) => r.IsOpen ? IndexKey.Of(OpenOrdinal(r.Reviewer, r.Status == ReviewStatus.Escalated), r.Id) : IndexKey.NotApplicable(r.Id);

    /// <summary>
    /// Schemas 1 and 2: the open reviews of a file written before keys said whose they were
    /// (schema 1: all under ordinal 1) and whether they were escalated (schema 2) get the key they have now.
    /// </summary>
    internal static void RekeyOpenReviews(LiteDatabase db)
    {
        var reviews = db.GetCollection("reviews");
        var (from, to) = IndexKey.Between(1, EscalatedOffset);
        var open = reviews.Find(Bson.Between("ix_open", from, to)).ToList();
        foreach (var d in open)
        {
            var escalated = Bson.EnumOf<ReviewStatus>(d["status"]) == ReviewStatus.Escalated;
            d["ix_open"] = IndexKey.Of(OpenOrdinal(Bson.Code<StaffCode>(d["reviewer"]), escalated), d["_id"].AsString);
        }

        reviews.Update(open);
    }

    private const long EscalatedOffset = 1L << 30;

    /// <summary>The keys of every open review, escalated or not.</summary>
    internal static (long From, long To) AnyOpen => IndexKey.Between(1, 2 * EscalatedOffset);

    private static (long From, long To) EscalatedOpen => IndexKey.Between(1 + EscalatedOffset, 2 * EscalatedOffset);

    private static long OpenOrdinal(StaffCode? reviewer, bool escalated) =>
        1 + (escalated ? EscalatedOffset : 0) + (reviewer is { } code ? IndexKey.OrdinalOf(code.Value) : 0);

    protected override BsonValue Id(string key) => key;

    /// <summary>An open review only stops the group being owed one: a cheap change of its facts.</summary>
    protected override void Touched(Review r)
    {
        if (r.IsOpen)
        {
            Session.ReviewOpened.Add(r.Group.Value);
        }
        else
        {
            Session.MarkGroup(r.Group);
        }
    }

    protected override BsonDocument ToDoc(Review r) => new()
    {
        ["_id"] = r.Id,
        ["group"] = r.Group.Value,
        ["opened_at"] = Bson.Instant(r.OpenedAt),
        ["due_on"] = Bson.Date(r.DueOn),
        ["reviewer"] = Bson.Code(r.Reviewer),
        ["status"] = Bson.Enum(r.Status),
        ["ix_open"] = OpenKey(r),
        ["pending"] = r.Pending,
        ["adhoc"] = r.AdHoc,
        ["escalated_at"] = Bson.Instant(r.EscalatedAt),
        ["closed_at"] = Bson.Instant(r.ClosedAt),
        ["closed_by"] = Bson.Str(r.ClosedBy),
        ["items"] = new BsonArray(r.Items.Select(i => new BsonDocument
        {
            ["member"] = i.Member.Value,
            ["decision"] = Bson.Enum(i.Decision),
            ["justification"] = Bson.Str(i.Justification),
            ["by"] = Bson.Str(i.DecidedBy),
            ["at"] = Bson.Instant(i.DecidedAt),
            ["channel"] = Bson.Enum(i.Channel),
            ["signals"] = (int)i.Signals,
        })),
    };

    protected override Review FromDoc(BsonDocument d) => new()
    {
        Id = d["_id"].AsString,
        Group = Bson.CodeOf<GroupCode>(d["group"]),
        OpenedAt = Bson.Instant(d["opened_at"])!.Value,
        DueOn = Bson.Date(d["due_on"])!.Value,
        Reviewer = Bson.Code<StaffCode>(d["reviewer"]),
        Status = Bson.EnumOf<ReviewStatus>(d["status"]),
        AdHoc = d["adhoc"].AsBoolean,
        EscalatedAt = Bson.Instant(d["escalated_at"]),
        ClosedAt = Bson.Instant(d["closed_at"]),
        ClosedBy = Bson.Str(d["closed_by"]),
        Items = d["items"].AsArray.Select(i => new ReviewItem
        {
            Member = Bson.CodeOf<StaffCode>(i["member"]),
            Decision = Bson.EnumOf<ReviewDecision>(i["decision"]),
            Justification = Bson.Str(i["justification"]),
            DecidedBy = Bson.Str(i["by"]),
            DecidedAt = Bson.Instant(i["at"]),
            Channel = Bson.EnumOrNull<Channel>(i["channel"]),
            Signals = (MemberSignal)i["signals"].AsInt32,
        }).ToList(),
    };
}
