using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>
/// A reviewer's (or an admin's, on their behalf) decision on one member of the group's open
/// review. <c>remove</c> makes the membership removal_pending and an MCS action for the admins —
/// McsOps never removes anyone by itself. Removing an external member needs a justification
/// (configurable). The review completes when no member is pending.
/// </summary>
public sealed record RecordDecision(GroupCode Group, StaffCode Member, ReviewDecision Decision, string? Justification = null) : IOperation<Review>;

internal sealed class RecordDecisionHandler : IHandler<RecordDecision, Review>
{
    public Review Handle(RecordDecision op, OperationContext ctx)
    {
        var s = ctx.Session;
        var review = s.Reviews.OpenFor(op.Group) ?? throw OperationContext.Rejected("op.review.none", op.Group.Value);
        if (op.Decision == ReviewDecision.Pending)
        {
            throw OperationContext.Rejected("op.review.pending");
        }

        var item = review.Items.FirstOrDefault(i => i.Member == op.Member) ?? throw OperationContext.Rejected("op.review.notmember", op.Member.Value, op.Group.Value);
        MayDecide(ctx, review);
        var member = ctx.Staff(op.Member);
        var justification = string.IsNullOrWhiteSpace(op.Justification) ? null : op.Justification.Trim();
        if (op.Decision == ReviewDecision.Remove && justification is null && ctx.Policy.RequireRemovalJustificationForExternal
            && member.Facility != s.Facilities.All().FirstOrDefault(f => f.IsHome)?.Code)
        {
            throw OperationContext.Rejected("op.review.justify", op.Member.Value);
        }

        var decided = item with { Decision = op.Decision, Justification = justification, DecidedBy = ctx.Actor.Id, DecidedAt = ctx.Now, Channel = ctx.Actor.Channel };
        var items = review.Items.Select(i => i.Member == op.Member ? decided : i).ToList();
        var updated = review with { Items = items };
        if (updated.Pending == 0)
        {
            updated = updated with { Status = ReviewStatus.Completed, ClosedAt = ctx.Now, ClosedBy = ctx.Actor.Id };
        }

        s.Reviews.Upsert(updated);
        ctx.Audit("reviews.decide", op.Group.Value, $"{op.Member.Value}: {Tokens.Format(op.Decision)}{(item.Decision != ReviewDecision.Pending ? $" (was {Tokens.Format(item.Decision)})" : string.Empty)}");
        if (op.Decision == ReviewDecision.Remove)
        {
            MembershipSteps.RequestRemoval(ctx, op.Group, op.Member, justification ?? "review");
        }

        if (updated.Status == ReviewStatus.Completed)
        {
            ctx.Audit("reviews.complete", op.Group.Value, $"keep {items.Count(i => i.Decision == ReviewDecision.Keep)}, remove {items.Count(i => i.Decision == ReviewDecision.Remove)}, unsure {items.Count(i => i.Decision == ReviewDecision.Unsure)}");
        }

        return updated;
    }

    /// <summary>Only the group's reviewer, or an admin (the fallback reviewers) may decide.</summary>
    private static void MayDecide(OperationContext ctx, Review review)
    {
        if (ctx.Actor.Channel is Channel.System or Channel.Tui or Channel.Cli)
        {
            return; // the terminal is the admins' (the service checks their role)
        }

        var isReviewer = review.Reviewer?.Value == ctx.Actor.Id;
        var isAdmin = Code.TryParse<StaffCode>(ctx.Actor.Id, out var code) && ctx.Session.Staff.Find(code)?.Roles.HasFlag(StaffRoles.Admin) == true;
        if (!isReviewer && !isAdmin)
        {
            throw new OpsException(ExitCode.NotPermitted, "op.review.notreviewer", review.Group.Value);
        }
    }
}
