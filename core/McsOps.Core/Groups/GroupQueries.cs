using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>
/// One line of the group list. <see cref="PatientName"/> and <see cref="PatientKana"/> are personal
/// data for the TUI's eyes only (the admin filters by them); nothing else prints them.
/// </summary>
public sealed record GroupRow(
    Group Group,
    string? PatientName,
    string? PatientKana,
    string? OwnerName,
    int ActiveMembers,
    DateOnly? OpenReviewDue,
    string? ConsentFinding);

/// <summary>Every group, in code order.</summary>
public sealed record ListGroups : IQuery<IReadOnlyList<GroupRow>>;

/// <summary>A member as the group's detail shows it: who, from where, in what state, and the reviewer's signals.</summary>
public sealed record MemberRow(Membership Membership, Staff? Staff, MemberSignal Signals);

/// <summary>Everything the group screen shows about one group.</summary>
public sealed record GroupDetail(
    Group Group,
    Patient? Patient,
    Staff? Owner,
    IReadOnlyList<MemberRow> Members,
    Review? OpenReview,
    Review? LastReview,
    string? ConsentFinding,
    IReadOnlyList<McsAction> OpenActions);

public sealed record GetGroupDetail(GroupCode Group) : IQuery<GroupDetail>;

internal sealed class ListGroupsHandler : IHandler<ListGroups, IReadOnlyList<GroupRow>>
{
    public IReadOnlyList<GroupRow> Handle(ListGroups op, OperationContext ctx)
    {
        var s = ctx.Session;
        var patients = s.Patients.All().ToDictionary(p => p.Code);
        var staff = s.Staff.All().ToDictionary(x => x.Code);
        var facts = s.Due.AllFacts().ToDictionary(f => f.Group);
        var open = s.Reviews.Open().ToDictionary(r => r.Group, r => r.DueOn);
        return [.. s.Groups.All()
            .OrderBy(g => g.Code.Value, StringComparer.Ordinal)
            .Select(g =>
            {
                var patient = g.Patient is { } p ? patients.GetValueOrDefault(p) : null;
                var f = facts.GetValueOrDefault(g.Code);
                return new GroupRow(
                    g,
                    patient?.Name,
                    patient?.Kana,
                    g.Owner is { } o ? staff.GetValueOrDefault(o)?.Name : null,
                    f?.ActiveMembers ?? 0,
                    open.TryGetValue(g.Code, out var due) ? due : null,
                    f?.ConsentFinding);
            })];
    }
}

internal sealed class GetGroupDetailHandler : IHandler<GetGroupDetail, GroupDetail>
{
    public GroupDetail Handle(GetGroupDetail op, OperationContext ctx)
    {
        var s = ctx.Session;
        var group = ctx.Group(op.Group);
        var patient = group.Patient is { } p ? s.Patients.Find(p) : null;
        var reviews = s.Reviews.ByGroup(group.Code);
        var open = reviews.FirstOrDefault(r => r.IsOpen);
        var last = reviews.Where(r => r.Status == ReviewStatus.Completed).MaxBy(r => r.OpenedAt);
        var previous = reviews.Where(r => r.Status != ReviewStatus.Cancelled).Select(r => (DateTimeOffset?)r.OpenedAt).Max();
        var members = s.Memberships.ByGroup(group.Code)
            .OrderBy(m => m.State)
            .ThenBy(m => m.Staff.Value, StringComparer.Ordinal)
            .Select(m =>
            {
                var staff = s.Staff.Find(m.Staff);
                var signals = staff is not null && m.State == MembershipState.Active
                    ? ReviewPolicy.Signals(staff, ReviewPolicy.AddedOn(m, ctx.Policy.Clock), patient, previous, ctx.Policy.Clock)
                    : MemberSignal.None;
                return new MemberRow(m, staff, signals);
            })
            .ToList();
        var actions = s.Actions.Open()
            .Where(a => a.Subject == group.Code.Value)
            .OrderBy(a => a.DueOn)
            .ToList();
        return new GroupDetail(
            group,
            patient,
            group.Owner is { } o ? s.Staff.Find(o) : null,
            members,
            open,
            last,
            s.Due.Facts(group.Code)?.ConsentFinding,
            actions);
    }
}
