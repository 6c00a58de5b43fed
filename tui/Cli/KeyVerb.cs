using McsOps.Core;
using McsOps.Core.Storage.LiteDb;

namespace McsOps.Tui.Cli;

/// <summary>
/// <c>mcsops key rotate</c>: re-encrypts the database with a new key and keeps the old one beside
/// the key file for the backups taken with it. Embedded only: the file is rewritten, so the
/// service must be stopped (exit 4 while its socket answers). Admins only (an auditor: exit 6).
/// </summary>
internal static class KeyVerb
{
    public static ExitCode Run(CliContext c)
    {
        if (c.Args.Positional is not ["key", "rotate"])
        {
            throw new OpsException(ExitCode.BadArguments, "cli.key.usage");
        }

        if (c.ServiceAnswers(out var socket))
        {
            throw new OpsException(ExitCode.Locked, "key.servicerunning", socket);
        }

        var kept = LiteDbStore.RotateKey(c.Settings.DatabasePath, c.Settings.KeyFile, c.Time, c.Settings.Policy, store =>
        {
            var client = c.Embedded(store, Channel.Cli);
            return client.ReadOnly ? throw new OpsException(ExitCode.NotPermitted, "op.readonly", client.Actor.Id) : client.Actor;
        });
        c.Io.Out.WriteLine(c.T("key.rotated", c.Settings.KeyFile, kept));
        return ExitCode.Ok;
    }
}
