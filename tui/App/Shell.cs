using McsOps.Tui.Screens;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace McsOps.Tui.App;

/// <summary>
/// The program's one window: the stack of open screens (the top one shown), the breadcrumb in
/// the title (<c>McsOps › ダッシュボード › グループ › G-0042</c>), the status bar with the current
/// screen's keys, and the keys every screen shares: <c>?</c> help, <c>:</c> command palette,
/// <c>r</c> refresh, Esc back one level (never quits), <c>q</c>/Ctrl+Q quit.
/// </summary>
internal sealed class Shell : Window
{
    private static readonly Key HelpKey = new('?');
    private static readonly Key PaletteKey = new(':');
    private readonly List<Screen> _stack = [];
    private readonly View _host;
    private readonly StatusBar _status;
    private readonly Label _banner;
    private readonly IdleWatch _idle;
    private readonly LiveRefresh? _live;

    public Shell(TuiContext context, Screen first)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(first);
        Context = context;
        _host = new View { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(1), CanFocus = true };
        _status = new StatusBar();
        _banner = new Label { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Height = 1, Visible = false, Text = context.T("tui.idle.warning") };
        _banner.SetScheme(new Scheme(new Terminal.Gui.Drawing.Attribute(new Color(ColorName16.White), new Color(ColorName16.Red))));
        Add(_host, _status, _banner);
        _idle = new IdleWatch(context.App, TimeSpan.FromMinutes(context.Settings.IdleTimeoutMinutes), ShowIdleWarning, ExpireSession);

        AddCommand(Command.Quit, () =>
        {
            Quit();
            return true;
        });
        AddCommand(Command.Refresh, () =>
        {
            RefreshCurrent();
            return true;
        });
        AddCommand(Command.Context, () =>
        {
            ShowHelp();
            return true;
        });
        AddCommand(Command.Edit, () =>
        {
            ShowPalette();
            return true;
        });
        KeyBindings.Add(Key.Q, Command.Quit);
        KeyBindings.Add(Key.Q.WithCtrl, Command.Quit);
        KeyBindings.Add(Key.R, Command.Refresh);
        KeyBindings.Add(HelpKey, Command.Context);
        KeyBindings.Add(PaletteKey, Command.Edit);
        Push(first);
        if (context.Client is Core.Application.RemoteOpsClient remote)
        {
            _live = new LiveRefresh(context.App, remote.ChangeCounter, remote.WaitForChangeAsync, RefreshUnlessADialogIsOpen);
        }
    }

    public TuiContext Context { get; }

    public Screen Current => _stack[^1];

    public IReadOnlyList<Screen> Stack => _stack;

    /// <summary>True once q or Ctrl+Q asked to leave; nothing else ends the program from here.</summary>
    public bool QuitRequested { get; private set; }

    /// <summary>The live refresh in remote mode; null in embedded mode, where no one else can write.</summary>
    internal LiveRefresh? Live => _live;

    /// <summary>True when the program ended because nobody touched it (the idle timeout).</summary>
    public bool IdleExpired => _idle.Expired;

    /// <summary>True while the one-minute idle warning shows.</summary>
    public bool IdleWarning => _banner.Visible;

    /// <summary>The last message shown with <see cref="Notify"/> (kept for the tests and the log).</summary>
    public string? LastNotice { get; private set; }

    /// <summary>The keys every screen shares, as the help lists them after the screen's own.</summary>
    public IReadOnlyList<KeyHelp> SharedKeys =>
    [
        new("?", Context.T("help.key.help")),
        new(":", Context.T("help.key.palette")),
        new("j / ↓", Context.T("help.key.down")),
        new("k / ↑", Context.T("help.key.up")),
        new("PgDn / PgUp", Context.T("help.key.page")),
        new("r", Context.T("help.key.refresh")),
        new("Esc", Context.T("help.key.esc")),
        new("q / Ctrl+Q", Context.T("help.key.quit")),
    ];

    /// <summary>Every key of the current screen: its own, then the shared ones.</summary>
    public IReadOnlyList<KeyHelp> KeysHelp =>
    [
        .. Current.ScreenKeys.Select(k => new KeyHelp(k.Key.ToString(), k.Help)),
        .. Current.MoreHelp,
        .. SharedKeys,
    ];

    /// <summary>
    /// Opens a screen on top of the current one. Its data is read first: when that fails (an
    /// unknown code typed in the palette), the message is shown and the current screen stays.
    /// </summary>
    public void Push(Screen screen)
    {
        ArgumentNullException.ThrowIfNull(screen);
        screen.Shell = this;
        try
        {
            screen.Refresh();
        }
        catch (Core.OpsException e)
        {
            screen.Dispose();
            Notify(e.Localize(Context.Lang));
            return;
        }

        if (_stack.Count > 0)
        {
            _host.Remove(Current);
        }

        _stack.Add(screen);
        _host.Add(screen);
        Show(screen);
    }

    /// <summary>
    /// Goes to a screen from the first one (what the command palette does); a screen of the first
    /// one's kind goes back to the first screen itself.
    /// </summary>
    public void Jump(Screen screen)
    {
        ArgumentNullException.ThrowIfNull(screen);
        while (_stack.Count > 1)
        {
            Close();
        }

        if (screen.GetType() == Current.GetType())
        {
            screen.Dispose();
            Current.Refresh();
            Show(Current);
            return;
        }

        Push(screen);
    }

    /// <summary>Esc: the screen's own step back first, then the previous screen; never quits.</summary>
    public void Back()
    {
        if (!Current.Back() && _stack.Count > 1)
        {
            Close();
            Current.Refresh();
            Show(Current);
        }
    }

    /// <summary>Pushes the screen when there is one (a navigation target may not exist).</summary>
    public void Open(Screen? screen)
    {
        if (screen is not null)
        {
            Push(screen);
        }
    }

    public void RefreshCurrent() => Current.Refresh();

    /// <summary>The live refresh's step: the current screen re-read, unless a dialog is open on top of it.</summary>
    private bool RefreshUnlessADialogIsOpen()
    {
        if (Context.App.TopRunnableView != this)
        {
            return false;
        }

        RefreshCurrent();
        return true;
    }

    /// <summary>Shows a short message in a dialog (Enter or Esc closes it).</summary>
    public void Notify(string message)
    {
        LastNotice = message;
        MessageBox.Query(Context.App, Context.T("tui.notice.title"), message, Context.T("help.close"));
    }

    public void ShowHelp()
    {
        using var help = new HelpDialog(Context, Current.Crumb, KeysHelp);
        Context.App.Run(help);
    }

    public void ShowPalette()
    {
        using var palette = new CommandPalette(Context);
        Context.App.Run(palette);
        if (palette.QuitChosen)
        {
            Quit();
        }
        else if (palette.Chosen is { } screen)
        {
            Jump(screen);
        }
    }

    public void Quit()
    {
        QuitRequested = true;
        RequestStop();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _idle.Dispose();
            _live?.Dispose();
        }

        base.Dispose(disposing);
    }

    private void ShowIdleWarning(bool show)
    {
        _banner.Visible = show;
        SetNeedsDraw();
    }

    /// <summary>The idle timeout: audit the end, clear the screen, and close every dialog and the shell.</summary>
    private void ExpireSession()
    {
        Context.Run(new Core.RecordSessionEnd("idle"));
        RemoveAll();
        Title = "";
        Context.App.Driver?.ClearContents();
        Context.App.Iteration += (_, _) => Context.App.RequestStop(Context.App.TopRunnable);
        Context.App.RequestStop(Context.App.TopRunnable);
        QuitRequested = true;
    }

    protected override bool OnKeyDown(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);

        // Esc is bound to Quit for the whole application; here it goes back one level instead.
        // Dialogs on top still close with Esc.
        if (key == Key.Esc)
        {
            Back();
            return true;
        }

        return base.OnKeyDown(key);
    }

    private void Close()
    {
        var top = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        _host.Remove(top);
        top.Dispose();
        _host.Add(Current);
    }

    private void Show(Screen screen)
    {
        Title = string.Join(" › ", [Context.T("app.name"), .. _stack.Select(s => s.Crumb)]);
        _status.RemoveAll();
        foreach (var k in screen.ScreenKeys.Where(k => !k.Changes || !Context.ReadOnly).Take(6))
        {
            _status.Add(new Shortcut(k.Key, k.Label, k.Action));
        }

        _status.Add(new Shortcut(HelpKey, Context.T("key.help"), ShowHelp));
        _status.Add(new Shortcut(Key.Q, Context.T("key.quit"), Quit));
        screen.SetFocus();
        SetNeedsLayout();
        SetNeedsDraw();
    }
}
