using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>An admin completes the group's open review (pending members stay pending: nobody is removed) or cancels it.</summary>
public sealed record CloseReview(GroupCode Group, bool Cancel, string Reason) : IOperation<Review>;

internal sealed class CloseReviewHandler : IHandler<CloseReview, Review>
{
    public Review Handle(CloseReview op, OperationContext ctx)
    {
        if (string.IsNullOrWhiteSpace(op.Reason))
        {
            throw OperationContext.Rejected("op.reason");
        }

        var review = ctx.Session.Reviews.OpenFor(op.Group) ?? throw OperationContext.Rejected("op.review.none", op.Group.Value);
        var closed = review with { Status = op.Cancel ? ReviewStatus.Cancelled : ReviewStatus.Completed, ClosedAt = ctx.Now, ClosedBy = ctx.Actor.Id };
        ctx.Session.Reviews.Upsert(closed);
        ctx.Audit(op.Cancel ? "reviews.cancel" : "reviews.complete", op.Group.Value, $"pending {review.Pending}; reason: {op.Reason.Trim()}");
        return closed;
    }
}
