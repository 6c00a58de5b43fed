using LiteDB;

namespace McsOps.Core.Storage.LiteDb;

/// <summary>
/// The LiteDB adapter of the storage port: one encrypted file, owned by this process through
/// <see cref="DatabaseLock"/>, opened in direct mode. Writes are serialised and each runs in one
/// LiteDB transaction on the calling thread.
/// </summary>
public sealed class LiteDbStore : IStore
{
    /// <summary>The schema this program writes. Bump it with a migration in <see cref="Migrate"/>.</summary>
    public const int CurrentSchema = 1;

    internal const string MetaCollection = "_meta";
    private readonly DatabaseLock _lock;
    private readonly LiteDatabase _db;
    private readonly TimeProvider _time;
    private readonly Lock _writeGate = new();

    private LiteDbStore(DatabaseLock dbLock, LiteDatabase db, TimeProvider time)
    {
        _lock = dbLock;
        _db = db;
        _time = time;
    }

    public string? Path { get; private init; }

    public long ChangeCounter => Meta()["changes"].AsInt64;

    public int SchemaVersion => Meta()["schema"].AsInt32;

    /// <summary>
    /// Takes the lock, reads (or on first use creates) the key, opens the file and brings its
    /// schema up to date. Throws <see cref="OpsException"/> with exit code 4 when the file is
    /// locked, the key is wrong or the schema is newer than this program's.
    /// </summary>
    public static LiteDbStore Open(string path, string keyFile, TimeProvider time)
    {
        var dbLock = DatabaseLock.Acquire(path);
        try
        {
            var password = KeyFile.LoadOrCreate(keyFile, path);
            LiteDatabase db;
            try
            {
                db = new LiteDatabase(new ConnectionString
                {
                    Filename = path,
                    Password = password,
                    Connection = ConnectionType.Direct,
                });
                db.UtcDate = true;
                _ = db.GetCollectionNames().Count();
            }
            catch (LiteException e) when (e.Message.Contains("password", StringComparison.OrdinalIgnoreCase)
                                          || e.Message.Contains("encrypted", StringComparison.OrdinalIgnoreCase))
            {
                throw new OpsException(ExitCode.Locked, "db.wrongkey", keyFile);
            }
            catch (LiteException e)
            {
                throw new OpsException(ExitCode.Locked, "db.corrupt", e.Message);
            }

            var store = new LiteDbStore(dbLock, db, time) { Path = path };
            try
            {
                store.Migrate();
            }
            catch
            {
                db.Dispose();
                throw;
            }

            return store;
        }
        catch
        {
            dbLock.Dispose();
            throw;
        }
    }

    public T Read<T>(Func<IStoreSession, T> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query(new LiteSession(_db, _time));
    }

    public T Write<T>(Func<IStoreSession, T> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        lock (_writeGate)
        {
            if (!_db.BeginTrans())
            {
                throw new InvalidOperationException("a LiteDB transaction is already open on this thread");
            }

            try
            {
                var session = new LiteSession(_db, _time);
                var result = operation(session);
                if (session.Changed)
                {
                    var meta = Meta();
                    meta["changes"] = meta["changes"].AsInt64 + 1;
                    if (session.AuditLog.Appended && session.AuditLog.Last() is { } head)
                    {
                        meta["audit_seq"] = head.Sequence;
                        meta["audit_hash"] = head.Hash;
                    }

                    _db.GetCollection(MetaCollection).Update(meta);
                }

                if (!_db.Commit())
                {
                    throw new InvalidOperationException("LiteDB did not commit the transaction");
                }

                return result;
            }
            catch
            {
                _db.Rollback();
                throw;
            }
        }
    }

    /// <summary>Flushes the log into the data file (used before copying the file).</summary>
    public void Checkpoint()
    {
        lock (_writeGate)
        {
            _db.Checkpoint();
        }
    }

    public void Dispose()
    {
        _db.Dispose();
        _lock.Dispose();
    }

    /// <summary>Direct access for tests that tamper with the file as an attacker would.</summary>
    internal LiteDatabase Database => _db;

    private BsonDocument Meta() => _db.GetCollection(MetaCollection).FindById("meta");

    private void Migrate()
    {
        var metaCol = _db.GetCollection(MetaCollection);
        var meta = metaCol.FindById("meta");
        if (meta is null)
        {
            metaCol.Insert(new BsonDocument { ["_id"] = "meta", ["schema"] = CurrentSchema, ["changes"] = 0L });
            EnsureIndexes();
            return;
        }

        var schema = meta["schema"].AsInt32;
        if (schema > CurrentSchema)
        {
            throw new OpsException(ExitCode.Locked, "db.newerschema", schema, CurrentSchema);
        }

        // Migrations from older schemas go here, one step at a time, each in its own transaction.
        EnsureIndexes();
    }

    private void EnsureIndexes()
    {
        _db.GetCollection("staff").EnsureIndex("os_user");
        _db.GetCollection("staff").EnsureIndex("facility");
        _db.GetCollection("groups").EnsureIndex("patient");
        _db.GetCollection("groups").EnsureIndex("owner");
        _db.GetCollection("memberships").EnsureIndex("staff");
        _db.GetCollection("devices").EnsureIndex("holder");
        _db.GetCollection("actions").EnsureIndex("open");
    }
}
