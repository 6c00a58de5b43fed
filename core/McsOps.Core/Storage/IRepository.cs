namespace McsOps.Core.Storage;

/// <summary>The operations every stored kind supports, keyed by its code.</summary>
public interface IRepository<in TKey, T> where T : class
{
    T? Find(TKey key);

    IReadOnlyList<T> All();

    int Count();

    void Upsert(T entity);

    /// <summary>Adds a record known to be new (cheaper than <see cref="Upsert"/>).</summary>
    void Insert(T entity);
}
