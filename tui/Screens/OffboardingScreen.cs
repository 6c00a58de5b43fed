using McsOps.Core;
using McsOps.Tui.App;

namespace McsOps.Tui.Screens;

/// <summary>
/// 退職・異動時チェックリスト: every leaver's checklist, the open ones first (the last day in its
/// severity's colour while items are open), with open / total items and the sign-off. Enter opens
/// the checklist.
/// </summary>
internal sealed class OffboardingScreen(TuiContext context) : TableScreen<ChecklistRow>(context)
{
    public override string Crumb => T("offb.title");

    protected override IReadOnlyList<Column> Columns() =>
    [
        new(T("offb.h.staff"), r => r.Checklist.Staff.Value, 7),
        new(T("offb.h.name"), r => r.Staff?.Name ?? "-", 10),
        new(T("offb.h.lastday"), r => TuiContext.D(r.Checklist.LastDay), 10, LastDaySeverity),
        new(T("offb.h.open"), r => T("offb.open", OpenItems(r), r.Checklist.Items.Count), 5),
        new(T("offb.h.signedoff"), r => r.Checklist.IsOpen ? T("offb.notsigned") : T("offb.signed", Context.At(r.Checklist.SignedOffAt), r.Checklist.SignedOffBy ?? "")),
    ];

    protected override IReadOnlyList<ChecklistRow> Load() => Context.Run(new ListChecklists());

    protected override string RowId(ChecklistRow row) => row.Checklist.Staff.Value;

    protected override string Search(ChecklistRow row) => SearchKey.Of(
        row.Checklist.Staff.Value, row.Staff?.Name, row.Staff?.Kana, row.Checklist.IsOpen ? T("offb.notsigned") : T("offb.signedword"));

    protected override void Open(ChecklistRow row) => Shell.Push(new ChecklistScreen(Context, row.Checklist.Staff));

    private static int OpenItems(ChecklistRow row) => row.Checklist.Items.Count(i => !i.IsDone);

    private Severity? LastDaySeverity(ChecklistRow row) => row.Checklist.IsOpen && OpenItems(row) > 0 ? Context.SeverityOf(row.Checklist.LastDay) : null;
}
