using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>One line of the review list: the review and its reviewer's name.</summary>
public sealed record ReviewRow(Review Review, string? ReviewerName);

/// <summary>
/// The open (and escalated) reviews, earliest due first; with <see cref="IncludeClosed"/>, the
/// completed and cancelled ones after them, newest first.
/// </summary>
public sealed record ListReviews(bool IncludeClosed = false) : IQuery<IReadOnlyList<ReviewRow>>;

/// <summary>A member under review, with the staff record for the name and facility.</summary>
public sealed record ReviewItemRow(ReviewItem Item, Staff? Member);

public sealed record ReviewDetail(Review Review, Staff? Reviewer, IReadOnlyList<ReviewItemRow> Items);

/// <summary>One review of a group: the one with <see cref="Id"/>, or else the open one, or else the latest.</summary>
public sealed record GetReview(GroupCode Group, string? Id = null) : IQuery<ReviewDetail>;

internal sealed class ListReviewsHandler : IHandler<ListReviews, IReadOnlyList<ReviewRow>>
{
    public IReadOnlyList<ReviewRow> Handle(ListReviews op, OperationContext ctx)
    {
        var s = ctx.Session;
        var reviews = op.IncludeClosed ? s.Reviews.All() : s.Reviews.Open();
        var names = reviews.Select(r => r.Reviewer).OfType<StaffCode>().Distinct()
            .ToDictionary(c => c, c => s.Staff.Find(c)?.Name);
        return [.. reviews
            .OrderBy(r => r.IsOpen ? 0 : 1)
            .ThenBy(r => r.IsOpen ? r.DueOn.DayNumber : -ctx.Policy.Clock.DateOf(r.OpenedAt).DayNumber)
            .ThenBy(r => r.Group.Value, StringComparer.Ordinal)
            .Select(r => new ReviewRow(r, r.Reviewer is { } c ? names[c] : null))];
    }
}

internal sealed class GetReviewHandler : IHandler<GetReview, ReviewDetail>
{
    public ReviewDetail Handle(GetReview op, OperationContext ctx)
    {
        var s = ctx.Session;
        var reviews = s.Reviews.ByGroup(ctx.Group(op.Group).Code);
        var review = (op.Id is { } id ? reviews.FirstOrDefault(r => r.Id == id) : reviews.FirstOrDefault(r => r.IsOpen) ?? reviews.MaxBy(r => r.OpenedAt))
            ?? throw OperationContext.Rejected("op.review.none", op.Group.Value);
        return new ReviewDetail(
            review,
            review.Reviewer is { } reviewer ? s.Staff.Find(reviewer) : null,
            [.. review.Items.Select(i => new ReviewItemRow(i, s.Staff.Find(i.Member)))]);
    }
}
