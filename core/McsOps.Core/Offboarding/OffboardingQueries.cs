using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>A leaver's checklist with the leaver's staff record (for the name).</summary>
public sealed record ChecklistRow(Checklist Checklist, Staff? Staff);

/// <summary>Every offboarding checklist: the open ones first, earliest last day first; then the signed-off ones, newest first.</summary>
public sealed record ListChecklists : IQuery<IReadOnlyList<ChecklistRow>>;

/// <summary>The checklist of one leaver.</summary>
public sealed record GetChecklist(StaffCode Staff) : IQuery<ChecklistRow>;

internal sealed class ListChecklistsHandler : IHandler<ListChecklists, IReadOnlyList<ChecklistRow>>
{
    public IReadOnlyList<ChecklistRow> Handle(ListChecklists op, OperationContext ctx) =>
        [.. ctx.Session.Checklists.All()
            .OrderBy(c => c.IsOpen ? 0 : 1)
            .ThenBy(c => c.IsOpen ? c.LastDay.DayNumber : -c.LastDay.DayNumber)
            .ThenBy(c => c.Staff.Value, StringComparer.Ordinal)
            .Select(c => new ChecklistRow(c, ctx.Session.Staff.Find(c.Staff)))];
}

internal sealed class GetChecklistHandler : IHandler<GetChecklist, ChecklistRow>
{
    public ChecklistRow Handle(GetChecklist op, OperationContext ctx) =>
        ctx.Session.Checklists.Find(op.Staff) is { } c
            ? new ChecklistRow(c, ctx.Session.Staff.Find(op.Staff))
            : throw OperationContext.Rejected("op.checklist.none", op.Staff.Value);
}
