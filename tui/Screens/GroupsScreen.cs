using McsOps.Core;
using McsOps.Tui.App;

namespace McsOps.Tui.Screens;

/// <summary>
/// グループ: every group, with the patient's name and kana (this screen is the TUI: personal data is
/// shown here, and the admin finds a group by the name the patient goes by). The filter also matches
/// the kind, the status and 精査中 / 期限切れ, so "保管待ち" or "期限切れ" narrows the list as a code does.
/// </summary>
internal sealed class GroupsScreen(TuiContext context) : TableScreen<GroupRow>(context)
{
    public override string Crumb => T("groups.title");

    protected override IReadOnlyList<Column> Columns() =>
    [
        new(T("groups.h.code"), r => r.Group.Code.Value, 7),
        new(T("groups.h.patient"), r => r.PatientName ?? r.Group.McsName, 12),
        new(T("groups.h.kana"), r => r.PatientKana ?? "", 12),
        new(T("groups.h.kind"), r => Context.L(r.Group.Kind), Column.WidthOf(Enum.GetValues<GroupKind>().Select(k => Context.L(k)))),
        new(T("groups.h.status"), r => Context.L(r.Group.Status), Column.WidthOf(Enum.GetValues<GroupStatus>().Select(k => Context.L(k)))),
        new(T("groups.h.members"), r => r.ActiveMembers.ToString(System.Globalization.CultureInfo.InvariantCulture), 4),
        new(T("groups.h.review"), ReviewCell, 10, ReviewSeverity),
        new(T("groups.h.owner"), r => r.OwnerName ?? "-"),
    ];

    protected override IReadOnlyList<GroupRow> Load() => Context.Run(new ListGroups());

    protected override string RowId(GroupRow row) => row.Group.Code.Value;

    protected override string Search(GroupRow row) => SearchKey.Of(
        row.Group.Code.Value,
        row.Group.Patient?.Value,
        row.Group.McsName,
        row.PatientName,
        row.PatientKana,
        row.OwnerName,
        Context.L(row.Group.Kind),
        Context.L(row.Group.Status),
        row.OpenReviewDue is null ? null : T("groups.reviewing"),
        ReviewSeverity(row) == Severity.Overdue ? T("severity.overdue") : null,
        row.ConsentFinding is null ? null : T("groups.consentfinding"));

    protected override void Open(GroupRow row) => Shell.Push(new GroupDetailScreen(Context, row.Group.Code));

    private string ReviewCell(GroupRow row) => row.OpenReviewDue is { } due ? T("groups.review.due", TuiContext.D(due)) : "";

    private Severity? ReviewSeverity(GroupRow row) => row.OpenReviewDue is { } due ? Context.SeverityOf(due) : null;
}
