using System.Globalization;
using LiteDB;
using McsOps.Core.Scheduling;

namespace McsOps.Core.Storage.LiteDb;

/// <summary>
/// The LiteDB adapter of the storage port: one encrypted file, owned by this process through
/// <see cref="DatabaseLock"/>, opened in direct mode. Writes are serialised and each runs in one
/// LiteDB transaction on the calling thread.
/// </summary>
public sealed partial class LiteDbStore : IStore
{
    /// <summary>The schema this program writes. Bump it with a migration in <see cref="Migrate"/>.</summary>
    public const int CurrentSchema = 3;

    internal const string MetaCollection = "_meta";

    private readonly DatabaseLock? _lock;
    private readonly LiteDatabase _db;
    private readonly TimeProvider _time;
    private readonly PolicySettings _policy;
    private readonly Lock _writeGate = new();
    private readonly ReadMemo _memo;

    private LiteDbStore(DatabaseLock? dbLock, LiteDatabase db, TimeProvider time, PolicySettings policy)
    {
        _lock = dbLock;
        _db = db;
        _time = time;
        _policy = policy;
        _memo = new ReadMemo(ChangeCounterOf);
    }

    public string? Path { get; private init; }

    public long ChangeCounter => Meta()["changes"].AsInt64;

    /// <summary>In the meta document: a change counter per collection written through a repository.</summary>
    private const string CollectionCounters = "changed";

    /// <summary>How many committed transactions wrote <paramref name="collection"/> through a repository (0 for none, and in files older than these counters).</summary>
    internal long ChangeCounterOf(string collection) =>
        Meta().TryGetValue(CollectionCounters, out var counters) && counters.IsDocument && counters.AsDocument.TryGetValue(collection, out var n) && n.IsNumber ? n.AsInt64 : 0;

    public int SchemaVersion => Meta()["schema"].AsInt32;

    /// <summary>
    /// Takes the lock, reads (or on first use creates) the key, opens the file and brings its
    /// schema up to date. Throws <see cref="OpsException"/> with exit code 4 when the file is
    /// locked, the key is wrong or the schema is newer than this program's.
    /// </summary>
    public static LiteDbStore Open(string path, string keyFile, TimeProvider time) =>
        Open(path, keyFile, time, new PolicySettings { Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo") });

    public static LiteDbStore Open(string path, string keyFile, TimeProvider time, PolicySettings policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var dbLock = DatabaseLock.Acquire(path);
        try
        {
            FinishRotation(path, keyFile);
            var password = KeyFile.LoadOrCreate(keyFile, path);
            var db = OpenWithKey(path, password, keyFile);

            var store = new LiteDbStore(dbLock, db, time, policy) { Path = path };
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

    /// <summary>
    /// Opens the file with ordinal string comparison: codes are ASCII, and LiteDB's default
    /// culture-aware collation made every index insert ~50% slower (measured). A file created
    /// with another collation keeps it (LiteDB refuses to open it otherwise).
    /// </summary>
    private static LiteDatabase OpenFile(string path, string password)
    {
        var cs = new ConnectionString { Filename = path, Password = password, Connection = ConnectionType.Direct, Collation = new Collation(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal) };
        LiteDatabase db;
        try
        {
            db = new LiteDatabase(cs);
            _ = db.GetCollectionNames().Count();
        }
        catch (LiteException e) when (e.Message.Contains("collation", StringComparison.OrdinalIgnoreCase))
        {
            cs.Collation = null;
            db = new LiteDatabase(cs);
            _ = db.GetCollectionNames().Count();
        }

        db.UtcDate = true;
        return db;
    }

    public T Read<T>(Func<IStoreSession, T> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query(new LiteSession(_db, _time, _policy, _memo));
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
                var session = new LiteSession(_db, _time, _policy);
                var result = operation(session);
                if (session.HasDirtyFacts)
                {
                    GroupFactsProjector.Refresh(session);
                }

                if (session.Changed)
                {
                    var meta = Meta();
                    meta["changes"] = meta["changes"].AsInt64 + 1;
                    var counters = meta.TryGetValue(CollectionCounters, out var known) && known.IsDocument ? known.AsDocument : [];
                    foreach (var collection in session.ChangedCollections)
                    {
                        counters[collection] = (counters.TryGetValue(collection, out var n) && n.IsNumber ? n.AsInt64 : 0) + 1;
                    }

                    meta[CollectionCounters] = counters;
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

    /// <summary>
    /// A consistent copy of the file (LiteDB has no online backup): writes wait while the log is
    /// checkpointed into the file and the file is copied; reads go on. Returns how long writes waited.
    /// </summary>
    public TimeSpan CopyTo(string target)
    {
        var pause = System.Diagnostics.Stopwatch.StartNew();
        lock (_writeGate)
        {
            _db.Checkpoint();
            File.Copy(Path!, target, overwrite: false);
        }

        return pause.Elapsed;
    }

    /// <summary>
    /// Opens a copy (a backup) to read it, without taking the lock, migrating or writing anything:
    /// the file's bytes, and so its hash, stay as they were. A copy taken before a key rotation
    /// opens with the old key kept beside the key file.
    /// </summary>
    public static LiteDbStore OpenReadOnly(string path, string keyFile, TimeProvider time)
    {
        var password = PasswordThatOpens(path, keyFile);
        var db = new LiteDatabase(ReadOnlyFile(path, password)) { UtcDate = true };
        return new LiteDbStore(null, db, time, new PolicySettings { Zone = TimeZoneInfo.Utc }) { Path = path };
    }

    /// <summary>The current key, or the kept old key, that opens the copy at <paramref name="path"/>; exit 5 when none does.</summary>
    internal static string PasswordThatOpens(string path, string keyFile)
    {
        var wrongKey = false;
        foreach (var password in KeyFile.WithKeptKeys(keyFile, path))
        {
            try
            {
                using var db = new LiteDatabase(ReadOnlyFile(path, password));
                _ = db.GetCollectionNames().Count();
                return password;
            }
            catch (LiteException e) when (IsWrongKey(e))
            {
                wrongKey = true;
            }
            catch (LiteException e)
            {
                throw new OpsException(ExitCode.IntegrityBroken, "db.corrupt", e.Message);
            }
        }

        throw wrongKey ? new OpsException(ExitCode.IntegrityBroken, "db.nokeyopens", keyFile) : new OpsException(ExitCode.IntegrityBroken, "db.corrupt", path);
    }

    private static LiteDatabase OpenWithKey(string path, string password, string keyFile)
    {
        try
        {
            return OpenFile(path, password);
        }
        catch (LiteException e) when (IsWrongKey(e))
        {
            throw new OpsException(ExitCode.Locked, "db.wrongkey", keyFile);
        }
        catch (LiteException e)
        {
            throw new OpsException(ExitCode.Locked, "db.corrupt", e.Message);
        }
    }

    private static ConnectionString ReadOnlyFile(string path, string password) =>
        new() { Filename = path, Password = password, Connection = ConnectionType.Direct, ReadOnly = true };

    private static bool IsWrongKey(LiteException e) =>
        e.Message.Contains("password", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("encrypted", StringComparison.OrdinalIgnoreCase);

    private static string LogFileOf(string path) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, System.IO.Path.GetFileNameWithoutExtension(path) + "-log" + System.IO.Path.GetExtension(path));

    public void Dispose()
    {
        _db.Dispose();
        _lock?.Dispose();
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
            metaCol.Insert(new BsonDocument
            {
                ["_id"] = "meta",
                ["schema"] = CurrentSchema,
                ["changes"] = 0L,
                ["facts_policy"] = $"{_policy.Zone.Id}|{_policy.ReviewSchedule}",
            });
            EnsureIndexes();
            return;
        }

        var schema = meta["schema"].AsInt32;
        if (schema > CurrentSchema)
        {
            throw new OpsException(ExitCode.Locked, "db.newerschema", schema, CurrentSchema);
        }

        // Migrations from older schemas, one step at a time, each in its own transaction.
        if (schema < 3)
        {
            _db.BeginTrans();
            ReviewRepository.RekeyOpenReviews(_db);
            meta["schema"] = 3;
            metaCol.Update(meta);
            _db.Commit();
        }

        EnsureIndexes();
        RefreshFactsIfPolicyChanged(meta);
    }

    /// <summary>Group facts depend on the zone and the default review schedule: recompute them all when either changed.</summary>
    private void RefreshFactsIfPolicyChanged(BsonDocument meta)
    {
        var key = $"{_policy.Zone.Id}|{_policy.ReviewSchedule}";
        if (meta.TryGetValue("facts_policy", out var recorded) && recorded.AsString == key)
        {
            return;
        }

        Write(session =>
        {
            var lite = (LiteSession)session;
            foreach (var d in _db.GetCollection("groups").Query().Select("$._id").ToEnumerable())
            {
                lite.DirtyGroups.Add(d["_id"].AsString);
            }

            return 0;
        });
        _db.BeginTrans();
        var doc = Meta();
        doc["facts_policy"] = key;
        _db.GetCollection(MetaCollection).Update(doc);
        _db.Commit();
    }

    /// <summary>
    /// One index per field a query filters on. Every indexed value is (nearly) unique — see
    /// <see cref="IndexKey"/> — or, for codes, has few duplicates (a staff member's memberships).
    /// </summary>
    private void EnsureIndexes()
    {
        void Index(string collection, params string[] fields)
        {
            foreach (var f in fields)
            {
                _db.GetCollection(collection).EnsureIndex(f);
            }
        }

        Index("staff", "facility", "ix_os", "ix_slack", "ix_teams", "ix_pw", "ix_training", "ix_pledge", "ix_departed");
        Index("groups", "patient", "owner");
        Index("memberships", "staff");
        Index(LiteDueIndex.InvitationsCollection, "ix_invited");
        Index("devices", "holder");
        Index("actions", "ix_open");
        Index("reviews", "ix_open");
        // Reviews are found by group through their ids (ReviewRepository.ByGroup): files written
        // before that still carry an index on the group, which only slowed every insert.
        _db.GetCollection("reviews").DropIndex("group");
        Index("outbox", "ix_state");
        Index("checklists", "ix_open");
        Index(LiteDueIndex.FactsCollection, "ix_review_next", "ix_consent");
    }
}
