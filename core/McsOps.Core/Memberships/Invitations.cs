using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>An invitation seen in MCS (承認待ち), waiting for an admin's judgement.</summary>
public sealed record RecordInvitation(GroupCode Group, StaffCode Invitee, StaffCode? InvitedBy, DateOnly InvitedOn) : IOperation<Membership>;

/// <summary>
/// The admin's decision on an invitation, with a reason. Approving against failed conditions is
/// allowed (the admin decides) but the reason is then required and the failures are audited.
/// Either way an MCS action records that the admin must now press 承認する / 承認しない in MCS.
/// </summary>
public sealed record DecideInvitation(GroupCode Group, StaffCode Invitee, bool Approve, string? Reason) : IOperation<Membership>;

/// <summary>A member added or removed directly in MCS, recorded here to stay in step.</summary>
public sealed record RecordMembership(GroupCode Group, StaffCode Staff, MembershipState State, DateOnly On, string? Reason = null) : IOperation<Membership>;

internal sealed class RecordInvitationHandler : IHandler<RecordInvitation, Membership>
{
    public Membership Handle(RecordInvitation op, OperationContext ctx)
    {
        _ = ctx.Group(op.Group);
        _ = ctx.Staff(op.Invitee);
        if (op.InvitedBy is { } by)
        {
            _ = ctx.Staff(by);
        }

        if (ctx.Session.Memberships.Find((op.Group, op.Invitee)) is { State: not MembershipState.Removed } existing)
        {
            throw OperationContext.Rejected("op.membership.exists", op.Invitee.Value, op.Group.Value, Tokens.Format(existing.State));
        }

        var m = new Membership
        {
            Group = op.Group, Staff = op.Invitee, State = MembershipState.Invited, InvitedBy = op.InvitedBy, InvitedOn = op.InvitedOn,
            History = [new MembershipEvent(MembershipState.Invited, ctx.Now, ctx.Actor.Id, null)],
        };
        ctx.Session.Memberships.Upsert(m);
        ctx.Audit("memberships.invite", $"{op.Group.Value}/{op.Invitee.Value}", $"invited on {op.InvitedOn:yyyy-MM-dd}");
        return m;
    }
}

internal sealed class DecideInvitationHandler : IHandler<DecideInvitation, Membership>
{
    public Membership Handle(DecideInvitation op, OperationContext ctx)
    {
        var s = ctx.Session;
        var m = s.Memberships.Find((op.Group, op.Invitee)) is { State: MembershipState.Invited } invited
            ? invited
            : throw OperationContext.Rejected("op.invitation.none", op.Invitee.Value, op.Group.Value);
        var group = ctx.Group(op.Group);
        var failed = InvitationPolicy.FailedConditions(ctx.Staff(op.Invitee), group.Patient is { } p ? s.Patients.Find(p) : null);
        var reason = string.IsNullOrWhiteSpace(op.Reason) ? null : op.Reason.Trim();
        if (reason is null && (!op.Approve || failed.Count > 0))
        {
            throw OperationContext.Rejected("op.reason");
        }

        var decided = op.Approve
            ? MembershipSteps.Step(m, MembershipState.Active, ctx, reason) with { ApprovedOn = ctx.Today }
            : MembershipSteps.Step(m, MembershipState.Removed, ctx, reason) with { RemovedOn = ctx.Today };
        s.Memberships.Upsert(decided);
        ctx.Audit(op.Approve ? "invitations.approve" : "invitations.reject", $"{op.Group.Value}/{op.Invitee.Value}",
            $"failed: {(failed.Count == 0 ? "none" : string.Join(",", failed))}; reason: {reason ?? "-"}");
        var kind = op.Approve ? McsActionKind.ApproveInvitation : McsActionKind.RejectInvitation;
        var key = $"{Tokens.Format(kind)}:{op.Group.Value}:{op.Invitee.Value}";
        if (s.Actions.Find(key) is null)
        {
            s.Actions.Upsert(new McsAction { Key = key, Kind = kind, Subject = op.Group.Value, Member = op.Invitee, DueOn = ctx.Today, CreatedAt = ctx.Now, Note = reason });
            ctx.Audit("actions.create", op.Group.Value, $"{Tokens.Format(kind)} {op.Invitee.Value}");
        }

        return decided;
    }
}

internal sealed class RecordMembershipHandler : IHandler<RecordMembership, Membership>
{
    public Membership Handle(RecordMembership op, OperationContext ctx)
    {
        _ = ctx.Group(op.Group);
        _ = ctx.Staff(op.Staff);
        if (op.State is not (MembershipState.Active or MembershipState.Removed))
        {
            throw OperationContext.Rejected("op.membership.state");
        }

        var existing = ctx.Session.Memberships.Find((op.Group, op.Staff));
        var m = existing ?? new Membership { Group = op.Group, Staff = op.Staff, State = op.State };
        m = MembershipSteps.Step(m, op.State, ctx, op.Reason) with
        {
            ApprovedOn = op.State == MembershipState.Active ? op.On : m.ApprovedOn,
            RemovedOn = op.State == MembershipState.Removed ? op.On : m.RemovedOn,
        };
        ctx.Session.Memberships.Upsert(m);
        ctx.Audit(existing is null ? "memberships.create" : "memberships.update", $"{op.Group.Value}/{op.Staff.Value}", $"changed: state {Tokens.Format(op.State)} on {op.On:yyyy-MM-dd}");
        return m;
    }
}
