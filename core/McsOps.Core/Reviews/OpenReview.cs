using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>Opens an ad-hoc review now (due in 14 days): never on an empty, archive_pending or archived group, never a second one.</summary>
public sealed record OpenReview(GroupCode Group) : IOperation<Review>;

internal sealed class OpenReviewHandler : IHandler<OpenReview, Review>
{
    public Review Handle(OpenReview op, OperationContext ctx)
    {
        var group = ctx.Group(op.Group);
        if (group.Status != GroupStatus.Active)
        {
            throw OperationContext.Rejected("op.review.notactive", group.Code.Value, Tokens.Format(group.Status));
        }

        if (ctx.Session.Reviews.OpenFor(group.Code) is { } open)
        {
            throw OperationContext.Rejected("op.review.alreadyopen", group.Code.Value, open.DueOn);
        }

        if (!ctx.Session.Memberships.ByGroup(group.Code).Any(m => m.State == MembershipState.Active))
        {
            throw OperationContext.Rejected("op.review.empty", group.Code.Value);
        }

        return ReviewOpener.Open(ctx.Session, group, ctx.Now, adHoc: true, ctx.Policy, ctx.Actor);
    }
}
