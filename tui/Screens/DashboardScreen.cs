using System.Globalization;
using McsOps.Core;
using McsOps.Tui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace McsOps.Tui.Screens;

/// <summary>
/// ダッシュボード, the first screen: the due list grouped by category with counts by severity,
/// and the findings themselves (category, severity, subject code, due date, owner). Subjects are
/// codes: no patient's name is ever shown here.
/// </summary>
internal sealed class DashboardScreen : Window
{
    private static readonly Key HelpKey = new('?');
    private readonly TuiContext _context;
    private readonly DueSummaryView _summary;
    private readonly TableView _table;
    private IReadOnlyList<DueFinding> _findings = [];

    public DashboardScreen(TuiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        Title = $"{context.T("app.name")} › {context.T("dash.title")}";

        _summary = new DueSummaryView(context) { X = 0, Y = 0 };
        _table = new TableView
        {
            X = 0,
            Y = Pos.Bottom(_summary),
            Width = Dim.Fill(),
            Height = Dim.Fill(1),
            FullRowSelect = true,
            CollectionNavigator = null,
        };
        _table.Style.ShowHorizontalHeaderOverline = false;
        _table.Style.ShowHorizontalBottomLine = false;
        _table.Style.ExpandLastColumn = true;
        _table.KeyBindings.Add(Key.J, Command.Down);
        _table.KeyBindings.Add(Key.K, Command.Up);

        var statusBar = new StatusBar(
        [
            new Shortcut(Key.Q, context.T("key.quit"), Quit),
            new Shortcut(HelpKey, context.T("key.help"), ShowHelp),
            new Shortcut(Key.R, context.T("key.refresh"), Refresh),
            new Shortcut(Key.Empty, "j/k ↑↓ " + context.T("key.move"), null),
        ]);
        Add(_summary, _table, statusBar);

        AddCommand(Command.Quit, () =>
        {
            Quit();
            return true;
        });
        AddCommand(Command.Refresh, () =>
        {
            Refresh();
            return true;
        });
        AddCommand(Command.Context, () =>
        {
            ShowHelp();
            return true;
        });
        KeyBindings.Add(Key.Q, Command.Quit);
        KeyBindings.Add(Key.Q.WithCtrl, Command.Quit);
        KeyBindings.Add(Key.R, Command.Refresh);
        KeyBindings.Add(HelpKey, Command.Context);

        Refresh();
        _table.SetFocus();
    }

    /// <summary>The findings on screen, in table order.</summary>
    public IReadOnlyList<DueFinding> Findings => _findings;

    /// <summary>The row under the cursor, or -1.</summary>
    public int SelectedRow => _table.Value?.SelectedCell.Y ?? -1;

    /// <summary>True once q or Ctrl+Q asked to leave; nothing else ends the program from here.</summary>
    public bool QuitRequested { get; private set; }

    /// <summary>The keys of this screen, as the help dialog lists them.</summary>
    public IReadOnlyList<KeyHelp> KeysHelp =>
    [
        new("?", _context.T("help.key.help")),
        new("j / ↓", _context.T("help.key.down")),
        new("k / ↑", _context.T("help.key.up")),
        new("PgDn / PgUp", _context.T("help.key.page")),
        new("r", _context.T("help.key.refresh")),
        new("Esc", _context.T("help.key.esc")),
        new("q / Ctrl+Q", _context.T("help.key.quit")),
    ];

    /// <summary>Reads the due list again, keeping the cursor on the same row number.</summary>
    public void Refresh()
    {
        var row = Math.Max(0, SelectedRow);
        _findings = _context.DueNow();
        _summary.SetFindings(_findings);
        _table.Table = BuildTable(_findings);
        SetColumnStyles();
        if (_findings.Count > 0)
        {
            _table.SetSelection(0, Math.Min(row, _findings.Count - 1), false, null);
        }

        _table.SetNeedsDraw();
    }

    protected override bool OnKeyDown(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);

        // Esc is bound to Quit for the whole application: on the first screen it goes back
        // nowhere, so it is swallowed here. Dialogs on top still close with Esc.
        if (key == Key.Esc)
        {
            return true;
        }

        return base.OnKeyDown(key);
    }

    private void Quit()
    {
        QuitRequested = true;
        RequestStop();
    }

    private void ShowHelp()
    {
        using var help = new HelpDialog(_context, _context.T("dash.title"), KeysHelp);
        App?.Run(help);
    }

    private ITableSource BuildTable(IReadOnlyList<DueFinding> findings)
    {
        var t = _context;
        return new EnumerableTableSource<DueFinding>(findings, new Dictionary<string, Func<DueFinding, object>>
        {
            [t.T("due.h.category")] = f => t.T("category." + Tokens.Format(f.Category)),
            [t.T("due.h.severity")] = f => t.T("severity." + Tokens.Format(f.Severity)),
            [t.T("due.h.subject")] = f => f.Subject,
            [t.T("due.h.due")] = f => f.Due?.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture) ?? "-",
            [t.T("due.h.owner")] = f => f.Owner?.Value ?? t.T("due.admins"),
        });
    }

    /// <summary>
    /// Fixed minimum widths so that columns do not jump while scrolling (TableView sizes columns
    /// from the visible rows), and the severity in its colour.
    /// </summary>
    private void SetColumnStyles()
    {
        var t = _context;
        var categoryWidth = Enum.GetValues<DueCategory>().Max(c => Columns(t.T("category." + Tokens.Format(c))));
        var severityWidth = Enum.GetValues<Severity>().Max(s => Columns(t.T("severity." + Tokens.Format(s))));
        _table.Style.GetOrCreateColumnStyle(0).MinWidth = categoryWidth;
        var severity = _table.Style.GetOrCreateColumnStyle(1);
        severity.MinWidth = severityWidth;
        severity.ColorGetter = args =>
        {
            var finding = _findings[args.RowIndex];
            return SeverityColors.Foreground(finding.Severity) is null
                ? null
                : new Scheme(SeverityColors.On(finding.Severity, args.RowScheme.Normal));
        };
        _table.Style.GetOrCreateColumnStyle(2).MinWidth = 6;
        _table.Style.GetOrCreateColumnStyle(3).MinWidth = 10;
    }

    private static int Columns(string s) => Terminal.Gui.Text.StringExtensions.GetColumns(s, true);
}
