namespace McsOps.Core.Storage;

/// <summary>
/// The storage port. One operation is one <see cref="Write{T}"/>: the delegate runs synchronously
/// on the calling thread (LiteDB binds a transaction to its thread), writes are serialised, and
/// the change counter moves once per committed transaction that changed something.
/// </summary>
public interface IStore : IDisposable
{
    T Read<T>(Func<IStoreSession, T> query);

    T Write<T>(Func<IStoreSession, T> operation);

    /// <summary>Incremented once per committed write transaction that changed something.</summary>
    long ChangeCounter { get; }

    int SchemaVersion { get; }
}
