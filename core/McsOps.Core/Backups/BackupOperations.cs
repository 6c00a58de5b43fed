using McsOps.Core.Application;
using McsOps.Core.Storage.LiteDb;

namespace McsOps.Core;

/// <summary><c>mcsops backup</c>: one backup now, by the process that owns the store (the service when it runs); the pause of writes is in the result.</summary>
public sealed record TakeBackup : IOperation<BackupRecord>;

/// <summary><c>mcsops backup list</c>: the backups in the owner's backup directory, newest first. Admins only, like taking one.</summary>
public sealed record ListBackups : IOperation<IReadOnlyList<BackupFile>>;

/// <summary>
/// <c>mcsops backup verify FILE</c> through the service: the client opens the file and streams its
/// bytes (<see cref="FileContent"/>), with the hash of its sidecar when it has one; the service
/// checks its own copy of them and never opens a path a client sent.
/// </summary>
public sealed record VerifyBackupBytes(string Name, FileContent Content, string? Sha256) : IQuery<BackupCheck>;

/// <summary><c>mcsops backup verify</c> without a file: the newest backup in the owner's backup directory.</summary>
public sealed record VerifyLatestBackup : IQuery<BackupCheck>;

internal sealed class TakeBackupHandler : IStoreHandler<TakeBackup, BackupRecord>
{
    public BackupRecord Handle(TakeBackup operation, Ops ops, Actor actor)
    {
        var place = BackupOperations.PlaceOf(ops);
        var store = ops.Store as LiteDbStore ?? throw new OpsException(ExitCode.BadArguments, "backup.notconfigured");
        return Backups.Create(store, place.Settings, place.KeyFile, actor, ops.Time);
    }
}

internal sealed class ListBackupsHandler : IStoreHandler<ListBackups, IReadOnlyList<BackupFile>>
{
    public IReadOnlyList<BackupFile> Handle(ListBackups operation, Ops ops, Actor actor) =>
        Backups.List(BackupOperations.PlaceOf(ops).Settings.Directory);
}

internal sealed class VerifyBackupBytesHandler : IStoreHandler<VerifyBackupBytes, BackupCheck>
{
    public BackupCheck Handle(VerifyBackupBytes operation, Ops ops, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var place = BackupOperations.PlaceOf(ops);
        if (operation.Content.Length == 0 || string.IsNullOrWhiteSpace(operation.Name))
        {
            throw new OpsException(ExitCode.BadArguments, "backup.empty", operation.Name);
        }

        return Backups.VerifyCopy(operation.Content, Path.GetFileName(operation.Name), operation.Sha256, place.KeyFile, ops.Time);
    }
}

internal sealed class VerifyLatestBackupHandler : IStoreHandler<VerifyLatestBackup, BackupCheck>
{
    public BackupCheck Handle(VerifyLatestBackup operation, Ops ops, Actor actor)
    {
        var place = BackupOperations.PlaceOf(ops);
        var newest = Backups.List(place.Settings.Directory).FirstOrDefault()
            ?? throw new OpsException(ExitCode.BadArguments, "backup.none", place.Settings.Directory);
        return Backups.Verify(newest.Path, place.KeyFile, ops.Time);
    }
}

internal static class BackupOperations
{
    public static BackupPlace PlaceOf(Ops ops) => ops.Backup ?? throw new OpsException(ExitCode.BadArguments, "backup.notconfigured");
}

/// <summary>The last backup in the backup log (whether it succeeded), for the dashboard; null before the first. A query: auditors see it too.</summary>
public sealed record GetLastBackup : IQuery<BackupRecord?>;

internal sealed class GetLastBackupHandler : IHandler<GetLastBackup, BackupRecord?>
{
    public BackupRecord? Handle(GetLastBackup op, OperationContext ctx) => ctx.Session.Backups.Last();
}
