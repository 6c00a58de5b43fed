using System.Globalization;
using System.Security.Cryptography;
using McsOps.Core.Audit;
using McsOps.Core.Storage.LiteDb;

namespace McsOps.Core;

/// <summary>A backup file on disk: its name carries the UTC time it was taken.</summary>
public sealed record BackupFile(string Path, DateTimeOffset TakenAt, long Bytes);

/// <summary>What checking a backup found: the audit entries it holds, or why it cannot be trusted.</summary>
public sealed record BackupCheck(string Path, bool Ok, long AuditEntries, string? Problem);

/// <summary>
/// Backups (MHLW GL §18; MCS keeps 8 daily generations): a consistent copy of the encrypted file,
/// named with the UTC time, with a SHA-256 sidecar (<c>sha256sum</c> format), verified by opening it
/// read-only and walking the audit chain; then the oldest beyond the configured generations go.
/// Every run, failed or not, is written to the backup log in the database and audited.
/// </summary>
public static class Backups
{
    private const string Prefix = "mcsops-";
    private const string Extension = ".db";
    private const string Stamp = "yyyyMMdd'T'HHmmss'Z'";

    public static BackupRecord Create(LiteDbStore store, BackupSettings settings, string keyFile, Actor actor, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        Configuration.Settings.EnsureDirectory(settings.Directory, "Backup:Directory");
        var name = Prefix + now.UtcDateTime.ToString(Stamp, CultureInfo.InvariantCulture) + Extension;
        var path = System.IO.Path.Combine(settings.Directory, name);
        var partial = path + ".partial";
        BackupRecord record;
        try
        {
            File.Delete(partial);
            var pause = store.CopyTo(partial);
            var hash = Sha256(partial);
            var check = Check(partial, keyFile, time, expectedHash: null);
            if (!check.Ok)
            {
                throw new OpsException(ExitCode.IntegrityBroken, "backup.unverified", name, check.Problem);
            }

            File.Move(partial, path, overwrite: false);
            File.WriteAllText(path + ".sha256", $"{hash}  {name}\n");
            CopyOffHost(settings.CopyCommand, path, name);
            record = new BackupRecord(now, name, true, hash, new FileInfo(path).Length, Math.Round(pause.TotalMilliseconds, 1), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OpsException)
        {
            File.Delete(partial);
            record = new BackupRecord(now, name, false, null, 0, 0, e is OpsException ops ? ops.Localize(Lang.En) : e.Message);
        }

        var removed = record.Ok ? Prune(settings) : [];
        store.Write(s =>
        {
            s.Backups.Add(record);
            s.Audit.Append(actor, record.Ok ? "backup.create" : "backup.failed", name,
                record.Ok ? $"sha256 {record.Sha256![..16]}; pause {record.PauseMs} ms; removed {removed.Count}" : record.Error ?? "");
            return 0;
        });
        return record;
    }

    /// <summary>The backups in the directory, newest first.</summary>
    public static IReadOnlyList<BackupFile> List(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(directory, Prefix + "*" + Extension)
            .Select(p => (Path: p, At: TakenAt(p)))
            .Where(x => x.At is not null)
            .OrderByDescending(x => x.At)
            .Select(x => new BackupFile(x.Path, x.At!.Value, new FileInfo(x.Path).Length))];
    }

    /// <summary>
    /// Checks a backup: its bytes against its sidecar hash (when there is one), then opens it read-only
    /// with the key and walks the audit chain. The file is not changed.
    /// </summary>
    public static BackupCheck Verify(string path, string keyFile, TimeProvider time)
    {
        var sidecar = path + ".sha256";
        string? expected = null;
        if (File.Exists(sidecar))
        {
            expected = File.ReadAllText(sidecar).Split(' ', 2)[0].Trim();
        }

        return Check(path, keyFile, time, expected);
    }

    /// <summary>
    /// Checks a backup whose bytes a client sent (remote <c>backup verify FILE</c>), as
    /// <see cref="Verify"/> checks a file but against <paramref name="expectedHash"/> (the client's
    /// sidecar, when it had one) rather than a sidecar here. The service received them into a file of
    /// its own, checked where it is; bytes made in this process go to a private file (0600, deleted
    /// afterwards). The result names the client's file, not the one checked.
    /// </summary>
    public static BackupCheck VerifyCopy(Application.FileContent content, string name, string? expectedHash, string keyFile, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(content);
        var hash = string.IsNullOrWhiteSpace(expectedHash) ? null : expectedHash.Trim();
        if (content.Path is { } path)
        {
            return Check(path, keyFile, time, hash) with { Path = name };
        }

        var scratch = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mcsops-verify-" + Guid.NewGuid().ToString("N") + Extension);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(scratch, options))
            using (var bytes = content.OpenRead())
            {
                bytes.CopyTo(stream);
            }

            return Check(scratch, keyFile, time, hash) with { Path = name };
        }
        finally
        {
            File.Delete(scratch);
        }
    }

    /// <summary>
    /// Puts a verified backup in place of the database. Takes the database lock first, so it refuses
    /// while the service (or any mcsops) has the database open; the replaced file is kept beside it.
    /// </summary>
    public static string Restore(string backup, string databasePath, string keyFile, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        using var held = Storage.DatabaseLock.Acquire(databasePath);
        var check = Verify(backup, keyFile, time);
        if (!check.Ok)
        {
            throw new OpsException(ExitCode.IntegrityBroken, "backup.unverified", System.IO.Path.GetFileName(backup), check.Problem);
        }

        var aside = databasePath + ".replaced-" + time.GetUtcNow().UtcDateTime.ToString(Stamp, CultureInfo.InvariantCulture);
        if (File.Exists(databasePath))
        {
            File.Move(databasePath, aside);
        }

        // A backup taken before a key rotation is rewritten with the current key on its way in.
        Storage.LiteDb.LiteDbStore.RestoreCopy(backup, databasePath, keyFile);
        return aside;
    }

    private static BackupCheck Check(string path, string keyFile, TimeProvider time, string? expectedHash)
    {
        if (!File.Exists(path))
        {
            return new BackupCheck(path, false, 0, "missing");
        }

        if (expectedHash is not null && !string.Equals(Sha256(path), expectedHash, StringComparison.OrdinalIgnoreCase))
        {
            return new BackupCheck(path, false, 0, "sha256 differs from the sidecar");
        }

        try
        {
            using var copy = LiteDbStore.OpenReadOnly(path, keyFile, time);
            var result = copy.Read(s => AuditChain.Verify(s.Audit.All(), s.Audit.Head()));
            return result.FirstBroken is { } broken
                ? new BackupCheck(path, false, result.Verified, $"audit chain broken at {broken}")
                : new BackupCheck(path, true, result.Verified, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A damaged file makes LiteDB fail in many ways (decoder, cast, range errors): each means "not this backup".
            return new BackupCheck(path, false, 0, e is OpsException ops ? ops.Localize(Lang.En) : e.Message);
        }
    }

    /// <summary>
    /// Runs <c>Backup:CopyCommand</c> with the file's path as its last argument (passed as <c>$1</c>, never
    /// spliced into the command text); a non-zero exit fails the run, so that it shows on the due list.
    /// </summary>
    private static void CopyOffHost(string? command, string path, string name)
    {
        if (command is null)
        {
            return;
        }

        var psi = new System.Diagnostics.ProcessStartInfo("/bin/sh") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-c", command + " \"$1\"", "mcsops-backup", path })
        {
            psi.ArgumentList.Add(arg);
        }

        using var p = System.Diagnostics.Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        _ = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new OpsException(ExitCode.InternalError, "backup.copyfailed", name, p.ExitCode, stderr.Result.Trim());
        }
    }

    private static List<string> Prune(BackupSettings settings)
    {
        var removed = new List<string>();
        foreach (var old in List(settings.Directory).Skip(settings.Generations))
        {
            File.Delete(old.Path);
            File.Delete(old.Path + ".sha256");
            removed.Add(System.IO.Path.GetFileName(old.Path));
        }

        return removed;
    }

    private static DateTimeOffset? TakenAt(string path)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        return name.StartsWith(Prefix, StringComparison.Ordinal)
               && DateTime.TryParseExact(name[Prefix.Length..], Stamp, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : null;
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
