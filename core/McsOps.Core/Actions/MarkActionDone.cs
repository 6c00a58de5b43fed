using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>
/// An admin did the MCS action by hand. The state it was about follows: a removed member becomes
/// removed and the reviewer is told; an archived group becomes archived (and its patient too).
/// </summary>
public sealed record MarkActionDone(string Key, string Evidence) : IOperation<McsAction>;

internal sealed class MarkActionDoneHandler : IHandler<MarkActionDone, McsAction>
{
    public McsAction Handle(MarkActionDone op, OperationContext ctx)
    {
        var s = ctx.Session;
        var action = s.Actions.Find(op.Key) ?? throw OperationContext.Rejected("op.unknown", op.Key);
        if (!action.IsOpen)
        {
            throw OperationContext.Rejected("op.action.done", op.Key);
        }

        if (string.IsNullOrWhiteSpace(op.Evidence))
        {
            throw OperationContext.Rejected("op.evidence");
        }

        var done = action with { DoneAt = ctx.Now, DoneBy = ctx.Actor.Id, Note = op.Evidence.Trim() };
        s.Actions.Upsert(done);
        ctx.Audit("actions.done", action.Subject, $"{action.Key}; evidence: {op.Evidence.Trim()}");
        switch (action.Kind)
        {
            case McsActionKind.RemoveMember when action.Member is { } member:
                var group = GroupCode.Parse(action.Subject);
                if (s.Memberships.Find((group, member)) is { } m && m.State != MembershipState.Removed)
                {
                    s.Memberships.Upsert(MembershipSteps.Step(m, MembershipState.Removed, ctx, "removed in MCS") with { RemovedOn = ctx.Today });
                    ctx.Audit("memberships.update", $"{group.Value}/{member.Value}", "changed: state removed");
                }

                if (s.Groups.Find(group)?.Owner is { } reviewer)
                {
                    var n = new Notifications(ctx.Policy);
                    s.Outbox.Enqueue(n.Message($"removed:{group.Value}:{member.Value}", reviewer, "removal_done", ctx.Now,
                        new MessageContent { Text = n.T("msg.removed", member.Value, group.Value) }));
                }

                break;
            case McsActionKind.ArchiveGroup:
                var g = ctx.Group(GroupCode.Parse(action.Subject));
                s.Groups.Upsert(g with { Status = GroupStatus.Archived });
                ctx.Audit("groups.update", g.Code.Value, "changed: status archived");
                if (g.Patient is { } p && s.Patients.Find(p) is { Status: PatientStatus.Discharged } patient)
                {
                    s.Patients.Upsert(patient with { Status = PatientStatus.Archived });
                    ctx.Audit("patients.update", p.Value, "changed: status archived");
                }

                break;
        }

        return done;
    }
}
