using McsOps.Core.Scheduling;

namespace McsOps.Core;

/// <summary>
/// Design §5.1. Every active group with at least one active member is reviewed on its cron
/// schedule; at most one review is open per group; a review counts as opened at its cron time,
/// is due <see cref="PolicySettings.ReviewDueDays"/> days later, reminds pending reviewers on days
/// 0/3/7, is escalated to the admins on day 7, and is overdue after its due date. Day N begins at
/// 00:00 facility time on the N-th calendar day after opening.
/// </summary>
public static class ReviewPolicy
{
    public const string Kind = "member_review";
    public const string EscalatedKind = "member_review_escalated";

    /// <summary>How far back a group that was never reviewed looks for its latest cron time.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(400);

    /// <summary>
    /// The first cron time at which the group is owed a review that nobody has opened yet; null
    /// when it is owed none (not active, no active member, or a review is open).
    /// </summary>
    public static DateTimeOffset? NextScheduled(Group group, int activeMembers, bool hasOpenReview, DateTimeOffset? lastOpenedAt, PolicySettings policy)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(policy);
        if (group.Status != GroupStatus.Active || activeMembers == 0 || hasOpenReview)
        {
            return null;
        }

        var after = lastOpenedAt
            ?? (group.CreatedOn is { } created ? policy.Clock.StartOf(created).AddMilliseconds(-1) : (DateTimeOffset?)null);
        return after is { } a ? policy.ScheduleFor(group.ReviewCron).Next(a) : GroupFacts.Always;
    }

    /// <summary>
    /// The cron time a review opened at <paramref name="at"/> counts from: the latest occurrence at
    /// or before <paramref name="at"/> that is not before <paramref name="reviewNext"/>.
    /// </summary>
    public static DateTimeOffset? Occurrence(string? cron, DateTimeOffset reviewNext, DateTimeOffset at, PolicySettings policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (reviewNext > at)
        {
            return null;
        }

        var floor = reviewNext > at - Lookback ? reviewNext : at - Lookback;
        return policy.ScheduleFor(cron).Latest(floor.AddMilliseconds(-1), at);
    }

    public static DateOnly DueOn(DateTimeOffset openedAt, PolicySettings policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Clock.DateOf(openedAt).AddDays(policy.ReviewDueDays);
    }

    /// <summary>The reminder days (0, 3, 7 …) that have begun by <paramref name="at"/>.</summary>
    public static IEnumerable<int> ReminderDaysReached(Review review, DateTimeOffset at, PolicySettings policy)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(policy);
        return policy.ReviewReminderDays.Where(n => policy.Clock.DayStart(review.OpenedAt, n) <= at && policy.Clock.DateOf(at) <= review.DueOn);
    }

    public static bool ShouldEscalate(Review review, DateTimeOffset at, PolicySettings policy)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(policy);
        return review.Status == ReviewStatus.Open && review.Pending > 0 && policy.Clock.DayStart(review.OpenedAt, policy.EscalationDay) <= at;
    }

    /// <summary>When the group's latest review that was not cancelled was opened; null before the first.</summary>
    public static DateTimeOffset? LastOpened(IEnumerable<Review> reviews) =>
        reviews.Where(r => r.Status != ReviewStatus.Cancelled).Select(r => (DateTimeOffset?)r.OpenedAt).Max();

    /// <summary>The day a member was added to the group: approved, else invited, else first recorded.</summary>
    public static DateOnly? AddedOn(Membership membership, FacilityClock clock)
    {
        ArgumentNullException.ThrowIfNull(membership);
        return AddedOn(membership.ApprovedOn, membership.InvitedOn, membership.History.Count > 0 ? membership.History[0].At : null, clock);
    }

    /// <inheritdoc cref="AddedOn(Membership, FacilityClock)"/>
    public static DateOnly? AddedOn(ActiveMember member, FacilityClock clock)
    {
        ArgumentNullException.ThrowIfNull(member);
        return AddedOn(member.ApprovedOn, member.InvitedOn, member.FirstRecordedAt, clock);
    }

    private static DateOnly? AddedOn(DateOnly? approvedOn, DateOnly? invitedOn, DateTimeOffset? firstRecordedAt, FacilityClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return approvedOn ?? invitedOn ?? (firstRecordedAt is { } at ? clock.DateOf(at) : null);
    }

    /// <summary>The signals a reviewer sees next to a member added on <paramref name="addedOn"/> (design §5.1).</summary>
    public static MemberSignal Signals(Staff member, DateOnly? addedOn, Patient? patient, DateTimeOffset? lastReviewOpenedAt, FacilityClock clock)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(clock);
        var s = MemberSignal.None;
        if (member.Status == StaffStatus.Leaving)
        {
            s |= MemberSignal.Leaving;
        }

        if (member.Status == StaffStatus.Departed)
        {
            s |= MemberSignal.Departed;
        }

        if (patient?.Consent?.RefusedFacilities.Contains(member.Facility) == true)
        {
            s |= MemberSignal.FacilityRefused;
        }

        if (!member.IdentityVerified)
        {
            s |= MemberSignal.NotVerified;
        }

        if (lastReviewOpenedAt is { } last && addedOn is { } a && a >= clock.DateOf(last))
        {
            s |= MemberSignal.AddedSinceLastReview;
        }

        return s;
    }
}
