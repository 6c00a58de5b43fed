using McsOps.Core.Scheduling;
using McsOps.Core.Storage;

namespace McsOps.Core;

/// <summary>Opens a review of a group: one pending item per active member, with the signals a reviewer needs.</summary>
public static class ReviewOpener
{
    /// <summary>Opens the review now (ad hoc) or for a cron time, reading what it needs from the session.</summary>
    public static Review Open(IStoreSession s, Group group, DateTimeOffset openedAt, bool adHoc, PolicySettings policy, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(policy);
        var review = Build(group, openedAt, adHoc, policy, ReviewSources.Of(s, policy.Clock));
        Save(s, review, actor, policy);
        return review;
    }

    /// <summary>
    /// The review as it opens, not yet stored. A scheduled review opened late (by a sweep after
    /// day 7) starts escalated when <paramref name="now"/> says so.
    /// </summary>
    internal static Review Build(Group group, DateTimeOffset openedAt, bool adHoc, PolicySettings policy, ReviewSources sources, DateTimeOffset? now = null)
    {
        var previous = sources.LastOpened(group.Code);
        var patient = group.Patient is { } p ? sources.Patient(p) : null;
        var items = sources.ActiveMembers(group.Code)
            .OrderBy(m => m.Staff.Value, StringComparer.Ordinal)
            .Select(m => new ReviewItem
            {
                Member = m.Staff,
                Signals = sources.Staff(m.Staff) is { } staff ? ReviewPolicy.Signals(staff, m.AddedOn, patient, previous, policy.Clock) : MemberSignal.None,
            })
            .ToList();
        var review = new Review
        {
            Id = Review.IdFor(group.Code, openedAt),
            Group = group.Code,
            OpenedAt = openedAt,
            DueOn = ReviewPolicy.DueOn(openedAt, policy),
            Reviewer = group.Owner,
            AdHoc = adHoc,
            Items = items,
        };
        return now is { } at && ReviewPolicy.ShouldEscalate(review, at, policy)
            ? review with { Status = ReviewStatus.Escalated, EscalatedAt = now }
            : review;
    }

    /// <summary>Stores a review that <see cref="Build"/> made, in one audited change.</summary>
    internal static void Save(IStoreSession s, Review review, Actor actor, PolicySettings policy)
    {
        s.Reviews.Insert(review);
        var escalated = review.Status == ReviewStatus.Escalated ? $"; escalated (day {policy.EscalationDay} has passed)" : string.Empty;
        s.Audit.Append(actor, "reviews.open", review.Group.Value,
            $"{(review.AdHoc ? "ad hoc" : "scheduled")}; opened {policy.Clock.DateOf(review.OpenedAt):yyyy-MM-dd}; due {review.DueOn:yyyy-MM-dd}; members {review.Items.Count}{escalated}");
    }
}

/// <summary>
/// What building a review reads: by default the session, two queries per group and a look-up
/// per member; a sweep that opens thousands passes what it read at once for all of them.
/// </summary>
internal sealed record ReviewSources(
    Func<GroupCode, IEnumerable<ReviewMember>> ActiveMembers,
    Func<GroupCode, DateTimeOffset?> LastOpened,
    Func<StaffCode, Staff?> Staff,
    Func<PatientCode, Patient?> Patient)
{
    public static ReviewSources Of(IStoreSession s, FacilityClock clock) => new(
        g => s.Memberships.ByGroup(g).Where(m => m.State == MembershipState.Active).Select(m => new ReviewMember(m.Staff, ReviewPolicy.AddedOn(m, clock))),
        g => ReviewPolicy.LastOpened(s.Reviews.ByGroup(g)),
        s.Staff.Find,
        s.Patients.Find);
}

/// <summary>An active member as a review sees them: who, and since when.</summary>
internal readonly record struct ReviewMember(StaffCode Staff, DateOnly? AddedOn);
