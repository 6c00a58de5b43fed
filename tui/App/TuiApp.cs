using McsOps.Core;
using McsOps.Tui.Cli;
using McsOps.Tui.Screens;
using Terminal.Gui.App;
using Terminal.Gui.Views;

namespace McsOps.Tui.App;

/// <summary>
/// <c>mcsops</c> on a terminal: connects as the command line does (to the service, or holding the
/// database lock while the program runs) and runs the shell, starting on the dashboard, on a
/// Terminal.Gui application instance.
/// </summary>
internal static class TuiApp
{
    public static ExitCode Run(CliContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        // The database is opened (or the service reached) and what the first screen shows is read
        // while Terminal.Gui starts: most of the first paint. A failure to open (exit 4: locked)
        // surfaces here, after the terminal is given back.
        var opening = Task.Run(() => new TuiContext(c.Connect(Channel.Tui), c.Settings, c.Time));
        var first = Task.Run(async () => DashboardScreen.Read(await opening.ConfigureAwait(false)));
        using IApplication app = Application.Create();
        app.Init();
        var context = opening.GetAwaiter().GetResult();
        context.App = app;
        using var shell = new Shell(context, new DashboardScreen(context, first));
        var failures = 0;
        app.Run(shell, e => ++failures <= MaxFailures && ShowError(app, context, e));
        if (shell.IdleExpired)
        {
            c.Io.Stderr.WriteLine("mcsops: " + context.T("tui.idle.bye"));
        }

        return ExitCode.Ok;
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
