using LiteDB;
using McsOps.Core.Audit;

namespace McsOps.Core.Storage.LiteDb;

internal sealed class LiteAuditLog(LiteSession session) : IAuditLog
{
    private readonly ILiteCollection<BsonDocument> _collection = session.Database.GetCollection("audit");
    private AuditEntry? _last;
    private bool _lastLoaded;

    public AuditEntry Append(Actor actor, string action, string subject, string details)
    {
        var entry = AuditChain.Link(Last(), session.Time.GetUtcNow(), actor, action, subject, details);
        _collection.Insert(ToDoc(entry));
        _last = entry;
        Appended = true;
        session.MarkChanged();
        return entry;
    }

    public AuditEntry? Last()
    {
        if (!_lastLoaded)
        {
            var doc = _collection.Query().OrderByDescending("_id").FirstOrDefault();
            _last = doc is null ? null : FromDoc(doc);
            _lastLoaded = true;
        }

        return _last;
    }

    public long Count() => _collection.LongCount();

    /// <summary>True when this session appended: the store then records the new head with the commit.</summary>
    public bool Appended { get; private set; }

    public AuditHead? Head()
    {
        var meta = session.Database.GetCollection(LiteDbStore.MetaCollection).FindById("meta");
        return meta is null || !meta.ContainsKey("audit_seq") ? null : new AuditHead(meta["audit_seq"].AsInt64, meta["audit_hash"].AsString);
    }

    /// <summary>
    /// Every entry in sequence order. A document that no longer reads as an entry (tampered
    /// with) comes back as an entry with no hash, so that verification stops there.
    /// </summary>
    public IEnumerable<AuditEntry> All() => _collection.Query().OrderBy("_id").ToEnumerable().Select(TryFromDoc);

    public IReadOnlyList<AuditEntry> Newest(int count) =>
        [.. _collection.Query().OrderByDescending("_id").Limit(count).ToEnumerable().Select(TryFromDoc)];

    private static AuditEntry TryFromDoc(BsonDocument d)
    {
        try
        {
            return FromDoc(d);
        }
        catch (Exception e) when (e is InvalidCastException or InvalidDataException or ArgumentException or FormatException or NullReferenceException)
        {
            var seq = d["_id"].IsNumber ? d["_id"].AsInt64 : -1;
            return new AuditEntry(seq, default, string.Empty, Channel.System, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
        }
    }

    internal static BsonDocument ToDoc(AuditEntry e) => new()
    {
        ["_id"] = e.Sequence,
        ["at"] = Bson.Instant(e.At),
        ["actor"] = e.Actor,
        ["channel"] = Bson.Enum(e.Channel),
        ["action"] = e.Action,
        ["subject"] = e.Subject,
        ["details"] = e.Details,
        ["prev"] = e.PreviousHash,
        ["hash"] = e.Hash,
    };

    internal static AuditEntry FromDoc(BsonDocument d) => new(
        d["_id"].AsInt64,
        Bson.Instant(d["at"])!.Value,
        d["actor"].AsString,
        Bson.EnumOf<Channel>(d["channel"]),
        d["action"].AsString,
        d["subject"].AsString,
        d["details"].AsString,
        d["prev"].AsString,
        d["hash"].AsString);
}
