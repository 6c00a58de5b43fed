using System.Globalization;
using LiteDB;
using McsOps.Core.Scheduling;

namespace McsOps.Core.Storage.LiteDb;

/// <summary>The key's life: rotation to a new key, and restoring a backup taken under an old one.</summary>
public sealed partial class LiteDbStore
{
    /// <summary>
    /// Puts the backup at <paramref name="backup"/> in place of the database at <paramref name="target"/>
    /// (which must not exist), encrypted with the current key: a copy of the bytes when the backup
    /// already uses it, else rewritten from the kept old key that opens it.
    /// </summary>
    internal static void RestoreCopy(string backup, string target, string keyFile)
    {
        var current = KeyFile.LoadOrCreate(keyFile, backup);
        var password = PasswordThatOpens(backup, keyFile);
        if (password == current)
        {
            File.Copy(backup, target);
            return;
        }

        var partial = target + ".restoring";
        File.Delete(partial);
        using (var source = new LiteDatabase(ReadOnlyFile(backup, password)))
        {
            CopyInto(source, partial, current);
        }

        File.Move(partial, target);
    }

    /// <summary>
    /// <c>mcsops key rotate</c>: re-encrypts the database with a new key. LiteDB changes a password
    /// only by rebuilding the file, so every collection and index is copied into a new file
    /// encrypted with the new key, which then replaces the old one by an atomic rename. The order
    /// makes a crash at any point recoverable: the new key is written first (<c>&lt;key&gt;.new</c>)
    /// and the old key kept (<c>&lt;key&gt;.&lt;utc-stamp&gt;.old</c>, for the backups taken with it);
    /// the rename of the file is the commit; the rename of the key follows, and
    /// <see cref="Open(string,string,TimeProvider,PolicySettings)"/> completes it if a crash came
    /// between the two. The audit entry is written into the new file before the rename, so the
    /// rotation and its record commit together. Returns the path of the kept old key.
    /// </summary>
    public static string RotateKey(string path, string keyFile, TimeProvider time, PolicySettings policy, Func<IStore, Actor> actorOf)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(actorOf);
        using var dbLock = DatabaseLock.Acquire(path);
        if (!File.Exists(path))
        {
            throw new OpsException(ExitCode.BadArguments, "key.nodatabase", path);
        }

        FinishRotation(path, keyFile);
        var oldPassword = KeyFile.LoadOrCreate(keyFile, path);
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var kept = keyFile + "." + stamp + ".old";
        var newKey = keyFile + ".new";
        var rotating = path + ".rotating";
        Actor actor;
        using (var old = OpenWithKey(path, oldPassword, keyFile))
        {
            var store = new LiteDbStore(null, old, time, policy) { Path = path };
            actor = actorOf(store);
            old.Checkpoint();
            File.Delete(newKey);
            File.Delete(rotating);
            var newPassword = KeyFile.CreateNew(newKey);
            CopyInto(old, rotating, newPassword);
            using var copy = new LiteDbStore(null, OpenFile(rotating, newPassword), time, policy) { Path = rotating };
            copy.Write(s => s.Audit.Append(actor, "key.rotate", "database", $"re-encrypted with a new key; the old key is kept as {System.IO.Path.GetFileName(kept)}"));
        }

        if (File.Exists(LogFileOf(path)) || File.Exists(LogFileOf(rotating)))
        {
            throw new OpsException(ExitCode.InternalError, "key.logleft", path);
        }

        if (!File.Exists(kept))
        {
            KeyFile.Keep(keyFile, kept);
        }

        File.Move(rotating, path, overwrite: true);
        File.Move(newKey, keyFile, overwrite: true);
        return kept;
    }

    /// <summary>
    /// After a crash during a key rotation: a <c>&lt;key&gt;.new</c> that opens the file means the file was
    /// renamed and the key was not yet (finish it); one that does not means the rotation never
    /// committed (drop it, with the half-written copy).
    /// </summary>
    private static void FinishRotation(string path, string keyFile)
    {
        File.Delete(path + ".rotating");
        var newKey = keyFile + ".new";
        if (!File.Exists(newKey))
        {
            return;
        }

        var opens = false;
        if (File.Exists(path))
        {
            try
            {
                using var db = new LiteDatabase(ReadOnlyFile(path, KeyFile.LoadOrCreate(newKey, path)));
                _ = db.GetCollectionNames().Count();
                opens = true;
            }
            catch (LiteException e) when (IsWrongKey(e))
            {
                opens = false;
            }
        }

        if (opens)
        {
            File.Move(newKey, keyFile, overwrite: true);
        }
        else
        {
            File.Delete(newKey);
        }
    }

    /// <summary>Copies every collection, document and index of <paramref name="source"/> into a new file at <paramref name="target"/> encrypted with <paramref name="password"/>, keeping the source's collation.</summary>
    private static void CopyInto(LiteDatabase source, string target, string password)
    {
        var collation = source.Pragma("COLLATION").AsString;
        var cs = new ConnectionString { Filename = target, Password = password, Connection = ConnectionType.Direct, Collation = new Collation(collation) };
        using var copy = new LiteDatabase(cs);
        foreach (var name in source.GetCollectionNames().ToList())
        {
            var to = copy.GetCollection(name);
            foreach (var batch in source.GetCollection(name).FindAll().Chunk(5_000))
            {
                to.InsertBulk(batch);
            }
        }

        foreach (var index in source.GetCollection("$indexes").FindAll().ToList())
        {
            if (index["name"].AsString != "_id")
            {
                copy.GetCollection(index["collection"].AsString).EnsureIndex(index["name"].AsString, index["expression"].AsString, index["unique"].AsBoolean);
            }
        }

        copy.Checkpoint();
    }
}
