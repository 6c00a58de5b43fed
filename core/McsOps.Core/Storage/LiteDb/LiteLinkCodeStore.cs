using LiteDB;

namespace McsOps.Core.Storage.LiteDb;

internal sealed class LiteLinkCodeStore(LiteSession session) : ILinkCodeStore
{
    private ILiteCollection<BsonDocument> Collection => session.Database.GetCollection("link_codes");

    public int Save(LinkCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var voided = Collection.DeleteMany(Query.EQ("staff", code.Staff.Value));
        Collection.Upsert(new BsonDocument { ["_id"] = code.Hash, ["staff"] = code.Staff.Value, ["expires_at"] = Bson.Instant(code.ExpiresAt) });
        session.MarkChanged();
        return voided;
    }

    public LinkCode? Take(string hash)
    {
        var doc = Collection.FindById(hash);
        if (doc is null)
        {
            return null;
        }

        Collection.Delete(hash);
        session.MarkChanged();
        return new LinkCode(hash, Bson.CodeOf<StaffCode>(doc["staff"]), Bson.Instant(doc["expires_at"])!.Value);
    }
}
