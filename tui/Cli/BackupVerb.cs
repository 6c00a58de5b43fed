using System.Globalization;
using McsOps.Core;

namespace McsOps.Tui.Cli;

/// <summary>
/// <c>mcsops backup</c> (one now), <c>backup list</c>, <c>backup verify [FILE]</c> (the newest when no
/// file is named; exit 5 when it fails), and <c>mcsops restore FILE</c> (refused while the database
/// is open elsewhere, the service included: exit 4).
/// </summary>
internal static class BackupVerb
{
    public static ExitCode Run(CliContext c)
    {
        var backups = c.Settings.Backup;
        switch (c.Args.Positional)
        {
            case ["backup"]:
                {
                    // Embedded only: while the service runs, it owns the file and takes the backups itself.
                    using var store = c.OpenStore();
                    var record = Backups.Create(store, backups, c.Settings.KeyFile, c.Embedded(store, Channel.Cli).Actor, c.Time);
                    if (!record.Ok)
                    {
                        c.Io.Stderr.WriteLine("mcsops: " + c.T("backup.failed", record.File, record.Error));
                        return ExitCode.IntegrityBroken;
                    }

                    c.Io.Out.WriteLine(c.T("backup.done", Path.Combine(backups.Directory, record.File), record.Sha256, record.PauseMs));
                    return ExitCode.Ok;
                }

            case ["backup", "list"]:
                foreach (var f in Backups.List(backups.Directory))
                {
                    c.Io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{f.TakenAt.ToOffset(c.Settings.TimeZone.GetUtcOffset(f.TakenAt)):yyyy/MM/dd HH:mm}  {f.Bytes,12:N0}  {f.Path}"));
                }

                return ExitCode.Ok;

            case ["backup", "verify", ..] when c.Args.Positional.Count <= 3:
                {
                    var path = c.Args.Positional.Count == 3
                        ? Path.GetFullPath(c.Args.Positional[2])
                        : Backups.List(backups.Directory).FirstOrDefault()?.Path ?? throw new OpsException(ExitCode.BadArguments, "backup.none", backups.Directory);
                    var check = Backups.Verify(path, c.Settings.KeyFile, c.Time);
                    if (!check.Ok)
                    {
                        c.Io.Stderr.WriteLine("mcsops: " + c.T("backup.bad", path, check.Problem));
                        return ExitCode.IntegrityBroken;
                    }

                    c.Io.Out.WriteLine(c.T("backup.good", path, check.AuditEntries));
                    return ExitCode.Ok;
                }

            case ["restore", var file]:
                {
                    var aside = Backups.Restore(Path.GetFullPath(file), c.Settings.DatabasePath, c.Settings.KeyFile, c.Time);
                    c.Io.Out.WriteLine(c.T("backup.restored", file, aside));
                    return ExitCode.Ok;
                }

            default:
                throw new OpsException(ExitCode.BadArguments, "cli.backup.usage");
        }
    }
}
