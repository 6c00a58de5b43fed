using System.Globalization;
using McsOps.Core;
using McsOps.Core.Application;

namespace McsOps.Tui.Cli;

/// <summary>
/// <c>mcsops backup</c> (one now), <c>backup list</c>, <c>backup verify [FILE]</c> (the newest when no
/// file is named; exit 5 when it fails) — through the service while it runs, which owns the file
/// and pauses its own writes — and <c>mcsops restore FILE</c>, which refuses while the service runs
/// (exit 4) or the database is open elsewhere.
/// </summary>
internal static class BackupVerb
{
    public static ExitCode Run(CliContext c)
    {
        switch (c.Args.Positional)
        {
            case ["backup"]:
                {
                    var record = c.Connect(Channel.Cli).Execute(new TakeBackup());
                    if (!record.Ok)
                    {
                        c.Io.Stderr.WriteLine("mcsops: " + c.T("backup.failed", record.File, record.Error));
                        return ExitCode.IntegrityBroken;
                    }

                    c.Io.Out.WriteLine(c.T("backup.done", Path.Combine(c.Settings.Backup.Directory, record.File), record.Sha256, record.PauseMs.ToString(CultureInfo.InvariantCulture)));
                    return ExitCode.Ok;
                }

            case ["backup", "list"]:
                foreach (var f in c.Connect(Channel.Cli).Execute(new ListBackups()))
                {
                    var local = f.TakenAt.ToOffset(c.Settings.TimeZone.GetUtcOffset(f.TakenAt)).ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture);
                    c.Io.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, c.T("backup.listline"), local, f.Bytes, f.Path));
                }

                return ExitCode.Ok;

            case ["backup", "verify", ..] when c.Args.Positional.Count <= 3:
                return Verify(c, c.Args.Positional.Count == 3 ? Path.GetFullPath(c.Args.Positional[2]) : null);

            case ["restore", var file]:
                {
                    if (c.ServiceAnswers(out var socket))
                    {
                        throw new OpsException(ExitCode.Locked, "restore.servicerunning", socket);
                    }

                    var aside = Backups.Restore(Path.GetFullPath(file), c.Settings.DatabasePath, c.Settings.KeyFile, c.Time);
                    c.Io.Out.WriteLine(c.T("backup.restored", file, aside));
                    return ExitCode.Ok;
                }

            default:
                throw new OpsException(ExitCode.BadArguments, "cli.backup.usage");
        }
    }

    /// <summary>
    /// Embedded, the file is checked where it is. Through the service, this process opens the file
    /// (and its sidecar) and streams the bytes: the service never opens a path a client names.
    /// </summary>
    private static ExitCode Verify(CliContext c, string? path)
    {
        var client = c.Connect(Channel.Cli);
        BackupCheck check;
        if (path is null)
        {
            check = client.Execute(new VerifyLatestBackup());
        }
        else if (!File.Exists(path))
        {
            throw new OpsException(ExitCode.BadArguments, "cli.nofile", path);
        }
        else if (client is RemoteOpsClient)
        {
            var sidecar = path + ".sha256";
            var hash = File.Exists(sidecar) ? File.ReadAllText(sidecar).Split(' ', 2)[0].Trim() : null;
            check = client.Execute(new VerifyBackupBytes(Path.GetFileName(path), FileContent.OfFile(path), hash)) with { Path = path };
        }
        else
        {
            check = Backups.Verify(path, c.Settings.KeyFile, c.Time);
        }

        if (!check.Ok)
        {
            c.Io.Stderr.WriteLine("mcsops: " + c.T("backup.bad", check.Path, check.Problem));
            return ExitCode.IntegrityBroken;
        }

        c.Io.Out.WriteLine(c.T("backup.good", check.Path, check.AuditEntries));
        return ExitCode.Ok;
    }
}
