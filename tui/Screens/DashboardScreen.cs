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
internal sealed class DashboardScreen : Screen
{
    private readonly DueSummaryView _summary;
    private readonly TableView _table;
    private IReadOnlyList<DueFinding> _findings = [];

    public DashboardScreen(TuiContext context)
        : base(context)
    {
        _summary = new DueSummaryView(context) { X = 0, Y = 0 };
        _table = new TableView
        {
            X = 0,
            Y = Pos.Bottom(_summary),
            Width = Dim.Fill(),
            Height = Dim.Fill(),
            FullRowSelect = true,
            CollectionNavigator = null,
        };
        _table.Style.ShowHorizontalHeaderOverline = false;
        _table.Style.ShowHorizontalBottomLine = false;
        _table.Style.ExpandLastColumn = true;
        _table.KeyBindings.Add(Key.J, Command.Down);
        _table.KeyBindings.Add(Key.K, Command.Up);
        _table.KeyDown += (_, key) =>
        {
            if (key == Key.Enter && SelectedRow >= 0 && SelectedRow < _findings.Count)
            {
                key.Handled = true;
                OpenSubject(_findings[SelectedRow]);
            }
        };
        Add(_summary, _table);
    }

    public override string Crumb => T("dash.title");

    public override IReadOnlyList<KeyHelp> MoreHelp => [new("Enter", T("help.key.opensubject"))];

    /// <summary>The findings on screen, in table order.</summary>
    public IReadOnlyList<DueFinding> Findings => _findings;

    /// <summary>The row under the cursor, or -1.</summary>
    public int SelectedRow => _table.Value?.SelectedCell.Y ?? -1;

    /// <summary>Reads the due list again, keeping the cursor on the same row number.</summary>
    public override void Refresh()
    {
        var row = Math.Max(0, SelectedRow);
        _findings = Context.DueNow();
        _summary.SetFindings(_findings);
        _table.Table = BuildTable(_findings);
        SetColumnStyles();
        if (_findings.Count > 0)
        {
            _table.SetSelection(0, Math.Min(row, _findings.Count - 1), false, null);
        }

        _table.SetNeedsDraw();
        _table.SetFocus();
    }

    private void OpenSubject(DueFinding finding)
    {
        Shell.Open(Navigator.ForFinding(Context, finding));
    }

    private ITableSource BuildTable(IReadOnlyList<DueFinding> findings)
    {
        var t = Context;
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
        var t = Context;
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
