using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>
/// A pending invitation as the admin judges it: the invitee, their facility, who invited them,
/// when it is due (design §5.4: 3 days after it was sent) and every approval condition.
/// </summary>
public sealed record InvitationRow(
    Membership Membership,
    Staff? Invitee,
    Facility? Facility,
    Staff? InvitedBy,
    DateOnly? DueOn,
    IReadOnlyList<InvitationCondition> Conditions);

/// <summary>Every pending invitation (承認待ち), oldest first.</summary>
public sealed record ListInvitations : IQuery<IReadOnlyList<InvitationRow>>;

internal sealed class ListInvitationsHandler : IHandler<ListInvitations, IReadOnlyList<InvitationRow>>
{
    public IReadOnlyList<InvitationRow> Handle(ListInvitations op, OperationContext ctx)
    {
        var s = ctx.Session;
        return [.. s.Due.PendingInvitations(DateOnly.MaxValue)
            .OrderBy(p => p.InvitedOn)
            .ThenBy(p => p.Group.Value, StringComparer.Ordinal)
            .ThenBy(p => p.Invitee.Value, StringComparer.Ordinal)
            .Select(p => s.Memberships.Find((p.Group, p.Invitee)))
            .OfType<Membership>()
            .Select(m =>
            {
                var invitee = s.Staff.Find(m.Staff);
                var patient = s.Groups.Find(m.Group)?.Patient is { } code ? s.Patients.Find(code) : null;
                return new InvitationRow(
                    m,
                    invitee,
                    invitee is null ? null : s.Facilities.Find(invitee.Facility),
                    m.InvitedBy is { } by ? s.Staff.Find(by) : null,
                    m.InvitedOn?.AddDays(ctx.Policy.InvitationDueDays),
                    invitee is null ? [] : InvitationPolicy.Conditions(invitee, patient));
            })];
    }
}
