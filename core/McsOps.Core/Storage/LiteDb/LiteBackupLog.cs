using LiteDB;

namespace McsOps.Core.Storage.LiteDb;

/// <summary>The backup log, one document per run, numbered in order.</summary>
internal sealed class LiteBackupLog(LiteSession session) : IBackupLog
{
    private ILiteCollection<BsonDocument> Collection => session.Database.GetCollection("backup_log");

    public void Add(BackupRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Collection.Insert(Bson.Compact(new BsonDocument
        {
            ["_id"] = Collection.Count() + 1,
            ["at"] = Bson.Instant(record.At),
            ["file"] = record.File,
            ["ok"] = record.Ok,
            ["sha256"] = Bson.Str(record.Sha256),
            ["bytes"] = record.Bytes,
            ["pause_ms"] = record.PauseMs,
            ["error"] = Bson.Str(record.Error),
        }));
        session.MarkChanged();
    }

    public BackupRecord? Last() => Collection.Count() is var n and > 0 ? FromDoc(Collection.FindById(n)) : null;

    public IReadOnlyList<BackupRecord> All() => [.. Collection.FindAll().Select(FromDoc)];

    private static BackupRecord FromDoc(BsonDocument d) => new(
        Bson.Instant(d["at"])!.Value,
        d["file"].AsString,
        d["ok"].AsBoolean,
        Bson.Str(d["sha256"]),
        d["bytes"].AsInt64,
        d["pause_ms"].AsDouble,
        Bson.Str(d["error"]));
}
