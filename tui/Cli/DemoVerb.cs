using McsOps.Core;
using McsOps.Core.Configuration;
using McsOps.Core.Csv;
using McsOps.Core.Demo;
using McsOps.Core.Storage;
using McsOps.Core.Storage.LiteDb;
using McsOps.Tui.App;

namespace McsOps.Tui.Cli;

/// <summary>
/// <c>mcsops demo [--reset]</c> and the global <c>--demo</c>: a separate database under
/// <c>&lt;data dir&gt;/demo/</c> holding the fictional 山田クリニック, built on first use.
/// </summary>
internal static class DemoVerb
{
    public static Settings DemoSettings(Settings settings)
    {
        var dir = Path.Combine(settings.DataDirectory, "demo");
        return settings with
        {
            DataDirectory = dir,
            DatabasePath = Path.Combine(dir, "mcsops.db"),
            KeyFile = Path.Combine(dir, "mcsops.key"),
            Backup = settings.Backup with { Directory = Path.Combine(dir, "backups") },
        };
    }

    public static ExitCode Run(CliContext c)
    {
        if (c.Args.Positional.Count != 1)
        {
            throw new OpsException(ExitCode.BadArguments, "cli.demo.usage");
        }

        using var demo = c.IsDemo ? null : new CliContext(DemoSettings(c.Settings), c.Time, c.Io, c.Args) { IsDemo = true };
        var context = demo ?? c;
        if (c.Args.Has("--reset"))
        {
            Reset(context.Settings);
        }

        PrintSummary(context);
        return ExitCode.Ok;
    }

    /// <summary><c>mcsops</c> with no verb: the TUI on a terminal; a summary when stdout is redirected.</summary>
    public static ExitCode NoVerb(CliContext c)
    {
        if (c.Io.StdoutIsTerminal)
        {
            return TuiApp.Run(c);
        }

        PrintSummary(c);
        return ExitCode.Ok;
    }

    private static void Reset(Settings demo)
    {
        Settings.EnsureDirectory(demo.DataDirectory, "McsOps:DataDirectory");
        using (DatabaseLock.Acquire(demo.DatabasePath))
        {
            File.Delete(demo.DatabasePath);
            File.Delete(Path.ChangeExtension(demo.DatabasePath, null) + "-log.db");
        }
    }

    public static void EnsureBuilt(LiteDbStore store, CliContext c)
    {
        if (store.Read(s => s.Facilities.Count()) > 0)
        {
            return;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(c.Time.GetUtcNow(), c.Settings.TimeZone).DateTime);
        var options = new ImportOptions(c.Time);
        foreach (var (kind, csv) in DemoFacility.Build(today))
        {
            var result = Importer.ImportText(store, CsvKinds.Find(kind)!, csv, $"demo/{kind}.csv", Actor.System, options);
            if (result.Rejected)
            {
                throw new InvalidOperationException("the demo data does not import: " + result.Errors[0].Format(Lang.En));
            }
        }

        DemoHistory.Add(store, c.Settings.Policy, c.Time);
    }

    private static void PrintSummary(CliContext c)
    {
        var s = c.Connect(Channel.Cli).Execute(new GetDatabaseSummary());
        c.Io.Out.WriteLine(c.T("summary.title", c.Settings.DatabasePath));
        c.Io.Out.WriteLine(c.T("summary.facilities", s.Facilities, s.HomeFacility ?? "-"));
        c.Io.Out.WriteLine(c.T("summary.staff", s.OwnStaff, s.ExternalStaff, s.LeavingStaff));
        c.Io.Out.WriteLine(c.T("summary.patients", s.Patients, s.DischargedPatients));
        c.Io.Out.WriteLine(c.T("summary.groups", s.PatientGroups, s.FreeGroups, s.ArchivePendingGroups));
        c.Io.Out.WriteLine(c.T("summary.memberships", s.ActiveMemberships, s.InvitedMemberships));
        c.Io.Out.WriteLine(c.T("summary.devices", s.Devices, s.LostDevices));
        c.Io.Out.WriteLine(c.T("summary.actions", s.OpenActions));
        c.Io.Out.WriteLine(c.T("summary.audit", s.AuditEntries));
    }
}
