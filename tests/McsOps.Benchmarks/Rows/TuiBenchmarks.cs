using System.Diagnostics;
using McsOps.Benchmarks.Harness;
using McsOps.Core;
using McsOps.Core.Application;
using McsOps.Core.Configuration;
using McsOps.Tui.App;
using McsOps.Tui.Screens;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;

namespace McsOps.Benchmarks.Rows;

/// <summary>
/// <c>tui.first_paint</c>: from starting the real <c>mcsops</c> process in tmux (100×30,
/// xterm-256color) on a copy of the imported store to the dashboard's total line on the screen,
/// polled with <c>tmux capture-pane</c> every 10 ms. The binary is the one a facility server runs:
/// published ReadyToRun (README, "Running on the facility server") into <c>.bench/mcsops-r2r</c>
/// from the current sources — a JIT-only build spends about a second compiling before it paints.
/// </summary>
internal sealed class TuiFirstPaintBenchmark : IBenchmark
{
    public string Name => "tui.first_paint";

    public string Target(ScaleProfile scale) => "≤ 1.0 s";

    public Outcome Run(BenchmarkContext context)
    {
        var mcsops = Publish(context);
        var dir = context.CopyOfImported();
        var samples = Measure.Repeat(1, 5, _ =>
        {
            using var tmux = new Tmux(100, 30);
            var clock = Stopwatch.StartNew();
            tmux.Start($"env TERM=xterm-256color '{mcsops}' --embedded --data-dir '{dir}'");
            while (!tmux.Capture().Contains("合計", StringComparison.Ordinal))
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException("no dashboard after 60 s:\n" + tmux.Capture());
                }

                Thread.Sleep(10);
            }

            var elapsed = clock.Elapsed;
            tmux.Keys("q");
            tmux.WaitExit();
            return elapsed;
        }, m => context.Log("tui.first_paint: " + m));
        context.Delete(dir);
        var note = $"{Figures.Runs(samples, 1)}, process start to the dashboard's total line (start-up, store open, due list, first frame), published ReadyToRun"
                   + Figures.Miss(samples.MedianMs, 1_000);
        return Outcome.Timed(samples, "s", samples.MedianMs <= 1_000, note);
    }

    /// <summary>Publishes mcsops ReadyToRun for this machine's runtime; returns the apphost's path.</summary>
    private static string Publish(BenchmarkContext context)
    {
        var repo = McsOps.Benchmarks.Run.RepoRoot.Find() ?? throw new InvalidOperationException("tui.first_paint publishes mcsops: run it from a clone");
        var output = Path.Combine(repo, ".bench", "mcsops-r2r");
        context.Log("tui.first_paint: publishing mcsops ReadyToRun (set-up, not timed)");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "publish", Path.Combine(repo, "tui"), "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", output })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 ? Path.Combine(output, "mcsops") : throw new InvalidOperationException("dotnet publish failed: " + stdout + stderr.Result);
    }
}

/// <summary>
/// <c>tui.filter</c>: the groups screen on the imported store, headless (Terminal.Gui's ANSI driver,
/// 100×30); one sample is one keystroke in the <c>/</c> filter — typing a code, a kana name, then
/// erasing them — including the redraw that the main loop does after it (layout and draw of what changed).
/// </summary>
internal sealed class TuiFilterBenchmark : IBenchmark
{
    public string Name => "tui.filter";

    public string Target(ScaleProfile scale) => "≤ 50 ms";

    public Outcome Run(BenchmarkContext context)
    {
        var dir = context.ImportedDataDirectory();
        var settings = Settings.Load(Settings.Build(new Dictionary<string, string?> { ["McsOps:DataDirectory"] = dir }, etcFile: null));
        using var store = context.OpenStore(dir);
        var tui = new TuiContext(new LocalOpsClient(new Ops(store, settings.Policy, context.Time), Actor.System, readOnly: false), settings, context.Time);
        using var app = Application.Create(new VirtualTimeProvider());
        app.Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(100, 30);
        tui.App = app;
        var load = Stopwatch.StartNew();
        using var groups = new GroupsScreen(tui);
        using var shell = new Shell(tui, groups);
        var session = app.Begin(shell);
        app.LayoutAndDraw(true);
        load.Stop();
        app.InjectKey(new Key('/'));

        string[] terms = ["G-01", "やまだ", "保管待ち"];
        var keys = terms.SelectMany(t => t.Select(c => new Key(c)).Concat(t.Select(_ => Key.Backspace))).ToList();
        var shown = new List<int>();
        var samples = Measure.Repeat(0, keys.Count, i => Measure.Time(() =>
        {
            app.InjectKey(keys[i]);
            app.LayoutAndDraw(false);
            shown.Add(groups.Shown.Count);
        }));
        app.End(session!);
        var note = $"{samples.Count} keystrokes over {groups.Total:N0} groups (\"{string.Join("\", \"", terms)}\" typed and erased; rows shown {shown.Min():N0}–{shown.Max():N0}); "
                   + $"loading the screen took {load.Elapsed.TotalMilliseconds:N0} ms" + Figures.Miss(samples.MedianMs, 50);
        return Outcome.Timed(samples, "ms", samples.MedianMs <= 50, note, withP99: true);
    }
}

/// <summary>A detached tmux server of its own (<c>tmux -S</c>), killed on dispose.</summary>
internal sealed class Tmux(int width, int height) : IDisposable
{
    private readonly string _socket = Path.Combine(Path.GetTempPath(), "mcsops-bench-tmux-" + Guid.NewGuid().ToString("N")[..12]);

    public void Start(string command) => Run("new-session", "-d", "-s", "b", "-x", $"{width}", "-y", $"{height}", command + "; echo exited; sleep 30");

    public void Keys(string keys) => Run("send-keys", "-t", "b", keys);

    public string Capture() => Run("capture-pane", "-p", "-t", "b");

    public void WaitExit()
    {
        var clock = Stopwatch.StartNew();
        while (!Capture().Contains("exited", StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            Thread.Sleep(20);
        }
    }

    public void Dispose()
    {
        try
        {
            Run("kill-server");
        }
        catch (InvalidOperationException)
        {
        }

        File.Delete(_socket);
    }

    private string Run(params string[] args)
    {
        var psi = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-S");
        psi.ArgumentList.Add(_socket);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 ? output : throw new InvalidOperationException($"tmux {args[0]} exited {p.ExitCode}: {p.StandardError.ReadToEnd()}");
    }
}
