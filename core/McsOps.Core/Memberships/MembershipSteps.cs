using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>Membership steps shared by several operations.</summary>
internal static class MembershipSteps
{
    /// <summary>A decided removal: the membership waits for an admin to remove the member in MCS.</summary>
    public static void RequestRemoval(OperationContext ctx, GroupCode group, StaffCode staff, string reason)
    {
        var s = ctx.Session;
        var m = s.Memberships.Find((group, staff)) ?? throw OperationContext.Rejected("op.notmember", staff.Value, group.Value);
        if (m.State is MembershipState.Removed or MembershipState.RemovalPending)
        {
            return;
        }

        s.Memberships.Upsert(Step(m, MembershipState.RemovalPending, ctx, reason));
        ctx.Audit("memberships.update", $"{group.Value}/{staff.Value}", "changed: state removal_pending");
        var key = $"remove_member:{group.Value}:{staff.Value}";
        if (s.Actions.Find(key) is null)
        {
            var due = ctx.Today.AddDays(ctx.Policy.RemovalDueDays);
            s.Actions.Upsert(new McsAction { Key = key, Kind = McsActionKind.RemoveMember, Subject = group.Value, Member = staff, DueOn = due, CreatedAt = ctx.Now, Note = reason });
            ctx.Audit("actions.create", group.Value, $"remove_member {staff.Value} due {due:yyyy-MM-dd}");
        }
    }

    public static Membership Step(Membership m, MembershipState state, OperationContext ctx, string? reason) =>
        m with { State = state, History = [.. m.History, new MembershipEvent(state, ctx.Now, ctx.Actor.Id, reason)] };
}
