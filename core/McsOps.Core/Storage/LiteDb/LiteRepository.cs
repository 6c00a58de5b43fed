using LiteDB;

namespace McsOps.Core.Storage.LiteDb;

/// <summary>A collection of documents mapped by hand to one domain type.</summary>
internal abstract class LiteRepository<TKey, T>(LiteSession session, string collection) : IRepository<TKey, T>
    where T : class
{
    protected ILiteCollection<BsonDocument> Collection { get; } = session.Database.GetCollection(collection);

    public T? Find(TKey key)
    {
        var doc = Collection.FindById(Id(key));
        return doc is null ? null : FromDoc(doc);
    }

    public IReadOnlyList<T> All() => Collection.FindAll().Select(FromDoc).ToList();

    public int Count() => Collection.Count();

    public void Upsert(T entity)
    {
        Collection.Upsert(ToDoc(entity));
        session.MarkChanged();
    }

    public void Insert(T entity)
    {
        Collection.Insert(ToDoc(entity));
        session.MarkChanged();
    }

    protected IReadOnlyList<T> Where(string field, BsonValue value) =>
        Collection.Find(Query.EQ(field, value)).Select(FromDoc).ToList();

    protected abstract BsonValue Id(TKey key);

    protected abstract BsonDocument ToDoc(T entity);

    protected abstract T FromDoc(BsonDocument doc);
}
