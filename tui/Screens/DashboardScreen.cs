using System.Globalization;
using McsOps.Core;
using McsOps.Tui.App;
using Terminal.Gui.Input;

namespace McsOps.Tui.Screens;

/// <summary>
/// ダッシュボード, the first screen: the due list grouped by category with counts by severity,
/// and the findings themselves (category, severity, subject code, due date, owner), filterable
/// like every list. Subjects are codes: no patient's name is ever shown here. Enter opens the
/// subject of a finding. When the chat dispatcher gave up on messages, a line above the findings
/// says how many, and <c>D</c> lists them (<see cref="DeadLettersScreen"/>) to retry them.
/// </summary>
internal sealed class DashboardScreen : TableScreen<DueFinding>
{
    private readonly DueSummaryView _summary;
    private Task<DashboardData>? _first;
    private DashboardData? _data;

    /// <param name="first">What the first load shows, already being read (at start); later loads read it again.</param>
    public DashboardScreen(TuiContext context, Task<DashboardData>? first = null)
        : this(context, new DueSummaryView(context) { X = 0, Y = 0 }) => _first = first;

    private DashboardScreen(TuiContext context, DueSummaryView summary)
        : base(context, above: summary)
    {
        _summary = summary;
        Bind(Key.D.WithShift, T("dash.short.dead"), T("dash.key.dead"), () => Shell.Open(new DeadLettersScreen(Context)));
    }

    /// <summary>How many outbox messages the dispatcher gave up on, as of the last refresh (shown above the findings when any).</summary>
    public int DeadLetters { get; private set; }

    public override string Crumb => T("dash.title");

    protected override string? EnterHelp => T("help.key.opensubject");

    /// <summary>The findings on screen, in table order.</summary>
    public IReadOnlyList<DueFinding> Findings => Shown;

    protected override IReadOnlyList<Column> Columns() =>
    [
        new(T("due.h.category"), f => T("category." + Tokens.Format(f.Category)), Column.WidthOf(Enum.GetValues<DueCategory>().Select(c => T("category." + Tokens.Format(c))))),
        new(T("due.h.severity"), f => T("severity." + Tokens.Format(f.Severity)), Column.WidthOf(Enum.GetValues<Severity>().Select(s => T("severity." + Tokens.Format(s)))), f => f.Severity),
        new(T("due.h.subject"), f => f.Subject, 6),
        new(T("due.h.due"), f => f.Due?.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture) ?? "-", 10),
        new(T("due.h.owner"), f => f.Owner?.Value ?? T("due.admins")),
    ];

    /// <summary>Everything the dashboard reads, at once (at start, while Terminal.Gui starts).</summary>
    public static DashboardData Read(TuiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new(context.DueNow(), context.Run(new ListDeadMessages()).Count, context.Run(new GetLastBackup()));
    }

    public override void Refresh()
    {
        _data = _first?.GetAwaiter().GetResult() ?? Read(Context);
        _first = null;
        base.Refresh();
    }

    protected override string HeaderText()
    {
        DeadLetters = _data!.DeadLetters;
        var backup = _data.LastBackup is not { } last ? T("dash.backup.none")
            : T(last.Ok ? "dash.backup.ok" : "dash.backup.failed", Context.At(last.At));
        return DeadLetters > 0 ? backup + "\n" + T("dash.dead", DeadLetters) : backup;
    }

    protected override IReadOnlyList<DueFinding> Load()
    {
        var findings = _data!.Findings;
        var policy = Context.Settings.Policy;
        _summary.NextReviews = new McsOps.Core.Scheduling.Schedule(policy.ReviewSchedule, policy.Zone).Next(Context.Time.GetUtcNow());
        _summary.SetFindings(findings);
        return findings;
    }

    protected override string RowId(DueFinding row) => $"{row.Category}|{row.Kind}|{row.Subject}|{row.Due}";

    protected override string Search(DueFinding row) => SearchKey.Of(
        row.Subject, row.Owner?.Value, row.Kind, T("category." + Tokens.Format(row.Category)), T("severity." + Tokens.Format(row.Severity)));

    protected override void Open(DueFinding row) => Shell.Open(Navigator.ForFinding(Context, row));
}

/// <summary>What the dashboard shows: the due list, how many outbox messages are dead, the last backup.</summary>
internal sealed record DashboardData(IReadOnlyList<DueFinding> Findings, int DeadLetters, BackupRecord? LastBackup);
