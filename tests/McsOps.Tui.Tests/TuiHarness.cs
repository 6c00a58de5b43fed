using System.Text;
using McsOps.Core.Configuration;
using McsOps.Core.Storage.LiteDb;
using McsOps.Tui.App;
using McsOps.Tui.Cli;
using McsOps.Tui.Screens;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Text;
using Terminal.Gui.Time;

namespace McsOps.Tui.Tests;

/// <summary>
/// The dashboard on the demo facility, headless: Terminal.Gui's ANSI driver at a fixed screen
/// size, virtual time, keys through input injection, the screen read back cell by cell.
/// </summary>
internal sealed class TuiHarness : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly LiteDbStore _store;
    private readonly IApplication _app;
    private readonly SessionToken? _session;
    private readonly Timer _watchdog;

    public TuiHarness(int width = 80, int height = 24, string lang = "ja", bool auditor = false)
    {
        _cli.Run("demo").Code.Should().Be(0);
        var overrides = new Dictionary<string, string?> { ["McsOps:DataDirectory"] = _cli.DataDir, ["McsOps:Language"] = lang };
        var settings = Settings.Load(Settings.Build(overrides, etcFile: null));
        using var stdout = new MemoryStream();
        var cli = new CliContext(DemoVerb.DemoSettings(settings), _cli.Time, new CliIo(stdout, TextWriter.Null, false, false), ParsedArgs.Parse([])) { IsDemo = true };
        _store = cli.OpenStore();
        if (auditor)
        {
            MakeMeAnAuditor(_store);
        }

        Context = new TuiContext(cli.Embedded(_store, McsOps.Core.Channel.Tui), cli.Settings, cli.Time);

        _app = Application.Create(Clock);
        _app.Init(DriverRegistry.Names.ANSI);
        _app.Driver!.SetScreenSize(width, height);
        Context.App = _app;
        Dashboard = new DashboardScreen(Context);
        Shell = new Shell(Context, Dashboard);
        _session = _app.Begin(Shell);
        _app.Iteration += (_, _) => RunStep();
        _watchdog = new Timer(Watch, null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
        Draw();
    }

    public TuiContext Context { get; }

    /// <summary>Maps the OS user running the tests to a staff member with the auditor role only.</summary>
    private static void MakeMeAnAuditor(LiteDbStore store) => store.Write(s =>
    {
        var staff = s.Staff.All().First(x => x.Roles == McsOps.Core.StaffRoles.None && x.Status == McsOps.Core.StaffStatus.Active);
        s.Staff.Upsert(staff with { Roles = McsOps.Core.StaffRoles.Auditor, OsUser = Environment.UserName });
        return 0;
    });

    public LiteDbStore Store => _store;

    /// <summary>The UI's clock: advancing it runs the application's timers.</summary>
    public VirtualTimeProvider Clock { get; } = new();

    public Shell Shell { get; }

    public DashboardScreen Dashboard { get; }

    public IApplication App => _app;

    public void Press(Key key)
    {
        _app.InjectKey(key);
        Draw();
    }

    public void Draw() => _app.LayoutAndDraw(true);

    /// <summary>Lets time pass with no input, a second at a time, running the timers as the main loop does.</summary>
    public void Wait(TimeSpan span)
    {
        for (var left = span; left > TimeSpan.Zero; left -= TimeSpan.FromSeconds(1))
        {
            Clock.Advance(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
            _app.TimedEvents!.RunTimers();
        }

        Draw();
    }

    /// <summary>Types text, one key per character, as a person (or tmux) does.</summary>
    public void Type(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            _app.InjectKey(new Key(rune.Value));
        }

        Draw();
    }

    /// <summary>
    /// What to do with the next modal dialogs, in order: each step runs once, inside the dialog's own
    /// loop, when a dialog it has not seen is on top (the screen is drawn first so that it can be read).
    /// </summary>
    public void ThenInDialogs(params Action<TuiHarness, Terminal.Gui.ViewBase.View>[] steps)
    {
        foreach (var step in steps)
        {
            _steps.Enqueue(step);
        }
    }

    /// <summary>The screens of the dialogs seen by the steps, as text, in order.</summary>
    public IReadOnlyList<string> DialogScreens => _dialogScreens;

    public int PendingSteps => _steps.Count;

    private readonly Queue<Action<TuiHarness, Terminal.Gui.ViewBase.View>> _steps = new();
    private readonly HashSet<object> _seen = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> _dialogScreens = [];

    /// <summary>
    /// A dialog left open with nothing more to do blocks its loop waiting for input: after a few
    /// seconds the watchdog closes it from another thread, so that a test fails on its assertions
    /// instead of hanging the run.
    /// </summary>
    private void Watch(object? state)
    {
        if (_app.TopRunnableView is Terminal.Gui.Views.Dialog top && top == _watched && _seen.Contains(top))
        {
            StuckDialogs++;
            _app.Invoke(() => top.RequestStop());
        }

        _watched = _app.TopRunnableView as Terminal.Gui.Views.Dialog;
    }

    private Terminal.Gui.Views.Dialog? _watched;

    /// <summary>How many dialogs the watchdog had to close.</summary>
    public int StuckDialogs { get; private set; }

    private void RunStep()
    {
        if (_app.TopRunnableView is { } top && top is not McsOps.Tui.App.Shell && _seen.Add(top))
        {
            Draw();
            _dialogScreens.Add(Text());
            if (_steps.TryDequeue(out var step))
            {
                step(this, top);
            }
            else
            {
                // A dialog nobody expected: close it so that the test fails on its assertions, not by hanging.
                _app.InjectKey(Key.Esc);
            }
        }
    }

    /// <summary>The screen as text, one string per row; a double-width character fills its two cells.</summary>
    public IReadOnlyList<string> Lines()
    {
        var contents = _app.Driver!.Contents!;
        var lines = new List<string>();
        for (var y = 0; y < contents.GetLength(0); y++)
        {
            var sb = new StringBuilder();
            for (var x = 0; x < contents.GetLength(1); x++)
            {
                var g = contents[y, x].Grapheme;
                sb.Append(string.IsNullOrEmpty(g) ? " " : g);
                if (!string.IsNullOrEmpty(g) && g.GetColumns() == 2)
                {
                    x++;
                }
            }

            lines.Add(sb.ToString());
        }

        return lines;
    }

    public string Text() => string.Join("\n", Lines());

    /// <summary>The grapheme in one cell (the left cell of a double-width character holds it).</summary>
    public string Cell(int x, int y) => _app.Driver!.Contents![y, x].Grapheme;

    /// <summary>Finds the cell where <paramref name="text"/> first (or last) starts, counting display columns.</summary>
    public (int X, int Y)? Find(string text, bool last = false)
    {
        var lines = Lines();
        foreach (var y in last ? Enumerable.Range(0, lines.Count).Reverse() : Enumerable.Range(0, lines.Count))
        {
            var i = lines[y].IndexOf(text, StringComparison.Ordinal);
            if (i >= 0)
            {
                return (lines[y][..i].GetColumns(), y);
            }
        }

        return null;
    }

    public Terminal.Gui.Drawing.Attribute? AttributeAt(int x, int y) => _app.Driver!.Contents![y, x].Attribute;

    public void Dispose()
    {
        _watchdog.Dispose();
        if (_session is not null)
        {
            _app.End(_session);
        }

        Shell.Dispose();
        _app.Dispose();
        _store.Dispose();
        _cli.Dispose();
    }
}
