using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>One line of the MCS actions list: the action and the name of the staff member it concerns (the member, or a staff subject).</summary>
public sealed record ActionRow(McsAction Action, string? StaffName);

/// <summary>
/// The open MCS actions, earliest due first; with <see cref="IncludeDone"/>, the done ones after
/// them, most recently done first.
/// </summary>
public sealed record ListActions(bool IncludeDone = false) : IQuery<IReadOnlyList<ActionRow>>;

internal sealed class ListActionsHandler : IHandler<ListActions, IReadOnlyList<ActionRow>>
{
    public IReadOnlyList<ActionRow> Handle(ListActions op, OperationContext ctx)
    {
        var s = ctx.Session;
        var actions = op.IncludeDone ? s.Actions.All() : s.Actions.Open();
        return [.. actions
            .OrderBy(a => a.IsOpen ? 0 : 1)
            .ThenBy(a => a.IsOpen ? a.DueOn.DayNumber : -a.DoneAt!.Value.ToUnixTimeMilliseconds())
            .ThenBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => new ActionRow(a, StaffOf(a) is { } c ? s.Staff.Find(c)?.Name : null))];
    }

    /// <summary>The member of a group action; the subject itself of an action about a staff member.</summary>
    private static StaffCode? StaffOf(McsAction a) =>
        a.Member ?? (a.Kind is McsActionKind.ReleaseStaff or McsActionKind.RevokeAdmin or McsActionKind.SuspendStaff ? StaffCode.Parse(a.Subject) : null);
}
