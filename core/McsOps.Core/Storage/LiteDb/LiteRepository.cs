using LiteDB;

namespace McsOps.Core.Storage.LiteDb;

/// <summary>A collection of documents mapped by hand to one domain type.</summary>
internal abstract class LiteRepository<TKey, T>(LiteSession session, string collection) : IRepository<TKey, T>
    where T : class
{
    protected LiteSession Session { get; } = session;

    protected ILiteCollection<BsonDocument> Collection { get; } = session.Database.GetCollection(collection);

    public T? Find(TKey key)
    {
        var doc = Collection.FindById(Id(key));
        return doc is null ? null : FromDoc(doc);
    }

    public IReadOnlyList<T> All() => Collection.FindAll().Select(FromDoc).ToList();

    public int Count() => Collection.Count();

    public virtual void Upsert(T entity)
    {
        Collection.Upsert(Bson.Compact(ToDoc(entity)));
        Session.MarkChanged(collection);
        Touched(entity);
    }

    public void Insert(T entity)
    {
        Collection.Insert(Bson.Compact(ToDoc(entity)));
        Session.MarkChanged(collection);
        Inserted(entity);
    }

    /// <summary>Records matching a query on this collection's indexes.</summary>
    internal IReadOnlyList<T> Find(BsonExpression predicate) => Collection.Find(predicate).Select(FromDoc).ToList();

    /// <summary>
    /// The records whose id is one of these codes followed by <paramref name="separator"/> and more,
    /// with one range of the primary index; codes never contain the separator, so the range from
    /// the lowest such prefix to the highest holds them all (and the records of any code between).
    /// </summary>
    protected IEnumerable<T> ByIdPrefix(IEnumerable<string> codes, char separator)
    {
        var prefixes = codes.Select(c => c + separator).Order(StringComparer.Ordinal).ToList();
        return prefixes.Count == 0 ? [] : Collection.Find(Bson.Between("_id", prefixes[0], prefixes[^1] + "\uffff")).Select(FromDoc);
    }

    protected IReadOnlyList<T> Where(string field, BsonValue value) =>
        Collection.Find(Bson.Eq(field, value)).Select(FromDoc).ToList();

    /// <summary>Tells the session what a write may have changed for the due list.</summary>
    protected virtual void Touched(T entity)
    {
    }

    /// <summary>Like <see cref="Touched"/>, for a record that is new.</summary>
    protected virtual void Inserted(T entity) => Touched(entity);

    protected abstract BsonValue Id(TKey key);

    protected abstract BsonDocument ToDoc(T entity);

    protected abstract T FromDoc(BsonDocument doc);
}
