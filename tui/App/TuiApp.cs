using McsOps.Core;
using McsOps.Core.Application;
using McsOps.Tui.Cli;
using McsOps.Tui.Screens;
using Terminal.Gui.App;
using Terminal.Gui.Views;

namespace McsOps.Tui.App;

/// <summary>
/// <c>mcsops</c> on a terminal: opens the store as the command line does (holding the database
/// lock while the program runs) and runs the shell, starting on the dashboard, on a
/// Terminal.Gui application instance.
/// </summary>
internal static class TuiApp
{
    public static ExitCode Run(CliContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        using var store = c.OpenStore();
        var context = CreateContext(c, store);
        using IApplication app = Application.Create();
        app.Init();
        context.App = app;
        using var shell = new Shell(context, new DashboardScreen(context));
        var failures = 0;
        app.Run(shell, e => ++failures <= MaxFailures && ShowError(app, context, e));
        if (shell.IdleExpired)
        {
            c.Io.Stderr.WriteLine("mcsops: " + context.T("tui.idle.bye"));
        }

        return ExitCode.Ok;
    }

    /// <summary>Embedded mode: this process runs the operations, as the OS user at the terminal.</summary>
    internal static TuiContext CreateContext(CliContext c, Core.Storage.IStore store)
    {
        var actor = c.ResolveActor(store) with { Channel = Channel.Tui };
        var auditor = store.Read(s => s.Staff.FindByOsUser(Environment.UserName)) is { } staff
            && staff.Roles.HasFlag(StaffRoles.Auditor) && !staff.Roles.HasFlag(StaffRoles.Admin);
        var client = new LocalOpsClient(new Ops(store, c.Settings.Policy, c.Time), actor, auditor);
        return new TuiContext(client, c.Settings, c.Time);
    }

    /// <summary>After this many failures the program gives up and the command line reports the last one.</summary>
    private const int MaxFailures = 20;

    /// <summary>A failure inside the UI is shown in a dialog and the program keeps running.</summary>
    internal static bool ShowError(IApplication app, TuiContext context, Exception e)
    {
        var message = e is OpsException ops ? ops.Localize(context.Lang) : context.T("tui.error", e.GetType().Name, e.Message);
        MessageBox.ErrorQuery(app, context.T("tui.error.title"), message, context.T("help.close"));
        return true;
    }
}
